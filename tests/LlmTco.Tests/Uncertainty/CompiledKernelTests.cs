using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Uncertainty;

/// <summary>
/// The compiled kernel against the full engine: for the same seed, every trial's outputs must be the same to the last
/// bit, across the paths through the cost model (rented and owned, reserved with overflow, cash and accounting views,
/// benchmark and roofline throughput, compound and linear growth, bridges, declines and commitments).
/// </summary>
public sealed class CompiledKernelTests
{
    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static MonteCarloSimulator Simulator => new(Engine);

    public static TheoryData<string> Variants => new(Scenarios.Keys);

    private static Dictionary<string, Func<Scenario>> Scenarios => new()
    {
        ["six inputs of five kinds"] = () => UncertaintyScenarios.Growing(),
        ["accounting view"] = () => UncertaintyScenarios.Growing() with { CostView = CostView.Accounting },
        ["reserved plan with overflow"] = () => WithRented(new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year, PricePerGpuHour = 1.8, CommittedGpus = 2 }),
        ["roofline throughput"] = () => WithOwned(o => o with { Precision = NumericPrecision.Fp8 }),
        ["two options with the same capacity"] = () =>
        {
            var s = WithOwned(o => o with { LeadTimeMonths = 2, BridgeApiOption = "Acme Large" });
            return s with { Uncertainty = s.Uncertainty! with { Inputs = [.. s.Uncertainty.Inputs.Select(i => i.Path == "selfHostedOptions[0].targetUtilization" ? i with { Path = "selfHostedOptions[*].targetUtilization" } : i)] } };
        },
        ["volumes, shares and prices"] = () => UncertaintyScenarios.Growing(inputs:
        [
            new UncertainInput { Path = "workload.profiles[0].monthlyRequests", Distribution = Distribution.LogNormal(Math.Log(3e6), 0.5, max: 3e7) },
            new UncertainInput { Path = "workload.profiles[1].batchShare", Distribution = Distribution.Uniform(0, 1) },
            new UncertainInput { Path = "workload.profiles[0].cacheReadShare", Distribution = Distribution.Triangular(0, 0.2, 0.5) },
            new UncertainInput { Path = "yearlyDiscountRate", Distribution = Distribution.Uniform(0, 0.15) },
            new UncertainInput { Path = "apiOptions[1].monthlyCommitment", Distribution = Distribution.Uniform(0, 5_000) },
            new UncertainInput { Path = "apiOptions[0].batchDiscountFraction", Distribution = Distribution.Uniform(0.3, 0.6) },
            new UncertainInput { Path = "selfHostedOptions[0].rented.pricePerGpuHour", Distribution = Distribution.Pert(1.5, 2.5, 4) },
            new UncertainInput { Path = "selfHostedOptions[1].owned.pricePerGpu", Distribution = Distribution.Normal(30_000, 5_000, min: 15_000) },
            new UncertainInput { Path = "selfHostedOptions[1].owned.pue", Distribution = Distribution.Uniform(1.1, 1.6) },
            new UncertainInput { Path = "selfHostedOptions[*].redundancyReplicas", Distribution = Distribution.Uniform(0, 2) },
            new UncertainInput { Path = "selfHostedOptions[1].minReplicas", Distribution = Distribution.Uniform(1, 3) },
            new UncertainInput { Path = "selfHostedOptions[0].storage.gbHeld", Distribution = Distribution.Uniform(0, 5_000) },
            new UncertainInput { Path = "selfHostedOptions[0].people.setupCost", Distribution = Distribution.Uniform(0, 100_000) },
        ]),
        ["three options, owned hardware priced from the tables"] = () =>
        {
            // An odd number of options (the kernel sums the last one's costs alone) and PUE, electricity and hosting
            // prices looked up by name rather than given
            var s = UncertaintyScenarios.Growing(inputs:
            [
                new UncertainInput { Path = "workload.profiles[*].growth.monthlyRate", Distribution = Distribution.Triangular(0.02, 0.05, 0.09) },
                new UncertainInput { Path = "selfHostedOptions[1].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.8) },
            ]);
            var owned = s.SelfHostedOptions[1].Owned! with { Pue = null, PueFigure = "survey-2023", ElectricityPricePerKwh = null, ElectricityRegion = "US-VA", HostingPricePerKwMonth = null, HostingProvider = "colo" };
            return s with { ApiOptions = [s.ApiOptions[0]], SelfHostedOptions = [s.SelfHostedOptions[0], s.SelfHostedOptions[1] with { Owned = owned }] };
        },
        ["recurring fine-tuning on rented GPUs"] = () =>
        {
            var s = UncertaintyScenarios.Growing();
            var tuned = s.SelfHostedOptions[0] with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e8, MeasuredGpuHoursPerRun = 20, FirstMonth = 3, EveryMonths = 6 } };
            return s with { SelfHostedOptions = [tuned, s.SelfHostedOptions[1]] };
        },
        ["roofline throughput with a changing request shape"] = () =>
        {
            // The second profile's volume moves the mean request shape, so the roofline throughput is recomputed per trial
            var s = WithOwned(o => o with { Precision = NumericPrecision.Fp8 });
            return s with { Uncertainty = s.Uncertainty! with { Inputs = [new UncertainInput { Path = "workload.profiles[1].monthlyRequests", Distribution = Distribution.Uniform(100_000, 2_000_000) }] } };
        },
        ["linear growth and given throughput"] = () =>
        {
            var s = UncertaintyScenarios.Growing(inputs:
            [
                new UncertainInput { Path = "workload.profiles[*].growth.requestsAddedPerMonth", Distribution = Distribution.Uniform(-50_000, 300_000) },
                new UncertainInput { Path = "selfHostedOptions[1].replicaThroughputTokensPerSecond", Distribution = Distribution.Uniform(1_000, 3_000) },
                new UncertainInput { Path = "workload.peakToAverageRatio", Distribution = Distribution.Uniform(1, 4) },
            ]);
            return s with { Workload = s.Workload with { Profiles = s.Workload.Profiles.Select(p => p with { Growth = GrowthRule.Linear(100_000) }).ToArray() } };
        },
    };

    [Theory]
    [MemberData(nameof(Variants))]
    public void Run_Kernel_EqualsTheEngineBitForBit(string variant)
    {
        // Given
        var scenario = Scenarios[variant]();

        // When the same trials run through the full engine and through the compiled kernel
        var engine = Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });
        var kernel = Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });

        // Then every number is the same
        kernel.Evaluation.Should().Be(TrialEvaluation.Kernel);
        kernel.TrialsEvaluatedByEngine.Should().Be(0, "every draw here is one the kernel handles");
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    [Fact]
    public void Run_HeadlineScenarioOverFiveYears_KernelEqualsTheEngineBitForBit()
    {
        // Given the bundled headline scenario and catalog over 60 months (reserved and on-demand options sharing their
        // capacity, a bridge, two profiles sharing one growth rate, a PERT input)
        var scenario = LlmTco.Samples.BundledScenarios.Load(LlmTco.Samples.BundledScenarios.Headline) with { HorizonMonths = 60 };
        var simulator = new MonteCarloSimulator(LlmTco.Pricing.PricingCatalog.Default);
        var options = new MonteCarloOptions { Trials = 40, Seed = 5 };

        // When
        var engine = simulator.Run(scenario, options with { Evaluation = TrialEvaluation.Engine });
        var kernel = simulator.Run(scenario, options with { Evaluation = TrialEvaluation.Kernel });

        // Then
        kernel.TrialsEvaluatedByEngine.Should().Be(0);
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    [Fact]
    public void Run_InputTheKernelDoesNotRecompute_FallsBackToTheEngine()
    {
        // Given an uncertain input that is not a parameter of the compiled scenario (the serving concurrency changes the
        // memory fit and the roofline batch)
        var scenario = UncertaintyScenarios.Growing(trials: 30, inputs: new UncertainInput { Path = "selfHostedOptions[0].servingConcurrency", Distribution = Distribution.Uniform(8, 64) });

        var automatic = Simulator.Run(scenario);
        var forced = () => Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });

        automatic.Evaluation.Should().Be(TrialEvaluation.Engine);
        forced.Should().Throw<ArgumentException>().WithMessage("*'selfHostedOptions[0].servingConcurrency' is not among the inputs it recomputes*");
    }

    [Fact]
    public void Run_TokensPerRequestAcrossAContextTier_InPlaceWhereTheTierHoldsAndFromTheTrialsScenarioWhereNot_BothEqualTheEngine()
    {
        // Given input tokens per request from 500 to 250,000: acme-mini's long-context row (over 200,000 input tokens)
        // applies to about a fifth of the trials, whose prices the compiled scenario did not look up; and with 2 sequences
        // per replica the KV cache of requests over about 213,000 tokens needs 2 GPUs per replica instead of 1
        // (16 GB of weights + 2 × 213,000 × 131,072 bytes ≈ 72 GB, one GPU-A's usable memory)
        var growing = UncertaintyScenarios.Growing(trials: 40, inputs: new UncertainInput { Path = "workload.profiles[0].inputTokensPerRequest", Distribution = Distribution.Uniform(500, 250_000) });
        var scenario = growing with { SelfHostedOptions = [.. growing.SelfHostedOptions.Select(o => o with { ServingConcurrency = 2 })] };

        // When it runs in place, and with every trial's own scenario compiled
        var kernel = Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });
        var engine = Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });

        // Then the trials the compiled scenario cannot take are evaluated from their own, and every figure is the same
        kernel.Evaluation.Should().Be(TrialEvaluation.Kernel);
        kernel.TrialsEvaluatedByEngine.Should().BeInRange(1, 39);
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    [Fact]
    public void Run_ReservedPriceCutMidTermAndPerServerHosting_KernelEqualsTheEngineBitForBit()
    {
        // Given a catalog whose reserved-1y price for GPU-A falls part-way through the first term (the committed GPUs
        // keep the term's price), and owned hardware billed per server-month as well as per kW-month
        var tables = TestTables.Valid();
        tables["gpu_rentals.csv"] += "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,2.0,2025-01-01,,https://example.com/r,2026-11-29\n"
            + "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,1.0,2025-09-01,,https://example.com/r,2026-11-29\n";
        var simulator = new MonteCarloSimulator(PricingCatalog.Load(PricingSource.InMemory(tables)));
        var s = UncertaintyScenarios.Growing();
        var scenario = s with
        {
            SelfHostedOptions =
            [
                s.SelfHostedOptions[0] with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } },
                s.SelfHostedOptions[1] with { Owned = s.SelfHostedOptions[1].Owned! with { HostingPricePerServerMonth = 1_200, GpusPerServer = 4 } },
            ],
        };

        // When
        var engine = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });
        var kernel = simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Kernel });

        // Then
        kernel.TrialsEvaluatedByEngine.Should().Be(0);
        MonteCarloSimulatorTests.Fingerprint(kernel).Should().Equal(MonteCarloSimulatorTests.Fingerprint(engine));
    }

    private static Scenario WithRented(RentedCompute rented)
    {
        var s = UncertaintyScenarios.Growing();
        return s with { SelfHostedOptions = [s.SelfHostedOptions[0] with { Rented = rented }, s.SelfHostedOptions[1]] };
    }

    private static Scenario WithOwned(Func<SelfHostedOption, SelfHostedOption> change)
    {
        var s = UncertaintyScenarios.Growing();
        return s with { SelfHostedOptions = [s.SelfHostedOptions[0], change(s.SelfHostedOptions[1])] };
    }
}
