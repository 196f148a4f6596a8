namespace LlmTco.Workloads;

/// <summary>
/// One kind of request in a workload (e.g. "chat", "summarise documents"): how many, how long, how cacheable and how
/// batchable, and how it grows.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record TrafficProfile
{
    /// <summary>Gets the profile's name, used in results.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the requests in month 1 (requests per month).</summary>
    public required double MonthlyRequests { get; init; }

    /// <summary>Gets the input (prompt) tokens per request.</summary>
    public required double InputTokensPerRequest { get; init; }

    /// <summary>Gets the output (completion) tokens per request, reasoning tokens included.</summary>
    public required double OutputTokensPerRequest { get; init; }

    /// <summary>Gets the share of input tokens read from a prompt cache, 0 to 1.</summary>
    /// <value>The default value is 0.</value>
    public double CacheReadShare { get; init; }

    /// <summary>Gets the share of input tokens written to a prompt cache, 0 to 1; with <see cref="CacheReadShare"/> at most 1.</summary>
    /// <value>The default value is 0.</value>
    public double CacheWriteShare { get; init; }

    /// <summary>Gets the share of requests that can go through a batch (asynchronous) API, 0 to 1.</summary>
    /// <value>The default value is 0.</value>
    public double BatchShare { get; init; }

    /// <summary>
    /// Gets the latency each interactive request must see on self-hosted replicas, or <see langword="null"/> for none
    /// (capacity is then the offline throughput at the profile's request shape). API options are not affected.
    /// </summary>
    public LatencyTarget? Latency { get; init; }

    /// <summary>Gets how the requests per month change over the horizon.</summary>
    /// <value>The default value is a rule equal to <see cref="GrowthRule.None"/>.</value>
    /// <remarks>
    /// Each profile gets its own instance: the configuration binder sets the properties of the instance it finds, so a
    /// shared <see cref="GrowthRule.None"/> would take the first bound growth for every profile in the process.
    /// </remarks>
    public GrowthRule Growth { get; init; } = new();
}
