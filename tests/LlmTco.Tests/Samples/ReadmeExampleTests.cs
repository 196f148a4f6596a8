using System.Text.Json;
using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Tests.Docs;
using LlmTco.Timeline;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The README's "An example" block, run as a reader would run it, against the hand calculation printed
/// under it in the README (itself worked from the bundled rows it names).
/// </summary>
public sealed class ReadmeExampleTests
{
    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static ScenarioResult Result => new TcoEngine(PricingCatalog.Default).Evaluate(ScenarioJson.Parse(ReadmeExample.ScenarioJson()));

    [Fact]
    public void ReadmeExample_Api_CostsSevenThousandFiveHundredAMonth()
    {
        // 1e9 input × 2.5 + 5e8 output × 10 per 1M tokens = 2,500 + 5,000
        Result.Option("GPT-4o").Months.Should().OnlyContain(m => Math.Abs(m.Total - 7_500) < 1e-9);
    }

    [Fact]
    public void ReadmeExample_SelfHosted_RentsOneL40S()
    {
        var self = Result.Option("Llama 3.1 8B on an L40S");

        // The nearest row, 1,000 in / 1,000 out at 4,054.71 tokens/s, carried over to 1,000 / 500 by the roofline
        // (L40S: 0.864 TB/s, 733 FP8 TFLOPS, 43.2 GB usable; 8e9 B of weights; KV 131,072 B/token; MBU 0.6, MFU 0.4):
        //   offline batch: 35.2e9 / (2,000 × 131,072) = 134.3 → 134; 35.2e9 / (1,500 × 131,072) = 179.0 → 179
        //   prefill 2 × 8e9 × 1,000 / 2.932e14 = 54.570 ms for both
        //   1,000/1,000 at 134: step (8e9 + 134 × 1,500 × 131,072) / 5.184e11 = 66.253 ms → 1,000 / (54.570 + 1,000 ×
        //   66.253 / 134) ms = 1,821.51 tokens/s; 1,000/500 at 179: step (8e9 + 179 × 1,250 × 131,072) / 5.184e11 =
        //   72.005 ms → 500 / (54.570 + 500 × 72.005 / 179) ms = 1,955.41 tokens/s
        //   4,054.71 × 1,955.41 / 1,821.51 = 4,352.76 tokens/s: still one GPU for a peak of 190.3 tokens/s.
        // 1 GPU × 730 h × 2.24208 = 1,636.7184 a month, + 20,000 setup in month 1
        self.GpusPerReplica.Should().Be(1);
        self.ThroughputSource.Should().Be(ThroughputSource.BenchmarkAdjusted);
        self.ReplicaThroughputTokensPerSecond.Should().BeApproximately(4_352.76, 0.01);
        self.Months[0].Total.Should().BeApproximately(21_636.7184, 1e-6);
        self.Months[1].Total.Should().BeApproximately(1_636.7184, 1e-6);
    }

    [Fact]
    public void ReadmeExample_BreaksEvenFourtyOnePercentIntoMonthFour()
    {
        var b = Result.BreakEvens.Single();

        // End of month 3: 20,000 + 3 × 1,636.7184 = 24,910.1552 vs 22,500 (2,410.1552 dearer);
        // end of month 4: 26,546.8736 vs 30,000 (3,453.1264 cheaper). 2,410.1552 / 5,863.2816 = 0.411061 into month 4.
        b.Nominal.Outcome.Should().Be(BreakEvenOutcome.BreaksEven);
        b.Nominal.Month.Should().Be(4);
        b.Nominal.MonthsFromStart.Should().BeApproximately(3 + (2_410.1552 / 5_863.2816), 1e-9);
        b.Nominal.CumulativeCost.Should().BeApproximately(24_910.1552 + (2_410.1552 / 5_863.2816 * 1_636.7184), 1e-6);
    }

