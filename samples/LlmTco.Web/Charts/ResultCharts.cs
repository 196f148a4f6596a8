using LlmTco.Samples;
using LlmTco.Timeline;
using LlmTco.Uncertainty;

namespace LlmTco.Web.Charts;

/// <summary>
/// The page's charts, drawn from the library's result types as the report draws them (samples/LlmTco.Samples
/// <c>Charts</c> and <c>UncertaintyCharts</c>): the same series, markers, labels and axis titles, as SVG written here.
/// </summary>
internal static class ResultCharts
{
    /// <summary>The x-axis title of charts drawn against time (the report's): the value at tick m is the one at the end of month m.</summary>
    private const string MonthAxisLabel = "Months after the start (end of each month)";

    /// <summary>Cumulative cost per option, with a marker at every break-even (month and amount) and its label.</summary>
    public static string CumulativeCost(ScenarioResult result, double width)
    {
        var s = result.Scenario;
        var top = SvgPlot.Headroom(result.Options.Max(o => o.Months.Max(m => m.Cumulative)));
        var plot = new SvgPlot(width, Height(width))
        {
            Title = $"Cumulative cost: {s.Name}",
            XLabel = MonthAxisLabel,
            YLabel = $"Cumulative cost ({s.Currency})",
            X = MonthRange(s.HorizonMonths, result.BreakEvens.Where(Breaks).Select(b => b.Nominal.MonthsFromStart!.Value)),
            Y = (0, top),
            XTicks = MonthTicks(s.HorizonMonths, width),
            YFormat = v => Display.ShortMoney(v, s.Currency),
        };
        for (var i = 0; i < result.Options.Count; i++)
        {
            var o = result.Options[i];
            plot.Line(o.Months.Select(m => ((double)m.Month, m.Cumulative)).ToList(), Color(i), Stroke(o));
        }

        foreach (var b in result.BreakEvens.Where(Breaks))
        {
            plot.Marker(b.Nominal.MonthsFromStart!.Value, b.Nominal.CumulativeCost!.Value, Color(IndexOf(result, b.SelfHostedOption)), BreakEvenLabel(b, s.Currency));
        }

        return plot.ToSvg();
    }

    /// <summary>
    /// Steady-state monthly cost by monthly volume (<see cref="SteadyStateCost.MonthlyCostAt"/>): self-hosted options
    /// as stairs (whole replicas), with a marker where self-hosting becomes cheaper than each API.
    /// </summary>
    public static string CostByVolume(ScenarioResult result, double width)
    {
        var currency = result.Scenario.Currency;
        var maxMonthly = result.Options[0].Months.Max(m => m.Tokens);
        var crossings = result.BreakEvens.SelectMany(b => b.Volume.Crossings).Select(c => c.TokensPerMonth).DefaultIfEmpty(0).Max();
        var right = Math.Max(Math.Max(maxMonthly, crossings) * 1.5, 1);
        const int Points = 600;
        var xs = Enumerable.Range(0, Points + 1).Select(i => right * i / Points).ToArray();
        var series = result.Options.Select(o => xs.Select(x => (x, o.SteadyState.MonthlyCostAt(x))).ToList()).ToList();
        var plot = new SvgPlot(width, Height(width))
        {
            Title = "Steady-state monthly cost by monthly volume",
            XLabel = "Monthly volume (tokens, input + output)",
            YLabel = $"Monthly cost ({currency})",
            X = (0, right),
            Y = (0, SvgPlot.Headroom(series.Max(p => p.Max(v => v.Item2)))),
            XFormat = v => Display.Tokens(v).Replace(" tokens", string.Empty, StringComparison.Ordinal),
            YFormat = v => Display.ShortMoney(v, currency),
        };
        for (var i = 0; i < result.Options.Count; i++)
        {
            plot.Line(series[i], Color(i), Stroke(result.Options[i]), steps: result.Options[i].Kind == OptionKind.SelfHosted);
        }

        foreach (var b in result.BreakEvens)
        {
            if (b.Volume.SelfHostedCheaperAboveTokensPerMonth is { } above && above > 0 && above <= right)
            {
                var color = Color(IndexOf(result, b.SelfHostedOption));
                plot.VerticalLine(above, color);
                plot.Marker(above, result.Option(b.ApiOption).SteadyState.MonthlyCostAt(above), color, $"{Display.Tokens(above).Replace(" tokens", string.Empty, StringComparison.Ordinal)}/month vs {b.ApiOption}");
            }
        }

        return plot.ToSvg();
    }

    /// <summary>Cost per million tokens, month by month (<see cref="MonthResult.CostPerMillionTokens"/>).</summary>
    public static string CostPerMillionTokens(ScenarioResult result, double width)
    {
        var currency = result.Scenario.Currency;
        var series = result.Options.Select(o => o.Months.Where(m => m.CostPerMillionTokens is not null).Select(m => ((double)m.Month, m.CostPerMillionTokens!.Value)).ToList()).ToList();
        var plot = new SvgPlot(width, Height(width))
        {
            Title = "Cost per million tokens",
            XLabel = "Month",
            YLabel = $"Cost per 1M tokens ({currency})",
            X = MonthRange(result.Scenario.HorizonMonths, []),
            Y = (0, SvgPlot.Headroom(series.SelectMany(p => p).Select(p => p.Item2).DefaultIfEmpty(0).Max())),
            XTicks = MonthTicks(result.Scenario.HorizonMonths, width),
            YFormat = v => Display.UnitPrice(v, currency),
        };
        for (var i = 0; i < series.Count; i++)
        {
            plot.Line(series[i], Color(i), Stroke(result.Options[i]));
        }

        return plot.ToSvg();
    }

