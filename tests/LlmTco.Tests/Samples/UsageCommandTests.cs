using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>The sample app's <c>usage</c> command on the bundled sample exports.</summary>
public sealed class UsageCommandTests
{
    private static readonly string SampleFolder = Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "UsageExports");

    [Fact]
    public async Task Usage_OpenAiSample_PrintsTheBillAndWritesAScenarioThatRunAccepts()
    {
        // Given the bundled OpenAI export
        var scenario = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.json");
        try
        {
            // When
            var (exit, stdout, stderr) = await Run("usage", Path.Combine(SampleFolder, "openai-usage-completions.json"), "--scenario-out", scenario);

            // Then August 2026 of gpt-4o: 60,000 requests × (1,200 × 2.5 + 600 × 1.25 + 350 × 10) / 1e6
            // = 60,000 × 0.00725 = 435.00; gpt-4o-mini: 150,000 × (400 × 0.15 + 60 × 0.6) / 1e6 = 14.40
            exit.Should().Be(0, stderr);
            stdout.Should().Contain("2026-08  openai     gpt-4o-2024-08-06").And.Contain("435.00").And.Contain("14.40");
            stdout.Should().Contain("growth 6.00%");

            // and run turns the scenario into a break-even answer, unchanged
            var (runExit, runOut, runErr) = await Run("run", scenario, "--no-charts");
            runExit.Should().Be(0, runErr);
            runOut.Should().Contain("Break-even");
        }
        finally
        {
            File.Delete(scenario);
        }
    }

    [Fact]
    public async Task Usage_AnthropicAndCsvSamples_PrintBillAndReportedDifference()
    {
        var (exit, stdout, stderr) = await Run("usage", Path.Combine(SampleFolder, "anthropic-usage-report.json"), Path.Combine(SampleFolder, "gateway-requests.csv"));

        // Then November 2026, claude-sonnet-4-5 (3 input, 0.3 cache read, 3.75 cache write, 15 output per 1M tokens), a day:
        // 2.4M × 3 + 3M × 0.3 + 0.3M × 3.75 + 0.45M × 15 = 7.2 + 0.9 + 1.125 + 6.75 = 15.975, × 29 days = 463.275 ≈ 463.28
        // (Anthropic retired the model on 2026-11-30, so the sample's last day has no price and is reported as such);
        // claude-haiku-4-5 on the batch tier (1 input, 5 output, 50 % off): (0.8M × 1 + 0.2M × 5) × 0.5 = 0.9 a day, 27.00
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("463.28").And.Contain("27.00");
        stderr.Should().Contain("not priced: No standard price for 'claude-sonnet-4-5-20250929' at 'anthropic' on 2026-11-30");
        stdout.Should().Contain("claude-sonnet-4-5-20250929").And.Contain("n/a");   // Anthropic counts no requests
        stdout.Should().Contain("2026-11: reported");
        stderr.Should().Contain("counts no requests");
    }

    [Fact]
    public async Task Usage_MalformedExport_ExitsOneWithThePlace()
    {
        var file = Path.Combine(Path.GetTempPath(), $"usage-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"object": "page", "data": [{"object": "bucket", "start_time": 0, "end_time": 86400, "results": [{"input_tokens": -1""");
        try
        {
            var (exit, _, stderr) = await Run("usage", file, "--format", "openai");
            exit.Should().Be(1);
            stderr.Should().Contain("not valid JSON");
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Usage_OpenAiCostsSample_ShowsNovembersDifference()
    {
        // Given the sample Costs API export: every day at the catalog's prices, November billed 3 % above them
        var (exit, stdout, stderr) = await Run("usage", Path.Combine(SampleFolder, "openai-usage-completions.json"), Path.Combine(SampleFolder, "openai-costs.json"));

        // Then November's reconstruction, 72,176 × 0.00725 + 150,000 × 0.000096 = 523.28 + 14.40 = 537.68, is
        // 537.68 × 0.03 = 16.13 below the reported 553.81
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("2026-11: reported 553.81, reconstructed 537.68, difference 16.13 (+3.0%)");
        stdout.Should().Contain("2026-08: reported 449.40, reconstructed 449.40, difference 0.00 (0.0%)");
    }

    [Fact]
    public async Task Usage_Json_PrintsTheBillAndTheWorkloadAsJson()
    {
        var (exit, stdout, stderr) = await Run("usage", Path.Combine(SampleFolder, "gateway-requests.csv"), "--by", "project", "--json");

        exit.Should().Be(0, stderr);
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("totalCost").GetDouble().Should().BeGreaterThan(0);
        var profiles = json.RootElement.GetProperty("workload").GetProperty("profiles");
        profiles.EnumerateArray().Select(p => p.GetProperty("name").GetString()).Should().Equal("support/gpt-4o", "reports/gpt-4o-mini");

        // 48 hours of 2 requests an hour, 6 from 09:00 to 17:00: hourly tokens vary, so the peak is above the mean
        json.RootElement.GetProperty("workload").GetProperty("peakToAverageRatio").GetDouble().Should().BeGreaterThan(1);
    }

    [Theory]
    [InlineData("usage")]
    [InlineData("usage", "x.json", "--format", "gemini")]
    [InlineData("usage", "x.json", "--by", "team")]
    [InlineData("usage", "x.json", "--horizon", "0")]
    public async Task Usage_BadCommandLine_ExitsTwo(params string[] args)
    {
        var (exit, _, stderr) = await Run(args);
        exit.Should().Be(2);
        stderr.Should().Contain("usage: usage <file>...");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
