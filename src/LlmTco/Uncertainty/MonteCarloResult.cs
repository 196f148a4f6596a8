using LlmTco.Scenarios;

namespace LlmTco.Uncertainty;

/// <summary>
/// The result of a seeded Monte Carlo run: for each self-hosted × API pair the spread of the break-even month, the
/// break-even volume and the NPV difference, and for each option the spread of its NPV and cost per million tokens.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class MonteCarloResult
{
    internal MonteCarloResult(
        Scenario scenario,
        int trials,
        long seed,
        IReadOnlyList<double> percentiles,
        IReadOnlyList<UncertainInput> inputs,
        TrialEvaluation evaluation,
        int trialsEvaluatedByEngine,
        int monthlyPercentileTrials,
        IReadOnlyList<PairOutcomes> pairs,
        IReadOnlyList<OptionOutcomes> options)
    {
        Scenario = scenario;
        Trials = trials;
        Seed = seed;
        Percentiles = percentiles;
        Inputs = inputs;
        Evaluation = evaluation;
        TrialsEvaluatedByEngine = trialsEvaluatedByEngine;
        MonthlyPercentileTrials = monthlyPercentileTrials;
        Pairs = pairs;
        Options = options;
    }

    /// <summary>Gets the scenario simulated.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the number of trials.</summary>
    public int Trials { get; }

    /// <summary>Gets the seed.</summary>
    public long Seed { get; }

    /// <summary>Gets the percentiles reported, as fractions, lowest first.</summary>
    public IReadOnlyList<double> Percentiles { get; }

    /// <summary>Gets the uncertain inputs, in the scenario's order.</summary>
    public IReadOnlyList<UncertainInput> Inputs { get; }

    /// <summary>Gets how the trials were evaluated: <see cref="TrialEvaluation.Kernel"/> or <see cref="TrialEvaluation.Engine"/>.</summary>
    public TrialEvaluation Evaluation { get; }

    /// <summary>Gets the trials evaluated from their own scenario although the scenario was compiled once (<see cref="TrialEvaluation.Kernel"/>), because their drawn values are ones the compiled scenario cannot take; 0 when every trial was evaluated from its own scenario by choice.</summary>
    public int TrialsEvaluatedByEngine { get; }

    /// <summary>Gets the number of (first) trials the month-by-month percentiles use.</summary>
    public int MonthlyPercentileTrials { get; }

    /// <summary>Gets one entry per self-hosted and API option pair, in the order of <see cref="Timeline.ScenarioResult.BreakEvens"/>.</summary>
    public IReadOnlyList<PairOutcomes> Pairs { get; }

    /// <summary>Gets one entry per option, API options first.</summary>
    public IReadOnlyList<OptionOutcomes> Options { get; }

    /// <summary>Gets a pair's outcomes by the options' names.</summary>
    /// <param name="selfHostedOption">The self-hosted option's name.</param>
    /// <param name="apiOption">The API option's name.</param>
    /// <returns>The pair's outcomes.</returns>
    /// <exception cref="KeyNotFoundException">No pair has those names.</exception>
    public PairOutcomes Pair(string selfHostedOption, string apiOption) =>
        Pairs.FirstOrDefault(p => string.Equals(p.SelfHostedOption, selfHostedOption, StringComparison.Ordinal) && string.Equals(p.ApiOption, apiOption, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No pair '{selfHostedOption}' × '{apiOption}'; the pairs are: {string.Join("; ", Pairs.Select(p => $"{p.SelfHostedOption} × {p.ApiOption}"))}.");

    /// <summary>Gets an option's outcomes by name.</summary>
    /// <param name="name">The option's name.</param>
    /// <returns>The option's outcomes.</returns>
    /// <exception cref="KeyNotFoundException">No option has that name.</exception>
    public OptionOutcomes Option(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No option named '{name}'; the options are: {string.Join(", ", Options.Select(o => o.Name))}.");
}
