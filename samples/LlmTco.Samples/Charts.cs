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
        var horizon = result.Scenario.HorizonMonths;
        var plot = NewPlot($"Cumulative cost: {result.Scenario.Name}", MonthAxisLabel, $"Cumulative cost ({result.Scenario.Currency})");
        MoneyTicks(plot.Axes.Left, result.Scenario.Currency);
        var palette = new ScottPlot.Palettes.Category10();
        for (var i = 0; i < result.Options.Count; i++)
        {
            var o = result.Options[i];
            var line = plot.Add.ScatterLine(o.Months.Select(m => (double)m.Month).ToArray(), o.Months.Select(m => m.Cumulative).ToArray(), palette.GetColor(i));
            line.LegendText = o.Name;
            line.LineWidth = o.Kind == OptionKind.Api ? 1.5f : 2.5f;
        }

        var breakEvens = result.BreakEvens.Where(b => b.Nominal.Outcome == BreakEvenOutcome.BreaksEven).ToList();
        FromZero(plot);
        MonthAxis(plot, horizon, breakEvens.Select(b => b.Nominal.MonthsFromStart!.Value));
        plot.ShowLegend(Alignment.UpperLeft);
        var labels = new List<(ScottPlot.Plottables.Text Text, Coordinates Anchor)>();
        foreach (var b in breakEvens)
        {
            var at = new Coordinates(b.Nominal.MonthsFromStart!.Value, b.Nominal.CumulativeCost!.Value);
            var color = palette.GetColor(result.Options.ToList().FindIndex(o => o.Name == b.SelfHostedOption));
            BreakEvenMarker(plot, at, color);
            labels.Add((Label(plot, BreakEvenLabel(b, result.Scenario.Currency), color, 12), at));
        }

        PlaceLabels(plot, labels);
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
            line.LegendText = o.Name;
            line.ConnectStyle = o.Kind == OptionKind.SelfHosted ? ConnectStyle.StepHorizontal : ConnectStyle.Straight;
            line.LineWidth = o.Kind == OptionKind.Api ? 1.5f : 2.5f;
        }

        FromZero(plot);
        plot.Axes.SetLimitsX(0, top); // a volume is never negative
        plot.ShowLegend(Alignment.UpperLeft);
        var labels = new List<(ScottPlot.Plottables.Text Text, Coordinates Anchor)>();
        foreach (var b in result.BreakEvens)
        {
            if (b.Volume.SelfHostedCheaperAboveTokensPerMonth is { } above && above > 0 && above <= top)
            {
                var at = new Coordinates(above, result.Option(b.ApiOption).SteadyState.MonthlyCostAt(above));
                var color = palette.GetColor(result.Options.ToList().FindIndex(o => o.Name == b.SelfHostedOption));
                plot.Add.VerticalLine(above, 1, color.WithAlpha(0.5), LinePattern.Solid);
                BreakEvenMarker(plot, at, color);
                labels.Add((Label(plot, $"{Display.Tokens(above).Replace(" tokens", string.Empty, StringComparison.Ordinal)}/month vs {b.ApiOption}", color, 11), at));
            }
        }

        PlaceLabels(plot, labels);
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
        MonthAxis(plot, result.Scenario.HorizonMonths, []);
        plot.ShowLegend(Alignment.UpperRight);
        return plot;
    }

    /// <summary>The label of a break-even marker, in the month convention: "X = Y / month 35, 34.3 months after the start, $1,500,627 each".</summary>
    public static string BreakEvenLabel(BreakEvenResult b, string currency) =>
        $"{b.SelfHostedOption} = {b.ApiOption}\n{Display.BreakEvenTime(b.Nominal.MonthsFromStart!.Value)}, {Display.Money(b.Nominal.CumulativeCost!.Value, currency)} each";

    /// <summary>The x-axis title of charts drawn against time: the value at tick m is the one at the end of month m.</summary>
    public const string MonthAxisLabel = "Months after the start (end of each month)";

    /// <summary>
    /// A month axis: whole-month ticks from month 1 to the horizon (every month up to 24, else every 2nd, 3rd, 6th or
    /// 12th, always with 1 and the horizon), limited to that range, widened only to show a point before month 1.
    /// </summary>
    internal static void MonthAxis(Plot plot, int horizon, IEnumerable<double> points)
    {
        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericManual(MonthTicks(horizon).Select(m => new Tick(m, Display.Number(m))).ToArray());
        var first = Math.Min(1, points.DefaultIfEmpty(1).Min());
        var pad = Math.Max(0.3, horizon / 60.0);
        plot.Axes.SetLimitsX(first - pad, horizon + pad);
    }

    /// <summary>
    /// The labelled months of a month axis: every month up to 24 months, else every 2nd, 3rd, 6th, 12th or 24th, with
    /// month 1 and the horizon always, leaving out a multiple too close to either to have room for its label.
    /// </summary>
    internal static IReadOnlyList<int> MonthTicks(int horizon)
    {
        var step = new[] { 1, 2, 3, 6, 12, 24 }.FirstOrDefault(s => horizon / s <= 24, 24);
        return Enumerable.Range(1, horizon)
            .Where(m => m == 1 || m == horizon || (m % step == 0 && m - 1 >= step * 0.75 && horizon - m >= step * 0.75))
            .ToList();
    }

    /// <summary>A break-even marker: a large filled circle in the option's colour with a black ring, drawn over the lines.</summary>
    internal static void BreakEvenMarker(Plot plot, Coordinates at, Color color)
    {
        var ring = plot.Add.Marker(at.X, at.Y, MarkerShape.FilledCircle, 16, Colors.Black);
        ring.LegendText = string.Empty;
        var marker = plot.Add.Marker(at.X, at.Y, MarkerShape.FilledCircle, 11, color);
        marker.LegendText = string.Empty;
    }

    private static ScottPlot.Plottables.Text Label(Plot plot, string text, Color color, float size)
    {
        var label = plot.Add.Text(text, 0, 0);
        label.LabelFontSize = size;
        label.LabelFontColor = color.Darken(0.3);
        label.LabelBackgroundColor = Colors.White.WithAlpha(0.9);
        label.LabelBorderColor = Colors.Gray;
        label.LabelPadding = LabelPadding;
        label.LabelAlignment = Alignment.UpperLeft;
        return label;
    }

    private const float LabelPadding = 3;

    /// <summary>
    /// Puts each label beside its anchor, wholly inside the plot area and clear of the legend and of each other
    /// (<see cref="ChartLabels"/>), laid out at the size the chart is saved at.
    /// </summary>
    private static void PlaceLabels(Plot plot, IReadOnlyList<(ScottPlot.Plottables.Text Text, Coordinates Anchor)> labels)
    {
        if (labels.Count == 0)
        {
            return;
        }

        plot.RenderInMemory(Width, Height);
        var data = plot.LastRender.DataRect;
        var area = new LabelBox(data.Left, data.Top, data.Width, data.Height);
        using var legend = plot.Legend.GetImage();
        var obstacles = new[] { new LabelBox(data.Left, data.Top, legend.Width + 20, legend.Height + 20) };
        using var paint = Paint.NewDisposablePaint();
        var sizes = labels.Select(l =>
        {
            var pixel = plot.GetPixel(l.Anchor);
            var measured = l.Text.LabelStyle.Measure(paint).Size;
            return (pixel.X, pixel.Y, measured.Width + (2 * LabelPadding) + 2, measured.Height + (2 * LabelPadding) + 2);
        }).ToList();
        var boxes = ChartLabels.Place(area, sizes, obstacles);
        for (var i = 0; i < labels.Count; i++)
        {
            labels[i].Text.Location = plot.GetCoordinates(boxes[i].Left + LabelPadding + 1, boxes[i].Top + LabelPadding + 1);
        }
    }

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
        OutputFile.Write(png, temporary => plot.SavePng(temporary, Width, Height));
        OutputFile.Write(svg, temporary =>
        {
            plot.SaveSvg(temporary, Width, Height);
            File.WriteAllText(temporary, WithMarks(WithViewBox(File.ReadAllText(temporary), Width, Height), plot));
        });
        return [png, svg];
    }

    /// <summary>
    /// Names what a browser test checks in the SVG, as invisible shapes at the pixels ScottPlot drew them at: the plot
    /// area (<c>llmtco-plot-area</c>) and each break-even marker (<c>llmtco-break-even</c>).
    /// </summary>
    private static string WithMarks(string svg, Plot plot)
    {
        var end = svg.LastIndexOf("</svg>", StringComparison.Ordinal);
        if (end < 0)
        {
            return svg;
        }

        var data = plot.LastRender.DataRect;
        var marks = new System.Text.StringBuilder();
        marks.Append(System.Globalization.CultureInfo.InvariantCulture, $"<g fill=\"none\" stroke=\"none\"><rect class=\"llmtco-plot-area\" x=\"{data.Left:0.#}\" y=\"{data.Top:0.#}\" width=\"{data.Width:0.#}\" height=\"{data.Height:0.#}\"/>");
        foreach (var marker in plot.GetPlottables().OfType<ScottPlot.Plottables.Marker>().Where(m => m.MarkerStyle.Size >= 16))
        {
            var pixel = plot.GetPixel(marker.Location);
            marks.Append(System.Globalization.CultureInfo.InvariantCulture, $"<circle class=\"llmtco-break-even\" cx=\"{pixel.X:0.#}\" cy=\"{pixel.Y:0.#}\" r=\"8\"/>");
        }

        return svg[..end] + marks.Append("</g>") + svg[end..];
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
            LabelFormatter = v => decimals ? Display.UnitPrice(v, currency) : Display.ShortMoney(v, currency),
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
