using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Usage;

namespace LlmTco.Samples;

/// <summary>
/// <c>usage &lt;file&gt;... [--format openai|openai-costs|anthropic|csv] [--by model|project] [--scenario-out file]
/// [--self-hosted-from name] [--horizon months] [--json]</c>: reads API usage exports, prints the bill reconstructed
/// at the catalog's prices by month and model, the differences to the export's own cost, the derived traffic profiles,
/// and writes a scenario that <c>run</c> accepts.
/// </summary>
internal static class UsageCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var files = new Argument<string[]>("file") { Description = "The export files, read together.", Arity = ArgumentArity.OneOrMore };
        var format = CommandOptions.OneOf(
            "--format",
            "f",
            "The files' format: openai, openai-costs, anthropic or csv (default: .csv is csv; JSON is detected).",
            text => $"--format must be openai, openai-costs, anthropic or csv; got '{text}'",
            OpenAiUsageExport.FormatName,
            OpenAiCostsExport.FormatName,
            AnthropicUsageExport.FormatName,
            UsageCsv.FormatName);
        var by = CommandOptions.OneOf("--by", "model|project", "One traffic profile per model (default) or per project and model.", text => $"--by must be model or project; got '{text}'", "model", "project");
        var scenarioOut = CommandOptions.Text("--scenario-out", "file", "Write a scenario that run accepts (start after the data, fitted growth).");
        var selfHostedFrom = CommandOptions.Text("--self-hosted-from", "name", $"The bundled scenario whose self-hosted options it compares with (any case; default: {BundledScenarios.Headline}).");
        selfHostedFrom.Validators.Add(result =>
        {
            var name = result.Tokens[0].Value;
            if (!BundledScenarios.Names.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                result.AddError($"--self-hosted-from must name a bundled scenario ({string.Join(", ", BundledScenarios.Names)}); got '{name}'{CommandLineChecks.AsideDidYouMean(name, BundledScenarios.Names)}");
            }
        });
        var horizon = CommandOptions.WholeNumber("--horizon", "months", "The scenario's horizon (default: 36).", 1, 600, text => $"--horizon must be a whole number of months from 1 to 600; got '{text}'");
        var json = CommandOptions.Flag("--json", "Print the bill and the workload as JSON.");
        var command = new AppCommand(
            "usage",
            "Read API usage exports (OpenAI Usage API completions JSON and Costs API JSON, Anthropic messages usage report JSON, per-request CSV): print the bill at the catalog's prices by month and model, the difference to the export's own cost, the derived traffic profiles; optionally write a scenario.",
            "usage <file>... [--format openai|openai-costs|anthropic|csv] [--by model|project] [--scenario-out <file.json>] [--self-hosted-from <bundled scenario>] [--horizon <months>] [--json]",
            _ => "usage needs at least one export file")
        {
            files, format, by, scenarioOut, selfHostedFrom, horizon, json,
        };
        command.SetAction(r => Run(
            new Settings(
                r.GetValue(files)!,
                r.GetValue(format),
                r.GetValue(by) ?? "model",
                r.GetValue(scenarioOut),
                BundledScenarios.Names.First(n => string.Equals(n, r.GetValue(selfHostedFrom) ?? BundledScenarios.Headline, StringComparison.OrdinalIgnoreCase)),
                r.GetValue(horizon) ?? 36,
                r.GetValue(json)),
            stdout,
            stderr));
        return command;
    }

    private static int Run(Settings parsed, TextWriter stdout, TextWriter stderr)
    {
        var (format, by, selfHostedFrom, horizon) = (parsed.Format, parsed.By, parsed.SelfHostedFrom, parsed.Horizon);

        // Every input and the output path are checked before any export is read.
        var pathError = parsed.Files.Select(CommandLineChecks.CheckInputFile).FirstOrDefault(e => e is not null)
            ?? (parsed.ScenarioOut is { } target ? CommandLineChecks.CheckOutputFile("--scenario-out", target) : null);
        if (pathError is not null)
        {
            stderr.WriteLine($"error: {pathError}.");
            return SampleApp.Failure;
        }

        var analyzer = new UsageAnalyzer(PricingCatalog.Default, by == "project" ? ProfileGrouping.Project : ProfileGrouping.Model);
        try
        {
            foreach (var file in parsed.Files)
            {
                Read(analyzer, file, format ?? Detect(file));
            }
        }
        catch (UsageImportException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return SampleApp.Failure;
        }

        var bill = analyzer.Bill();
        var workload = analyzer.DeriveWorkload();
        foreach (var u in bill.Unpriced)
        {
            stderr.WriteLine($"warning: {u.Entries} entries of '{u.Model}' at '{u.Provider}' not priced: {u.Reason}");
        }

        foreach (var f in bill.OneHourCacheWritesAtFiveMinutePrice)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warning: {f.Tokens:N0} 1-hour cache-write tokens of '{f.Model}' at '{f.Provider}' billed at the 5-minute cache-write price: its api_prices.csv row has no cache_write_1h_per_mtok, so the bill understates them"));
        }

        foreach (var note in workload.Notes)
        {
            stderr.WriteLine("note: " + note);
        }

        Scenario? scenario = null;
        if (workload.Profiles.Count > 0)
        {
            var selfHosted = BundledScenarios.Load(selfHostedFrom).SelfHostedOptions;
            scenario = workload.ToScenario("Derived from usage: " + string.Join(", ", parsed.Files.Select(Path.GetFileName)), selfHosted, horizon);
        }

        if (parsed.ScenarioOut is { } output)
        {
            if (scenario is null)
            {
                stderr.WriteLine("error: no traffic profile could be derived, so no scenario was written.");
                return SampleApp.Failure;
            }

            OutputFile.WriteText(output, ScenarioJson.Serialize(scenario) + Environment.NewLine);
        }

        if (parsed.Json)
        {
            stdout.WriteLine(JsonSerializer.Serialize(new { bill.TotalCost, bill.Months, bill.Lines, bill.Unpriced, bill.OneHourCacheWritesAtFiveMinutePrice, workload }, JsonOptions));
        }
        else
        {
            Print(stdout, bill, workload);
            if (parsed.ScenarioOut is { } written)
            {
                stdout.WriteLine();
                stdout.WriteLine($"Scenario written to {written} (self-hosted options from '{selfHostedFrom}'); run it with: run {written}");
            }
        }

        return SampleApp.Success;
    }

    private static string Detect(string file)
    {
        if (file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return UsageCsv.FormatName;
        }

        // Anthropic's report names its input uncached_input_tokens; OpenAI's names it input_tokens; OpenAI's Costs API
        // names its results organization.costs.result.
        // A per-request CSV may hold many gigabytes, so only its kind is checked; a JSON export is read whole, up to 256 MiB.
        using var reader = new StreamReader(InputFile.OpenRead(file, maxBytes: null));
        var head = new char[64 * 1024];
        var text = new string(head, 0, reader.ReadBlock(head, 0, head.Length));
        return text.Contains("organization.costs.result", StringComparison.Ordinal) ? OpenAiCostsExport.FormatName
            : text.Contains("uncached_input_tokens", StringComparison.Ordinal) ? AnthropicUsageExport.FormatName
            : OpenAiUsageExport.FormatName;
    }

    private static void Read(UsageAnalyzer analyzer, string file, string format)
    {
        var name = Path.GetFileName(file);
        if (format == UsageCsv.FormatName)
        {
            using var reader = new StreamReader(InputFile.OpenRead(file, maxBytes: null));
            analyzer.AddRange(UsageCsv.Read(reader, name));
            return;
        }

        using var stream = InputFile.OpenRead(file);
        if (format == OpenAiCostsExport.FormatName)
        {
            analyzer.AddReportedCosts(OpenAiCostsExport.Read(stream, name));
            return;
        }

        analyzer.AddRange(format == AnthropicUsageExport.FormatName ? AnthropicUsageExport.Read(stream, name) : OpenAiUsageExport.Read(stream, name));
    }

    private static void Print(TextWriter stdout, UsageBill bill, DerivedWorkload workload)
    {
        var c = CultureInfo.InvariantCulture;
        stdout.WriteLine("Bill reconstructed at the catalog's prices (api_prices.csv), by month and model:");
        stdout.WriteLine(string.Format(c, "{0,-8} {1,-10} {2,-28} {3,12} {4,16} {5,16} {6,14} {7,12}", "month", "provider", "model", "requests", "input tokens", "output tokens", "cost", "reported"));
        foreach (var l in bill.Lines)
        {
            stdout.WriteLine(string.Format(
                c,
                "{0,-8} {1,-10} {2,-28} {3,12} {4,16:N0} {5,16:N0} {6,14:N2} {7,12}",
                l.Month.ToString("yyyy-MM", c),
                l.Provider,
                l.Model,
                l.Requests is { } r ? r.ToString("N0", c) : "n/a",
                l.InputTokens,
                l.OutputTokens,
                l.Cost,
                l.ReportedCost is { } rc ? rc.ToString("N2", c) : "-"));
        }

        stdout.WriteLine(string.Format(c, "Total: {0:N2}", bill.TotalCost));
        foreach (var m in bill.Months.Where(m => m.ReportedDifference is not null))
        {
            // Rounded first, and + 0.0 turns a rounded −0 into 0.
            stdout.WriteLine(string.Format(
                c,
                "{0:yyyy-MM}: reported {1:N2}, reconstructed {2:N2}, difference {3:N2} ({4:+0.0%;-0.0%;0.0%}){5}",
                m.Month,
                m.ReportedCost,
                m.ReportedCost - m.ReportedDifference,
                Math.Round(m.ReportedDifference!.Value, 2) + 0.0,
                m.ReportedCost > m.ReportedDifference ? Math.Round(m.ReportedDifference.Value / (m.ReportedCost!.Value - m.ReportedDifference.Value), 3) + 0.0 : 0,
                m.LargestDifferences.Count == 0 ? string.Empty
                    : "; largest: " + string.Join(", ", m.LargestDifferences.Select(l => string.Format(c, "{0} {1:N4}", l.Model, l.ReportedDifference)))));
        }

        stdout.WriteLine();
        stdout.WriteLine(string.Format(
            c,
            "Workload derived from {0:yyyy-MM-dd} to {1:yyyy-MM-dd} ({2} full months); peak-to-average {3:0.###}:",
            workload.DataStart,
            workload.DataEnd.AddDays(-1),
            workload.FullMonths.Count,
            workload.PeakToAverageRatio));
        foreach (var p in workload.Profiles)
        {
            stdout.WriteLine(string.Format(
                c,
                "  {0}: {1:N0} requests in the last full month, growth {2:0.00%} ± {3:0.00%} a month; {4:N0} in / {5:N0} out tokens per request; cache read {6:0.0%}, cache write {7:0.0%}, batch {8:0.0%}{9}",
                p.Name,
                p.MonthlyRequestsObserved.Count > 0 ? p.MonthlyRequestsObserved[^1] : 0,
                p.Growth.MonthlyRate,
                p.Growth.StandardError,
                p.InputTokensPerRequest,
                p.OutputTokensPerRequest,
                p.CacheReadShare,
                p.CacheWriteShare,
                p.BatchShare,
                string.Concat(p.RequestShareOverContextThreshold.Select(t => string.Format(c, "; over {0:N0} input tokens {1:0.0%}", t.Key, t.Value)))));
        }
    }

    private sealed record Settings(string[] Files, string? Format, string By, string? ScenarioOut, string SelfHostedFrom, int Horizon, bool Json);
}
