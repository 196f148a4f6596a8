using LlmTco.Pricing;
using LlmTco.Pricing.Import;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing.Import;

/// <summary>The standing cross-check of the catalog against a genai-prices <c>data.json</c>.</summary>
public sealed class GenAiPricesComparerTests
{
    /// <summary>
    /// A hand-made data.json for the catalog of <see cref="Valid"/>: acme-large (matched by <c>starts_with</c>) cut from
    /// 10/2.5/40 to 2/0.25/8 on 2025-06-10 (the catalog has cached 0.5 after the cut); acme-mini at 0.075/0.01875/0.3
    /// with no long-context tier (the catalog has no cached price, and a tier above 200K at 0.15/0.6); acme-other,
    /// which the catalog does not price.
    /// </summary>
    public const string DataJson = """
        [{"id": "acme", "models": [
          {"id": "acme-large", "match": {"starts_with": "acme-large"}, "prices": [
            {"prices": {"input_mtok": 10, "cache_read_mtok": 2.5, "output_mtok": 40}},
            {"constraint": {"start_date": "2025-06-10"}, "prices": {"input_mtok": 2, "cache_read_mtok": 0.25, "output_mtok": 8}}]},
          {"id": "acme-mini", "match": {"equals": "acme-mini"}, "prices": {"input_mtok": 0.075, "cache_read_mtok": 0.01875, "output_mtok": 0.3}},
          {"id": "acme-other", "match": {"equals": "acme-other"}, "prices": {"input_mtok": 1, "output_mtok": 2}}]}]
        """;

    private static readonly PricingCatalog Catalog = PricingCatalog.Load(PricingSource.InMemory(Valid()));

    [Fact]
    public void Compare_AfterTheCut_ListsBothModelsAndEveryDifferingCell()
    {
        var comparison = GenAiPricesComparer.Compare(Catalog, DataJson, new DateOnly(2025, 7, 1));

        // acme-large: one tier × 5 columns = 5 cells; only cached input differs (catalog 0.5, genai-prices 0.25).
        // acme-mini: tiers 0 and 200000 × 5 = 10 cells; at 0 cached differs (blank vs 0.01875); at 200000 genai-prices
        // has no tier, so its base row is read: input 0.15 vs 0.075, cached blank vs 0.01875, output 0.6 vs 0.3 = 4.
        // Together: 2 models, 15 cells, 1 + 4 = 5 disagreements; acme-other is priced by genai-prices only.
        comparison.Date.Should().Be(new DateOnly(2025, 7, 1));
        comparison.Models.Should().Equal(
            new ComparedModel("acme", "acme-large-2025-01-01", "acme-large", 5, 1),
            new ComparedModel("acme", "acme-mini", "acme-mini", 10, 4));
        comparison.CellsCompared.Should().Be(15);
        comparison.Disagreements.Should().Equal(
            new PriceDisagreement("acme", "acme-large-2025-01-01", "acme-large", 0, "cached_input_per_mtok", 0.5m, 0.25m),
            new PriceDisagreement("acme", "acme-mini", "acme-mini", 0, "cached_input_per_mtok", null, 0.01875m),
            new PriceDisagreement("acme", "acme-mini", "acme-mini", 200000, "input_per_mtok", 0.15m, 0.075m),
            new PriceDisagreement("acme", "acme-mini", "acme-mini", 200000, "cached_input_per_mtok", null, 0.01875m),
            new PriceDisagreement("acme", "acme-mini", "acme-mini", 200000, "output_per_mtok", 0.6m, 0.3m));
    }

