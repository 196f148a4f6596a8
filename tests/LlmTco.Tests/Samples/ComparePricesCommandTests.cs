using System.Text.Json;
using LlmTco.Samples;
using LlmTco.Tests.Pricing.Import;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Samples;

/// <summary>The <c>compare-prices</c> command, run in-process on the fixture of <see cref="GenAiPricesComparerTests"/>.</summary>
public sealed class ComparePricesCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("llmtco-compare-").FullName;

    public ComparePricesCommandTests()
    {
        foreach (var (file, csv) in Valid())
        {
            File.WriteAllText(Path.Combine(folder, file), csv);
        }

        File.WriteAllText(DataJson, GenAiPricesComparerTests.DataJson);
    }

    private string DataJson => Path.Combine(folder, "data.json");

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Run_Text_SummarisesAndListsEveryDifferingCell()
    {
        var (exit, stdout, _) = await Run("compare-prices", "--with", "genai-prices", DataJson, "--date", "2025-07-01", "--pricing", folder);

        // 2 models, 5 + 10 cells, 1 + 4 disagreements (worked out in GenAiPricesComparerTests)
        exit.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be("Compared with genai-prices on 2025-07-01: 2 model(s) priced by both, 15 cell(s) compared, 5 disagree in 2 model(s).");
        lines[1].Should().Be("  DIFFER   acme/acme-large-2025-01-01 (genai-prices acme-large): 1 of 5 cells");
        lines[2].Should().Be("    context tier 0: cached_input_per_mtok catalog 0.5, genai-prices 0.25");
        lines.Should().Contain("    context tier 200000: input_per_mtok catalog 0.15, genai-prices 0.075");
        lines.Should().Contain("    context tier 0: cached_input_per_mtok catalog (blank), genai-prices 0.01875");
    }

    [Fact]
    public async Task Run_BeforeTheCut_MarksTheAgreeingModel()
    {
        var (exit, stdout, _) = await Run("compare-prices", "--with", "genai-prices", DataJson, "--date", "2025-03-01", "--pricing", folder);

        exit.Should().Be(0);
        stdout.Should().Contain("  agree    acme/acme-large-2025-01-01 (genai-prices acme-large): 5 cells\n");
    }

    [Fact]
    public async Task Run_Json_GivesTheCountsAndCellsAsData()
    {
        var (exit, stdout, _) = await Run("compare-prices", "--with", "genai-prices", DataJson, "--date", "2025-07-01", "--pricing", folder, "--json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("date").GetString().Should().Be("2025-07-01");
        root.GetProperty("modelsCompared").GetInt32().Should().Be(2);
        root.GetProperty("cellsCompared").GetInt32().Should().Be(15);
        root.GetProperty("cellsDisagreeing").GetInt32().Should().Be(5);
        var first = root.GetProperty("disagreements")[0];
        first.GetProperty("modelId").GetString().Should().Be("acme-large-2025-01-01");
        first.GetProperty("column").GetString().Should().Be("cached_input_per_mtok");
        first.GetProperty("catalog").GetDecimal().Should().Be(0.5m);
        first.GetProperty("genAiPrices").GetDecimal().Should().Be(0.25m);
        root.GetProperty("disagreements")[1].GetProperty("catalog").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Theory]
    [InlineData(new[] { "compare-prices", "x.json" }, "error: compare-prices needs --with genai-prices.")]
    [InlineData(new[] { "compare-prices", "--with", "litellm", "x.json" }, "error: --with must be genai-prices; got 'litellm'.")]
    [InlineData(new[] { "compare-prices", "--with", "genai-prices" }, "error: compare-prices takes one data.json file.")]
    [InlineData(new[] { "compare-prices", "--with", "genai-prices", "x.json", "--date", "05.12.2026" }, "error: --date must be a date written yyyy-MM-dd; got '05.12.2026'.")]
    [InlineData(new[] { "compare-prices", "--with", "genai-prices", "x.json", "--strict" }, "error: unknown option '--strict'.")]
    public async Task Run_BadCommandLine_ExitsTwo(string[] args, string expectedError)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(2);
        stderr.Should().StartWith(expectedError);
    }

    [Fact]
    public async Task Run_MissingOrInvalidFile_ExitsOne()
    {
        var broken = Path.Combine(folder, "broken.json");
        File.WriteAllText(broken, "[{");

        (await Run("compare-prices", "--with", "genai-prices", Path.Combine(folder, "none.json"))).Exit.Should().Be(1);
        var (exit, _, stderr) = await Run("compare-prices", "--with", "genai-prices", broken, "--pricing", folder);
        exit.Should().Be(1);
        stderr.Should().StartWith($"error: {broken}: the genai-prices file is not valid JSON");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r", string.Empty, StringComparison.Ordinal), stderr.ToString());
    }
}
