using BenchmarkDotNet.Attributes;
using LlmTco.Api;
using LlmTco.Pricing;

namespace LlmTco.Benchmarks;

/// <summary>
/// Issue 5's usage-pricing target: 1 million per-request usage records (model looked up by id or alias, cache and
/// context-tier rules applied) priced on one core at 5 million records per second or more.
/// </summary>
[MemoryDiagnoser]
public class UsagePricingBenchmarks
{
    private const int Records = 1_000_000;
    private readonly UsageRecord[] records = new UsageRecord[Records];
    private readonly double[] costs = new double[Records];
    private UsagePricer pricer = null!;

    [GlobalSetup]
    public void Setup()
    {
        pricer = new UsagePricer(PricingCatalog.Default);
        (string Provider, string Model)[] models =
        [
            ("openai", "gpt-4o"), ("openai", "gpt-4.1-mini"), ("openai", "o3"), ("anthropic", "claude-sonnet-4-20250514"),
            ("google", "gemini-2.5-pro"), ("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo"), ("groq", "llama-3.3-70b"),
        ];
        var random = new Random(42);
        for (var i = 0; i < Records; i++)
        {
            var (provider, model) = models[i % models.Length];
            var input = random.Next(100, 300_000);
            records[i] = new UsageRecord(provider, model, new DateOnly(2025, 9, 1).AddDays(random.Next(0, 400)), input, input / 4, 0, random.Next(10, 4_000), Batch: i % 5 == 0);
        }
    }

    /// <summary>Prices all records on the calling thread.</summary>
    [Benchmark]
    public void PriceOneMillionRecords() => pricer.PriceAll(records, costs);
}
