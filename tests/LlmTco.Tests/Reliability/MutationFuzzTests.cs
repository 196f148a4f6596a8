using System.Diagnostics;
using System.Globalization;
using System.Text;
using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Pricing.Import;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Usage;

namespace LlmTco.Tests.Reliability;

/// <summary>
/// A seeded mutation fuzzer over the pricing tables, the scenario reader and engine, the two price importers and the
/// usage readers: each iteration takes a valid input, mutates it (cuts, repeats, inserts hostile characters, swaps
/// numbers for extreme ones) and checks that only the documented exceptions come out, and that every result is finite.
/// </summary>
/// <remarks>
/// Iteration i of seed s is the same on every machine, so a failure names both and can be replayed. The run stops at
/// a time budget (<c>LLMTCO_FUZZ_SECONDS</c>, 30 by default) or an iteration count (<c>LLMTCO_FUZZ_ITERATIONS</c>,
/// for a long run outside CI: <c>LLMTCO_FUZZ_ITERATIONS=100000 LLMTCO_FUZZ_SECONDS=100000 dotnet test --filter MutationFuzz</c>).
/// </remarks>
public sealed class MutationFuzzTests
{
    private const int Seed = 20;

    private static readonly string[] Hostile =
    [
        "1e308", "-1e308", "1e-300", "-0", "0", "-1", "NaN", "Infinity", "79228162514264337593543950335", "1e28", "1e-28",
        "9999-12-01", "\"", ",", ";", "\t", "\n", "\r\n", "{", "}", "[", "]", ":", "\\", "\u0000", "\u202e", "\u200b", "\ud800",
        "\"kind\"", "\"x\": 1,", "null", "true", "[*]", "é", "💥",
    ];

    private static readonly string ScenarioSeed = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "HostileInputs", "json", "valid.json"));
    private static readonly string LiteLlmSeed = File.ReadAllText(Path.Combine(Pricing.Import.ImportFixtures.Folder, "litellm-model-prices.json"));
    private static readonly string GenAiSeed = File.ReadAllText(Path.Combine(Pricing.Import.ImportFixtures.Folder, "genai-prices-data.json"));
    private static readonly string UsageSeed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "UsageExports", "gateway-requests.csv"));
    private static readonly string OpenAiSeed = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "UsageExports", "openai-usage-completions.json"));

    [Fact]
    public void Fuzz_MutatedInputs_GiveOnlyDocumentedExceptionsAndFiniteResults()
    {
        var seconds = Setting("LLMTCO_FUZZ_SECONDS", 30);
        var iterations = Setting("LLMTCO_FUZZ_ITERATIONS", int.MaxValue);
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var done = 0;
        for (; done < iterations && clock.Elapsed.TotalSeconds < seconds && failures.Count < 5; done++)
        {
            var random = new Random(HashCode.Combine(Seed, done));
            var target = done % 5;
            string input = string.Empty;
            try
            {
                input = target switch
                {
                    0 => Table(random),
                    1 => Scenario(random),
                    2 => Import(random, LiteLlmSeed, LiteLlmImporter.Import),
                    3 => Import(random, GenAiSeed, GenAiPricesImporter.Import),
                    _ => Usage(random),
                };
            }
            catch (Exception ex)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"seed {Seed}, iteration {done}: {ex.GetType().Name}: {ex.Message}\ninput: {Shorten(input)}\n{ex.StackTrace}"));
            }
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"mutation fuzzer: seed {Seed}, {done:N0} iterations in {clock.Elapsed.TotalSeconds:N1} s, {failures.Count} failure(s)"));
        failures.ForEach(Console.WriteLine);
        failures.Should().BeEmpty();
        done.Should().BeGreaterThan(0);
    }

    /// <summary>One pricing table mutated among valid ones: validation reports, it never throws.</summary>
    private static string Table(Random random)
    {
        var tables = TestTables.Valid();
        var name = tables.Keys.Order(StringComparer.Ordinal).ElementAt(random.Next(tables.Count));
        tables[name] = Mutate(random, tables[name]);
        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));
        if (report.Catalog is null && report.Errors.Count() == 0)
        {
            throw new InvalidOperationException("no catalog and no error");
        }

        return tables[name];
    }

    /// <summary>A mutated scenario: read, evaluated and written, with only validation and lookup errors, and finite results.</summary>
    private static string Scenario(Random random)
    {
        var json = Mutate(random, ScenarioSeed);
        try
        {
            var result = TestScenarios.Engine.Evaluate(ScenarioJson.Parse(json));
            if (ResultFigures.FirstNonFinite(result) is { } bad)
            {
                throw new InvalidOperationException("non-finite result: " + bad);
            }

            _ = ScenarioResultJson.Serialize(result);
            using var csv = new StringWriter();
            ScenarioResultCsv.Write(csv, result);
        }
        catch (Exception ex) when (ex is ScenarioValidationException or PricingLookupException)
        {
        }

        return json;
    }

    private static string Import(Random random, string seed, Func<string, PriceImportOptions, ImportResult> import)
    {
        var json = Mutate(random, seed);
        try
        {
            _ = import(json, new PriceImportOptions(new Uri("https://example.com/prices.json")) { CheckedOn = new DateOnly(2026, 12, 5) });
        }
        catch (PriceImportException)
        {
        }

        return json;
    }

    private static string Usage(Random random)
    {
        var csv = random.Next(2) == 0;
        var text = Mutate(random, csv ? UsageSeed : OpenAiSeed);
        try
        {
            var entries = csv
                ? UsageCsv.Read(new StringReader(text), "requests.csv").ToList()
                : OpenAiUsageExport.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)), "usage.json");
            _ = entries.Count;
        }
        catch (UsageImportException)
        {
        }

        return text;
    }

    /// <summary>One to four mutations: cut a span, repeat a span, insert a hostile token, or swap a number for an extreme one.</summary>
    private static string Mutate(Random random, string text)
    {
        var s = new StringBuilder(text);
        for (var n = random.Next(1, 5); n > 0 && s.Length > 0; n--)
        {
            var at = random.Next(s.Length);
            var length = Math.Min(s.Length - at, random.Next(1, 40));
            switch (random.Next(4))
            {
                case 0:
                    s.Remove(at, length);
                    break;
                case 1:
                    s.Insert(at, s.ToString(at, length));
                    break;
                case 2:
                    s.Insert(at, Hostile[random.Next(Hostile.Length)]);
                    break;
                default:
                    var start = at;
                    while (start < s.Length && !char.IsAsciiDigit(s[start]))
                    {
                        start++;
                    }

                    var end = start;
                    while (end < s.Length && (char.IsAsciiDigit(s[end]) || s[end] == '.'))
                    {
                        end++;
                    }

                    if (end > start)
                    {
                        s.Remove(start, end - start).Insert(start, Hostile[random.Next(11)]);
                    }

                    break;
            }
        }

        return s.ToString();
    }

    private static int Setting(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : fallback;

    private static string Shorten(string text) => text.Length <= 2_000 ? text : text[..2_000] + "…";
}
