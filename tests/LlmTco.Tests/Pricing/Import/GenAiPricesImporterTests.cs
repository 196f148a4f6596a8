using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Pricing.Import;
using static LlmTco.Tests.Pricing.Import.ImportFixtures;

namespace LlmTco.Tests.Pricing.Import;

/// <summary>
/// <see cref="GenAiPricesImporter"/> on the hand-written <c>genai-prices-data.json</c> fixture, prices in USD per
/// million tokens copied exactly. Start dates the source lacks are given as 2025-01-01.
/// </summary>
public sealed class GenAiPricesImporterTests
{
    private const string Url = "https://example.com/genai/data.json";

    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static ImportResult Result => GenAiPricesImporter.Import(Open("genai-prices-data.json"), Options(Url, new DateOnly(2025, 1, 1)));

    [Fact]
    public void Import_Fixture_MapsEveryPriceAndDate()
    {
        // Tiers become context-tier rows at their start; start_date constraints a price history; requests_kcount 25 ÷ 1,000 = 0.025
        Result.Rows.Select(r => (r.Provider, r.ModelId, r.ContextThresholdTokens, r.EffectiveFrom, r.EffectiveTo, r.InputPricePerMillionTokens, r.CachedInputPricePerMillionTokens, r.CacheWritePricePerMillionTokens, r.OutputPricePerMillionTokens, r.PricePerRequest))
            .Should().Equal(
                ("anthropic", "claude-opus-4-6", 0L, D(2025, 1, 1), D(2026, 3, 13), 5m, 0.5m, null, 25m, null),
                ("anthropic", "claude-opus-4-6", 0L, D(2026, 3, 13), null, 5m, 0.5m, null, 25m, null),
                ("anthropic", "claude-opus-4-6", 200_000L, D(2025, 1, 1), D(2026, 3, 13), 10m, 0.5m, null, 37.5m, null),
                ("anthropic", "claude-sonnet-4-5", 0L, D(2025, 1, 1), null, 3m, 0.3m, 3.75m, 15m, null),
                ("anthropic", "claude-sonnet-4-5", 200_000L, D(2025, 1, 1), null, 6m, 0.6m, 7.5m, 22.5m, null),
                ("bedrock", "meta.llama3-3-70b-instruct-v1:0", 0L, D(2025, 1, 1), null, 0.72m, null, null, 0.72m, null),
                ("deepseek", "deepseek-chat", 0L, D(2025, 1, 1), null, 0.27m, 0.07m, null, 1.1m, null),
                ("mistral", "mistral-small", 0L, D(2025, 1, 1), null, 0.1m, null, null, 0.3m, null),
                ("openai", "gpt-4o-audio-preview", 0L, D(2025, 1, 1), null, 2.5m, null, null, 10m, null),
                ("openai", "gpt-4o-search", 0L, D(2025, 1, 1), null, 2.5m, null, null, 10m, 0.025m),
                ("openai", "o3", 0L, D(2025, 1, 1), D(2025, 6, 10), 10m, 2.5m, null, 40m, null),
                ("openai", "o3", 0L, D(2025, 6, 10), null, 2m, 0.5m, null, 8m, null));
        Result.Rows.Should().OnlyContain(r => r.SourceUrl == new Uri(Url) && r.CheckedOn == D(2026, 11, 29) && r.Currency == "USD" && r.ServiceTier == ServiceTier.Standard);
        (Result.Format, Result.EntriesRead, Result.ModelsImported).Should().Be(("genai-prices", 10, 8));
    }

