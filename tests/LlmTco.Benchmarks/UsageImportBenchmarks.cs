using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using LlmTco.Pricing;
using LlmTco.Usage;

namespace LlmTco.Benchmarks;

/// <summary>
/// Issue 19's import target: a generated per-request CSV read from disk, parsed (CsvHelper), priced
/// (<see cref="LlmTco.Api.UsagePricer"/>) and summed into the bill and the workload by <see cref="UsageAnalyzer"/>, end
/// to end, streamed. Records a second = <see cref="Records"/> ÷ the mean time. <see cref="UsageImportMemoryRun"/>
/// imports a 10-million-record file once, for the memory.
/// </summary>
[MemoryDiagnoser]
public class UsageImportBenchmarks
{
    private string file = null!;

    /// <summary>Gets or sets the number of requests in the file.</summary>
    [Params(2_000_000)]
    public int Records { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        file = Path.Combine(Path.GetTempPath(), $"llmtco-usage-{Records}.csv");
        WriteCsv(file, Records);
    }

    [GlobalCleanup]
    public void Cleanup() => File.Delete(file);

    /// <summary>Only reads and parses the file (no pricing), to show where the time goes.</summary>
    /// <returns>The number of entries read.</returns>
    [Benchmark]
    public long ReadOnly()
    {
        using var reader = Open(file);
        long count = 0;
        foreach (var entry in UsageCsv.Read(reader, "generated.csv"))
        {
            count += entry.OutputTokens > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Reads, prices and summarizes the whole file: the file opened, CsvHelper parsers and the cells' checks on
    /// worker threads (a chunk each), the pricing and the sums on the calling thread.</summary>
    /// <returns>The bill's total, so the work is not optimized away.</returns>
    [Benchmark]
    public double ReadPriceAndSummarize() => Import(file).Bill().TotalCost;

    /// <summary>Reads a file through <see cref="UsageAnalyzer"/> and derives the bill and the workload, as the sample
    /// app's <c>usage</c> command does.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The analyzer, with every record added.</returns>
    internal static UsageAnalyzer Import(string path)
    {
        var analyzer = new UsageAnalyzer(PricingCatalog.Default);
        using (var reader = Open(path))
        {
            analyzer.AddRange(UsageCsv.Read(reader, "generated.csv"));
        }

        _ = analyzer.Bill();
        _ = analyzer.DeriveWorkload();
        return analyzer;
    }

    /// <summary>
    /// Writes a per-request CSV: 5 models in turn (two with context tiers, all priced on their dates), times evenly
    /// spread over 120 days from 2026-08-01, inputs of 100 to 300,000 tokens (a quarter of them cached), every fifth
    /// request batched, three projects and a cost column; about 95 bytes a row.
    /// </summary>
    /// <param name="path">The file to write.</param>
    /// <param name="records">The number of rows.</param>
    internal static void WriteCsv(string path, int records)
    {
        (string Provider, string Model)[] models =
        [
            ("openai", "gpt-4o"), ("openai", "gpt-4.1-mini"), ("openai", "o3"), ("anthropic", "claude-sonnet-4-5-20250929"), ("openai", "gpt-5.6-terra"),
        ];
        var random = new Random(42);
        var start = new DateTime(2026, 8, 1, 0, 0, 0, DateTimeKind.Utc);
        var step = TimeSpan.FromDays(120).Ticks / records;
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.WriteLine(UsageCsv.Header + ",project,cost");
        for (var i = 0; i < records; i++)
        {
            var (provider, model) = models[i % models.Length];
            var input = random.Next(100, 300_000);
            var time = start.AddTicks(step * i);
            writer.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{time:yyyy-MM-ddTHH:mm:ssZ},{provider},{model},{input},{input / 4},0,{random.Next(10, 4_000)},{(i % 5 == 0 ? "true" : "false")},standard,team-{i % 3},{input * 2.5e-6:0.######}"));
        }
    }

    private static StreamReader Open(string path) => new(path, Encoding.UTF8, false, 1 << 16);
}
