using System.Globalization;
using LlmTco.Scenarios;

namespace LlmTco.Uncertainty;

/// <summary>
/// Checks a scenario's uncertainty section: trials, percentiles, every input's path (it must name a numeric property
/// of this scenario) and distribution, no property made uncertain twice, and — when the rest of the scenario is valid —
/// that the scenario stays valid at each finite end of every distribution's range.
/// </summary>
internal static class UncertaintyValidator
{
    public static IEnumerable<ScenarioError> Check(Scenario scenario, string at, bool scenarioValid, PathStyle style, string root, Func<string, string, string> prop, Func<string, int, string> index)
    {
        var u = scenario.Uncertainty!;
        var errors = new List<ScenarioError>();
        if (u.Trials is < 1 or > UncertaintySettings.MaxTrials)
        {
            errors.Add(new ScenarioError(prop(at, "Trials"), Text(u.Trials), string.Create(CultureInfo.InvariantCulture, $"must be a whole number of trials from 1 to {UncertaintySettings.MaxTrials:N0}")));
        }

        var percentiles = u.Percentiles ?? [];
        for (var i = 0; i < percentiles.Count; i++)
        {
            if (!(percentiles[i] is > 0 and < 1))
            {
                errors.Add(new ScenarioError(index(prop(at, "Percentiles"), i), Distribution.Num(percentiles[i]), "must be a fraction strictly between 0 and 1 (0.05 is P5)"));
            }
        }

        var inputs = u.Inputs ?? [];
        if (inputs.Count == 0)
        {
            errors.Add(new ScenarioError(prop(at, "Inputs"), null, "list at least one uncertain input, e.g. { \"path\": \"workload.profiles[0].growth.monthlyRate\", \"distribution\": { \"kind\": \"triangular\", \"min\": 0.02, \"mode\": 0.06, \"max\": 0.1 } }"));
        }

        var baseline = scenario with { Uncertainty = null };
        var claimed = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            var path = index(prop(at, "Inputs"), i);
            var input = inputs[i];
            if (input is null)
            {
                errors.Add(new ScenarioError(path, null, "an uncertain input is required"));
                continue;
            }

            ScenarioPath.TryResolve(baseline, input.Path, out var resolved, out var pathError);
            if (pathError is not null)
            {
                errors.Add(new ScenarioError(prop(path, "Path"), input.Path, pathError));
            }

            var distributionAt = prop(path, "Distribution");
            var distributionOk = true;
            if (input.Distribution is null)
            {
                errors.Add(new ScenarioError(distributionAt, null, "a distribution is required, e.g. { \"kind\": \"uniform\", \"min\": 0.5, \"max\": 0.8 }"));
                distributionOk = false;
            }
            else
            {
                foreach (var (parameter, message) in input.Distribution.Check())
                {
                    distributionOk = false;
                    var where = parameter is null ? distributionAt : prop(distributionAt, char.ToUpperInvariant(parameter[0]) + parameter[1..]);
                    errors.Add(new ScenarioError(where, null, $"{message} (the distribution of '{input.Path}')"));
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
                    errors.Add(new ScenarioError(prop(path, "Path"), input.Path, $"'{target}' is already made uncertain by {claimed[target]}; give each property one distribution"));
                }
            }

            if (scenarioValid && distributionOk)
            {
                errors.AddRange(CheckEnds(baseline, resolved, input.Distribution!, distributionAt, style, root));
            }
        }

        return errors;
    }

    /// <summary>The scenario must stay valid at each finite end of the distribution's range (where the range is an interval, its ends are the extremes).</summary>
    private static IEnumerable<ScenarioError> CheckEnds(Scenario baseline, ScenarioPath path, Distribution distribution, string at, PathStyle style, string root)
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
                return [new ScenarioError(at, Distribution.Num(value), ex.Message)];
            }

            var problems = ScenarioValidator.Validate(changed, style, root);
            if (problems.Count > 0)
            {
                var shown = distribution.Kind == DistributionKind.Point ? "its value" : $"its {which}";
                return [new ScenarioError(at, Distribution.Num(value), $"{shown} makes the scenario invalid for '{path.Text}': {string.Join("; ", problems)}")];
            }
        }

        return [];
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
