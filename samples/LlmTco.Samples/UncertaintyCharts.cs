using LlmTco.Uncertainty;
using ScottPlot;

namespace LlmTco.Samples;

/// <summary>
/// The Monte Carlo charts, in the style of <see cref="Charts"/> (PNG and SVG, solid lines only): the fan of the
/// cumulative cost difference, the histogram of break-even months, the probability of being cheaper by month, and the
/// tornado charts of the sensitivity analysis.
/// </summary>
internal static class UncertaintyCharts
{
    public static readonly IReadOnlyList<(string File, string Caption)> Files =
    [
        ("uncertainty-fan", "Cumulative cost difference, self-hosted − API: P10–P90 band and median over the trials (below 0, self-hosting is cheaper)"),
        ("uncertainty-break-even-histogram", "Share of trials breaking even in each month"),
        ("uncertainty-probability-cheaper", "Probability that self-hosting's cumulative cost is at or below the API's, month by month"),
        ("uncertainty-tornado-npv", "Tornado: NPV difference with each input at its P10 and P90, the others at their medians"),
        ("uncertainty-tornado-break-even", "Tornado: break-even month with each input at its P10 and P90, the others at their medians"),
    ];

    static UncertaintyCharts()
    {
        // The same sans font as the other charts (Charts' static constructor sets it too).
        Fonts.Default = "DejaVu Sans";
    }

    /// <summary>Writes every Monte Carlo chart for the focus pair (and the probability curve of every pair) into <paramref name="folder"/>.</summary>
    public static IReadOnlyList<string> WriteAll(MonteCarloResult result, TornadoResult tornado, PairOutcomes focus, string folder)
    {
        Directory.CreateDirectory(folder);
        var tornadoPair = tornado.Pair(focus.SelfHostedOption, focus.ApiOption);
        var files = new List<string>();
        files.AddRange(Charts.Save(Fan(result, focus), folder, Files[0].File));
        files.AddRange(Charts.Save(Histogram(result, focus), folder, Files[1].File));
        files.AddRange(Charts.Save(ProbabilityCheaper(result), folder, Files[2].File));
        files.AddRange(Charts.Save(TornadoNpv(result, tornadoPair), folder, Files[3].File));
        if (tornadoPair.ByBreakEvenMonth.Any(b => b.BreakEvenMonthSwing > 0))
        {
            files.AddRange(Charts.Save(TornadoBreakEven(result, tornadoPair), folder, Files[4].File));
        }
        else
        {
            // No single input brings break-even into the horizon with the others at their medians: nothing to draw.
            File.Delete(Path.Combine(folder, Files[4].File + ".png"));
            File.Delete(Path.Combine(folder, Files[4].File + ".svg"));
        }

        return files;
    }

    public static Plot Fan(MonteCarloResult result, PairOutcomes pair)
    {
        var currency = result.Scenario.Currency;
        var plot = Charts.NewPlot(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"Cumulative cost difference ({result.Trials:N0} trials, the band from the first {result.MonthlyPercentileTrials:N0}; seed {result.Seed})\n{pair.SelfHostedOption} − {pair.ApiOption}"),
            "Months after the start (below 0, self-hosting is cheaper)",
            $"Self-hosted − API, cumulative ({currency})");
        Money(plot.Axes.Left, currency);
        var months = pair.CumulativeDifferenceByMonth.Count;
        var xs = Enumerable.Range(1, months).Select(m => (double)m).ToArray();
        double[] Series(Func<PercentileSummary, double?> pick) => pair.CumulativeDifferenceByMonth.Select(s => pick(s) ?? double.NaN).ToArray();
        var low = Series(s => s.P10);
        var median = Series(s => s.P50);
        var high = Series(s => s.P90);
        var color = new ScottPlot.Palettes.Category10().GetColor(0);
        var band = plot.Add.FillY(xs, low, high);
        band.FillColor = color.WithAlpha(0.25);
        band.LineWidth = 0;
        band.LegendText = "P10–P90";
        var line = plot.Add.ScatterLine(xs, median, color);
        line.LineWidth = 2.5f;
        line.LegendText = "median";
        plot.Add.HorizontalLine(0, 1, Colors.Black, LinePattern.Solid);
        plot.Axes.AutoScaleY();
        Charts.MonthAxis(plot, result.Scenario.HorizonMonths, []);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot Histogram(MonteCarloResult result, PairOutcomes pair)
    {
        var horizon = result.Scenario.HorizonMonths;
        var plot = Charts.NewPlot($"Break-even month\n{pair.SelfHostedOption} vs {pair.ApiOption}", "Month in which self-hosting breaks even (month m: from m − 1 to m months after the start)", "Share of trials");
        Percent(plot.Axes.Left);
        var counts = new int[horizon + 2];
        foreach (var t in pair.BreakEvenMonths)
        {
            counts[double.IsPositiveInfinity(t) ? horizon + 1 : Display.MonthOf(t)]++;
        }

        // The "never" bar stands one month apart from the last month, so its label does not run into the last month's.
        var never = horizon + 2;

        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var m = 1; m <= horizon + 1; m++)
        {
            bars.Add(new Bar
            {
                Position = m <= horizon ? m : never,
                Value = (double)counts[m] / result.Trials,
                FillColor = m <= horizon ? palette.GetColor(0) : Colors.Gray,
                Size = 0.8,
                LineWidth = 0,
            });
        }

