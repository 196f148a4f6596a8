using System.Globalization;
using System.Net;
using System.Text;
using LlmTco.Samples;

namespace LlmTco.Web.Charts;

/// <summary>
/// One chart written as SVG markup: numeric axes with rounded ticks, lines (straight or as stairs), a shaded band and
/// break-even markers with their labels. The root has a <c>viewBox</c> and no fixed size, so the chart scales with its
/// container (a phone, a wide window, a printed page). The plot area and each marker carry the classes the browser
/// tests check, as in the report (<c>llmtco-plot-area</c>, <c>llmtco-break-even</c>).
/// </summary>
/// <remarks>Only draws: every number comes from the library's result types.</remarks>
internal sealed class SvgPlot
{
    private const double Left = 78;
    private const double Right = 14;
    private const double Top = 12;
    private const double Bottom = 46;
    private const double FontSize = 13;

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly StringBuilder layers = new();
    private readonly List<(double X, double Y, string Color, string Label)> markers = [];
    private readonly double width;
    private readonly double height;

    /// <param name="width">The width of the drawing in SVG units (the page picks a smaller one on a phone, so text stays readable).</param>
    /// <param name="height">The height of the drawing in SVG units.</param>
    public SvgPlot(double width, double height)
    {
        this.width = width;
        this.height = height;
    }

    /// <summary>Gets the ten colours the report's charts use (Category10), option by option.</summary>
    public static IReadOnlyList<string> Palette { get; } =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public required string Title { get; init; }

    public required string XLabel { get; init; }

    public required string YLabel { get; init; }

    public required (double Min, double Max) X { get; init; }

    public required (double Min, double Max) Y { get; init; }

    /// <summary>The x values to label (default: rounded ticks).</summary>
    public IReadOnlyList<(double Value, string Text)>? XTicks { get; init; }

    public Func<double, string> XFormat { get; init; } = v => v.ToString("0.##", Inv);

    public Func<double, string> YFormat { get; init; } = v => v.ToString("0.##", Inv);

    private double PlotWidth => width - Left - Right;

    private double PlotHeight => height - Top - Bottom;

    private double Px(double x) => Left + ((x - X.Min) / (X.Max - X.Min) * PlotWidth);

    private double Py(double y) => Top + PlotHeight - ((y - Y.Min) / (Y.Max - Y.Min) * PlotHeight);

    /// <summary>
    /// A line through the points; <paramref name="steps"/> draws it as stairs (the value holds until the next x). Points
    /// that add nothing to the drawing (on a straight run, or a stair's flat) are left out of the path, which keeps it
    /// short enough to redraw at every change.
    /// </summary>
    public void Line(IReadOnlyList<(double X, double Y)> points, string color, double strokeWidth, bool steps = false)
    {
        if (points.Count == 0)
        {
            return;
        }

        var d = new StringBuilder();
        for (var i = 0; i < points.Count; i++)
        {
            if (i > 0 && i < points.Count - 1 && Redundant(points[i - 1], points[i], points[i + 1], steps))
            {
                continue;
            }

            var (x, y) = (Px(points[i].X), Py(points[i].Y));
            d.Append(i == 0 ? 'M' : steps ? 'H' : 'L').Append(Coordinate(x));
            d.Append(steps && i > 0 ? 'V' : ',').Append(Coordinate(y));
        }

        layers.Append(Inv, $"<path d=\"{d}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{strokeWidth:0.#}\" stroke-linejoin=\"round\"/>");
    }

    /// <summary>Whether a point lies on the straight run from the one before to the one after (a stair: on the same flat as the one before).</summary>
    private static bool Redundant((double X, double Y) before, (double X, double Y) point, (double X, double Y) after, bool steps)
    {
        if (steps)
        {
            return point.Y == before.Y;
        }

        var slopeBefore = (point.Y - before.Y) / (point.X - before.X);
        var slopeAfter = (after.Y - point.Y) / (after.X - point.X);
        return Math.Abs(slopeBefore - slopeAfter) <= 1e-9 * Math.Max(Math.Abs(slopeBefore), Math.Abs(slopeAfter));
    }

