using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Tests.Uncertainty;

/// <summary>
/// The compiled kernel against the full engine on the paths <see cref="CompiledKernelTests"/> does not reach: a horizon
/// that is not a multiple of four months (so the scalar tails of the vectorised loops run), every kind of API price
/// (cache writes, per-request fees, batch discounts given in the scenario), prices looked up in the tables, reserved plans,
/// growth series, months without traffic, exact replica counts and the draws the kernel hands to the engine.
/// </summary>
public sealed class CompiledKernelPathsTests
{
    public static TheoryData<string> Variants => new(Scenarios.Keys);

    public static TheoryData<string> RejectedDraws => new(Rejected.Keys);

    private static Dictionary<string, Func<Scenario>> Scenarios => new()
    {
        ["23 months: cache writes, per-request fees, given batch discounts, a bridge with a fee and a shortfall, two growth rates"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 60, inputs:
            [
                new UncertainInput { Path = "workload.profiles[0].growth.monthlyRate", Distribution = Distribution.Triangular(0.02, 0.05, 0.09) },
                new UncertainInput { Path = "workload.profiles[1].growth.monthlyRate", Distribution = Distribution.Uniform(-0.02, 0.04) },
                new UncertainInput { Path = "workload.profiles[0].cacheWriteShare", Distribution = Distribution.Uniform(0, 0.3) },
                new UncertainInput { Path = "apiOptions[1].yearlyPriceDecline", Distribution = Distribution.Uniform(0, 0.3) },
                new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.8) },
            ]);
            return s with
            {
                HorizonMonths = 23,
                Workload = s.Workload with { Profiles = [s.Workload.Profiles[0] with { CacheWriteShare = 0.1 }, s.Workload.Profiles[1]] },
                ApiOptions =
                [
                    new ApiOption
                    {
                        Name = "Full Steady", Provider = "acme", Model = "acme-full", YearlyPriceDecline = 0.1, BatchDiscountFraction = 0.4, MonthlyFee = 300, MonthlyCommitment = 50_000,
                        FineTuning = new ApiFineTuning { TrainingTokens = 1e8, TrainingPricePerMillionTokens = 8, Month = 2, EveryMonths = 5 },
                    },
                    new ApiOption { Name = "Full Declining", Provider = "acme", Model = "acme-full", YearlyPriceDecline = 0.2, BatchDiscountFraction = 0.3 },
                    s.ApiOptions[1],
                ],
                SelfHostedOptions =
                [
                    // Fine-tuning runs in months 1, 8, 15 and 22 on GPUs whose on-demand price falls in month 7, and in
                    // months 4 and 14 on owned GPUs (the next run would fall just past the horizon)
                    s.SelfHostedOptions[0] with { BridgeApiOption = "Full Steady", FineTuning = new FineTuningSchedule { TrainingTokens = 1e8, MeasuredGpuHoursPerRun = 20, FirstMonth = 1, EveryMonths = 7 } },
                    s.SelfHostedOptions[1] with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e8, MeasuredGpuHoursPerRun = 20, PricePerGpuHour = 3, FirstMonth = 4, EveryMonths = 10 } },
                ],
            };
        },
        ["a price decline drawn as exactly 0"] = () => UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "apiOptions[0].yearlyPriceDecline", Distribution = Distribution.Point(0) }),
        ["owned, storage and people inputs by their paths"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 40, inputs:
            [
                new UncertainInput { Path = "selfHostedOptions[1].owned.serverOverheadPerGpu", Distribution = Distribution.Uniform(0, 10_000) },
                new UncertainInput { Path = "selfHostedOptions[1].owned.averageLoadFraction", Distribution = Distribution.Uniform(0.3, 0.9) },
                new UncertainInput { Path = "selfHostedOptions[1].owned.hostingPricePerKwMonth", Distribution = Distribution.Uniform(100, 200) },
                new UncertainInput { Path = "selfHostedOptions[1].owned.maintenanceYearlyFraction", Distribution = Distribution.Uniform(0.05, 0.15) },
                new UncertainInput { Path = "selfHostedOptions[1].owned.residualValueFraction", Distribution = Distribution.Uniform(0, 0.3) },
                new UncertainInput { Path = "selfHostedOptions[0].storage.pricePerGbMonth", Distribution = Distribution.Uniform(0.01, 0.03) },
                new UncertainInput { Path = "selfHostedOptions[0].storage.egressGbPerMonth", Distribution = Distribution.Uniform(0, 500) },
                new UncertainInput { Path = "selfHostedOptions[0].storage.egressPricePerGb", Distribution = Distribution.Uniform(0.05, 0.1) },
                new UncertainInput { Path = "selfHostedOptions[0].people.yearlyLoadedCostPerFte", Distribution = Distribution.Uniform(150_000, 200_000) },
                new UncertainInput { Path = "selfHostedOptions[0].people.licencesPerMonth", Distribution = Distribution.Uniform(0, 500) },
                new UncertainInput { Path = "selfHostedOptions[0].people.supportPerMonth", Distribution = Distribution.Uniform(0, 500) },
            ]);
            var rented = s.SelfHostedOptions[0] with
            {
                Storage = new StorageCosts { GbHeld = 500, PricePerGbMonth = 0.023, EgressGbPerMonth = 100, EgressPricePerGb = 0.09 },
                People = s.SelfHostedOptions[0].People! with { LicencesPerMonth = 200, SupportPerMonth = 100 },
            };
            var owned = s.SelfHostedOptions[1] with { Owned = s.SelfHostedOptions[1].Owned! with { ServerOverheadPerGpu = 5_000, AverageLoadFraction = 0.6 } };
            return s with { HorizonMonths = 23, SelfHostedOptions = [rented, owned] };
        },
        ["prices from the tables, and names the engine never looks up beside given prices"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 40, inputs:
            [
                new UncertainInput { Path = "workload.profiles[*].growth.monthlyRate", Distribution = Distribution.Triangular(0.02, 0.05, 0.09) },
                new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.8) },
            ]);

            // Storage and egress priced from their tables (a decoy row of another provider for the same service comes
            // first); the owned GPUs at the GPU table's list price and the electricity of the region's latest period;
            // unknown PUE figure and hosting provider names beside given values, which the engine never looks up.
            var rented = s.SelfHostedOptions[0] with
            {
                Storage = new StorageCosts { GbHeld = 500, StorageProvider = "cloudy", StorageService = "Object Storage", EgressGbPerMonth = 200, EgressProvider = "cloudy", EgressService = "internet-egress" },
            };
            var owned = s.SelfHostedOptions[1] with
            {
                Owned = s.SelfHostedOptions[1].Owned! with { PricePerGpu = null, ElectricityPricePerKwh = null, ElectricityRegion = "US-VA", PueFigure = "no-such-figure", HostingProvider = "no-such-colo" },
            };

            // No storage held (so no storage price is needed) but egress at a given price; an unknown electricity region
            // beside a given price
            var third = s.SelfHostedOptions[1] with
            {
                Name = "Owned, no storage held",
                Storage = new StorageCosts { GbHeld = 0, EgressGbPerMonth = 100, EgressPricePerGb = 0.09 },
                Owned = s.SelfHostedOptions[1].Owned! with { Pue = null, PueFigure = "survey-2023", ElectricityRegion = "Nowhere" },
            };
            return s with { SelfHostedOptions = [rented, owned, third] };
        },
        ["GPUs depreciated over 12 months, accounting view"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 40);
            return s with { CostView = CostView.Accounting, SelfHostedOptions = [s.SelfHostedOptions[0], s.SelfHostedOptions[1] with { Owned = s.SelfHostedOptions[1].Owned! with { UsefulLifeMonths = 12 } }] };
        },
        ["reserved plans: from the table, priced in the scenario, committed across a price cut, without an on-demand offer"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 40, inputs:
            [
                new UncertainInput { Path = "workload.profiles[*].growth.monthlyRate", Distribution = Distribution.Triangular(0.02, 0.05, 0.09) },
                new UncertainInput { Path = "selfHostedOptions[*].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.8) },
            ]);
            var rented = s.SelfHostedOptions[0] with { Storage = null, People = null };
            return s with
            {
                // 25 months: from a lead time of 1 month, two whole terms; from none, an odd number of months
                HorizonMonths = 25,
                SelfHostedOptions =
                [
                    rented with { Name = "Reserved from the table", LeadTimeMonths = 1, Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } },
                    rented with { Name = "Reserved from the table, no lead time", LeadTimeMonths = 0, BridgeApiOption = null, Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } },
                    rented with { Name = "Reserved at a given price", Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved3Year, PricePerGpuHour = 1.5 } },
                    rented with { Name = "Committed across a price cut", Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, CommittedGpus = 2 } },
                    rented with { Name = "Committed, no on-demand offer", Rented = new RentedCompute { Provider = "reservo", Plan = RentalPlan.Reserved1Year, CommittedGpus = 20 } },
                ],
            };
        },
        ["growth series from a month without traffic to a month without traffic, no minimum replicas"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 40, inputs:
            [
                new UncertainInput { Path = "workload.profiles[0].cacheReadShare", Distribution = Distribution.Uniform(0, 0.5) },
                new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.8) },
            ]);
            double[] Series(double scale) => [.. Enumerable.Range(0, 23).Select(m => m is 0 or 22 ? 0 : scale * (1 + (m % 5)))];
            var profiles = s.Workload.Profiles;
            return s with
            {
                HorizonMonths = 23,
                Workload = s.Workload with { Profiles = [profiles[0] with { Growth = GrowthRule.Series(Series(1e6)) }, profiles[1] with { Growth = GrowthRule.Series(Series(2e5)) }] },
                SelfHostedOptions =
                [
                    s.SelfHostedOptions[0] with { MinReplicas = 0 },
                    s.SelfHostedOptions[1] with { MinReplicas = 0, Precision = NumericPrecision.Fp8 },
                ],
            };
        },
        ["replica needs of exactly 2 and exactly the most a month may need"] = () =>
        {
            // 2,628,000,000 requests × 1,000 output tokens ÷ 2,628,000 s = 10⁶ tokens/s at a peak-to-average ratio of 1,
            // exactly: 10⁶ ÷ 500,000 = 2 replicas, and 10⁶ ÷ 1 = 10⁶ = ReplicaCount.Max replicas. No traffic in the first
            // month, the steady state's reference, so the volume break-even is never (the engine's ByVolume would walk
            // 2 × 10⁶ stairs per trial otherwise).
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "apiOptions[1].monthlyFee", Distribution = Distribution.Uniform(0, 1_000) });
            var exact = new SelfHostedOption
            {
                Name = "Two replicas",
                Model = "model-8b",
                Gpu = "GPU-A",
                MinReplicas = 0,
                TargetUtilization = 1,
                ReplicaThroughputTokensPerSecond = 500_000,
                Rented = new RentedCompute { Provider = "cloudy", PricePerGpuHour = 1 },
            };
            return s with
            {
                HorizonMonths = 23,
                Workload = new Workload { PeakToAverageRatio = 1, Profiles = [new TrafficProfile { Name = "flat", MonthlyRequests = 2_628_000_000, InputTokensPerRequest = 1000, OutputTokensPerRequest = 1000, Growth = GrowthRule.Series([0, .. Enumerable.Repeat(2_628_000_000.0, 22)]) }] },
                SelfHostedOptions = [exact, exact with { Name = "A million replicas", ReplicaThroughputTokensPerSecond = 1 }],
            };
        },
        ["a month of exactly the most tokens the validator allows"] = () =>
        {
            // 10¹⁵ requests × (600 + 400) tokens = 10¹⁸ tokens, exactly ScenarioValidator.MaxTokensPerMonth
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.profiles[0].cacheReadShare", Distribution = Distribution.Uniform(0, 0.5) });
            var selves = s.SelfHostedOptions.Select(o => o with { ReplicaThroughputTokensPerSecond = 1e12 }).ToArray();
            return s with
            {
                HorizonMonths = 23,
                Workload = new Workload { Profiles = [new TrafficProfile { Name = "huge", MonthlyRequests = 1e15, InputTokensPerRequest = 600, OutputTokensPerRequest = 400 }] },
                SelfHostedOptions = selves,
            };
        },
        ["cache shares adding up to exactly 1 and to exactly the validator's bound of 1 + 10⁻¹²"] = () =>
        {
            var s = UncertaintyScenarios.Growing(trials: 20, inputs:
            [
                new UncertainInput { Path = "workload.profiles[0].cacheReadShare", Distribution = Distribution.Point(0.5) },
                new UncertainInput { Path = "workload.profiles[0].cacheWriteShare", Distribution = Distribution.Point(0.5) },
                new UncertainInput { Path = "workload.profiles[1].cacheReadShare", Distribution = Distribution.Point(0.5) },
                new UncertainInput { Path = "workload.profiles[1].cacheWriteShare", Distribution = Distribution.Point((1 + 1e-12) - 0.5) },
            ]);
            return s;
        },
        ["a request shape moving between benchmark rows, one shape measured twice"] = () =>
            UncertaintyScenarios.Growing(trials: 40, inputs: new UncertainInput { Path = "workload.profiles[1].monthlyRequests", Distribution = Distribution.Uniform(100_000, 5_000_000) }),
        ["roofline throughput, the mean output per request unchanged while the input moves"] = () =>
        {
            // Both profiles produce 512 output tokens a request: the mean is exactly 512 whatever the volumes
            var s = UncertaintyScenarios.Growing(trials: 40, inputs: new UncertainInput { Path = "workload.profiles[1].monthlyRequests", Distribution = Distribution.Uniform(100_000, 2_000_000) });
            var profiles = s.Workload.Profiles;
            return s with
            {
                Workload = s.Workload with { Profiles = [profiles[0] with { OutputTokensPerRequest = 512 }, profiles[1] with { OutputTokensPerRequest = 512 }] },
                SelfHostedOptions = [s.SelfHostedOptions[0], s.SelfHostedOptions[1] with { Precision = NumericPrecision.Fp8 }],
            };
        },
        ["a workload without output tokens"] = () =>
        {
            // Input only (as for embeddings): no replica is needed for the output, so the steady state has no tokens per replica
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.profiles[*].growth.monthlyRate", Distribution = Distribution.Uniform(0.02, 0.09) });
            return s with { Workload = s.Workload with { Profiles = [.. s.Workload.Profiles.Select(p => p with { OutputTokensPerRequest = 0 })] } };
        },
    };

    /// <summary>
    /// Draws the engine rejects. Each comes from a normal distribution without truncation: the simulator checks that the
    /// scenario stays valid at each finite end of an input's range before it runs, so a point or a bounded range at the
    /// rejected value would fail there, before any trial.
    /// </summary>
    private static Dictionary<string, Func<Scenario>> Rejected => new()
    {
        ["a peak needing more replicas than ReplicaCount.Max"] = () =>
            UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.peakToAverageRatio", Distribution = Distribution.Normal(1e7, 1) }),
        ["more tokens than the validator allows in the first months only"] = () =>
        {
            // 10¹⁵ requests × 1,500 tokens = 1.5 × 10¹⁸ tokens in the first month, falling by 10¹⁴ requests a month to
            // none from month 11: only months the kernel checks four at a time are over the limit
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.profiles[0].monthlyRequests", Distribution = Distribution.Normal(1e15, 1) });
            return s with { HorizonMonths = 23, Workload = s.Workload with { Profiles = [s.Workload.Profiles[0] with { Growth = GrowthRule.Linear(-1e14) }, s.Workload.Profiles[1]] }, SelfHostedOptions = FastReplicas(s) };
        },
        ["more tokens than the validator allows in the last months only"] = () =>
        {
            // 2.469 × 10¹⁴ requests growing 5 % a month, × 1,500 tokens: 1.05²⁰ × 3.70 × 10¹⁷ = 9.83 × 10¹⁷ in month 21,
            // 1.05²¹ × 3.70 × 10¹⁷ = 1.03 × 10¹⁸ in month 22 of 23: only months after the last whole group of four are over
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.profiles[0].monthlyRequests", Distribution = Distribution.Normal(2.469e14, 1) });
            return s with { HorizonMonths = 23, SelfHostedOptions = FastReplicas(s) };
        },
        ["GPUs beyond the reservation where the on-demand offer is in a currency without an exchange rate"] = () =>
        {
            // 6 reserved GPUs cover the baseline; a peak 40 times the average needs more, billed on demand, and the
            // provider's on-demand price is in yen, which the test tables have no exchange rate for
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.peakToAverageRatio", Distribution = Distribution.Normal(40, 1e-3) });
            return s with { SelfHostedOptions = [s.SelfHostedOptions[0] with { Rented = new RentedCompute { Provider = "eurocloud", Plan = RentalPlan.Reserved1Year, CommittedGpus = 6 } }, s.SelfHostedOptions[1]] };
        },
        ["storage held where no storage price is given or looked up"] = () =>
        {
            // No storage held in the scenario, so none is priced; a trial that holds some has no price for it
            var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "selfHostedOptions[0].storage.gbHeld", Distribution = Distribution.Normal(100, 1e-3) });
            return s with { SelfHostedOptions = [s.SelfHostedOptions[0] with { Storage = new StorageCosts { GbHeld = 0, EgressGbPerMonth = 100, EgressPricePerGb = 0.09 } }, s.SelfHostedOptions[1]] };
        },
        ["cache shares adding up to more than the whole input"] = () => UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.profiles[0].cacheWriteShare", Distribution = Distribution.Normal(0.9, 1e-6) }),
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Run_Kernel_EqualsTheEngineBitForBit(string variant)
    {
        // Given
        var scenario = Scenarios[variant]();
        var simulator = new MonteCarloSimulator(Catalog());

        // When the same trials run through the full engine and through the compiled kernel
        var engine = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });
        var kernel = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });

        // Then every number is the same, and the kernel evaluated every trial itself
        kernel.Evaluation.Should().Be(TrialEvaluation.Kernel);
        kernel.TrialsEvaluatedByEngine.Should().Be(0, "every draw here is one the kernel handles");
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    [Theory]
    [MemberData(nameof(RejectedDraws))]
    public void Run_DrawTheEngineRejects_KernelFailsAsTheEngineFails(string variant)
    {
        // Given a draw the scenario validator rejects
        var scenario = Rejected[variant]();
        var simulator = new MonteCarloSimulator(Catalog());

        // When (on one thread, so that both runs stop at the same first failing trial)
        var engine = () => simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine, MaxDegreeOfParallelism = 1 });
        var kernel = () => simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel, MaxDegreeOfParallelism = 1 });

        // Then the kernel hands the draw to the engine, which fails the run with the same error
        var expected = engine.Should().Throw<Exception>().Which;
        kernel.Should().Throw<Exception>().Which.Should().BeOfType(expected.GetType()).And.Match<Exception>(e => e.Message == expected.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_NoTrafficAndNothingToPay_InPlaceEqualsEachTrialsOwnScenario(bool threeBenchmarkRows)
    {
        // Given trials without any traffic and options that cost nothing then (no fees, commitments, minimum or spare
        // replicas, storage or people): every option costs 0 in every month, so self-hosting ties the API from the start.
        // With the test tables' one benchmark row the throughput is that row's; with three it needs the request shape,
        // and without traffic that is the profiles' mean, in place as in the trial's own scenario (issue 14: before the
        // cost model was one implementation, the kernel handed such trials to the engine).
        var s = UncertaintyScenarios.Growing(trials: 20, inputs: new UncertainInput { Path = "workload.profiles[*].monthlyRequests", Distribution = Distribution.Point(0) });
        var scenario = s with
        {
            ApiOptions = [s.ApiOptions[0], s.ApiOptions[1] with { MonthlyFee = 0, MonthlyCommitment = 0 }],
            SelfHostedOptions =
            [
                s.SelfHostedOptions[0] with { MinReplicas = 0, RedundancyReplicas = 0, Storage = null, People = null },
                s.SelfHostedOptions[1] with { MinReplicas = 0, People = null },
            ],
        };
        var simulator = threeBenchmarkRows ? new MonteCarloSimulator(Catalog()) : new MonteCarloSimulator(TestScenarios.Engine);

        // When
        var engine = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });
        var kernel = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });

        // Then
        kernel.Evaluation.Should().Be(TrialEvaluation.Kernel);
        kernel.TrialsEvaluatedByEngine.Should().Be(0);
        kernel.Pairs.Should().AllSatisfy(p => p.BreakEvenMonths.Should().AllSatisfy(m => m.Should().Be(0, "a tie from the start is no later break-even")));
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Run_ReservedPlanPricedInAnotherCurrencyMidTerm_IsPricedAtEachTermStartInPlace(bool committed)
    {
        // Given a reserved plan whose table price is in dollars at both term starts (2025-07 and 2026-07) but in euros
        // from 2025-08 to 2026-04: each term is priced at its start, in place as in each trial's own scenario (issue 14:
        // before, the kernel wanted a price in every month and handed such trials to the engine)
        var s = UncertaintyScenarios.Growing(trials: 10);
        var rented = new RentedCompute { Provider = "gapcloud", Plan = RentalPlan.Reserved1Year, CommittedGpus = committed ? 4 : null };
        var scenario = s with { SelfHostedOptions = [s.SelfHostedOptions[0] with { Rented = rented }, s.SelfHostedOptions[1]] };
        var simulator = new MonteCarloSimulator(Catalog());

        // When
        var engine = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });
        var kernel = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });

        // Then
        kernel.Evaluation.Should().Be(TrialEvaluation.Kernel);
        kernel.TrialsEvaluatedByEngine.Should().Be(0);
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    /// <summary>The options with a replica throughput of 10¹² tokens/s, so that even 10¹⁸ tokens a month need few replicas (more than ReplicaCount.Max would hand the trial to the engine for that reason alone).</summary>
    private static SelfHostedOption[] FastReplicas(Scenario s) => [.. s.SelfHostedOptions.Select(o => o with { ReplicaThroughputTokensPerSecond = 1e12 })];

    /// <summary>The test tables plus rows that the variants above look up: an API price with every kind of charge, a GPU list price, reserved plans, more benchmark rows and decoy rows for lookups by two keys.</summary>
    private static PricingCatalog Catalog()
    {
        var tables = TestTables.Valid();
        tables["api_prices.csv"] += "acme,acme-full,,standard,0,2025-01-01,,USD,3,0.3,3.75,15,,0.5,0.002,,https://example.com/acme,2026-11-29\n";
        tables["gpus.csv"] = TestTables.Lines(TestTables.GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,USD,https://example.com/gpu-a-price,2026-11-29,,https://example.com/gpu-a,2026-11-29");
        tables["gpu_rentals.csv"] += "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.0,2025-11-01,,https://example.com/cloudy,2026-11-29\n"
            + "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,2.0,2025-01-01,,https://example.com/r,2026-11-29\n"
            + "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,1.0,2025-09-01,,https://example.com/r,2026-11-29\n"
            + "reservo,r.8x,GPU-A,8,reserved-1y,eu-west-1,USD,1.2,2025-01-01,,https://example.com/reservo,2026-11-29\n"
            + "gapcloud,g.8x,GPU-A,8,reserved-1y,us-east-1,USD,2.0,2025-01-01,,https://example.com/gapcloud,2026-11-29\n"
            + "gapcloud,g.8x,GPU-A,8,reserved-1y,us-east-1,EUR,1.8,2025-08-01,,https://example.com/gapcloud,2026-11-29\n"
            + "gapcloud,g.8x,GPU-A,8,reserved-1y,us-east-1,USD,1.5,2026-05-01,,https://example.com/gapcloud,2026-11-29\n"
            + "gapcloud,g.8x,GPU-A,8,on-demand,us-east-1,USD,3.0,2025-01-01,,https://example.com/gapcloud,2026-11-29\n"
            + "eurocloud,e.8x,GPU-A,8,reserved-1y,eu-west-1,USD,1.5,2025-01-01,,https://example.com/eurocloud,2026-11-29\n"
            + "eurocloud,e.8x,GPU-A,8,on-demand,eu-west-1,JPY,300,2025-01-01,,https://example.com/eurocloud,2026-11-29\n";
        tables["throughput_benchmarks.csv"] += "org/Model-8B,GPU-A,1,bf16,vllm,4000,200,64,1500,,https://example.com/bench,2026-11-29\n"
            + "org/Model-8B,GPU-A,1,bf16,sglang,1000,1000,64,2500,,https://example.com/bench,2026-11-29\n";
        tables["storage_prices.csv"] = TestTables.Lines(
            "provider,service,region,currency,price_per_gb_month,notes,source_url,checked_on",
            "other,Object Storage,us-east-1,USD,0.05,,https://example.com/storage,2026-11-29",
            "cloudy,Object Storage,us-east-1,USD,0.023,,https://example.com/storage,2026-11-29");
        tables["egress_prices.csv"] = TestTables.Lines(
            "provider,service,region,currency,price_per_gb,notes,source_url,checked_on",
            "other,internet-egress,us-east-1,USD,0.12,,https://example.com/egress,2026-11-29",
            "cloudy,internet-egress,us-east-1,USD,0.09,,https://example.com/egress,2026-11-29");
        tables["electricity_prices.csv"] += "US-VA,industrial,USD,0.095,2024,,https://example.com/power,2026-11-29\n"
            + "US-TX,industrial,USD,0.07,2025,,https://example.com/power,2026-11-29\n";
        return PricingCatalog.Load(PricingSource.InMemory(tables));
    }
}
