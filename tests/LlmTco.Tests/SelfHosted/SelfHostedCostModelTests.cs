using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.SelfHosted;

/// <summary>
/// Every self-hosted cost line through <see cref="TcoEngine.Evaluate"/> on the in-memory test tables, each expected
/// figure worked out by hand in the comments (docs/methodology.md, sections 4 to 9, "Self-hosted capacity" to
/// "Lead time and bridge API").
/// </summary>
/// <remarks>
/// Shared hand figures for the <see cref="TestScenarios.Chat"/> profile on GPU-A with Model-8B in BF16:
/// one replica = 1 GPU (16 GB weights + 6.29 GB KV ≤ 72 GB usable) and serves 2,000 output tokens/s (benchmark row),
/// 1,400 tokens/s at the 0.7 target utilisation. 1e6 requests × 500 output tokens = 5e8 tokens a month
/// = 5e8 / 2,628,000 s = 190.26 tokens/s → 1 replica. 8e6 requests = 4e9 tokens = 1,522.07 tokens/s
/// → ceil(1,522.07 / 1,400) = ceil(1.087) = 2 replicas.
/// One GPU on demand at cloudy: 730 h × 2.5 = 1,825 a month.
/// </remarks>
public sealed class SelfHostedCostModelTests
{
    private const double Tolerance = 1e-9;

    private const string ReservedRow = "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,1.5,2025-01-01,,https://example.com/cloudy,2026-11-29";
    private const string SpotRow = "cloudy,big.1x,GPU-A,1,spot,us-east-1,USD,1.0,2025-01-01,,https://example.com/cloudy,2026-11-29";
    private const string Model70BRow = "org/Model-70B,model-70b,dense,70,70,80,8192,64,8,128,131072,llama2,,https://example.com/model70,2026-11-29";
    private const string Model405BRow = "org/Model-405B,model-405b,dense,405,405,126,16384,128,8,128,131072,llama3.1,,https://example.com/model405,2026-11-29";

    /// <summary>Owned hardware with every input given: 30,000 + 10,000 overhead per GPU, load 0.5, PUE 1.5, 0.10 per kWh, 200 per kW-month, 12 % maintenance, 25 % residual.</summary>
    private static readonly OwnedHardware ExplicitHardware = new()
    {
        PricePerGpu = 30_000,
        ServerOverheadPerGpu = 10_000,
        AverageLoadFraction = 0.5,
        Pue = 1.5,
        ElectricityPricePerKwh = 0.10,
        HostingPricePerKwMonth = 200,
        MaintenanceYearlyFraction = 0.12,
        ResidualValueFraction = 0.25,
    };

    /// <summary>
    /// An owned option with one GPU to a server, so that each test's hand calculation buys GPUs one at a time (buying in
    /// whole servers of several GPUs is covered by <see cref="OwnedPowerAndServerTests"/>).
    /// </summary>
    private static SelfHostedOption OwnedModel8B(OwnedHardware hardware) => new()
    {
        Name = "Owned Model-8B",
        Model = "model-8b",
        Gpu = "GPU-A",
        Owned = hardware with { GpusPerServer = 1 },
    };

    /// <summary>The test scenario from 2025-05-01 with a one-profile workload and the acme-large API option.</summary>
    private static Scenario Over(int months, TrafficProfile profile, params SelfHostedOption[] options) => ThreeMonths(options) with
    {
        HorizonMonths = months,
        Workload = new Workload { Profiles = [profile] },
    };

    /// <summary>1e6 requests in months 1–2 (1 replica), 8e6 in months 3–4 (2 replicas).</summary>
    private static TrafficProfile GrowsToTwoReplicas => Chat with { Growth = GrowthRule.Series(1e6, 1e6, 8e6, 8e6) };

