using System.Globalization;
using System.Text.Json;

namespace LlmTco.Pricing.Import;

/// <summary>
/// Imports the <c>data.json</c> file of pydantic's <c>genai-prices</c> project (a JSON array of providers, each with
/// models and their prices in USD per million tokens) into <c>api_prices.csv</c> rows.
/// </summary>
/// <remarks>
/// <para>Mapping: <c>input_mtok</c> → <c>input_per_mtok</c>, <c>output_mtok</c> → <c>output_per_mtok</c>,
/// <c>cache_read_mtok</c> → <c>cached_input_per_mtok</c>, <c>cache_write_mtok</c> → <c>cache_write_per_mtok</c>,
/// <c>cache_write_1h_mtok</c> (carried by genai-prices' v2 <c>data.json</c>, not by <c>prices/data.json</c>) →
/// <c>cache_write_1h_per_mtok</c>, <c>requests_kcount</c> ÷ 1,000 → <c>per_request_fee</c>. Prices are already per million tokens, so they are copied
/// exactly. A tiered price (<c>{"base": 3, "tiers": [{"start": 200000, "price": 6}]}</c>) becomes a context-tier row
/// with <c>context_threshold_tokens</c> = the tier's start. A list of prices with <c>start_date</c> constraints becomes a
/// price history: each dated price runs from its date to the next one's; the price without a constraint runs from
/// <see cref="PriceImportOptions.EffectiveFrom"/> to the first dated price (and is left out, with an issue, when that
/// date is not earlier). <c>equals</c> clauses of a model's <c>match</c> become aliases. The provider <c>aws</c> is
/// written as <c>bedrock</c>, this project's slug for Amazon Bedrock.</para>
/// <para>Not mapped, each reported in <see cref="ImportResult.Unmapped"/>: audio token prices, tool-use prices,
/// time-of-day prices, and models without an input or an output price.</para>
/// <threadsafety>Stateless; safe to call from many threads at once.</threadsafety>
/// </remarks>
public static class GenAiPricesImporter
{
    /// <summary>The name of the format: <c>genai-prices</c>.</summary>
    public const string FormatName = "genai-prices";

    private static readonly Dictionary<string, string> ProviderSlugs = new(StringComparer.OrdinalIgnoreCase) { ["aws"] = "bedrock" };

    private static readonly string[] AudioFields = ["input_audio_mtok", "cache_audio_read_mtok", "output_audio_mtok"];

    /// <summary>Imports a <c>data.json</c> file.</summary>
    /// <param name="json">The file's contents, UTF-8 JSON.</param>
    /// <param name="options">The source URL and dates to write into every row.</param>
    /// <returns>The rows and every model or field not mapped.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PriceImportException">The file is not valid JSON, or its top level is not an array of providers.</exception>
    public static ImportResult Import(Stream json, PriceImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = ImportCollector.Parse(json, FormatName);
        return Import(document, options);
    }

    /// <summary>Imports the text of a <c>data.json</c> file.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="options">The source URL and dates to write into every row.</param>
    /// <returns>The rows and every model or field not mapped.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PriceImportException">The text is not valid JSON, or its top level is not an array of providers.</exception>
    public static ImportResult Import(string json, PriceImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        using var document = ImportCollector.Parse(json, FormatName);
        return Import(document, options);
    }

