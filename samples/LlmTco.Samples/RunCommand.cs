using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Scenarios;

namespace LlmTco.Samples;

/// <summary>
/// <c>run [name|file] [--json] [--csv file] [--pricing folder]</c>: evaluates a bundled scenario or a scenario file and
/// prints the comparison and the break-even answers (or the result as JSON).
/// </summary>
internal static class RunCommand
{
    private static readonly HashSet<string> Flags = ["--json", "--no-charts"];
    private static readonly HashSet<string> Valued = ["--csv", "--pricing", "--out"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Arguments.Parse(args, Flags, Valued, out var error);
        if (error is null && parsed.Positionals.Count > 1)
        {
            error = "run takes one scenario name or file";
        }

        if (error is not null)
        {
            stderr.WriteLine($"error: {error}.");
            stderr.WriteLine("usage: run [<name>|<scenario.json>] [--json] [--csv <file>] [--out <folder>] [--no-charts] [--pricing <folder>]");
            return SampleApp.UsageError;
        }

        var which = parsed.Positionals.FirstOrDefault() ?? BundledScenarios.Headline;
        Scenario scenario;
        if (File.Exists(which))
        {
            scenario = ScenarioJson.Load(which);
        }
        else if (BundledScenarios.Names.Contains(which))
        {
            scenario = BundledScenarios.Load(which);
        }
        else
        {
            stderr.WriteLine($"error: '{which}' is neither a scenario file nor a bundled scenario; bundled: {string.Join(", ", BundledScenarios.Names)}.");
            return SampleApp.Failure;
        }

        var pricing = parsed.Value("--pricing");
        if (pricing is not null && !Directory.Exists(pricing))
        {
            stderr.WriteLine($"error: pricing folder '{pricing}' does not exist.");
            return SampleApp.Failure;
        }

        var catalog = pricing is null ? PricingCatalog.Default : PricingCatalog.LoadEmbeddedWithOverrides(pricing);
        var result = new TcoEngine(catalog).Evaluate(scenario);

        if (parsed.Value("--csv") is { } csvPath)
        {
            using var writer = new StreamWriter(csvPath, append: false, new System.Text.UTF8Encoding(false));
            ScenarioResultCsv.Write(writer, result);
        }

        if (parsed.Has("--json"))
        {
            stdout.Write(ScenarioResultJson.Serialize(result));
            stdout.WriteLine();
            return SampleApp.Success;
        }

        ConsoleReport.Write(result, stdout);
        if (parsed.Value("--csv") is { } written)
        {
            stdout.WriteLine($"CSV: {Path.GetFullPath(written)}");
        }

        if (!parsed.Has("--no-charts"))
        {
            var folder = parsed.Value("--out") ?? "out";
            var files = Charts.WriteAll(result, folder).ToList();
            files.Add(Reports.WriteHtml(result, folder));
            files.Add(Reports.WriteMarkdown(result, folder));
            stdout.WriteLine("Charts and report:");
            foreach (var file in files)
            {
                stdout.WriteLine("  " + Path.GetFullPath(file));
            }
        }

        return SampleApp.Success;
    }
}
