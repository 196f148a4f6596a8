using System.Text.Json;
using System.Xml.Linq;
using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.Tests.Samples;

/// <summary>The sample app's run, scenarios and help commands, in-process, as a first-time user would run them.</summary>
public sealed class RunCommandTests : IDisposable
{
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-run-").FullName;

    public static TheoryData<string> Scenarios => new(BundledScenarios.Names);

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    [Fact]
    public void BundledScenarios_AreTheCasesPeopleWeigh()
    {
        BundledScenarios.Names.Should().BeEquivalentTo(
            "customer-service", "domain-fine-tuning", "hosted-vs-self-hosted", "hospital-on-premises", "hospital-on-premises-eu", "startup-budget");
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Run_EveryBundledScenario_WritesChartsAndReports(string name)
    {
        var (exit, stdout, stderr) = await Run("run", name, "--out", outFolder);

        exit.Should().Be(0, stderr);
        stdout.Should().Contain("Break-even").And.Contain("Charts and report:");
        foreach (var chart in new[] { "cumulative-cost", "cost-by-volume", "cost-breakdown", "cost-per-million-tokens" })
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(outFolder, chart + ".png"));
            png.Take(8).Should().Equal([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "a PNG starts with its signature");
            png.Length.Should().BeGreaterThan(10_000, "a 1000×600 chart with lines and text is not tiny");
            var svg = XDocument.Load(Path.Combine(outFolder, chart + ".svg"));
            svg.Root!.Name.LocalName.Should().Be("svg");
            svg.Root.Attribute("width")!.Value.Should().Be("1000");
        }

        File.Exists(Path.Combine(outFolder, "report.html")).Should().BeTrue();
        File.Exists(Path.Combine(outFolder, "summary.md")).Should().BeTrue();
    }

    [Fact]
    public async Task Run_ScenarioThatBreaksEven_SvgCarriesTheEngineBreakEvenLabels()
    {
        // Given the README's own scenario (it breaks even in month 4), evaluated directly by the engine
        var json = LlmTco.Tests.Docs.ReadmeExample.ScenarioJson();
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(ScenarioJson.Parse(json));
        var breaksEven = result.BreakEvens.Where(b => b.Nominal.Outcome == BreakEvenOutcome.BreaksEven).ToList();
        breaksEven.Should().NotBeEmpty("the README's scenario breaks even in month 4");
        Directory.CreateDirectory(outFolder);
        var file = Path.Combine(outFolder, "readme-example.json");
        await File.WriteAllTextAsync(file, json);

        // When the app runs it
        var (exit, _, _) = await Run("--out-ignored-check-below");
        exit.Should().Be(2);
        (exit, _, _) = await Run("run", file, "--out", outFolder);

        // Then the cumulative chart's SVG text holds each break-even's month and amount as the engine computed them
        exit.Should().Be(0);
        var svgText = string.Concat(XDocument.Load(Path.Combine(outFolder, "cumulative-cost.svg")).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        foreach (var b in breaksEven)
        {
            svgText.Should().Contain($"month {b.Nominal.Month}");
            svgText.Should().Contain(b.Nominal.CumulativeCost!.Value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    [Fact]
    public async Task Run_HtmlReport_FetchesNothingFromOutside()
    {
        await Run("run", "hospital-on-premises", "--out", outFolder);

        var html = await File.ReadAllTextAsync(Path.Combine(outFolder, "report.html"));

        html.Should().Contain("<svg").And.Contain("Pricing rows used").And.Contain("api_prices.csv");
        html.Should().NotContainAny("src=\"http", "src='http", "<link", "<script", "url(http", "@import");
        html.Should().Contain("href=\"https://", "sources are cited as links a reader may follow, not fetched");
    }

    [Fact]
    public async Task Run_Json_IsTheDocumentedFormatAndCultureInvariant()
    {
        var (exit, invariantJson, _) = await Run("run", "startup-budget", "--json");
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        string germanJson;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");
            (_, germanJson, _) = await Run("run", "startup-budget", "--json");
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }

        exit.Should().Be(0);
        germanJson.Should().Be(invariantJson);
        using var doc = JsonDocument.Parse(invariantJson);
        doc.RootElement.GetProperty("formatVersion").GetInt32().Should().Be(ScenarioResultJson.FormatVersion);
        doc.RootElement.GetProperty("options").GetArrayLength().Should().Be(3);
        doc.RootElement.GetProperty("breakEvens")[0].GetProperty("nominal").GetProperty("outcome").GetString()
            .Should().BeOneOf("cheaper-from-start", "breaks-even", "never-within-horizon");
    }

    [Fact]
    public async Task Run_Csv_WritesOneRowPerOptionMonth()
    {
        var csv = Path.Combine(outFolder, "months.csv");

        var (exit, _, _) = await Run("run", "startup-budget", "--csv", csv, "--no-charts");

        exit.Should().Be(0);
        var lines = await File.ReadAllLinesAsync(csv);
        lines[0].Should().Be(string.Join(',', ScenarioResultCsv.Columns));
        lines.Should().HaveCount(1 + (3 * 24), "3 options × 24 months, plus the header");
    }

    [Fact]
    public async Task Scenarios_ListsEveryBundledScenario()
    {
        var (exit, stdout, _) = await Run("scenarios");

        exit.Should().Be(0);
        foreach (var name in BundledScenarios.Names)
        {
            stdout.Should().Contain(name);
        }
    }

    [Fact]
    public async Task Help_ListsEveryCommandAndOption()
    {
        var (exit, stdout, _) = await Run("--help");

        exit.Should().Be(0);
        stdout.Should().ContainAll("run", "scenarios", "validate-pricing", "catalog", "--json", "--csv", "--out", "--no-charts", "--pricing", "--overlay");
    }

    [Theory]
    [InlineData(new[] { "run", "no-such-scenario" }, 1, "error: 'no-such-scenario' is neither a scenario file nor a bundled scenario")]
    [InlineData(new[] { "run", "--colour" }, 2, "error: unknown option '--colour'.")]
    [InlineData(new[] { "run", "--csv" }, 2, "error: option '--csv' needs a value.")]
    [InlineData(new[] { "run", "a", "b" }, 2, "error: run takes one scenario name or file.")]
    [InlineData(new[] { "run", "--pricing", "/no/such/folder" }, 1, "error: pricing folder '/no/such/folder' does not exist.")]
    [InlineData(new[] { "--verbose" }, 2, "error: unknown option '--verbose'.")]
    public async Task Run_BadArguments_ExitNonZeroWithAClearMessage(string[] args, int expectedExit, string expectedError)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(expectedExit);
        stderr.Should().StartWith(expectedError);
    }

    [Fact]
    public async Task Run_InvalidScenarioFile_PrintsThePathOfEachProblem()
    {
        var file = Path.Combine(outFolder, "bad.json");
        await File.WriteAllTextAsync(file, BundledScenarios.Text("startup-budget").Replace("\"horizonMonths\": 24", "\"horizonMonths\": 0", StringComparison.Ordinal));

        var (exit, _, stderr) = await Run("run", file);

        exit.Should().Be(1);
        stderr.Should().Contain("$.horizonMonths: must be a whole number of months from 1 to 600 (value: 0)");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
