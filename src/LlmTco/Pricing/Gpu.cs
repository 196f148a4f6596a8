namespace LlmTco.Pricing;

/// <summary>One row of <c>gpus.csv</c>: a GPU's datasheet figures and, where published, its purchase price.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record Gpu : ISourcedRow
{
    /// <summary>Gets the GPU id used by the other tables, e.g. <c>H100-SXM</c> (column <c>gpu_model</c>).</summary>
    public required string GpuModel { get; init; }

    /// <summary>Gets the maker, e.g. <c>nvidia</c> or <c>amd</c> (column <c>vendor</c>).</summary>
    public required string Vendor { get; init; }

    /// <summary>Gets the memory in gigabytes (10^9 bytes) as the datasheet states it (column <c>memory_gb</c>).</summary>
    public required decimal MemoryGb { get; init; }

    /// <summary>Gets the memory bandwidth in terabytes (10^12 bytes) per second (column <c>memory_bandwidth_tbps</c>).</summary>
    public required decimal MemoryBandwidthTbPerSecond { get; init; }

    /// <summary>Gets the dense (not 2:4 sparse) BF16 tensor throughput in TFLOPS (column <c>bf16_dense_tflops</c>).</summary>
    public required decimal Bf16DenseTflops { get; init; }

    /// <summary>
    /// Gets the dense FP8 tensor throughput in TFLOPS (column <c>fp8_dense_tflops</c>); <see langword="null"/> when the
    /// GPU has no FP8 support.
    /// </summary>
    public decimal? Fp8DenseTflops { get; init; }

    /// <summary>Gets the maximum board power in watts (column <c>tdp_watts</c>).</summary>
    public required decimal TdpWatts { get; init; }

    /// <summary>Gets a published purchase price per GPU, or <see langword="null"/> (column <c>purchase_price_per_gpu</c>).</summary>
    public decimal? PurchasePricePerGpu { get; init; }

    /// <summary>Gets the currency of <see cref="PurchasePricePerGpu"/> (column <c>purchase_currency</c>).</summary>
    public string? PurchaseCurrency { get; init; }

    /// <summary>Gets where the purchase price was published (column <c>purchase_source_url</c>).</summary>
    public Uri? PurchaseSourceUrl { get; init; }

    /// <summary>Gets when the purchase price source was read (column <c>purchase_checked_on</c>).</summary>
    public DateOnly? PurchaseCheckedOn { get; init; }

    /// <summary>
    /// Gets a published idle power of one GPU in watts (powered, nothing running), or <see langword="null"/> (column
    /// <c>idle_watts</c>, with its own <c>idle_source_url</c> and <c>idle_checked_on</c>).
    /// </summary>
    public decimal? IdleWatts { get; init; }

    /// <summary>Gets where <see cref="IdleWatts"/> was published (column <c>idle_source_url</c>).</summary>
    public Uri? IdleSourceUrl { get; init; }

    /// <summary>Gets when the idle power's source was read (column <c>idle_checked_on</c>).</summary>
    public DateOnly? IdleCheckedOn { get; init; }

    /// <summary>
    /// Gets the published maximum power in watts of the maker's standard server with <see cref="ServerGpus"/> of these
    /// GPUs, e.g. 10,200 W for a DGX H100 with 8 (column <c>server_watts</c>); with its own <c>server_source_url</c> and
    /// <c>server_checked_on</c>. What the server draws beyond its GPUs' TDP (CPUs, memory, network, fans) is counted as
    /// the servers' own power.
    /// </summary>
    public decimal? ServerWatts { get; init; }

    /// <summary>Gets the GPUs in the server that <see cref="ServerWatts"/> rates (column <c>server_gpus</c>).</summary>
    public int? ServerGpus { get; init; }

    /// <summary>Gets where <see cref="ServerWatts"/> was published (column <c>server_source_url</c>).</summary>
    public Uri? ServerSourceUrl { get; init; }

    /// <summary>Gets when the server rating's source was read (column <c>server_checked_on</c>).</summary>
    public DateOnly? ServerCheckedOn { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
