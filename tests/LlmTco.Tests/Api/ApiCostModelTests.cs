using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Api;

/// <summary>
/// The API bill of docs/methodology.md (section 3, "API cost") through <see cref="TcoEngine.Evaluate"/> on the
/// in-memory test tables; every expected figure is worked out by hand in the comments.
/// </summary>
/// <remarks>
/// Test prices per 1M tokens: acme-mini from 2025-01-01, open-ended: input 0.075, output 0.3, no cache price, no batch
/// discount; above 200,000 input tokens per request: 0.15 / 0.6. acme-large: 10 / 2.5 cached / 40 with 50 % batch
/// discount until 2025-06-10, then 2 / 0.5 / 8 (open-ended).
/// </remarks>
public sealed class ApiCostModelTests
{
    private const double Tolerance = 1e-9;

    /// <summary>A model with every cache price: input 3, cache read 0.3, cache write 3.75, output 15; no batch discount.</summary>
    private const string CachyRow = "acme,acme-cachy,,standard,0,2025-01-01,,USD,3,0.3,3.75,15,,,,,https://example.com/acme,2026-11-29";

    /// <summary>A model with a per-request fee: input 1, output 2, 50 % batch discount, 0.01 per request.</summary>
    private const string SearchRow = "acme,acme-search,,standard,0,2025-01-01,,USD,1,,,2,,0.5,0.01,,https://example.com/acme,2026-11-29";

    private static readonly TcoEngine EngineWithExtraModels = new(PricingCatalog.Load(PricingSource.InMemory(
        TestTables.With("api_prices.csv", TestTables.Valid()["api_prices.csv"] + TestTables.Lines(CachyRow, SearchRow)))));

    private static ApiOption AcmeMini { get; } = new() { Name = "Acme Mini", Provider = "acme", Model = "acme-mini" };

    /// <summary>1e6 requests of 1,000 input and 500 output tokens, no cache, no batch: on acme-mini (1e9 × 0.075 + 5e8 × 0.3) / 1e6 = 75 + 150 = 225.</summary>
    private static TrafficProfile Plain { get; } = new() { Name = "plain", MonthlyRequests = 1e6, InputTokensPerRequest = 1000, OutputTokensPerRequest = 500 };

    private static Scenario ApiOnly(ApiOption option, DateOnly start, int months, params TrafficProfile[] profiles) => new()
    {
        Name = "api",
        StartDate = start,
        HorizonMonths = months,
        Workload = new Workload { Profiles = profiles },
        ApiOptions = [option],
    };

    private static double[] Line(OptionResult option, CostLine line) => option.Months.Select(m => m.Cost(line)).ToArray();

    // ---- Context tiers ----

