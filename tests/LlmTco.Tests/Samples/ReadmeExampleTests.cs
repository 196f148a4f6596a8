using System.Text.RegularExpressions;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The README's "A scenario of your own" block, run as a reader would run it, against the hand calculation printed
/// under it in the README (itself worked from the bundled rows it names).
/// </summary>
public sealed partial class ReadmeExampleTests
{
    private static readonly ScenarioResult Result = new TcoEngine(PricingCatalog.Default).Evaluate(ScenarioJson.Parse(ReadmeScenario()));

    [Fact]
    public void ReadmeExample_Api_CostsSevenThousandFiveHundredAMonth()
    {
        // 1e9 input × 2.5 + 5e8 output × 10 per 1M tokens = 2,500 + 5,000
        Result.Option("GPT-4o").Months.Should().OnlyContain(m => Math.Abs(m.Total - 7_500) < 1e-9);
    }

    [Fact]
    public void ReadmeExample_SelfHosted_RentsOneL40S()
    {
        var self = Result.Option("Llama 3.1 8B on an L40S");

        // 1 GPU × 730 h × 2.24208 = 1,636.7184 a month, + 20,000 setup in month 1
        self.GpusPerReplica.Should().Be(1);
        self.ReplicaThroughputTokensPerSecond.Should().Be(4054.71);
        self.Months[0].Total.Should().BeApproximately(21_636.7184, 1e-6);
        self.Months[1].Total.Should().BeApproximately(1_636.7184, 1e-6);
    }

    [Fact]
    public void ReadmeExample_BreaksEvenFourtyOnePercentIntoMonthFour()
    {
        var b = Result.BreakEvens.Single();

        // End of month 3: 20,000 + 3 × 1,636.7184 = 24,910.1552 vs 22,500 (2,410.1552 dearer);
        // end of month 4: 26,546.8736 vs 30,000 (3,453.1264 cheaper). 2,410.1552 / 5,863.2816 = 0.411061 into month 4.
        b.Nominal.Outcome.Should().Be(BreakEvenOutcome.BreaksEven);
        b.Nominal.Month.Should().Be(4);
        b.Nominal.MonthsFromStart.Should().BeApproximately(3 + (2_410.1552 / 5_863.2816), 1e-9);
        b.Nominal.CumulativeCost.Should().BeApproximately(24_910.1552 + (2_410.1552 / 5_863.2816 * 1_636.7184), 1e-6);
    }

    [Fact]
    public void ReadmeExample_SelfHostedCheaperAbove327MillionTokensAMonth()
    {
        // GPT-4o: 7,500 / 1,500M tokens = 5 per 1M; one replica: 1,636.7184 → 1,636.7184 / 5 × 1e6 tokens
        var volume = Result.BreakEvens.Single().Volume;

        volume.Crossings.Should().ContainSingle().Which.TokensPerMonth.Should().BeApproximately(327_343_680, 1e-3);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(327_343_680, 1e-3);
    }

    private static string ReadmeScenario()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));
        var section = readme[readme.IndexOf("## A scenario of your own", StringComparison.Ordinal)..];
        return JsonBlock().Match(section).Groups["json"].Value;
    }

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