    private static TcoEngine EngineWithRows(string file, params string[] rows)
    {
        var tables = TestTables.With(file, TestTables.Valid()[file] + TestTables.Lines(rows));
        return new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(tables)));
    }

    private static double[] Line(OptionResult option, CostLine line) => option.Months.Select(m => m.Cost(line)).ToArray();

    // ---- Owned hardware ----

    [Fact]
    public void Evaluate_OwnedCashView_PaysCapitalInTheMonthEachGpuIsFirstNeeded()
    {
        // Given owned GPUs with every input explicit, and traffic that needs 1 GPU in months 1–2 and 2 in months 3–4
        var scenario = Over(4, GrowsToTwoReplicas, OwnedModel8B(ExplicitHardware));

        // When
        var owned = Engine.Evaluate(scenario).Option("Owned Model-8B");

        // Then capital per GPU = 30,000 + 10,000 = 40,000: bought in month 1 (1 GPU) and month 3 (1 more)
        owned.Months.Select(m => m.Gpus).Should().Equal(1, 1, 2, 2);
        Line(owned, CostLine.Capital).Should().Equal([40_000, 0, 40_000, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Depreciation).Should().OnlyContain(c => c == 0, "the cash view has no depreciation");
        Line(owned, CostLine.GpuRental).Should().OnlyContain(c => c == 0);

        // Power per GPU = 0.7 kW × 0.5 load × 1.5 PUE × 730 h × 0.10 = 0.525 kW × 73 = 38.325 a month
        Line(owned, CostLine.Power).Should().Equal([38.325, 38.325, 76.65, 76.65], (a, b) => Math.Abs(a - b) < Tolerance);

        // Hosting per GPU = 0.7 kW × 200 per kW-month = 140
        Line(owned, CostLine.Hosting).Should().Equal([140, 140, 280, 280], (a, b) => Math.Abs(a - b) < Tolerance);

        // Maintenance = capital bought so far × 12 % ÷ 12 = 1 % a month: 400 on 40,000, then 800 on 80,000
        Line(owned, CostLine.Maintenance).Should().Equal([400, 400, 800, 800], (a, b) => Math.Abs(a - b) < Tolerance);

        // Resale at the horizon = 80,000 × 0.25 = 20,000, a negative cost in the last month (issue 16)
        owned.ResidualValue.Should().BeApproximately(20_000, Tolerance);
        Line(owned, CostLine.ResidualValue).Should().Equal([0, 0, 0, -20_000], (a, b) => Math.Abs(a - b) < Tolerance);

        // Totals: 40,578.325 / 578.325 / 41,156.65 / 1,156.65 − 20,000 = −18,843.35; cumulative 83,469.95 − 20,000 = 63,469.95
        owned.Months.Select(m => m.Total).Should().Equal([40_578.325, 578.325, 41_156.65, -18_843.35], (a, b) => Math.Abs(a - b) < 1e-8);
        owned.TotalCost.Should().BeApproximately(63_469.95, 1e-8);
    }

    [Fact]
    public void Evaluate_OwnedAccountingView_DepreciatesEachPurchaseStraightLineOverItsLife()
    {
        // Given the same hardware in the accounting view with a useful life of 3 months
        var hardware = ExplicitHardware with { UsefulLifeMonths = 3 };
        var scenario = Over(4, GrowsToTwoReplicas, OwnedModel8B(hardware)) with { CostView = CostView.Accounting };

        // When
        var owned = Engine.Evaluate(scenario).Option("Owned Model-8B");

        // Then 40,000 / 3 = 13,333.33 a month per purchase: the month-1 GPU in months 1–3, the month-3 GPU in months 3–5
        //   month 1: 13,333.33; month 2: 13,333.33; month 3: 26,666.67; month 4: 13,333.33 (the first is written off)
        Line(owned, CostLine.Depreciation).Should().Equal([40_000.0 / 3, 40_000.0 / 3, 80_000.0 / 3, 40_000.0 / 3], (a, b) => Math.Abs(a - b) < 1e-8);
        Line(owned, CostLine.Capital).Should().OnlyContain(c => c == 0, "the accounting view spreads capital instead");

        // Power, hosting and maintenance are the same as in the cash view
        Line(owned, CostLine.Power).Should().Equal([38.325, 38.325, 76.65, 76.65], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Maintenance).Should().Equal([400, 400, 800, 800], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_OwnedAccountingViewDefaultLife_DepreciatesOverSixtyMonths()
    {
        // Given the default useful life (60 months) and no growth
        var scenario = Over(3, Chat, OwnedModel8B(ExplicitHardware)) with { CostView = CostView.Accounting };

        // When
        var owned = Engine.Evaluate(scenario).Option("Owned Model-8B");

        // Then 40,000 / 60 = 666.67 a month
        Line(owned, CostLine.Depreciation).Should().OnlyContain(c => Math.Abs(c - (40_000.0 / 60)) < 1e-9);
        Line(owned, CostLine.Depreciation)[0].Should().BeApproximately(666.67, 0.005);
    }

    [Fact]
    public void Evaluate_OwnedCompoundGrowth_BuysTheSecondGpuInTheMonthItIsFirstNeeded()
    {
        // Given 1e6 requests growing 100 % a month: 1e6, 2e6, 4e6, 8e6 → 190.3, 380.5, 761.0, 1,522.1 tokens/s
        var profile = Chat with { Growth = GrowthRule.Compound(1.0) };
        var scenario = Over(4, profile, OwnedModel8B(ExplicitHardware));

        // When
        var owned = Engine.Evaluate(scenario).Option("Owned Model-8B");

        // Then only month 4 exceeds 1,400 tokens/s: 1, 1, 1, 2 GPUs; the second 40,000 is paid in month 4
        owned.Months.Select(m => m.Replicas).Should().Equal(1, 1, 1, 2);
        Line(owned, CostLine.Capital).Should().Equal([40_000, 0, 0, 40_000], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_OwnedTrafficFalls_KeepsTheInstalledGpus()
    {
        // Given 8e6 requests in month 1 (2 GPUs) and 1e6 in month 2 (1 GPU needed)
        var profile = Chat with { Growth = GrowthRule.Series(8e6, 1e6) };
        var scenario = Over(2, profile, OwnedModel8B(ExplicitHardware));

        // When
        var owned = Engine.Evaluate(scenario).Option("Owned Model-8B");

        // Then both GPUs stay owned and hosted: 2 GPUs, hosting 2 × 140 = 280, maintenance 1 % of 80,000 = 800
        owned.Months.Select(m => m.Gpus).Should().Equal(2, 2);
        Line(owned, CostLine.Capital).Should().Equal([80_000, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Hosting).Should().Equal([280, 280], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Maintenance).Should().Equal([800, 800], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_OwnedFromCatalogRows_UsesPueElectricityAndHostingTablesAndPowerFollowsUse()
    {
        // Given PUE, electricity and hosting named from the tables, and no average load (power follows each month's use)
        var hardware = new OwnedHardware
        {
            PricePerGpu = 25_000,
            PueFigure = "survey-2023",
            ElectricityRegion = "US-VA",
            HostingProvider = "colo",
        };
        var scenario = Over(2, Chat, OwnedModel8B(hardware));

        // When
        var result = Engine.Evaluate(scenario);
        var owned = result.Option("Owned Model-8B");

        // Then power follows use: the chat load is 1e6 requests × 0.25 replica-seconds, half deferrable, peak 1:
        // max(125,000, 250,000) s ÷ 2,628,000 s = 0.0951294 of the one replica; GPU-A has no idle figure (0 W, warned)
        // and no server rating (the server is its GPU): 0.7 kW × 0.0951294 × 1.58 × 730 h × 0.0892 = 6.8510556
        Line(owned, CostLine.Power).Should().OnlyContain(c => Math.Abs(c - (0.7 * (250_000 / 2_628_000.0) * 1.58 * 730 * 0.0892)) < 1e-9);
        Math.Abs(Line(owned, CostLine.Power)[0] - 6.8510556).Should().BeLessThan(1e-7);
        result.Assumptions.Should().Contain(a => a.Kind == AssumptionKind.Warning && a.Text.StartsWith("No idle power is published for GPU-A", StringComparison.Ordinal));

        // Hosting = 0.7 kW × 184.06 = 128.842; capital 25,000 in month 1 (no server overhead); no maintenance
        Line(owned, CostLine.Hosting).Should().OnlyContain(c => Math.Abs(c - 128.842) < 1e-9);
        Line(owned, CostLine.Capital).Should().Equal([25_000, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Maintenance).Should().OnlyContain(c => c == 0);

        // And the three rows are cited
        result.Assumptions.Where(a => a.Option == "Owned Model-8B" && a.Kind == AssumptionKind.TableRow).Select(a => a.Text)
            .Should().Contain(t => t.StartsWith("pue_figures.csv: survey-2023", StringComparison.Ordinal))
            .And.Contain(t => t.StartsWith("electricity_prices.csv: US-VA industrial 2023", StringComparison.Ordinal))
            .And.Contain(t => t.StartsWith("hosting_prices.csv: colo", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_OwnedWithListedPurchasePrice_TakesItFromTheGpuTable()
    {
        // Given GPU-A with a published purchase price of 25,000 USD, and no price in the scenario
        var gpus = TestTables.Lines(TestTables.GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,USD,https://example.com/price,2026-11-29,,https://example.com/gpu-a,2026-11-29");
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("gpus.csv", gpus))));
        var hardware = ExplicitHardware with { PricePerGpu = null, ServerOverheadPerGpu = 0 };

        // When
        var owned = engine.Evaluate(Over(2, Chat, OwnedModel8B(hardware))).Option("Owned Model-8B");

        // Then capital = 1 GPU × 25,000 in month 1
        Line(owned, CostLine.Capital).Should().Equal([25_000, 0], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_OwnedWithoutAnyPurchasePrice_ThrowsNamingTheMissingPrice()
    {
        // Given GPU-A has no purchase price in the test table, and the scenario gives none
        var hardware = ExplicitHardware with { PricePerGpu = null };

        // When
        var act = () => Engine.Evaluate(Over(2, Chat, OwnedModel8B(hardware)));

        // Then
        act.Should().Throw<ScenarioValidationException>().Which.Errors.Single().Path.Should().Be("$.selfHostedOptions[0].owned.pricePerGpu");
    }

    // ---- Rented: on-demand, spot, reserved ----

    [Fact]
    public void Evaluate_RentedOnDemandGrowth_RentsTwoGpusWhenTrafficNeedsThem()
    {
        // Given on-demand GPUs and traffic needing 1, 1, 2, 2 replicas
        var rented = Engine.Evaluate(Over(4, GrowsToTwoReplicas, RentedModel8B)).Option("Model-8B on GPU-A");

        // Then 1,825 per GPU: 1,825, 1,825, 3,650, 3,650; utilisation in month 3 = 1,522.07 / (2 × 2,000) = 0.3805
        Line(rented, CostLine.GpuRental).Should().Equal([1_825, 1_825, 3_650, 3_650], (a, b) => Math.Abs(a - b) < Tolerance);
        rented.Months[2].Utilization.Should().BeApproximately(4e9 / 2_628_000 / 4000, 1e-12);
        rented.Months[2].Utilization.Should().BeApproximately(0.3805, 1e-4);
    }

    [Fact]
    public void Evaluate_RentalYearlyDecline_CountsFromTheLatestOfEffectiveDateCheckAndStart()
    {
        // Given cloudy's on-demand GPU-A offer (2.5 per GPU-hour from 2025-01-01, checked 2026-11-29), a 20 % yearly
        // decline, and one replica of one GPU for 13 months from 2026-10-01: the price is known to hold until 2026-11-29
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", YearlyPriceDecline = 0.2 } };
        var scenario = Over(13, Chat, option) with { StartDate = new DateOnly(2026, 10, 1) };

        // When
        var result = Engine.Evaluate(scenario);
        var rented = result.Option("Model-8B on GPU-A");

        // Then months 1–2 (2026-10-01, 2026-11-01, before 2026-11-29): 1 GPU × 730 h × 2.5 = 1,825;
        //   month 3 (2026-12-01, 2 days on): 1,825 × 0.8^(2/365.25) = 1,825 × 0.998779 = 1,822.77;
        //   month 13 (2027-10-01, 2 + 304 = 306 days on): 1,825 × 0.8^(306/365.25) = 1,825 × 0.829489 = 1,513.82
        rented.Months.Should().OnlyContain(m => m.Gpus == 1);
        Line(rented, CostLine.GpuRental)[..2].Should().Equal([1_825, 1_825]);
        rented.Months[2].Cost(CostLine.GpuRental).Should().BeApproximately(1_822.77, 0.01);
        rented.Months[12].Cost(CostLine.GpuRental).Should().BeApproximately(1_513.82, 0.01);
        result.Assumptions.Should().Contain(a => a.Option == "Model-8B on GPU-A" && a.Text.StartsWith("GPU rental prices decline 20.0 % a year", StringComparison.Ordinal) && a.Text.Contains("(2026-11-29 for cloudy big.1x", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_RentalYearlyDecline_LeavesAGivenPriceAlone()
    {
        // Given a price of 2.0 per GPU-hour given in the scenario and a 20 % yearly decline over 13 months from 2027-01-01
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", PricePerGpuHour = 2.0, YearlyPriceDecline = 0.2 } };

        // When
        var rented = Engine.Evaluate(Over(13, Chat, option) with { StartDate = new DateOnly(2027, 1, 1) }).Option("Model-8B on GPU-A");

        // Then every month 1 GPU × 730 h × 2.0 = 1,460: a price the user states is not a table price that declines
        Line(rented, CostLine.GpuRental).Should().OnlyContain(c => c == 1_460);
    }

    [Fact]
    public void Parse_RentalYearlyDecline_IsReadAndAtLeastOneIsRejected()
    {
        // Given scenario JSON with a rental decline of 0.15, and one of 1
        static string Json(double decline) => $$"""
            { "name": "s", "startDate": "2027-01-01", "horizonMonths": 3,
              "workload": { "profiles": [ { "name": "p", "monthlyRequests": 1000, "inputTokensPerRequest": 100, "outputTokensPerRequest": 50 } ] },
              "apiOptions": [ { "name": "a", "provider": "acme", "model": "acme-large" } ],
              "selfHostedOptions": [ { "name": "s", "model": "model-8b", "gpu": "GPU-A", "rented": { "provider": "cloudy", "yearlyPriceDecline": {{decline.ToString(System.Globalization.CultureInfo.InvariantCulture)}} } } ] }
            """;

        // Then the first is read, and the second is refused at its path
        ScenarioJson.Parse(Json(0.15)).SelfHostedOptions[0].Rented!.YearlyPriceDecline.Should().Be(0.15);
        var refused = () => ScenarioJson.Parse(Json(1));
        refused.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle(e => e.Path == "$.selfHostedOptions[0].rented.yearlyPriceDecline");
    }

    [Fact]
    public void Evaluate_ReservedTermPastTheHorizon_CountsItsCommittedMonthsInTheLastMonth()
    {
        // Given a 1-year reserved row at 1.5 per GPU-hour, traffic needing 1 GPU, 18 months at 12 % a year: the second
        // term (months 13–24) runs 6 months past the horizon
        var engine = EngineWithRows("gpu_rentals.csv", ReservedRow);
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } };
        var scenario = Over(18, Chat, option) with { YearlyDiscountRate = 0.12 };

        // When
        var result = engine.Evaluate(scenario);
        var rented = result.Option("Model-8B on GPU-A");

        // Then each month rents 1 GPU × 730 h × 1.5 = 1,095, and month 18 also holds the 6 committed months after the
        // horizon, 6 × 1,095 = 6,570: the total is 24 × 1,095 = 26,280, the whole of both terms.
        Line(rented, CostLine.GpuRental).Should().OnlyContain(c => c == 1_095);
        Line(rented, CostLine.CommitmentBeyondHorizon).Should().Equal([.. Enumerable.Repeat(0.0, 17), 6_570]);
        rented.TotalCost.Should().BeApproximately(26_280, 1e-6);

        // And in the NPV each payment is discounted at its own month: with q = 1.12^(−1/12) = 0.990600, Σ over m = 1..24
        // of 1,095 q^m = 1,095 q (1 − q^24) ÷ (1 − q) = 23,403.68 (months 19–24 alone: 5,363.39)
        rented.Npv.Should().BeApproximately(23_403.68, 0.01);
        rented.Months[^1].DiscountedTotal.Should().BeApproximately((1_095 * Math.Pow(1.12, -18 / 12.0)) + 5_363.39, 0.01);
        result.Assumptions.Should().Contain(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("runs 6 month(s) past the horizon; its committed rent for those months is counted in full", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ReservedTermPastTheHorizonNotCounted_LeavesThoseMonthsOutWithAWarning()
    {
        // Given the same reservation with countCommitmentBeyondHorizon false
        var engine = EngineWithRows("gpu_rentals.csv", ReservedRow);
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, CountCommitmentBeyondHorizon = false } };

        // When
        var result = engine.Evaluate(Over(18, Chat, option));

        // Then only the 18 months of the horizon are counted, 18 × 1,095 = 19,710, and the cut is stated
        var rented = result.Option("Model-8B on GPU-A");
        Line(rented, CostLine.CommitmentBeyondHorizon).Should().OnlyContain(c => c == 0);
        rented.TotalCost.Should().BeApproximately(19_710, 1e-6);
        result.Assumptions.Should().Contain(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("those committed months are not counted", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SpotPlan_BillsTheSpotPrice()
    {
        // Given a spot row at 1.0 per GPU-hour
        var engine = EngineWithRows("gpu_rentals.csv", SpotRow);
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Spot } };

        // When
        var rented = engine.Evaluate(Over(2, Chat, option)).Option("Model-8B on GPU-A");

        // Then 1 GPU × 730 h × 1.0 = 730 a month
        Line(rented, CostLine.GpuRental).Should().OnlyContain(c => Math.Abs(c - 730) < Tolerance);
    }

    [Fact]
    public void Evaluate_ReservedCommitment_BillsCommittedGpusAndOverflowOnDemand()
    {
        // Given a 1-year reserved row at 1.5 per GPU-hour, 1 GPU committed, traffic needing 1, 1, 2, 2 GPUs
        var engine = EngineWithRows("gpu_rentals.csv", ReservedRow);
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, CommittedGpus = 1 } };

        // When
        var rented = engine.Evaluate(Over(4, GrowsToTwoReplicas, option)).Option("Model-8B on GPU-A");

        // Then committed: 1 × 730 × 1.5 = 1,095 every month; months 3–4 add 1 GPU on demand: 730 × 2.5 = 1,825
        //   → 1,095, 1,095, 2,920, 2,920
        Line(rented, CostLine.GpuRental).Should().Equal([1_095, 1_095, 2_920, 2_920], (a, b) => Math.Abs(a - b) < Tolerance);
        rented.Months.Select(m => m.Gpus).Should().Equal(1, 1, 2, 2);
    }

    [Fact]
    public void Evaluate_ReservedCommitmentAboveNeed_BillsEveryCommittedGpuEveryMonth()
    {
        // Given 2 GPUs committed on the 1-year plan while the traffic needs 1
        var engine = EngineWithRows("gpu_rentals.csv", ReservedRow);
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, CommittedGpus = 2 } };

        // When
        var rented = engine.Evaluate(Over(3, Chat, option)).Option("Model-8B on GPU-A");

        // Then 2 × 730 × 1.5 = 2,190 every month, and 2 GPUs are paid for
        Line(rented, CostLine.GpuRental).Should().OnlyContain(c => Math.Abs(c - 2_190) < Tolerance);
        rented.Months.Should().OnlyContain(m => m.Gpus == 2 && m.Replicas == 1);
    }

    [Fact]
    public void Evaluate_ReservedWithoutCommitment_CommitsEachTermsPeakAtItsStart()
    {
        // Given no committed count: months 1–12 need 1 GPU, months 13–14 need 2
        var engine = EngineWithRows("gpu_rentals.csv", ReservedRow);
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } };
        var series = Enumerable.Repeat(1e6, 12).Concat([8e6, 8e6]).ToArray();
        var scenario = Over(14, Chat with { Growth = GrowthRule.Series(series) }, option);

        // When
        var result = engine.Evaluate(scenario);
        var rented = result.Option("Model-8B on GPU-A");

        // Then term 1 (months 1–12) commits 1 GPU: 1,095 a month; term 2 (from month 13) commits 2: 2,190 a month
        var expected = Enumerable.Repeat(1_095.0, 12).Concat([2_190.0, 2_190.0]);
        Line(rented, CostLine.GpuRental).Should().Equal(expected, (a, b) => Math.Abs(a - b) < Tolerance);

        // And the second term runs 13 + 12 − 1 − 14 = 10 months past the horizon, which is said
        result.Assumptions.Should().Contain(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("month 13 runs 10 month(s) past the horizon", StringComparison.Ordinal));
    }

    // ---- Capacity: minimum, redundancy, peak, given throughput ----

    [Fact]
    public void Evaluate_MinReplicasAndRedundancy_AddSpareReplicas()
    {
        // Given at least 2 replicas plus 1 spare (N+1)
        var option = RentedModel8B with { MinReplicas = 2, RedundancyReplicas = 1 };

        // When
        var rented = Engine.Evaluate(Over(2, Chat, option)).Option("Model-8B on GPU-A");

        // Then max(2, 1) + 1 = 3 replicas = 3 GPUs × 1,825 = 5,475; utilisation 190.26 / (3 × 2,000) = 0.0317
        rented.Months.Should().OnlyContain(m => m.Replicas == 3 && m.Gpus == 3);
        Line(rented, CostLine.GpuRental).Should().OnlyContain(c => Math.Abs(c - 5_475) < Tolerance);
        rented.Months[0].Utilization.Should().BeApproximately(5e8 / 2_628_000 / 6000, 1e-12);
    }

    [Fact]
    public void Evaluate_NoMinimumAndNoTraffic_RunsNoSpareEither()
    {
        // Given min replicas 0, one spare (N+1) and a month without requests
        var option = RentedModel8B with { MinReplicas = 0, RedundancyReplicas = 1 };
        var profile = Chat with { Growth = GrowthRule.Series(1e6, 0, 1e6) };

        // When
        var rented = Engine.Evaluate(Over(3, profile, option)).Option("Model-8B on GPU-A");

        // Then N = max(0, 1) = 1 → 1 + 1 = 2 replicas in months 1 and 3; in month 2 N = max(0, 0) = 0, so no spare either:
        // 0 GPUs and no rent (before issue 15 the spare ran alone: 1 GPU, 1,825)
        rented.Months.Select(m => m.Replicas).Should().Equal(2, 0, 2);
        Line(rented, CostLine.GpuRental).Should().Equal([3_650, 0, 3_650], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_MinimumAndNoTraffic_KeepsItsSpares()
    {
        // Given min replicas 1, one spare and a month without requests
        var option = RentedModel8B with { MinReplicas = 1, RedundancyReplicas = 1 };
        var profile = Chat with { Growth = GrowthRule.Series(1e6, 0, 1e6) };

        // When
        var rented = Engine.Evaluate(Over(3, profile, option)).Option("Model-8B on GPU-A");

        // Then N = max(1, 0) = 1 even without traffic, so 1 + 1 = 2 replicas every month
        rented.Months.Select(m => m.Replicas).Should().Equal(2, 2, 2);
    }

    [Fact]
    public void Evaluate_NoMinimumAndNoTraffic_RentsNothingThatMonth()
    {
        // Given min replicas 0 and a month without requests
        var option = RentedModel8B with { MinReplicas = 0 };
        var profile = Chat with { Growth = GrowthRule.Series(1e6, 0, 1e6) };

        // When
        var rented = Engine.Evaluate(Over(3, profile, option)).Option("Model-8B on GPU-A");

        // Then max(0, ceil(0)) = 0 replicas in month 2, 1 otherwise
        rented.Months.Select(m => m.Gpus).Should().Equal(1, 0, 1);
        Line(rented, CostLine.GpuRental).Should().Equal([1_825, 0, 1_825], (a, b) => Math.Abs(a - b) < Tolerance);
        rented.Months[1].Utilization.Should().BeNull();
    }

    [Fact]
    public void Evaluate_PeakToAverage_SizesForThePeak()
    {
        // Given a peak 8 times the average and no deferrable requests: 190.26 × 8 = 1,522.07 tokens/s > 1,400
        var interactive = Chat with { BatchShare = 0 };
        var scenario = Over(1, interactive, RentedModel8B) with { Workload = new Workload { Profiles = [interactive], PeakToAverageRatio = 8 } };

        // When
        var rented = Engine.Evaluate(scenario).Option("Model-8B on GPU-A");

        // Then ceil(1.087) = 2 replicas = 3,650
        rented.Months[0].Replicas.Should().Be(2);
        rented.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(3_650, Tolerance);
    }

    [Fact]
    public void Evaluate_GivenThroughput_ReplacesTheBenchmark()
    {
        // Given a measured 100 output tokens/s per replica
        var option = RentedModel8B with { ReplicaThroughputTokensPerSecond = 100 };

        // When
        var rented = Engine.Evaluate(Over(1, Chat, option)).Option("Model-8B on GPU-A");

        // Then ceil(190.26 / (100 × 0.7)) = ceil(2.718) = 3 replicas = 5,475
        rented.ThroughputSource.Should().Be(ThroughputSource.Given);
        rented.Months[0].Replicas.Should().Be(3);
        rented.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(5_475, Tolerance);
    }

    // ---- Storage and egress ----

    [Fact]
    public void Evaluate_StorageAndEgressGivenPrices_BillEveryMonth()
    {
        // Given 500 GB held at 0.02 per GB-month and 1,000 GB sent out at 0.05 per GB
        var option = RentedModel8B with { Storage = new StorageCosts { GbHeld = 500, PricePerGbMonth = 0.02, EgressGbPerMonth = 1_000, EgressPricePerGb = 0.05 } };

        // When
        var rented = Engine.Evaluate(Over(3, Chat, option)).Option("Model-8B on GPU-A");

        // Then storage 500 × 0.02 = 10 and egress 1,000 × 0.05 = 50 every month; total 1,825 + 60 = 1,885
        Line(rented, CostLine.Storage).Should().OnlyContain(c => Math.Abs(c - 10) < Tolerance);
        Line(rented, CostLine.Egress).Should().OnlyContain(c => Math.Abs(c - 50) < Tolerance);
        rented.Months.Should().OnlyContain(m => Math.Abs(m.Total - 1_885) < Tolerance);
    }

    [Fact]
    public void Evaluate_StorageAndEgressFromCatalog_UseTheTableRows()
    {
        // Given the cloudy object storage (0.023 per GB-month) and internet egress (0.09 per GB) rows
        var storage = new StorageCosts
        {
            GbHeld = 500,
            StorageProvider = "cloudy",
            StorageService = "Object Storage",
            EgressGbPerMonth = 1_000,
            EgressProvider = "cloudy",
            EgressService = "internet-egress",
        };

        // When
        var rented = Engine.Evaluate(Over(2, Chat, RentedModel8B with { Storage = storage })).Option("Model-8B on GPU-A");

        // Then storage 500 × 0.023 = 11.5 and egress 1,000 × 0.09 = 90
        Line(rented, CostLine.Storage).Should().OnlyContain(c => Math.Abs(c - 11.5) < Tolerance);
        Line(rented, CostLine.Egress).Should().OnlyContain(c => Math.Abs(c - 90) < Tolerance);
    }

    // ---- Fine-tuning ----

    [Theory]
    [InlineData(FineTuningMethod.Full, NumericPrecision.Bf16, 252.652855)]
    [InlineData(FineTuningMethod.Lora, NumericPrecision.Bf16, 168.435237)]
    [InlineData(FineTuningMethod.Qlora, NumericPrecision.Bf16, 168.435237)]
    [InlineData(FineTuningMethod.Full, NumericPrecision.Fp8, 126.326427)]
    public void Evaluate_FineTuningSchedule_BillsEstimatedRunsEveryOtherMonth(FineTuningMethod method, NumericPrecision precision, double expectedPerRun)
    {
        // Given 1e9 training tokens × 3 epochs on the serving GPU, first in month 2 then every 2 months, on-demand 2.5
        var fineTuning = new FineTuningSchedule { TrainingTokens = 1e9, Epochs = 3, Method = method, Precision = precision, FirstMonth = 2, EveryMonths = 2 };

        // When
        var rented = Engine.Evaluate(Over(6, Chat, RentedModel8B with { FineTuning = fineTuning })).Option("Model-8B on GPU-A");

        // Then full: 6 × 8e9 × 3e9 = 1.44e20 FLOPs / (989.5e12 × 0.4 = 3.958e14) = 363,820.111 s = 101.061142 GPU-hours
        //   × 2.5 = 252.652855; LoRA/QLoRA k = 4: × 4/6 = 168.435237; FP8 (1,979 TFLOPS) halves the hours: 126.326427
        // in months 2, 4, 6 (tolerance 1e-5)
        Line(rented, CostLine.FineTuning).Should().Equal([0, expectedPerRun, 0, expectedPerRun, 0, expectedPerRun], (a, b) => Math.Abs(a - b) < 1e-5);
    }

    [Fact]
    public void Evaluate_FineTuningMeasuredHours_OverrideTheEstimate()
    {
        // Given 50 measured GPU-hours per run, a single run (every 0 months) in month 3
        var fineTuning = new FineTuningSchedule { TrainingTokens = 1e9, Epochs = 3, MeasuredGpuHoursPerRun = 50, FirstMonth = 3 };

        // When
        var result = Engine.Evaluate(Over(4, Chat, RentedModel8B with { FineTuning = fineTuning }));

        // Then 50 × 2.5 = 125, once
        Line(result.Option("Model-8B on GPU-A"), CostLine.FineTuning).Should().Equal([0, 0, 125, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        result.Assumptions.Should().Contain(a => a.Kind == AssumptionKind.Choice && a.Text.Contains("50 measured GPU-hours", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_FineTuningCustomFactorAndPrice_UseThem()
    {
        // Given k = 2 (given) and a price of 4 per GPU-hour, one run in month 1
        var fineTuning = new FineTuningSchedule { TrainingTokens = 1e9, Epochs = 3, FlopsPerParameterPerToken = 2, PricePerGpuHour = 4 };

        // When
        var rented = Engine.Evaluate(Over(2, Chat, RentedModel8B with { FineTuning = fineTuning })).Option("Model-8B on GPU-A");

        // Then 2 × 8e9 × 3e9 = 4.8e19 / 3.958e14 / 3,600 = 33.687047 GPU-hours × 4 = 134.748189 (tolerance 1e-5)
        Line(rented, CostLine.FineTuning).Should().Equal([134.748189, 0], (a, b) => Math.Abs(a - b) < 1e-5);
    }

    // ---- People, licences, support, setup ----

    [Fact]
    public void Evaluate_People_BillsFtesLicencesSupportMonthlyAndSetupOnce()
    {
        // Given 2 FTEs at 180,000 a year, licences 500 and support 1,500 a month, setup 25,000
        var people = new PeopleCosts { Ftes = 2, YearlyLoadedCostPerFte = 180_000, LicencesPerMonth = 500, SupportPerMonth = 1_500, SetupCost = 25_000 };

        // When
        var rented = Engine.Evaluate(Over(3, Chat, RentedModel8B with { People = people })).Option("Model-8B on GPU-A");

        // Then people 2 × 180,000 / 12 = 30,000; licences and support 2,000; setup 25,000 in month 1 only
        Line(rented, CostLine.People).Should().OnlyContain(c => Math.Abs(c - 30_000) < Tolerance);
        Line(rented, CostLine.LicencesAndSupport).Should().OnlyContain(c => Math.Abs(c - 2_000) < Tolerance);
        Line(rented, CostLine.Setup).Should().Equal([25_000, 0, 0], (a, b) => Math.Abs(a - b) < Tolerance);

        // Totals: 1,825 + 30,000 + 2,000 + 25,000 = 58,825, then 33,825
        rented.Months.Select(m => m.Total).Should().Equal([58_825, 33_825, 33_825], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    // ---- Lead time and the bridge API ----

    [Fact]
    public void Evaluate_LeadTime_BillsTheBridgeApiAndNoGpusUntilSelfHostingServes()
    {
        // Given a 2-month lead time bridged by acme-large with a 100 monthly fee; 1 FTE at 120,000 and 5,000 setup
        var api = AcmeLarge with { MonthlyFee = 100 };
        var option = RentedModel8B with
        {
            LeadTimeMonths = 2,
            BridgeApiOption = "Acme Large",
            People = new PeopleCosts { Ftes = 1, YearlyLoadedCostPerFte = 120_000, SetupCost = 5_000 },
        };
        var scenario = Over(4, Chat, option) with { ApiOptions = [api] };

        // When
        var self = Engine.Evaluate(scenario).Option("Model-8B on GPU-A");

        // Then months 1–2 (May, June: before the 2025-06-10 cut) carry the API bill: usage 21,375 (TcoEngineTests'
        // hand calculation) + fee 100 = 21,475, and no GPU; months 3–4 rent 1 GPU (1,825) and no bridge
        Line(self, CostLine.BridgeApi).Should().Equal([21_475, 21_475, 0, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(self, CostLine.GpuRental).Should().Equal([0, 0, 1_825, 1_825], (a, b) => Math.Abs(a - b) < Tolerance);
        self.Months.Select(m => m.Gpus).Should().Equal(0, 0, 1, 1);
        self.Months.Select(m => m.ServedByBridge).Should().Equal(true, true, false, false);
        self.Months[0].Utilization.Should().BeNull();

        // People run from month 1: 10,000 a month; setup 5,000 in month 1
        // Totals: 21,475 + 10,000 + 5,000 = 36,475; 31,475; 1,825 + 10,000 = 11,825; 11,825
        self.Months.Select(m => m.Total).Should().Equal([36_475, 31_475, 11_825, 11_825], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_LeadTimeOwned_BuysHardwareWhenSelfHostingStartsServing()
    {
        // Given owned GPUs with a 2-month lead time
        var option = OwnedModel8B(ExplicitHardware) with { LeadTimeMonths = 2, BridgeApiOption = "Acme Large" };

        // When
        var owned = Engine.Evaluate(Over(4, Chat, option)).Option("Owned Model-8B");

        // Then 40,000 capital in month 3; power 38.325, hosting 140, maintenance 400 from month 3
        Line(owned, CostLine.Capital).Should().Equal([0, 0, 40_000, 0], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Power).Should().Equal([0, 0, 38.325, 38.325], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Hosting).Should().Equal([0, 0, 140, 140], (a, b) => Math.Abs(a - b) < Tolerance);
        Line(owned, CostLine.Maintenance).Should().Equal([0, 0, 400, 400], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    // ---- Memory fit ----

    [Fact]
    public void Evaluate_ModelTooLargeForEightGpus_ThrowsNamingTheGigabytesNeeded()
    {
        // Given a 405B dense model in BF16 on 80 GB GPUs (72 GB usable each, 576 GB on 8)
        var engine = EngineWithRows("open_models.csv", Model405BRow);
        var option = RentedModel8B with { Name = "405B", Model = "model-405b" };

        // When
        var act = () => engine.Evaluate(Over(1, Chat, option));

        // Then weights 405e9 × 2 = 810 GB; KV per token 2 × 126 × 8 × 128 × 2 = 516,096 B;
        // 32 sequences × 1,500 tokens × 516,096 B = 24.77 GB; 834.77 GB needed > 576 GB
        var error = act.Should().Throw<ScenarioValidationException>().Which;
        error.Errors.Should().ContainSingle().Which.Path.Should().Be("$.selfHostedOptions[0].model");
        error.Message.Should().Contain("834.8 GB").And.Contain("810.0 GB of weights").And.Contain("does not fit on 8 GPUs");
    }

    [Fact]
    public void Evaluate_FixedGroupTooSmall_ThrowsNamingTheGigabytesNeeded()
    {
        // Given a 70B dense model in BF16 forced onto 2 GPUs (144 GB usable)
        var engine = EngineWithRows("open_models.csv", Model70BRow);
        var option = RentedModel8B with { Name = "70B", Model = "model-70b", GpusPerReplica = 2 };

        // When
        var act = () => engine.Evaluate(Over(1, Chat, option));

        // Then 70e9 × 2 = 140 GB + 32 × 1,500 × 327,680 B = 15.73 GB of KV = 155.7 GB > 144 GB
        var error = act.Should().Throw<ScenarioValidationException>().Which;
        error.Errors.Should().ContainSingle().Which.Path.Should().Be("$.selfHostedOptions[0].gpusPerReplica");
        error.Message.Should().Contain("155.7 GB").And.Contain("2 GPUs are not enough");
    }

    [Theory]
    [InlineData(NumericPrecision.Bf16, 4)]
    [InlineData(NumericPrecision.Fp8, 2)]
    [InlineData(NumericPrecision.Int4, 1)]
    public void Evaluate_70BModel_UsesTheSmallestPowerOfTwoThatFits(NumericPrecision precision, int expectedGpus)
    {
        // Given a 70B dense model with a BF16 KV cache of 15.73 GB (32 × 1,500 tokens × 327,680 B), 72 GB usable per GPU
        var engine = EngineWithRows("open_models.csv", Model70BRow);
        var option = RentedModel8B with { Name = "70B", Model = "model-70b", Precision = precision };

        // When
        var self = engine.Evaluate(Over(1, Chat, option)).Option("70B");

        // Then BF16: 140 + 15.73 = 155.7 GB > 144 (2 GPUs), ≤ 288 → 4 (not 3: powers of two only);
        // FP8: 70 + 15.73 = 85.7 GB > 72, ≤ 144 → 2; INT4: 35 + 15.73 = 50.7 GB ≤ 72 → 1.
        // No benchmark row for this model: one replica's roofline throughput far exceeds 190 tokens/s, so 1 replica.
        self.GpusPerReplica.Should().Be(expectedGpus);
        self.Months[0].Gpus.Should().Be(expectedGpus);
        self.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(expectedGpus * 1_825, Tolerance);
    }

    [Theory]
    [InlineData("model-70b-plain", NumericPrecision.Fp8, 32, 4)]
    [InlineData("model-70b-latent", NumericPrecision.Fp8, 32, 2)]
    [InlineData("model-70b-gqa", NumericPrecision.Int4, 128, 2)]
    [InlineData("model-70b-window", NumericPrecision.Int4, 128, 1)]
    public void Evaluate_LatentOrSlidingWindowAttention_ShrinksTheKvCacheAndTheGroup(string model, NumericPrecision precision, int concurrency, int expectedGpus)
    {
        // Given 70B dense models in a table with the optional attention columns, BF16 KV cache, 1,500 tokens per sequence,
        // 72 GB usable per GPU:
        //   plain (64 KV heads × 128): 2 × 80 × 64 × 128 × 2 = 2,621,440 B/token × 32 × 1,500 = 125.83 GB + 70 GB FP8
        //     weights = 195.8 GB > 144 → 4 GPUs
        //   latent (kv_lora_rank 512 + qk_rope_head_dim 64): 576 × 80 × 2 = 92,160 B/token × 48,000 = 4.42 GB + 70
        //     = 74.4 GB > 72 → 2 GPUs
        //   GQA (8 KV heads × 128): 4,096 B per token and layer; 80 × 4,096 × 128 × 1,500 = 62.91 GB + 35 GB INT4
        //     weights = 97.9 GB > 72 → 2 GPUs
        //   the same with a 128-token window on 70 of the 80 layers: (10 × 1,500 + 70 × 128) × 4,096 = 98,140,160 B per
        //     sequence × 128 = 12.56 GB + 35 = 47.6 GB ≤ 72 → 1 GPU
        var header = TestTables.ModelHeader.Replace("head_dim,context", "head_dim,kv_lora_rank,qk_rope_head_dim,sliding_window_tokens,sliding_window_layers,context", StringComparison.Ordinal);
        var models = TestTables.Lines(
            header,
            "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,,,,,131072,apache-2.0,,https://example.com/model,2026-11-29",
            "org/Plain-70B,model-70b-plain,dense,70,70,80,8192,64,64,128,,,,,131072,llama2,,https://example.com/m,2026-11-29",
            "org/Latent-70B,model-70b-latent,dense,70,70,80,8192,64,64,128,512,64,,,131072,llama2,,https://example.com/m,2026-11-29",
            "org/Gqa-70B,model-70b-gqa,dense,70,70,80,8192,64,8,128,,,,,131072,llama2,,https://example.com/m,2026-11-29",
            "org/Window-70B,model-70b-window,dense,70,70,80,8192,64,8,128,,,128,70,131072,llama2,,https://example.com/m,2026-11-29");
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("open_models.csv", models))));
        var option = RentedModel8B with { Name = "70B", Model = model, Precision = precision, ServingConcurrency = concurrency };

        // When
        var self = engine.Evaluate(Over(1, Chat, option)).Option("70B");

        // Then
        self.GpusPerReplica.Should().Be(expectedGpus);
    }

    // ---- Throughput: benchmark or roofline estimate ----

    [Fact]
    public void Evaluate_NoBenchmarkRowForFp8_UsesTheRooflineEstimateAndFlagsIt()
    {
        // Given Model-8B served in FP8: the only benchmark row is BF16
        var option = RentedModel8B with { Precision = NumericPrecision.Fp8 };

        // When
        var result = Engine.Evaluate(Over(1, Chat, option));
        var self = result.Option("Model-8B on GPU-A");

        // Then the roofline at batch 32, MBU 0.6, MFU 0.4 on 1 GPU-A (FP8 1,979 TFLOPS, 3.35 TB/s), 1,000 in / 500 out:
        //   weights 8e9 B (FP8); KV 131,072 B/token (BF16 cache); mean context 1,000 + 250 = 1,250
        //   memory time = (8e9 + 32 × 1,250 × 131,072) / (3.35e12 × 0.6) = 13.24288e9 / 2.01e12 = 6.588498 ms
        //   compute time = 2 × 8e9 × 32 / (1,979e12 × 0.4) = 5.12e11 / 7.916e14 = 0.6468 ms → step 6.588498 ms
        //   prefill = 2 × 8e9 × 1,000 / 7.916e14 = 20.212228 ms; per request 20.212228 + 500 × 6.588498 / 32
        //   = 20.212228 + 102.945274 = 123.157502 ms → 500 / 0.123157502 = 4,059.84 tokens/s (tolerance 0.01)
        self.ThroughputSource.Should().Be(ThroughputSource.RooflineEstimate);
        self.ReplicaThroughputTokensPerSecond.Should().BeApproximately(4_059.84, 0.01);
        result.Assumptions.Should().ContainSingle(a => a.Option == "Model-8B on GPU-A" && a.Kind == AssumptionKind.Estimate && a.Text.Contains("no benchmark row", StringComparison.Ordinal))
            .Which.Text.Should().Contain("roofline estimate at batch 32");

        // 190.26 / (4,059.84 × 0.7) = 0.067 → 1 replica, 1,825
        self.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(1_825, Tolerance);
    }

    [Fact]
    public void Evaluate_ZeroOutputTokensWithRooflineEstimate_NeedsOnlyTheMinimumReplicas()
    {
        // Given a prefill-only workload (1,000 input, 0 output tokens per request: valid, output must only be ≥ 0) served
        // in FP8, which has no benchmark row
        var option = RentedModel8B with { Precision = NumericPrecision.Fp8 };
        var scenario = Over(1, Chat with { OutputTokensPerRequest = 0 }, option);

        // When
        Exception? thrown = null;
        ScenarioResult? result = null;
        try
        {
            result = Engine.Evaluate(scenario);
        }
        catch (Exception e)
        {
            thrown = e;
        }

        // Then by docs/methodology.md (section 4.3, "Replicas and GPUs"): peak output 0 tokens/s → needed = 0 → replicas =
        // max(minimum replicas 1, 0) + 0 redundancy = 1 → 1 GPU × 1,825;
        // a ScenarioValidationException explaining that the roofline cannot size a 0-output workload would also do
        if (thrown is not null)
        {
            thrown.Should().BeOfType<ScenarioValidationException>();
            return;
        }

        var self = result!.Option("Model-8B on GPU-A");
        self.Months[0].Replicas.Should().Be(1);
        self.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(1_825, Tolerance);
    }

    [Fact]
    public void Evaluate_ReplicaCountBeyondInt32_ThrowsScenarioValidationNotOverflow()
    {
        // Given 1e15 requests of 1,000 output tokens (1e18 tokens, accepted by the validator) and a peak 10 × the average
        var profile = new TrafficProfile { Name = "huge", MonthlyRequests = 1e15, InputTokensPerRequest = 0, OutputTokensPerRequest = 1000 };
        var scenario = Over(1, profile, RentedModel8B) with { Workload = new Workload { Profiles = [profile], PeakToAverageRatio = 10 } };

        // When
        var act = () => Engine.Evaluate(scenario);

        // Then one of Evaluate's documented outcomes, never an OverflowException
        act.Should().Throw<ScenarioValidationException>();
    }

    [Fact]
    public void Evaluate_BenchmarkRowMatches_IsNotFlaggedAsAnEstimate()
    {
        // Given Model-8B in BF16 on 1 GPU-A: the benchmark row matches
        var result = Engine.Evaluate(Over(1, Chat, RentedModel8B));

        // Then the throughput is the row's 2,000 tokens/s, cited as a table row, and no roofline estimate is made
        result.Option("Model-8B on GPU-A").ThroughputSource.Should().Be(ThroughputSource.Benchmark);
        result.Assumptions.Should().Contain(a => a.Kind == AssumptionKind.TableRow && a.Text.Contains("throughput_benchmarks.csv", StringComparison.Ordinal) && a.Text.Contains("measured within 20 %", StringComparison.Ordinal));
        result.Assumptions.Should().NotContain(a => a.Kind == AssumptionKind.Estimate && a.Text.StartsWith("Capacity for profile", StringComparison.Ordinal));
    }

    // ---- Steady state (the break-even volume curve) ----

    [Fact]
    public void Evaluate_SteadyState_CarriesEveryRecurringCostAndOneReplicasTokens()
    {
        // Given storage 500 GB × 0.02 and egress 1,000 GB × 0.05; 2 FTEs at 180,000 a year, licences 500, support 1,500,
        // setup 25,000; fine-tuning 50 GPU-hours × 4 every 2 months; a peak twice the average
        var option = RentedModel8B with
        {
            Storage = new StorageCosts { GbHeld = 500, PricePerGbMonth = 0.02, EgressGbPerMonth = 1_000, EgressPricePerGb = 0.05 },
            People = new PeopleCosts { Ftes = 2, YearlyLoadedCostPerFte = 180_000, LicencesPerMonth = 500, SupportPerMonth = 1_500, SetupCost = 25_000 },
            FineTuning = new FineTuningSchedule { TrainingTokens = 1e9, MeasuredGpuHoursPerRun = 50, PricePerGpuHour = 4, EveryMonths = 2 },
        };
        var scenario = Over(3, Chat, option) with { Workload = new Workload { Profiles = [Chat], PeakToAverageRatio = 2 } };

        var steady = Engine.Evaluate(scenario).Option("Model-8B on GPU-A").SteadyState;

        // Then fixed: 10 + 50 + 30,000 + 2,000 + (50 × 4) / 2 = 32,160 (setup is one-off, left out)
        steady.FixedMonthlyCost.Should().BeApproximately(32_160, Tolerance);

        // One replica: 1 GPU × 730 h × 2.5 = 1,825. Each request takes 500 / 2,000 = 0.25 replica-seconds; half the 1e6
        // requests are interactive, sized at twice the average: 5e5 × 0.25 × 2 = 250,000 s; all at the average:
        // 1e6 × 0.25 = 250,000 s; the larger ÷ 2,628,000 s = 0.0951294 busy replicas ÷ 0.7 = 0.1358991 replicas for the
        // month's 1.5e9 tokens: 1.5e9 / 0.1358991 = 1.5e9 × 0.7 × 2,628,000 / 250,000 = 11,037,600,000
        steady.CostPerReplica.Should().BeApproximately(1_825, Tolerance);
        steady.TokensPerMonthPerReplica.Should().BeApproximately(11_037_600_000, 1e-3);
        steady.Should().Match<SteadyStateCost>(s => s.Kind == OptionKind.SelfHosted && s.MinReplicas == 1 && s.RedundancyReplicas == 0);
    }

    [Fact]
    public void Evaluate_SingleFineTuningRun_IsLeftOutOfTheSteadyState()
    {
        // Given one fine-tuning run (every 0 months) of 50 GPU-hours × 4 and no other fixed cost
        var option = RentedModel8B with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e9, MeasuredGpuHoursPerRun = 50, PricePerGpuHour = 4 } };

        var steady = Engine.Evaluate(Over(2, Chat, option)).Option("Model-8B on GPU-A").SteadyState;

        // Then a one-off run adds nothing per month at steady state
        steady.FixedMonthlyCost.Should().Be(0);
    }

    [Fact]
    public void Evaluate_NoTrafficInTheSteadyMonth_GivesNoTokensPerReplica()
    {
        // Given no requests in month 1 (the steady month without a lead time) and 1e6 in month 2
        var steady = Engine.Evaluate(Over(2, Chat with { Growth = GrowthRule.Series(0, 1e6) }, RentedModel8B)).Option("Model-8B on GPU-A").SteadyState;

        // Then there is no mix to convert a replica's throughput into monthly tokens: 0, not 0 / 0
        steady.TokensPerMonthPerReplica.Should().Be(0);
    }

    // ---- Memory fit and the rows it rests on ----

    [Fact]
    public void Evaluate_MemoryFit_StatesWeightsKvCacheForTheLongestProfileAndUsableMemory()
    {
        // Given the chat profile (1,000 + 500 tokens) and a shorter one (100 + 100)
        var shortProfile = new TrafficProfile { Name = "short", MonthlyRequests = 1e5, InputTokensPerRequest = 100, OutputTokensPerRequest = 100 };
        var scenario = Over(1, Chat, RentedModel8B) with { Workload = new Workload { Profiles = [Chat, shortProfile] } };

        var assumptions = Engine.Evaluate(scenario).Assumptions.Where(a => a.Option == "Model-8B on GPU-A").ToList();

        // Then KV = 32 × 1,500 (the longest) × 131,072 B = 6.29 GB; 16 + 6.29 = 22.3 GB; usable 80 × 0.9 = 72 GB
        assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Choice && a.Text.StartsWith("'org/Model-8B' in BF16", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll(
                "needs 22.3 GB: 16.0 GB of weights + 6.3 GB of KV cache",
                "32 sequences × 1,500 tokens × 131,072 bytes per token",
                "one GPU-A has 72.0 GB usable",
                "so one replica uses 1 GPU(s)");

        // And the GPU and model rows are cited with their figures and sources
        assumptions.Should().Contain(a => a.Kind == AssumptionKind.TableRow && a.SourceUrl == new Uri("https://example.com/gpu-a")
            && a.Text.StartsWith("gpus.csv: GPU-A: 80 GB, 3.35 TB/s, 989.5 dense BF16 TFLOPS, 700 W", StringComparison.Ordinal));
        assumptions.Should().Contain(a => a.Kind == AssumptionKind.TableRow && a.SourceUrl == new Uri("https://example.com/model")
            && a.Text.StartsWith("open_models.csv: org/Model-8B: 8B total / 8B active parameters, 32 layers, 8 KV heads × 128 head dim", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Evaluate_GivenGpusPerReplicaThatHoldTheModel_UsesThem(int gpusPerReplica)
    {
        // Given a group of 1 or 2 GPUs (72 or 144 GB usable) for a model needing 22.3 GB
        var self = Engine.Evaluate(Over(1, Chat, RentedModel8B with { GpusPerReplica = gpusPerReplica })).Option("Model-8B on GPU-A");

        self.GpusPerReplica.Should().Be(gpusPerReplica);
    }

    [Fact]
    public void Evaluate_LargestGroupOfOneGpuThatHoldsTheModel_Fits()
    {
        // Given at most 1 GPU per replica: 22.3 GB fits in 72 GB
        var self = Engine.Evaluate(Over(1, Chat, RentedModel8B with { MaxGpusPerReplica = 1 })).Option("Model-8B on GPU-A");

        self.GpusPerReplica.Should().Be(1);
    }

    // ---- Capacity texts ----

    [Fact]
    public void Evaluate_Capacity_StatesTheReplicaFormulaWithItsFigures()
    {
        var assumptions = Engine.Evaluate(Over(1, Chat, RentedModel8B with { MinReplicas = 2, RedundancyReplicas = 1 })).Assumptions;

        assumptions.Should().ContainSingle(a => a.Text.StartsWith("Capacity:", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("max(2, ", "load ÷ 0.7 target utilisation", "+ 1 spare", "× 1 peak-to-average", "2,000.0 output tokens/s per replica");
    }

    [Fact]
    public void Evaluate_GivenThroughput_IsStatedAsAChoice()
    {
        var assumptions = Engine.Evaluate(Over(1, Chat, RentedModel8B with { ReplicaThroughputTokensPerSecond = 1_000 })).Assumptions;

        assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Choice && a.Text.StartsWith("Capacity for profile 'chat'", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("1,000.0 output tokens/s per replica, given in the scenario");
    }

    [Fact]
    public void Evaluate_TooManyReplicasInALaterMonth_NamesThatMonth()
    {
        // Given 1 request in month 1 and 1e15 in month 2 of 1,000 output tokens (1e18, the validator's limit) at a peak
        // 10 × the average: far beyond any replica count
        var profile = new TrafficProfile { Name = "huge", MonthlyRequests = 1, InputTokensPerRequest = 0, OutputTokensPerRequest = 1000, Growth = GrowthRule.Series(1, 1e15) };
        var act = () => Engine.Evaluate(Over(2, profile, RentedModel8B) with { Workload = new Workload { Profiles = [profile], PeakToAverageRatio = 10 } });

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().StartWith("month 2 needs");
    }

    [Fact]
    public void Evaluate_LeadTime_StatesTheBridgeAndWhenGpusArePaid()
    {
        var option = RentedModel8B with { LeadTimeMonths = 2, BridgeApiOption = "Acme Large" };

        var assumptions = Engine.Evaluate(Over(4, Chat, option)).Assumptions;

        assumptions.Should().ContainSingle(a => a.Text.StartsWith("Lead time:", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("months 1 to 2", "'Acme Large'", "paid from month 3");
    }

    // ---- Benchmark row choice ----

    [Fact]
    public void Evaluate_SeveralRowsAtTheProfilesShape_TakesTheOfflineRowThenTheNearestThenTheSlower()
    {
        // Given, besides the 1,000 in / 500 out row at 2,000 tokens/s (concurrency 64), rows within 20 % of the chat
        // profile's 1,000 in / 500 out: an offline 1,100 / 550 row at 2,500 (log distance ln 1.1 + ln 1.1 = 0.191) and an
        // offline 900 / 500 row at 2,400 (ln(1000/900) = 0.105), and a far 100 / 2,000 row at 3,000.
        // Offline rows come before rows at a stated concurrency, then the nearest: 900 / 500 at 2,400.
        var engine = EngineWithRows(
            "throughput_benchmarks.csv",
            "org/Model-8B,GPU-A,1,bf16,vllm,1100,550,0,2500,,https://example.com/bench,2026-11-29",
            "org/Model-8B,GPU-A,1,bf16,vllm,900,500,0,2400,,https://example.com/bench,2026-11-29",
            "org/Model-8B,GPU-A,1,bf16,vllm,100,2000,0,3000,,https://example.com/bench,2026-11-29");

        var result = engine.Evaluate(Over(1, Chat, RentedModel8B));

        result.Option("Model-8B on GPU-A").ReplicaThroughputTokensPerSecond.Should().Be(2_400);
        result.Option("Model-8B on GPU-A").ThroughputSource.Should().Be(ThroughputSource.Benchmark);
        result.Assumptions.Should().ContainSingle(a => a.Text.StartsWith("Capacity for profile 'chat'", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("900 in / 500 out, offline maximum throughput: 2400 output tokens/s", "measured within 20 % of the profile's shape");
    }

    [Fact]
    public void Evaluate_RowAtAnotherShape_IsCarriedOverByTheRooflineRatioAndFlagged()
    {
        // Given only an offline row at 1,000 in / 1,000 out (3,000 tokens/s) for the chat profile's 1,000 in / 500 out.
        // Roofline on 1 GPU-A in BF16 (989.5 TFLOPS, 3.35 TB/s, 80 GB × 0.9 usable), MBU 0.6, MFU 0.4, KV 131,072 B/token:
        //   offline batch = floor((72e9 − 16e9) / (tokens × 131,072)), at most 256:
        //     1,000 / 1,000: 56e9 / (2,000 × 131,072) = 213.6 → 213;  1,000 / 500: 56e9 / (1,500 × 131,072) = 284.8 → 256
        //   prefill = 2 × 8e9 × 1,000 / (989.5e12 × 0.4) = 40.424457 ms for both shapes
        //   1,000 / 1,000 at 213: context 1,500; memory (16e9 + 213 × 1,500 × 131,072) / 2.01e12 = 28.794 ms;
        //     compute 2 × 8e9 × 213 / 3.958e14 = 8.6104 ms → step 28.794 ms; per request 40.424 + 1,000 × 28.794 / 213
        //     = 175.608 ms → 5,694.5 tokens/s
        //   1,000 / 500 at 256: context 1,250; memory (16e9 + 256 × 1,250 × 131,072) / 2.01e12 = 28.827 ms;
        //     compute 10.349 ms → step 28.827 ms; per request 40.424 + 500 × 28.827 / 256 = 96.728 ms → 5,169.1 tokens/s
        //   ratio 5,169.1 / 5,694.5 = 0.90774 → 3,000 × 0.90774 = 2,723.2 tokens/s (tolerance 1)
        var tables = TestTables.With("throughput_benchmarks.csv", TestTables.Lines(TestTables.BenchmarkHeader, "org/Model-8B,GPU-A,1,bf16,vllm,1000,1000,0,3000,,https://example.com/bench,2026-11-29"));
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(tables)));

        var result = engine.Evaluate(Over(1, Chat, RentedModel8B));

        var self = result.Option("Model-8B on GPU-A");
        self.ThroughputSource.Should().Be(ThroughputSource.BenchmarkAdjusted);
        self.ReplicaThroughputTokensPerSecond.Should().BeApproximately(2_723.2, 1);
        result.Assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Estimate && a.Text.StartsWith("Capacity for profile 'chat'", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("an estimate", "carried over from the benchmark row measured at 1000 in / 1000 out", "roofline ratio 0.90");
    }

    [Fact]
    public void Evaluate_OfflineBenchmarkRow_IsDescribedAsOfflineMaximumThroughput()
    {
        // Given an FP8 row measured offline (concurrency 0) at the chat profile's shape
        var engine = EngineWithRows("throughput_benchmarks.csv", "org/Model-8B,GPU-A,1,fp8,vllm,1000,500,0,3500,,https://example.com/bench,2026-11-29");

        var result = engine.Evaluate(Over(1, Chat, RentedModel8B with { Precision = NumericPrecision.Fp8 }));

        result.Option("Model-8B on GPU-A").ReplicaThroughputTokensPerSecond.Should().Be(3_500);
        result.Assumptions.Should().ContainSingle(a => a.Text.Contains("throughput_benchmarks.csv", StringComparison.Ordinal))
            .Which.Text.Should().Contain("offline maximum throughput: 3500 output tokens/s");
    }

    [Fact]
    public void Evaluate_TwoProfiles_EachSizedAtItsOwnShapeSharingTheReplicas()
    {
        // Given rows at both profiles' shapes: "long" 1,000 / 1,000 at 2,000 tokens/s and "wide" 10 / 3,000 at 3,000
        // tokens/s, each profile 1e6 requests a month, no batch share, peak-to-average 1
        var engine = EngineWithRows(
            "throughput_benchmarks.csv",
            "org/Model-8B,GPU-A,1,bf16,vllm,1000,1000,0,2000,,https://example.com/bench,2026-11-29",
            "org/Model-8B,GPU-A,1,bf16,vllm,10,3000,0,3000,,https://example.com/bench,2026-11-29");
        var longProfile = new TrafficProfile { Name = "long", MonthlyRequests = 1e6, InputTokensPerRequest = 1000, OutputTokensPerRequest = 1000 };
        var wide = new TrafficProfile { Name = "wide", MonthlyRequests = 1e6, InputTokensPerRequest = 10, OutputTokensPerRequest = 3000 };
        var scenario = Over(1, Chat, RentedModel8B) with { Workload = new Workload { Profiles = [longProfile, wide] } };

        var self = engine.Evaluate(scenario).Option("Model-8B on GPU-A");

        // Then replica-seconds: long 1e6 × 1,000 / 2,000 = 500,000; wide 1e6 × 3,000 / 3,000 = 1,000,000; together
        // 1,500,000 / 2,628,000 = 0.570776 busy replicas ÷ 0.7 = 0.815 → 1 replica, 81.5 % of it at 0.7... utilisation
        // 0.570776; the mix: 4e9 output tokens / 1,500,000 s = 2,666.67 tokens/s per replica
        self.Months[0].Replicas.Should().Be(1);
        self.Months[0].Utilization.Should().BeApproximately(1_500_000 / 2_628_000.0, 1e-12);
        self.ReplicaThroughputTokensPerSecond.Should().BeApproximately(4e9 / 1.5e6, 1e-9);
    }

    [Fact]
    public void Evaluate_BatchShare_IsSizedAtTheAverageAndFillsTheTroughs()
    {
        // Given the chat profile (1e6 requests of 500 output tokens at 2,000 tokens/s: 0.25 replica-seconds each) with
        // half its requests deferrable, and a peak 8 times the average
        var scenario = Over(1, Chat, RentedModel8B) with { Workload = new Workload { Profiles = [Chat], PeakToAverageRatio = 8 } };

        var self = Engine.Evaluate(scenario).Option("Model-8B on GPU-A");

        // Then interactive at the peak: 5e5 × 0.25 × 8 = 1,000,000 s; all at the average: 1e6 × 0.25 = 250,000 s;
        // load = 1,000,000 / 2,628,000 = 0.380518 ÷ 0.7 = 0.5436 → 1 replica (2 if the deferrable half were sized at the
        // peak too: 2,000,000 / 2,628,000 / 0.7 = 1.087)
        self.Months[0].Replicas.Should().Be(1);
        self.Months[0].Utilization.Should().BeApproximately(1_000_000 / 2_628_000.0, 1e-12);

        // And when deferrable work outweighs the peak it sets the load: all deferrable, peak 8: 0 vs 250,000 s
        var deferrable = Chat with { BatchShare = 1 };
        var batchOnly = Over(1, deferrable, RentedModel8B) with { Workload = new Workload { Profiles = [deferrable], PeakToAverageRatio = 8 } };
        Engine.Evaluate(batchOnly).Option("Model-8B on GPU-A").Months[0].Utilization.Should().BeApproximately(250_000 / 2_628_000.0, 1e-12);
    }

    // ---- Rented: prices and their rows ----

    [Fact]
    public void Evaluate_RentedGivenPrice_ReplacesTheCatalogPrice()
    {
        // Given 3.0 per GPU-hour on demand: 730 × 3 = 2,190 a month
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", PricePerGpuHour = 3 } };

        var self = Engine.Evaluate(Over(2, Chat, option)).Option("Model-8B on GPU-A");

        Line(self, CostLine.GpuRental).Should().Equal([2_190, 2_190], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void Evaluate_RentedOnDemand_CitesTheOfferOnceAndMakesNoReservedStatement()
    {
        var result = Engine.Evaluate(Over(3, Chat, RentedModel8B));

        result.Assumptions.Should().ContainSingle(a => a.Text.StartsWith("gpu_rentals.csv:", StringComparison.Ordinal))
            .Which.Should().Match<Assumption>(a => a.Kind == AssumptionKind.TableRow && a.SourceUrl == new Uri("https://example.com/cloudy")
                && a.Text.Contains("cloudy big.1x (1 × GPU-A)", StringComparison.Ordinal)
                && a.Text.Contains("us-east-1, from 2025-01-01: 2.5 USD per GPU-hour", StringComparison.Ordinal));
        result.Assumptions.Should().NotContain(a => a.Text.StartsWith("Reserved plan", StringComparison.Ordinal) || a.Text.StartsWith("The reserved term", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_ReservedCommitmentCoveringTheNeed_CitesOnlyTheReservedOfferAndWarnsOfTheTermPastTheHorizon()
    {
        // Given 2 committed GPUs on a 1-year term (1.5 an hour) and 1 GPU needed, over 3 months
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, CommittedGpus = 2 } };

        var assumptions = EngineWithRows("gpu_rentals.csv", ReservedRow).Evaluate(Over(3, Chat, option)).Assumptions;

        // Then no on-demand overflow, so only the reserved offer is cited
        assumptions.Should().ContainSingle(a => a.Text.StartsWith("gpu_rentals.csv:", StringComparison.Ordinal))
            .Which.Text.Should().Contain("1.5 USD per GPU-hour");

        // And the plan is stated, and the term's 12 − 3 = 9 months past the horizon are flagged once
        assumptions.Should().ContainSingle(a => a.Text.StartsWith("Reserved plan", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("2 GPUs committed", "12-month term");
        assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Warning && a.Text.StartsWith("The reserved term", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("starts in month 1", "runs 9 month(s) past the horizon");
    }

    [Fact]
    public void Evaluate_ReservedTermEndingWithTheHorizon_HasNoWarning()
    {
        // Given a 1-year term without a commitment over exactly 12 months
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } };

        var assumptions = EngineWithRows("gpu_rentals.csv", ReservedRow).Evaluate(Over(12, Chat, option)).Assumptions;

        assumptions.Should().NotContain(a => a.Text.StartsWith("The reserved term", StringComparison.Ordinal));
        assumptions.Should().ContainSingle(a => a.Text.StartsWith("Reserved plan", StringComparison.Ordinal))
            .Which.Text.Should().Contain("each 12-month term commits the instances its busiest month needs");
    }

    // ---- Storage and egress lookups ----

    [Fact]
    public void Evaluate_EgressOnly_LooksUpNoStoragePrice()
    {
        // Given egress at a given 0.05 per GB and nothing stored (no storage provider named)
        var option = RentedModel8B with { Storage = new StorageCosts { EgressGbPerMonth = 1_000, EgressPricePerGb = 0.05 } };

        var self = Engine.Evaluate(Over(1, Chat, option)).Option("Model-8B on GPU-A");

        // Then 1,000 × 0.05 = 50 of egress and no storage
        self.Months[0].Cost(CostLine.Egress).Should().BeApproximately(50, Tolerance);
        self.Months[0].Cost(CostLine.Storage).Should().Be(0);
    }

    [Fact]
    public void Evaluate_StorageAndEgressFromCatalog_CiteTheirRows()
    {
        var storage = new StorageCosts { GbHeld = 500, StorageProvider = "cloudy", StorageService = "Object Storage", EgressGbPerMonth = 1_000, EgressProvider = "cloudy", EgressService = "internet-egress" };

        var assumptions = Engine.Evaluate(Over(1, Chat, RentedModel8B with { Storage = storage })).Assumptions;

        assumptions.Should().Contain(a => a.Kind == AssumptionKind.TableRow && a.SourceUrl == new Uri("https://example.com/storage")
            && a.Text.StartsWith("storage_prices.csv: cloudy Object Storage (us-east-1): 0.023 USD per GB-month", StringComparison.Ordinal));
        assumptions.Should().Contain(a => a.Kind == AssumptionKind.TableRow && a.SourceUrl == new Uri("https://example.com/egress")
            && a.Text.StartsWith("egress_prices.csv: cloudy internet-egress (us-east-1): 0.09 USD per GB", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("storage", "cloudy Object Storage")]
    [InlineData("egress", "cloudy internet-egress")]
    public void Evaluate_UnknownStorageOrEgressService_ThrowsListingTheKnownRows(string what, string known)
    {
        // Given the right provider but a service the table does not have
        var storage = what == "storage"
            ? new StorageCosts { GbHeld = 500, StorageProvider = "cloudy", StorageService = "Block Storage" }
            : new StorageCosts { EgressGbPerMonth = 1_000, EgressProvider = "cloudy", EgressService = "premium-egress" };

        var act = () => Engine.Evaluate(Over(1, Chat, RentedModel8B with { Storage = storage }));

        act.Should().Throw<PricingLookupException>().Which.Message.Should().Contain(known);
    }

    [Theory]
    [InlineData("storage", 12.5)]
    [InlineData("egress", 100)]
    public void Evaluate_StorageOrEgressRowInAnotherCurrency_IsConvertedAtTheFirstServedMonthsRate(string what, double expected)
    {
        // Given the table row chosen priced in EUR in a USD scenario of 2025-05, when 1 EUR = 1.25 USD (TestTables)
        var engine = what == "storage"
            ? EngineWithRows("storage_prices.csv", "euro,Object Storage,eu-west-1,EUR,0.02,,https://example.com/euro,2026-11-29")
            : EngineWithRows("egress_prices.csv", "euro,internet-egress,eu-west-1,EUR,0.08,,https://example.com/euro,2026-11-29");
        var storage = what == "storage"
            ? new StorageCosts { GbHeld = 500, StorageProvider = "euro", StorageService = "Object Storage" }
            : new StorageCosts { EgressGbPerMonth = 1_000, EgressProvider = "euro", EgressService = "internet-egress" };

        var month = engine.Evaluate(Over(1, Chat, RentedModel8B with { Storage = storage })).Option("Model-8B on GPU-A").Months[0];

        // Then storage 500 GB × 0.02 EUR × 1.25 = 12.5 USD; egress 1,000 GB × 0.08 EUR × 1.25 = 100 USD
        month.Cost(what == "storage" ? CostLine.Storage : CostLine.Egress).Should().BeApproximately(expected, 1e-9);
    }

    [Theory]
    [InlineData("storage")]
    [InlineData("egress")]
    public void Evaluate_StorageOrEgressRowInACurrencyWithoutARate_ThrowsNamingThePairAndMonth(string what)
    {
        // Given the table row chosen priced in JPY, a currency exchange_rates.csv has no rate for
        var engine = what == "storage"
            ? EngineWithRows("storage_prices.csv", "yen,Object Storage,ap-northeast-1,JPY,3,,https://example.com/yen,2026-11-29")
            : EngineWithRows("egress_prices.csv", "yen,internet-egress,ap-northeast-1,JPY,12,,https://example.com/yen,2026-11-29");
        var storage = what == "storage"
            ? new StorageCosts { GbHeld = 500, StorageProvider = "yen", StorageService = "Object Storage" }
            : new StorageCosts { EgressGbPerMonth = 1_000, EgressProvider = "yen", EgressService = "internet-egress" };

        var act = () => engine.Evaluate(Over(1, Chat, RentedModel8B with { Storage = storage }));

        // Then the error names the option, the pair and the month
        act.Should().Throw<PricingLookupException>().Which.Message.Should().StartWith("$.selfHostedOptions[0]: No exchange rate from JPY to USD for 2025-05");
    }

    // ---- Fine-tuning: texts, provider and currency ----

    [Theory]
    [InlineData(FineTuningMethod.Full, "Fine-tuning (full): 6 × 8,000,000,000 parameters × 3,000,000,000 tokens = 1.44 × 10²⁰ FLOPs")]
    [InlineData(FineTuningMethod.Lora, "Fine-tuning (LoRA): 4 × 8,000,000,000 parameters × 3,000,000,000 tokens = 9.6 × 10¹⁹ FLOPs")]
    [InlineData(FineTuningMethod.Qlora, "Fine-tuning (QLoRA): 4 × 8,000,000,000 parameters × 3,000,000,000 tokens = 9.6 × 10¹⁹ FLOPs")]
    public void Evaluate_EstimatedFineTuning_StatesMethodFactorAndFlopsAsAnEstimate(FineTuningMethod method, string expected)
    {
        // Given 1e9 training tokens × 3 epochs of Model-8B (8e9 parameters): k × 8e9 × 3e9 FLOPs (k = 6 full, 4 LoRA/QLoRA)
        var option = RentedModel8B with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e9, Epochs = 3, Method = method } };

        var assumptions = Engine.Evaluate(Over(1, Chat, option)).Assumptions;

        assumptions.Should().ContainSingle(a => a.Text.StartsWith("Fine-tuning", StringComparison.Ordinal))
            .Which.Should().Match<Assumption>(a => a.Kind == AssumptionKind.Estimate && a.Text.StartsWith(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_FineTuningProvider_RentsTheTrainingGpusThereAndCitesTheOfferOnce()
    {
        // Given fine-tuning at provider "other" (4.0 per GPU-hour) while serving at cloudy: 50 GPU-hours a month
        var engine = EngineWithRows("gpu_rentals.csv", "other,ft.1x,GPU-A,1,on-demand,us-east-1,USD,4.0,2025-01-01,,https://example.com/other,2026-11-29");
        var option = RentedModel8B with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e9, MeasuredGpuHoursPerRun = 50, EveryMonths = 1, Provider = "other" } };

        var result = engine.Evaluate(Over(3, Chat, option));

        // Then 50 × 4.0 = 200 a month, and the offer is cited once for the three runs
        Line(result.Option("Model-8B on GPU-A"), CostLine.FineTuning).Should().Equal([200, 200, 200], (a, b) => Math.Abs(a - b) < Tolerance);
        result.Assumptions.Should().ContainSingle(a => a.Text.StartsWith("gpu_rentals.csv (fine-tuning)", StringComparison.Ordinal))
            .Which.Should().Match<Assumption>(a => a.Text.Contains("other ft.1x", StringComparison.Ordinal) && a.SourceUrl == new Uri("https://example.com/other"));
    }

    [Fact]
    public void Evaluate_FineTuningOfferInAnotherCurrency_IsConvertedAtItsRunsMonth()
    {
        // Given fine-tuning on provider 'euro' at 3.0 EUR per GPU-hour, 50 measured GPU-hours in month 1 (2025-05, when
        // 1 EUR = 1.25 USD in TestTables), in a USD scenario
        var engine = EngineWithRows("gpu_rentals.csv", "euro,eu.1x,GPU-A,1,on-demand,eu-west-1,EUR,3.0,2025-01-01,,https://example.com/euro,2026-11-29");
        var option = RentedModel8B with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e9, MeasuredGpuHoursPerRun = 50, Provider = "euro" } };

        var month = engine.Evaluate(Over(1, Chat, option)).Option("Model-8B on GPU-A").Months[0];

        // Then 50 h × 3.0 EUR × 1.25 = 187.5 USD
        month.Cost(CostLine.FineTuning).Should().BeApproximately(187.5, 1e-9);
    }

    // ---- Owned: steady state, statements and lookups ----

    [Fact]
    public void Evaluate_OwnedSteadyState_CostsOneReplicaItsDepreciationPowerHostingAndMaintenance()
    {
        // Given the explicit hardware: 40,000 capital per GPU over the default 60-month life; 0.7 kW at load 0.5, PUE 1.5,
        // 0.10 per kWh; 200 per kW-month; 12 % maintenance a year
        var steady = Engine.Evaluate(Over(1, Chat, OwnedModel8B(ExplicitHardware))).Option("Owned Model-8B").SteadyState;

        // Then 1 GPU × (40,000 / 60 + 0.7 × 0.5 × 1.5 × 730 × 0.10 + 0.7 × 200 + 40,000 × 0.12 / 12)
        //   = 666.667 + 38.325 + 140 + 400 = 1,244.991667
        steady.CostPerReplica.Should().BeApproximately((40_000 / 60.0) + 38.325 + 140 + 400, 1e-9);
    }

    [Theory]
    [InlineData(CostView.Cash, "cash view (capital in the month bought)")]
    [InlineData(CostView.Accounting, "accounting view (straight-line over 60 months)")]
    public void Evaluate_Owned_StatesCapitalViewAndPower(CostView view, string viewText)
    {
        var scenario = Over(1, Chat, OwnedModel8B(ExplicitHardware)) with { CostView = view };

        var assumptions = Engine.Evaluate(scenario).Assumptions;

        // 30,000 + 10,000 overhead = 40,000 per GPU; power at 50 % of GPU-A's 700 W, PUE 1.5, 0.1 per kWh
        assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Choice && a.Text.StartsWith("Owned:", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("40,000 USD capital per GPU (30,000 + 10,000 server overhead)", "whole servers of 1 GPUs", viewText, "PUE 1.5 × 0.1 USD/kWh");
        assumptions.Should().ContainSingle(a => a.Text.StartsWith("Power follows use", StringComparison.Ordinal)).Which.Text.Should().Contain("50 % given");

        // The hosting price is given, so there is no "no hosting" statement
        assumptions.Should().NotContain(a => a.Text.StartsWith("No hosting", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_OwnedWithoutAnyHosting_SaysHostingCostsNothing()
    {
        var hardware = ExplicitHardware with { HostingPricePerKwMonth = null };

        var result = Engine.Evaluate(Over(1, Chat, OwnedModel8B(hardware)));

        Line(result.Option("Owned Model-8B"), CostLine.Hosting).Should().Equal([0.0]);
        result.Assumptions.Should().ContainSingle(a => a.Text.StartsWith("No hosting", StringComparison.Ordinal))
            .Which.Should().Match<Assumption>(a => a.Kind == AssumptionKind.Choice && a.Option == "Owned Model-8B");
    }

    [Fact]
    public void Evaluate_OwnedWithHostingProvider_MakesNoNoHostingStatement()
    {
        var hardware = ExplicitHardware with { HostingPricePerKwMonth = null, HostingProvider = "colo" };

        Engine.Evaluate(Over(1, Chat, OwnedModel8B(hardware))).Assumptions
            .Should().NotContain(a => a.Text.StartsWith("No hosting", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_SeveralElectricityPeriods_TakesTheLatest()
    {
        // Given US-VA industrial prices for 2022 (0.07) and 2023 (0.0892)
        var engine = EngineWithRows("electricity_prices.csv", "US-VA,industrial,USD,0.07,2022,,https://example.com/power,2026-11-29");
        var hardware = ExplicitHardware with { ElectricityPricePerKwh = null, ElectricityRegion = "US-VA" };

        var owned = engine.Evaluate(Over(1, Chat, OwnedModel8B(hardware))).Option("Owned Model-8B");

        // Then power = 0.7 kW × 0.5 × 1.5 × 730 h × 0.0892 = 383.25 × 0.0892 = 34.18590
        owned.Months[0].Cost(CostLine.Power).Should().BeApproximately(34.1859, 1e-9);
    }

    [Fact]
    public void Evaluate_OwnedLookupsThatFindNothing_ThrowListingWhatIsKnown()
    {
        var pue = () => Engine.Evaluate(Over(1, Chat, OwnedModel8B(ExplicitHardware with { Pue = null, PueFigure = "nowhere" })));
        var power = () => Engine.Evaluate(Over(1, Chat, OwnedModel8B(ExplicitHardware with { ElectricityPricePerKwh = null, ElectricityRegion = "XX" })));
        var hosting = () => Engine.Evaluate(Over(1, Chat, OwnedModel8B(ExplicitHardware with { HostingPricePerKwMonth = null, HostingProvider = "nowhere" })));

        pue.Should().Throw<PricingLookupException>().Which.Message.Should().ContainAll("'nowhere'", "survey-2023");
        power.Should().Throw<PricingLookupException>().Which.Message.Should().ContainAll("industrial", "'XX'", "US-VA");
        hosting.Should().Throw<PricingLookupException>().Which.Message.Should().ContainAll("'nowhere'", "colo");
    }

    [Fact]
    public void Evaluate_LookupsThatFindNothing_ListEveryKnownRowSeparated()
    {
        // Given two rows in each table, so that the lists in the messages have a separator to show
        var tables = TestTables.Valid();
        tables["pue_figures.csv"] += "hyperscale,1.1,,https://example.com/pue,2026-11-29\n";
        tables["electricity_prices.csv"] += "US-TX,industrial,USD,0.07,2023,,https://example.com/power,2026-11-29\n";
        tables["hosting_prices.csv"] += "colo2,Europe,USD,150,,https://example.com/colo2,2026-11-29\n";
        tables["storage_prices.csv"] += "cloudy,Cold Storage,us-east-1,USD,0.004,,https://example.com/storage,2026-11-29\n";
        tables["egress_prices.csv"] += "cloudy,cdn-egress,us-east-1,USD,0.05,,https://example.com/egress,2026-11-29\n";
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(tables)));

        string Failure(SelfHostedOption option) =>
            FluentActions.Invoking(() => engine.Evaluate(Over(1, Chat, option))).Should().Throw<PricingLookupException>().Which.Message;

        // Then each message names what was asked for and lists every known row, in table order
        Failure(OwnedModel8B(ExplicitHardware with { Pue = null, PueFigure = "nowhere" })).Should().EndWith("Unknown PUE figure 'nowhere'; known: survey-2023, hyperscale.");
        Failure(OwnedModel8B(ExplicitHardware with { ElectricityPricePerKwh = null, ElectricityRegion = "XX" })).Should().EndWith("No industrial electricity price for region 'XX'; known regions: US-VA, US-TX.");
        Failure(OwnedModel8B(ExplicitHardware with { HostingPricePerKwMonth = null, HostingProvider = "nowhere" })).Should().EndWith("Unknown hosting provider 'nowhere'; known: colo, colo2.");
        Failure(RentedModel8B with { Storage = new StorageCosts { GbHeld = 500, StorageProvider = "cloudy", StorageService = "Block Storage" } })
            .Should().EndWith("No storage price for 'cloudy' 'Block Storage'; known: cloudy Object Storage; cloudy Cold Storage.");
        Failure(RentedModel8B with { Storage = new StorageCosts { EgressGbPerMonth = 1_000, EgressProvider = "cloudy", EgressService = "premium-egress" } })
            .Should().EndWith("No egress price for 'cloudy' 'premium-egress'; known: cloudy internet-egress; cloudy cdn-egress.");
    }

    [Fact]
    public void Evaluate_RentalSkuGiven_PricesThatSkusOffer()
    {
        // Given a second on-demand GPU-A offer at cloudy, small.1x at 3.1 an hour, besides big.1x at 2.5
        var engine = EngineWithRows("gpu_rentals.csv", "cloudy,small.1x,GPU-A,1,on-demand,us-east-1,USD,3.1,2025-01-01,,https://example.com/cloudy,2026-11-29");

        var option = engine.Evaluate(Over(1, Chat, RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Sku = "small.1x" } })).Option("Model-8B on GPU-A");

        // Then the one GPU is billed at small.1x's price: 730 h × 3.1 = 2,263 (big.1x would be 1,825)
        option.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(2_263, Tolerance);
    }

    [Fact]
    public void Evaluate_RentalPriceChangesMidHorizon_CitesBothOffers()
    {
        // Given big.1x's price falls to 2.0 from 2025-06-01, inside the three months from 2025-05-01
        var engine = EngineWithRows("gpu_rentals.csv", "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.0,2025-06-01,,https://example.com/cloudy,2026-11-29");

        var result = engine.Evaluate(ThreeMonths(RentedModel8B));

        // Then May is billed at 2.5 and June at 2.0 (730 h × 2.0 = 1,460), and each offer is cited once
        var option = result.Option("Model-8B on GPU-A");
        option.Months[0].Cost(CostLine.GpuRental).Should().BeApproximately(1_825, Tolerance);
        option.Months[1].Cost(CostLine.GpuRental).Should().BeApproximately(1_460, Tolerance);
        result.Assumptions.Where(a => a.Text.StartsWith("gpu_rentals.csv:", StringComparison.Ordinal)).Select(a => a.Text[..a.Text.IndexOf(':', 17)])
            .Should().Equal("gpu_rentals.csv: cloudy big.1x (1 × GPU-A), on-demand, us-east-1, from 2025-01-01", "gpu_rentals.csv: cloudy big.1x (1 × GPU-A), on-demand, us-east-1, from 2025-06-01");
    }

    [Fact]
    public void Evaluate_RentalOfferInAnotherCurrency_IsConvertedAtEachMonthsRate()
    {
        // Given the only on-demand offer of provider 'euro' is priced 2.1 EUR per GPU-hour, the scenario is in USD over
        // 2025-05 to 2025-07, when 1 EUR = 1.25, 1.5625 and 1.6 USD (TestTables)
        var engine = EngineWithRows("gpu_rentals.csv", "euro,eu.8x,GPU-A,8,on-demand,eu-west-1,EUR,2.1,2025-01-01,,https://example.com/euro,2026-11-29");

        var months = engine.Evaluate(Over(3, Chat, RentedModel8B with { Rented = new RentedCompute { Provider = "euro" } })).Option("Model-8B on GPU-A").Months;

        // Then each month rents its GPUs × 730 h × 2.1 EUR × that month's rate
        var rates = new[] { 1.25, 1.5625, 1.6 };
        months.Should().HaveCount(3).And.OnlyContain(m => m.Gpus > 0);
        months.Select((m, i) => m.Cost(CostLine.GpuRental) - (m.Gpus * 730 * 2.1 * rates[i])).Should().OnlyContain(d => Math.Abs(d) < 1e-9);
    }

    [Fact]
    public void Evaluate_RentalOfferInACurrencyWithoutARate_ThrowsNamingThePairAndMonth()
    {
        // Given the only offer is priced in JPY, which exchange_rates.csv has no rate for
        var engine = EngineWithRows("gpu_rentals.csv", "yen,jp.8x,GPU-A,8,on-demand,ap-northeast-1,JPY,300,2025-01-01,,https://example.com/yen,2026-11-29");

        var act = () => engine.Evaluate(Over(1, Chat, RentedModel8B with { Rented = new RentedCompute { Provider = "yen" } }));

        act.Should().Throw<PricingLookupException>().Which.Message.Should().StartWith("$.selfHostedOptions[0]: No exchange rate from JPY to USD for 2025-05");
    }

    [Fact]
    public void Evaluate_OwnedRowsInAnotherCurrency_AreConvertedInTheFirstServedMonthAtItsRate()
    {
        // Given electricity at 0.2 EUR/kWh, hosting at 150 EUR per kW-month and a purchase price of 25,000 EUR in a USD
        // scenario of 2025-05, when 1 EUR = 1.25 USD (TestTables)
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With(
            "electricity_prices.csv", TestTables.Valid()["electricity_prices.csv"] + TestTables.Lines("DE,industrial,EUR,0.2,2023,,https://example.com/de,2026-11-29")))));
        var hostingEngine = EngineWithRows("hosting_prices.csv", "euro-colo,Europe,EUR,150,,https://example.com/euro-colo,2026-11-29");
        var gpus = TestTables.Lines(TestTables.GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,EUR,https://example.com/price,2026-11-29,,https://example.com/gpu-a,2026-11-29");
        var purchaseEngine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("gpus.csv", gpus))));
        OptionResult Owned(TcoEngine e, OwnedHardware hardware) => e.Evaluate(Over(1, Chat, OwnedModel8B(hardware))).Option("Owned Model-8B");

        // When each is looked up in the table, and when given in USD at the converted price
        var power = Owned(engine, ExplicitHardware with { ElectricityPricePerKwh = null, ElectricityRegion = "DE" });
        var powerGiven = Owned(engine, ExplicitHardware with { ElectricityPricePerKwh = 0.2 * 1.25 });
        var hosting = Owned(hostingEngine, ExplicitHardware with { HostingPricePerKwMonth = null, HostingProvider = "euro-colo" });
        var hostingGiven = Owned(hostingEngine, ExplicitHardware with { HostingPricePerKwMonth = 150 * 1.25 });
        var purchase = Owned(purchaseEngine, ExplicitHardware with { PricePerGpu = null });

        // Then the table prices bill as 0.25 USD/kWh, 187.5 USD per kW-month, and capital of 25,000 × 1.25 + 10,000 overhead = 41,250 USD a GPU
        power.Months[0].Cost(CostLine.Power).Should().BeApproximately(powerGiven.Months[0].Cost(CostLine.Power), 1e-9).And.BeGreaterThan(0);
        hosting.Months[0].Cost(CostLine.Hosting).Should().BeApproximately(hostingGiven.Months[0].Cost(CostLine.Hosting), 1e-9).And.BeGreaterThan(0);
        purchase.Months[0].Cost(CostLine.Capital).Should().BeApproximately(purchase.Months[0].Gpus * 41_250.0, 1e-6).And.BeGreaterThan(0);
    }

    [Fact]
    public void Evaluate_OwnedRowsInAnotherCurrency_FollowEachMonthsRate()
    {
        // Given electricity at 0.2 EUR/kWh in a USD scenario over 2025-05 to 2025-07, when 1 EUR = 1.25, 1.5625 and 1.6
        // USD (TestTables), and the GPUs bought in month 3 (the 1e6 / 1e6 / 8e6 requests need a second GPU then), priced
        // 25,000 EUR in gpus.csv
        var gpus = TestTables.Lines(TestTables.GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,EUR,https://example.com/price,2026-11-29,,https://example.com/gpu-a,2026-11-29");
        var tables = TestTables.With("gpus.csv", gpus);
        tables["electricity_prices.csv"] += TestTables.Lines("DE,industrial,EUR,0.2,2023,,https://example.com/de,2026-11-29");
        tables["storage_prices.csv"] += TestTables.Lines("euro,Object Storage,eu-west-1,EUR,0.02,,https://example.com/euro,2026-11-29");
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(tables)));
        var profile = Chat with { BatchShare = 0, Growth = GrowthRule.Series(1e6, 1e6, 8e6) };
        var hardware = ExplicitHardware with { ElectricityPricePerKwh = null, ElectricityRegion = "DE", PricePerGpu = null };
        var storage = new StorageCosts { GbHeld = 500, StorageProvider = "euro", StorageService = "Object Storage" };
        var owned = engine.Evaluate(Over(3, profile, OwnedModel8B(hardware) with { Storage = storage })).Option("Owned Model-8B");

        // Then power in each month is the one GPU's 0.7 kW × 0.5 load × 1.5 PUE × 730 h × 0.2 EUR × that month's rate;
        // month 3 has two GPUs
        var power = owned.Months.Select(m => m.Cost(CostLine.Power)).ToArray();
        power.Should().Equal([0.7 * 0.5 * 1.5 * 730 * 0.2 * 1.25, 0.7 * 0.5 * 1.5 * 730 * 0.2 * 1.5625, 2 * 0.7 * 0.5 * 1.5 * 730 * 0.2 * 1.6], (a, b) => Math.Abs(a - b) < 1e-9);

        // And each GPU is paid at its purchase month's rate: 25,000 × 1.25 + 10,000 in month 1, 25,000 × 1.6 + 10,000 in month 3
        owned.Months.Select(m => m.Cost(CostLine.Capital)).Should().Equal([41_250, 0, 50_000], (a, b) => Math.Abs(a - b) < 1e-6);

        // And storage of 500 GB × 0.02 EUR at each month's rate: 12.5, 15.625, 16
        owned.Months.Select(m => m.Cost(CostLine.Storage)).Should().Equal([12.5, 15.625, 16], (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Evaluate_OwnedWithoutAnyPurchasePrice_SaysWhichGpuHasNone()
    {
        var act = () => Engine.Evaluate(Over(1, Chat, OwnedModel8B(ExplicitHardware with { PricePerGpu = null })));

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Single().Message.Should().ContainAll("no published purchase price for GPU-A", "pricePerGpu");
    }

    [Fact]
    public void Evaluate_OwnedWithListedPurchasePrice_CitesThePriceRow()
    {
        var gpus = TestTables.Lines(TestTables.GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,USD,https://example.com/price,2026-11-30,,https://example.com/gpu-a,2026-11-29");
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("gpus.csv", gpus))));

        var assumptions = engine.Evaluate(Over(1, Chat, OwnedModel8B(ExplicitHardware with { PricePerGpu = null }))).Assumptions;

        assumptions.Should().ContainSingle(a => a.Text.StartsWith("gpus.csv: GPU-A purchase price", StringComparison.Ordinal))
            .Which.Should().Match<Assumption>(a => a.Kind == AssumptionKind.TableRow && a.SourceUrl == new Uri("https://example.com/price")
                && a.Text.Contains("25000 USD per GPU; checked 2026-11-30", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_FineTuningOnAnotherGpu_EstimatesWithThatGpusFlops()
    {
        // Given a GPU-B with half GPU-A's dense BF16 TFLOPS (494.75), fine-tuning on it at a given 2.5 per GPU-hour
        var engine = EngineWithRows("gpus.csv", "GPU-B,nvidia,80,3.35,494.75,989.5,700,,,,,,https://example.com/gpu-b,2026-11-29");
        var fineTuning = new FineTuningSchedule { TrainingTokens = 1e9, Epochs = 3, Gpu = "GPU-B", PricePerGpuHour = 2.5 };

        var self = engine.Evaluate(Over(1, Chat, RentedModel8B with { FineTuning = fineTuning })).Option("Model-8B on GPU-A");

        // Then 6 × 8e9 × 3e9 = 1.44e20 FLOPs / (494.75e12 × 0.4 = 1.979e14) = 727,640.22 s = 202.122284 GPU-hours × 2.5
        //   = 505.305710 (twice the 252.652855 on GPU-A; tolerance 1e-5)
        self.Months[0].Cost(CostLine.FineTuning).Should().BeApproximately(505.305710, 1e-5);
    }

    [Fact]
    public void Evaluate_NoTrafficAfterTheLeadTime_StillRunsTheMinimumReplica()
    {
        // Given a 1-month lead time bridged by Acme Large, and traffic only in that first month
        var option = RentedModel8B with { LeadTimeMonths = 1, BridgeApiOption = "Acme Large" };

        var self = Engine.Evaluate(Over(2, Chat with { Growth = GrowthRule.Series(1e6, 0) }, option)).Option("Model-8B on GPU-A");

        // Then the replica is sized from the profile's shape (the benchmark row's 2,000 tokens/s) and the minimum of one
        // replica (1 GPU) runs in month 2 though it serves nothing
        self.ReplicaThroughputTokensPerSecond.Should().Be(2_000);
        self.Months.Select(m => m.Gpus).Should().Equal(0, 1);
    }

    [Fact]
    public void Evaluate_ReservedSkuWithOverflow_BillsTheOverflowAtTheOnDemandOffer()
    {
        // Given a reserved-only SKU "res.8x" (1.5 per GPU-hour) with 1 GPU committed, and on demand only big.1x (2.5);
        // traffic needs 1, 1, 2, 2 GPUs
        var engine = EngineWithRows("gpu_rentals.csv", "cloudy,res.8x,GPU-A,8,reserved-1y,us-east-1,USD,1.5,2025-01-01,,https://example.com/cloudy,2026-11-29");
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, Sku = "res.8x", CommittedGpus = 1 } };

        var rented = engine.Evaluate(Over(4, GrowsToTwoReplicas, option)).Option("Model-8B on GPU-A");

        // Then the SKU picks the reserved offer only: 730 × 1.5 = 1,095; the overflow GPU is on demand at big.1x,
        // 730 × 2.5 = 1,825 → 1,095, 1,095, 2,920, 2,920
        Line(rented, CostLine.GpuRental).Should().Equal([1_095, 1_095, 2_920, 2_920], (a, b) => Math.Abs(a - b) < Tolerance);
    }
}
