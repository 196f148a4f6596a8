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
    [InlineData("selfHostedOptions[*].people.ftes", 1.967, "1.97")] // other quantities: at most two decimals, as the percentages
    [InlineData("workload.peakToAverageRatio", 2.274, "2.27")]
    [InlineData("workload.profiles[0].monthlyRequests", 1_234_567.8, "1,234,568")]
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

    [Fact]
    public void ByPercentile_SaysEachBreakEvenInTheMonthConvention_EqualOnesTogether()
    {
        // Given break-even at P10 30.9 months after the start (in month 31), and never within 36 months at P50 and P90
        var months = Summary(30.9, null, null);

        // Then the sentence names the month and the time after the start, and groups the two "never"
        UncertaintyReport.ByPercentile(months, 36).Should().Be("at P10 in month 31, 30.9 months after the start; at P50 and P90 not within the 36 months");
        UncertaintyReport.ByPercentile(Summary(null, null, null), 36).Should().Be("at P10, P50 and P90 not within the 36 months");
    }

    [Fact]
    public void Describe_ShowsARatesDistributionAsPercentages()
    {
        var growth = new LlmTco.Uncertainty.Distribution { Kind = LlmTco.Uncertainty.DistributionKind.Triangular, Min = 0.03, Mode = 0.06, Max = 0.09 };

        UncertaintyReport.Describe(growth, "workload.profiles[*].growth.monthlyRate").Should().Be("triangular 3 % / 6 % / 9 %");
        UncertaintyReport.Describe(growth with { Min = 1, Mode = 1.25, Max = 2 }, "selfHostedOptions[*].people.ftes").Should().Be("triangular 1 / 1.25 / 2");
    }

    [Fact]
    public void Histogram_NeverBarStandsApart_AndMonthsAreWhole()
    {
        // Given the headline's Monte Carlo run (36 months)
        var engine = new TcoEngine(LlmTco.Pricing.PricingCatalog.Default);
        var run = UncertaintyRunner.Run(engine, BundledScenarios.Load("customer-service"), 200, 1, TextWriter.Null);

        // When the histogram is laid out
        var plot = UncertaintyCharts.Histogram(run.Result, run.Focus);
        plot.RenderInMemory(Charts.Width, Charts.Height);
        var ticks = plot.Axes.Bottom.TickGenerator.Ticks.Where(t => t.IsMajor).ToList();

        // Then the month ticks are whole months 1 to 36, and "never" stands two months past 36 (no "36never")
        ticks.Where(t => t.Label != "never").Should().OnlyContain(t => t.Position == Math.Round(t.Position) && t.Position >= 1 && t.Position <= 36);
        ticks.Single(t => t.Label == "never").Position.Should().Be(38);
        plot.Axes.GetLimits().Top.Should().BeLessThanOrEqualTo(1, "a share of trials is at most 100 %");
    }

    private static LlmTco.Uncertainty.PercentileSummary Summary(double? p10, double? p50, double? p90)
    {
        // The percentiles as the simulator reports them: null where a percentile falls among trials that never break even
        return new([new(0.1, p10), new(0.5, p50), new(0.9, p90)], null, 10);
    }

    [GeneratedRegex(@"\d+(\.\d+)? % → \d+(\.\d+)? %")]
    private static partial Regex PercentRange();

    [GeneratedRegex(@"^(\d+(?:\.\d+)?) ?%$")]
    private static partial Regex PercentLabel();
}