    [Fact]
    public void Compare_OneHourCacheWrites_AreComparedOnlyWhenTheFileCarriesThem()
    {
        // Given a catalog row with a 1-hour price of 6 (2 × input 3) and a row without one
        var catalog = PricingCatalog.Load(PricingSource.InMemory(With("api_prices.csv", Lines(
            ApiHeaderOneHour,
            "acme,acme-large,,standard,0,2025-01-01,,USD,3,,3.75,6,15,,,,,https://example.com/acme,2026-11-29",
            "acme,acme-mini,,standard,0,2025-01-01,,USD,1,,1.25,,5,,,,,https://example.com/acme,2026-11-29"))));
        const string V1 = """
            [{"id": "acme", "models": [
              {"id": "acme-large", "match": {"equals": "acme-large"}, "prices": {"input_mtok": 3, "cache_write_mtok": 3.75, "output_mtok": 15}},
              {"id": "acme-mini", "match": {"equals": "acme-mini"}, "prices": {"input_mtok": 1, "cache_write_mtok": 1.25, "output_mtok": 5}}]}]
            """;
        var v2 = V1.Replace("\"cache_write_mtok\": 3.75,", "\"cache_write_mtok\": 3.75, \"cache_write_1h_mtok\": 5,", StringComparison.Ordinal)
            .Replace("\"cache_write_mtok\": 1.25,", "\"cache_write_mtok\": 1.25, \"cache_write_1h_mtok\": 2,", StringComparison.Ordinal);

        // When compared with a file without the field (prices/data.json) and with one that has it (the v2 file)
        var withoutField = GenAiPricesComparer.Compare(catalog, V1, new DateOnly(2025, 7, 1));
        var withField = GenAiPricesComparer.Compare(catalog, v2, new DateOnly(2025, 7, 1));

        // Then the first compares 2 models × 5 columns = 10 cells and finds nothing; the second 2 × 6 = 12 cells, and
        // the 1-hour cells differ: 6 vs 5, and blank vs 2
        (withoutField.CellsCompared, withoutField.Disagreements.Count).Should().Be((10, 0));
        withField.CellsCompared.Should().Be(12);
        withField.Disagreements.Should().Equal(
            new PriceDisagreement("acme", "acme-large", "acme-large", 0, "cache_write_1h_per_mtok", 6m, 5m),
            new PriceDisagreement("acme", "acme-mini", "acme-mini", 0, "cache_write_1h_per_mtok", null, 2m));
    }

    [Fact]
    public void Compare_BeforeTheCut_ComparesTheRowsInForceThen()
    {
        // On 2025-03-01 both sides price acme-large at the launch prices 10 / 2.5 / 40: no difference there
        var comparison = GenAiPricesComparer.Compare(Catalog, DataJson, new DateOnly(2025, 3, 1));

        comparison.Models.Select(m => m.CellsDisagreeing).Should().Equal(0, 4);
        comparison.Disagreements.Should().OnlyContain(d => d.ModelId == "acme-mini");
    }

    [Fact]
    public void Compare_BeforeEitherSidePricesAModel_LeavesItOut()
    {
        // The catalog's rows start on 2025-01-01
        GenAiPricesComparer.Compare(Catalog, DataJson, new DateOnly(2024, 12, 31)).Models.Should().BeEmpty();
    }

    [Fact]
    public void Compare_AwsProviderAndContainsAndRegexAndAliasMatches_AreResolvedAsGenAiPricesDoes()
    {
        // Given a Bedrock row (genai-prices calls the provider aws) matched by 'contains', a row matched only through
        // its alias by a regex, and a first model whose 'and' clause fails
        var csv = Lines(
            ApiHeader,
            "bedrock,anthropic.claude-x-v1:0,,standard,0,2025-01-01,,USD,3,0.3,3.75,15,,,,,https://example.com/b,2026-11-29",
            "bedrock,vendor.model-y,model-y-latest,standard,0,2025-01-01,,USD,1,,,2,,,,,https://example.com/b,2026-11-29");
        var catalog = PricingCatalog.Load(PricingSource.InMemory(With("api_prices.csv", csv)));
        const string json = """
            [{"id": "aws", "models": [
              {"id": "never", "match": {"and": [{"contains": "claude-x"}, {"ends_with": "v9:0"}]}, "prices": {"input_mtok": 99, "output_mtok": 99}},
              {"id": "claude-x", "match": {"contains": "CLAUDE-X"}, "prices": {"input_mtok": 3, "cache_read_mtok": 0.3, "cache_write_mtok": 3.75, "output_mtok": 15}},
              {"id": "model-y", "match": {"regex": "^model-y-(latest|\\d+)$"}, "prices": {"input_mtok": 1.2, "output_mtok": 2}}]}]
            """;

        var comparison = GenAiPricesComparer.Compare(catalog, json, new DateOnly(2026, 12, 5));

        // Then claude-x agrees on all 5 cells; model-y differs on input only (1 vs 1.2)
        comparison.Models.Should().Equal(
            new ComparedModel("bedrock", "anthropic.claude-x-v1:0", "claude-x", 5, 0),
            new ComparedModel("bedrock", "vendor.model-y", "model-y", 5, 1));
        comparison.Disagreements.Should().ContainSingle().Which.Should().Be(
            new PriceDisagreement("bedrock", "vendor.model-y", "model-y", 0, "input_per_mtok", 1m, 1.2m));
    }

    [Fact]
    public void Compare_NotAnArrayOfProviders_Throws()
    {
        var act = () => GenAiPricesComparer.Compare(Catalog, "{\"gpt-4o\": {}}", new DateOnly(2025, 7, 1));

        act.Should().Throw<PriceImportException>();
    }

    [Fact]
    public void Compare_FromAStream_GivesTheSameAsFromText()
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(DataJson));

        GenAiPricesComparer.Compare(Catalog, stream, new DateOnly(2025, 7, 1)).Disagreements.Should().HaveCount(5);
    }
}