    /// <summary>An SVG coordinate to a tenth of a unit, culture-invariant.</summary>
    private static string Coordinate(double value) => Math.Round(value, 1).ToString(Inv);

    /// <summary>A shaded band between two series over the same x values (NaN ends the band's run).</summary>
    public void Band(IReadOnlyList<double> xs, IReadOnlyList<double> low, IReadOnlyList<double> high, string color, double opacity)
    {
        var points = Enumerable.Range(0, xs.Count).Where(i => double.IsFinite(low[i]) && double.IsFinite(high[i])).ToList();
        if (points.Count < 2)
        {
            return;
        }

        var path = string.Join(' ', points.Select(i => string.Create(Inv, $"{Px(xs[i]):0.#},{Py(high[i]):0.#}"))
            .Concat(points.AsEnumerable().Reverse().Select(i => string.Create(Inv, $"{Px(xs[i]):0.#},{Py(low[i]):0.#}"))));
        layers.Append(Inv, $"<polygon points=\"{path}\" fill=\"{color}\" fill-opacity=\"{opacity:0.##}\" stroke=\"none\"/>");
    }

    /// <summary>A horizontal reference line across the plot area.</summary>
    public void HorizontalLine(double y, string color) =>
        layers.Append(Inv, $"<line x1=\"{Left:0.#}\" x2=\"{Left + PlotWidth:0.#}\" y1=\"{Py(y):0.#}\" y2=\"{Py(y):0.#}\" stroke=\"{color}\" stroke-width=\"1\"/>");

    /// <summary>A vertical reference line through the plot area.</summary>
    public void VerticalLine(double x, string color) =>
        layers.Append(Inv, $"<line x1=\"{Px(x):0.#}\" x2=\"{Px(x):0.#}\" y1=\"{Top:0.#}\" y2=\"{Top + PlotHeight:0.#}\" stroke=\"{color}\" stroke-opacity=\"0.5\" stroke-width=\"1\"/>");

    /// <summary>A break-even marker (the report's: a filled circle in the option's colour in a black ring) with its label.</summary>
    public void Marker(double x, double y, string color, string label) => markers.Add((x, y, color, label));

