using LlmTco.Scenarios;

namespace LlmTco.Uncertainty;

/// <summary>
/// A one-at-a-time sensitivity (tornado) analysis: each uncertain input swung between its P10 and P90 with the others
/// at their medians, for every self-hosted × API pair.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class TornadoResult
{
    internal TornadoResult(Scenario scenario, IReadOnlyList<TornadoPair> pairs)
    {
        Scenario = scenario;
        Pairs = pairs;
    }

    /// <summary>Gets the scenario analysed.</summary>
    public Scenario Scenario { get; }

    /// <summary>Gets one analysis per self-hosted and API option pair.</summary>
    public IReadOnlyList<TornadoPair> Pairs { get; }

    /// <summary>Gets a pair's analysis by the options' names.</summary>
    /// <param name="selfHostedOption">The self-hosted option's name.</param>
    /// <param name="apiOption">The API option's name.</param>
    /// <returns>The pair's analysis.</returns>
    /// <exception cref="KeyNotFoundException">No pair has those names.</exception>
    public TornadoPair Pair(string selfHostedOption, string apiOption) =>
        Pairs.FirstOrDefault(p => string.Equals(p.SelfHostedOption, selfHostedOption, StringComparison.Ordinal) && string.Equals(p.ApiOption, apiOption, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No pair '{selfHostedOption}' × '{apiOption}'.");
}
