using System.Text.Json;
using LlmTco.Pricing;
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

    /// <summary>
    /// The audit warnings the bundled rows raise (snapshot rentals dated on the day they were read; none since the
    /// AWS rows were dated on 2026-12-05, but a later data change may bring some back); the tests below look past them.
    /// </summary>
    private static int AuditWarnings => PricingCatalog.Validate(PricingSource.Folder(RepositoryRoot.PricingData)).Warnings.Count(IsAudit);

    private static bool IsAudit(PricingDiagnostic d) => IsAudit(d.Message);

    private static bool IsAudit(string line) =>
        line.Contains("comes from a snapshot of prices", StringComparison.Ordinal);

    /// <summary>
    /// The last line of a passing run with <paramref name="warnings"/> warnings: the count is left out when there are
    /// none ("OK: 11 tables valid.").
    /// </summary>
    private static string OkLine(int warnings) =>
        warnings == 0 ? "OK: 11 tables valid." : $"OK: 11 tables valid, {warnings} warning(s).";

    /// <summary>The output without the lines of <see cref="AuditWarnings"/>.</summary>
    private static string Own(string stdout) => string.Concat(stdout.Split('\n').Where(l => !IsAudit(l)).Select(l => l + "\n"))[..^1];

    [Fact]
    public async Task Run_BundledData_ExitsZeroWithOneLinePerTable()
    {
        // (pinned to the day the bundled rows were checked, so that they are not stale whenever the test runs)
        var (exit, stdout, _) = await Run("validate-pricing", folder, "--as-of", "2026-11-29");

        exit.Should().Be(0);
        var lines = Own(stdout).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Should().HaveCount(12);
        lines[0].Should().StartWith("api_prices.csv: ");
        lines[^1].Should().Be(OkLine(AuditWarnings));
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
        Own(stdout).Should().StartWith($"{path}:5:3: error: column 'memory_gb': '48GB' is not a finite number");
        stdout.Should().Contain($"1 error(s), {AuditWarnings} warning(s)");
    }

    [Fact]
    public async Task Run_Json_ReportsDiagnosticsAsData()
    {
        File.WriteAllText(Path.Combine(folder, "pue_figures.csv"), "name,pue,notes,source_url,checked_on\nx,0.9,,https://example.com,2026-11-29\n");

        var (exit, stdout, _) = await Run("validate-pricing", folder, "--json");

        exit.Should().Be(1);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeFalse();
        var diagnostic = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => d.GetProperty("severity").GetString() == "error");
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

    [Fact]
    public async Task Run_StaleRow_PrintsAWarningAndStillPasses()
    {
        // Given the first PUE row last checked on 2026-01-01: 332 days before 2026-11-29 (30 + 31 + 30 + 31 + 31 + 30
        // + 31 + 30 + 31 + 31 + 28 in December to February counted back, i.e. 365 − 33)
        var path = Path.Combine(folder, "pue_figures.csv");
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1][..lines[1].LastIndexOf(',')] + ",2026-01-01";
        File.WriteAllLines(path, lines);
        var name = lines[1][..lines[1].IndexOf(',', StringComparison.Ordinal)];

        var (exit, stdout, _) = await Run("validate-pricing", folder, "--as-of", "2026-11-29");

        exit.Should().Be(0);
        Own(stdout).Should().StartWith($"{path}:2:6: warning: stale: the source of '{name}' was checked on 2026-01-01, 332 days before 2026-11-29 (more than 180); re-read its source_url and update checked_on\n");
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be($"OK: 11 tables valid, {AuditWarnings + 1} warning(s) (1 row(s) checked more than 180 days before 2026-11-29).");
    }

    [Fact]
    public async Task Run_MaxAgeDays_RaisesTheLimit()
    {
        var path = Path.Combine(folder, "pue_figures.csv");
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1][..lines[1].LastIndexOf(',')] + ",2026-01-01";
        File.WriteAllLines(path, lines);

        var (exit, stdout, _) = await Run("validate-pricing", folder, "--as-of", "2026-11-29", "--max-age-days", "332");

        exit.Should().Be(0);
        stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1].Should().Be(OkLine(AuditWarnings));
    }

    [Fact]
    public async Task Run_Json_ListsStaleRowsAsWarnings()
    {
        var path = Path.Combine(folder, "pue_figures.csv");
        var lines = File.ReadAllLines(path);
        lines[1] = lines[1][..lines[1].LastIndexOf(',')] + ",2026-01-01";
        File.WriteAllLines(path, lines);

        var (exit, stdout, _) = await Run("validate-pricing", folder, "--json", "--as-of", "2026-11-29", "--max-age-days", "90");

        exit.Should().Be(0);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.GetProperty("valid").GetBoolean().Should().BeTrue();
        json.RootElement.GetProperty("asOf").GetString().Should().Be("2026-11-29");
        json.RootElement.GetProperty("maxAgeDays").GetInt32().Should().Be(90);
        var warning = json.RootElement.GetProperty("diagnostics").EnumerateArray().Single(d => !IsAudit(d.GetProperty("message").GetString()!));
        warning.GetProperty("severity").GetString().Should().Be("warning");
        warning.GetProperty("columnName").GetString().Should().Be("checked_on");
        warning.GetProperty("value").GetString().Should().Be("2026-01-01");
        warning.GetProperty("message").GetString().Should().EndWith("332 days before 2026-11-29 (more than 90); re-read its source_url and update checked_on");
    }

    [Fact]
    public async Task Run_SparseFp8Figure_PrintsAConsistencyWarningAtItsCell()
    {
        // Given the H100-SXM row with its FP8 figure replaced by four times its BF16 figure (a sparse headline)
        var path = Path.Combine(folder, "gpus.csv");
        var lines = File.ReadAllLines(path);
        var row = Array.FindIndex(lines, l => l.StartsWith("H100-SXM,", StringComparison.Ordinal));
        var cells = lines[row].Split(',', 7);
        var bf16 = decimal.Parse(cells[4], System.Globalization.CultureInfo.InvariantCulture);
        cells[5] = (bf16 * 4).ToString("0.##########", System.Globalization.CultureInfo.InvariantCulture);
        lines[row] = string.Join(',', cells);
        File.WriteAllLines(path, lines);

        var (exit, stdout, _) = await Run("validate-pricing", folder, "--as-of", "2026-11-29");

        exit.Should().Be(0);
        Own(stdout).Should().StartWith($"{path}:{row + 1}:6: warning: fp8_dense_tflops ({cells[5]}) of 'H100-SXM' is 4× its bf16_dense_tflops ({cells[4]});");
        stdout.Should().Contain($"OK: 11 tables valid, {AuditWarnings + 1} warning(s).");
    }

    [Theory]
    [InlineData(new[] { "validate-pricing", ".", "--max-age-days", "abc" }, 2, "error: --max-age-days must be a whole number of days, 0 or more; got 'abc'.")]
    [InlineData(new[] { "validate-pricing", ".", "--max-age-days", "-5" }, 2, "error: --max-age-days must be a whole number of days, 0 or more; got '-5'.")]
    [InlineData(new[] { "validate-pricing", ".", "--as-of", "29.11.2026" }, 2, "error: --as-of must be a date written yyyy-MM-dd; got '29.11.2026'.")]
    [InlineData(new[] { "validate-pricing", ".", "--as-of" }, 2, "error: option '--as-of' needs a value.")]
    [InlineData(new[] { "validate-pricing", "a", "b" }, 2, "error: validate-pricing takes one folder.")]
    public async Task Run_BadAgeOptions_ExitTwoWithAClearMessage(string[] args, int expectedExit, string expectedError)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(expectedExit);
        stderr.Should().StartWith(expectedError);
    }

    [Theory]
    [InlineData(new[] { "validate-pricing" }, 2, "error: validate-pricing takes one folder.")]
    [InlineData(new[] { "validate-pricing", "/no/such/folder" }, 1, "error: folder '/no/such/folder' does not exist.")]
    [InlineData(new[] { "validate-pricing", ".", "--strict" }, 2, "error: unknown option '--strict'.")]
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
