using LlmTco.Pricing;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The command line's errors as a first-time user meets them: a misspelt command, option or scenario gets a "did you
/// mean", a missing file is not reported as an unknown name, and bad pricing or output paths stop the run before any work.
/// </summary>
public sealed class CommandLineErrorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("llmtco-cli-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("customer-servce")]
    [InlineData("Customer-Servce")]
    public async Task Run_MisspeltScenarioName_SuggestsTheBundledOne(string name)
    {
        // When a bundled scenario's name is misspelt (in any case)
        var (exit, stdout, stderr) = await Run("run", name, "--no-charts");

        // Then it is an unknown name (exit 1, as documented) with the nearest name suggested and the list of names
        exit.Should().Be(1);
        stdout.Should().BeEmpty("nothing runs");
        stderr.Should().StartWith($"error: '{name}' is neither a scenario file nor a bundled scenario; did you mean 'customer-service'?")
            .And.Contain("Bundled scenarios: customer-service, domain-fine-tuning");
    }

    [Fact]
    public async Task Run_ScenarioNameInOtherCase_RunsTheBundledScenario()
    {
        var (exit, stdout, stderr) = await Run("run", "STARTUP-Budget", "--json");

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("\"scenario\": \"Low-volume startup on a budget\"", "the bundled startup-budget scenario ran");
    }

    [Theory]
    [InlineData("missing.json")]
    [InlineData("scenarios/customer-service")]
    public async Task Run_MissingScenarioFile_SaysFileNotFound_NotUnknownName(string path)
    {
        var (exit, _, stderr) = await Run("run", path);

        exit.Should().Be(1);
        stderr.Should().StartWith($"error: scenario file '{path}' not found (looked in {Path.GetFullPath(path)}).");
        stderr.Should().NotContain("bundled", "a path is not a name to look up");
    }

    [Fact]
    public async Task Run_ScenarioIsAFolder_SaysSo()
    {
        var (exit, _, stderr) = await Run("run", folder);

        exit.Should().Be(1);
        stderr.Should().StartWith($"error: '{folder}' is a folder; run takes a scenario file or a bundled scenario name.");
    }

    [Theory]
    [InlineData("rn", "'run'")]
    [InlineData("RUN", "'run'")]
    [InlineData("scenario", "'scenarios'")]
    [InlineData("validate-prices", "'validate-pricing'")]
    [InlineData("catalogue", "'catalog'")]
    public async Task MisspeltCommand_ExitsTwo_WithDidYouMean(string command, string suggestion)
    {
        var (exit, _, stderr) = await Run(command);

        exit.Should().Be(2);
        stderr.Should().Be($"error: unknown command '{command}'; did you mean {suggestion}? Run with --help to list the commands.{Environment.NewLine}");
    }

    [Theory]
    [InlineData("--jsn", "'--json'")]
    [InlineData("--no-chart", "'--no-charts'")]
    [InlineData("--price", "'--pricing'")]
    [InlineData("--Seed", "'--seed'")]
    public async Task Run_MisspeltOption_ExitsTwo_WithDidYouMean(string option, string suggestion)
    {
        var (exit, _, stderr) = await Run("run", option);

        exit.Should().Be(2);
        stderr.Should().StartWith($"error: unknown option '{option}' (did you mean {suggestion}?).");
    }

    [Theory]
    [InlineData("--colour")]
    [InlineData("--verbose")]
    public async Task Run_UnrelatedOption_GetsNoFarFetchedSuggestion(string option)
    {
        var (exit, _, stderr) = await Run("run", option);

        exit.Should().Be(2);
        stderr.Should().StartWith($"error: unknown option '{option}'.", "no option of run starts like it");
    }

    [Theory]
    [InlineData("--gpus", "'--gpu'", "catalog", "rentals")]
    [InlineData("--overlays", "'--overlay'", "validate-pricing", ".")]
    [InlineData("--scenario", "'--scenario-out'", "usage", "x.json")]
    [InlineData("--source", "'--source-url'", "import-prices", "--from", "litellm", "x.json")]
    public async Task SubcommandsMisspeltOption_ExitsTwo_SuggestingOneOfThatCommandsOptions(string option, string suggestion, params string[] command)
    {
        var (exit, stdout, stderr) = await Run([.. command, option]);

        exit.Should().Be(2);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: unknown option '{option}' (did you mean {suggestion}?).");
    }

    [Theory]
    [InlineData("hlep", "'help'")]
    [InlineData("Usage", "'usage'")]
    [InlineData("compare-price", "'compare-prices'")]
    public async Task HelpForAMisspeltCommand_ExitsTwo_WithDidYouMean(string command, string suggestion)
    {
        var (exit, _, stderr) = await Run("help", command);

        exit.Should().Be(2);
        stderr.Should().Be($"error: unknown command '{command}'; did you mean {suggestion}? Run with --help to list the commands.{Environment.NewLine}");
    }

    [Fact]
    public async Task UsageSelfHostedFrom_MisspeltScenarioName_SuggestsIt_AndAnyCaseIsAccepted()
    {
        var (exit, _, stderr) = await Run("usage", "x.json", "--self-hosted-from", "Startup-Budgte");

        exit.Should().Be(2);
        stderr.Should().StartWith("error: --self-hosted-from must name a bundled scenario (").And.Contain("got 'Startup-Budgte' (did you mean 'startup-budget'?).");
    }

    [Fact]
    public async Task InputThatIsAFolder_SaysSo_InsteadOfNotFound()
    {
        var (exit, stdout, stderr) = await Run("import-prices", "--from", "litellm", folder);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: '{folder}' is a folder; a file is needed here.{Environment.NewLine}");
    }

    [Fact]
    public async Task FolderArgumentThatIsAFile_SaysSo_NamingItsFolder()
    {
        var file = Path.Combine(folder, "gpus.csv");
        await File.WriteAllTextAsync(file, "not read");

        var (exit, _, stderr) = await Run("validate-pricing", file);

        exit.Should().Be(1);
        stderr.Should().Be($"error: '{file}' is a file; a folder is needed here (e.g. '{folder}').{Environment.NewLine}");
    }

    [Fact]
    public async Task ComparePrices_PricingFolderEmpty_IsAnError_ListingWhatItFound()
    {
        var data = Path.Combine(folder, "data.json");
        var pricing = Directory.CreateDirectory(Path.Combine(folder, "pricing")).FullName;
        await File.WriteAllTextAsync(data, "[]");
        await File.WriteAllTextAsync(Path.Combine(pricing, "api_price.csv"), "provider\n");

        var (exit, stdout, stderr) = await Run("compare-prices", "--with", "genai-prices", data, "--pricing", pricing);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: pricing folder '{pricing}' holds no pricing table: it holds 'api_price.csv' (did you mean 'api_prices.csv'?).");
    }

    [Fact]
    public async Task Run_PricingNamesAFile_IsAnError_NamingTheFolderToUse()
    {
        // Given a pricing CSV passed where its folder belongs
        var file = Path.Combine(folder, "gpus.csv");
        await File.WriteAllTextAsync(file, "not read");

        // When it is given to --pricing
        var (exit, stdout, stderr) = await Run("run", "--pricing", file, "--no-charts");

        // Then it fails before any work, saying it is a file and which folder holds it
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: --pricing '{file}' is a file; it takes a folder holding pricing CSVs (api_prices.csv")
            .And.Contain($"e.g. '{folder}'");
    }

    [Fact]
    public async Task Run_PricingFolderEmpty_IsAnError_InsteadOfTheBundledPrices()
    {
        var (exit, stdout, stderr) = await Run("run", "--pricing", folder, "--no-charts");

        exit.Should().Be(1, "an empty overlay used to run silently on the bundled prices");
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: pricing folder '{folder}' holds no pricing table, so nothing would be laid over the bundled prices: it is empty. Known tables: api_prices.csv, ");
    }

    [Fact]
    public async Task Run_PricingFolderWithMisspeltTables_ListsWhatItFound_WithSuggestions()
    {
        // Given a folder whose only CSV is a misspelt table name, beside a README
        await File.WriteAllTextAsync(Path.Combine(folder, "gpu.csv"), "gpu_model\n");
        await File.WriteAllTextAsync(Path.Combine(folder, "README.md"), "notes");

        var (exit, _, stderr) = await Run("run", "--pricing", folder, "--no-charts");

        exit.Should().Be(1);
        stderr.Should().Contain("holds no pricing table").And.Contain("it holds 'README.md', 'gpu.csv' (did you mean 'gpus.csv'?)");
    }

    [Fact]
    public async Task Run_PricingOverlay_IsNamedWithItsRowCounts_InTheOutputAndEveryReport()
    {
        // Given an overlay holding the bundled gpus.csv unchanged (every row replaces its bundled twin) and one new API row
        File.Copy(Path.Combine(RepositoryRoot.PricingData, "gpus.csv"), Path.Combine(folder, "gpus.csv"));
        var api = await File.ReadAllLinesAsync(Path.Combine(RepositoryRoot.PricingData, "api_prices.csv"));
        var o3 = api.First(l => l.StartsWith("openai,o3-2025-04-16,o3,standard,0,2025-06-10,", StringComparison.Ordinal));
        await File.WriteAllLinesAsync(Path.Combine(folder, "api_prices.csv"), [api[0], o3.Replace("openai,o3-2025-04-16,o3,", "openai,overlay-test-model,,", StringComparison.Ordinal)]);
        var gpus = PricingCatalog.Default.Gpus.Count;
        var outFolder = Path.Combine(folder, "out");

        // When a scenario runs with it
        var (exit, stdout, stderr) = await Run("run", "startup-budget", "--pricing", folder, "--out", outFolder);

        // Then the first line names the folder and each table's rows, and the HTML report and summary.md repeat it
        exit.Should().Be(0, stderr);
        var note = $"Pricing: the bundled tables, overlaid with {Path.GetFullPath(folder)}: api_prices.csv 1 row (0 replacing bundled rows), gpus.csv {gpus} rows ({gpus} replacing bundled rows).";
        stdout.Should().StartWith(note);
        (await File.ReadAllTextAsync(Path.Combine(outFolder, "report.html"))).Should().Contain($"<p class=\"overlay\">{System.Net.WebUtility.HtmlEncode(note)}</p>");
        (await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.md"))).Should().Contain(note);
    }

    [Fact]
    public async Task Run_PricingOverlayWithJson_PutsTheNoteOnStderr_KeepingStdoutJson()
    {
        File.Copy(Path.Combine(RepositoryRoot.PricingData, "gpus.csv"), Path.Combine(folder, "gpus.csv"));

        var (exit, stdout, stderr) = await Run("run", "startup-budget", "--pricing", folder, "--json");

        exit.Should().Be(0, stderr);
        stdout.TrimStart().Should().StartWith("{");
        stderr.Should().StartWith("Pricing: the bundled tables, overlaid with ");
    }

    [Fact]
    public async Task Run_OutIsAFile_FailsBeforeAnyWork()
    {
        var file = Path.Combine(folder, "taken");
        await File.WriteAllTextAsync(file, "x");

        var (exit, stdout, stderr) = await Run("run", "startup-budget", "--out", file);

        exit.Should().Be(1);
        stdout.Should().BeEmpty("the check comes before the scenario is evaluated");
        stderr.Should().StartWith($"error: --out '{file}' is a file; it takes a folder.");
    }

    [Fact]
    public async Task Run_CsvInAMissingFolder_FailsBeforeAnyWork()
    {
        var csv = Path.Combine(folder, "no-such-folder", "months.csv");

        var (exit, stdout, stderr) = await Run("run", "startup-budget", "--csv", csv, "--no-charts");

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: --csv '{csv}': folder '{Path.GetDirectoryName(csv)}' does not exist.");
    }

    [Fact]
    public async Task Run_CsvIsAFolder_FailsBeforeAnyWork()
    {
        var (exit, stdout, stderr) = await Run("run", "startup-budget", "--csv", folder, "--no-charts");

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith($"error: --csv '{folder}' is a folder; it takes a file name.");
    }

    [Fact]
    public async Task Run_OutFolderMissing_IsCreatedAndUsed()
    {
        var outFolder = Path.Combine(folder, "a", "b");

        var (exit, _, stderr) = await Run("run", "startup-budget", "--out", outFolder);

        exit.Should().Be(0, stderr);
        File.Exists(Path.Combine(outFolder, "report.html")).Should().BeTrue();
    }

    [Fact]
    public async Task ImportPrices_OutInAMissingFolder_FailsBeforeImporting()
    {
        // Given a valid LiteLLM file and an --out whose folder does not exist
        var litellm = Path.Combine(RepositoryRoot.Path, "tests", "LlmTco.Tests", "Pricing", "Import", "Fixtures", "litellm-model-prices.json");
        var output = Path.Combine(folder, "missing", "api_prices.csv");

        var (exit, stdout, stderr) = await Run("import-prices", "--from", "litellm", litellm, "--out", output);

        // Then it stops with the path problem in words (not .NET's "Could not find a part of the path"), importing nothing
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --out '{output}': folder '{Path.Combine(folder, "missing")}' does not exist.{Environment.NewLine}");
    }

    [Fact]
    public async Task Usage_ScenarioOutInAMissingFolder_FailsBeforeReadingTheExport()
    {
        var export = Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "UsageExports", "openai-usage-completions.json");
        var output = Path.Combine(folder, "missing", "scenario.json");

        var (exit, stdout, stderr) = await Run("usage", export, "--scenario-out", output);

        // Then no bill is printed and no note of the export's content: the path is checked first
        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: --scenario-out '{output}': folder '{Path.Combine(folder, "missing")}' does not exist.{Environment.NewLine}");
    }

    [Fact]
    public async Task Usage_SecondFileMissing_FailsBeforeReadingTheFirst()
    {
        var export = Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "UsageExports", "openai-usage-completions.json");
        var missing = Path.Combine(folder, "costs.json");

        var (exit, stdout, stderr) = await Run("usage", export, missing);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: file '{missing}' does not exist.{Environment.NewLine}");
    }

    [Theory]
    [InlineData("error: --csv takes a file name (value: '').", "run", "--no-charts", "--csv", "")]
    [InlineData("error: --out takes a folder name (value: '').", "run", "--out", "")]
    [InlineData("error: --csv takes a file name (value: ' ').", "run", "--no-charts", "--csv", " ")]
    public async Task Command_EmptyOutputPath_IsRefusedBeforeAnyWork(string message, params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);

        exit.Should().Be(1);
        stdout.Should().BeEmpty("no report is printed before the paths are checked");
        stderr.Should().StartWith(message);
    }

    [Fact]
    public async Task ImportPrices_EmptyOut_IsRefusedBeforeReading()
    {
        var input = Path.Combine(folder, "prices.json");
        File.WriteAllText(input, "{}");

        var (exit, stdout, stderr) = await Run("import-prices", "--from", "litellm", "--out", "", input);

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: --out takes a file name (value: '').");
    }

    [Fact]
    public void OutputFile_WriterFailsHalfWay_LeavesTheOldFileAndNoTemporaryFile()
    {
        // Given a file with content, and a writer that fails after writing part of the new content (as a full disk would)
        var file = Path.Combine(folder, "result.csv");
        File.WriteAllText(file, "old,complete\n");

        var act = () => OutputFile.WriteText(file, writer =>
        {
            writer.Write("new,half");
            writer.Flush();
            throw new IOException("No space left on device");
        });

        // Then the failure propagates, the old content is intact and no temporary file is left behind
        act.Should().Throw<IOException>().WithMessage("No space left on device");
        File.ReadAllText(file).Should().Be("old,complete\n");
        Directory.GetFiles(folder).Should().Equal(file);
    }

    [Fact]
    public void OutputFile_WriterSucceeds_ReplacesTheFile()
    {
        var file = Path.Combine(folder, "result.csv");
        File.WriteAllText(file, "old\n");

        OutputFile.WriteText(file, "new\n");

        File.ReadAllText(file).Should().Be("new\n");
        Directory.GetFiles(folder).Should().Equal(file);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
