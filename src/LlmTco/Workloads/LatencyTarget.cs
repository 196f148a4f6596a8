namespace LlmTco.Workloads;

/// <summary>
/// What each user of an interactive traffic profile must see: how soon the first token arrives and how fast the rest
/// follow. A self-hosted replica serving the profile runs only as many requests at once as still meet the target, which
/// lowers its throughput below the offline maximum. Requests in the profile's <see cref="TrafficProfile.BatchShare"/>
/// have no target.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record LatencyTarget
{
    /// <summary>
    /// Gets the longest time to first token, in seconds (the request's own prompt processing plus one decode step), or
    /// <see langword="null"/> for no bound.
    /// </summary>
    public double? MaxTimeToFirstTokenSeconds { get; init; }

    /// <summary>
    /// Gets the fewest output tokens per second each request must receive once its first token has arrived (reading speed
    /// is about 5 to 10; a chat product often asks for 20 to 50), or <see langword="null"/> for no bound.
    /// </summary>
    public double? MinOutputTokensPerSecondPerRequest { get; init; }
}
