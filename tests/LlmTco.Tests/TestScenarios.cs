using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Workloads;

namespace LlmTco.Tests;

/// <summary>Scenarios over the in-memory test tables of <see cref="TestTables"/>, small enough to check by hand.</summary>
internal static class TestScenarios
{
    public static readonly PricingCatalog Catalog = PricingCatalog.Load(PricingSource.InMemory(TestTables.Valid()));

    public static readonly TcoEngine Engine = new(Catalog);

    /// <summary>1,000,000 requests a month of 1,000 input (20 % cache reads) and 500 output tokens, half batchable.</summary>
    public static TrafficProfile Chat { get; } = new()
    {
        Name = "chat",
        MonthlyRequests = 1_000_000,
        InputTokensPerRequest = 1000,
        OutputTokensPerRequest = 500,
        CacheReadShare = 0.2,
        BatchShare = 0.5,
    };

    public static ApiOption AcmeLarge { get; } = new() { Name = "Acme Large", Provider = "acme", Model = "acme-large" };

    public static SelfHostedOption RentedModel8B { get; } = new()
    {
        Name = "Model-8B on GPU-A",
        Model = "model-8b",
        Gpu = "GPU-A",
        Rented = new RentedCompute { Provider = "cloudy" },
    };

    /// <summary>Three months from 2025-05-01, across acme-large's price cut of 2025-06-10.</summary>
    public static Scenario ThreeMonths(params SelfHostedOption[] selfHosted) => new()
    {
        Name = "three months",
        StartDate = new DateOnly(2025, 5, 1),
        HorizonMonths = 3,
        Workload = new Workload { Profiles = [Chat] },
        ApiOptions = [AcmeLarge],
        SelfHostedOptions = selfHosted,
    };
}
