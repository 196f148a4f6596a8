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

        exit.Should().Be(0, stderr);
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
