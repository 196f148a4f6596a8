using BenchmarkDotNet.Attributes;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Benchmarks;

/// <summary>
/// The cost engine on the scenario of issue 3's performance target: 60 months, 3 traffic profiles and 4 options
/// (2 API, 2 self-hosted: one rented on demand, one owned) over the bundled catalog. Target: under 100 µs per
/// evaluation and nothing allocated per month beyond the result itself.
/// </summary>
[MemoryDiagnoser]
public class EngineBenchmarks
{
    private TcoEngine engine = null!;
    private Scenario scenario = null!;

    /// <summary>Gets the benchmarked scenario: every id is a real row of <c>pricing-data/*.csv</c>.</summary>
    public static Scenario Headline { get; } = new()
    {
        Name = "60 months, 3 profiles, 4 options",
        StartDate = new DateOnly(2027, 1, 1),
        HorizonMonths = 60,
        YearlyDiscountRate = 0.08,
        Workload = new Workload
        {
            PeakToAverageRatio = 2,
            Profiles =
            [
                new TrafficProfile
                {
                    Name = "assistant",
                    MonthlyRequests = 5_000_000,
                    InputTokensPerRequest = 1_200,
                    OutputTokensPerRequest = 400,
                    CacheReadShare = 0.3,
                    Growth = GrowthRule.Compound(0.03),
                },
                new TrafficProfile
                {
                    Name = "document summaries",
                    MonthlyRequests = 400_000,
                    InputTokensPerRequest = 6_000,
                    OutputTokensPerRequest = 600,
                    BatchShare = 0.8,
                    Growth = GrowthRule.Linear(20_000),
                },
                new TrafficProfile
                {
                    Name = "classification",
                    MonthlyRequests = 2_000_000,
                    InputTokensPerRequest = 300,
                    OutputTokensPerRequest = 20,
                    CacheReadShare = 0.5,
                    BatchShare = 0.5,
                },
            ],
        },
        ApiOptions =
        [
            new ApiOption { Name = "GPT-4o", Provider = "openai", Model = "gpt-4o" },
            new ApiOption { Name = "Together Llama 3.3 70B", Provider = "together", Model = "meta-llama/Llama-3.3-70B-Instruct-Turbo", YearlyPriceDecline = 0.2 },
        ],
        SelfHostedOptions =
        [
            new SelfHostedOption
            {
                Name = "Llama 3.3 70B on rented H100 (CoreWeave on-demand)",
                Model = "llama-3.3-70b",
                Gpu = "H100-SXM",
                Precision = NumericPrecision.Fp8,
                RedundancyReplicas = 1,
                Rented = new RentedCompute { Provider = "coreweave", Plan = RentalPlan.OnDemand },
                People = new PeopleCosts { Ftes = 1, YearlyLoadedCostPerFte = 200_000 },
            },
            new SelfHostedOption
            {
                Name = "Llama 3.3 70B on owned H100",
                Model = "llama-3.3-70b",
                Gpu = "H100-SXM",
                Precision = NumericPrecision.Fp8,
                RedundancyReplicas = 1,
                Owned = new OwnedHardware
                {
                    PricePerGpu = 27_500,
                    ServerOverheadPerGpu = 5_000,
                    Pue = 1.4,
                    ElectricityPricePerKwh = 0.09,
                    HostingPricePerKwMonth = 150,
                    MaintenanceYearlyFraction = 0.05,
                    ResidualValueFraction = 0.1,
                },
                People = new PeopleCosts { Ftes = 1.5, YearlyLoadedCostPerFte = 200_000 },
            },
        ],
    };

    /// <summary>Loads the bundled catalog once (not measured) and checks that the scenario evaluates.</summary>
    [GlobalSetup]
    public void Setup()
    {
        engine = new TcoEngine(PricingCatalog.Default);
        scenario = Headline;
        var result = engine.Evaluate(scenario);
        if (result.Options.Count != 4 || result.Options.Any(o => o.Months.Count != 60) || result.BreakEvens.Count != 4)
        {
            throw new InvalidOperationException("The benchmark scenario did not evaluate to 4 options of 60 months and 4 break-evens.");
        }
    }

    /// <summary>One whole evaluation: validation, price lookups, every option's 60 months, break-evens and assumptions.</summary>
    /// <returns>The result, so that the work is not optimised away.</returns>
    [Benchmark]
    public ScenarioResult Evaluate60Months3Profiles4Options() => engine.Evaluate(scenario);
}
