using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Pricing.Import;
using static LlmTco.Tests.Pricing.Import.ImportFixtures;

namespace LlmTco.Tests.Pricing.Import;

/// <summary>
/// <see cref="LiteLlmImporter"/> on the hand-written <c>litellm-model-prices.json</c> fixture: USD per single token,
/// multiplied by 1,000,000 exactly in decimal. The source gives no dates, so every row starts on the checked-on date.
/// </summary>
public sealed class LiteLlmImporterTests
{
    private const string Url = "https://example.com/litellm/model_prices_and_context_window.json";

    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static ImportResult Result => LiteLlmImporter.Import(Open("litellm-model-prices.json"), Options(Url));

    [Theory]
    [InlineData("3e-06", "3")]
    [InlineData("3E-6", "3")]
    [InlineData("0.000003", "3")]
    [InlineData("2.5e-07", "0.25")]
    [InlineData("1.65e-07", "0.165")]
    [InlineData("6.25e-08", "0.0625")]
    [InlineData("0.00015", "150")]
    [InlineData("1.1000000000000001e-06", "1.1")]
    public void Import_PricePerToken_BecomesTheExactPricePerMillionTokens(string perToken, string perMillion)
    {
        var json = $$$"""{"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": {{{perToken}}}, "output_cost_per_token": {{{perToken}}}}}""";

        var row = LiteLlmImporter.Import(json, Options(Url)).Rows.Single();

        // The decimal is exact and has no trailing zeros: 3e-06 × 1,000,000 is 3, written "3", not 3.000000 or 2.9999999999999996
        row.InputPricePerMillionTokens.Should().Be(decimal.Parse(perMillion, CultureInfo.InvariantCulture));
        row.InputPricePerMillionTokens.ToString(CultureInfo.InvariantCulture).Should().Be(perMillion);
        Csv(LiteLlmImporter.Import(json, Options(Url))).Should().Contain($",USD,{perMillion},,,,{perMillion},");
    }

    [Fact]
    public void Import_Fixture_MapsTokensCacheTiersServiceTiersAndBatch()
    {
        // claude-sonnet-4-5: 3e-06 → 3, 3e-07 → 0.3, 3.75e-06 → 3.75, 1.5e-05 → 15; above 200k: 6, 0.6, 7.5, 22.5;
        //   batch 1.5e-06 / 3e-06 = 0.5 and 7.5e-06 / 1.5e-05 = 0.5: a uniform 50 % off → batch_discount 0.5
        // gpt-5: 1.25, 0.125, 10 with batch 6.25e-07 / 1.25e-06 = 5e-06 / 1e-05 = 0.5; flex 0.625, 0.0625, 5; priority 2.5, 0.25, 20
        // gemini-2.5-pro: batch 50 % off input but 40 % off output → no batch_discount; reasoning = output → blank
        Result.Rows.Select(r => (r.Provider, r.ModelId, r.ServiceTier, r.ContextThresholdTokens, r.InputPricePerMillionTokens, r.CachedInputPricePerMillionTokens, r.CacheWritePricePerMillionTokens, r.OutputPricePerMillionTokens, r.ReasoningOutputPricePerMillionTokens, r.BatchDiscountFraction))
            .Should().Equal(
                ("anthropic", "claude-sonnet-4-5", ServiceTier.Standard, 0L, 3m, 0.3m, 3.75m, 15m, null, 0.5m),
                ("anthropic", "claude-sonnet-4-5", ServiceTier.Standard, 200_000L, 6m, 0.6m, 7.5m, 22.5m, null, 0.5m),
                ("azure", "gpt-4o-mini", ServiceTier.Standard, 0L, 0.165m, 0.083m, null, 0.66m, null, null),
                ("deepseek", "deepseek-chat", ServiceTier.Standard, 0L, 0.27m, 0.07m, null, 1.1m, null, null),
                ("google", "gemini-2.5-pro", ServiceTier.Standard, 0L, 1.25m, null, null, 10m, null, null),
                ("google", "gemini-2.5-pro", ServiceTier.Standard, 200_000L, 2.5m, null, null, 15m, null, null),
                ("openai", "gpt-5", ServiceTier.Standard, 0L, 1.25m, 0.125m, null, 10m, null, 0.5m),
                ("openai", "gpt-5", ServiceTier.Flex, 0L, 0.625m, 0.0625m, null, 5m, null, null),
                ("openai", "gpt-5", ServiceTier.Priority, 0L, 2.5m, 0.25m, null, 20m, null, null),
                ("together", "meta-llama/Llama-3.3-70B-Instruct-Turbo", ServiceTier.Standard, 0L, 0.88m, null, null, 0.88m, null, null));
        Result.Rows.Should().OnlyContain(r => r.EffectiveFrom == new DateOnly(2026, 11, 29) && r.EffectiveTo == null && r.CheckedOn == new DateOnly(2026, 11, 29) && r.SourceUrl == new Uri(Url));
        (Result.Format, Result.EntriesRead, Result.ModelsImported).Should().Be(("litellm", 12, 6));
    }