    [Fact]
    public void Evaluate_InputAboveContextThreshold_BillsTheWholeRequestAtTheTierPrice()
    {
        // Given 1,000 requests of 250,000 input (above 200,000) and 1,000 output tokens on acme-mini
        var profile = new TrafficProfile { Name = "long", MonthlyRequests = 1000, InputTokensPerRequest = 250_000, OutputTokensPerRequest = 1000 };

        // When
        var api = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 1, profile)).Option("Acme Mini");

        // Then all 2.5e8 input tokens at 0.15 and 1e6 output at 0.6: 37.5 + 0.6 = 38.1
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(38.1, Tolerance);
    }

    [Fact]
    public void Evaluate_InputExactlyAtContextThreshold_BillsTheBasePrice()
    {
        // Given 1,000 requests of exactly 200,000 input tokens: not above the threshold
        var profile = new TrafficProfile { Name = "edge", MonthlyRequests = 1000, InputTokensPerRequest = 200_000, OutputTokensPerRequest = 1000 };

        // When
        var api = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 1, profile)).Option("Acme Mini");

        // Then 2e8 × 0.075 + 1e6 × 0.3 = 15 + 0.3 = 15.3
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(15.3, Tolerance);
    }

    [Fact]
    public void Evaluate_TwoProfiles_PicksTheContextTierPerProfile()
    {
        // Given the plain profile (225 at base prices) and the 250,000-token profile (38.1 at tier prices)
        var longProfile = new TrafficProfile { Name = "long", MonthlyRequests = 1000, InputTokensPerRequest = 250_000, OutputTokensPerRequest = 1000 };

        // When
        var api = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 1, Plain, longProfile)).Option("Acme Mini");

        // Then 225 + 38.1 = 263.1: the long profile does not drag the short one into the tier
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(263.1, Tolerance);
    }

    // ---- Cache prices ----

    [Fact]
    public void Evaluate_NoCachePrice_BillsCachedTokensAtTheInputPrice()
    {
        // Given acme-mini (no cached or cache-write price), half the input read from cache, 30 % written, 100 output
        var profile = Plain with { OutputTokensPerRequest = 100, CacheReadShare = 0.5, CacheWriteShare = 0.3 };

        // When
        var api = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 1, profile)).Option("Acme Mini");

        // Then all 1e9 input tokens at 0.075 = 75, plus 1e8 output × 0.3 = 30: 105 (as without a cache)
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(105, Tolerance);
    }

    [Fact]
    public void Evaluate_CacheReadAndWriteShares_BillEachAtItsOwnPrice()
    {
        // Given acme-cachy (3 input, 0.3 cache read, 3.75 cache write, 15 output), 60 % read, 10 % written, 200 output
        var profile = Plain with { OutputTokensPerRequest = 200, CacheReadShare = 0.6, CacheWriteShare = 0.1 };
        var option = new ApiOption { Name = "Cachy", Provider = "acme", Model = "acme-cachy" };

        // When
        var api = EngineWithExtraModels.Evaluate(ApiOnly(option, new DateOnly(2025, 7, 1), 1, profile)).Option("Cachy");

        // Then uncached 3e8 × 3 = 900; read 6e8 × 0.3 = 180; write 1e8 × 3.75 = 375; output 2e8 × 15 = 3,000 → 4,455
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(4_455, Tolerance);
    }

    [Fact]
    public void Evaluate_NoCacheWritePrice_BillsCacheWritesAtTheInputPrice()
    {
        // Given acme-large in May (10 input, 2.5 cached, no cache-write price, 40 output), 20 % read, 30 % written, no batch
        var profile = Plain with { CacheReadShare = 0.2, CacheWriteShare = 0.3 };

        // When
        var api = Engine.Evaluate(ApiOnly(AcmeLarge, new DateOnly(2025, 5, 1), 1, profile)).Option("Acme Large");

        // Then uncached 5e8 × 10 = 5,000; read 2e8 × 2.5 = 500; write 3e8 × 10 = 3,000; output 5e8 × 40 = 20,000 → 28,500
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(28_500, Tolerance);
    }

    // ---- Batch ----

    [Fact]
    public void Evaluate_BatchDiscountOverride_ReplacesTheRowsDiscount()
    {
        // Given the chat profile (half batchable) on acme-large, with a 20 % batch discount instead of the row's 50 %
        var option = AcmeLarge with { BatchDiscountFraction = 0.2 };

        // When
        var api = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option] }).Option("Acme Large");

        // Then May/June: 28,500 × (1 − 0.5 × 0.2) = 25,650; July: (1,600 + 100 + 4,000) × 0.9 = 5,130
        Line(api, CostLine.ApiUsage).Should().Equal([25_650, 25_650, 5_130], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_NoBatchDiscountInRow_BillsBatchTrafficInFullAndWarns()
    {
        // Given acme-cachy (no batch discount), half the requests batchable
        var profile = Plain with { OutputTokensPerRequest = 200, CacheReadShare = 0.6, CacheWriteShare = 0.1, BatchShare = 0.5 };
        var option = new ApiOption { Name = "Cachy", Provider = "acme", Model = "acme-cachy" };

        // When
        var result = EngineWithExtraModels.Evaluate(ApiOnly(option, new DateOnly(2025, 7, 1), 1, profile));

        // Then the full 4,455, and a warning says so
        result.Option("Cachy").Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(4_455, Tolerance);
        result.Assumptions.Should().Contain(a => a.Option == "Cachy" && a.Kind == AssumptionKind.Warning && a.Text.Contains("no published batch discount", StringComparison.Ordinal));

        // And an override of 0.5 discounts it: 4,455 × (1 − 0.5 × 0.5) = 3,341.25
        var discounted = EngineWithExtraModels.Evaluate(ApiOnly(option with { BatchDiscountFraction = 0.5 }, new DateOnly(2025, 7, 1), 1, profile));
        discounted.Option("Cachy").Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(3_341.25, Tolerance);
    }

    // ---- Per-request fee ----

    [Fact]
    public void Evaluate_PerRequestFee_IsAddedAfterTheBatchDiscount()
    {
        // Given acme-search (1 input, 2 output, 50 % batch, 0.01 per request), 1e5 requests of 100 in / 50 out, half batchable
        var profile = new TrafficProfile { Name = "search", MonthlyRequests = 1e5, InputTokensPerRequest = 100, OutputTokensPerRequest = 50, BatchShare = 0.5 };
        var option = new ApiOption { Name = "Search", Provider = "acme", Model = "acme-search" };

        // When
        var api = EngineWithExtraModels.Evaluate(ApiOnly(option, new DateOnly(2025, 7, 1), 1, profile)).Option("Search");

        // Then tokens (1e7 × 1 + 5e6 × 2) / 1e6 = 20, × (1 − 0.5 × 0.5) = 15; requests 1e5 × 0.01 = 1,000 → 1,015
        api.Months[0].Cost(CostLine.ApiUsage).Should().BeApproximately(1_015, Tolerance);
    }

    // ---- Fees and commitments ----

    [Fact]
    public void Evaluate_MonthlyFee_IsItsOwnLineEveryMonth()
    {
        // Given a 100 monthly platform fee on acme-large (usage 21,375 / 21,375 / 4,275, TcoEngineTests)
        var option = AcmeLarge with { MonthlyFee = 100 };

        // When
        var api = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option] }).Option("Acme Large");

        // Then fees 100 a month; totals 21,475 / 21,475 / 4,375
        Line(api, CostLine.ApiFees).Should().OnlyContain(c => c == 100);
        api.Months.Select(m => m.Total).Should().Equal([21_475, 21_475, 4_375], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_CommitmentAboveUsage_BillsTheShortfall()
    {
        // Given a 25,000 monthly commitment against usage 21,375 / 21,375 / 4,275
        var option = AcmeLarge with { MonthlyCommitment = 25_000 };

        // When
        var api = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option] }).Option("Acme Large");

        // Then shortfall = max(0, 25,000 − usage) = 3,625 / 3,625 / 20,725; the bill is max(usage, commitment) = 25,000
        Line(api, CostLine.ApiCommitmentShortfall).Should().Equal([3_625, 3_625, 20_725], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(api, CostLine.ApiUsage).Should().Equal([21_375, 21_375, 4_275], (a, b) => Math.Abs(a - b) < Tolerance);
        api.Months.Should().OnlyContain(m => Math.Abs(m.Total - 25_000) < Tolerance);
    }

    [Fact]
    public void Evaluate_CommitmentBelowUsage_HasNoShortfall()
    {
        // Given a 10,000 commitment
        var option = AcmeLarge with { MonthlyCommitment = 10_000 };

        // When
        var api = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option] }).Option("Acme Large");

        // Then max(0, 10,000 − 21,375) = 0 twice, then 10,000 − 4,275 = 5,725
        Line(api, CostLine.ApiCommitmentShortfall).Should().Equal([0, 0, 5_725], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    // ---- Yearly price decline ----

    [Fact]
    public void Evaluate_YearlyDecline_AppliesFromTheScenarioStartWhenThePriceWasCheckedBefore()
    {
        // Given acme-mini (open-ended row from 2025-01-01, checked 2026-11-29), 20 % decline a year, 13 months from
        // 2027-01-01: the decline counts from the latest of 2025-01-01, 2026-11-29 and the start, 2027-01-01
        var option = AcmeMini with { YearlyPriceDecline = 0.2 };

        // When
        var api = Engine.Evaluate(ApiOnly(option, new DateOnly(2027, 1, 1), 13, Plain)).Option("Acme Mini");

        // Then list price 225 a month × 0.8^(days since 2027-01-01 / 365.25):
        //   month 1 (0 days): 225, the table price
        //   month 7 (2027-07-01, 31+28+31+30+31+30 = 181 days): 225 × 0.8^0.495551 = 225 × 0.895316 = 201.4460
        //   month 13 (2028-01-01, 365 days): 225 × 0.8^0.999316 = 225 × 0.800122 = 180.0275 (tolerance 1e-3)
        api.Months[0].Cost(CostLine.ApiUsage).Should().Be(225);
        api.Months[6].Cost(CostLine.ApiUsage).Should().BeApproximately(201.4460, 1e-3);
        api.Months[12].Cost(CostLine.ApiUsage).Should().BeApproximately(180.0275, 1e-3);
        api.Months[12].Cost(CostLine.ApiUsage).Should().BeApproximately(225 * Math.Pow(0.8, 365 / 365.25), 1e-9);
    }

    [Fact]
    public void Evaluate_YearlyDecline_StartsAfterTheDateThePriceWasLastChecked()
    {
        // Given acme-mini (checked 2026-11-29), 20 % decline a year, 12 months from 2026-06-01: the price is known to hold
        // until 2026-11-29, after the start, so the decline counts from 2026-11-29
        var option = AcmeMini with { YearlyPriceDecline = 0.2 };

        // When
        var api = Engine.Evaluate(ApiOnly(option, new DateOnly(2026, 6, 1), 12, Plain)).Option("Acme Mini");

        // Then months 1–6 (2026-06-01 to 2026-11-01, before 2026-11-29): the table price, 225
        //   month 7 (2026-12-01, 2 days after 2026-11-29): 225 × 0.8^(2/365.25) = 225 × 0.998779 = 224.7252
        //   month 12 (2027-05-01, 2 + 31 + 31 + 28 + 31 + 30 = 153 days): 225 × 0.8^(153/365.25) = 225 × 0.910763 = 204.9216
        Line(api, CostLine.ApiUsage)[..6].Should().OnlyContain(x => x == 225);
        api.Months[6].Cost(CostLine.ApiUsage).Should().BeApproximately(224.7252, 1e-3);
        api.Months[11].Cost(CostLine.ApiUsage).Should().BeApproximately(204.9216, 1e-3);
    }

    [Fact]
    public void Evaluate_Gpt4oWithAThirtyPercentDecline_BillsMonthOneAtTheTablePrice()
    {
        // Given the bundled gpt-4o row (in force from 2025-07-04, checked 2026-11-29: 2.5 input, 10 output per 1M tokens),
        // a 30 % yearly decline and 13 months from 2026-12-01 of 1e9 input and 5e8 output tokens a month (issue 16's case:
        // counted from 2025-07-04, month 1 was billed 0.7^(515/365.25) = 0.6048 of the table price, 40 % below it)
        var engine = new TcoEngine(PricingCatalog.Default);
        var option = new ApiOption { Name = "GPT-4o", Provider = "openai", Model = "gpt-4o", YearlyPriceDecline = 0.3 };
        var profile = new TrafficProfile { Name = "p", MonthlyRequests = 1e6, InputTokensPerRequest = 1000, OutputTokensPerRequest = 500 };

        // When
        var api = engine.Evaluate(ApiOnly(option, new DateOnly(2026, 12, 1), 13, profile)).Option("GPT-4o");

        // Then month 1 is the table price, 1e9 × 2.5 / 1e6 + 5e8 × 10 / 1e6 = 2,500 + 5,000 = 7,500, since the decline
        // counts from the start (2026-12-01, after the check on 2026-11-29); month 13 (2027-12-01, 365 days on) is
        // 7,500 × 0.7^(365/365.25) = 7,500 × 0.700171 = 5,251.28
        api.Months[0].Cost(CostLine.ApiUsage).Should().Be(7_500);
        api.Months[12].Cost(CostLine.ApiUsage).Should().BeApproximately(5_251.28, 0.01);
    }

    [Fact]
    public void Evaluate_YearlyDecline_LeavesClosedRowsAlone()
    {
        // Given acme-later: a closed row to 2027-02-10 (10 in, 40 out) and an open row from 2027-02-10 (2 in, 8 out), both
        // checked 2026-11-29, 20 % decline, 3 months from 2027-01-01 of the chat profile (1e9 input, 20 % cache reads at a
        // quarter of the input price; 5e8 output; half batchable at a 50 % discount)
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Valid()["api_prices.csv"] + TestTables.Lines(
            "acme,acme-later,,standard,0,2025-01-01,2027-02-10,USD,10,2.5,,40,,0.5,,,https://example.com/acme,2026-11-29",
            "acme,acme-later,,standard,0,2027-02-10,,USD,2,0.5,,8,,0.5,,,https://example.com/acme,2026-11-29")))));
        var option = new ApiOption { Name = "Later", Provider = "acme", Model = "acme-later", YearlyPriceDecline = 0.2 };

        // When
        var api = engine.Evaluate(ThreeMonths() with { StartDate = new DateOnly(2027, 1, 1), ApiOptions = [option] }).Option("Later");

        // Then January and February use the closed row: (8e8 × 10 + 2e8 × 2.5 + 5e8 × 40) / 1e6 = 28,500 × (1 − 0.5 × 0.5)
        //   = 21,375 exactly; March (2027-03-01, 19 days after 2027-02-10) the open row: 5,700 × 0.75 = 4,275
        //   × 0.8^(19/365.25) = 4,275 × 0.988459 = 4,225.66 (tolerance 0.01)
        Line(api, CostLine.ApiUsage)[..2].Should().Equal([21_375, 21_375], (a, b) => Math.Abs(a - b) < Tolerance);
        api.Months[2].Cost(CostLine.ApiUsage).Should().BeApproximately(4_225.66, 0.01);
    }

    // ---- API fine-tuning ----

    [Fact]
    public void Evaluate_ApiFineTuning_ChargesTokensTimesEpochsInItsMonth()
    {
        // Given 2e7 training tokens × 3 epochs at 25 per 1M training tokens, in month 2
        var option = AcmeLarge with { FineTuning = new ApiFineTuning { TrainingTokens = 2e7, Epochs = 3, TrainingPricePerMillionTokens = 25, Month = 2 } };

        // When
        var api = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option] }).Option("Acme Large");

        // Then 2e7 × 3 / 1e6 × 25 = 60 × 25 = 1,500 in month 2 only
        Line(api, CostLine.ApiFineTuning).Should().Equal([0, 1_500, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        api.Months[1].Total.Should().BeApproximately(21_375 + 1_500, Tolerance);
    }

    // ---- Growth ----

    [Theory]
    [InlineData("compound", 225, 247.5, 272.25)]
    [InlineData("linear", 225, 337.5, 450)]
    [InlineData("shrinking", 225, 90, 0)]
    [InlineData("series", 225, 0, 675)]
    public void Evaluate_GrowthRule_ScalesEachMonthsVolume(string rule, double month1, double month2, double month3)
    {
        // Given 1e6 plain requests in month 1 (225 a month on acme-mini: 0.000225 per request)
        var growth = rule switch
        {
            // 1e6 × 1.1^(m − 1): 1e6, 1.1e6, 1.21e6 → 225, 247.5, 272.25
            "compound" => GrowthRule.Compound(0.1),

            // 1e6 + (m − 1) × 5e5: 1e6, 1.5e6, 2e6 → 225, 337.5, 450
            "linear" => GrowthRule.Linear(500_000),

            // max(0, 1e6 − (m − 1) × 6e5): 1e6, 4e5, 0 (not −2e5) → 225, 90, 0
            "shrinking" => GrowthRule.Linear(-600_000),

            // 1e6, 0, 3e6 → 225, 0, 675
            _ => GrowthRule.Series(1e6, 0, 3e6),
        };

        // When
        var api = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 3, Plain with { Growth = growth })).Option("Acme Mini");

        // Then
        Line(api, CostLine.ApiUsage).Should().Equal([month1, month2, month3], (a, b) => Math.Abs(a - b) < 1e-9);
        api.Months.Select(m => m.InputTokens).Should().Equal([month1 / 225 * 1e9, month2 / 225 * 1e9, month3 / 225 * 1e9], (a, b) => Math.Abs(a - b) < 1e-3);
    }

    [Fact]
    public void Evaluate_ApiOption_ReportsNoCapacity()
    {
        // Given an API option
        var api = Engine.Evaluate(ThreeMonths()).Option("Acme Large");

        // Then no GPUs, no throughput source, no residual value; month 1 costs 21,375 / 1,500 = 14.25 per 1M tokens
        api.Kind.Should().Be(OptionKind.Api);
        api.ThroughputSource.Should().Be(ThroughputSource.None);
        api.Months.Should().OnlyContain(m => m.Gpus == 0 && m.Replicas == 0 && m.Utilization == null && !m.ServedByBridge);
        api.Months[0].CostPerMillionTokens.Should().BeApproximately(14.25, 1e-12);
    }

    // ---- Currency ----

    [Fact]
    public void Evaluate_ScenarioMonthBeforeTheFirstExchangeRate_ThrowsNamingThePairAndMonth()
    {
        // Given a scenario in EUR from 2025-04 and acme-mini priced in USD; exchange_rates.csv starts in 2025-05 (TestTables)
        var scenario = ApiOnly(AcmeMini, new DateOnly(2025, 4, 1), 2, Plain) with { Currency = "EUR" };

        // When
        var act = () => Engine.Evaluate(scenario);

        // Then the error names the option, the pair and the month, and what the table has
        act.Should().Throw<PricingLookupException>().Which.Message.Should()
            .StartWith("$.apiOptions[0]: No exchange rate from USD to EUR for 2025-04: exchange_rates.csv has EUR/USD from 2025-05 to 2025-07");
    }

    // ---- Commitment terms past the horizon ----

    [Fact]
    public void Evaluate_CommitmentTermPastTheHorizon_CountsEveryCommittedMonthInTheLastMonth()
    {
        // Given acme-mini (225 a month for Plain) with 1,000 a month committed on 12-month terms, over 14 months at 12 % a
        // year: the second term (months 13 to 24) runs 10 months past the horizon
        var option = AcmeMini with { MonthlyCommitment = 1_000, CommitmentTermMonths = 12 };
        var scenario = ApiOnly(option, new DateOnly(2025, 7, 1), 14, Plain) with { YearlyDiscountRate = 0.12 };

        var api = Engine.Evaluate(scenario).Option("Acme Mini");

        // Then each month bills 225 + 775 shortfall = 1,000; month 14 also holds 10 × 1,000 = 10,000 beyond the horizon:
        // total 14 × 1,000 + 10,000 = 24,000. In the NPV each of the 24 committed payments is discounted at its own month:
        // 1,000 × Σ f^j for j = 1..24, f = 1.12^(−1/12), = 1,000 × f (1 − f^24) ÷ (1 − f)
        var f = Math.Pow(1.12, -1.0 / 12);
        api.Months[^1].Cost(CostLine.CommitmentBeyondHorizon).Should().BeApproximately(10_000, Tolerance);
        api.Months.Take(13).Should().OnlyContain(m => m.Cost(CostLine.CommitmentBeyondHorizon) == 0);
        api.TotalCost.Should().BeApproximately(24_000, 1e-6);
        api.Npv.Should().BeApproximately(1_000 * f * (1 - Math.Pow(f, 24)) / (1 - f), 1e-6);
    }

    [Fact]
    public void Evaluate_CommitmentBeyondTheHorizonCut_CountsOnlyTheHorizonAndWarns()
    {
        // Given the same commitment with countCommitmentBeyondHorizon false
        var option = AcmeMini with { MonthlyCommitment = 1_000, CommitmentTermMonths = 12, CountCommitmentBeyondHorizon = false };

        var result = Engine.Evaluate(ApiOnly(option, new DateOnly(2025, 7, 1), 14, Plain));

        // Then 14 × 1,000 = 14,000, nothing beyond, and a warning names the months left out
        result.Option("Acme Mini").TotalCost.Should().BeApproximately(14_000, 1e-6);
        result.Assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Warning && a.Option == "Acme Mini" && a.Text.Contains("commitment term", StringComparison.Ordinal))
            .Which.Text.Should().Be("The 12-month commitment term that starts in month 13 runs 10 month(s) past the horizon; those committed months are not counted (countCommitmentBeyondHorizon is false).");
    }

    [Fact]
    public void Evaluate_CommitmentTermEndingAtTheHorizonOrMonthByMonth_HasNothingBeyond()
    {
        // Given 12-month terms over 24 months, and a commitment without a term over 14 months
        var whole = Engine.Evaluate(ApiOnly(AcmeMini with { MonthlyCommitment = 1_000, CommitmentTermMonths = 12 }, new DateOnly(2025, 7, 1), 24, Plain)).Option("Acme Mini");
        var monthly = Engine.Evaluate(ApiOnly(AcmeMini with { MonthlyCommitment = 1_000 }, new DateOnly(2025, 7, 1), 14, Plain)).Option("Acme Mini");

        // Then 24 × 1,000 and 14 × 1,000, with no line beyond the horizon
        whole.TotalCost.Should().BeApproximately(24_000, 1e-6);
        monthly.TotalCost.Should().BeApproximately(14_000, 1e-6);
        whole.Months.Concat(monthly.Months).Should().OnlyContain(m => m.Cost(CostLine.CommitmentBeyondHorizon) == 0);
    }

    // ---- Batch warning ----

    [Fact]
    public void Evaluate_NoBatchDiscountOverSeveralMonthsAndProfiles_WarnsOnce()
    {
        // Given acme-cachy (no batch discount) for 3 months, two half-batchable profiles
        var option = new ApiOption { Name = "Cachy", Provider = "acme", Model = "acme-cachy" };
        var batchable = Plain with { BatchShare = 0.5 };

        // When
        var result = EngineWithExtraModels.Evaluate(ApiOnly(option, new DateOnly(2025, 7, 1), 3, batchable, batchable with { Name = "other" }));

        // Then one warning, naming the model
        result.Assumptions.Where(a => a.Text.Contains("batch", StringComparison.Ordinal)).Should().ContainSingle()
            .Which.Should().Match<Assumption>(a => a.Kind == AssumptionKind.Warning && a.Option == "Cachy" && a.Text.Contains("'acme-cachy'", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_BatchDiscountKnownOrNoBatchTraffic_DoesNotWarn()
    {
        // Given batchable traffic on acme-large (row discount 50 %), on acme-cachy with an override, and
        // unbatchable traffic on acme-mini (no row discount)
        var chat = Engine.Evaluate(ThreeMonths());
        var overridden = EngineWithExtraModels.Evaluate(ApiOnly(
            new ApiOption { Name = "Cachy", Provider = "acme", Model = "acme-cachy", BatchDiscountFraction = 0.3 }, new DateOnly(2025, 7, 1), 1, Plain with { BatchShare = 0.5 }));
        var plain = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 1, Plain));

        // Then no batch warning in any of them
        foreach (var result in new[] { chat, overridden, plain })
        {
            result.Assumptions.Should().NotContain(a => a.Text.Contains("batch discount", StringComparison.Ordinal));
        }
    }

    // ---- Price rows behind the bill ----

    [Fact]
    public void Evaluate_PriceRowsAcrossMonthsAndProfiles_AreEachListedOnceWithTheirSource()
    {
        // Given acme-large over May–July (the launch row for May and June, the cut row from 2025-06-10 for July), two profiles
        var result = Engine.Evaluate(ThreeMonths() with { Workload = new Workload { Profiles = [Chat, Chat with { Name = "second" }] } });

        // Then two table rows, in the order met, each naming its dates and prices and citing its source
        var rows = result.Assumptions.Where(a => a.Option == "Acme Large" && a.Kind == AssumptionKind.TableRow).ToList();
        rows.Should().HaveCount(2);
        rows.Should().OnlyContain(a => a.SourceUrl == new Uri("https://example.com/acme") && a.Text.StartsWith("api_prices.csv: acme acme-large-2025-01-01 (standard)", StringComparison.Ordinal));
        rows[0].Text.Should().ContainAll("from 2025-01-01 to 2025-06-10", "input 10, cached input 2.5, output 40 USD per 1M tokens", "checked 2026-11-29");
        rows[1].Text.Should().ContainAll("from 2025-06-10:", "input 2, cached input 0.5, output 8 USD");
    }

    [Fact]
    public void Evaluate_ContextTierRow_IsDescribedWithItsThreshold()
    {
        // Given acme-mini: the base row (no threshold, no cached price) for one profile, the >200,000-token tier for another
        var longProfile = new TrafficProfile { Name = "long", MonthlyRequests = 1000, InputTokensPerRequest = 250_000, OutputTokensPerRequest = 1000 };

        var rows = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 1, Plain, longProfile)).Assumptions
            .Where(a => a.Kind == AssumptionKind.TableRow).Select(a => a.Text).ToList();

        // Then the base row says neither a threshold, a cached price nor an end date; the tier row names its threshold
        rows.Should().HaveCount(2);
        rows[0].Should().Contain("acme-mini (standard) from 2025-01-01: input 0.075, output 0.3 USD");
        rows[1].Should().Contain("acme-mini (standard, requests over 200,000 input tokens) from 2025-01-01: input 0.15, output 0.6 USD");
    }

    // ---- Yearly price decline: every price, and the assumption ----

    [Fact]
    public void Evaluate_YearlyDecline_AlsoLowersCacheWriteAndPerRequestPrices()
    {
        // Given 20 % a year on acme-cachy and acme-search (open rows from 2025-01-01, checked before the start), 13 months from
        // 2027-01-01: month 13 = 2028-01-01, 365 days on
        var cachy = new ApiOption { Name = "Cachy", Provider = "acme", Model = "acme-cachy", YearlyPriceDecline = 0.2 };
        var search = new ApiOption { Name = "Search", Provider = "acme", Model = "acme-search", YearlyPriceDecline = 0.2 };
        var cacheProfile = Plain with { OutputTokensPerRequest = 200, CacheReadShare = 0.6, CacheWriteShare = 0.1 };
        var searchProfile = new TrafficProfile { Name = "search", MonthlyRequests = 1e5, InputTokensPerRequest = 100, OutputTokensPerRequest = 50, BatchShare = 0.5 };

        var cachyMonth13 = EngineWithExtraModels.Evaluate(ApiOnly(cachy, new DateOnly(2027, 1, 1), 13, cacheProfile)).Option("Cachy").Months[12];
        var searchMonth13 = EngineWithExtraModels.Evaluate(ApiOnly(search, new DateOnly(2027, 1, 1), 13, searchProfile)).Option("Search").Months[12];

        // Then every price × 0.8^(365 / 365.25) = 0.800122: cachy 4,455 (900 + 180 + 375 write + 3,000) × 0.800122 = 3,564.54;
        // search (15 for tokens + 1,000 for requests) × 0.800122 = 812.12
        var factor = Math.Pow(0.8, 365 / 365.25);
        cachyMonth13.Cost(CostLine.ApiUsage).Should().BeApproximately(4_455 * factor, 1e-6);
        searchMonth13.Cost(CostLine.ApiUsage).Should().BeApproximately(1_015 * factor, 1e-6);
        factor.Should().BeApproximately(0.800122, 1e-6);
    }

    [Fact]
    public void Evaluate_YearlyDecline_IsStatedOnceFromTheLastKnownPrice()
    {
        // Given acme-large (last base row from 2025-06-10) with 20 % decline, one profile and then two
        var option = AcmeLarge with { YearlyPriceDecline = 0.2 };
        var one = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option] });
        var two = Engine.Evaluate(ThreeMonths() with { ApiOptions = [option], Workload = new Workload { Profiles = [Chat, Chat with { Name = "second" }] } });

        // Then one statement each, with the rate and the date it counts from: the row took effect on 2025-06-10 and was
        // checked on 2026-11-29, after the start (2025-05-01), so it counts from 2026-11-29
        foreach (var result in new[] { one, two })
        {
            result.Assumptions.Where(a => a.Text.Contains("decline", StringComparison.Ordinal)).Should().ContainSingle()
                .Which.Should().Match<Assumption>(a => a.Option == "Acme Large" && a.Kind == AssumptionKind.Choice
                    && a.Text.Contains("20.0", StringComparison.Ordinal) && a.Text.Contains("a year from 2026-11-29", StringComparison.Ordinal)
                    && a.Text.Contains("effective date 2025-06-10", StringComparison.Ordinal) && a.Text.Contains("checked 2026-11-29", StringComparison.Ordinal));
        }

        // And none without a decline
        Engine.Evaluate(ThreeMonths()).Assumptions.Should().NotContain(a => a.Text.Contains("decline", StringComparison.Ordinal));
    }

    // ---- Steady state ----

    [Fact]
    public void Evaluate_NoTrafficInTheFirstMonth_SteadyStateCostPerMillionIsZero()
    {
        // Given acme-mini with no requests in month 1 and 1e6 in month 2
        var profile = Plain with { Growth = GrowthRule.Series(0, 1e6) };

        var api = Engine.Evaluate(ApiOnly(AcmeMini, new DateOnly(2025, 7, 1), 2, profile)).Option("Acme Mini");

        // Then the steady state read at month 1 has no tokens to divide by: 0 per million, not NaN
        api.SteadyState.CostPerMillionTokens.Should().Be(0);
    }

    // ---- API fine-tuning, recurring ----

    [Fact]
    public void Evaluate_RecurringApiFineTuning_ChargesFromItsMonthEveryNMonths()
    {
        // Given 1e6 training tokens × 1 epoch at 10 per 1M (10 a run), first in month 2, then every 3 months, 9 months
        var option = AcmeMini with { FineTuning = new ApiFineTuning { TrainingTokens = 1e6, Epochs = 1, TrainingPricePerMillionTokens = 10, Month = 2, EveryMonths = 3 } };

        var api = Engine.Evaluate(ApiOnly(option, new DateOnly(2025, 7, 1), 9, Plain)).Option("Acme Mini");

        // Then months 2, 5 and 8
        Line(api, CostLine.ApiFineTuning).Should().Equal([0, 10, 0, 0, 10, 0, 0, 10, 0], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_LaterPriceRowInAnotherCurrency_IsConvertedInItsMonths()
    {
        // Given acme-euro priced in USD until 2025-06-10 and in EUR from then (1 in, 2 out), evaluated May to July in USD
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Valid()["api_prices.csv"] + TestTables.Lines(
            "acme,acme-euro,,standard,0,2025-01-01,2025-06-10,USD,1,,,2,,,,,https://example.com/acme,2026-11-29",
            "acme,acme-euro,,standard,0,2025-06-10,,EUR,1,,,2,,,,,https://example.com/acme,2026-11-29")))));
        var option = new ApiOption { Name = "Euro", Provider = "acme", Model = "acme-euro" };

        var months = engine.Evaluate(ApiOnly(option, new DateOnly(2025, 5, 1), 3, Plain)).Option("Euro").Months;

        // Then (1e9 × 1 + 5e8 × 2) / 1e6 = 2,000 in May and June (USD row), and 2,000 EUR × 1.6 USD per EUR = 3,200 in July
        months.Select(m => m.Cost(CostLine.ApiUsage)).Should().Equal([2_000, 2_000, 3_200], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Evaluate_YearlyDecline_LeavesAClosedTierRowAloneNextToADecliningProfile()
    {
        // Given acme-tiered: base row open-ended (1 in, 2 out), the tier above 1,000 input tokens closed at 2030-01-01
        // (3 in, 6 out), both checked 2026-11-29, 20 % decline a year from the start 2027-01-01; month 13 = 2028-01-01,
        // 365 days after it
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Valid()["api_prices.csv"] + TestTables.Lines(
            "acme,acme-tiered,,standard,0,2025-01-01,,USD,1,,,2,,,,,https://example.com/acme,2026-11-29",
            "acme,acme-tiered,,standard,1000,2025-01-01,2030-01-01,USD,3,,,6,,,,,https://example.com/acme,2026-11-29")))));
        var option = new ApiOption { Name = "Tiered", Provider = "acme", Model = "acme-tiered", YearlyPriceDecline = 0.2 };
        var longProfile = Plain with { Name = "long", InputTokensPerRequest = 2000 };

        var month13 = engine.Evaluate(ApiOnly(option, new DateOnly(2027, 1, 1), 13, Plain, longProfile)).Option("Tiered").Months[12];

        // Then plain (base row, declines): (1e9 × 1 + 5e8 × 2) / 1e6 = 2,000 × 0.8^(365 / 365.25) = 2,000 × 0.800122;
        // long (closed tier row, no decline): (2e9 × 3 + 5e8 × 6) / 1e6 = 9,000 → 1,600.24 + 9,000 = 10,600.24
        month13.Cost(CostLine.ApiUsage).Should().BeApproximately((2_000 * Math.Pow(0.8, 365 / 365.25)) + 9_000, 1e-6);
        month13.Cost(CostLine.ApiUsage).Should().BeApproximately(10_600.24, 0.01);
    }
}
