namespace LlmTco.Uncertainty;

/// <summary>How to run a Monte Carlo simulation: overrides of the scenario's uncertainty settings and the run's resources.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record MonteCarloOptions
{
    /// <summary>Gets the number of trials, or <see langword="null"/> for the scenario's <see cref="UncertaintySettings.Trials"/>.</summary>
    public int? Trials { get; init; }

    /// <summary>Gets the seed, or <see langword="null"/> for the scenario's <see cref="UncertaintySettings.Seed"/>.</summary>
    public long? Seed { get; init; }

    /// <summary>Gets percentiles to report besides P10, P50, P90 and the scenario's, as fractions strictly between 0 and 1.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<double> Percentiles { get; init; } = [];

    /// <summary>
    /// Gets the most threads to run trials on, or −1 for every core. The results are the same, to the last bit, for
    /// any value.
    /// </summary>
    /// <value>The default value is −1.</value>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>
    /// Gets how many trials (the first ones) the month-by-month percentiles of the cumulative cost difference use (a fan
    /// chart needs no more; keeping every trial's months would take trials × months × pairs numbers of memory). Fewer are
    /// kept when pairs × months × this would pass 16 million numbers (128 MB); <see cref="MonteCarloResult"/> says how many.
    /// </summary>
    /// <value>The default value is 2,000 (the standard error of P10 is then about 0.7 % of the spread).</value>
    public int MonthlyPercentileTrials { get; init; } = 2_000;

    /// <summary>Gets how trials are evaluated.</summary>
    /// <value>The default value is <see cref="TrialEvaluation.Automatic"/>.</value>
    public TrialEvaluation Evaluation { get; init; }
}
