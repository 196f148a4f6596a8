using LlmTco.Uncertainty;

namespace LlmTco.Evaluation;

/// <summary>What a plan parameter is, and so which values the scenario validator accepts for it.</summary>
internal enum ParameterRule
{
    /// <summary>Finite, at least 0.</summary>
    NonNegative,

    /// <summary>Finite, above 0.</summary>
    Positive,

    /// <summary>Finite, above 0 and at most 1 (utilisation, load).</summary>
    Fraction,

    /// <summary>Finite, 0 to 1 (shares, discount rate, residual value).</summary>
    Share,

    /// <summary>Finite, 0 to below 1 (a yearly price decline).</summary>
    Decline,

    /// <summary>Finite, above −1 (a compound growth rate).</summary>
    GrowthRate,

    /// <summary>Finite (a linear growth increment).</summary>
    Finite,

    /// <summary>Finite, at least 1 (peak-to-average ratio, PUE).</summary>
    AtLeastOne,

    /// <summary>A whole number of replicas (or months) from 0 to <see cref="LlmTco.SelfHosted.ReplicaCount.Max"/>.</summary>
    Replicas,

    /// <summary>A whole number of GPUs from 1 to <see cref="LlmTco.SelfHosted.ReplicaCount.Max"/> × <see cref="LlmTco.SelfHosted.ReplicaCount.MaxGpusPerReplica"/>.</summary>
    Gpus,
}

/// <summary>
/// The numeric inputs a compiled scenario plan reads, as one flat array of doubles (NaN for a nullable input that is not set), with
/// the scenario's values as the baseline. A trial copies the baseline and overwrites the slots of its uncertain inputs.
/// </summary>
internal sealed class PlanParameters
{
    private readonly List<double> baseline = [];
    private readonly List<ParameterRule> rules = [];
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);

    public int Count => baseline.Count;

    public double[] Baseline => [.. baseline];

    /// <summary>Adds a parameter addressed by <paramref name="path"/> (canonical, as <see cref="ScenarioPath.Targets"/> writes it).</summary>
    public int Add(string path, double? value, ParameterRule rule)
    {
        var index = baseline.Count;
        baseline.Add(value ?? double.NaN);
        rules.Add(rule);
        slots.Add(path, index);
        return index;
    }

    public bool TryGetSlot(string path, out int slot) => slots.TryGetValue(path, out slot);

    public IEnumerable<string> Paths => slots.Keys;

    /// <summary>Whether a drawn value is one the scenario validator accepts for the parameter (checked per Monte Carlo trial; a trial that fails is evaluated from its own scenario, whose validation reports it).</summary>
    public bool Accepts(int slot, double v) => rules[slot] switch
    {
        ParameterRule.NonNegative => double.IsFinite(v) && v >= 0,
        ParameterRule.Positive => double.IsFinite(v) && v > 0,
        ParameterRule.Fraction => double.IsFinite(v) && v > 0 && v <= 1,
        ParameterRule.Share => double.IsFinite(v) && v >= 0 && v <= 1,
        ParameterRule.Decline => double.IsFinite(v) && v >= 0 && v < 1,
        ParameterRule.GrowthRate => double.IsFinite(v) && v > -1,
        ParameterRule.Finite => double.IsFinite(v),
        ParameterRule.AtLeastOne => double.IsFinite(v) && v >= 1,
        ParameterRule.Replicas => v >= 0 && v <= LlmTco.SelfHosted.ReplicaCount.Max && v == Math.Floor(v),
        ParameterRule.Gpus => v >= 1 && v <= (double)LlmTco.SelfHosted.ReplicaCount.Max * LlmTco.SelfHosted.ReplicaCount.MaxGpusPerReplica && v == Math.Floor(v),
        _ => false,
    };
}
