using LlmTco.Timeline;
using Spectre.Console;

namespace LlmTco.Samples;

/// <summary>The terminal view of a result: a comparison table, the break-even answers in words, and warnings in a distinct colour.</summary>
internal static class ConsoleReport
{
    public static void Write(ScenarioResult result, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(writer),
            Ansi = AnsiSupport.Detect,
            ColorSystem = ColorSystemSupport.Detect,
        });
        if (!ReferenceEquals(writer, Console.Out) || Console.IsOutputRedirected)
        {
            // Redirected to a file or a pipe: no terminal width to fit, so lay the table out for a wide page.
            console.Profile.Width = 150;
        }

        var s = result.Scenario;
        var currency = s.Currency;
        console.Write(new Rule($"[bold]{Markup.Escape(s.Name)}[/]").LeftJustified());
        console.WriteLine($"{s.HorizonMonths} months from {s.StartDate:yyyy-MM-dd}, {currency}; month 1: {Display.Tokens(result.Options[0].Months[0].Tokens)}, month {s.HorizonMonths}: {Display.Tokens(result.Options[0].Months[^1].Tokens)}.");

        console.MarkupLine("[bold]" + Markup.Escape(CheapestSentence.Describe(result)) + "[/]");

        var table = new Table().Border(TableBorder.Rounded);
        table.AddColumn("Option");
        table.AddColumn(new TableColumn($"Total over {s.HorizonMonths} months").RightAligned());
        table.AddColumn(new TableColumn(s.YearlyDiscountRate > 0 ? $"NPV at {Display.Percent(s.YearlyDiscountRate)}" : "NPV").RightAligned());
        table.AddColumn(new TableColumn("Month 1").RightAligned());
        table.AddColumn(new TableColumn($"Month {s.HorizonMonths}").RightAligned());
        table.AddColumn(new TableColumn("Per 1M tokens (avg)").RightAligned());
        table.AddColumn(new TableColumn("GPUs (last month)").RightAligned());
        var cheapest = result.Options.MinBy(o => o.TotalCost);
        foreach (var o in result.Options)
        {
            var tokens = o.Months.Sum(m => m.Tokens);
            var perMillion = tokens > 0 ? Display.UnitPrice(o.TotalCost / (tokens / 1e6), currency) : "-";
            var name = Markup.Escape(o.Name) + (o.Kind == OptionKind.SelfHosted ? " [grey](self-hosted)[/]" : " [grey](API)[/]");
            var total = Display.Money(o.TotalCost, currency);
            table.AddRow(
                ReferenceEquals(o, cheapest) ? $"[green]{name}[/]" : name,
                ReferenceEquals(o, cheapest) ? $"[green]{total}[/]" : total,
                Display.Money(o.Npv, currency),
                Display.Money(o.Months[0].Total, currency),
                Display.Money(o.Months[^1].Total, currency),
                perMillion,
                o.Kind == OptionKind.SelfHosted ? Display.Number(o.Months[^1].Gpus) : "-");
        }

        console.Write(table);
        if (result.BreakEvens.Count > 0)
        {
            console.Write(new Rule("[bold]Break-even[/]").LeftJustified());
            foreach (var b in result.BreakEvens)
            {
                console.MarkupLine("• " + Markup.Escape(BreakEvenSentences.Describe(b, s)));
            }
        }

        var warnings = result.Assumptions.Where(a => a.Kind is AssumptionKind.Estimate or AssumptionKind.Warning).ToList();
        if (warnings.Count > 0)
        {
            console.Write(new Rule("[yellow]Estimates and warnings[/]").LeftJustified());
            foreach (var w in warnings)
            {
                var label = w.Kind == AssumptionKind.Estimate ? "estimate" : "warning";
                console.MarkupLine($"[yellow]{label}:[/] {Markup.Escape((w.Option is null ? string.Empty : w.Option + ": ") + w.Text)}");
            }
        }
    }
}