    private static ImportResult Import(JsonDocument document, PriceImportOptions options)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new PriceImportException($"a {FormatName} data.json file is a JSON array of providers, but this file's top level is {Kind(root)}; is it a LiteLLM file (use --from litellm)?");
        }

        var collector = new ImportCollector(FormatName, options);
        var index = 0;
        foreach (var provider in root.EnumerateArray())
        {
            index++;
            ImportCollector.Guard(FormatName, () => string.Create(CultureInfo.InvariantCulture, $"$[{index - 1}]"), () => ImportProvider(provider, index, collector));
        }

        return collector.Result();
    }

    private static void ImportProvider(JsonElement provider, int index, ImportCollector c)
    {
        var position = string.Create(CultureInfo.InvariantCulture, $"(provider #{index})");
        if (provider.ValueKind != JsonValueKind.Object)
        {
            c.Issue(position, null, "not a JSON object; skipped");
            return;
        }

        if (Text(provider, "id") is not { } id)
        {
            c.Issue(position, "id", "missing; the provider's models are skipped");
            return;
        }

        var mapped = ProviderSlug(id);
        if (c.Slug(mapped, id, "id") is not { } slug)
        {
            return;
        }

        if (!provider.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
        {
            c.Issue(id, "models", "missing or not an array; no models imported");
            return;
        }

        var page = provider.TryGetProperty("pricing_urls", out var urls) && urls.ValueKind == JsonValueKind.Array
            ? urls.EnumerateArray().Select(u => u.ValueKind == JsonValueKind.String ? u.GetString() : null).FirstOrDefault(u => u is not null)
            : null;
        var providerNotes = new List<string>();
        if (!string.Equals(slug, id, StringComparison.Ordinal))
        {
            providerNotes.Add($"genai-prices provider '{id}'");
        }

        if (page is not null)
        {
            providerNotes.Add("provider page " + page);
        }

        var modelIndex = 0;
        foreach (var model in models.EnumerateArray())
        {
            modelIndex++;
            c.EntriesRead++;
            ImportCollector.Guard(FormatName, () => string.Create(CultureInfo.InvariantCulture, $"$[{index - 1}].models[{modelIndex - 1}]"), () => ImportModel(id, slug, providerNotes, model, modelIndex, c));
        }
    }

    private static void ImportModel(string providerId, string slug, List<string> providerNotes, JsonElement model, int index, ImportCollector c)
    {
        if (model.ValueKind != JsonValueKind.Object || Text(model, "id") is not { } modelId)
        {
            c.Issue(string.Create(CultureInfo.InvariantCulture, $"{providerId}/(model #{index})"), "id", "missing; skipped");
            return;
        }

        var entry = providerId + "/" + modelId;
        if (!ImportCollector.IsId(modelId))
        {
            c.Issue(entry, "id", "contains white space, ';' or an invisible or direction-changing character, which a model_id may not; skipped");
            return;
        }

        if (!model.TryGetProperty("prices", out var prices) || prices.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array))
        {
            c.Issue(entry, "prices", "missing; skipped");
            return;
        }

        var periods = Periods(prices, entry, c);
        if (periods.Count == 0)
        {
            return;
        }

        var built = new List<List<TierPrices>>();
        foreach (var period in periods)
        {
            if (Tiers(period.Prices, entry, c) is not { } tiers)
            {
                return;
            }

            built.Add(tiers);
        }

        if (!c.Claim(slug, modelId, entry))
        {
            return;
        }

        var aliases = model.TryGetProperty("match", out var match)
            ? EqualsClauses(match).Where(a => ImportCollector.IsId(a) && !string.Equals(a, modelId, StringComparison.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [];
        var deprecated = model.TryGetProperty("deprecated", out var flag) && flag.ValueKind == JsonValueKind.True;
        var thresholds = built.SelectMany(t => t).Select(t => t.Threshold).Distinct().Where(t => t > 0).ToList();
        for (var p = 0; p < periods.Count; p++)
        {
            var (from, _, startKnown) = periods[p];
            DateOnly? to = p + 1 < periods.Count ? periods[p + 1].From : null;
            var rowsOfPeriod = built[p].ToList();

            // A long-context tier missing from a period between two periods that have it would leave a gap in its
            // history: fill the period with the base prices, which is what a request above the threshold pays then.
            foreach (var t in thresholds.Where(t => rowsOfPeriod.All(r => r.Threshold != t)
                && built.Take(p).Any(b => b.Any(r => r.Threshold == t)) && built.Skip(p + 1).Any(b => b.Any(r => r.Threshold == t))))
            {
                rowsOfPeriod.Add(rowsOfPeriod[0] with { Threshold = t, Notes = [.. rowsOfPeriod[0].Notes, "no long-context price in this period: the base prices"] });
            }

            foreach (var tier in rowsOfPeriod)
            {
                var notes = new List<string> { "imported from genai-prices (USD per 1M tokens)" };
                notes.AddRange(providerNotes);
                if (!startKnown)
                {
                    notes.Add("start date not in the source");
                }

                if (deprecated)
                {
                    notes.Add("deprecated by the provider");
                }

                notes.AddRange(tier.Notes);
                c.Add(new ApiPrice
                {
                    Provider = slug,
                    ModelId = modelId,
                    Aliases = aliases,
                    ServiceTier = ServiceTier.Standard,
                    ContextThresholdTokens = tier.Threshold,
                    EffectiveFrom = from,
                    EffectiveFromBasis = startKnown ? null : EffectiveDateBasis.Observed,
                    EffectiveTo = to,
                    Currency = "USD",
                    InputPricePerMillionTokens = tier.Input,
                    CachedInputPricePerMillionTokens = tier.CacheRead,
                    CacheWritePricePerMillionTokens = tier.CacheWrite,
                    OneHourCacheWritePricePerMillionTokens = tier.CacheWriteOneHour,
                    OutputPricePerMillionTokens = tier.Output,
                    PricePerRequest = tier.PerRequest,
                    Notes = string.Join("; ", notes),
                    SourceUrl = c.Options.SourceUrl,
                    SourceKind = SourceKind.Secondary,
                    CheckedOn = c.Options.CheckedOn,
                });
            }
        }
    }

    /// <summary>The dated prices of a model, oldest first: (first day, the prices object, whether the date is from the source).</summary>
    private static List<(DateOnly From, JsonElement Prices, bool StartKnown)> Periods(JsonElement prices, string entry, ImportCollector c)
    {
        var start = c.Options.UnknownStart;
        if (prices.ValueKind == JsonValueKind.Object)
        {
            return [(start, prices, false)];
        }

        JsonElement? undated = null;
        var dated = new SortedDictionary<DateOnly, JsonElement>();
        foreach (var conditional in prices.EnumerateArray())
        {
            var set = default(JsonElement);
            if (conditional.ValueKind == JsonValueKind.Object)
            {
                _ = conditional.TryGetProperty("prices", out set);
            }

            if (set.ValueKind != JsonValueKind.Object)
            {
                c.Issue(entry, "prices", "a conditional price without a 'prices' object; skipped");
                continue;
            }

            if (!conditional.TryGetProperty("constraint", out var constraint) || constraint.ValueKind == JsonValueKind.Null)
            {
                undated = set;
            }
            else if (constraint.ValueKind != JsonValueKind.Object)
            {
                c.Issue(entry, "constraint", $"{ImportCollector.Show(constraint)} is not a constraint object; that price is skipped");
            }
            else if (constraint.TryGetProperty("start_date", out var date))
            {
                if (date.ValueKind == JsonValueKind.String
                    && DateOnly.TryParseExact(date.GetString(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                {
                    dated[day] = set;
                }
                else
                {
                    c.Issue(entry, "start_date", $"{ImportCollector.Show(date)} is not a date written yyyy-MM-dd; that price is skipped");
                }
            }
            else if (constraint.TryGetProperty("start_time", out var from))
            {
                var until = constraint.TryGetProperty("end_time", out var end) ? ImportCollector.Show(end) : "?";
                c.Issue(entry, "constraint", $"a time-of-day price (from {ImportCollector.Show(from)} to {until}) has no column in api_prices.csv; only the all-day prices are imported");
            }
            else
            {
                c.Issue(entry, "constraint", $"an unknown constraint ({constraint.GetRawText()}); that price is skipped");
            }
        }

        var periods = new List<(DateOnly, JsonElement, bool)>();
        if (undated is { } first)
        {
            if (dated.Count > 0 && start >= dated.Keys.First())
            {
                c.Issue(entry, "prices", $"the price before {ImportCollector.Iso(dated.Keys.First())} has no start date in the source, and the start date given for such prices ({ImportCollector.Iso(start)}) is not earlier; give an earlier one (--effective-from) to import it");
            }
            else
            {
                periods.Add((start, first, false));
            }
        }

        periods.AddRange(dated.Select(d => (d.Key, d.Value, true)));
        return periods;
    }

    /// <summary>The rows of one set of prices: the base row (threshold 0) and one per tier start; null when the model has no input or output price.</summary>
    private static List<TierPrices>? Tiers(JsonElement prices, string entry, ImportCollector c)
    {
        Tiered? input = null, output = null, cacheRead = null, cacheWrite = null, cacheWriteOneHour = null;
        decimal? perRequest = null;
        var notes = new List<string>();
        foreach (var field in prices.EnumerateObject())
        {
            switch (field.Name)
            {
                case "input_mtok": input = Read(field, entry, c); break;
                case "output_mtok": output = Read(field, entry, c); break;
                case "cache_read_mtok": cacheRead = Read(field, entry, c); break;
                case "cache_write_mtok": cacheWrite = Read(field, entry, c); break;
                case "cache_write_1h_mtok": cacheWriteOneHour = Read(field, entry, c); break;
                case "requests_kcount":
                    if (c.Number(field.Value, entry, field.Name) is { } perThousand)
                    {
                        perRequest = ImportCollector.Exact(perThousand / 1000m, "per_request_fee", notes);
                        notes.Add("per_request_fee = requests_kcount ÷ 1,000");
                    }

                    break;
                case var audio when AudioFields.Contains(audio):
                    c.Issue(entry, audio, "audio token prices have no column in api_prices.csv");
                    break;
                case "tool_use_kcount":
                    c.Issue(entry, field.Name, "tool-use prices have no column in api_prices.csv");
                    break;
                default:
                    c.Issue(entry, field.Name, "not a genai-prices price field this importer knows; not mapped");
                    break;
            }
        }

        if (input is null)
        {
            c.Issue(entry, "input_mtok", "no input price; the model is not imported");
            return null;
        }

        if (output is null)
        {
            c.Issue(entry, "output_mtok", "no output price (an embedding or input-only model); the model is not imported");
            return null;
        }

        var thresholds = new[] { input, output, cacheRead, cacheWrite, cacheWriteOneHour }.OfType<Tiered>().SelectMany(t => t.Tiers.Keys).Distinct().Order().Prepend(0L).ToList();
        return thresholds
            .Select(t =>
            {
                var rowNotes = new List<string>(notes);
                return new TierPrices(
                    t,
                    ImportCollector.Exact(input.At(t), "input_per_mtok", rowNotes),
                    cacheRead is null ? null : ImportCollector.Exact(cacheRead.At(t), "cached_input_per_mtok", rowNotes),
                    cacheWrite is null ? null : ImportCollector.Exact(cacheWrite.At(t), "cache_write_per_mtok", rowNotes),
                    cacheWriteOneHour is null ? null : ImportCollector.Exact(cacheWriteOneHour.At(t), "cache_write_1h_per_mtok", rowNotes),
                    ImportCollector.Exact(output.At(t), "output_per_mtok", rowNotes),
                    perRequest,
                    rowNotes);
            })
            .ToList();
    }

    /// <summary>A price field: a number, or <c>{"base": n, "tiers": [{"start": tokens, "price": n}]}</c>.</summary>
    private static Tiered? Read(JsonProperty field, string entry, ImportCollector c)
    {
        if (field.Value.ValueKind == JsonValueKind.Number)
        {
            return c.Number(field.Value, entry, field.Name) is { } flat ? new Tiered(flat, new SortedDictionary<long, decimal>()) : null;
        }

        if (field.Value.ValueKind != JsonValueKind.Object || !field.Value.TryGetProperty("base", out var baseValue))
        {
            c.Issue(entry, field.Name, $"{ImportCollector.Show(field.Value)} is neither a number nor a tiered price; not mapped");
            return null;
        }

        if (c.Number(baseValue, entry, field.Name + ".base") is not { } basePrice)
        {
            return null;
        }

        var tiers = new SortedDictionary<long, decimal>();
        if (field.Value.TryGetProperty("tiers", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var tier in list.EnumerateArray())
            {
                if (tier.ValueKind == JsonValueKind.Object
                    && tier.TryGetProperty("start", out var start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt64(out var tokens) && tokens > 0
                    && tier.TryGetProperty("price", out var price) && c.Number(price, entry, field.Name + ".tiers") is { } value)
                {
                    tiers[tokens] = value;
                }
                else
                {
                    c.Issue(entry, field.Name + ".tiers", $"{tier.GetRawText()} is not a tier with a positive whole 'start' and a 'price'; that tier is skipped");
                }
            }
        }

        return new Tiered(basePrice, tiers);
    }

    private static IEnumerable<string> EqualsClauses(JsonElement match)
    {
        if (match.ValueKind != JsonValueKind.Object)
        {
            yield break;
        }

        if (match.TryGetProperty("equals", out var equals) && equals.ValueKind == JsonValueKind.String)
        {
            yield return equals.GetString()!;
        }

        if (match.TryGetProperty("or", out var or) && or.ValueKind == JsonValueKind.Array)
        {
            foreach (var alias in or.EnumerateArray().SelectMany(EqualsClauses))
            {
                yield return alias;
            }
        }
    }

    /// <summary>The catalog's slug for a genai-prices provider id (<c>aws</c> → <c>bedrock</c>; others unchanged).</summary>
    internal static string ProviderSlug(string id) => ProviderSlugs.TryGetValue(id, out var known) ? known : id;

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };

    /// <summary>A price with optional tiers by input tokens: the price at a threshold is the last tier starting at or below it.</summary>
    private sealed record Tiered(decimal Base, SortedDictionary<long, decimal> Tiers)
    {
        public decimal At(long threshold) => Tiers.Where(t => t.Key <= threshold).Select(t => (decimal?)t.Value).LastOrDefault() ?? Base;
    }

    /// <summary>The prices of one row before it gets its dates.</summary>
    private sealed record TierPrices(long Threshold, decimal Input, decimal? CacheRead, decimal? CacheWrite, decimal? CacheWriteOneHour, decimal Output, decimal? PerRequest, List<string> Notes);
}
