namespace LlmTco.Pricing;

/// <summary>One row of <c>electricity_prices.csv</c>: an average electricity price for a region and sector.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ElectricityPrice : ISourcedRow
{
    /// <summary>Gets the region, e.g. <c>us</c> or <c>eu-27</c> (column <c>region</c>).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the customer sector, <c>industrial</c> or <c>commercial</c> (column <c>sector</c>).</summary>
    public required string Sector { get; init; }

    /// <summary>Gets the ISO 4217 currency code (column <c>currency</c>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the price of one kilowatt-hour (column <c>price_per_kwh</c>).</summary>
    public required decimal PricePerKwh { get; init; }

    /// <summary>Gets the period the average covers, e.g. <c>2024</c> or <c>2025-08</c> (column <c>period</c>).</summary>
    public required string Period { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
