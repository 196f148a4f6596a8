using System.Globalization;
using LlmTco.Scenarios;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Uncertainty;

/// <summary>
/// Checks a scenario's uncertainty section: trials, percentiles, every input's path (it must name a numeric property
/// of this scenario) and distribution, no property made uncertain twice, and — when the rest of the scenario is valid —
/// that the scenario stays valid at each finite end of every distribution's range.
/// </summary>
internal static class UncertaintyValidator
{
    /// <summary>Adds the problems of the scenario's uncertainty section to the errors.</summary>
    /// <param name="scenario">The scenario; its uncertainty section is not <see langword="null"/>.</param>
    /// <param name="at">The section's path.</param>
    /// <param name="scenarioValid">Whether the rest of the scenario is valid; only then are the distributions' ends tried on it.</param>
    /// <param name="errors">Where the problems go.</param>
    public static void Check(Scenario scenario, string at, bool scenarioValid, ScenarioErrors errors)
    {
        var u = scenario.Uncertainty!;
        if (u.Trials is < 1 or > UncertaintySettings.MaxTrials)
        {
            errors.Add(Prop(at, "Trials"), Text(u.Trials), string.Create(CultureInfo.InvariantCulture, $"must be a whole number of trials from 1 to {UncertaintySettings.MaxTrials:N0}"));
        }

        var percentiles = u.Percentiles ?? [];
        if (percentiles.Count > UncertaintySettings.MaxPercentiles)
        {
            errors.Add(Prop(at, "Percentiles"), null, string.Create(CultureInfo.InvariantCulture, $"lists {percentiles.Count:N0} percentiles; at most {UncertaintySettings.MaxPercentiles} may be asked for (each is kept for every output and month)"));
        }

        for (var i = 0; i < percentiles.Count; i++)
        {
            if (!(percentiles[i] is > 0 and < 1))
            {
                errors.Add(Index(Prop(at, "Percentiles"), i), Distribution.Num(percentiles[i]), "must be a fraction strictly between 0 and 1 (0.05 is P5)");
            }
        }

        var inputs = u.Inputs ?? [];
        if (inputs.Count == 0)
        {
            errors.Add(Prop(at, "Inputs"), null, "list at least one uncertain input, e.g. { \"path\": \"workload.profiles[0].growth.monthlyRate\", \"distribution\": { \"kind\": \"triangular\", \"min\": 0.02, \"mode\": 0.06, \"max\": 0.1 } }");
        }

        var baseline = scenario with { Uncertainty = null };
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = errors.Path(Index(Prop(at, "Inputs"), i));
            var input = inputs[i];
            if (input is null)
            {
                errors.Add(path, null, "an uncertain input is required");
                continue;
            }

            ScenarioPath.TryResolve(baseline, input.Path, out var resolved, out var pathError);
            if (pathError is not null)
            {
                errors.Add(Prop(path, "Path"), input.Path, pathError);
            }

            var distributionAt = errors.Path(Prop(path, "Distribution"));
            var distributionOk = true;
            if (input.Distribution is null)
            {
                errors.Add(distributionAt, null, "a distribution is required, e.g. { \"kind\": \"uniform\", \"min\": 0.5, \"max\": 0.8 }");
                distributionOk = false;
            }
            else
            {
                foreach (var (parameter, message) in input.Distribution.Check())
                {
                    distributionOk = false;
                    var where = parameter is null ? distributionAt : Prop(distributionAt, char.ToUpperInvariant(parameter[0]) + parameter[1..]);
                    errors.Add(where, null, $"{message} (the distribution of '{input.Path}')");
                }
            }

            if (resolved is null)
            {
                continue;
            }

            foreach (var target in resolved.Targets)
            {
                if (!claimed.TryAdd(target, path))
                {
                    errors.Add(Prop(path, "Path"), input.Path, $"'{target}' is already made uncertain by {claimed[target]}; give each property one distribution");
                }
            }

            if (scenarioValid && distributionOk)
            {
                CheckEnds(baseline, resolved, input.Distribution!, distributionAt, errors);
            }
        }
    }

    /// <summary>The scenario must stay valid at each finite end of the distribution's range (where the range is an interval, its ends are the extremes).</summary>
    private static void CheckEnds(Scenario baseline, ScenarioPath path, Distribution distribution, string at, ScenarioErrors errors)
    {
        var ends = new List<(string Which, double Value)>();
        if (distribution.Kind != DistributionKind.LogNormal || distribution.Min is not null)
        {
            ends.Add(("lower end", distribution.SupportMinimum));
        }

        ends.Add(("upper end", distribution.SupportMaximum));
        foreach (var (which, value) in ends.Where(e => double.IsFinite(e.Value)).DistinctBy(e => e.Value))
        {
            Scenario changed;
            try
            {
                changed = path.Apply(baseline, value);
            }
            catch (ArgumentOutOfRangeException ex)
            {
                errors.Add(at, Distribution.Num(value), ex.Message);
                return;
            }

            var problems = ScenarioValidator.Validate(changed, errors.Style, errors.Root);
            if (problems.Count > 0)
            {
                var shown = distribution.Kind == DistributionKind.Point ? "its value" : $"its {which}";
                errors.Add(at, Distribution.Num(value), $"{shown} makes the scenario invalid for '{path.Text}': {string.Join("; ", problems)}");
                return;
            }
        }
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
