namespace LlmTco.Pricing;

/// <summary>
/// One row of <c>throughput_benchmarks.csv</c>: a measured output throughput of one serving replica of a model on a
/// group of GPUs.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ThroughputBenchmark : ISourcedRow
{
    /// <summary>Gets the model id or alias, which must exist in <c>open_models.csv</c> (column <c>model_id</c>).</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets the GPU id, which must exist in <c>gpus.csv</c> (column <c>gpu_model</c>).</summary>
    public required string GpuModel { get; init; }

    /// <summary>Gets the number of GPUs the measured replica used (column <c>gpus_per_replica</c>).</summary>
    public required int GpusPerReplica { get; init; }

    /// <summary>Gets the precision the weights were served in (column <c>precision</c>).</summary>
    public required NumericPrecision Precision { get; init; }

    /// <summary>Gets the serving engine, e.g. <c>vllm</c> or <c>tensorrt-llm</c> (column <c>engine</c>).</summary>
    public required string Engine { get; init; }

    /// <summary>Gets the input tokens per request in the test (column <c>input_tokens</c>).</summary>
    public required int InputTokens { get; init; }

    /// <summary>Gets the output tokens per request in the test (column <c>output_tokens</c>).</summary>
    public required int OutputTokens { get; init; }

    /// <summary>Gets the concurrent requests in the test, or 0 for an offline, maximum-throughput test (column <c>concurrency</c>).</summary>
    public required int Concurrency { get; init; }

    /// <summary>Gets the output tokens per second of the whole replica (column <c>output_tokens_per_second_per_replica</c>).</summary>
    public required decimal OutputTokensPerSecondPerReplica { get; init; }

    /// <summary>
    /// Gets the median time to first token in seconds measured in the test, or <see langword="null"/> when the test
    /// reports no latency (column <c>ttft_seconds_p50</c>). A row with latencies is a latency-bounded result: it sizes
    /// capacity under a latency target, never as the offline maximum.
    /// </summary>
    public decimal? TimeToFirstTokenSecondsP50 { get; init; }

    /// <summary>
    /// Gets the median time per output token after the first, in seconds (1 ÷ the tokens per second each request sees),
    /// or <see langword="null"/> when the test reports no latency (column <c>tpot_seconds_p50</c>).
    /// </summary>
    public decimal? TimePerOutputTokenSecondsP50 { get; init; }

    /// <summary>Gets a value indicating whether the row reports latencies (<see cref="TimeToFirstTokenSecondsP50"/> and <see cref="TimePerOutputTokenSecondsP50"/>).</summary>
    public bool HasLatency => TimeToFirstTokenSecondsP50 is not null && TimePerOutputTokenSecondsP50 is not null;

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
