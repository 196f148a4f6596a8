using LlmTco.Api;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Timeline;

/// <summary>The engine end to end on the test tables, every expected figure worked out by hand in the comments.</summary>
public sealed class TcoEngineTests
{
    [Fact]
    public void Evaluate_ApiOption_BillsEachMonthAtThePriceInForceOnItsFirstDay()
    {
        // Given 1e9 input tokens a month (2e8 cache reads, 8e8 uncached) and 5e8 output tokens, half batchable at 50 % off
        var result = Engine.Evaluate(ThreeMonths());
        var api = result.Option("Acme Large");

        // May and June (the cut is on 2025-06-10, after June's first day): 10 in, 2.5 cached, 40 out per 1M
        //   (8e8 × 10 + 2e8 × 2.5 + 5e8 × 40) / 1e6 = 8,000 + 500 + 20,000 = 28,500; × (1 − 0.5 × 0.5) = 21,375
        // July: 2 in, 0.5 cached, 8 out: (1,600 + 100 + 4,000) × 0.75 = 4,275
        api.Months.Select(m => m.Cost(CostLine.ApiUsage)).Should().Equal([21_375, 21_375, 4_275], (a, b) => Math.Abs(a - b) < 1e-9);
        api.Months.Select(m => m.Cumulative).Should().Equal([21_375, 42_750, 47_025], (a, b) => Math.Abs(a - b) < 1e-9);
        api.TotalCost.Should().BeApproximately(47_025, 1e-9);

        // Cost per million tokens in May: 21,375 / 1,500 = 14.25
        api.Months[0].CostPerMillionTokens.Should().BeApproximately(14.25, 1e-12);
    }

    [Fact]
    public void Evaluate_RentedSelfHosted_SizesOneReplicaFromTheBenchmarkRow()
    {
        var result = Engine.Evaluate(ThreeMonths(RentedModel8B));
        var self = result.Option("Model-8B on GPU-A");

        // Memory: 8e9 parameters × 2 bytes = 16 GB of weights; KV per token = 2 × 32 layers × 8 heads × 128 × 2 bytes
        // = 131,072 B; 32 sequences × 1,500 tokens × 131,072 B = 6.29 GB; 22.3 GB ≤ 80 GB × 0.9 = 72 GB: 1 GPU.
        self.GpusPerReplica.Should().Be(1);

        // Throughput: the one benchmark row, 2,000 output tokens/s. Peak need = 5e8 / 2,628,000 s = 190.26 tokens/s,
        // ÷ (2,000 × 0.7) = 0.136 → 1 replica. Rent: 1 GPU × 730 h × 2.5 = 1,825 a month.
        self.ThroughputSource.Should().Be(ThroughputSource.Benchmark);
        self.ReplicaThroughputTokensPerSecond.Should().Be(2000);
        self.Months.Should().OnlyContain(m => m.Replicas == 1 && m.Gpus == 1);
        self.Months.Select(m => m.Cost(CostLine.GpuRental)).Should().OnlyContain(c => Math.Abs(c - 1825) < 1e-9);
        self.Months[0].Utilization.Should().BeApproximately(190.25875190258752 / 2000, 1e-12);
    }

    [Fact]
    public void Evaluate_SetupCost_BreaksEvenInsideMonthTwo()
    {
        // Given a 30,000 setup cost: self-hosted cumulative 31,825 / 33,650 / 35,475 against 21,375 / 42,750 / 47,025
        var option = RentedModel8B with { People = new PeopleCosts { SetupCost = 30_000 } };

        var breakEven = Engine.Evaluate(ThreeMonths(option)).BreakEvens.Single();

        // Month 1 end: 10,450 dearer; month 2 end: 9,100 cheaper. Fraction 10,450 / 19,550 = 0.534527 into month 2.
        breakEven.Nominal.Outcome.Should().Be(BreakEvenOutcome.BreaksEven);
        breakEven.Nominal.MonthsFromStart.Should().BeApproximately(1 + (10_450.0 / 19_550), 1e-12);
        breakEven.Nominal.Month.Should().Be(2);
        breakEven.Nominal.CumulativeCost.Should().BeApproximately(31_825 + (10_450.0 / 19_550 * 1_825), 1e-9);
    }

