using LlmTco.Pricing;
using LlmTco.Pricing.Diff;
using LlmTco.Pricing.Import;
using LlmTco.Usage;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Reliability;

/// <summary>
/// Values at the ends of what the checks and converters accept — the full range of <see cref="decimal"/> (about 10⁻²⁸ to
/// 7.9 × 10²⁸), and JSON that is well formed but not the shape expected — give a warning, an issue or a
/// <see cref="PriceImportException"/> with the JSON path, never an <see cref="OverflowException"/> or an
/// <see cref="InvalidOperationException"/> from the reader. Import cases are files in <c>HostileInputs/import</c>, named
/// <c>format.case.json</c>.
/// </summary>
public sealed class HostileValueTests
{
    private const string Tail = ",https://example.com/acme,2026-11-29";
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "HostileInputs", "import");

    [Theory]
    [InlineData("genai-prices.lone-surrogate-in-id.json", "the genai-prices file is malformed at $[0].models[0]: Cannot read incomplete UTF-16 JSON text as string with missing low surrogate")]
    [InlineData("litellm.lone-surrogate-in-key.json", "the litellm file is malformed at $ (property #1, whose name is not valid text): Cannot read incomplete UTF-16 JSON text")]
    public void ImportCorpus_TextTheReaderCannotDecode_IsAPriceImportExceptionWithThePath(string file, string message)
    {
        var act = () => Import(file);

        act.Should().Throw<PriceImportException>().Which.Message.Should().StartWith(message);
    }

    [Theory]
    [InlineData("genai-prices.constraint-is-a-number.json", "acme/m: 'constraint': 5 is not a constraint object; that price is skipped")]
    [InlineData("genai-prices.tier-start-is-text.json", "acme/m: 'input_mtok.tiers': {\"start\": \"200000\", \"price\": 2} is not a tier with a positive whole 'start' and a 'price'; that tier is skipped")]
    [InlineData("litellm.price-1e23-per-token.json", "m: 'input_cost_per_token': 1e23 USD a token is above any price (1,000,000 a token, 1,000,000,000,000 per 1M); not mapped")]
    [InlineData("litellm.batch-above-standard.json", "m: 'input_cost_per_token_batches': the batch prices are not one uniform discount (input_cost_per_token 100 % off, output_cost_per_token costs over 10^20 times as much in a batch); batch_discount is left blank")]
    public void ImportCorpus_ValueOfTheWrongShapeOrSize_IsAnIssueOfItsField(string file, string issue)
    {
        var result = Import(file);

        result.Unmapped.Select(i => i.ToString()).Should().Contain(issue);
    }

    [Fact]
    public void Validate_Bf16TflopsOf1eMinus28_WarnsInsteadOfOverflowing()
    {
        // Given a GPU whose FP8 figure is 1979 and BF16 figure 10⁻²⁸: the ratio 1.979 × 10³¹ is beyond decimal
        var tables = With("gpus.csv", Lines(GpuHeader, "GPU-A,nvidia,80,3.35,0.0000000000000000000000000001,1979,700,,,,,,https://example.com/gpu-a,2026-11-29"));

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Warnings.Should().ContainSingle(w => w.ColumnName == "fp8_dense_tflops")
            .Which.Message.Should().Contain("is 19790000000000000000000000000000× its bf16_dense_tflops (0.0000000000000000000000000001)");
    }

    [Fact]
    public void Validate_PriceHistoryFrom1eMinus28To10And1e28_WarnsOfEachChangeInsteadOfOverflowing()
    {
        // Given acme-mini's input price 10⁻²⁸, then 10 (×10²⁹, beyond decimal), then 10²⁸ (×10²⁷)
        var tables = With("api_prices.csv", Lines(
            ApiHeader,
            "acme,acme-mini,,standard,0,2025-01-01,2025-02-01,USD,0.0000000000000000000000000001,,,0.3,,,," + Tail,
            "acme,acme-mini,,standard,0,2025-02-01,2025-03-01,USD,10,,,0.3,,,," + Tail,
            "acme,acme-mini,,standard,0,2025-03-01,,USD,10000000000000000000000000000,,,0.3,,,," + Tail));

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Should().BeEmpty();
        report.Warnings.Where(w => w.ColumnName == "input_per_mtok" && w.Message.Contains("changed from", StringComparison.Ordinal)).Select(w => w.Line)
            .Should().Equal(3, 4);
        report.Warnings.Should().Contain(w => w.Message.Contains("(×100000000000000000000000000000)", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_ExchangeRateNearDecimalsLargest_WarnsOfTheMoveInsteadOfOverflowing()
    {
        // Given EUR/USD at 7 × 10²⁸ after 1 (found by the mutation fuzzer: the 25 % check multiplied the rate by 1.25)
        var tables = With("exchange_rates.csv", Lines(
            ExchangeRateHeader,
            "EUR,USD,2025-05,1,2025-05-02,,https://example.com/fx,2026-11-29",
            "EUR,USD,2025-06,70000000000000000000000000000,2025-06-02,,https://example.com/fx,2026-11-29"));

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Warnings.Should().ContainSingle(w => w.ColumnName == "quote_per_base").Which.Message.Should().Contain("more than 25 % in a month");
    }

    [Theory]
    [InlineData("0.0000000000000000000000000001", "10")] // (10 − 10⁻²⁸) ÷ 10⁻²⁸ × 100 ≈ 10³¹ %: beyond decimal
    [InlineData("-79228162514264337593543950335", "79228162514264337593543950335")] // the difference alone overflows
    public void PercentChange_BeyondDecimal_IsNullNotAnOverflow(string before, string after)
    {
        var change = new PricingCellChange("input_per_mtok", before, after);

        change.PercentChange.Should().BeNull();
        change.ToString().Should().Be($"input_per_mtok: {before} → {after}");
    }

    [Theory]
    [InlineData("2026-11-01T-1:07:00Z")] // a sign among the time's digits (found by the mutation fuzzer: it threw from DateTimeOffset)
    [InlineData("2026-11-01T00:-7:00Z")]
    public void UsageCsv_TimeWithASignInItsDigits_IsAnImportErrorNotAnOutOfRange(string timestamp)
    {
        var csv = $"timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier,project,cost\n{timestamp},openai,gpt-4o,1200,400,0,300,false,standard,support,0.0055\n";

        var act = () => UsageCsv.Read(new StringReader(csv), "requests.csv").ToList();

        act.Should().Throw<UsageImportException>().Which.Message.Should().Contain("requests.csv:2");
    }

    private static ImportResult Import(string file)
    {
        var options = new PriceImportOptions(new Uri("https://example.com/prices.json")) { CheckedOn = new DateOnly(2026, 12, 5) };
        using var json = File.OpenRead(Path.Combine(Corpus, file));
        return file.StartsWith("litellm", StringComparison.Ordinal) ? LiteLlmImporter.Import(json, options) : GenAiPricesImporter.Import(json, options);
    }
}