    [Fact]
    public void Import_Fixture_ReportsEveryModelAndFieldNotMappedAndWhy()
    {
        Result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "openai/gpt-4o-audio-preview: 'input_audio_mtok': audio token prices have no column in api_prices.csv",
            "openai/gpt-4o-audio-preview: 'output_audio_mtok': audio token prices have no column in api_prices.csv",
            "openai/text-embedding-3-small: 'output_mtok': no output price (an embedding or input-only model); the model is not imported",
            "openai/gpt-4o-search: 'tool_use_kcount': tool-use prices have no column in api_prices.csv",
            "deepseek/deepseek-chat: 'constraint': a time-of-day price (from '16:30:00Z' to '00:30:00Z') has no column in api_prices.csv; only the all-day prices are imported",
            "Bad Provider: 'id': 'Bad Provider' cannot be a provider slug (lower-case letters, digits, '.', '_' and '-'); skipped",
            "mistral/mistral large: 'id': contains white space, ';' or an invisible or direction-changing character, which a model_id may not; skipped");
    }

    [Fact]
    public void Import_HostileProvidersAndModels_ReportsEachOneAndImportsOnlyWhatIsWhole()
    {
        // Given one provider or model per way it can be unusable, and one whole model with fields that have no column
        var json = """
            [
              "not a provider",
              { "name": "no id" },
              { "id": "nomodels" },
              { "id": "acme", "models": [
                42,
                { "id": "bad id", "prices": { "input_mtok": 1, "output_mtok": 2 } },
                { "id": "noprices" },
                { "id": "embedder", "prices": { "input_mtok": 0.1 } },
                { "id": "outputonly", "prices": { "output_mtok": 2 } },
                { "id": "textual", "prices": { "input_mtok": "one dollar", "output_mtok": 2 } },
                { "id": "conditional", "prices": [
                  7,
                  { "constraint": { "start_date": "01/02/2025" }, "prices": { "input_mtok": 1, "output_mtok": 2 } },
                  { "constraint": { "region": "eu" }, "prices": { "input_mtok": 1, "output_mtok": 2 } }
                ] },
                { "id": "whole", "prices": {
                  "input_mtok": { "base": 1, "tiers": [ { "start": -5, "price": 2 } ] },
                  "output_mtok": 4, "video_mtok": 9
                } }
              ] }
            ]
            """;

        // When
        var result = GenAiPricesImporter.Import(json, Options(Url));

        // Then every unusable provider, model and field is reported in the file's order, with the reason
        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "(provider #1): not a JSON object; skipped",
            "(provider #2): 'id': missing; the provider's models are skipped",
            "nomodels: 'models': missing or not an array; no models imported",
            "acme/(model #1): 'id': missing; skipped",
            "acme/bad id: 'id': contains white space, ';' or an invisible or direction-changing character, which a model_id may not; skipped",
            "acme/noprices: 'prices': missing; skipped",
            "acme/embedder: 'output_mtok': no output price (an embedding or input-only model); the model is not imported",
            "acme/outputonly: 'input_mtok': no input price; the model is not imported",
            "acme/textual: 'input_mtok': 'one dollar' is neither a number nor a tiered price; not mapped",
            "acme/textual: 'input_mtok': no input price; the model is not imported",
            "acme/conditional: 'prices': a conditional price without a 'prices' object; skipped",
            "acme/conditional: 'start_date': '01/02/2025' is not a date written yyyy-MM-dd; that price is skipped",
            "acme/conditional: 'constraint': an unknown constraint ({ \"region\": \"eu\" }); that price is skipped",
            "acme/whole: 'input_mtok.tiers': { \"start\": -5, \"price\": 2 } is not a tier with a positive whole 'start' and a 'price'; that tier is skipped",
            "acme/whole: 'video_mtok': not a genai-prices price field this importer knows; not mapped");

        // And only the whole model is imported, at its base prices ($1 in, $4 out per million tokens)
        var row = result.Rows.Should().ContainSingle().Subject;
        (row.Provider, row.ModelId, row.InputPricePerMillionTokens, row.OutputPricePerMillionTokens, row.ContextThresholdTokens).Should().Be(("acme", "whole", 1m, 4m, 0L));
    }

    [Fact]
    public void Import_Fixture_WritesTheDocumentedCsvWithProvenanceInNotes()
    {
        var lines = Csv(Result).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        lines[0].Should().Be(TestTables.ApiHeaderWritten);
        lines.Should().Contain(
            "openai,o3,o3-2025-04-16,standard,0,2025-06-10,,,USD,2,0.5,,,8,,,,imported from genai-prices (USD per 1M tokens); provider page https://platform.openai.com/docs/pricing,https://example.com/genai/data.json,secondary,2026-11-29");
        lines.Should().Contain(
            "bedrock,meta.llama3-3-70b-instruct-v1:0,,standard,0,2025-01-01,observed,,USD,0.72,,,,0.72,,,,imported from genai-prices (USD per 1M tokens); genai-prices provider 'aws'; provider page https://aws.amazon.com/bedrock/pricing/; start date not in the source; deprecated by the provider,https://example.com/genai/data.json,secondary,2026-11-29");
        Result.Rows.Single(r => r.ModelId == "mistral-small").Notes.Should().EndWith("output_per_mtok rounded from 0.30000000000000004 (floating-point noise in the source)");
        Result.Rows.Where(r => r.ModelId == "claude-sonnet-4-5").Should().OnlyContain(r => r.Aliases.SequenceEqual(new[] { "claude-sonnet-4.5" }));
    }

    [Fact]
    public void Import_Fixture_RowsPassTheValidator()
    {
        var report = Validate(Result);

        report.Errors.Should().BeEmpty();
        report.Catalog!.FindApiPrice("openai", "o3-2025-04-16", D(2025, 6, 9)).InputPricePerMillionTokens.Should().Be(10m);
        report.Catalog.FindApiPrice("anthropic", "claude-opus-4-6", D(2026, 1, 1), inputTokensPerRequest: 250_000).OutputPricePerMillionTokens.Should().Be(37.5m);
        report.Catalog.FindApiPrice("anthropic", "claude-opus-4-6", D(2026, 4, 1), inputTokensPerRequest: 250_000).OutputPricePerMillionTokens.Should().Be(25m);
    }

    [Fact]
    public void Import_UndatedPriceNotBeforeTheFirstDatedOne_IsLeftOutWithAReason()
    {
        // Given the default start for undated prices: the checked-on date 2026-11-29, after o3's dated price of 2025-06-10
        var result = GenAiPricesImporter.Import(Open("genai-prices-data.json"), Options(Url));

        result.Rows.Where(r => r.ModelId == "o3").Select(r => (r.EffectiveFrom, r.InputPricePerMillionTokens)).Should().Equal((D(2025, 6, 10), 2m));
        result.Unmapped.Should().Contain(new ImportIssue(
            "openai/o3", "prices",
            "the price before 2025-06-10 has no start date in the source, and the start date given for such prices (2026-11-29) is not earlier; give an earlier one (--effective-from) to import it"));
        result.Rows.Single(r => r.ModelId == "claude-sonnet-4-5" && r.ContextThresholdTokens == 0).EffectiveFrom.Should().Be(D(2026, 11, 29));
        Validate(result).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Import_TierMissingBetweenTwoDatedPrices_FillsTheGapWithTheBasePrices()
    {
        // Given a long-context tier in force, dropped on 2025-06-01, brought back on 2025-09-01
        const string json = """
            [{"id": "acme", "models": [{"id": "big", "prices": [
              {"prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 2}]}, "output_mtok": 4}},
              {"constraint": {"start_date": "2025-06-01"}, "prices": {"input_mtok": 1, "output_mtok": 4}},
              {"constraint": {"start_date": "2025-09-01"}, "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 3}]}, "output_mtok": 4}}
            ]}]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url, new DateOnly(2025, 1, 1)));

        // Then the 100000 tier's history has no gap: 2 until June, the base price 1 from June to September, then 3
        result.Rows.Where(r => r.ContextThresholdTokens == 100_000).Select(r => (r.EffectiveFrom, r.EffectiveTo, r.InputPricePerMillionTokens)).Should().Equal(
            (D(2025, 1, 1), D(2025, 6, 1), 2m), (D(2025, 6, 1), D(2025, 9, 1), 1m), (D(2025, 9, 1), null, 3m));
        Validate(result).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Import_AliasThatNamesAnotherModel_IsLeftOutWithAReason()
    {
        const string json = """
            [{"id": "acme", "models": [
              {"id": "alpha", "match": {"or": [{"equals": "beta"}, {"equals": "alpha-latest"}]}, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "beta", "match": {"equals": "beta"}, "prices": {"input_mtok": 1, "output_mtok": 2}}
            ]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        result.Rows.Single(r => r.ModelId == "alpha").Aliases.Should().Equal("alpha-latest");
        result.Unmapped.Should().Equal(new ImportIssue("acme/alpha", "aliases", "alias 'beta' also names 'beta' at provider 'acme'; left out"));
        Validate(result).Errors.Should().BeEmpty();
    }

    [Fact]
    public void Import_InvalidJson_ThrowsWithTheLineAndByte()
    {
        var act = () => GenAiPricesImporter.Import("[\n  {\"id\": }\n]", Options(Url));

        act.Should().Throw<PriceImportException>().WithMessage("the genai-prices file is not valid JSON: line 2, byte 10: *");
    }

    [Fact]
    public void Import_LiteLlmFile_ThrowsNamingTheOtherFormat()
    {
        var act = () => GenAiPricesImporter.Import(Open("litellm-model-prices.json"), Options(Url));

        act.Should().Throw<PriceImportException>().WithMessage(
            "a genai-prices data.json file is a JSON array of providers, but this file's top level is an object; is it a LiteLLM file (use --from litellm)?");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Import_UnderACommaCulture_ReadsAndWritesDecimalPoints(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var result = GenAiPricesImporter.Import(Open("genai-prices-data.json"), Options(Url, new DateOnly(2025, 1, 1)));

            result.Rows.Single(r => r.ModelId == "gpt-4o-search").PricePerRequest.Should().Be(0.025m);
            Csv(result).Should().Contain(",USD,2.5,,,,10,,,0.025,").And.Contain(",0.72,,,,0.72,").And.NotContain("0,72");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Import_NullOptionsWithAStream_Throws()
    {
        // An empty array of providers would need no options at all: the check is the only thing that can throw
        FluentActions.Invoking(() => GenAiPricesImporter.Import(new MemoryStream("[]"u8.ToArray()), null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Theory]
    [InlineData("\"prices\"", "a string")]
    [InlineData("42", "a number")]
    public void Import_TopLevelNeitherArrayNorObject_ThrowsNamingWhatItIs(string json, string kind)
    {
        var act = () => GenAiPricesImporter.Import(json, Options(Url));

        act.Should().Throw<PriceImportException>().WithMessage(
            $"a genai-prices data.json file is a JSON array of providers, but this file's top level is {kind}; is it a LiteLLM file (use --from litellm)?");
    }

    [Fact]
    public void Import_ProviderFieldsOfAnotherShape_AreReportedOrIgnored()
    {
        // Given 'models' that is an object, and 'pricing_urls' that is a string, an empty array, or an array whose first item is not a string
        const string json = """
            [
              {"id": "modelsobject", "models": {"id": "m"}},
              {"id": "urlstring", "pricing_urls": "https://example.com/string", "models": [{"id": "m", "prices": {"input_mtok": 1, "output_mtok": 2}}]},
              {"id": "urlsempty", "pricing_urls": [], "models": [{"id": "m", "prices": {"input_mtok": 1, "output_mtok": 2}}]},
              {"id": "urlsmixed", "pricing_urls": [42, "https://example.com/mixed"], "models": [{"id": "m", "prices": {"input_mtok": 1, "output_mtok": 2}}]}
            ]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        // Then the object of models is reported; a provider page is noted only from the first string in an array
        result.Unmapped.Select(i => i.ToString()).Should().Equal("modelsobject: 'models': missing or not an array; no models imported");
        result.Rows.Select(r => (r.Provider, r.Notes)).Should().Equal(
            ("urlsempty", "imported from genai-prices (USD per 1M tokens); start date not in the source"),
            ("urlsmixed", "imported from genai-prices (USD per 1M tokens); provider page https://example.com/mixed; start date not in the source"),
            ("urlstring", "imported from genai-prices (USD per 1M tokens); start date not in the source"));
    }

    [Fact]
    public void Import_ModelFieldsOfAnotherShape_AreReportedOrIgnored()
    {
        // Given prices that are a string, 'match' clauses that are not objects, an 'equals' that is a number, an 'or'
        // that is not an array, 'deprecated' that is false, and 'tiers' that is an object
        const string json = """
            [{"id": "acme", "models": [
              {"id": "textprices", "prices": "free"},
              {"id": "matchtext", "match": "matchtext-latest", "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "equalsnumber", "match": {"equals": 5}, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "ornumber", "match": {"or": 5, "equals": "ornumber-latest"}, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "notdeprecated", "deprecated": false, "prices": {"input_mtok": 1, "output_mtok": 2}},
              {"id": "tiersobject", "prices": {"input_mtok": {"base": 1, "tiers": {"start": 1000, "price": 9}}, "output_mtok": 2}},
              {"id": "emptyalias", "match": {"or": [{"equals": ""}, {"equals": "emptyalias-latest"}]}, "prices": {"input_mtok": 1, "output_mtok": 2}}
            ]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        // Then only the text prices are reported; the other models are imported with their base prices, their only
        // aliases the 'equals' clauses that are non-empty strings, and no deprecation note
        result.Unmapped.Select(i => i.ToString()).Should().Equal("acme/textprices: 'prices': missing; skipped");
        result.Rows.Select(r => (r.ModelId, string.Join(";", r.Aliases), r.ContextThresholdTokens, r.InputPricePerMillionTokens, r.Notes)).Should().Equal(
            ("emptyalias", "emptyalias-latest", 0L, 1m, "imported from genai-prices (USD per 1M tokens); start date not in the source"),
            ("equalsnumber", "", 0L, 1m, "imported from genai-prices (USD per 1M tokens); start date not in the source"),
            ("matchtext", "", 0L, 1m, "imported from genai-prices (USD per 1M tokens); start date not in the source"),
            ("notdeprecated", "", 0L, 1m, "imported from genai-prices (USD per 1M tokens); start date not in the source"),
            ("ornumber", "ornumber-latest", 0L, 1m, "imported from genai-prices (USD per 1M tokens); start date not in the source"),
            ("tiersobject", "", 0L, 1m, "imported from genai-prices (USD per 1M tokens); start date not in the source"));
    }

    [Fact]
    public void Import_OneHourCacheWritePriceOfTheV2File_IsMappedPerTier()
    {
        // Given genai-prices' v2 data.json shape for Claude Sonnet 4.5: cache_write_1h_mtok 6 (2 × input 3), 12 above 200k
        const string json = """
            [{"id": "anthropic", "models": [
              {"id": "claude-sonnet-4-5", "prices": {"input_mtok": {"base": 3, "tiers": [{"start": 200000, "price": 6}]},
                "cache_write_mtok": {"base": 3.75, "tiers": [{"start": 200000, "price": 7.5}]}, "output_mtok": {"base": 15, "tiers": [{"start": 200000, "price": 22.5}]},
                "cache_write_1h_mtok": {"base": 6, "tiers": [{"start": 200000, "price": 12}]}}},
              {"id": "claude-haiku-4-5", "prices": {"input_mtok": 1, "cache_write_mtok": 1.25, "output_mtok": 5}}]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        // Then each tier has its own 1-hour price; a model without the field has none
        result.Unmapped.Should().BeEmpty();
        result.Rows.Select(r => (r.ModelId, r.ContextThresholdTokens, r.CacheWritePricePerMillionTokens, r.OneHourCacheWritePricePerMillionTokens)).Should().Equal(
            ("claude-haiku-4-5", 0L, 1.25m, (decimal?)null),
            ("claude-sonnet-4-5", 0L, 3.75m, 6m),
            ("claude-sonnet-4-5", 200_000L, 7.5m, 12m));
    }

    [Fact]
    public void Import_SameModelTwice_ImportsTheFirstThatHasPricesAndReportsTheRest()
    {
        // Given three entries for one model: the first has only a price of an unknown constraint, so no prices at all
        const string json = """
            [{"id": "acme", "models": [
              {"id": "twice", "prices": [{"constraint": {"region": "eu"}, "prices": {"input_mtok": 1, "output_mtok": 2}}]},
              {"id": "twice", "prices": {"input_mtok": 3, "output_mtok": 4}},
              {"id": "twice", "prices": {"input_mtok": 5, "output_mtok": 6}}
            ]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        // Then the second entry, the first with prices, claims the model and the third is left out
        result.Rows.Select(r => (r.ModelId, r.InputPricePerMillionTokens, r.OutputPricePerMillionTokens)).Should().Equal(("twice", 3m, 4m));
        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "acme/twice: 'constraint': an unknown constraint ({\"region\": \"eu\"}); that price is skipped",
            "acme/twice: gives the same provider and model id ('acme', 'twice') as 'acme/twice', which was imported; skipped");
        (result.EntriesRead, result.ModelsImported).Should().Be((3, 1));
    }

    [Fact]
    public void Import_TimeOfDayPriceWithoutAnEnd_IsReportedWithAQuestionMark()
    {
        const string json = """
            [{"id": "acme", "models": [{"id": "m", "prices": [
              {"prices": {"input_mtok": 1, "output_mtok": 2}},
              {"constraint": {"start_time": "22:00:00Z"}, "prices": {"input_mtok": 0.5, "output_mtok": 1}}
            ]}]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "acme/m: 'constraint': a time-of-day price (from '22:00:00Z' to ?) has no column in api_prices.csv; only the all-day prices are imported");
        result.Rows.Should().ContainSingle().Which.InputPricePerMillionTokens.Should().Be(1m);
    }

    [Fact]
    public void Import_UndatedPriceStartingOnTheFirstDatedDay_IsLeftOut()
    {
        // Given undated prices said to start on 2025-06-10, the very day o3's dated price starts: not earlier, so no room
        var result = GenAiPricesImporter.Import(Open("genai-prices-data.json"), Options(Url, new DateOnly(2025, 6, 10)));

        result.Rows.Where(r => r.ModelId == "o3").Select(r => (r.EffectiveFrom, r.InputPricePerMillionTokens)).Should().Equal((D(2025, 6, 10), 2m));
        result.Unmapped.Should().Contain(new ImportIssue(
            "openai/o3", "prices",
            "the price before 2025-06-10 has no start date in the source, and the start date given for such prices (2025-06-10) is not earlier; give an earlier one (--effective-from) to import it"));
    }

    [Fact]
    public void Import_PriceHistory_NotesOnlyTheUndatedPriceAsHavingNoStartDate()
    {
        Result.Rows.Where(r => r.ModelId == "o3").Select(r => (r.EffectiveFrom, r.Notes)).Should().Equal(
            (D(2025, 1, 1), "imported from genai-prices (USD per 1M tokens); provider page https://platform.openai.com/docs/pricing; start date not in the source"),
            (D(2025, 6, 10), "imported from genai-prices (USD per 1M tokens); provider page https://platform.openai.com/docs/pricing"));
    }

    [Fact]
    public void Import_FloatingPointNoiseInEveryPriceField_IsRoundedAndNotedPerColumn()
    {
        // Given 0.30000000000000004 (0.1 + 0.2 in binary floating point) in every price field; requests_kcount ÷ 1,000
        // is 0.00030000000000000004, rounded to 10 decimals: 0.0003
        const string json = """
            [{"id": "acme", "models": [{"id": "m", "prices": {
              "requests_kcount": 0.30000000000000004,
              "input_mtok": 0.30000000000000004, "cache_read_mtok": 0.30000000000000004,
              "cache_write_mtok": 0.30000000000000004, "output_mtok": 0.30000000000000004
            }}]}]
            """;

        var row = GenAiPricesImporter.Import(json, Options(Url)).Rows.Single();

        (row.InputPricePerMillionTokens, row.CachedInputPricePerMillionTokens, row.CacheWritePricePerMillionTokens, row.OutputPricePerMillionTokens, row.PricePerRequest)
            .Should().Be((0.3m, 0.3m, 0.3m, 0.3m, 0.0003m));
        row.Notes.Should().Be(
            "imported from genai-prices (USD per 1M tokens); start date not in the source; "
            + "per_request_fee rounded from 0.00030000000000000004 (floating-point noise in the source); per_request_fee = requests_kcount ÷ 1,000; "
            + "input_per_mtok rounded from 0.30000000000000004 (floating-point noise in the source); "
            + "cached_input_per_mtok rounded from 0.30000000000000004 (floating-point noise in the source); "
            + "cache_write_per_mtok rounded from 0.30000000000000004 (floating-point noise in the source); "
            + "output_per_mtok rounded from 0.30000000000000004 (floating-point noise in the source)");
    }

    [Fact]
    public void Import_TieredPricesThatCannotBeRead_AreReportedUnderTheirField()
    {
        // Given a base that is text, a tier starting at 0 (the base's own place), a tier whose price is text, and a price that is an array
        const string json = """
            [{"id": "acme", "models": [
              {"id": "textbase", "prices": {"input_mtok": {"base": "one"}, "output_mtok": 2}},
              {"id": "zerostart", "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 0, "price": 9}]}, "output_mtok": 2}},
              {"id": "textprice", "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 1000, "price": "two"}]}, "output_mtok": 2}},
              {"id": "arrayprice", "prices": {"input_mtok": [1], "output_mtok": 2}}
            ]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url));

        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "acme/textbase: 'input_mtok.base': 'one' is not a number; not mapped",
            "acme/textbase: 'input_mtok': no input price; the model is not imported",
            "acme/zerostart: 'input_mtok.tiers': {\"start\": 0, \"price\": 9} is not a tier with a positive whole 'start' and a 'price'; that tier is skipped",
            "acme/textprice: 'input_mtok.tiers': 'two' is not a number; not mapped",
            "acme/textprice: 'input_mtok.tiers': {\"start\": 1000, \"price\": \"two\"} is not a tier with a positive whole 'start' and a 'price'; that tier is skipped",
            "acme/arrayprice: 'input_mtok': an array is neither a number nor a tiered price; not mapped",
            "acme/arrayprice: 'input_mtok': no input price; the model is not imported");

        // And the two models with a readable base are imported at it, $1 in, with no context tier
        result.Rows.Select(r => (r.ModelId, r.ContextThresholdTokens, r.InputPricePerMillionTokens)).Should().Equal(("textprice", 0L, 1m), ("zerostart", 0L, 1m));
    }

    [Fact]
    public void Import_TierHistories_FillOnlyAGapBetweenTwoPeriodsThatHaveTheTier()
    {
        // Given three periods (undated from 2025-01-01, then 2025-06-01 and 2025-09-01) and a 100000 tier that is in
        // every period (steady), only in the first (early), only in the last (late), or in the first and last with a
        // 200000 tier in all three (gap)
        const string json = """
            [{"id": "acme", "models": [
              {"id": "steady", "prices": [
                {"prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 2}]}, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-06-01"}, "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 3}]}, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-09-01"}, "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 4}]}, "output_mtok": 4}}
              ]},
              {"id": "early", "prices": [
                {"prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 2}]}, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-06-01"}, "prices": {"input_mtok": 1, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-09-01"}, "prices": {"input_mtok": 1, "output_mtok": 4}}
              ]},
              {"id": "late", "prices": [
                {"prices": {"input_mtok": 1, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-06-01"}, "prices": {"input_mtok": 1, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-09-01"}, "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 2}]}, "output_mtok": 4}}
              ]},
              {"id": "gap", "prices": [
                {"prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 2}, {"start": 200000, "price": 5}]}, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-06-01"}, "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 200000, "price": 5}]}, "output_mtok": 4}},
                {"constraint": {"start_date": "2025-09-01"}, "prices": {"input_mtok": {"base": 1, "tiers": [{"start": 100000, "price": 3}, {"start": 200000, "price": 5}]}, "output_mtok": 4}}
              ]}
            ]}]
            """;

        var result = GenAiPricesImporter.Import(json, Options(Url, new DateOnly(2025, 1, 1)));

        // Then a tier is never duplicated, never back-filled before it first appears nor carried past where it ends;
        // only the gap model's June-September 100000 row is filled, from the base price $1 (not the 200000 tier's $5)
        var tierRows = result.Rows.Where(r => r.ContextThresholdTokens == 100_000).ToList();
        tierRows.Select(r => (r.ModelId, r.EffectiveFrom, r.InputPricePerMillionTokens)).Should().Equal(
            ("early", D(2025, 1, 1), 2m),
            ("gap", D(2025, 1, 1), 2m), ("gap", D(2025, 6, 1), 1m), ("gap", D(2025, 9, 1), 3m),
            ("late", D(2025, 9, 1), 2m),
            ("steady", D(2025, 1, 1), 2m), ("steady", D(2025, 6, 1), 3m), ("steady", D(2025, 9, 1), 4m));
        tierRows.Single(r => r.ModelId == "gap" && r.EffectiveFrom == D(2025, 6, 1)).Notes.Should().Be(
            "imported from genai-prices (USD per 1M tokens); no long-context price in this period: the base prices");
        Validate(result).Errors.Should().BeEmpty();
    }

    private static DateOnly D(int year, int month, int day) => new(year, month, day);
}
