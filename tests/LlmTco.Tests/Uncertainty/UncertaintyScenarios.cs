using LlmTco.Api;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Tests.Uncertainty;

/// <summary>Scenarios over the in-memory test tables whose Monte Carlo answers can be worked out by hand.</summary>
internal static class UncertaintyScenarios
{
    public const double ApiMonthly = 22_500;
    public const double SelfMonthly = 7_300;
    public const double Saving = ApiMonthly - SelfMonthly;

    /// <summary>
    /// A constant monthly saving and an uncertain setup cost, over 12 months from 2025-07-01.
    /// API: acme-mini, 100M requests × (1,000 input × 0.075 + 500 output × 0.3) ÷ 10⁶ = 7,500 + 15,000 = 22,500 a month.
    /// Self-hosted: Model-8B fits one GPU-A (16 GB of weights + 6.3 GB of KV cache &lt; 72 GB usable); a given throughput of
    /// 10⁹ tokens/s needs one replica, rented at a given 10 per GPU-hour: 730 × 10 = 7,300 a month, plus the setup cost in
    /// month 1. Cumulative: setup + 7,300 m against 22,500 m, so break-even comes setup ÷ 15,200 months from the start.
    /// </summary>
    public static Scenario ConstantSaving(Distribution setup, int trials = 4_000, long seed = 7) => new()
    {
        Name = "constant saving",
        StartDate = new DateOnly(2025, 7, 1),
        HorizonMonths = 12,
        Workload = new Workload
        {
            Profiles = [new TrafficProfile { Name = "chat", MonthlyRequests = 100_000_000, InputTokensPerRequest = 1000, OutputTokensPerRequest = 500 }],
        },
        ApiOptions = [new ApiOption { Name = "Acme Mini", Provider = "acme", Model = "acme-mini" }],
        SelfHostedOptions =
        [
            new SelfHostedOption
            {
                Name = "Model-8B",
                Model = "model-8b",
                Gpu = "GPU-A",
                ReplicaThroughputTokensPerSecond = 1e9,
                Rented = new RentedCompute { Provider = "cloudy", PricePerGpuHour = 10 },
                People = new PeopleCosts { SetupCost = 50_000 },
            },
        ],
        Uncertainty = new UncertaintySettings
        {
            Trials = trials,
            Seed = seed,
            Inputs = [new UncertainInput { Path = "selfHostedOptions[0].people.setupCost", Distribution = setup }],
        },
    };

    /// <summary>
    /// A growing workload over 24 months with several uncertain inputs, for comparing the kernel with the engine: an API
    /// option with a price decline and a bridge, a rented self-hosted option sized from the benchmark table, and an owned one.
    /// </summary>
    public static Scenario Growing(int trials = 300, long seed = 11, params UncertainInput[] inputs) => new()
    {
        Name = "growing",
        StartDate = new DateOnly(2025, 5, 1),
        HorizonMonths = 24,
        YearlyDiscountRate = 0.08,
        Workload = new Workload
        {
            PeakToAverageRatio = 2,
            Profiles =
            [
                new TrafficProfile { Name = "chat", MonthlyRequests = 3_000_000, InputTokensPerRequest = 1000, OutputTokensPerRequest = 500, CacheReadShare = 0.2, BatchShare = 0.5, Growth = GrowthRule.Compound(0.05) },
                new TrafficProfile { Name = "batch", MonthlyRequests = 400_000, InputTokensPerRequest = 3000, OutputTokensPerRequest = 250, BatchShare = 1, Growth = GrowthRule.Compound(0.05) },
            ],
        },
        ApiOptions =
        [
            new ApiOption { Name = "Acme Large", Provider = "acme", Model = "acme-large", YearlyPriceDecline = 0.1 },
            new ApiOption { Name = "Acme Mini", Provider = "acme", Model = "acme-mini", MonthlyFee = 500, MonthlyCommitment = 1_000 },
        ],
        SelfHostedOptions =
        [
            new SelfHostedOption
            {
                Name = "Rented",
                Model = "model-8b",
                Gpu = "GPU-A",
                RedundancyReplicas = 1,
                Rented = new RentedCompute { Provider = "cloudy" },
                Storage = new StorageCosts { GbHeld = 500, PricePerGbMonth = 0.023 },
                People = new PeopleCosts { Ftes = 0.5, YearlyLoadedCostPerFte = 180_000, SetupCost = 20_000 },
                LeadTimeMonths = 2,
                BridgeApiOption = "Acme Large",
            },
            new SelfHostedOption
            {
                Name = "Owned",
                Model = "model-8b",
                Gpu = "GPU-A",
                Owned = new OwnedHardware { PricePerGpu = 30_000, Pue = 1.3, ElectricityPricePerKwh = 0.1, HostingPricePerKwMonth = 150, MaintenanceYearlyFraction = 0.1 },
                People = new PeopleCosts { Ftes = 0.5, YearlyLoadedCostPerFte = 180_000 },
            },
        ],
        Uncertainty = new UncertaintySettings
        {
            Trials = trials,
            Seed = seed,
            Inputs = inputs.Length > 0 ? inputs :
            [
                new UncertainInput { Path = "workload.profiles[*].growth.monthlyRate", Distribution = Distribution.Triangular(0.02, 0.05, 0.09) },
                new UncertainInput { Path = "workload.peakToAverageRatio", Distribution = Distribution.Pert(1.5, 2, 3) },
                new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Uniform(0.5, 0.8) },
                new UncertainInput { Path = "apiOptions[0].yearlyPriceDecline", Distribution = Distribution.Uniform(0, 0.3) },
                new UncertainInput { Path = "selfHostedOptions[1].owned.electricityPricePerKwh", Distribution = Distribution.LogNormal(Math.Log(0.1), 0.3, max: 0.5) },
                new UncertainInput { Path = "selfHostedOptions[0].people.ftes", Distribution = Distribution.Normal(0.5, 0.2, min: 0.1, max: 1) },
            ],
        },
    };
}
