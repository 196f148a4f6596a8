using System.Text.Json;
using System.Xml.Linq;
using LlmTco.Pricing;
using LlmTco.Uncertainty;
using LlmTco.Samples;

namespace LlmTco.Tests.Uncertainty;

/// <summary>The sample app's Monte Carlo run: <c>run &lt;scenario&gt; --trials N --seed S</c>, its tables, charts and report.</summary>
public sealed class UncertaintySampleAppTests : IDisposable
{
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-mc-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    [Fact]
    public async Task Run_HeadlineWithTrialsAndSeed_PrintsPercentilesAndWritesTheChartsIntoTheReport()
    {
        // When the headline scenario runs with its uncertainty section, 400 trials and seed 3
        var (exit, stdout, stderr) = await Run("run", "customer-service", "--trials", "400", "--seed", "3", "--out", outFolder);

        // Then the tables say how sure the answer is
        exit.Should().Be(0, stderr);
        stdout.Should().Contain("How sure is the answer?").And.Contain("400 trials, seed 3, 5 uncertain inputs")
            .And.Contain("Never within 36 months")
            .And.Contain("The largest driver of");

        // And the Monte Carlo charts are written as PNG and SVG, and inlined in the report
        foreach (var chart in new[] { "uncertainty-fan", "uncertainty-break-even-histogram", "uncertainty-probability-cheaper", "uncertainty-tornado-npv" })
        {
            var png = await File.ReadAllBytesAsync(Path.Combine(outFolder, chart + ".png"));
            png.Take(4).Should().Equal([0x89, 0x50, 0x4E, 0x47]);
            XDocument.Load(Path.Combine(outFolder, chart + ".svg")).Root!.Name.LocalName.Should().Be("svg");
        }

        var html = await File.ReadAllTextAsync(Path.Combine(outFolder, "report.html"));
        html.Should().Contain("How sure is the answer?").And.Contain("What drives it");
        html.Split("<svg").Length.Should().BeGreaterThanOrEqualTo(1 + 4 + 4, "the four break-even charts and at least four Monte Carlo charts are inlined");
        (await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.md"))).Should().Contain("uncertainty-fan.png");
    }

    [Fact]
    public async Task Run_TrialsOnAScenarioWithoutUncertainty_SaysWhatIsMissing()
    {
        var (exit, _, stderr) = await Run("run", "startup-budget", "--trials", "100", "--no-charts");

        exit.Should().Be(1);
        stderr.Should().Contain("has no uncertainty section, so --trials and --seed have no inputs to vary");
    }

    [Theory]
    [InlineData("--trials", "zero", "--trials takes a whole number from 1 to 10,000,000 (value: zero)")]
    [InlineData("--trials", "0", "--trials takes a whole number from 1 to 10,000,000 (value: 0)")]
    [InlineData("--seed", "1.5", "--seed takes a whole number (value: 1.5)")]
    public async Task Run_BadTrialsOrSeed_IsAUsageError(string option, string value, string message)
    {
        var (exit, _, stderr) = await Run("run", "customer-service", option, value);

        exit.Should().Be(2);
        stderr.Should().Contain(message);
    }

    [Fact]
    public async Task Run_HeadlineAsJsonWithTrialsAndSeed_CarriesTheMonteCarloRangesAndTheTornado()
    {
        // When the headline scenario runs as JSON with 300 trials and seed 5
        var (exit, stdout, stderr) = await Run("run", "customer-service", "--json", "--trials", "300", "--seed", "5");
        exit.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        var u = json.RootElement.GetProperty("uncertainty");

        // Then the run's settings are those asked for, and the five inputs are listed with their distributions
        u.GetProperty("trials").GetInt32().Should().Be(300);
        u.GetProperty("seed").GetInt64().Should().Be(5);
        u.GetProperty("inputs").GetArrayLength().Should().Be(5);
        u.GetProperty("inputs")[0].GetProperty("distribution").GetProperty("kind").GetString().Should().Be("triangular");
        u.GetProperty("inputs")[0].GetProperty("distribution").GetProperty("max").GetDouble().Should().Be(0.09);

        // And each of the 2 self-hosted × 2 API pairs has its ranges, equal to a direct library run with the same seed
        var direct = new MonteCarloSimulator(PricingCatalog.Default).Run(BundledScenarios.Load("customer-service"), new MonteCarloOptions { Trials = 300, Seed = 5 });
        var pairs = u.GetProperty("pairs");
        pairs.GetArrayLength().Should().Be(4);
        for (var i = 0; i < 4; i++)
        {
            var pair = pairs[i];
            var expected = direct.Pair(pair.GetProperty("selfHostedOption").GetString()!, pair.GetProperty("apiOption").GetString()!);
            pair.GetProperty("neverBreaksEvenShare").GetDouble().Should().Be(expected.NeverBreaksEvenShare);
            var npv = pair.GetProperty("npvDifference").GetProperty("percentiles");
            npv.EnumerateArray().Select(p => p.GetProperty("p").GetDouble()).Should().Equal(0.1, 0.5, 0.9);
            npv[1].GetProperty("value").GetDouble().Should().Be(expected.NpvDifference.P50!.Value);
            npv[0].GetProperty("value").GetDouble().Should().BeLessThanOrEqualTo(npv[2].GetProperty("value").GetDouble());
            pair.GetProperty("probabilityCheaperByMonth").GetArrayLength().Should().Be(36);
            pair.GetProperty("cumulativeDifferenceByMonth").GetArrayLength().Should().Be(36);
        }

        // And the tornado ranks the inputs for every pair
        var tornado = u.GetProperty("tornado");
        tornado.GetArrayLength().Should().Be(4);
        var bars = tornado[0].GetProperty("byNpvDifference").EnumerateArray().Select(b => b.GetProperty("npvDifferenceSwing").GetDouble()).ToList();
        bars.Should().HaveCount(5).And.BeInDescendingOrder();
    }

    [Fact]
    public async Task Run_AsJsonWithoutUncertainty_HasNoUncertaintyProperty()
    {
        var (exit, stdout, stderr) = await Run("run", "startup-budget", "--json");

        exit.Should().Be(0, stderr);
        using var json = JsonDocument.Parse(stdout);
        json.RootElement.TryGetProperty("uncertainty", out _).Should().BeFalse();
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
