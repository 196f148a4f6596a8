namespace LlmTco.Pricing;

/// <summary>One row of <c>hosting_prices.csv</c>: a colocation price per kilowatt of IT load per month.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record HostingPrice : ISourcedRow
{
    /// <summary>Gets the market or report, e.g. <c>cbre-northern-virginia</c> (column <c>provider</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the region (column <c>region</c>).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the ISO 4217 currency code (column <c>currency</c>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the price of one kilowatt of IT capacity for one month (column <c>price_per_kw_month</c>).</summary>
    public required decimal PricePerKwMonth { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
