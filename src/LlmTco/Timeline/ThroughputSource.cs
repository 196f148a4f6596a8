namespace LlmTco.Timeline;

/// <summary>Where a self-hosted replica's throughput comes from.</summary>
public enum ThroughputSource
{
    /// <summary>Not applicable (API options).</summary>
    None = 0,

    /// <summary>A row of <c>throughput_benchmarks.csv</c> for the same model, GPU, precision and GPUs per replica.</summary>
    Benchmark = 1,

    /// <summary>The roofline estimate (no benchmark row matched): an estimate, flagged in the assumptions.</summary>
    RooflineEstimate = 2,

    /// <summary>A figure given in the option (<see cref="SelfHosted.SelfHostedOption.ReplicaThroughputTokensPerSecond"/>).</summary>
    Given = 3,
}
