using LlmTco.Timeline;
using ScottPlot;

namespace LlmTco.Samples;

/// <summary>The four break-even charts, each written as PNG and SVG with ScottPlot.</summary>
internal static class Charts
{
    public const int Width = 1000;
    public const int Height = 600;

    // Dashed and dotted lines are avoided: SkiaSharp's SVG canvas cannot draw path effects (it prints a warning and
    // draws them solid), so API options are told apart by thinner lines instead.
    static Charts()
    {
        // ScottPlot picks a serif font by default on this platform; charts are set in a sans font.
        Fonts.Default = "DejaVu Sans";
    }

    /// <summary>Writes every chart into <paramref name="folder"/> and returns the files written.</summary>
    public static IReadOnlyList<string> WriteAll(ScenarioResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var files = new List<string>();
        files.AddRange(Save(CumulativeCost(result), folder, "cumulative-cost"));
        files.AddRange(Save(CostByVolume(result), folder, "cost-by-volume"));
        files.AddRange(Save(Breakdown(result), folder, "cost-breakdown"));
        files.AddRange(Save(CostPerMillionTokens(result), folder, "cost-per-million-tokens"));
        return files;
    }

    public static Plot CumulativeCost(ScenarioResult result)
    {
        var plot = NewPlot($"Cumulative cost: {result.Scenario.Name}", "Month", $"Cumulative cost ({result.Scenario.Currency})");
        MoneyTicks(plot.Axes.Left, result.Scenario.Currency);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Options.Count; i++)
        {
            var o = result.Options[i];
            var xs = new[] { 0.0 }.Concat(o.Months.Select(m => (double)m.Month)).ToArray();
            var ys = new[] { 0.0 }.Concat(o.Months.Select(m => m.Cumulative)).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, palette.GetColor(i));
            line.LineWidth = 2;
            line.LegendText = o.Name;
            line.LineWidth = o.Kind == OptionKind.Api ? 1.5f : 2.5f;
        }

        foreach (var b in result.BreakEvens.Where(b => b.Nominal.Outcome == BreakEvenOutcome.BreaksEven))
        {
            var x = b.Nominal.MonthsFromStart!.Value;
            var y = b.Nominal.CumulativeCost!.Value;
            var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 10, Colors.Black);
            marker.LegendText = string.Empty;
            var label = plot.Add.Text(BreakEvenLabel(b, result.Scenario.Currency), x, y);
            label.LabelFontSize = 12;
            label.LabelAlignment = Alignment.LowerRight;
            label.LabelBackgroundColor = Colors.White.WithAlpha(0.8);
            label.LabelBorderColor = Colors.Gray;
            label.LabelPadding = 3;
        }

        FromZero(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot CostByVolume(ScenarioResult result)
    {
        var currency = result.Scenario.Currency;
        var plot = NewPlot("Steady-state monthly cost by monthly volume", "Monthly volume (tokens, input + output)", $"Monthly cost ({currency})");
        MoneyTicks(plot.Axes.Left, currency);
        TokenTicks(plot.Axes.Bottom);
        var maxMonthly = result.Options[0].Months.Max(m => m.Tokens);
        var crossingsMax = result.BreakEvens.SelectMany(b => b.Volume.Crossings).Select(c => c.TokensPerMonth).DefaultIfEmpty(0).Max();
        var top = Math.Max(maxMonthly * 1.5, crossingsMax * 1.5);
        const int Points = 600;
        var xs = Enumerable.Range(0, Points + 1).Select(i => top * i / Points).ToArray();
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Options.Count; i++)
        {
            var o = result.Options[i];
            var ys = xs.Select(o.SteadyState.MonthlyCostAt).ToArray();
            var line = plot.Add.ScatterLine(xs, ys, palette.GetColor(i));
            line.LineWidth = 2;
            line.LegendText = o.Name;
            line.ConnectStyle = o.Kind == OptionKind.SelfHosted ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
            line.LineWidth = o.Kind == OptionKind.Api ? 1.5f : 2.5f;
        }

        foreach (var b in result.BreakEvens)
        {
            if (b.Volume.SelfHostedCheaperAboveTokensPerMonth is { } above && above > 0 && above <= top)
            {
                var cost = result.Option(b.ApiOption).SteadyState.MonthlyCostAt(above);
                var color = palette.GetColor(result.Options.ToList().FindIndex(o => o.Name == b.SelfHostedOption));
                plot.Add.VerticalLine(above, 1, color.WithAlpha(0.5), LinePattern.Solid);
                plot.Add.Marker(above, cost, MarkerShape.FilledCircle, 9, color);
                var label = plot.Add.Text($"{Display.Tokens(above).Replace(" tokens", string.Empty, StringComparison.Ordinal)}/month vs {b.ApiOption}", above, cost);
                label.LabelFontSize = 11;
                label.LabelFontColor = color;
                label.LabelAlignment = above > top * 0.6 ? Alignment.LowerRight : Alignment.LowerLeft;
                label.LabelBackgroundColor = Colors.White.WithAlpha(0.85);
                label.LabelBorderColor = Colors.Gray;
                label.LabelPadding = 3;
            }
        }

        FromZero(plot);
        plot.ShowLegend(Alignment.UpperLeft);
        return plot;
    }

    public static Plot Breakdown(ScenarioResult result)
    {
        var currency = result.Scenario.Currency;
        var plot = NewPlot($"Cost by line item over {result.Scenario.HorizonMonths} months", "Option", $"Total cost ({currency})");
        MoneyTicks(plot.Axes.Left, currency);
        var palette = new ScottPlot.Palettes.Category10();
        var bars = new List<Bar>();
        for (var i = 0; i < result.Options.Count; i++)
        {
            var o = result.Options[i];
            var baseValue = 0.0;
            for (var c = 0; c < CostLineCategory.All.Count; c++)
            {
                var value = o.Months.Sum(m => CostLineCategory.All[c].Lines.Sum(m.Cost));
                if (value <= 0)
                {
                    continue;
                }

                bars.Add(new Bar { Position = i, ValueBase = baseValue, Value = baseValue + value, FillColor = palette.GetColor(c), Size = 0.6 });
                baseValue += value;
            }
        }

        plot.Add.Bars(bars);
        var ticks = result.Options.Select((o, i) => new Tick(i, Wrap(o.Name, 22))).ToArray();
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(ticks);
        plot.Axes.Bottom.MajorTickStyle.Length = 0;
        for (var c = 0; c < CostLineCategory.All.Count; c++)
        {
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = CostLineCategory.All[c].Name, FillColor = palette.GetColor(c) });
        }

        plot.Axes.Margins(bottom: 0);
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    public static Plot CostPerMillionTokens(ScenarioResult result)
    {
        var currency = result.Scenario.Currency;
        var plot = NewPlot("Cost per million tokens", "Month", $"Cost per 1M tokens ({currency})");
        MoneyTicks(plot.Axes.Left, currency, decimals: true);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Options.Count; i++)
        {
            var o = result.Options[i];
            var points = o.Months.Where(m => m.CostPerMillionTokens is not null).ToList();
            var line = plot.Add.ScatterLine(points.Select(m => (double)m.Month).ToArray(), points.Select(m => m.CostPerMillionTokens!.Value).ToArray(), palette.GetColor(i));
            line.LineWidth = 2;
            line.LegendText = o.Name;
            line.LineWidth = o.Kind == OptionKind.Api ? 1.5f : 2.5f;
        }

        FromZero(plot);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    public static string BreakEvenLabel(BreakEvenResult b, string currency) =>
        $"{b.SelfHostedOption} = {b.ApiOption}: month {b.Nominal.Month} ({Display.Number(b.Nominal.MonthsFromStart!.Value, "N1")}), {Display.Money(b.Nominal.CumulativeCost!.Value, currency)}";

    public static string VolumeLabel(BreakEvenResult b, double tokensPerMonth) =>
        $"{b.SelfHostedOption} cheaper than {b.ApiOption} above {Display.Tokens(tokensPerMonth)}/month";

    /// <summary>Money axes start at zero: costs are never negative.</summary>
    private static void FromZero(Plot plot)
    {
        plot.Axes.AutoScale();
        var limits = plot.Axes.GetLimits();
        plot.Axes.SetLimitsY(0, limits.Top);
    }

    /// <summary>Writes a chart as PNG and SVG, both at the same size; returns the two paths.</summary>
    internal static IEnumerable<string> Save(Plot plot, string folder, string name)
    {
        var png = Path.Combine(folder, name + ".png");
        var svg = Path.Combine(folder, name + ".svg");
        plot.SavePng(png, Width, Height);
        plot.SaveSvg(svg, Width, Height);
        File.WriteAllText(svg, WithViewBox(File.ReadAllText(svg), Width, Height));
        return [png, svg];
    }

    /// <summary>
    /// Gives the SVG's root a <c>viewBox</c>, so that the chart scales with its container (a narrow window, a printed
    /// page) instead of being cropped; the width and height stay as the size it has when nothing constrains it.
    /// </summary>
    internal static string WithViewBox(string svg, int width, int height)
    {
        var start = svg.IndexOf("<svg", StringComparison.Ordinal);
        var end = start < 0 ? -1 : svg.IndexOf('>', start);
        if (end < 0 || svg.AsSpan(start, end - start).Contains("viewBox", StringComparison.Ordinal))
        {
            return svg;
        }

        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{svg[..end]} viewBox=\"0 0 {width} {height}\" preserveAspectRatio=\"xMidYMid meet\"{svg[end..]}");
    }

    internal static Plot NewPlot(string title, string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        return plot;
    }

    private static void MoneyTicks(IAxis axis, string currency, bool decimals = false)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => decimals ? Display.Money(v, currency) : Display.ShortMoney(v, currency),
        };
    }

    private static void TokenTicks(IAxis axis)
    {
        axis.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic
        {
            LabelFormatter = v => Display.Tokens(v).Replace(" tokens", string.Empty, StringComparison.Ordinal),
        };
    }

    private static string Wrap(string text, int width)
    {
        var lines = new List<string>();
        var current = string.Empty;
        foreach (var word in text.Split(' '))
        {
            if (current.Length + word.Length + 1 > width && current.Length > 0)
            {
                lines.Add(current);
                current = word;
            }
            else
            {
                current = current.Length == 0 ? word : current + " " + word;
            }
        }

        lines.Add(current);
        return string.Join('\n', lines);
    }
}