    [Fact]
    public void Import_OneHourCacheWritePrice_IsMappedAndATierWithoutItsOwnSaysItTookTheBases()
    {
        // The fixture's claude-sonnet-4-5 has cache_creation_input_token_cost_above_1hr 6e-06 → 6 (2 × input 3) and no
        // 1-hour price above 200k tokens, so its 200k row takes the base 6 and its notes say so; other models have none
        var rows = Result.Rows.Where(r => r.ModelId == "claude-sonnet-4-5").OrderBy(r => r.ContextThresholdTokens).ToList();
        rows.Select(r => r.OneHourCacheWritePricePerMillionTokens).Should().Equal(6m, 6m);
        rows[1].Notes.Should().Contain("cache_write_1h_per_mtok is the base row's: LiteLLM gives no 1-hour price above 200000 tokens");
        Result.Rows.Where(r => r.ModelId != "claude-sonnet-4-5").Should().OnlyContain(r => r.OneHourCacheWritePricePerMillionTokens == null);
    }

    [Fact]
    public void Import_OneHourCacheWritePriceOfAContextTier_IsThatTiersOwn()
    {
        // 1-hour writes 6e-06 per token → 6 per 1M at the base, 1.2e-05 → 12 above 200k tokens
        var json = """
            {"claude-x": {"litellm_provider": "anthropic", "mode": "chat", "input_cost_per_token": 3e-06, "output_cost_per_token": 1.5e-05,
              "cache_creation_input_token_cost": 3.75e-06, "cache_creation_input_token_cost_above_1hr": 6e-06,
              "input_cost_per_token_above_200k_tokens": 6e-06, "output_cost_per_token_above_200k_tokens": 2.25e-05,
              "cache_creation_input_token_cost_above_200k_tokens": 7.5e-06, "cache_creation_input_token_cost_above_1hr_above_200k_tokens": 1.2e-05}}
            """;

        var result = LiteLlmImporter.Import(json, Options(Url));

        result.Unmapped.Should().BeEmpty();
        result.Rows.OrderBy(r => r.ContextThresholdTokens).Select(r => (r.ContextThresholdTokens, r.CacheWritePricePerMillionTokens, r.OneHourCacheWritePricePerMillionTokens))
            .Should().Equal((0L, 3.75m, 6m), (200_000L, 7.5m, 12m));
    }

