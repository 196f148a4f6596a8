using LlmTco.Scenarios;

namespace LlmTco.Uncertainty;

/// <summary>The one-at-a-time sensitivity (tornado) analysis.</summary>
public sealed partial class MonteCarloSimulator
{
    /// <summary>
    /// Runs a tornado analysis: each uncertain input at its P10 and at its P90 (inverse cumulative distribution) with
    /// every other input at its median, evaluated by the full engine, and ranked by the swing in break-even month and
    /// in NPV difference.
    /// </summary>
    /// <param name="scenario">The scenario, with an <see cref="Scenario.Uncertainty"/> section.</param>
    /// <param name="cancellationToken">Stops the analysis between evaluations.</param>
    /// <returns>Every pair's ranked swings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The scenario has no uncertainty section.</exception>
    /// <exception cref="ScenarioValidationException">The scenario is invalid, or invalid with an input at its P10 or P90.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TornadoResult Tornado(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var run = Prepare(scenario, new MonteCarloOptions());
        var layout = run.Layout;
        var inputs = scenario.Uncertainty!.Inputs;
        var medians = run.Quantiles(0.5);
        var low = run.Quantiles(0.1);
        var high = run.Quantiles(0.9);
        var record = new TrialRecord(layout);
        var evaluator = new TrialEvaluator(Engine, run.Baseline, run.Plan, run.Paths, layout, null);
        var workspace = evaluator.CreateWorkspace();

        (double[] Time, double[] Npv) Evaluate(double[] values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluator.Evaluate(values, workspace, record);
            return ((double[])record.BreakEvenMonth.Clone(), layout.Pairs.Select(p => record.Npv[p.Self] - record.Npv[p.Api]).ToArray());
        }

        var baseline = Evaluate(medians);
        var swings = new List<((double[] Time, double[] Npv) Low, (double[] Time, double[] Npv) High)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var lowValues = (double[])medians.Clone();
            var highValues = (double[])medians.Clone();
            lowValues[i] = low[i];
            highValues[i] = high[i];
            swings.Add((Evaluate(lowValues), Evaluate(highValues)));
        }

        var horizon = layout.Months;
        double? Time(double t) => double.IsPositiveInfinity(t) ? null : t;
        double Capped(double t) => Math.Min(t, horizon);
        var pairs = new List<TornadoPair>();
        for (var p = 0; p < layout.Pairs.Length; p++)
        {
            var bars = inputs.Select((input, i) =>
            {
                var (l, h) = swings[i];
                return new TornadoBar(
                    input.Path,
                    input.Label ?? input.Path,
                    low[i],
                    high[i],
                    Time(l.Time[p]),
                    Time(h.Time[p]),
                    l.Npv[p],
                    h.Npv[p],
                    Math.Abs(Capped(h.Time[p]) - Capped(l.Time[p])),
                    Math.Abs(h.Npv[p] - l.Npv[p]));
            }).ToList();
            var (self, api) = layout.Pairs[p];
            pairs.Add(new TornadoPair(
                layout.OptionNames[self],
                layout.OptionNames[api],
                Time(baseline.Time[p]),
                baseline.Npv[p],
                bars.OrderByDescending(b => b.BreakEvenMonthSwing).ToList(),
                bars.OrderByDescending(b => b.NpvDifferenceSwing).ToList()));
        }

        return new TornadoResult(scenario, pairs);
    }
}