    /// <summary>The chart as an <c>svg</c> element.</summary>
    public string ToSvg()
    {
        var svg = new StringBuilder();
        svg.Append(Inv, $"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {width:0} {height:0}\" preserveAspectRatio=\"xMidYMid meet\" role=\"img\" aria-label=\"{E(Title)}\" font-family=\"DejaVu Sans, Helvetica, Arial, sans-serif\" font-size=\"{FontSize:0}\">");
        svg.Append(Inv, $"<title>{E(Title)}</title>");
        svg.Append(Inv, $"<rect class=\"llmtco-plot-area\" x=\"{Left:0.#}\" y=\"{Top:0.#}\" width=\"{PlotWidth:0.#}\" height=\"{PlotHeight:0.#}\" fill=\"#fff\" stroke=\"#999\"/>");
        foreach (var (value, text) in YTicks())
        {
            var y = Py(value);
            svg.Append(Inv, $"<line x1=\"{Left:0.#}\" x2=\"{Left + PlotWidth:0.#}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" stroke=\"#e4e4e4\"/>");
            svg.Append(Inv, $"<text x=\"{Left - 6:0.#}\" y=\"{y + 4:0.#}\" text-anchor=\"end\">{E(text)}</text>");
        }

        foreach (var (value, text) in XTicks ?? Nice(X.Min, X.Max, Math.Max(3, (int)(PlotWidth / 110))).Select(v => (v, XFormat(v))).ToList())
        {
            var x = Px(value);
            svg.Append(Inv, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top + PlotHeight:0.#}\" y2=\"{Top + PlotHeight + 5:0.#}\" stroke=\"#666\"/>");
            svg.Append(Inv, $"<text x=\"{x:0.#}\" y=\"{Top + PlotHeight + 19:0.#}\" text-anchor=\"middle\">{E(text)}</text>");
        }

        svg.Append(Inv, $"<text x=\"{Left + (PlotWidth / 2):0.#}\" y=\"{height - 6:0.#}\" text-anchor=\"middle\">{E(XLabel)}</text>");
        svg.Append(Inv, $"<text transform=\"translate(14 {Top + (PlotHeight / 2):0.#}) rotate(-90)\" text-anchor=\"middle\">{E(YLabel)}</text>");
        svg.Append(Inv, $"<svg x=\"{Left:0.#}\" y=\"{Top:0.#}\" width=\"{PlotWidth:0.#}\" height=\"{PlotHeight:0.#}\" viewBox=\"{Left:0.#} {Top:0.#} {PlotWidth:0.#} {PlotHeight:0.#}\" overflow=\"hidden\">");
        svg.Append(layers);
        svg.Append("</svg>");
        AppendMarkers(svg);
        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>Each marker, then its label placed by the report's rule (<see cref="ChartLabels"/>): beside the marker, inside the plot area, clear of the others.</summary>
    private void AppendMarkers(StringBuilder svg)
    {
        const double LineHeight = FontSize + 3;
        var sizes = markers.Select(m =>
        {
            var lines = m.Label.Split('\n');
            return ((float)Px(m.X), (float)Py(m.Y), (float)((lines.Max(l => l.Length) * FontSize * 0.58) + 10), (float)((lines.Length * LineHeight) + 8));
        }).ToList();
        var boxes = ChartLabels.Place(new LabelBox((float)Left, (float)Top, (float)PlotWidth, (float)PlotHeight), sizes, []);
        for (var i = 0; i < markers.Count; i++)
        {
            var (x, y) = (Px(markers[i].X), Py(markers[i].Y));
            svg.Append(Inv, $"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"8\" fill=\"#000\"/><circle class=\"llmtco-break-even\" cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"5.5\" fill=\"{markers[i].Color}\"/>");
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var box = boxes[i];
            svg.Append(Inv, $"<g class=\"llmtco-label\"><rect x=\"{box.Left:0.#}\" y=\"{box.Top:0.#}\" width=\"{box.Width:0.#}\" height=\"{box.Height:0.#}\" fill=\"#fff\" fill-opacity=\"0.9\" stroke=\"#999\"/>");
            var lines = markers[i].Label.Split('\n');
            for (var l = 0; l < lines.Length; l++)
            {
                svg.Append(Inv, $"<text x=\"{box.Left + 5:0.#}\" y=\"{box.Top + 4 + FontSize + (l * LineHeight):0.#}\" fill=\"{markers[i].Color}\" style=\"filter: brightness(0.7)\">{E(lines[l])}</text>");
            }

            svg.Append("</g>");
        }
    }

    private IEnumerable<(double Value, string Text)> YTicks() => Nice(Y.Min, Y.Max, Math.Max(3, (int)(PlotHeight / 60))).Select(v => (v, YFormat(v)));

    /// <summary>Round tick values (1, 2 or 5 times a power of ten apart) from <paramref name="min"/> to <paramref name="max"/>, about <paramref name="count"/> of them.</summary>
    public static IReadOnlyList<double> Nice(double min, double max, int count)
    {
        if (!(max > min))
        {
            return [min];
        }

        var raw = (max - min) / count;
        var power = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 5, 10 }.Select(f => f * power).First(s => s >= raw);
        var first = Math.Ceiling((min / step) - 1e-9) * step;
        var ticks = new List<double>();
        for (var v = first; v <= max + (step * 1e-9); v += step)
        {
            ticks.Add(Math.Abs(v) < step * 1e-9 ? 0 : v);
        }

        return ticks;
    }

    /// <summary>The top of a money axis: a little above the highest value, so that lines do not run along the frame.</summary>
    public static double Headroom(double max) => max > 0 ? max * 1.06 : 1;

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