    [Fact]
    public void Import_Fixture_ReportsEveryEntryAndFieldNotMappedAndWhy()
    {
        Result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "gemini/gemini-2.5-pro: 'input_cost_per_audio_token': audio prices have no column in api_prices.csv",
            "gemini/gemini-2.5-pro: 'input_cost_per_token_batches': the batch prices are not one uniform discount (input_cost_per_token 50 % off, output_cost_per_token 40 % off); batch_discount is left blank",
            "text-embedding-3-small: 'mode': 'embedding' is not a text-generation mode; only chat and completion models are imported",
            "dall-e-3: 'mode': 'image_generation' is not a text-generation mode; only chat and completion models are imported",
            "ollama/llama3.1: its token prices are 0 (a free or self-hosted model), which is not an API price; skipped",
            "openai/gpt-5: gives the same provider and model id ('openai', 'gpt-5') as 'gpt-5', which was imported; skipped",
            "deepseek/deepseek-chat: 'input_cost_per_character': per-character prices have no column in api_prices.csv",
            "o1-pro: 'mode': 'responses' is not a text-generation mode; only chat and completion models are imported",
            "azure/gpt-4o-mini: 'output_cost_per_token_flex': missing while other flex prices are given; the flex tier is not imported",
            "mystery-model: 'litellm_provider': missing; skipped");
    }

    [Fact]
    public void Import_HostileEntries_ReportsEachOneAndImportsOnlyWhatIsWhole()
    {
        // Given one entry per way an entry can be unusable, and one valid entry with fields that have no column
        var json = """
            {
              "not-an-object": 5,
              "openai/bad id": { "mode": "chat", "litellm_provider": "openai", "input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6 },
              "no-output": { "mode": "chat", "litellm_provider": "openai", "input_cost_per_token": 1e-6 },
              "negative": { "mode": "chat", "litellm_provider": "openai", "input_cost_per_token": -1e-6, "output_cost_per_token": 2e-6 },
              "text-price": { "mode": "chat", "litellm_provider": "openai", "input_cost_per_token": 1e-6, "output_cost_per_token": { "usd": 2 } },
              "odd-fields": {
                "mode": "chat", "litellm_provider": "openai", "deprecation_date": "2026-06-30",
                "input_cost_per_token": 1e-6, "output_cost_per_token": 2e-6,
                "input_cost_per_second": 0.1, "search_context_cost_per_query": 0.01, "misc_price": 3,
                "input_cost_per_token_above_200k_tokens_batches": 1e-6,
                "cache_read_input_token_cost_batches": 1e-7,
                "input_cost_per_token_above_200k_tokens_priority": 3e-6
              }
            }
            """;

        // When
        var result = LiteLlmImporter.Import(json, Options(Url));

        // Then every unusable entry and unmapped field is reported, in the file's order, with the reason
        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "not-an-object: not a JSON object; skipped",
            "openai/bad id: 'bad id' contains white space, ';' or an invisible or direction-changing character, which a model_id may not; skipped",
            "no-output: 'output_cost_per_token': missing; the model is not imported",
            "negative: 'input_cost_per_token': -1e-6 is negative; not mapped",
            "negative: 'input_cost_per_token': missing; the model is not imported",
            "text-price: 'output_cost_per_token': an object is not a number; not mapped",
            "text-price: 'output_cost_per_token': missing; the model is not imported",
            "odd-fields: 'input_cost_per_second': per-second prices have no column in api_prices.csv",
            "odd-fields: 'search_context_cost_per_query': per-query prices have no column in api_prices.csv",
            "odd-fields: 'misc_price': a price with no column in api_prices.csv",
            "odd-fields: 'input_cost_per_token_above_200k_tokens_batches': batch prices of a context tier have no column; batch_discount comes from the base batch prices",
            "odd-fields: 'cache_read_input_token_cost_batches': a batch price without a standard price to compare with; not mapped",
            "odd-fields: 'input_cost_per_token_priority': the priority tier has context-tier prices but no base prices; the priority tier is not imported");

        // And only the whole entry is imported: $1 and $2 per million tokens, its deprecation date in the notes
        var row = result.Rows.Should().ContainSingle().Subject;
        (row.ModelId, row.InputPricePerMillionTokens, row.OutputPricePerMillionTokens, row.BatchDiscountFraction).Should().Be(("odd-fields", 1m, 2m, (decimal?)null));
        row.Notes.Should().Contain("deprecation date 2026-06-30");
    }

    [Theory]
    [InlineData("together_ai", "together")]
    [InlineData("fireworks_ai", "fireworks")]
    [InlineData("gemini", "google")]
    [InlineData("bedrock_converse", "bedrock")]
    [InlineData("text-completion-openai", "openai")]
    [InlineData("Mistral", "mistral")]
    public void Import_LiteLlmProviderName_BecomesTheTablesProviderSlug(string litellm, string provider)
    {
        var json = $$$"""{"{{{litellm}}}/m-1": {"litellm_provider": "{{{litellm}}}", "mode": "completion", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}}""";

        var row = LiteLlmImporter.Import(json, Options(Url)).Rows.Single();

        // The key's provider prefix is cut off the model id, and the notes keep LiteLLM's own names when they differ
        (row.Provider, row.ModelId).Should().Be((provider, "m-1"));
        row.Notes.Should().Be(provider == litellm
            ? $"imported from LiteLLM (USD per token × 1,000,000); start date not in the source; LiteLLM key '{litellm}/m-1'"
            : $"imported from LiteLLM (USD per token × 1,000,000); start date not in the source; LiteLLM provider '{litellm}'; LiteLLM key '{litellm}/m-1'");
    }

    [Fact]
    public void Import_EntryWithoutMode_IsReportedAsMissingIt()
    {
        var result = LiteLlmImporter.Import("""{"m": {"litellm_provider": "acme", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}}""", Options(Url));

        result.Rows.Should().BeEmpty();
        result.Unmapped.Select(i => i.ToString()).Should().Equal("m: 'mode': missing; only chat and completion models are imported");
    }

    [Fact]
    public void Import_Fixture_NotesSayWhereEachRowCameFrom()
    {
        Result.Rows.Single(r => r.ModelId == "gemini-2.5-pro" && r.ContextThresholdTokens == 0).Notes.Should().Be(
            "imported from LiteLLM (USD per token × 1,000,000); start date not in the source; LiteLLM provider 'gemini'; LiteLLM key 'gemini/gemini-2.5-pro'");
        Result.Rows.Single(r => r.ModelId == "deepseek-chat").Notes.Should().EndWith("output_per_mtok rounded from 1.1000000000000001 (floating-point noise in the source)");
        Result.Rows.First(r => r.ModelId == "claude-sonnet-4-5").Notes.Should().EndWith("LiteLLM source https://www.anthropic.com/pricing");
    }

    [Fact]
    public void Import_Fixture_RowsPassTheValidator()
    {
        var report = Validate(Result);

        report.Errors.Should().BeEmpty();
        report.Catalog!.FindApiPrice("openai", "gpt-5", new DateOnly(2026, 12, 1), serviceTier: ServiceTier.Flex).OutputPricePerMillionTokens.Should().Be(5m);
    }

    [Theory]
    [InlineData("input_cost_per_token_above_128k_tokens", 128_000L)]
    [InlineData("input_cost_per_token_above_199999_tokens", 199_999L)]
    [InlineData("input_cost_per_token_above_272k_tokens_priority", 272_000L)]
    public void Import_AboveTokensField_BecomesAContextTierAtItsThreshold(string field, long threshold)
    {
        var json = $$$"""
            {"m": {"litellm_provider": "acme", "mode": "completion",
                   "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
                   "input_cost_per_token_priority": 2e-06, "output_cost_per_token_priority": 4e-06,
                   "{{{field}}}": 5e-06}}
            """;

        var tier = LiteLlmImporter.Import(json, Options(Url)).Rows.Single(r => r.ContextThresholdTokens > 0);

        // The tier's other prices are its service tier's base prices
        tier.ContextThresholdTokens.Should().Be(threshold);
        tier.InputPricePerMillionTokens.Should().Be(5m);
        tier.OutputPricePerMillionTokens.Should().Be(tier.ServiceTier == ServiceTier.Priority ? 4m : 2m);
    }

    [Fact]
    public void Import_EffectiveFromGiven_StartsEveryRowThen()
    {
        var result = LiteLlmImporter.Import(Open("litellm-model-prices.json"), Options(Url, new DateOnly(2025, 8, 7)));

        result.Rows.Should().OnlyContain(r => r.EffectiveFrom == new DateOnly(2025, 8, 7));
    }

    [Fact]
    public void Import_ReasoningPriceThatDiffers_IsMapped()
    {
        const string json = """{"r": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 4e-06, "output_cost_per_reasoning_token": 8e-06}}""";

        LiteLlmImporter.Import(json, Options(Url)).Rows.Single().ReasoningOutputPricePerMillionTokens.Should().Be(8m);
    }

    [Fact]
    public void Import_InvalidJson_ThrowsWithTheLineAndByte()
    {
        var act = () => LiteLlmImporter.Import("{\n  \"m\": {\"mode\": \"chat\",}\n}", Options(Url));

        // The parser stops at the brace after the trailing comma: 2 spaces, '"m": ' (5 bytes) and '{"mode": "chat",'
        // (16 bytes) come before it, so the brace is the line's 24th byte. The reason is the parser's, without its own line numbers.
        act.Should().Throw<PriceImportException>().WithMessage("the litellm file is not valid JSON: line 2, byte 24: The JSON object contains a trailing comma*")
            .Which.Message.Should().NotContain("LineNumber");
    }

    [Fact]
    public void Import_JsonWithComments_IsRead()
    {
        var json = """
            {
              // a comment, as in hand-edited copies
              "m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, /* per token */ "output_cost_per_token": 2e-06}
            }
            """;

        LiteLlmImporter.Import(json, Options(Url)).Rows.Single().OutputPricePerMillionTokens.Should().Be(2m);
    }

    [Fact]
    public void Import_NullArguments_Throw()
    {
        FluentActions.Invoking(() => LiteLlmImporter.Import((Stream)null!, Options(Url))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => LiteLlmImporter.Import("{}", null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => GenAiPricesImporter.Import((Stream)null!, Options(Url))).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => GenAiPricesImporter.Import("[]", null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void Import_NullOptionsWithAStream_Throws()
    {
        // An empty object of entries would need no options at all: the check is the only thing that can throw
        FluentActions.Invoking(() => LiteLlmImporter.Import(new MemoryStream("{}"u8.ToArray()), null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("options");
    }

    [Fact]
    public void Import_NullJson_ThrowsNamingTheJsonArgument()
    {
        FluentActions.Invoking(() => LiteLlmImporter.Import((Stream)null!, Options(Url))).Should().Throw<ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => LiteLlmImporter.Import((string)null!, Options(Url))).Should().Throw<ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => GenAiPricesImporter.Import((Stream)null!, Options(Url))).Should().Throw<ArgumentNullException>().WithParameterName("json");
        FluentActions.Invoking(() => GenAiPricesImporter.Import((string)null!, Options(Url))).Should().Throw<ArgumentNullException>().WithParameterName("json");
    }

    [Fact]
    public void Options_NullUrl_Throws()
    {
        FluentActions.Invoking(() => new PriceImportOptions(null!)).Should().Throw<ArgumentNullException>().WithParameterName("sourceUrl");
    }

    [Theory]
    [InlineData("\"prices\"", "string")]
    [InlineData("42", "number")]
    public void Import_TopLevelNeitherObjectNorArray_ThrowsNamingWhatItIs(string json, string kind)
    {
        var act = () => LiteLlmImporter.Import(json, Options(Url));

        act.Should().Throw<PriceImportException>().WithMessage(
            $"a LiteLLM model_prices_and_context_window.json file is a JSON object of model entries, but this file's top level is {kind}");
    }

    [Fact]
    public void Import_ProviderAndKeyThatCannotBeUsedAsIs_AreReportedOrKeptWhole()
    {
        // Given a provider that cannot be a slug, a key that starts with the provider's name but not with 'provider/',
        // and a key that is nothing but 'provider/'
        const string json = """
            {
              "Bad Provider/m": {"litellm_provider": "Bad Provider", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
              "acme-large": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06},
              "acme/": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06}
            }
            """;

        var result = LiteLlmImporter.Import(json, Options(Url));

        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "Bad Provider/m: 'litellm_provider': 'Bad Provider' cannot be a provider slug (lower-case letters, digits, '.', '_' and '-'); skipped",
            "acme/: '' contains white space, ';' or an invisible or direction-changing character, which a model_id may not; skipped");
        result.Rows.Select(r => (r.Provider, r.ModelId)).Should().Equal(("acme", "acme-large"));
    }

    [Fact]
    public void Import_FreeInputButPaidOutput_IsImported()
    {
        // Only a model whose input and output prices are both 0 is skipped as free
        var row = LiteLlmImporter.Import("""{"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 2e-06}}""", Options(Url)).Rows.Single();

        (row.InputPricePerMillionTokens, row.OutputPricePerMillionTokens).Should().Be((0m, 2m));
    }

    [Fact]
    public void Import_ServiceTierWithoutItsInputPrice_IsReportedAsMissingTheInput()
    {
        var result = LiteLlmImporter.Import(
            """{"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "output_cost_per_token_flex": 1e-06}}""",
            Options(Url));

        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "m: 'input_cost_per_token_flex': missing while other flex prices are given; the flex tier is not imported");
        result.Rows.Should().ContainSingle().Which.ServiceTier.Should().Be(ServiceTier.Standard);
    }

    [Fact]
    public void Import_FloatingPointNoiseInEveryPriceField_IsRoundedAndNotedPerColumn()
    {
        // Given 1.1000000000000001e-06 per token in every price but the output (2e-06): × 1,000,000 is 1.1000000000000001, rounded to 1.1
        const string json = """
            {"m": {"litellm_provider": "acme", "mode": "chat",
                   "input_cost_per_token": 1.1000000000000001e-06, "output_cost_per_token": 2e-06,
                   "cache_read_input_token_cost": 1.1000000000000001e-06, "cache_creation_input_token_cost": 1.1000000000000001e-06,
                   "output_cost_per_reasoning_token": 1.1000000000000001e-06}}
            """;

        var row = LiteLlmImporter.Import(json, Options(Url)).Rows.Single();

        (row.InputPricePerMillionTokens, row.CachedInputPricePerMillionTokens, row.CacheWritePricePerMillionTokens, row.OutputPricePerMillionTokens, row.ReasoningOutputPricePerMillionTokens)
            .Should().Be((1.1m, 1.1m, 1.1m, 2m, 1.1m));
        row.Notes.Should().Be(
            "imported from LiteLLM (USD per token × 1,000,000); start date not in the source; "
            + "reasoning_output_per_mtok rounded from 1.1000000000000001 (floating-point noise in the source); "
            + "input_per_mtok rounded from 1.1000000000000001 (floating-point noise in the source); "
            + "cached_input_per_mtok rounded from 1.1000000000000001 (floating-point noise in the source); "
            + "cache_write_per_mtok rounded from 1.1000000000000001 (floating-point noise in the source)");
    }

    [Theory]
    [InlineData("1e-06", "2e-06", "0")]      // the batch price is the standard price: 0 % off, still one uniform discount
    [InlineData("5e-07", "1e-06", "0.5")]    // 5e-07 ÷ 1e-06 = 1e-06 ÷ 2e-06 = 0.5: 50 % off
    public void Import_UniformBatchPrices_GiveTheBatchDiscount(string inputBatch, string outputBatch, string discount)
    {
        var json = $$$"""{"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "input_cost_per_token_batches": {{{inputBatch}}}, "output_cost_per_token_batches": {{{outputBatch}}}}}""";

        var result = LiteLlmImporter.Import(json, Options(Url));

        result.Unmapped.Should().BeEmpty();
        result.Rows.Single().BatchDiscountFraction.Should().Be(decimal.Parse(discount, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Import_BatchPricesAboveTheStandardOnes_GiveNoDiscount()
    {
        // Given batch prices twice the standard ones: one uniform ratio (2), but a surcharge, not a discount
        var result = LiteLlmImporter.Import(
            """{"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06, "input_cost_per_token_batches": 2e-06, "output_cost_per_token_batches": 4e-06}}""",
            Options(Url));

        // (1 − 2) × 100 = −100 % off for both
        result.Rows.Single().BatchDiscountFraction.Should().BeNull();
        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "m: 'input_cost_per_token_batches': the batch prices are not one uniform discount (input_cost_per_token -100 % off, output_cost_per_token -100 % off); batch_discount is left blank");
    }

    [Fact]
    public void Import_BatchPriceOfAFreeComponent_GivesNoDiscountAndSaysWhy()
    {
        // Given a free input (0) with a batch price of 0, and an output of 2e-06 with a batch price of 1e-06 (50 % off)
        var result = LiteLlmImporter.Import(
            """{"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 0, "output_cost_per_token": 2e-06, "input_cost_per_token_batches": 0, "output_cost_per_token_batches": 1e-06}}""",
            Options(Url));

        // Then no discount can be read off the free input, and the issue says so rather than dividing by 0
        result.Rows.Single().BatchDiscountFraction.Should().BeNull();
        result.Unmapped.Select(i => i.ToString()).Should().Equal(
            "m: 'input_cost_per_token_batches': the batch prices are not one uniform discount (input_cost_per_token has a standard price of 0, output_cost_per_token 50 % off); batch_discount is left blank");
    }

    [Fact]
    public void Import_ImageAndVideoPriceFields_AreReportedAsSuch()
    {
        const string json = """
            {"m": {"litellm_provider": "acme", "mode": "chat", "input_cost_per_token": 1e-06, "output_cost_per_token": 2e-06,
                   "input_cost_per_image": 0.01, "input_cost_per_pixel": 1e-08, "input_cost_per_video_per_second": 0.1}}
            """;

        LiteLlmImporter.Import(json, Options(Url)).Unmapped.Select(i => i.ToString()).Should().Equal(
            "m: 'input_cost_per_image': image and video prices have no column in api_prices.csv",
            "m: 'input_cost_per_pixel': image and video prices have no column in api_prices.csv",
            "m: 'input_cost_per_video_per_second': image and video prices have no column in api_prices.csv");
    }

    [Fact]
    public void Import_GenAiPricesFile_ThrowsNamingTheOtherFormat()
    {
        var act = () => LiteLlmImporter.Import(Open("genai-prices-data.json"), Options(Url));

        act.Should().Throw<PriceImportException>().WithMessage(
            "a LiteLLM model_prices_and_context_window.json file is a JSON object of model entries, but this file's top level is an array; is it a genai-prices file (use --from genai-prices)?");
    }

    [Fact]
    public void Import_UnderGermanCulture_WritesDecimalPoints()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var csv = Csv(LiteLlmImporter.Import(Open("litellm-model-prices.json"), Options(Url)));

            csv.Should().Contain("azure,gpt-4o-mini,,standard,0,2026-11-29,observed,,USD,0.165,0.083,,,0.66,,,,").And.NotContain("0,165");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Options_RelativeOrNonHttpUrl_IsRejected()
    {
        var act = () => new PriceImportOptions(new Uri("file:///tmp/data.json"));

        act.Should().Throw<ArgumentException>().WithMessage("The source URL must be an absolute http(s) URL; got 'file:///tmp/data.json'.*");
    }
}
