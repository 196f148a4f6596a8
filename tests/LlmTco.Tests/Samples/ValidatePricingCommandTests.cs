using System.Text.Json;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>The <c>validate-pricing</c> command, run in-process as a person editing the CSVs would run it.</summary>
public sealed class ValidatePricingCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("llmtco-validate-").FullName;

    public ValidatePricingCommandTests()
    {
        foreach (var file in Directory.EnumerateFiles(RepositoryRoot.PricingData, "*.csv"))
        {
            File.Copy(file, Path.Combine(folder, Path.GetFileName(file)));
        }
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task Run_BundledData_ExitsZeroWithOneLinePerTable()
    {
        var (exit, stdout, _) = await Run("validate-pricing", folder);

        exit.Should().Be(0);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(11);
        lines[0].Should().StartWith("api_prices.csv: ");
        lines[^1].Should().Be("OK: 10 tables valid.");
    }

    [Fact]
    public async Task Run_OneBrokenCell_PrintsItsFileLineAndColumn()
    {
        // Given a copy of pricing-data with the fourth GPU row's memory_gb (line 5, column 3) broken
        var path = Path.Combine(folder, "gpus.csv");
        var lines = File.ReadAllLines(path);
        var cells = lines[4].Split(',');
        cells[2] = "48GB";
        lines[4] = string.Join(',', cells);
        File.WriteAllLines(path, lines);

        var (exit, stdout, _) = await Run("validate-pricing", folder);

        exit.Should().Be(1);
        stdout.Should().StartWith($"{path}:5:3: error: column 'memory_gb': '48GB' is not a finite number");
        stdout.Should().Contain("1 error(s), 0 warning(s)");
    }

    [Fact]
    public async Task Run_Json_ReportsDiagnosticsAsData()
    {
        File.WriteAllText(Path.Combine(folder, "pue_figures.csv"), "name,pue,notes,source_url,checked_on\nx,0.9,,https://example.com,2026-11-29\n");

        var (exit, stdout, _) = await Run("validate-pricing", folder, "--json");

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        var diagnostic = json.RootElement.GetProperty("diagnostics")[0];
        diagnostic.GetProperty("line").GetInt32().Should().Be(2);
        diagnostic.GetProperty("column").GetInt32().Should().Be(2);
        diagnostic.GetProperty("columnName").GetString().Should().Be("pue");
        diagnostic.GetProperty("message").GetString().Should().Be("column 'pue': '0.9' must be at least 1");
    }

    [Fact]
    public async Task Run_Overlay_AcceptsASubsetOfTables()
    {
        var overlay = Directory.CreateTempSubdirectory("llmtco-overlay-").FullName;
        try
        {
            File.Copy(Path.Combine(folder, "gpus.csv"), Path.Combine(overlay, "gpus.csv"));

            var (exit, stdout, _) = await Run("validate-pricing", overlay, "--overlay");

            exit.Should().Be(0);
            var gpuRows = File.ReadAllLines(Path.Combine(folder, "gpus.csv")).Length - 1;
            stdout.Should().Contain($"gpus.csv: {gpuRows} rows ({gpuRows} overridden)");
        }
        finally
        {
            Directory.Delete(overlay, recursive: true);
        }
    }

    [Theory]
    [InlineData(new[] { "validate-pricing" }, 2, "error: validate-pricing takes one folder.")]
    [InlineData(new[] { "validate-pricing", "/no/such/folder" }, 1, "error: folder '/no/such/folder' does not exist.")]
    [InlineData(new[] { "validate-pricing", ".", "--strict" }, 2, "error: unknown option '--strict' for validate-pricing.")]
    [InlineData(new[] { "frobnicate" }, 2, "error: unknown command 'frobnicate'. Run with --help to list the commands.")]
    public async Task Run_BadArguments_ExitNonZeroWithAClearMessage(string[] args, int expectedExit, string expectedError)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(expectedExit);
        stderr.Should().StartWith(expectedError);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString().Replace("\r", string.Empty, StringComparison.Ordinal), stderr.ToString());
    }
}
