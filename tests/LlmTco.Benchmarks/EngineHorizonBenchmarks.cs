using BenchmarkDotNet.Attributes;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Benchmarks;

/// <summary>
/// How the cost of an evaluation grows with the horizon: the options of <see cref="EngineBenchmarks.Headline"/> over a
/// flat workload (its three profiles without growth, so every month has the same volume and the break-even volume
/// search the same range) for 12, 60 and 240 months. Time and allocation should grow linearly, and the allocation per
/// month should be the result's own months (a <see cref="MonthResult"/> and its line array per option) plus a few
/// working arrays of one number per month.
/// </summary>
[MemoryDiagnoser]
public class EngineHorizonBenchmarks
{
    private TcoEngine engine = null!;
    private Scenario scenario = null!;

    /// <summary>Gets or sets the horizon in months.</summary>
    [Params(12, 60, 240)]
    public int HorizonMonths { get; set; }

    /// <summary>Loads the bundled catalog once (not measured) and builds the flat scenario of the horizon.</summary>
    [GlobalSetup]
    public void Setup()
    {
        engine = new TcoEngine(PricingCatalog.Default);
        var headline = EngineBenchmarks.Headline;
        scenario = headline with
        {
            HorizonMonths = HorizonMonths,
            Workload = headline.Workload with { Profiles = [.. headline.Workload.Profiles.Select(p => p with { Growth = GrowthRule.None })] },
        };
        if (engine.Evaluate(scenario).Options.Any(o => o.Months.Count != HorizonMonths))
        {
            throw new InvalidOperationException("The benchmark scenario did not evaluate to the horizon asked for.");
        }
    }

    /// <summary>One whole evaluation of the flat scenario.</summary>
    /// <returns>The result, so that the work is not optimised away.</returns>
    [Benchmark]
    public ScenarioResult Evaluate() => engine.Evaluate(scenario);
}
