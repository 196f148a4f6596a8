namespace LlmTco.Api;

/// <summary>
/// Fine-tuning jobs bought from an API provider: a training fee of training tokens × epochs × price per million
/// training tokens, paid in <see cref="Month"/> and, when <see cref="EveryMonths"/> is set, again every that many
/// months. Inference uses the option's model, which should be the fine-tuned model's own price row.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ApiFineTuning
{
    /// <summary>Gets the tokens in the training set.</summary>
    public required double TrainingTokens { get; init; }

    /// <summary>Gets the passes over the training set.</summary>
    /// <value>The default value is 1.</value>
    public double Epochs { get; init; } = 1;

    /// <summary>Gets the provider's training price per million training tokens (per epoch).</summary>
    public required double TrainingPricePerMillionTokens { get; init; }

    /// <summary>Gets the month (1-based) in which the (first) training fee is paid.</summary>
    /// <value>The default value is 1.</value>
    public int Month { get; init; } = 1;

    /// <summary>Gets the months between re-training jobs, or 0 for a single job.</summary>
    /// <value>The default value is 0.</value>
    public int EveryMonths { get; init; }
}
