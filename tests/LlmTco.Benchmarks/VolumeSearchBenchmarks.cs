using BenchmarkDotNet.Attributes;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;

namespace LlmTco.Benchmarks;

/// <summary>
/// The break-even volume search where costs are huge (issue 20): the headline scenario with every self-hosted option's
/// engineers at 10¹⁴ a year each (1.25 × 10¹³ a month for 1.5 FTEs), so self-hosting is dearer on every stair up to the
/// search's 2,000,000-stair limit. Before the search halved its range, each of the 4 pairs walked all 2,000,000 stairs
/// in every evaluation and in every Monte Carlo trial.
/// </summary>
[MemoryDiagnoser]
[MinColumn]
[MedianColumn]
public class VolumeSearchBenchmarks
{
    private Scenario scenario = null!;
    private TcoEngine engine = null!;
    private MonteCarloSimulator simulator = null!;

    /// <summary>Loads the headline scenario and gives its engineers a huge cost.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var headline = ScenarioJson.Load(Path.Combine(AppContext.BaseDirectory, "Scenarios", "customer-service.json"));
        scenario = headline with
        {
            SelfHostedOptions = [.. headline.SelfHostedOptions.Select(o => o with { People = new PeopleCosts { Ftes = 1.5, YearlyLoadedCostPerFte = 1e14 } })],
        };
        engine = new TcoEngine(PricingCatalog.Default);
        simulator = new MonteCarloSimulator(PricingCatalog.Default);
    }

    /// <summary>One evaluation: the volume search once per self-hosted × API pair.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public object Evaluate() => engine.Evaluate(scenario);

    /// <summary>Monte Carlo of 200 trials (issue 20's case: 9.9 s instead of 0.6 s), the scenario compiled once.</summary>
    /// <returns>The result.</returns>
    [Benchmark]
    public MonteCarloResult MonteCarlo200Trials() => simulator.Run(scenario, new MonteCarloOptions { Trials = 200, Evaluation = TrialEvaluation.Kernel });
}
