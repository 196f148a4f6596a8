using System.Globalization;
using LlmTco.Scenarios;

namespace LlmTco.Timeline;

/// <summary>
/// The last check before a result leaves the library: every figure that the JSON and CSV outputs and the tables show is a
/// finite number. The scenario's limits (docs/scenario-json.md) keep them finite; this names the figure and the option
/// when a combination of inputs within them still does not, instead of an infinity in a table or a writer's exception.
/// </summary>
internal static class ResultFigures
{
    /// <summary>The first figure of <paramref name="result"/> that is not finite, as an error at its option's path; <see langword="null"/> when all are finite.</summary>
    public static ScenarioError? FirstNonFinite(ScenarioResult result)
    {
        var apis = 0;
        var selves = 0;
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var o in result.Options)
        {
            var path = o.Kind == OptionKind.Api
                ? string.Create(CultureInfo.InvariantCulture, $"$.apiOptions[{apis++}]")
                : string.Create(CultureInfo.InvariantCulture, $"$.selfHostedOptions[{selves++}]");
            paths[o.Name] = path;
            var bad = Bad("totalCost", o.TotalCost) ?? Bad("npv", o.Npv) ?? Bad("residualValue", o.ResidualValue) ?? Bad("replicaThroughputTokensPerSecond", o.ReplicaThroughputTokensPerSecond);
            if (bad is not null)
            {
                return Error(path, o.Name, bad);
            }

            foreach (var m in o.Months)
            {
                bad = Bad("total", m.Total) ?? Bad("cumulative", m.Cumulative) ?? Bad("discountedTotal", m.DiscountedTotal) ?? Bad("discountedCumulative", m.DiscountedCumulative)
                    ?? Bad("inputTokens", m.InputTokens) ?? Bad("outputTokens", m.OutputTokens) ?? Bad("costPerMillionTokens", m.CostPerMillionTokens) ?? Bad("utilization", m.Utilization);
                // The line's name only for a line that is not finite: naming every line of every month costs more than the check.
                for (var i = 0; bad is null && i < m.Lines.Count; i++)
                {
                    bad = double.IsFinite(m.Lines[i]) ? null : Bad(Output.ScenarioResultJson.LineName((CostLine)i), m.Lines[i]);
                }

                if (bad is not null)
                {
                    return Error(path, o.Name, string.Create(CultureInfo.InvariantCulture, $"{bad} in month {m.Month}"));
                }
            }
        }

        foreach (var b in result.BreakEvens)
        {
            var bad = Bad("nominal break-even", b.Nominal.MonthsFromStart) ?? Bad("nominal break-even cost", b.Nominal.CumulativeCost)
                ?? Bad("discounted break-even", b.Discounted.MonthsFromStart) ?? Bad("discounted break-even cost", b.Discounted.CumulativeCost)
                ?? Bad("break-even volume", b.Volume.SelfHostedCheaperAboveTokensPerMonth) ?? Bad("volume searched", b.Volume.SearchedUpToTokensPerMonth);
            foreach (var c in b.Volume.Crossings)
            {
                bad ??= Bad("volume crossing", c.TokensPerMonth);
            }

            if (bad is not null)
            {
                return Error(paths.GetValueOrDefault(b.SelfHostedOption, "$"), b.SelfHostedOption, $"{bad} against '{b.ApiOption}'");
            }
        }

        return null;
    }

    private static string? Bad(string figure, double? value) =>
        value is { } v && !double.IsFinite(v) ? string.Create(CultureInfo.InvariantCulture, $"its {figure} is {v}") : null;

    private static ScenarioError Error(string path, string option, string what) =>
        new(path, null, $"the result of '{option}' is not a finite number: {what}; its inputs, though each within the limits, take it beyond what the arithmetic holds (limits: docs/scenario-json.md)");
}
