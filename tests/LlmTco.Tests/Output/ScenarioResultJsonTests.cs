using System.Text.Json;
using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Tests.Uncertainty;
using LlmTco.Timeline;
using LlmTco.Uncertainty;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Output;

/// <summary>
/// The JSON writer checked name by name against docs/output.md: every property of the result is
/// written under its documented name, in the documented order, with the value the result holds.
/// </summary>
public sealed class ScenarioResultJsonTests
{
    private const double SetupMin = 30_400;
    private const double SetupMode = 60_800;
    private const double SetupMax = 91_200;

    private static readonly string[] SummaryNames = ["count", "mean", "percentiles"];

    private static readonly string[] BarNames =
    [
        "path", "label", "lowInputValue", "highInputValue", "breakEvenMonthsFromStartAtLow", "breakEvenMonthsFromStartAtHigh",
        "npvDifferenceAtLow", "npvDifferenceAtHigh", "breakEvenMonthSwing", "npvDifferenceSwing",
    ];

    /// <summary>
    /// The constant-saving scenario (setup cost + 7,300 a month self-hosted against 22,500 a month API) with four more
    /// uncertain inputs, one of each remaining distribution kind. At their medians they leave the costs as they are: the
    /// normal price is symmetric about 10, the lognormal request count has median 10⁸ (rounded to a whole number), the
    /// utilisation does not change the single replica a throughput of 10⁹ tokens/s needs, and the point fee is 0.
    /// </summary>
    private static Scenario FiveInputs(int trials = 30) => UncertaintyScenarios.ConstantSaving(Distribution.Point(0), trials) with
    {
        Uncertainty = new UncertaintySettings
        {
            Trials = trials,
            Seed = 3,
            Inputs =
            [
                new UncertainInput { Path = "selfHostedOptions[0].people.setupCost", Label = "setup cost", Distribution = Distribution.Triangular(SetupMin, SetupMode, SetupMax) },
                new UncertainInput { Path = "selfHostedOptions[0].rented.pricePerGpuHour", Distribution = Distribution.Normal(10, 0.5, min: 9, max: 11) },
                new UncertainInput { Path = "workload.profiles[0].monthlyRequests", Distribution = Distribution.LogNormalFromMedian(100_000_000, 0.05) },
                new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.7) },
                new UncertainInput { Path = "apiOptions[0].monthlyFee", Label = "API fee", Distribution = Distribution.Point(0) },
            ],
        },
    };

    [Fact]
    public void Serialize_UncertaintySection_WritesEveryFigureUnderItsDocumentedNameInOrder()
    {
        // Given a Monte Carlo run through the engine with extra percentiles and a monthly-percentile sample other than the default
        var scenario = FiveInputs();
        var simulator = new MonteCarloSimulator(Engine);
        var mc = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine, Percentiles = [0.05, 0.5, 0.95], MonthlyPercentileTrials = 10 });
        var tornado = simulator.Tornado(scenario);

        // When
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(Engine.Evaluate(scenario), mc, tornado));

        // Then the section has the documented properties, in order, with the run's figures
        var u = json.RootElement.GetProperty("uncertainty");
        Names(u).Should().Equal("trials", "seed", "evaluation", "monthlyPercentileTrials", "percentiles", "inputs", "pairs", "options", "tornado");
        u.GetProperty("trials").GetInt32().Should().Be(30);
        u.GetProperty("seed").GetInt64().Should().Be(3);
        u.GetProperty("evaluation").GetString().Should().Be("engine");
        u.GetProperty("monthlyPercentileTrials").GetInt32().Should().Be(10);
        Numbers(u.GetProperty("percentiles")).Should().Equal(0.05, 0.1, 0.5, 0.9, 0.95); // P10, P50 and P90 are always reported

        // Each input with its path, its label (the path when there is none) and only its own distribution parameters
        var inputs = u.GetProperty("inputs").EnumerateArray().ToList();
        inputs.Should().HaveCount(5);
        inputs.Should().AllSatisfy(i => Names(i).Should().Equal("path", "label", "distribution"));
        inputs.Select(i => i.GetProperty("path").GetString()).Should().Equal(scenario.Uncertainty!.Inputs.Select(i => i.Path));
        inputs.Select(i => i.GetProperty("label").GetString()).Should().Equal(
            "setup cost", "selfHostedOptions[0].rented.pricePerGpuHour", "workload.profiles[0].monthlyRequests", "selfHostedOptions[0].targetUtilization", "API fee");
        var distributions = inputs.Select(i => i.GetProperty("distribution")).ToList();
        Names(distributions[0]).Should().Equal("kind", "min", "mode", "max");
        distributions[0].GetProperty("kind").GetString().Should().Be("triangular");
        new[] { "min", "mode", "max" }.Select(n => distributions[0].GetProperty(n).GetDouble()).Should().Equal(SetupMin, SetupMode, SetupMax);
        Names(distributions[1]).Should().Equal("kind", "min", "max", "mean", "standardDeviation");
        distributions[1].GetProperty("kind").GetString().Should().Be("normal");
        new[] { "min", "max", "mean", "standardDeviation" }.Select(n => distributions[1].GetProperty(n).GetDouble()).Should().Equal(9, 11, 10, 0.5);
        Names(distributions[2]).Should().Equal("kind", "mu", "sigma");
        distributions[2].GetProperty("kind").GetString().Should().Be("lognormal");
        distributions[2].GetProperty("mu").GetDouble().Should().Be(Math.Log(100_000_000));
        distributions[2].GetProperty("sigma").GetDouble().Should().Be(0.05);
        Names(distributions[3]).Should().Equal("kind", "min", "max");
        distributions[3].GetProperty("kind").GetString().Should().Be("uniform");
        distributions[3].GetProperty("min").GetDouble().Should().Be(0.5);
        distributions[3].GetProperty("max").GetDouble().Should().Be(0.7);
        Names(distributions[4]).Should().Equal("kind", "value");
        distributions[4].GetProperty("kind").GetString().Should().Be("point");
        distributions[4].GetProperty("value").GetDouble().Should().Be(0);

        // The one pair, every summary written as the result holds it
        var pair = u.GetProperty("pairs").EnumerateArray().Single();
        var expected = mc.Pairs.Single();
        Names(pair).Should().Equal(
            "selfHostedOption", "apiOption", "breakEvenMonthsFromStart", "neverBreaksEvenShare", "cheaperFromStartShare",
            "breakEvenVolumeTokensPerMonth", "npvDifference", "probabilityCheaperByMonth", "cumulativeDifferenceByMonth");
        pair.GetProperty("selfHostedOption").GetString().Should().Be("Model-8B");
        pair.GetProperty("apiOption").GetString().Should().Be("Acme Mini");
        ShouldBe(pair.GetProperty("breakEvenMonthsFromStart"), expected.BreakEvenMonth);
        pair.GetProperty("neverBreaksEvenShare").GetDouble().Should().Be(expected.NeverBreaksEvenShare);
        pair.GetProperty("cheaperFromStartShare").GetDouble().Should().Be(expected.CheaperFromStartShare);
        ShouldBe(pair.GetProperty("breakEvenVolumeTokensPerMonth"), expected.BreakEvenVolumeTokensPerMonth);
        ShouldBe(pair.GetProperty("npvDifference"), expected.NpvDifference);
        Numbers(pair.GetProperty("probabilityCheaperByMonth")).Should().Equal(expected.ProbabilityCheaperByMonth);
        var byMonth = pair.GetProperty("cumulativeDifferenceByMonth").EnumerateArray().ToList();
        byMonth.Should().HaveCount(12);
        for (var m = 0; m < 12; m++)
        {
            ShouldBe(byMonth[m], expected.CumulativeDifferenceByMonth[m]);
        }

        // The monthly summaries are over the first monthlyPercentileTrials trials, the others over all of them
        byMonth[0].GetProperty("count").GetInt32().Should().Be(10);
        pair.GetProperty("npvDifference").GetProperty("count").GetInt32().Should().Be(30);

        // Each option with its NPV and cost per million tokens at the horizon
        var options = u.GetProperty("options").EnumerateArray().ToList();
        options.Select(o => o.GetProperty("name").GetString()).Should().Equal(mc.Options.Select(o => o.Name));
        for (var i = 0; i < options.Count; i++)
        {
            Names(options[i]).Should().Equal("name", "npv", "costPerMillionTokensAtHorizon");
            ShouldBe(options[i].GetProperty("npv"), mc.Options[i].Npv);
            ShouldBe(options[i].GetProperty("costPerMillionTokensAtHorizon"), mc.Options[i].CostPerMillionTokensAtHorizon);
        }
    }

    [Fact]
    public void Serialize_Tornado_WritesTheSetupCostBarAtItsHandCalculatedTenthAndNinetiethPercentiles()
    {
        // Given the five inputs, the others at their medians leave 7,300 against 22,500 a month: a saving of 15,200
        var scenario = FiveInputs();
        var simulator = new MonteCarloSimulator(Engine);
        var tornado = simulator.Tornado(scenario);

        // When
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(Engine.Evaluate(scenario), simulator.Run(scenario), tornado));

        // Then the pair's baseline is the setup cost at its mode (the median of a symmetric triangle): 60,800 ÷ 15,200 =
        // 4 months, and an NPV difference of 60,800 − 12 × 15,200 = −121,600 (no discounting)
        var pair = json.RootElement.GetProperty("uncertainty").GetProperty("tornado").EnumerateArray().Single();
        Names(pair).Should().Equal("selfHostedOption", "apiOption", "baselineBreakEvenMonthsFromStart", "baselineNpvDifference", "byBreakEvenMonth", "byNpvDifference");
        pair.GetProperty("selfHostedOption").GetString().Should().Be("Model-8B");
        pair.GetProperty("apiOption").GetString().Should().Be("Acme Mini");
        pair.GetProperty("baselineBreakEvenMonthsFromStart").GetDouble().Should().BeApproximately(4, 1e-9);
        pair.GetProperty("baselineNpvDifference").GetDouble().Should().BeApproximately(-121_600, 1e-6);

        // And the setup bar: the triangle's P10 is min + √(0.1 × (max − min) × (mode − min)) = 30,400 + √(0.1 × 60,800 ×
        // 30,400) = 30,400 + 13,595.293…, its P90 is max − the same root = 77,604.706…; break-even at setup ÷ 15,200 and an
        // NPV difference of setup − 182,400
        var root = Math.Sqrt(0.1 * 60_800 * 30_400);
        var (low, high) = (SetupMin + root, SetupMax - root);
        foreach (var ranking in new[] { "byBreakEvenMonth", "byNpvDifference" })
        {
            var bars = pair.GetProperty(ranking).EnumerateArray().ToList();
            bars.Should().HaveCount(5);
            bars.Should().AllSatisfy(b => Names(b).Should().Equal(BarNames));
            var setup = bars.Single(b => b.GetProperty("path").GetString() == "selfHostedOptions[0].people.setupCost");
            setup.GetProperty("label").GetString().Should().Be("setup cost");
            setup.GetProperty("lowInputValue").GetDouble().Should().BeApproximately(low, 1e-6);
            setup.GetProperty("highInputValue").GetDouble().Should().BeApproximately(high, 1e-6);
            setup.GetProperty("breakEvenMonthsFromStartAtLow").GetDouble().Should().BeApproximately(low / 15_200, 1e-9);
            setup.GetProperty("breakEvenMonthsFromStartAtHigh").GetDouble().Should().BeApproximately(high / 15_200, 1e-9);
            setup.GetProperty("npvDifferenceAtLow").GetDouble().Should().BeApproximately(low - 182_400, 1e-6);
            setup.GetProperty("npvDifferenceAtHigh").GetDouble().Should().BeApproximately(high - 182_400, 1e-6);
            setup.GetProperty("breakEvenMonthSwing").GetDouble().Should().BeApproximately((high - low) / 15_200, 1e-9);
            setup.GetProperty("npvDifferenceSwing").GetDouble().Should().BeApproximately(high - low, 1e-6);

            // The point-valued fee moves nothing: low = high = 0, both ends at the baseline
            var fee = bars.Single(b => b.GetProperty("label").GetString() == "API fee");
            fee.GetProperty("lowInputValue").GetDouble().Should().Be(0);
            fee.GetProperty("highInputValue").GetDouble().Should().Be(0);
            fee.GetProperty("breakEvenMonthsFromStartAtLow").GetDouble().Should().BeApproximately(4, 1e-9);
            fee.GetProperty("breakEvenMonthSwing").GetDouble().Should().Be(0);
        }
    }

    [Fact]
    public void Serialize_KernelRun_WritesKernelAsItsEvaluation()
    {
        var scenario = FiveInputs();

        var mc = new MonteCarloSimulator(Engine).Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(Engine.Evaluate(scenario), mc, tornado: null));

        mc.Evaluation.Should().Be(TrialEvaluation.Kernel);
        json.RootElement.GetProperty("uncertainty").GetProperty("evaluation").GetString().Should().Be("kernel");
    }

    [Fact]
    public void Serialize_OptionsAndAssumptions_WriteTheDocumentedWordsAndNullsForMissingValues()
    {
        // Given the growing scenario: two API options, a rented option sized from the benchmark table and an owned one
        var result = Engine.Evaluate(UncertaintyScenarios.Growing());

        // When
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(result));

        // Then each option's kind and throughput source are the documented words (docs/output.md)
        var options = json.RootElement.GetProperty("options").EnumerateArray().ToList();
        options.Select(o => o.GetProperty("kind").GetString()).Should().Equal("api", "api", "self-hosted", "self-hosted");
        var throughputWords = new Dictionary<ThroughputSource, string>
        {
            [ThroughputSource.Benchmark] = "benchmark",
            [ThroughputSource.RooflineEstimate] = "roofline-estimate",
            [ThroughputSource.Given] = "given",
            [ThroughputSource.BenchmarkAdjusted] = "benchmark-adjusted",
            [ThroughputSource.None] = "none",
        };
        options.Select(o => o.GetProperty("throughputSource").GetString()).Should().Equal(result.Options.Select(o => throughputWords[o.ThroughputSource]));
        options[0].GetProperty("throughputSource").GetString().Should().Be("none");

        // And each assumption is written with its option (null for a scenario-wide one), its kind's word and its source
        var kindWords = new Dictionary<AssumptionKind, string>
        {
            [AssumptionKind.TableRow] = "table-row",
            [AssumptionKind.Estimate] = "estimate",
            [AssumptionKind.Choice] = "choice",
            [AssumptionKind.Warning] = "warning",
        };
        var assumptions = json.RootElement.GetProperty("assumptions").EnumerateArray().ToList();
        assumptions.Should().HaveCount(result.Assumptions.Count);
        for (var i = 0; i < assumptions.Count; i++)
        {
            var a = result.Assumptions[i];
            Names(assumptions[i]).Should().Equal("option", "kind", "text", "sourceUrl");
            assumptions[i].GetProperty("option").GetString().Should().Be(a.Option);
            assumptions[i].GetProperty("kind").GetString().Should().Be(kindWords[a.Kind]);
            assumptions[i].GetProperty("text").GetString().Should().Be(a.Text);
            assumptions[i].GetProperty("sourceUrl").GetString().Should().Be(a.SourceUrl?.OriginalString);
        }

        // The run must have both a null and a set option and source for the check above to test both ways
        result.Assumptions.Should().Contain(a => a.Option == null).And.Contain(a => a.Option != null);
        result.Assumptions.Should().Contain(a => a.SourceUrl == null).And.Contain(a => a.SourceUrl != null);
    }

    [Fact]
    public void Serialize_EveryThroughputSource_WritesItsWordAndTheRooflineEstimateAssumption()
    {
        // Given Model-8B three ways: from the BF16 benchmark row, in FP8 (no benchmark row: a roofline estimate, see
        // SelfHostedCostModelTests) and with a throughput given in the scenario
        var benchmark = TestScenarios.RentedModel8B;
        var roofline = benchmark with { Name = "FP8", Precision = NumericPrecision.Fp8 };
        var given = benchmark with { Name = "Given", ReplicaThroughputTokensPerSecond = 5_000 };
        var result = Engine.Evaluate(ThreeMonths(benchmark, roofline, given));

        // When
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(result));

        // Then the API option has none, and each self-hosted option the documented word for its source
        var options = json.RootElement.GetProperty("options").EnumerateArray().ToList();
        options.Select(o => o.GetProperty("throughputSource").GetString()).Should().Equal("none", "benchmark", "roofline-estimate", "given");
        json.RootElement.GetProperty("assumptions").EnumerateArray()
            .Should().Contain(a => a.GetProperty("option").GetString() == "FP8" && a.GetProperty("kind").GetString() == "estimate");
    }

    [Theory]
    [InlineData(BreakEvenOutcome.CheaperFromStart, "cheaper-from-start")]
    [InlineData(BreakEvenOutcome.BreaksEven, "breaks-even")]
    [InlineData(BreakEvenOutcome.NeverWithinHorizon, "never-within-horizon")]
    public void OutcomeWord_EachOutcome_IsTheReadmesWord(BreakEvenOutcome outcome, string word)
    {
        ScenarioResultJson.OutcomeWord(outcome).Should().Be(word);
    }

    [Fact]
    public void Serialize_Header_WritesTheScenarioAndItsDatesAsIsoDates()
    {
        // Given the three months from 2025-05-01 with one API and one self-hosted option
        var result = Engine.Evaluate(ThreeMonths(TestScenarios.RentedModel8B));

        // When
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(result));

        // Then
        var root = json.RootElement;
        Names(root).Should().Equal("formatVersion", "scenario", "startDate", "horizonMonths", "currency", "yearlyDiscountRate", "costView", "options", "breakEvens", "assumptions");
        root.GetProperty("scenario").GetString().Should().Be("three months");
        root.GetProperty("startDate").GetString().Should().Be("2025-05-01");
        root.GetProperty("horizonMonths").GetInt32().Should().Be(3);
        root.GetProperty("currency").GetString().Should().Be("USD");
        root.GetProperty("costView").GetString().Should().Be("cash");
        root.GetProperty("options")[0].GetProperty("months").EnumerateArray().Select(m => m.GetProperty("startDate").GetString())
            .Should().Equal("2025-05-01", "2025-06-01", "2025-07-01");
        root.GetProperty("breakEvens")[0].GetProperty("volume").GetProperty("priceDate").GetString().Should().MatchRegex("^[0-9]{4}-[0-9]{2}-[0-9]{2}$");
    }

    [Fact]
    public void Serialize_IsIndentedTwoSpacesAProperty()
    {
        var text = ScenarioResultJson.Serialize(Engine.Evaluate(UncertaintyScenarios.ConstantSaving(Distribution.Point(0))));

        text.Should().StartWith("{" + Environment.NewLine + "  \"formatVersion\": 1," + Environment.NewLine);
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        var result = Engine.Evaluate(UncertaintyScenarios.ConstantSaving(Distribution.Point(0)));

        FluentActions.Invoking(() => ScenarioResultJson.Write(null!, result)).Should().Throw<ArgumentNullException>().WithParameterName("stream");
        FluentActions.Invoking(() => ScenarioResultJson.Write(new MemoryStream(), null!)).Should().Throw<ArgumentNullException>().WithParameterName("result");
        FluentActions.Invoking(() => ScenarioResultJson.Serialize(null!)).Should().Throw<ArgumentNullException>().WithParameterName("result");
    }

    private static IEnumerable<string> Names(JsonElement element) => element.EnumerateObject().Select(p => p.Name);

    private static IEnumerable<double> Numbers(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble());

    private static double? NumberOrNull(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetDouble();

    private static void ShouldBe(JsonElement written, PercentileSummary summary)
    {
        Names(written).Should().Equal(SummaryNames);
        written.GetProperty("count").GetInt32().Should().Be(summary.Count);
        NumberOrNull(written.GetProperty("mean")).Should().Be(summary.Mean);
        var values = written.GetProperty("percentiles").EnumerateArray().ToList();
        values.Should().AllSatisfy(v => Names(v).Should().Equal("p", "value"));
        values.Select(v => (v.GetProperty("p").GetDouble(), NumberOrNull(v.GetProperty("value"))))
            .Should().Equal(summary.Values.Select(v => (v.Percentile, v.Value)));
    }
}