    [Fact]
    public void ReadmeExample_SelfHostedCheaperAbove327MillionTokensAMonth()
    {
        // GPT-4o: 7,500 / 1,500M tokens = 5 per 1M; one replica: 1,636.7184 → 1,636.7184 / 5 × 1e6 tokens
        var volume = Result.BreakEvens.Single().Volume;

        volume.Crossings.Should().ContainSingle().Which.TokensPerMonth.Should().BeApproximately(327_343_680, 1e-3);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(327_343_680, 1e-3);
    }

    [Fact]
    public void ReadmeJsonOutput_EveryDocumentedFieldIsWrittenWithItsKindAndTheHandCalculatedFigures()
    {
        // Given the documented JSON output (docs/output.md) (the example's, abridged) and the JSON the library writes for it
        using var documented = JsonDocument.Parse(ReadmeExample.FirstJsonBlock(Path.Combine(RepositoryRoot.Path, "docs", "output.md"), "## `run --json`"));
        using var written = JsonDocument.Parse(ScenarioResultJson.Serialize(Result));

        // Then every documented property exists at the same place with the same kind of value (in some array element)
        var missing = new List<string>();
        Compare(documented.RootElement, written.RootElement, "$", missing);
        missing.Should().BeEmpty();

        // And the figures worked by hand above are the written ones
        var root = written.RootElement;
        root.GetProperty("formatVersion").GetInt32().Should().Be(ScenarioResultJson.FormatVersion);
        var api = root.GetProperty("options").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "GPT-4o");
        api.GetProperty("totalCost").GetDouble().Should().BeApproximately(12 * 7_500, 1e-6);
        api.GetProperty("months")[0].GetProperty("lines").GetProperty("apiUsage").GetDouble().Should().BeApproximately(7_500, 1e-9);
        api.GetProperty("months")[0].GetProperty("costPerMillionTokens").GetDouble().Should().BeApproximately(5, 1e-12);
        var breakEven = root.GetProperty("breakEvens")[0];
        breakEven.GetProperty("nominal").GetProperty("outcome").GetString().Should().Be("breaks-even");
        breakEven.GetProperty("nominal").GetProperty("monthsFromStart").GetDouble().Should().BeApproximately(3 + (2_410.1552 / 5_863.2816), 1e-9);
        breakEven.GetProperty("volume").GetProperty("selfHostedCheaperAboveTokensPerMonth").GetDouble().Should().BeApproximately(327_343_680, 1e-3);
    }

    private static void Compare(JsonElement documented, JsonElement written, string path, List<string> problems)
    {
        if (documented.ValueKind == JsonValueKind.Object)
        {
            foreach (var property in documented.EnumerateObject())
            {
                if (written.ValueKind != JsonValueKind.Object || !written.TryGetProperty(property.Name, out var actual))
                {
                    problems.Add($"{path}.{property.Name} is documented but not written");
                    continue;
                }

                Compare(property.Value, actual, $"{path}.{property.Name}", problems);
            }
        }
        else if (documented.ValueKind == JsonValueKind.Array)
        {
            if (written.ValueKind != JsonValueKind.Array)
            {
                problems.Add($"{path} is documented as an array but written as {written.ValueKind}");
            }
            else if (documented.GetArrayLength() > 0)
            {
                // The documented element must match one written element (e.g. an assumption about an option, not the
                // scenario-wide ones that come first with a null option).
                var best = new List<string> { $"{path} is documented with elements but written empty" };
                foreach (var element in written.EnumerateArray())
                {
                    var found = new List<string>();
                    Compare(documented[0], element, path + "[*]", found);
                    if (found.Count < best.Count)
                    {
                        best = found;
                    }
                }

                problems.AddRange(best);
            }
        }
        else if (documented.ValueKind != written.ValueKind && !(documented.ValueKind is JsonValueKind.True or JsonValueKind.False && written.ValueKind is JsonValueKind.True or JsonValueKind.False))
        {
            problems.Add($"{path} is documented as {documented.ValueKind} but written as {written.ValueKind}");
        }
    }
}