    /// <summary>The fan of the cumulative cost difference (self-hosted − API) of one pair: the P10–P90 band and the median.</summary>
    public static string Fan(MonteCarloResult result, PairOutcomes pair, double width)
    {
        var currency = result.Scenario.Currency;
        var xs = Enumerable.Range(1, pair.CumulativeDifferenceByMonth.Count).Select(m => (double)m).ToArray();
        double[] Series(Func<PercentileSummary, double?> pick) => pair.CumulativeDifferenceByMonth.Select(s => pick(s) ?? double.NaN).ToArray();
        var low = Series(s => s.P10);
        var median = Series(s => s.P50);
        var high = Series(s => s.P90);
        var finite = low.Concat(high).Concat(median).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        var (min, max) = (Math.Min(finite.Min(), 0), Math.Max(finite.Max(), 0));
        var pad = Math.Max((max - min) * 0.05, 1);
        var plot = new SvgPlot(width, Height(width))
        {
            Title = $"Cumulative cost difference, {pair.SelfHostedOption} − {pair.ApiOption}",
            XLabel = "Months after the start (below 0, self-hosting is cheaper)",
            YLabel = $"Self-hosted − API ({currency})",
            X = MonthRange(result.Scenario.HorizonMonths, []),
            Y = (min - pad, max + pad),
            XTicks = MonthTicks(result.Scenario.HorizonMonths, width),
            YFormat = v => Display.ShortMoney(v, currency),
        };
        plot.Band(xs, low, high, Color(0), 0.25);
        plot.Line(xs.Zip(median).Where(p => double.IsFinite(p.Second)).ToList(), Color(0), 2.5);
        plot.HorizontalLine(0, "#000");
        return plot.ToSvg();
    }

    /// <summary>The probability that self-hosting's cumulative cost is at or below the API's, month by month, for every pair.</summary>
    public static string ProbabilityCheaper(MonteCarloResult result, double width)
    {
        var plot = new SvgPlot(width, Height(width))
        {
            Title = "Probability that self-hosting is cheaper so far",
            XLabel = MonthAxisLabel,
            YLabel = "Probability (share of trials)",
            X = MonthRange(result.Scenario.HorizonMonths, []),
            Y = (0, 1.02),
            XTicks = MonthTicks(result.Scenario.HorizonMonths, width),
            YFormat = Display.Percent,
        };
        for (var i = 0; i < result.Pairs.Count; i++)
        {
            plot.Line(result.Pairs[i].ProbabilityCheaperByMonth.Select((p, m) => ((double)(m + 1), p)).ToList(), Color(i), 2);
        }

        return plot.ToSvg();
    }

    /// <summary>The colour of the i-th series.</summary>
    public static string Color(int index) => SvgPlot.Palette[index % SvgPlot.Palette.Count];

    /// <summary>The label of a break-even marker, as the report's: "X = Y / month 35, 34.3 months after the start, $1,500,627 each".</summary>
    public static string BreakEvenLabel(BreakEvenResult b, string currency) =>
        $"{b.SelfHostedOption} = {b.ApiOption}\n{Display.BreakEvenTime(b.Nominal.MonthsFromStart!.Value)}, {Display.Money(b.Nominal.CumulativeCost!.Value, currency)} each";

    private static bool Breaks(BreakEvenResult b) => b.Nominal.Outcome == BreakEvenOutcome.BreaksEven;

    private static int IndexOf(ScenarioResult result, string option) => result.Options.Select(o => o.Name).ToList().IndexOf(option);

    /// <summary>API options are drawn thinner than self-hosted ones, as in the report.</summary>
    private static double Stroke(OptionResult o) => o.Kind == OptionKind.Api ? 1.8 : 2.8;

    /// <summary>A chart's height for its width: wide charts are flatter, a phone's taller.</summary>
    private static double Height(double width) => Math.Round(width * (width < 600 ? 0.8 : 0.5));

    /// <summary>From month 1 (or an earlier break-even) to the horizon, with a little room at both ends.</summary>
    private static (double, double) MonthRange(int horizon, IEnumerable<double> points)
    {
        var first = Math.Min(1, points.DefaultIfEmpty(1).Min());
        var pad = Math.Max(0.3, horizon / 60.0);
        return (first - pad, horizon + pad);
    }

    /// <summary>Whole months to label: 1, the horizon and round steps between them, fewer on a narrow chart.</summary>
    private static IReadOnlyList<(double, string)> MonthTicks(int horizon, double width)
    {
        var room = Math.Max(4, (int)(width / 45));
        var step = new[] { 1, 2, 3, 6, 12, 24, 60 }.First(s => horizon / s <= room || s == 60);
        return Enumerable.Range(1, horizon)
            .Where(m => m == 1 || m == horizon || (m % step == 0 && m - 1 >= step * 0.75 && horizon - m >= step * 0.75))
            .Select(m => ((double)m, Display.Number(m)))
            .ToList();
    }
}
