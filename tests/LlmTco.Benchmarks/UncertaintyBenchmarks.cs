using BenchmarkDotNet.Attributes;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Uncertainty;

namespace LlmTco.Benchmarks;

/// <summary>
/// Monte Carlo runs of the headline scenario (customer-service, five uncertain inputs, four self-hosted × API pairs) with
/// the scenario compiled once and every trial evaluated in place (TrialEvaluation.Kernel), end to end: validation, the
/// baseline evaluation, compiling the scenario, every trial on every
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

    /// <summary>Runs the simulation, the scenario compiled once, on every core.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public MonteCarloResult Kernel() => simulator.Run(scenario, new MonteCarloOptions { Trials = Trials, Evaluation = TrialEvaluation.Kernel });
}

/// <summary>The same run with every trial's own scenario validated, compiled and evaluated (TrialEvaluation.Engine; a few hundred trials, as a compile per trial is far slower).</summary>
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

    /// <summary>Runs the simulation, compiling every trial's own scenario, on every core.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public MonteCarloResult Engine() => simulator.Run(scenario, new MonteCarloOptions { Trials = Trials, Evaluation = TrialEvaluation.Engine });
}

/// <summary>
/// Monte Carlo of the headline scenario over 60 months with, besides its own five uncertain inputs (growth,
/// peak-to-average, utilisation, GPT-4o's price decline, engineers), the inputs that change which months and rows apply:
/// both profiles' input and output tokens per request, the first self-hosted option's lead time (bridged by GPT-4o),
/// its fine-tuning tokens (a LoRA run every quarter at a given 3.50 per GPU-hour) and its committed GPUs on the
/// one-year reservation. Before issue 14 these four kinds of input sent every trial through the full engine (about 0.7
/// million trial-months a second).
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 3, iterationCount: 15)]
public class UncertaintyAllInputsBenchmarks
{
    private Scenario scenario = null!;
    private MonteCarloSimulator simulator = null!;

    /// <summary>Gets or sets the number of trials.</summary>
    [Params(100_000)]
    public int Trials { get; set; }

    /// <summary>Loads the headline scenario and widens its uncertainty section.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var headline = ScenarioJson.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "customer-service.json"));
        var first = headline.SelfHostedOptions[0];
        var fineTuned = first with
        {
            LeadTimeMonths = 2,
            BridgeApiOption = headline.ApiOptions[0].Name,
            Rented = first.Rented! with { CommittedGpus = 16 },
            FineTuning = new SelfHosted.FineTuningSchedule { TrainingTokens = 50_000_000, Epochs = 2, Method = SelfHosted.FineTuningMethod.Lora, EveryMonths = 3, PricePerGpuHour = 3.5 },
        };
        static UncertainInput Triangular(string path, double min, double mode, double max) =>
            new() { Path = path, Distribution = Distribution.Triangular(min, mode, max) };
        scenario = headline with
        {
            HorizonMonths = 60,
            SelfHostedOptions = [fineTuned, .. headline.SelfHostedOptions.Skip(1)],
            Uncertainty = headline.Uncertainty! with
            {
                Inputs =
                [
                    .. headline.Uncertainty!.Inputs,
                    Triangular("workload.profiles[0].inputTokensPerRequest", 1_000, 1_500, 2_500),
                    Triangular("workload.profiles[1].inputTokensPerRequest", 2_000, 3_000, 5_000),
                    Triangular("workload.profiles[*].outputTokensPerRequest", 200, 300, 500),
                    Triangular("selfHostedOptions[0].leadTimeMonths", 1, 2, 4),
                    Triangular("selfHostedOptions[0].fineTuning.trainingTokens", 20_000_000, 50_000_000, 100_000_000),
                    Triangular("selfHostedOptions[0].rented.committedGpus", 8, 16, 32),
                ],
            },
        };
        simulator = new MonteCarloSimulator(PricingCatalog.Default);
    }

    /// <summary>Runs the simulation in place (the scenario compiled once) on every core.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public MonteCarloResult InPlace() => simulator.Run(scenario, new MonteCarloOptions { Trials = Trials, Evaluation = TrialEvaluation.Kernel });
}
