namespace LlmTco.Pricing;

/// <summary>One row of <c>storage_prices.csv</c>: the monthly price of storing one gigabyte.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record StoragePrice : ISourcedRow
{
    /// <summary>Gets the provider slug, e.g. <c>aws</c> (column <c>provider</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the storage service, e.g. <c>s3-standard</c> (column <c>service</c>).</summary>
    public required string Service { get; init; }

    /// <summary>Gets the region, or <c>any</c> (column <c>region</c>).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the ISO 4217 currency code (column <c>currency</c>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the price of one gigabyte held for one month (column <c>price_per_gb_month</c>).</summary>
    public required decimal PricePerGbMonth { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
