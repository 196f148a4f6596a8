namespace LlmTco.Pricing;

/// <summary>One row of <c>egress_prices.csv</c>: the price of sending one gigabyte out to the internet.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record EgressPrice : ISourcedRow
{
    /// <summary>Gets the provider slug (column <c>provider</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the service or transfer kind, e.g. <c>internet-egress</c> (column <c>service</c>).</summary>
    public required string Service { get; init; }

    /// <summary>Gets the region, or <c>any</c> (column <c>region</c>).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the ISO 4217 currency code (column <c>currency</c>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the price of one gigabyte transferred out (column <c>price_per_gb</c>).</summary>
    public required decimal PricePerGb { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
