namespace LlmTco.Workloads;

/// <summary>The traffic an LLM must serve: one or more profiles and how peaky the traffic is.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record Workload
{
    /// <summary>Gets the traffic profiles; at least one.</summary>
    public required IReadOnlyList<TrafficProfile> Profiles { get; init; }

    /// <summary>
    /// Gets the ratio of peak to average throughput, at least 1. Self-hosted capacity is sized for the peak: required
    /// tokens/s = monthly output tokens ÷ seconds in a month × this ratio.
    /// </summary>
    /// <value>The default value is 1.</value>
    public double PeakToAverageRatio { get; init; } = 1;
}