    [Fact]
    public void Evaluate_NoSetupCost_IsCheaperFromTheStart_AndHugeSetupNeverBreaksEven()
    {
        Engine.Evaluate(ThreeMonths(RentedModel8B)).BreakEvens.Single().Nominal
            .Should().Be(new BreakEvenPoint(BreakEvenOutcome.CheaperFromStart, 0, 0));

        var never = RentedModel8B with { People = new PeopleCosts { SetupCost = 1_000_000 } };
        Engine.Evaluate(ThreeMonths(never)).BreakEvens.Single().Nominal
            .Should().Be(new BreakEvenPoint(BreakEvenOutcome.NeverWithinHorizon, null, null));
    }

    [Fact]
    public void Evaluate_BreakEvenVolume_IsWhereOneReplicaCostsWhatTheApiCharges()
    {
        var volume = Engine.Evaluate(ThreeMonths(RentedModel8B)).BreakEvens.Single().Volume;

        // Steady state at May prices: the API charges 21,375 for the 1.5e9-token month-1 mix (linear in volume);
        // one replica costs 1,825 and carries 1,400 / 190.26 = 7.36 times month 1's volume.
        // Equal at scale 1,825 / 21,375 = 0.0853801, i.e. 0.0853801 × 1.5e9 = 128,070,175 tokens a month.
        // The second replica starts at 7.36 × 1.5e9 tokens, where the API costs 157,286 > 3,650: no other crossing.
        volume.Crossings.Should().ContainSingle();
        volume.Crossings[0].SelfHostedCheaperAbove.Should().BeTrue();
        volume.Crossings[0].TokensPerMonth.Should().BeApproximately(1_825.0 / 21_375 * 1.5e9, 1e-3);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(1_825.0 / 21_375 * 1.5e9, 1e-3);
    }

    [Fact]
    public void Evaluate_DiscountRate_WeighsMonthMByOnePlusRToTheMinusMOverTwelve()
    {
        var scenario = ThreeMonths() with { YearlyDiscountRate = 0.12 };

        var api = Engine.Evaluate(scenario).Option("Acme Large");

        // NPV = 21,375 × 1.12^(−1/12) + 21,375 × 1.12^(−2/12) + 4,275 × 1.12^(−3/12)
        var expected = (21_375 * Math.Pow(1.12, -1 / 12.0)) + (21_375 * Math.Pow(1.12, -2 / 12.0)) + (4_275 * Math.Pow(1.12, -3 / 12.0));
        api.Npv.Should().BeApproximately(expected, 1e-9);
        expected.Should().BeApproximately(46_304.7, 0.1, "by hand: 21,375 × 0.990600 + 21,375 × 0.981289 + 4,275 × 0.972065 = 21,174.1 + 20,975.0 + 4,155.6");
    }

    [Fact]
    public void Evaluate_InvalidScenario_ListsEveryProblemWithItsPath()
    {
        var scenario = ThreeMonths(RentedModel8B with { TargetUtilization = 0 }) with { HorizonMonths = 0 };

        var act = () => Engine.Evaluate(scenario);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().BeEquivalentTo(
        [
            new ScenarioError("$.horizonMonths", "0", "must be a whole number of months from 1 to 600"),
            new ScenarioError("$.selfHostedOptions[0].targetUtilization", "0", "must be greater than 0 and at most 1"),
        ]);
    }

