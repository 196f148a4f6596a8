using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LlmTco.Pricing.Import;

/// <summary>
/// Imports LiteLLM's <c>model_prices_and_context_window.json</c> (a JSON object of entries keyed by model name, prices
/// in USD per <b>single</b> token) into <c>api_prices.csv</c> rows, multiplying every price by 1,000,000 exactly.
/// </summary>
/// <remarks>
/// <para>Only entries whose <c>mode</c> is <c>chat</c> or <c>completion</c> are imported. Mapping (each price × 10⁶):
/// <c>input_cost_per_token</c> → <c>input_per_mtok</c>, <c>output_cost_per_token</c> → <c>output_per_mtok</c>,
/// <c>cache_read_input_token_cost</c> → <c>cached_input_per_mtok</c>, <c>cache_creation_input_token_cost</c> →
/// <c>cache_write_per_mtok</c>, <c>cache_creation_input_token_cost_above_1hr</c> (the 1-hour cache-write price, not
/// a context tier) → <c>cache_write_1h_per_mtok</c>, <c>output_cost_per_reasoning_token</c> → <c>reasoning_output_per_mtok</c> (when it
/// differs from the output price). A field ending <c>_above_200k_tokens</c> (any threshold, e.g. <c>_above_128k_tokens</c>)
/// becomes a context-tier row with <c>context_threshold_tokens</c> 200000; fields ending <c>_flex</c> or
/// <c>_priority</c> become rows of those service tiers. <c>input_cost_per_token_batches</c> and
/// <c>output_cost_per_token_batches</c> become <c>batch_discount</c> = 1 − batch ÷ standard when that fraction is the same
/// for every batch price. The entry's key, less a leading <c>litellm_provider/</c>, is the <c>model_id</c>; the
/// providers <c>together_ai</c>, <c>fireworks_ai</c>, <c>gemini</c>, <c>bedrock_converse</c> and
/// <c>text-completion-openai</c> are written as <c>together</c>, <c>fireworks</c>, <c>google</c>, <c>bedrock</c> and
/// <c>openai</c>. Fields that are not prices (<c>max_tokens</c>, <c>supports_*</c>, ...) are ignored.</para>
/// <para>Not mapped, each reported in <see cref="ImportResult.Unmapped"/>: entries of other modes, price fields with no
/// column (audio, image, per-character, per-second, ...), batch prices that are not one uniform
/// discount, and entries without both an input and an output price or whose token prices are all 0.</para>
/// <threadsafety>Stateless; safe to call from many threads at once.</threadsafety>
/// </remarks>
public static partial class LiteLlmImporter
{
    /// <summary>The name of the format: <c>litellm</c>.</summary>
    public const string FormatName = "litellm";

    private const string Input = "input_cost_per_token";
    private const string Output = "output_cost_per_token";
    private const string CacheRead = "cache_read_input_token_cost";
    private const string CacheWrite = "cache_creation_input_token_cost";
    private const string CacheWriteOneHour = "cache_creation_input_token_cost_above_1hr";
    private const string Batches = "batches";

    /// <summary>A price per token above this (10¹² USD per 1M tokens) is a slip, and its per-1M price could overflow.</summary>
    private const decimal MaxPricePerToken = 1_000_000m;

