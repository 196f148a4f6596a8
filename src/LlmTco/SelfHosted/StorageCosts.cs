namespace LlmTco.SelfHosted;

/// <summary>Storage held (weights, checkpoints, datasets, logs) and data sent out, each priced directly or from the catalog.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record StorageCosts
{
    /// <summary>Gets the gigabytes held every month.</summary>
    /// <value>The default value is 0.</value>
    public double GbHeld { get; init; }

    /// <summary>Gets the storage price per GB-month, or <see langword="null"/> to look up <see cref="StorageProvider"/> and <see cref="StorageService"/>.</summary>
    public double? PricePerGbMonth { get; init; }

    /// <summary>Gets the <c>provider</c> of a row in <c>storage_prices.csv</c>.</summary>
    public string? StorageProvider { get; init; }

    /// <summary>Gets the <c>service</c> of that row, e.g. <c>S3 Standard</c>.</summary>
    public string? StorageService { get; init; }

    /// <summary>Gets the gigabytes sent to the internet every month.</summary>
    /// <value>The default value is 0.</value>
    public double EgressGbPerMonth { get; init; }

    /// <summary>Gets the egress price per GB, or <see langword="null"/> to look up <see cref="EgressProvider"/> and <see cref="EgressService"/>.</summary>
    public double? EgressPricePerGb { get; init; }

    /// <summary>Gets the <c>provider</c> of a row in <c>egress_prices.csv</c>.</summary>
    public string? EgressProvider { get; init; }

    /// <summary>Gets the <c>service</c> of that row.</summary>
    public string? EgressService { get; init; }
}