    [Fact]
    public void Constructor_NullCatalog_Throws()
    {
        var act = () => new TcoEngine(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("catalog");
    }

    [Fact]
    public void Evaluate_NullScenario_Throws()
    {
        var act = () => Engine.Evaluate(null!);

        act.Should().Throw<ArgumentNullException>().WithParameterName("scenario");
    }

    [Fact]
    public void Evaluate_AnyScenario_StatesHorizonHoursAndCurrency_AndMonthsAreNumberedFromOne()
    {
        var result = Engine.Evaluate(ThreeMonths());

        // The first assumption states the choices every figure rests on
        result.Assumptions[0].Should().Match<Assumption>(a => a.Option == null && a.Kind == AssumptionKind.Choice);
        result.Assumptions[0].Text.Should().ContainAll("3 months from 2025-05-01", "730 hours a month", "USD");
        result.Option("Acme Large").Months.Select(m => m.Month).Should().Equal(1, 2, 3);
    }

    [Fact]
    public void Evaluate_DiscountRate_IsStatedOnlyWhenPositive()
    {
        var discounted = Engine.Evaluate(ThreeMonths() with { YearlyDiscountRate = 0.12 });
        var plain = Engine.Evaluate(ThreeMonths());

        discounted.Assumptions.Should().ContainSingle(a => a.Text.StartsWith("NPV", StringComparison.Ordinal))
            .Which.Text.Should().Contain("12.0");
        plain.Assumptions.Should().NotContain(a => a.Text.StartsWith("NPV", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_TwoApiOptions_ComparesSelfHostingWithEachOnItsOwnCosts()
    {
        // Given Model-8B (1,825 a month) against Acme Large (21,375 / 21,375 / 4,275) and Acme Mini on the chat profile:
        // acme-mini has no cache price or batch discount, (1e9 × 0.075 + 5e8 × 0.3) / 1e6 = 75 + 150 = 225 a month
        var mini = new ApiOption { Name = "Acme Mini", Provider = "acme", Model = "acme-mini" };
        var result = Engine.Evaluate(ThreeMonths(RentedModel8B) with { ApiOptions = [AcmeLarge, mini] });

        // Then self-hosting is cheaper than Acme Large from the start, and never catches up with Acme Mini
        result.BreakEvens.Select(b => (b.ApiOption, b.Nominal.Outcome)).Should().Equal(
            ("Acme Large", BreakEvenOutcome.CheaperFromStart), ("Acme Mini", BreakEvenOutcome.NeverWithinHorizon));
    }

    [Fact]
    public void Evaluate_BreakEvenVolume_SearchesTenTimesTheBusiestMonthsTokens()
    {
        // Given 1e6, 1e8 and 1e6 chat requests (1,500 tokens each): the busiest month has 1e8 × 1,500 = 1.5e11 tokens
        var scenario = ThreeMonths(RentedModel8B) with
        {
            Workload = new Workload { Profiles = [Chat with { Growth = GrowthRule.Series(1e6, 1e8, 1e6) }] },
        };

        var volume = Engine.Evaluate(scenario).BreakEvens.Single().Volume;

        // Then the search reaches 10 × 1.5e11 = 1.5e12 tokens: more than the stairs need (a replica carries
        // 7.36 × 1.5e9 = 1.1e10 tokens; the last stair to check is the 3rd, so 4 × 1.1e10 = 4.4e10)
        volume.SearchedUpToTokensPerMonth.Should().Be(1.5e12);
    }

    [Fact]
    public void Evaluate_DiscountRate_DiscountsEachMonthsTotal()
    {
        var api = Engine.Evaluate(ThreeMonths() with { YearlyDiscountRate = 0.12 }).Option("Acme Large");

        // Month 1: 21,375 × 1.12^(−1/12) = 21,375 × 0.990600 = 21,174.1; month 3: 4,275 × 1.12^(−3/12) = 4,155.6
        api.Months[0].DiscountedTotal.Should().BeApproximately(21_375 * Math.Pow(1.12, -1 / 12.0), 1e-9);
        api.Months[2].DiscountedTotal.Should().BeApproximately(4_275 * Math.Pow(1.12, -3 / 12.0), 1e-9);
        api.Months[0].DiscountedTotal.Should().BeApproximately(21_174.1, 0.1);
    }

    [Fact]
    public void Evaluate_MonthWithoutTokens_HasNoCostPerMillionTokens()
    {
        // Given no requests in month 1 and the chat volume in month 2
        var scenario = ThreeMonths() with { HorizonMonths = 2, Workload = new Workload { Profiles = [Chat with { Growth = GrowthRule.Series(0, 1e6) }] } };

        var api = Engine.Evaluate(scenario).Option("Acme Large");

        // Then month 1 has no cost per token to report; month 2: 21,375 / 1,500 = 14.25 per 1M
        api.Months[0].CostPerMillionTokens.Should().BeNull();
        api.Months[1].CostPerMillionTokens.Should().BeApproximately(14.25, 1e-12);
    }

    [Fact]
    public void Option_UnknownName_ThrowsKeyNotFoundListingTheOptions()
    {
        var result = Engine.Evaluate(ThreeMonths(RentedModel8B));

        var act = () => result.Option("Nope");

        // The options are listed as Options documents them: API options first, in the scenario's order
        act.Should().Throw<KeyNotFoundException>().WithMessage("No option named 'Nope'; the options are: Acme Large, Model-8B on GPU-A.");
    }
}