    private static readonly Dictionary<string, string> ProviderSlugs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["together_ai"] = "together",
        ["fireworks_ai"] = "fireworks",
        ["gemini"] = "google",
        ["bedrock_converse"] = "bedrock",
        ["text-completion-openai"] = "openai",
    };

    private static readonly (string Word, ServiceTier Tier)[] ServiceTiers =
        [("standard", ServiceTier.Standard), ("flex", ServiceTier.Flex), ("priority", ServiceTier.Priority)];

    /// <summary>Imports a <c>model_prices_and_context_window.json</c> file.</summary>
    /// <param name="json">The file's contents, UTF-8 JSON.</param>
    /// <param name="options">The source URL and dates to write into every row.</param>
    /// <returns>The rows and every entry or field not mapped.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PriceImportException">The file is not valid JSON, or its top level is not an object of entries.</exception>
    public static ImportResult Import(Stream json, PriceImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = ImportCollector.Parse(json, FormatName);
        return Import(document, options);
    }

    /// <summary>Imports the text of a <c>model_prices_and_context_window.json</c> file.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The source URL and dates to write into every row.</param>
    /// <returns>The rows and every entry or field not mapped.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PriceImportException">The text is not valid JSON, or its top level is not an object of entries.</exception>
    public static ImportResult Import(string json, PriceImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = ImportCollector.Parse(json, FormatName);
        return Import(document, options);
    }

    private static ImportResult Import(JsonDocument document, PriceImportOptions options)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new PriceImportException($"a LiteLLM model_prices_and_context_window.json file is a JSON object of model entries, but this file's top level is {(root.ValueKind == JsonValueKind.Array ? "an array; is it a genai-prices file (use --from genai-prices)?" : root.ValueKind.ToString().ToLowerInvariant())}");
        }

        var collector = new ImportCollector(FormatName, options);
        var index = 0;
        foreach (var entry in root.EnumerateObject())
        {
            // A key or value that the reader cannot turn into text (a lone surrogate) is reported with the entry's place.
            ImportCollector.Guard(FormatName, () => ImportCollector.PropertyPath("$", entry, index), () =>
            {
                if (entry.Name != "sample_spec")
                {
                    collector.EntriesRead++;
                    ImportEntry(entry.Name, entry.Value, collector);
                }
            });
            index++;
        }

        return collector.Result();
    }

    private static void ImportEntry(string key, JsonElement entry, ImportCollector c)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            c.Issue(key, null, "not a JSON object; skipped");
            return;
        }

        var mode = Text(entry, "mode");
        if (mode is not ("chat" or "completion"))
        {
            c.Issue(key, "mode", mode is null
                ? "missing; only chat and completion models are imported"
                : $"'{mode}' is not a text-generation mode; only chat and completion models are imported");
            return;
        }

        if (Text(entry, "litellm_provider") is not { } provider)
        {
            c.Issue(key, "litellm_provider", "missing; skipped");
            return;
        }

        if (c.Slug(ProviderSlugs.TryGetValue(provider, out var known) ? known : provider, key, "litellm_provider") is not { } slug)
        {
            return;
        }

        var modelId = key.StartsWith(provider + "/", StringComparison.OrdinalIgnoreCase) ? key[(provider.Length + 1)..] : key;
        if (!ImportCollector.IsId(modelId))
        {
            c.Issue(key, null, $"'{modelId}' contains white space, ';' or an invisible or direction-changing character, which a model_id may not; skipped");
            return;
        }

        // (service tier word or "batches", threshold) → component → USD per token
        var prices = new Dictionary<(string Tier, long Threshold), Dictionary<string, decimal>>();
        decimal? reasoning = null;
        foreach (var field in entry.EnumerateObject())
        {
            if (field.Value.ValueKind == JsonValueKind.Null || !IsPrice(field.Name))
            {
                continue;
            }

            var match = PriceField().Match(field.Name);
            if (!match.Success && field.Name != "output_cost_per_reasoning_token")
            {
                c.Issue(key, field.Name, WhyNotMapped(field.Name));
                continue;
            }

            var number = c.Number(field.Value, key, field.Name);
            if (number is null)
            {
                continue;
            }

            var perToken = number.Value;
            if (perToken > MaxPricePerToken)
            {
                c.Issue(key, field.Name, string.Create(CultureInfo.InvariantCulture, $"{field.Value.GetRawText()} USD a token is above any price ({MaxPricePerToken:N0} a token, {MaxPricePerToken * 1_000_000m:N0} per 1M); not mapped"));
                continue;
            }

            if (!match.Success)
            {
                reasoning = perToken;
                continue;
            }

            var threshold = match.Groups["n"].Success
                ? long.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture) * (match.Groups["k"].Length > 0 ? 1000 : 1)
                : 0;
            var tier = match.Groups["tier"].Success ? match.Groups["tier"].Value : "standard";
            if (tier == Batches && threshold > 0)
            {
                c.Issue(key, field.Name, "batch prices of a context tier have no column; batch_discount comes from the base batch prices");
                continue;
            }

            if (!prices.TryGetValue((tier, threshold), out var components))
            {
                prices[(tier, threshold)] = components = [];
            }

            components[match.Groups["c"].Value] = perToken;
        }

        if (!prices.TryGetValue(("standard", 0), out var standard) || !standard.ContainsKey(Input) || !standard.ContainsKey(Output))
        {
            var missing = standard is null || !standard.ContainsKey(Input) ? Input : Output;
            c.Issue(key, missing, "missing; the model is not imported");
            return;
        }

        if (standard[Input] == 0m && standard[Output] == 0m)
        {
            c.Issue(key, null, "its token prices are 0 (a free or self-hosted model), which is not an API price; skipped");
            return;
        }

        if (!c.Claim(slug, modelId, key))
        {
            return;
        }

        var batchDiscount = BatchDiscount(key, standard, prices.GetValueOrDefault((Batches, 0L)), c);
        var entryNotes = new List<string> { "imported from LiteLLM (USD per token × 1,000,000)", "start date not in the source" };
        if (!string.Equals(slug, provider, StringComparison.Ordinal))
        {
            entryNotes.Add($"LiteLLM provider '{provider}'");
        }

        if (!string.Equals(modelId, key, StringComparison.Ordinal))
        {
            entryNotes.Add($"LiteLLM key '{key}'");
        }

        if (Text(entry, "source") is { } source)
        {
            entryNotes.Add("LiteLLM source " + source);
        }

        if (Text(entry, "deprecation_date") is { } deprecation)
        {
            entryNotes.Add("deprecation date " + deprecation);
        }

        foreach (var (word, serviceTier) in ServiceTiers)
        {
            if (!prices.TryGetValue((word, 0), out var tierBase))
            {
                if (prices.Keys.Any(k => k.Tier == word))
                {
                    c.Issue(key, $"{Input}_{word}", $"the {word} tier has context-tier prices but no base prices; the {word} tier is not imported");
                }

                continue;
            }

            if (!tierBase.ContainsKey(Input) || !tierBase.ContainsKey(Output))
            {
                var missing = tierBase.ContainsKey(Input) ? Output : Input;
                c.Issue(key, $"{missing}_{word}", $"missing while other {word} prices are given; the {word} tier is not imported");
                continue;
            }

            var thresholds = prices.Keys.Where(k => k.Tier == word).Select(k => k.Threshold).Order();
            foreach (var threshold in thresholds)
            {
                var at = prices[(word, threshold)];
                decimal? Price(string component) => at.TryGetValue(component, out var v) ? v : tierBase.TryGetValue(component, out var b) ? b : null;
                var notes = new List<string>(entryNotes);
                if (threshold > 0 && !at.ContainsKey(CacheWriteOneHour) && tierBase.ContainsKey(CacheWriteOneHour))
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"cache_write_1h_per_mtok is the base row's: LiteLLM gives no 1-hour price above {threshold} tokens; check the provider's page"));
                }

                var output = PerMillion(Price(Output)!.Value, "output_per_mtok", notes);
                var reasoningPrice = serviceTier == ServiceTier.Standard && threshold == 0 && reasoning is { } r ? PerMillion(r, "reasoning_output_per_mtok", notes) : (decimal?)null;
                c.Add(new ApiPrice
                {
                    Provider = slug,
                    ModelId = modelId,
                    ServiceTier = serviceTier,
                    ContextThresholdTokens = threshold,
                    EffectiveFrom = c.Options.UnknownStart,
                    EffectiveFromBasis = EffectiveDateBasis.Observed,
                    Currency = "USD",
                    InputPricePerMillionTokens = PerMillion(Price(Input)!.Value, "input_per_mtok", notes),
                    CachedInputPricePerMillionTokens = Price(CacheRead) is { } cached ? PerMillion(cached, "cached_input_per_mtok", notes) : null,
                    CacheWritePricePerMillionTokens = Price(CacheWrite) is { } write ? PerMillion(write, "cache_write_per_mtok", notes) : null,
                    OneHourCacheWritePricePerMillionTokens = Price(CacheWriteOneHour) is { } hour ? PerMillion(hour, "cache_write_1h_per_mtok", notes) : null,
                    OutputPricePerMillionTokens = output,
                    ReasoningOutputPricePerMillionTokens = reasoningPrice == output ? null : reasoningPrice,
                    BatchDiscountFraction = serviceTier == ServiceTier.Standard ? batchDiscount : null,
                    Notes = string.Join("; ", notes),
                    SourceUrl = c.Options.SourceUrl,
                    SourceKind = SourceKind.Secondary,
                    CheckedOn = c.Options.CheckedOn,
                });
            }
        }
    }

    /// <summary>1 − batch ÷ standard when every batch price is the same fraction of its standard price; else null (with an issue).</summary>
    private static decimal? BatchDiscount(string key, Dictionary<string, decimal> standard, Dictionary<string, decimal>? batch, ImportCollector c)
    {
        if (batch is null)
        {
            return null;
        }

        var pairs = batch.Where(b => standard.ContainsKey(b.Key)).Select(b => (Component: b.Key, Batch: b.Value, Standard: standard[b.Key])).ToList();
        foreach (var lone in batch.Keys.Where(k => !standard.ContainsKey(k)))
        {
            c.Issue(key, $"{lone}_{Batches}", "a batch price without a standard price to compare with; not mapped");
        }

        if (pairs.Count == 0)
        {
            return null;
        }

        var (_, firstBatch, firstStandard) = pairs[0];
        // Same fraction ⇔ batch₁ × standard₂ = batch₂ × standard₁, compared exactly.
        var uniform = pairs.All(p => p.Standard > 0m && p.Batch <= p.Standard && p.Batch * firstStandard == firstBatch * p.Standard);
        if (!uniform)
        {
            // A batch price over 10²⁰ times the standard one (10⁻²⁸ standard) would overflow the percentage.
            var offs = string.Join(", ", pairs.Select(p => p.Standard > 0m && p.Batch / 1e20m > p.Standard ? $"{p.Component} costs over 10^20 times as much in a batch"
                : p.Standard > 0m
                ? string.Create(CultureInfo.InvariantCulture, $"{p.Component} {ImportCollector.Normalize(Math.Round((1m - (p.Batch / p.Standard)) * 100m, 2))} % off")
                : $"{p.Component} has a standard price of 0"));
            c.Issue(key, $"{Input}_{Batches}", $"the batch prices are not one uniform discount ({offs}); batch_discount is left blank");
            return null;
        }

        return ImportCollector.Normalize(Math.Round(1m - (firstBatch / firstStandard), 6, MidpointRounding.AwayFromZero));
    }

    private static decimal PerMillion(decimal perToken, string column, List<string> notes) => ImportCollector.Exact(perToken * 1_000_000m, column, notes);

    private static bool IsPrice(string field) => field.Contains("cost", StringComparison.Ordinal) || field.Contains("price", StringComparison.Ordinal);

    private static string WhyNotMapped(string field) => field switch
    {
        _ when field.Contains("audio", StringComparison.Ordinal) => "audio prices have no column in api_prices.csv",
        _ when field.Contains("image", StringComparison.Ordinal) || field.Contains("pixel", StringComparison.Ordinal) || field.Contains("video", StringComparison.Ordinal) => "image and video prices have no column in api_prices.csv",
        _ when field.Contains("character", StringComparison.Ordinal) => "per-character prices have no column in api_prices.csv",
        _ when field.Contains("second", StringComparison.Ordinal) => "per-second prices have no column in api_prices.csv",
        _ when field.Contains("query", StringComparison.Ordinal) => "per-query prices have no column in api_prices.csv",
        _ => "a price with no column in api_prices.csv",
    };

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    [GeneratedRegex(@"^(?<c>input_cost_per_token|output_cost_per_token|cache_read_input_token_cost|cache_creation_input_token_cost(?:_above_1hr)?)(?:_above_(?<n>\d{1,12})(?<k>k?)_tokens)?(?:_(?<tier>flex|priority|batches))?$", RegexOptions.CultureInvariant)]
    private static partial Regex PriceField();
}
