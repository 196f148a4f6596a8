using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Tests.Pricing.Import;

namespace LlmTco.Tests.Samples;

/// <summary>The <c>import-prices</c> command on the hand-written fixtures: CSV to stdout or a file, the report to stderr.</summary>
public sealed class ImportPricesCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("llmtco-import-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Run_LiteLlm_WritesCsvToStdoutAndTheReportToStderr()
    {
        var (exit, stdout, stderr) = await Run(
            "import-prices", "--from", "litellm", Fixture("litellm-model-prices.json"),
            "--source-url", "https://example.com/litellm.json", "--checked-on", "2026-11-29");

        exit.Should().Be(0, stderr);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines[0].Should().Be(TestTables.ApiHeaderWritten);
        lines.Should().HaveCount(11, "ten rows follow the header");
        lines.Should().Contain(l => l.StartsWith("anthropic,claude-sonnet-4-5,,standard,0,2026-11-29,observed,,USD,3,0.3,3.75,6,15,,0.5,,", StringComparison.Ordinal)
            && l.EndsWith(",https://example.com/litellm.json,secondary,2026-11-29", StringComparison.Ordinal));
        stderr.Should().StartWith("Imported 10 row(s) for 6 model(s) from 12 LiteLLM entries in '");
        stderr.Should().Contain("Not mapped (10):\n  gemini/gemini-2.5-pro: 'input_cost_per_audio_token'");
        stderr.Should().Contain("\n  mystery-model: 'litellm_provider': missing; skipped\n");
        stderr.Should().NotContain("note: no --source-url");
    }

    [Fact]
    public async Task Run_GenAiPricesToFile_WritesAFileThatValidatesAsAnOverlay()
    {
        var output = Path.Combine(folder, "api_prices.csv");

        var (exit, stdout, stderr) = await Run(
            "import-prices", "--from", "genai-prices", Fixture("genai-prices-data.json"), "--out", output,
            "--checked-on", "2026-11-29", "--effective-from", "2025-01-01");

        exit.Should().Be(0, stderr);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("note: no --source-url given, so every row cites https://github.com/pydantic/genai-prices/blob/main/prices/data.json; pass the URL of the exact version you read (a commit link).\n");
        stderr.Should().Contain($"Imported 12 row(s) for 8 model(s) from 10 genai-prices models in '{Fixture("genai-prices-data.json")}' into '{output}'.");
        var tables = TestTables.With("api_prices.csv", await File.ReadAllTextAsync(output));
        PricingCatalog.Validate(PricingSource.InMemory(tables)).Errors.Should().BeEmpty();
    }

    [Fact]
    public async Task Run_FileInTheOtherFormat_ExitsOneWithAClearMessage()
    {
        var (exit, stdout, stderr) = await Run("import-prices", "--from", "litellm", Fixture("genai-prices-data.json"));

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().Be($"error: {Fixture("genai-prices-data.json")}: a LiteLLM model_prices_and_context_window.json file is a JSON object of model entries, but this file's top level is an array; is it a genai-prices file (use --from genai-prices)?\n");
    }

    [Fact]
    public async Task Run_NotJson_ExitsOneWithTheLine()
    {
        var path = Path.Combine(folder, "broken.json");
        await File.WriteAllTextAsync(path, "{\n  \"gpt-5\": {\"mode\": \"chat\"\n}");

        var (exit, _, stderr) = await Run("import-prices", "--from", "litellm", path);

        exit.Should().Be(1);
        stderr.Should().StartWith($"error: {path}: the litellm file is not valid JSON: line 3, byte ");
    }

    [Theory]
    [InlineData(new[] { "import-prices", "x.json" }, 2, "error: import-prices needs --from genai-prices or --from litellm.")]
    [InlineData(new[] { "import-prices", "--from", "openrouter", "x.json" }, 2, "error: --from must be genai-prices or litellm; got 'openrouter'.")]
    [InlineData(new[] { "import-prices", "--from", "litellm" }, 2, "error: import-prices takes one JSON file.")]
    [InlineData(new[] { "import-prices", "--from", "litellm", "x.json", "--checked-on", "29/11/2026" }, 2, "error: --checked-on must be a date written yyyy-MM-dd; got '29/11/2026'.")]
    [InlineData(new[] { "import-prices", "--from", "litellm", "x.json", "--effective-from", "2026-13-01" }, 2, "error: --effective-from must be a date written yyyy-MM-dd; got '2026-13-01'.")]
    [InlineData(new[] { "import-prices", "--from", "litellm", "x.json", "--source-url", "data.json" }, 2, "error: --source-url must be an absolute http(s) URL; got 'data.json'.")]
    [InlineData(new[] { "import-prices", "--from", "litellm", "x.json", "--json" }, 2, "error: unknown option '--json'.")]
    [InlineData(new[] { "import-prices", "--from", "litellm", "/no/such/file.json" }, 1, "error: file '/no/such/file.json' does not exist.")]
    public async Task Run_BadArguments_ExitNonZeroWithAClearMessage(string[] args, int expectedExit, string expectedError)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(expectedExit);
        stderr.Should().StartWith(expectedError);
    }

    private static string Fixture(string name) => Path.Combine(ImportFixtures.Folder, name);

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r", string.Empty, StringComparison.Ordinal), stderr.ToString().Replace("\r", string.Empty, StringComparison.Ordinal));
    }
}
