using LlmTco.Timeline;

namespace LlmTco.Uncertainty;

/// <summary>One option's results over the Monte Carlo trials.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class OptionOutcomes
{
    internal OptionOutcomes(string name, OptionKind kind, PercentileSummary npv, PercentileSummary costPerMillionTokensAtHorizon)
    {
        Name = name;
        Kind = kind;
        Npv = npv;
        CostPerMillionTokensAtHorizon = costPerMillionTokensAtHorizon;
    }

    /// <summary>Gets the option's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether it is an API or a self-hosted option.</summary>
    public OptionKind Kind { get; }

    /// <summary>Gets the percentiles of the option's NPV, in the scenario currency.</summary>
    public PercentileSummary Npv { get; }

    /// <summary>
    /// Gets the percentiles of the option's cost per million tokens in the last month of the horizon, in the scenario
    /// currency, over the trials whose last month has tokens.
    /// </summary>
    public PercentileSummary CostPerMillionTokensAtHorizon { get; }
}
