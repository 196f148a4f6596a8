namespace LlmTco.Timeline;

/// <summary>Where a self-hosted replica's throughput comes from.</summary>
public enum ThroughputSource
{
    /// <summary>Not applicable (API options).</summary>
    None = 0,

    /// <summary>A row of <c>throughput_benchmarks.csv</c> for the same model, GPU, precision and GPUs per replica, measured within 20 % of every profile's request shape.</summary>
    Benchmark = 1,

    /// <summary>The roofline estimate (no benchmark row for the model, GPU, precision and group): an estimate, flagged in the assumptions.</summary>
    RooflineEstimate = 2,

    /// <summary>A figure given in the option (<see cref="SelfHosted.SelfHostedOption.ReplicaThroughputTokensPerSecond"/>).</summary>
    Given = 3,

    /// <summary>
    /// A row of <c>throughput_benchmarks.csv</c> measured at another request shape, carried over to the workload's shape
    /// by the ratio of the roofline at the two shapes, or capped by a latency target through the calibrated roofline: an estimate, flagged in the assumptions with both shapes.
    /// </summary>
    BenchmarkAdjusted = 4,
}
