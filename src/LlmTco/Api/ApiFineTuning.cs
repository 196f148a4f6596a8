namespace LlmTco.Api;

/// <summary>
/// A fine-tuning job bought from an API provider: a one-off training fee of training tokens × epochs × price per
/// million training tokens, paid in <see cref="Month"/>. Inference then uses the option's model, which should be the
/// fine-tuned model's own price row.
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

    /// <summary>Gets the month (1-based) in which the training fee is paid.</summary>
    /// <value>The default value is 1.</value>
    public int Month { get; init; } = 1;
}
