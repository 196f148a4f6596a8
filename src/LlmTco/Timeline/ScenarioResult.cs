using LlmTco.Scenarios;

namespace LlmTco.Timeline;

/// <summary>The answer to a scenario: every option month by month, every self-hosted × API break-even, and what it rests on.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class ScenarioResult
{
    internal ScenarioResult(Scenario scenario, IReadOnlyList<OptionResult> options, IReadOnlyList<BreakEvenResult> breakEvens, IReadOnlyList<Assumption> assumptions)
    {
        Scenario = scenario;
        Options = options;
        BreakEvens = breakEvens;
        Assumptions = assumptions;
    }

    /// <summary>Gets the scenario evaluated.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets the options, API options first, in the scenario's order.</summary>
    public IReadOnlyList<OptionResult> Options { get; }

    /// <summary>Gets one entry per self-hosted option and API option pair.</summary>
    public IReadOnlyList<BreakEvenResult> BreakEvens { get; }

    /// <summary>Gets the table rows, estimates, defaults and warnings the result rests on.</summary>
    public IReadOnlyList<Assumption> Assumptions { get; }

    /// <summary>Gets an option's result by name.</summary>
    /// <param name="name">The option's name (case-sensitive).</param>
    /// <returns>The option's result.</returns>
    /// <exception cref="KeyNotFoundException">No option has that name.</exception>
    public OptionResult Option(string name) =>
        Options.FirstOrDefault(o => string.Equals(o.Name, name, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No option named '{name}'; the options are: {string.Join(", ", Options.Select(o => o.Name))}.");
}
