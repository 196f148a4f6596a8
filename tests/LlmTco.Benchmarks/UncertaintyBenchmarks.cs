using BenchmarkDotNet.Attributes;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Uncertainty;

namespace LlmTco.Benchmarks;

/// <summary>
/// Monte Carlo runs of the headline scenario (customer-service, five uncertain inputs, four self-hosted × API pairs) with
/// the compiled kernel, end to end: validation, the baseline evaluation, building the kernel, every trial on every
/// core, and the percentiles. Throughput in trial-months per second is trials × months ÷ the mean time.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class UncertaintyBenchmarks
{
    private Scenario scenario = null!;
    private MonteCarloSimulator simulator = null!;

    /// <summary>Gets or sets the number of trials.</summary>
    [Params(25_000, 50_000, 100_000)]
    public int Trials { get; set; }

    /// <summary>Gets or sets the horizon in months.</summary>
    [Params(15, 30, 60)]
    public int Months { get; set; }

    /// <summary>Loads the headline scenario with the horizon of this case.</summary>
    [GlobalSetup]
    public void Setup()
    {
        scenario = ScenarioJson.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "customer-service.json")) with { HorizonMonths = Months };
        simulator = new MonteCarloSimulator(PricingCatalog.Default);
    }

    /// <summary>Runs the simulation with the compiled kernel on every core.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public MonteCarloResult Kernel() => simulator.Run(scenario, new MonteCarloOptions { Trials = Trials, Evaluation = TrialEvaluation.Kernel });
}

/// <summary>The same run with the full engine evaluating every trial (a few hundred trials: it is about a thousand times slower).</summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class UncertaintyEngineBenchmarks
{
    private Scenario scenario = null!;
    private MonteCarloSimulator simulator = null!;

    /// <summary>Gets or sets the number of trials.</summary>
    [Params(200)]
    public int Trials { get; set; }

    /// <summary>Gets or sets the horizon in months.</summary>
    [Params(60)]
    public int Months { get; set; }

    /// <summary>Loads the headline scenario with the horizon of this case.</summary>
    [GlobalSetup]
    public void Setup()
    {
        scenario = ScenarioJson.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "customer-service.json")) with { HorizonMonths = Months };
        simulator = new MonteCarloSimulator(PricingCatalog.Default);
    }

    /// <summary>Runs the simulation with the full engine on every core.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public MonteCarloResult Engine() => simulator.Run(scenario, new MonteCarloOptions { Trials = Trials, Evaluation = TrialEvaluation.Engine });
}
