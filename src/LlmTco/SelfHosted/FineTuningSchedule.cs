using LlmTco.Pricing;

namespace LlmTco.SelfHosted;

/// <summary>
/// Fine-tuning runs of the self-hosted model on rented GPUs, recurring on a schedule. GPU-hours are estimated as
/// k × N × D FLOPs ÷ (GPU peak FLOPS × MFU) ÷ 3,600, with N the model's parameters and D = training tokens × epochs,
/// unless a measured figure is given.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record FineTuningSchedule
{
    /// <summary>Gets the tokens in the training set.</summary>
    public required double TrainingTokens { get; init; }

    /// <summary>Gets the passes over the training set.</summary>
    /// <value>The default value is 1.</value>
    public double Epochs { get; init; } = 1;

    /// <summary>Gets the method, which sets the default FLOPs factor k.</summary>
    /// <value>The default value is <see cref="FineTuningMethod.Full"/>.</value>
    public FineTuningMethod Method { get; init; }

    /// <summary>Gets a FLOPs factor k that replaces the method's default, or <see langword="null"/>.</summary>
    public double? FlopsPerParameterPerToken { get; init; }

    /// <summary>Gets measured GPU-hours per run that replace the estimate, or <see langword="null"/>.</summary>
    public double? MeasuredGpuHoursPerRun { get; init; }

    /// <summary>Gets the GPU id trained on, or <see langword="null"/> for the serving GPU.</summary>
    public string? Gpu { get; init; }

    /// <summary>Gets the precision trained in (sets the peak FLOPS: BF16 or FP8).</summary>
    /// <value>The default value is <see cref="NumericPrecision.Bf16"/>.</value>
    public NumericPrecision Precision { get; init; }

    /// <summary>Gets the model FLOPs utilisation of training, greater than 0 and at most 1.</summary>
    /// <value>The default value is 0.4.</value>
    public double Mfu { get; init; } = 0.4;

    /// <summary>Gets the rental provider whose on-demand price bills the GPU-hours, or <see langword="null"/> for the option's rental provider.</summary>
    public string? Provider { get; init; }

    /// <summary>Gets a price per GPU-hour that replaces the lookup, or <see langword="null"/>.</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>Gets the month (1-based) of the first run.</summary>
    /// <value>The default value is 1.</value>
    public int FirstMonth { get; init; } = 1;

    /// <summary>Gets the months between runs, or 0 for a single run.</summary>
    /// <value>The default value is 0.</value>
    public int EveryMonths { get; init; }
}
