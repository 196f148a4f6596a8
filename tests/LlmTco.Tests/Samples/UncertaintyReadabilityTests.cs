using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>The Monte Carlo report for people: shares and rates as percentages, and probabilities that never pass 100 %.</summary>
public sealed partial class UncertaintyReadabilityTests : IDisposable
{
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-mc-read-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    [Theory]
    [InlineData("apiOptions[0].yearlyPriceDecline", 0.0154, "1.54 %")]
    [InlineData("workload.profiles[*].growth.monthlyRate", 0.2051, "20.51 %")]
    [InlineData("selfHostedOptions[*].targetUtilization", 0.7, "70 %")]
    [InlineData("workload.profiles[*].cacheReadShare", 0.5, "50 %")]
    [InlineData("selfHostedOptions[*].people.ftes", 1.967, "1.967")]
    [InlineData("workload.peakToAverageRatio", 2.274, "2.274")]
    public void InputValue_ShowsFractionsAsPercentages_AndOtherInputsAsNumbers(string path, double value, string expected)
    {
        UncertaintyReport.InputValue(path, value).Should().Be(expected);
    }

    [Fact]
    public async Task Run_TornadoTable_ShowsTheGrowthRateAsPercentages()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SampleApp.RunAsync(["run", "customer-service", "--trials", "200", "--out", outFolder], stdout, stderr);

        exit.Should().Be(0, stderr.ToString());
        var growth = stdout.ToString().Split('\n').Single(l => l.Contains("traffic growth a month", StringComparison.Ordinal) && l.Contains('→', StringComparison.Ordinal));
        PercentRange().IsMatch(growth).Should().BeTrue($"the P10 → P90 cell reads as percentages: {growth}");

        // And the probability chart's axis labels stop at 100 %
        var labels = XDocument.Load(Path.Combine(outFolder, "uncertainty-probability-cheaper.svg")).Descendants()
            .Where(e => e.Name.LocalName == "text").Select(e => e.Value.Trim())
            .Select(t => PercentLabel().Match(t)).Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture)).ToList();
        labels.Should().NotBeEmpty().And.OnlyContain(v => v >= 0 && v <= 100);
    }

    [Fact]
    public void ProbabilityCheaper_AxisRunsFrom0To100Percent()
    {
        var engine = new TcoEngine(LlmTco.Pricing.PricingCatalog.Default);
        var run = UncertaintyRunner.Run(engine, BundledScenarios.Load("customer-service"), 200, 1, TextWriter.Null);

        var limits = UncertaintyCharts.ProbabilityCheaper(run.Result).Axes.GetLimits();

        limits.Bottom.Should().Be(0);
        limits.Top.Should().Be(1, "a probability axis ends at 100 %, not 105 %");
    }

    [GeneratedRegex(@"\d+(\.\d+)? % → \d+(\.\d+)? %")]
    private static partial Regex PercentRange();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) ?%$")]
    private static partial Regex PercentLabel();
}
