using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Samples;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Samples;

/// <summary>The <c>diff-prices</c> command on two folders written from <see cref="TestTables"/>, as a reviewer runs it.</summary>
public sealed class DiffPricesCommandTests : IDisposable
{
    private const string Tail = ",https://example.com/acme,2026-11-29";

    private readonly string oldFolder = Directory.CreateTempSubdirectory("llmtco-diff-old-").FullName;
    private readonly string newFolder = Directory.CreateTempSubdirectory("llmtco-diff-new-").FullName;

    public DiffPricesCommandTests()
    {
        Write(oldFolder, Valid());

        // The guide's price change: end acme-mini's base row on 2026-01-01 and add the new price from that day
        Write(newFolder, With("api_prices.csv", Lines(
            ApiHeader,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-01-01,2025-06-10,USD,10,2.5,,40,,0.5,,launch" + Tail,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-06-10,,USD,2,0.5,,8,,0.5,,cut" + Tail,
            "acme,acme-mini,,standard,0,2025-01-01,2026-01-01,USD,0.075,,,0.3,,,," + Tail,
            "acme,acme-mini,,standard,0,2026-01-01,,USD,0.06,,,0.24,,,,new year cut" + Tail,
            "acme,acme-mini,,standard,200000,2025-01-01,,USD,0.15,,,0.6,,,,long context" + Tail)));
    }

    public void Dispose()
    {
        Directory.Delete(oldFolder, recursive: true);
        Directory.Delete(newFolder, recursive: true);
    }

    [Fact]
    public async Task Run_PriceChange_PrintsTheEndedRowAndTheNewPricesWithPercentChange()
    {
        var (exit, stdout, _) = await Run("diff-prices", oldFolder, newFolder);

        // (0.06 − 0.075) / 0.075 = −20 %; (0.24 − 0.3) / 0.3 = −20 %
        exit.Should().Be(0);
        stdout.Should().Be("""
            api_prices.csv: 1 added, 0 removed, 1 changed
              changed acme, acme-mini, standard, 0, 2025-01-01
                effective_to: (blank) → 2026-01-01
              added   acme, acme-mini, standard, 0, 2026-01-01, after acme, acme-mini, standard, 0, 2025-01-01
                input_per_mtok: 0.075 → 0.06 (-20 %)
                output_per_mtok: 0.3 → 0.24 (-20 %)
            Total: 1 added, 0 removed, 1 changed in 1 table(s).

            """);

        // And a scenario priced from the new folder uses each price in the months it was in force
        var catalog = PricingCatalog.LoadFolder(newFolder);
        catalog.FindApiPrice("acme", "acme-mini", new DateOnly(2025, 12, 1)).InputPricePerMillionTokens.Should().Be(0.075m);
        catalog.FindApiPrice("acme", "acme-mini", new DateOnly(2026, 1, 1)).InputPricePerMillionTokens.Should().Be(0.06m);
    }

    [Fact]
    public async Task Run_Json_GivesEveryRowAndCellAsData()
    {
        var (exit, stdout, _) = await Run("diff-prices", oldFolder, newFolder, "--json");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        root.GetProperty("old").GetString().Should().Be(oldFolder);
        root.GetProperty("new").GetString().Should().Be(newFolder);
        (root.GetProperty("added").GetInt32(), root.GetProperty("removed").GetInt32(), root.GetProperty("changed").GetInt32()).Should().Be((1, 0, 1));
        var rows = root.GetProperty("rows");
        rows[0].GetProperty("table").GetString().Should().Be("api_prices.csv");
        rows[0].GetProperty("change").GetString().Should().Be("changed");
        rows[0].GetProperty("previousKey").ValueKind.Should().Be(JsonValueKind.Null);
        var ended = rows[0].GetProperty("cells")[0];
        (ended.GetProperty("column").GetString(), ended.GetProperty("old").GetString(), ended.GetProperty("new").GetString()).Should().Be(("effective_to", string.Empty, "2026-01-01"));
        ended.GetProperty("percentChange").ValueKind.Should().Be(JsonValueKind.Null);
        rows[1].GetProperty("change").GetString().Should().Be("added");
        rows[1].GetProperty("key").GetString().Should().Be("acme, acme-mini, standard, 0, 2026-01-01");
        rows[1].GetProperty("previousKey").GetString().Should().Be("acme, acme-mini, standard, 0, 2025-01-01");
        var input = rows[1].GetProperty("changesFromPrevious")[0];
        input.GetProperty("column").GetString().Should().Be("input_per_mtok");
        input.GetProperty("percentChange").GetDecimal().Should().Be(-20m);
        rows[1].GetProperty("cells").EnumerateArray().Should().Contain(c => c.GetProperty("column").GetString() == "notes" && c.GetProperty("old").ValueKind == JsonValueKind.Null);
    }

    [Fact]
    public async Task Run_SameFolder_SaysThereIsNoDifference()
    {
        var (exit, stdout, _) = await Run("diff-prices", oldFolder, oldFolder);

        exit.Should().Be(0);
        stdout.Should().Be($"No differences: '{oldFolder}' and '{oldFolder}' hold the same rows.\n");
    }

    [Fact]
    public async Task Run_NewRowAndRemovedRow_ListTheAddedCells()
    {
        File.WriteAllText(Path.Combine(newFolder, "pue_figures.csv"), Lines("name,pue,notes,source_url,checked_on", "survey-2025,1.54,,https://example.com/pue,2026-11-29"));

        var (exit, stdout, _) = await Run("diff-prices", oldFolder, newFolder);

        exit.Should().Be(0);
        stdout.Should().Contain("""
            pue_figures.csv: 1 added, 1 removed, 0 changed
              removed survey-2023
              added   survey-2025
                name: survey-2025
                pue: 1.54
                source_url: https://example.com/pue
                checked_on: 2026-11-29
            Total: 2 added, 1 removed, 1 changed in 2 table(s).
            """);
    }

    [Fact]
    public async Task Run_InvalidNewTables_ExitsOneWithEveryProblem()
    {
        File.WriteAllText(Path.Combine(newFolder, "pue_figures.csv"), Lines("name,pue,notes,source_url,checked_on", "survey-2023,0.9,,https://example.com/pue,2026-11-29"));

        var (exit, _, stderr) = await Run("diff-prices", oldFolder, newFolder);

        exit.Should().Be(1);
        stderr.Should().Contain($"{Path.Combine(newFolder, "pue_figures.csv")}:2:2: error: column 'pue': '0.9' must be at least 1");
    }

    [Theory]
    [InlineData(new[] { "diff-prices", "a" }, 2, "error: diff-prices takes two folders: the old tables and the new ones.")]
    [InlineData(new[] { "diff-prices", "a", "b", "c" }, 2, "error: diff-prices takes two folders: the old tables and the new ones.")]
    [InlineData(new[] { "diff-prices", "a", "b", "--csv" }, 2, "error: unknown option '--csv'.")]
    [InlineData(new[] { "diff-prices", "/no/such/old", "/no/such/new" }, 1, "error: folder '/no/such/old' does not exist.")]
    public async Task Run_BadArguments_ExitNonZeroWithAClearMessage(string[] args, int expectedExit, string expectedError)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(expectedExit);
        stderr.Should().StartWith(expectedError);
    }

    private static void Write(string folder, Dictionary<string, string> tables)
    {
        foreach (var (file, csv) in tables)
        {
            File.WriteAllText(Path.Combine(folder, file), csv);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r", string.Empty, StringComparison.Ordinal), stderr.ToString());
    }
}
