namespace LlmTco.Pricing;

/// <summary>One row of <c>gpu_rentals.csv</c>: a provider's price for renting one GPU for one hour on a plan.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record GpuRentalOffer : ISourcedRow
{
    /// <summary>Gets the provider slug, e.g. <c>aws</c> (column <c>provider</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the instance type, e.g. <c>p5.48xlarge</c> (column <c>sku</c>).</summary>
    public required string Sku { get; init; }

    /// <summary>Gets the GPU id, which must exist in <c>gpus.csv</c> (column <c>gpu_model</c>).</summary>
    public required string GpuModel { get; init; }

    /// <summary>Gets the number of GPUs in one instance (column <c>gpus_per_instance</c>).</summary>
    public required int GpusPerInstance { get; init; }

    /// <summary>Gets the pricing plan (column <c>plan</c>).</summary>
    public required RentalPlan Plan { get; init; }

    /// <summary>Gets the region the price applies in, or <c>any</c> (column <c>region</c>).</summary>
    public required string Region { get; init; }

    /// <summary>Gets the ISO 4217 currency code (column <c>currency</c>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the price of one GPU for one hour (column <c>price_per_gpu_hour</c>).</summary>
    public required decimal PricePerGpuHour { get; init; }

    /// <summary>Gets the first day the price applies (column <c>effective_from</c>); it applies until a later row for the same offer.</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>
    /// Gets what <see cref="EffectiveFrom"/> is: the day the price took effect per its publisher, or only the day a
    /// source was seen showing it (the optional <c>effective_from_basis</c> column); <see langword="null"/> when the row
    /// does not say.
    /// </summary>
    public EffectiveDateBasis? EffectiveFromBasis { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
