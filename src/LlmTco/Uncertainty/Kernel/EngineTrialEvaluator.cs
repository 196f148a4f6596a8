using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.Uncertainty.Kernel;

/// <summary>
/// The reference evaluator: builds the trial's scenario (immutable copies with the drawn values set) and runs the full
/// <see cref="TcoEngine"/>. Exact by definition, and about a thousand times slower than the compiled kernel.
/// </summary>
internal sealed class EngineTrialEvaluator(TcoEngine engine, Scenario baseline, IReadOnlyList<ScenarioPath> paths, TrialLayout layout) : ITrialEvaluator
{
    public object CreateWorkspace() => new();

    public void Evaluate(ReadOnlySpan<double> values, object workspace, TrialRecord record) =>
        Write(engine.Evaluate(Build(values)), layout, record);

    /// <summary>The baseline scenario with every path set to its value.</summary>
    public Scenario Build(ReadOnlySpan<double> values)
    {
        var scenario = baseline;
        for (var i = 0; i < paths.Count; i++)
        {
            scenario = paths[i].Apply(scenario, values[i]);
        }

        return scenario;
    }

    /// <summary>Copies the outputs Monte Carlo aggregates out of an engine result.</summary>
    public static void Write(ScenarioResult result, TrialLayout layout, TrialRecord record)
    {
        var months = layout.Months;
        for (var o = 0; o < result.Options.Count; o++)
        {
            var option = result.Options[o];
            record.Npv[o] = option.Npv;
            record.CostPerMillionTokensAtHorizon[o] = option.Months[^1].CostPerMillionTokens ?? double.NaN;
        }

        for (var p = 0; p < result.BreakEvens.Count; p++)
        {
            var b = result.BreakEvens[p];
            var (self, api) = layout.Pairs[p];
            record.BreakEvenMonth[p] = BreakEvenTime(b.Nominal);
            record.BreakEvenVolume[p] = b.Volume.SelfHostedCheaperAboveTokensPerMonth ?? double.PositiveInfinity;
            var selfMonths = result.Options[self].Months;
            var apiMonths = result.Options[api].Months;
            for (var m = 0; m < months; m++)
            {
                record.CumulativeDifference[(p * months) + m] = selfMonths[m].Cumulative - apiMonths[m].Cumulative;
            }
        }
    }

    /// <summary>Months from the start: 0 when cheaper from the start, +∞ when never within the horizon.</summary>
    public static double BreakEvenTime(BreakEvenPoint point) => point.Outcome switch
    {
        BreakEvenOutcome.CheaperFromStart => 0,
        BreakEvenOutcome.BreaksEven => point.MonthsFromStart!.Value,
        _ => double.PositiveInfinity,
    };
}
