namespace LlmTco.Uncertainty;

/// <summary>
/// The uncertainty section of a scenario: which inputs are uncertain, their distributions, and how many seeded Monte
/// Carlo trials to run. The deterministic evaluation (<see cref="TcoEngine.Evaluate"/>) ignores it and uses the values
/// written in the scenario; <see cref="MonteCarloSimulator"/> draws the inputs from their distributions.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record UncertaintySettings
{
    /// <summary>The most trials a run may ask for.</summary>
    public const int MaxTrials = 10_000_000;

    /// <summary>The most extra percentiles a run may ask for (in the section and in <see cref="MonteCarloOptions.Percentiles"/> each): every percentile is kept for every output and month.</summary>
    public const int MaxPercentiles = 99;

    /// <summary>Gets the number of Monte Carlo trials, 1 to <see cref="MaxTrials"/>.</summary>
    /// <value>The default value is 10,000.</value>
    public int Trials { get; init; } = 10_000;

    /// <summary>Gets the seed: the same seed gives bit-identical results whatever the number of threads.</summary>
    /// <value>The default value is 0.</value>
    public long Seed { get; init; }

    /// <summary>
    /// Gets percentiles to report besides P10, P50 and P90, as fractions strictly between 0 and 1 (0.05 is P5); at most
    /// <see cref="MaxPercentiles"/>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<double> Percentiles { get; init; } = [];

    /// <summary>Gets the uncertain inputs; at least one, each property at most once.</summary>
    public required IReadOnlyList<UncertainInput> Inputs { get; init; }
}
