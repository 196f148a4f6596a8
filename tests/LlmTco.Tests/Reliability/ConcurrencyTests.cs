using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Samples;

namespace LlmTco.Tests.Reliability;

/// <summary>The catalog and the engine are shared between threads: concurrent results equal sequential ones.</summary>
public sealed class ConcurrencyTests
{
    [Fact]
    public void Evaluate_ManyScenariosConcurrentlyOnOneCatalog_EqualsSequentialResults()
    {
        // Given every bundled scenario, each evaluated once on its own
        var engine = new TcoEngine(PricingCatalog.Default);
        var scenarios = BundledScenarios.Names.Select(BundledScenarios.Load).ToList();
        var sequential = scenarios.Select(s => ScenarioResultJson.Serialize(engine.Evaluate(s))).ToList();

        // When each is evaluated 8 times at once, interleaved, on the same engine and catalog
        var jobs = Enumerable.Range(0, scenarios.Count * 8).ToList();
        var concurrent = new string[jobs.Count];
        Parallel.ForEach(jobs, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i => concurrent[i] = ScenarioResultJson.Serialize(engine.Evaluate(scenarios[i % scenarios.Count])));

        // Then every concurrent result is byte-identical to the sequential one
        for (var i = 0; i < jobs.Count; i++)
        {
            concurrent[i].Should().Be(sequential[i % scenarios.Count]);
        }
    }
}
