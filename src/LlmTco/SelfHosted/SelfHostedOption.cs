using LlmTco.Pricing;

namespace LlmTco.SelfHosted;

/// <summary>
/// Serving an open-weights model on your own GPUs, rented or owned: capacity from benchmarks or a roofline estimate,
/// compute, power, storage, fine-tuning runs and people.
/// </summary>
/// <remarks>
/// Exactly one of <see cref="Rented"/> and <see cref="Owned"/> must be set.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record SelfHostedOption
{
    /// <summary>Gets the option's name, unique in the scenario.</summary>
    public required string Name { get; init; }

    /// <summary>Gets the open model id or alias in <c>open_models.csv</c>.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the GPU id in <c>gpus.csv</c>.</summary>
    public required string Gpu { get; init; }

    /// <summary>Gets the precision the weights are served in: BF16/FP16 2 bytes per parameter, FP8/INT8 1, INT4/FP4 0.5.</summary>
    /// <value>The default value is <see cref="NumericPrecision.Bf16"/>.</value>
    public NumericPrecision Precision { get; init; }

    /// <summary>Gets the precision of the KV cache: 2 bytes per element for BF16/FP16, 1 for FP8/INT8.</summary>
    /// <value>The default value is <see cref="NumericPrecision.Bf16"/>.</value>
    public NumericPrecision KvCachePrecision { get; init; }

    /// <summary>Gets the concurrent sequences one replica serves (the decode batch size, and the KV cache it must hold).</summary>
    /// <value>The default value is 32.</value>
    public int ServingConcurrency { get; init; } = 32;

    /// <summary>Gets the share of a replica's throughput planned to be used at peak, greater than 0 and at most 1.</summary>
    /// <value>The default value is 0.7.</value>
    public double TargetUtilization { get; init; } = 0.7;

    /// <summary>Gets the fewest serving replicas, even with no traffic: from 0 to 1,000,000.</summary>
    /// <value>The default value is 1.</value>
    public int MinReplicas { get; init; } = 1;

    /// <summary>Gets the spare replicas added for redundancy (the k in N+k): from 0 to 1,000,000.</summary>
    /// <value>The default value is 0.</value>
    public int RedundancyReplicas { get; init; }

    /// <summary>
    /// Gets a fixed number of GPUs per replica (a power of two from 1 to 1,024), or <see langword="null"/> to use the
    /// smallest power of two whose usable memory holds the weights and the KV cache.
    /// </summary>
    public int? GpusPerReplica { get; init; }

    /// <summary>Gets the largest GPU group a replica may use when sizing by memory: from 1 to 1,024.</summary>
    /// <value>The default value is 8.</value>
    public int MaxGpusPerReplica { get; init; } = 8;

    /// <summary>Gets the share of GPU memory usable for weights and KV cache, greater than 0 and at most 1.</summary>
    /// <value>The default value is 0.9.</value>
    public double UsableMemoryFraction { get; init; } = 0.9;

    /// <summary>
    /// Gets a measured output throughput of one replica in tokens/s that replaces the benchmark table and the roofline
    /// estimate, or <see langword="null"/>.
    /// </summary>
    public double? ReplicaThroughputTokensPerSecond { get; init; }

    /// <summary>Gets the memory bandwidth utilisation the roofline estimate assumes, greater than 0 and at most 1.</summary>
    /// <value>The default value is 0.6.</value>
    public double Mbu { get; init; } = 0.6;

    /// <summary>Gets the model FLOPs utilisation the roofline estimate assumes, greater than 0 and at most 1.</summary>
    /// <value>The default value is 0.4.</value>
    public double Mfu { get; init; } = 0.4;

    /// <summary>Gets rented GPUs, or <see langword="null"/> when owned.</summary>
    public RentedCompute? Rented { get; init; }

    /// <summary>Gets owned GPUs, or <see langword="null"/> when rented.</summary>
    public OwnedHardware? Owned { get; init; }

    /// <summary>Gets storage and egress, or <see langword="null"/> for none.</summary>
    public StorageCosts? Storage { get; init; }

    /// <summary>Gets recurring fine-tuning runs, or <see langword="null"/> for none.</summary>
    public FineTuningSchedule? FineTuning { get; init; }

    /// <summary>Gets people, licences, support and setup, or <see langword="null"/> for none.</summary>
    public PeopleCosts? People { get; init; }

    /// <summary>
    /// Gets the months before self-hosting serves traffic (time to market). During them the workload is served and
    /// billed by <see cref="BridgeApiOption"/>, people and setup costs already run, and no GPU capacity is paid for.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int LeadTimeMonths { get; init; }

    /// <summary>Gets the name of the scenario's API option that serves the traffic during the lead time.</summary>
    public string? BridgeApiOption { get; init; }
}
