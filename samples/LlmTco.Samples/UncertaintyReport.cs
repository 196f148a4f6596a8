using System.Globalization;
using System.Net;
using System.Text;
using LlmTco.Uncertainty;
using Spectre.Console;

namespace LlmTco.Samples;

/// <summary>A Monte Carlo run and its tornado analysis, with the pair the charts show.</summary>
/// <param name="Result">The Monte Carlo result.</param>
/// <param name="Tornado">The sensitivity analysis.</param>
internal sealed record UncertaintyRun(MonteCarloResult Result, TornadoResult Tornado)
{
    /// <summary>Gets the pair the charts show: the one most often breaking even within the horizon (the first on a tie).</summary>
    public PairOutcomes Focus => Result.Pairs.OrderBy(p => p.NeverBreaksEvenShare).First();
}

/// <summary>The Monte Carlo tables for the terminal, the HTML report and the Markdown summary.</summary>
internal static class UncertaintyReport
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Write(UncertaintyRun run, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.Detect, ColorSystem = ColorSystemSupport.Detect });
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected)
        {
            console.Profile.Width = 150;
        }

        var r = run.Result;
        var currency = r.Scenario.Currency;
        var horizon = r.Scenario.HorizonMonths;
        console.Write(new Rule($"[bold]How sure is the answer?[/] {Markup.Escape(Heading(r))}").LeftJustified());
        var pairs = new Table().Border(TableBorder.Rounded);
        pairs.AddColumn("Self-hosted vs API");
        pairs.AddColumn(new TableColumn("Break-even P10 / P50 / P90: month (months after the start)").RightAligned());
        pairs.AddColumn(new TableColumn($"Never within {horizon} months").RightAligned());
        pairs.AddColumn(new TableColumn("NPV difference P10 / P50 / P90").RightAligned());
        pairs.AddColumn(new TableColumn("Cheaper above (tokens/month) P10 / P50 / P90").RightAligned());
        foreach (var p in r.Pairs)
        {
            pairs.AddRow(
                Markup.Escape($"{p.SelfHostedOption} vs {p.ApiOption}"),
                Markup.Escape(Triple(p.BreakEvenMonth, Display.BreakEvenCell)),
                Display.Percent(p.NeverBreaksEvenShare),
                Markup.Escape(Triple(p.NpvDifference, v => Display.ShortMoney(v!.Value, currency))),
                Markup.Escape(Triple(p.BreakEvenVolumeTokensPerMonth, Volume)));
        }

        console.Write(pairs);
        var options = new Table().Border(TableBorder.Rounded);
        options.AddColumn("Option");
        options.AddColumn(new TableColumn($"Per 1M tokens in month {horizon}: P10 / P50 / P90").RightAligned());
        options.AddColumn(new TableColumn("NPV P10 / P50 / P90").RightAligned());
        foreach (var o in r.Options)
        {
            options.AddRow(Markup.Escape(o.Name), Markup.Escape(Triple(o.CostPerMillionTokensAtHorizon, v => Display.UnitPrice(v!.Value, currency))), Markup.Escape(Triple(o.Npv, v => Display.ShortMoney(v!.Value, currency))));
        }

        console.Write(options);
        var focus = run.Tornado.Pair(run.Focus.SelfHostedOption, run.Focus.ApiOption);
        console.WriteLine($"Sensitivity of {focus.SelfHostedOption} vs {focus.ApiOption} (each input at its P10 and P90, the others at their medians):");
        var tornado = new Table().Border(TableBorder.Rounded);
        tornado.AddColumn("Input");
        tornado.AddColumn(new TableColumn("P10 → P90").RightAligned());
        tornado.AddColumn(new TableColumn("NPV difference at P10 → P90").RightAligned());
        tornado.AddColumn(new TableColumn("Swing").RightAligned());
        tornado.AddColumn(new TableColumn("Break-even at P10 → P90: month (months after the start)").RightAligned());
        foreach (var b in focus.ByNpvDifference)
        {
            tornado.AddRow(
                Markup.Escape(b.Label),
                $"{InputValue(b.Path, b.LowInputValue)} → {InputValue(b.Path, b.HighInputValue)}",
                Markup.Escape($"{Display.ShortMoney(b.NpvDifferenceAtLow, currency)} → {Display.ShortMoney(b.NpvDifferenceAtHigh, currency)}"),
                Markup.Escape(Display.ShortMoney(b.NpvDifferenceSwing, currency)),
                Markup.Escape($"{Display.BreakEvenCell(b.BreakEvenMonthAtLow)} → {Display.BreakEvenCell(b.BreakEvenMonthAtHigh)}"));
        }

        console.Write(tornado);
        foreach (var sentence in Sentences(run))
        {
            console.MarkupLine("• " + Markup.Escape(sentence));
        }
    }

    public static void AppendHtml(UncertaintyRun run, StringBuilder html, string folder)
    {
        var r = run.Result;
        var currency = r.Scenario.Currency;
        var horizon = r.Scenario.HorizonMonths;
        html.AppendLine(Inv, $"<h2>How sure is the answer?</h2><p>{E(Heading(r))}</p><ul>");
        foreach (var sentence in Sentences(run))
        {
            html.AppendLine(Inv, $"<li>{E(sentence)}</li>");
        }

        html.AppendLine(Inv, $"</ul><table><tr><th>Self-hosted vs API</th><th>Break-even P10 / P50 / P90: month (months after the start)</th><th>Never within {horizon} months</th><th>NPV difference P10 / P50 / P90</th><th>Cheaper above (tokens/month) P10 / P50 / P90</th></tr>");
        foreach (var p in r.Pairs)
        {
            html.AppendLine(Inv, $"<tr><td>{E($"{p.SelfHostedOption} vs {p.ApiOption}")}</td><td class=\"n\">{E(Triple(p.BreakEvenMonth, Display.BreakEvenCell))}</td><td class=\"n\">{E(Display.Percent(p.NeverBreaksEvenShare))}</td><td class=\"n\">{E(Triple(p.NpvDifference, v => Display.ShortMoney(v!.Value, currency)))}</td><td class=\"n\">{E(Triple(p.BreakEvenVolumeTokensPerMonth, Volume))}</td></tr>");
        }

        html.AppendLine(Inv, $"</table><table><tr><th>Option</th><th>Per 1M tokens in month {horizon}: P10 / P50 / P90</th><th>NPV P10 / P50 / P90</th></tr>");
        foreach (var o in r.Options)
        {
            html.AppendLine(Inv, $"<tr><td>{E(o.Name)}</td><td class=\"n\">{E(Triple(o.CostPerMillionTokensAtHorizon, v => Display.UnitPrice(v!.Value, currency)))}</td><td class=\"n\">{E(Triple(o.Npv, v => Display.ShortMoney(v!.Value, currency)))}</td></tr>");
        }

        var focus = run.Tornado.Pair(run.Focus.SelfHostedOption, run.Focus.ApiOption);
        html.AppendLine(Inv, $"</table><h3>What drives it: {E(focus.SelfHostedOption)} vs {E(focus.ApiOption)}</h3><table><tr><th>Input</th><th>Distribution</th><th>P10 → P90</th><th>NPV difference at P10 → P90</th><th>Swing</th><th>Break-even at P10 → P90: month (months after the start)</th></tr>");
        foreach (var b in focus.ByNpvDifference)
        {
            var input = r.Inputs.First(i => i.Path == b.Path);
            html.AppendLine(Inv, $"<tr><td>{E(b.Label)}<br><code>{E(b.Path)}</code></td><td>{E(Describe(input.Distribution, b.Path))}</td><td class=\"n\">{E(InputValue(b.Path, b.LowInputValue))} → {E(InputValue(b.Path, b.HighInputValue))}</td><td class=\"n\">{E(Display.ShortMoney(b.NpvDifferenceAtLow, currency))} → {E(Display.ShortMoney(b.NpvDifferenceAtHigh, currency))}</td><td class=\"n\">{E(Display.ShortMoney(b.NpvDifferenceSwing, currency))}</td><td class=\"n\">{E(Display.BreakEvenCell(b.BreakEvenMonthAtLow))} → {E(Display.BreakEvenCell(b.BreakEvenMonthAtHigh))}</td></tr>");
        }

        html.AppendLine("</table>");
        foreach (var (chart, caption) in UncertaintyCharts.Files)
        {
            var path = Path.Combine(folder, chart + ".svg");
            if (File.Exists(path))
            {
                var svg = File.ReadAllText(path);
                var start = svg.IndexOf("<svg", StringComparison.Ordinal);
                html.AppendLine(Inv, $"<figure>{(start >= 0 ? svg[start..] : svg)}<figcaption>{E(caption)}</figcaption></figure>");
            }
        }

        html.AppendLine("<p>Method: each trial draws every uncertain input from its distribution (its own random stream, seeded from the seed, the trial and the input) and evaluates the scenario; percentiles are over all trials, a trial that never breaks even counting as beyond the horizon. See docs/methodology.md.</p>");
    }

    public static void AppendMarkdown(UncertaintyRun run, StringBuilder md, string? folder = null)
    {
        var r = run.Result;
        var currency = r.Scenario.Currency;
        var horizon = r.Scenario.HorizonMonths;
        md.AppendLine("## How sure is the answer?").AppendLine().AppendLine(Heading(r)).AppendLine();
        foreach (var sentence in Sentences(run))
        {
            md.AppendLine(Inv, $"- {sentence}");
        }

        md.AppendLine().AppendLine(Inv, $"| Self-hosted vs API | Break-even P10 / P50 / P90: month (months after the start) | Never within {horizon} months | NPV difference P10 / P50 / P90 |");
        md.AppendLine("|---|---:|---:|---:|");
        foreach (var p in r.Pairs)
        {
            md.AppendLine(Inv, $"| {p.SelfHostedOption} vs {p.ApiOption} | {Triple(p.BreakEvenMonth, Display.BreakEvenCell)} | {Display.Percent(p.NeverBreaksEvenShare)} | {Triple(p.NpvDifference, v => Display.ShortMoney(v!.Value, currency))} |");
        }

        md.AppendLine();
        foreach (var (chart, caption) in UncertaintyCharts.Files.Where(f => folder is null || File.Exists(Path.Combine(folder, f.File + ".png"))))
        {
            md.AppendLine(Inv, $"![{caption}]({chart}.png)").AppendLine();
        }
    }

    /// <summary>
    /// An uncertain input's value for people to read: rates, shares, declines, utilisations, fractions and discounts
    /// (fractions in the scenario) as percentages, e.g. 0.0154 as 1.54 %; anything else as a number, e.g. 1.5 engineers.
    /// </summary>
    public static string InputValue(string path, double value)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = path[(path.LastIndexOf('.') + 1)..];
        string[] fractions = ["rate", "share", "decline", "utilization", "utilisation", "fraction", "discount"];
        return fractions.Any(f => name.EndsWith(f, StringComparison.OrdinalIgnoreCase))
            ? (value * 100).ToString("0.##", Inv) + " %"
            : Display.Quantity(value);
    }

    public static IEnumerable<string> Sentences(UncertaintyRun run)
    {
        var r = run.Result;
        var horizon = r.Scenario.HorizonMonths;
        var currency = r.Scenario.Currency;
        foreach (var p in r.Pairs)
        {
            var within = 1 - p.NeverBreaksEvenShare;
            yield return within <= 0
                ? $"{p.SelfHostedOption} never breaks even with {p.ApiOption} within {horizon} months in any trial; its NPV is {Display.ShortMoney(p.NpvDifference.P50!.Value, currency)} {(p.NpvDifference.P50 > 0 ? "higher" : "lower")} at the median."
                : $"{p.SelfHostedOption} breaks even with {p.ApiOption} within {horizon} months in {Display.Percent(within)} of trials; by percentile, the break-even is {ByPercentile(p.BreakEvenMonth, horizon)}.";
        }

        var focus = run.Tornado.Pair(run.Focus.SelfHostedOption, run.Focus.ApiOption);
        if (focus.ByNpvDifference.Count > 0)
        {
            var top = focus.ByNpvDifference[0];
            yield return $"The largest driver of {focus.SelfHostedOption} vs {focus.ApiOption} is {top.Label}: from its P10 to its P90 it moves the NPV difference by {Display.ShortMoney(top.NpvDifferenceSwing, currency)}" +
                (focus.ByBreakEvenMonth[0].BreakEvenMonthSwing > 0
                    ? $"; the break-even month moves most with {focus.ByBreakEvenMonth[0].Label} ({Display.Number(focus.ByBreakEvenMonth[0].BreakEvenMonthSwing, "N1")} months)."
                    : focus.BaselineBreakEvenMonth is null
                        ? $"; with every input at its median it does not break even within {horizon} months, and no single input swung to its P10 or P90 brings it within."
                        : ".");
        }
    }

    public static string Heading(MonteCarloResult r) =>
        string.Create(Inv, $"{r.Trials:N0} trials, seed {r.Seed}, {r.Inputs.Count} uncertain inputs ({string.Join(", ", r.Inputs.Select(i => i.Label ?? i.Path))}).");

    /// <summary>A distribution in its input's unit (a rate's bounds as percentages), e.g. "triangular 3 % / 6 % / 9 %".</summary>
    internal static string Describe(Distribution d, string path)
    {
        string V(double value) => InputValue(path, value);
        return d.Kind switch
        {
            DistributionKind.Point => $"point {V(d.Value!.Value)}",
            DistributionKind.Uniform => $"uniform {V(d.Min!.Value)} to {V(d.Max!.Value)}",
            DistributionKind.Triangular or DistributionKind.Pert => $"{(d.Kind == DistributionKind.Pert ? "PERT" : "triangular")} {V(d.Min!.Value)} / {V(d.Mode!.Value)} / {V(d.Max!.Value)}",
            DistributionKind.Normal => $"normal mean {V(d.Mean!.Value)}, sd {V(d.StandardDeviation!.Value)}",
            _ => $"lognormal median {V(Math.Exp(d.Mu!.Value))}, sigma {Display.Quantity(d.Sigma!.Value)}",
        };
    }

    private static string Triple(PercentileSummary s, Func<double?, string> format) => $"{format(s.P10)} / {format(s.P50)} / {format(s.P90)}";

    /// <summary>
    /// The P10, P50 and P90 break-even times in words, equal ones together: "at P10 in month 31, 30.9 months after the
    /// start; at P50 and P90 not within the 36 months".
    /// </summary>
    internal static string ByPercentile(PercentileSummary months, int horizon)
    {
        string Phrase(double? value) => value is { } v ? (v <= 0 ? "from the start" : "in " + Display.BreakEvenTime(v)) : $"not within the {horizon} months";
        var groups = new[] { ("P10", months.P10), ("P50", months.P50), ("P90", months.P90) }
            .GroupBy(p => Phrase(p.Item2))
            .Select(g => $"at {Join(g.Select(p => p.Item1).ToList())} {g.Key}")
            .ToList();
        return string.Join("; ", groups);
    }

    private static string Join(IReadOnlyList<string> items) =>
        items.Count == 1 ? items[0] : string.Join(", ", items.Take(items.Count - 1)) + " and " + items[^1];

    private static string Volume(double? value) => value is { } v ? Display.Tokens(v).Replace(" tokens", string.Empty, StringComparison.Ordinal) : "never";

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