        plot.Add.Bars(bars);
        var ticks = Charts.MonthTicks(horizon).Select(m => new Tick(m, Display.Number(m))).Append(new Tick(never, "never")).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.SetLimitsX(0.3, never + 0.7);
        var p = pair.BreakEvenMonth;
        var note = plot.Add.Text($"P10 {Display.BreakEvenCell(p.P10)} · P50 {Display.BreakEvenCell(p.P50)} · P90 {Display.BreakEvenCell(p.P90)}; never within {horizon} months: {Display.Percent(pair.NeverBreaksEvenShare)}", 1, 0);
        note.LabelFontSize = 12;
        note.LabelAlignment = Alignment.LowerLeft;
        note.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
        note.LabelBorderColor = Colors.Gray;
        note.LabelPadding = 3;
        var top = Math.Max(bars.Max(b => b.Value), 0.05);
        plot.Axes.SetLimitsY(0, Math.Min(1, top * 1.15));
        var limits = plot.Axes.GetLimits();
        note.Location = new Coordinates(0.8, limits.Top * 0.97);
        note.LabelAlignment = Alignment.UpperLeft;
        return plot;
    }

    public static Plot ProbabilityCheaper(MonteCarloResult result)
    {
        var plot = Charts.NewPlot("Probability that self-hosting is cheaper so far", Charts.MonthAxisLabel, "Share of trials (cumulative cost at or below the API's)");
        Percent(plot.Axes.Left);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Pairs.Count; i++)
        {
            var pair = result.Pairs[i];
            var xs = Enumerable.Range(1, pair.ProbabilityCheaperByMonth.Count).Select(m => (double)m).ToArray();
            var line = plot.Add.ScatterLine(xs, pair.ProbabilityCheaperByMonth.ToArray(), palette.GetColor(i));
            line.LineWidth = 2;
            line.LegendText = $"{pair.SelfHostedOption} vs {pair.ApiOption}";
        }

        Charts.MonthAxis(plot, result.Scenario.HorizonMonths, []);
        plot.Axes.SetLimitsY(0, 1); // a probability: 0 to 100 %, never above
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot TornadoNpv(MonteCarloResult result, TornadoPair pair)
    {
        var currency = result.Scenario.Currency;
        return Tornado(
            $"What moves the NPV difference\n{pair.SelfHostedOption} − {pair.ApiOption}",
            $"NPV self-hosted − API ({currency}); line: every input at its median",
            pair.ByNpvDifference,
            pair.BaselineNpvDifference,
            b => b.NpvDifferenceAtLow,
            b => b.NpvDifferenceAtHigh,
            axis => Money(axis, currency));
    }

    public static Plot TornadoBreakEven(MonteCarloResult result, TornadoPair pair)
    {
        var horizon = result.Scenario.HorizonMonths;
        return Tornado(
            $"What moves the break-even month\n{pair.SelfHostedOption} vs {pair.ApiOption}",
            $"Break-even, months after the start (never within the horizon is drawn at {horizon}); line: every input at its median",
            pair.ByBreakEvenMonth,
            Math.Min(pair.BaselineBreakEvenMonth ?? horizon, horizon),
            b => Math.Min(b.BreakEvenMonthAtLow ?? horizon, horizon),
            b => Math.Min(b.BreakEvenMonthAtHigh ?? horizon, horizon),
            axis => axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Display.Number(v, "0.#") });
    }

    private static Plot Tornado(string title, string xLabel, IReadOnlyList<TornadoBar> ranked, double baseline, Func<TornadoBar, double> low, Func<TornadoBar, double> high, Action<IAxis> ticks)
    {
        var plot = Charts.NewPlot(title, xLabel, string.Empty);
        ticks(plot.Axes.Bottom);
        var palette = new ScottPlot.Palettes.Category10();
        var lowColor = palette.GetColor(0);
        var highColor = palette.GetColor(1);
        var bars = new List<Bar>();
        var labels = new List<Tick>();
        for (var i = 0; i < ranked.Count; i++)
        {
            // The largest swing at the top.
            var position = ranked.Count - 1 - i;
            var b = ranked[i];
            bars.Add(new Bar { Position = position, ValueBase = baseline, Value = low(b), FillColor = lowColor, Size = 0.6, LineWidth = 0 });
            bars.Add(new Bar { Position = position, ValueBase = baseline, Value = high(b), FillColor = highColor, Size = 0.6, LineWidth = 0 });
            labels.Add(new Tick(position, $"{Wrap(b.Label, 28)}\n{UncertaintyReport.InputValue(b.Path, b.LowInputValue)} → {UncertaintyReport.InputValue(b.Path, b.HighInputValue)}"));
        }

        var plotted = plot.Add.Bars(bars);
        plotted.Horizontal = true;
        plot.Add.VerticalLine(baseline, 1.5f, Colors.Black, LinePattern.Solid);
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericManual(labels.ToArray());
        plot.Axes.Left.MajorTickStyle.Length = 0;
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "input at its P10", FillColor = lowColor });
        plot.Legend.ManualItems.Add(new LegendItem { LabelText = "input at its P90", FillColor = highColor });
        plot.ShowLegend(Alignment.LowerRight);
        return plot;
    }

    private static void Money(IAxis axis, string currency) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Display.ShortMoney(v, currency) };

    private static void Percent(IAxis axis) =>
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = v => Display.Percent(v) };

    private static string Wrap(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "…";
}
