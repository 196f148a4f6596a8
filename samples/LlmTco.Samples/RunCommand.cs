using System.CommandLine;
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
    private const string Synopsis = "run [<name>|<scenario.json>] [--json] [--csv <file>] [--out <folder>] [--no-charts] [--pricing <folder>] [--trials <N>] [--seed <S>]";

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var scenario = new Argument<string?>("name|file.json")
        {
            Description = $"A bundled scenario's name (any case; see the scenarios command) or a scenario file (default: {BundledScenarios.Headline}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var json = CommandOptions.Flag("--json", "Print the result as JSON (format in docs/output.md) instead of tables.");
        var csv = CommandOptions.Text("--csv", "file", "Also write every option's months as CSV.");
        var output = CommandOptions.Text("--out", "folder", "Where charts and reports go (default: ./out).");
        var noCharts = CommandOptions.Flag("--no-charts", "Write no charts or reports.");
        var pricing = CommandOptions.Text("--pricing", "folder", "Lay your pricing CSVs over the bundled ones; the run names the folder and each table's rows.");
        var trials = CommandOptions.WholeNumber(
            "--trials",
            "n",
            "Monte Carlo trials over the scenario's uncertain inputs (default: the scenario's uncertainty section); percentiles, tornado and fan charts.",
            1,
            UncertaintySettings.MaxTrials,
            text => $"--trials takes a whole number from 1 to {UncertaintySettings.MaxTrials.ToString("N0", CultureInfo.InvariantCulture)} (value: {text})");
        var seed = CommandOptions.SignedWholeNumber("--seed", "s", "Seed of the Monte Carlo run: the same seed gives the same numbers.", text => $"--seed takes a whole number (value: {text})");
        var command = new AppCommand("run", "Run a bundled scenario by name, or a scenario file.", Synopsis, _ => "run takes one scenario name or file")
        {
            scenario, json, csv, output, noCharts, pricing, trials, seed,
        };
        command.SetAction(r => Run(
            new Settings(r.GetValue(scenario), r.GetValue(json), r.GetValue(csv), r.GetValue(output), r.GetValue(noCharts), r.GetValue(pricing), r.GetValue(trials), r.GetValue(seed)),
            stdout,
            stderr));
        return command;
    }

    public static int Run(Settings parsed, TextWriter stdout, TextWriter stderr)
    {
        var (trials, seed) = (parsed.Trials, parsed.Seed);
        // Every name and path is checked before any work starts.
        var which = parsed.Scenario ?? BundledScenarios.Headline;
        var pricing = parsed.Pricing;
        IReadOnlyList<string> overlayTables = [];
        var error = CommandLineChecks.FindScenario(which, out var load)
            ?? (pricing is null ? null : CommandLineChecks.CheckPricingFolder(pricing, out overlayTables))
            ?? (parsed.Csv is { } csvFile ? CommandLineChecks.CheckOutputFile("--csv", csvFile) : null)
            ?? (parsed.NoCharts || parsed.Json ? null : CommandLineChecks.CheckOutputFolder("--out", parsed.Out ?? "out"));
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

        if (parsed.Csv is { } csvPath)
        {
            OutputFile.WriteText(csvPath, writer => ScenarioResultCsv.Write(writer, result));
        }

        if (parsed.Json)
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

        if (parsed.Csv is { } written)
        {
            stdout.WriteLine($"CSV: {Path.GetFullPath(written)}");
        }

        if (!parsed.NoCharts)
        {
            var folder = parsed.Out ?? "out";
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

    /// <summary>What <c>run</c> was given.</summary>
    public sealed record Settings(string? Scenario, bool Json, string? Csv, string? Out, bool NoCharts, string? Pricing, int? Trials, long? Seed)
    {
        /// <summary>No arguments: the headline scenario, as tables, with charts in ./out.</summary>
        public static Settings Headline { get; } = new(null, false, null, null, false, null, null, null);
    }
}
