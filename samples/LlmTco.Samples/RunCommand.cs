using System.Globalization;
using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Uncertainty;

namespace LlmTco.Samples;

/// <summary>
/// <c>run [name|file] [--json] [--csv file] [--pricing folder] [--trials N] [--seed S]</c>: evaluates a bundled scenario
/// or a scenario file and prints the comparison and the break-even answers (or the result as JSON); when the scenario has
/// an uncertainty section, also runs its Monte Carlo simulation and tornado analysis.
/// </summary>
internal static class RunCommand
{
    private static readonly HashSet<string> Flags = ["--json", "--no-charts"];
    private static readonly HashSet<string> Valued = ["--csv", "--pricing", "--out", "--trials", "--seed"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Arguments.Parse(args, Flags, Valued, out var error);
        if (error is null && parsed.Positionals.Count > 1)
        {
            error = "run takes one scenario name or file";
        }

        int? trials = null;
        long? seed = null;
        if (error is null && parsed.Value("--trials") is { } trialsText)
        {
            trials = int.TryParse(trialsText, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= UncertaintySettings.MaxTrials ? n : null;
            error = trials is null ? $"--trials takes a whole number from 1 to {UncertaintySettings.MaxTrials.ToString("N0", CultureInfo.InvariantCulture)} (value: {trialsText})" : null;
        }

        if (error is null && parsed.Value("--seed") is { } seedText)
        {
            seed = long.TryParse(seedText, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : null;
            error = seed is null ? $"--seed takes a whole number (value: {seedText})" : null;
        }

        if (error is not null)
        {
            stderr.WriteLine($"error: {error}.");
            stderr.WriteLine("usage: run [<name>|<scenario.json>] [--json] [--csv <file>] [--out <folder>] [--no-charts] [--pricing <folder>] [--trials <N>] [--seed <S>]");
            return SampleApp.UsageError;
        }

        // Every name and path is checked before any work starts.
        var which = parsed.Positionals.FirstOrDefault() ?? BundledScenarios.Headline;
        var pricing = parsed.Value("--pricing");
        IReadOnlyList<string> overlayTables = [];
        error = CommandLineChecks.FindScenario(which, out var load)
            ?? (pricing is null ? null : CommandLineChecks.CheckPricingFolder(pricing, out overlayTables))
            ?? (parsed.Value("--csv") is { } csvFile ? CommandLineChecks.CheckOutputFile("--csv", csvFile) : null)
            ?? (parsed.Has("--no-charts") || parsed.Has("--json") ? null : CommandLineChecks.CheckOutputFolder("--out", parsed.Value("--out") ?? "out"));
        if (error is not null)
        {
            stderr.WriteLine($"error: {error}.");
            return SampleApp.Failure;
        }

        var scenario = load!();
        if ((trials is not null || seed is not null) && scenario.Uncertainty is null)
        {
            stderr.WriteLine($"error: the scenario '{scenario.Name}' has no uncertainty section, so --trials and --seed have no inputs to vary; add one (see docs/scenario-json.md, \"Uncertainty\").");
            return SampleApp.Failure;
        }

        var catalog = PricingCatalog.Default;
        string? overlayNote = null;
        if (pricing is not null)
        {
            var loaded = PricingCatalog.Validate(PricingSource.Embedded, PricingSource.Folder(pricing));
            catalog = loaded.Catalog ?? throw new PricingDataException(loaded.Diagnostics);
            overlayNote = PricingOverlay.Describe(pricing, overlayTables, loaded);
        }

        var engine = new TcoEngine(catalog);
        var result = engine.Evaluate(scenario);

        if (parsed.Value("--csv") is { } csvPath)
        {
            OutputFile.WriteText(csvPath, writer => ScenarioResultCsv.Write(writer, result));
        }

        if (parsed.Has("--json"))
        {
            if (overlayNote is not null)
            {
                stderr.WriteLine(overlayNote);
            }

            // No progress bar: stdout carries only the JSON document.
            var run = scenario.Uncertainty is null ? null : UncertaintyRunner.Run(engine, scenario, trials, seed, TextWriter.Null);
            stdout.Write(ScenarioResultJson.Serialize(result, run?.Result, run?.Tornado));
            stdout.WriteLine();
            return SampleApp.Success;
        }

        if (overlayNote is not null)
        {
            stdout.WriteLine(overlayNote);
        }

        ConsoleReport.Write(result, stdout);
        var uncertainty = scenario.Uncertainty is null ? null : UncertaintyRunner.Run(engine, scenario, trials, seed, stdout);
        if (uncertainty is not null)
        {
            UncertaintyReport.Write(uncertainty, stdout);
        }

        if (parsed.Value("--csv") is { } written)
        {
            stdout.WriteLine($"CSV: {Path.GetFullPath(written)}");
        }

        if (!parsed.Has("--no-charts"))
        {
            var folder = parsed.Value("--out") ?? "out";
            foreach (var stale in Reports.OwnFiles().Select(f => Path.Combine(folder, f)).Where(File.Exists))
            {
                File.Delete(stale);
            }

            var files = Charts.WriteAll(result, folder).ToList();
            if (uncertainty is not null)
            {
                files.AddRange(UncertaintyCharts.WriteAll(uncertainty.Result, uncertainty.Tornado, uncertainty.Focus, folder));
            }

            files.Add(Reports.WriteHtml(result, folder, uncertainty, overlayNote));
            files.Add(Reports.WriteMarkdown(result, folder, uncertainty, overlayNote));
            stdout.WriteLine("Charts and report:");
            foreach (var file in files)
            {
                stdout.WriteLine("  " + Path.GetFullPath(file));
            }
        }

        return SampleApp.Success;
    }
}
