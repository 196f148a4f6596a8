using LlmTco.Pricing;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>The run command with a stale row laid over the bundled tables: the terminal and the HTML report both say so.</summary>
public sealed class RunStalePricesTests : IDisposable
{
    private readonly string pricing = Directory.CreateTempSubdirectory("llmtco-stale-").FullName;
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-stale-out-").FullName;

    public void Dispose()
    {
        Directory.Delete(pricing, recursive: true);
        Directory.Delete(outFolder, recursive: true);
    }

    [Fact]
    public async Task Run_StaleGpuRowUsed_PrintsAndReportsAStaleWarning()
    {
        // Given the bundled gpus.csv with the H100-SXM row (used by the headline scenario) last checked on 2020-01-01
        var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.PricingData, "gpus.csv"));
        var h100 = Array.FindIndex(lines, l => l.StartsWith("H100-SXM,", StringComparison.Ordinal));
        lines[h100] = lines[h100][..lines[h100].LastIndexOf(',')] + ",2020-01-01";
        File.WriteAllLines(Path.Combine(pricing, "gpus.csv"), lines);

        // When the headline scenario runs over it (charts are not needed here; the HTML report is written directly)
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(["run", "--pricing", pricing, "--no-charts"], stdout, stderr);
        var result = new TcoEngine(PricingCatalog.LoadEmbeddedWithOverrides(pricing)).Evaluate(BundledScenarios.Load(BundledScenarios.Headline));
        var html = await File.ReadAllTextAsync(Reports.WriteHtml(result, outFolder));

        // Then the terminal's warnings and the HTML report both name the row, its file and line, and its date
        exit.Should().Be(0, stderr.ToString());
        var expected = $"{Path.Combine(pricing, "gpus.csv")}:{h100 + 1}: stale: the source of";
        stdout.ToString().Replace("\n", string.Empty, StringComparison.Ordinal).Should().Contain(expected).And.Contain("checked on 2020-01-01");
        html.Should().Contain(expected).And.Contain("was checked on 2020-01-01");
    }
}
