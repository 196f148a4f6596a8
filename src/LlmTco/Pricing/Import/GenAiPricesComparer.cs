using System.Text.Json;
using System.Text.RegularExpressions;

namespace LlmTco.Pricing.Import;

/// <summary>
/// Cross-checks the catalog's API prices against pydantic's genai-prices <c>data.json</c> on one day: which models
/// both price, and every price cell on which they disagree.
/// </summary>
/// <remarks>
/// <para>A catalog model (standard tier, in USD, in force on the day) is matched to the first genai-prices model of
/// the same provider whose <c>match</c> clause (<c>equals</c>, <c>starts_with</c>, <c>ends_with</c>, <c>contains</c>,
/// <c>regex</c>, <c>or</c>, <c>and</c>; case-insensitive) accepts its <c>model_id</c>, else one of its aliases — the
/// way genai-prices resolves a model name. genai-prices' prices are read as <see cref="GenAiPricesImporter"/> reads
/// them, with the prices in force on the day.</para>
/// <para>Compared per context tier (each side's tiers; a side without a tier is read at its highest tier below it):
/// <c>input_per_mtok</c>, <c>cached_input_per_mtok</c>, <c>cache_write_per_mtok</c>, <c>output_per_mtok</c> and
/// <c>per_request_fee</c>, exactly, and <c>cache_write_1h_per_mtok</c> when the file carries 1-hour cache-write prices
/// at all (genai-prices' v2 <c>data.json</c> does, <c>prices/data.json</c> does not). A price against a blank is a
/// disagreement; two blanks agree.</para>
/// <threadsafety>Stateless; safe to call from many threads at once.</threadsafety>
/// </remarks>
public static class GenAiPricesComparer
{
    private static readonly Uri SourceUrl = new("https://github.com/pydantic/genai-prices/blob/main/prices/data.json");

    private static readonly (string Column, Func<ApiPrice, decimal?> Price)[] Columns =
    [
        ("input_per_mtok", p => p.InputPricePerMillionTokens),
        ("cached_input_per_mtok", p => p.CachedInputPricePerMillionTokens),
        ("cache_write_per_mtok", p => p.CacheWritePricePerMillionTokens),
        ("output_per_mtok", p => p.OutputPricePerMillionTokens),
        ("per_request_fee", p => p.PricePerRequest),
    ];

    private static readonly (string Column, Func<ApiPrice, decimal?> Price) OneHourCacheWrite =
        ("cache_write_1h_per_mtok", p => p.OneHourCacheWritePricePerMillionTokens);

    /// <summary>Compares the catalog with a genai-prices <c>data.json</c> file on a day.</summary>
    /// <param name="catalog">The catalog whose API prices are checked.</param>
    /// <param name="dataJson">The <c>data.json</c> file's contents, UTF-8 JSON.</param>
    /// <param name="date">The day whose prices are compared (each side's rows in force on it).</param>
    /// <returns>The models both price and the cells that differ.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PriceImportException">The file is not valid JSON, or its top level is not an array of providers.</exception>
    public static PriceComparison Compare(PricingCatalog catalog, Stream dataJson, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dataJson);
        using var reader = new StreamReader(dataJson);
        return Compare(catalog, reader.ReadToEnd(), date);
    }

    /// <summary>Compares the catalog with the text of a genai-prices <c>data.json</c> file on a day.</summary>
    /// <param name="catalog">The catalog whose API prices are checked.</param>
    /// <param name="dataJson">The JSON text.</param>
    /// <param name="date">The day whose prices are compared (each side's rows in force on it).</param>
    /// <returns>The models both price and the cells that differ.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="PriceImportException">The text is not valid JSON, or its top level is not an array of providers.</exception>
    public static PriceComparison Compare(PricingCatalog catalog, string dataJson, DateOnly date)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(dataJson);

        // Prices without a start date apply from the beginning of time, so that any day finds them.
        var imported = GenAiPricesImporter.Import(dataJson, new PriceImportOptions(SourceUrl) { CheckedOn = date, EffectiveFrom = DateOnly.MinValue });
        var theirs = imported.Rows.Where(r => r.IsInForceOn(date))
            .ToLookup(r => (Provider: r.Provider.ToUpperInvariant(), Model: r.ModelId.ToUpperInvariant()));
        var matchers = Matchers(dataJson);
        var columns = imported.Rows.Any(r => r.OneHourCacheWritePricePerMillionTokens is not null) ? [.. Columns, OneHourCacheWrite] : Columns;

        var models = new List<ComparedModel>();
        var disagreements = new List<PriceDisagreement>();
        var ours = catalog.ApiPrices
            .Where(r => r.ServiceTier == ServiceTier.Standard && r.IsInForceOn(date) && string.Equals(r.Currency, "USD", StringComparison.OrdinalIgnoreCase))
            .GroupBy(r => (Provider: r.Provider.ToUpperInvariant(), Model: r.ModelId.ToUpperInvariant()))
            .OrderBy(g => g.Key.Provider, StringComparer.Ordinal).ThenBy(g => g.Key.Model, StringComparer.Ordinal);
        foreach (var group in ours)
        {
            var first = group.First();
            var names = first.Aliases.Prepend(first.ModelId).ToList();
            var candidates = matchers.Where(m => string.Equals(m.Provider, group.Key.Provider, StringComparison.OrdinalIgnoreCase)).ToList();
            var match = names.Select(n => candidates.FirstOrDefault(c => c.Matches(n))).FirstOrDefault(c => c is not null);
            if (match is null || !theirs.Contains((group.Key.Provider, match.ModelId.ToUpperInvariant())))
            {
                continue;
            }

            var other = theirs[(group.Key.Provider, match.ModelId.ToUpperInvariant())].ToList();
            var found = Differences(first.Provider, first.ModelId, match.ModelId, [.. group], other, columns, out var cells);
            models.Add(new ComparedModel(first.Provider, first.ModelId, match.ModelId, cells, found.Count));
            disagreements.AddRange(found);
        }

        return new PriceComparison(date, models, disagreements);
    }

    private static List<PriceDisagreement> Differences(string provider, string modelId, string theirId, List<ApiPrice> ours, List<ApiPrice> theirs, (string Column, Func<ApiPrice, decimal?> Price)[] columns, out int cells)
    {
        var found = new List<PriceDisagreement>();
        var thresholds = ours.Concat(theirs).Select(r => r.ContextThresholdTokens).Distinct().Order().ToList();
        cells = 0;
        foreach (var threshold in thresholds)
        {
            var a = At(ours, threshold);
            var b = At(theirs, threshold);
            foreach (var (column, price) in columns)
            {
                cells++;
                var x = a is null ? null : price(a);
                var y = b is null ? null : price(b);
                if (x != y)
                {
                    found.Add(new PriceDisagreement(provider, modelId, theirId, threshold, column, x, y));
                }
            }
        }

        return found;
    }

    /// <summary>The row a request above <paramref name="threshold"/> tokens pays: the highest tier at or below it.</summary>
    private static ApiPrice? At(List<ApiPrice> rows, long threshold) =>
        rows.Where(r => r.ContextThresholdTokens <= threshold).MaxBy(r => r.ContextThresholdTokens);

    private static List<Matcher> Matchers(string dataJson)
    {
        using var document = ImportCollector.Parse(dataJson, GenAiPricesImporter.FormatName);
        var list = new List<Matcher>();
        foreach (var provider in document.RootElement.EnumerateArray().Where(p => p.ValueKind == JsonValueKind.Object))
        {
            if (!provider.TryGetProperty("id", out var id) || id.ValueKind != JsonValueKind.String
                || !provider.TryGetProperty("models", out var models) || models.ValueKind != JsonValueKind.Array)
            {
                continue;
            }

            var slug = GenAiPricesImporter.ProviderSlug(id.GetString()!);
            foreach (var model in models.EnumerateArray().Where(m => m.ValueKind == JsonValueKind.Object))
            {
                if (model.TryGetProperty("id", out var modelId) && modelId.ValueKind == JsonValueKind.String)
                {
                    var clause = model.TryGetProperty("match", out var match) ? match.Clone() : default;
                    list.Add(new Matcher(slug, modelId.GetString()!, clause));
                }
            }
        }

        return list;
    }

    /// <summary>A genai-prices model and its <c>match</c> clause; a model without one matches its own id.</summary>
    private sealed record Matcher(string Provider, string ModelId, JsonElement Clause)
    {
        public bool Matches(string name) =>
            Clause.ValueKind == JsonValueKind.Object ? Evaluate(Clause, name) : string.Equals(name, ModelId, StringComparison.OrdinalIgnoreCase);

        private static bool Evaluate(JsonElement clause, string name)
        {
            if (clause.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            foreach (var p in clause.EnumerateObject())
            {
                var text = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : null;
                var ok = p.Name switch
                {
                    "equals" => text is not null && string.Equals(name, text, StringComparison.OrdinalIgnoreCase),
                    "starts_with" => text is not null && name.StartsWith(text, StringComparison.OrdinalIgnoreCase),
                    "ends_with" => text is not null && name.EndsWith(text, StringComparison.OrdinalIgnoreCase),
                    "contains" => text is not null && name.Contains(text, StringComparison.OrdinalIgnoreCase),
                    "regex" => text is not null && IsRegexMatch(name, text),
                    "or" => p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().Any(c => Evaluate(c, name)),
                    "and" => p.Value.ValueKind == JsonValueKind.Array && p.Value.EnumerateArray().All(c => Evaluate(c, name)),
                    _ => false,
                };
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }

        private static bool IsRegexMatch(string name, string pattern)
        {
            try
            {
                return Regex.IsMatch(name, pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (ArgumentException)
            {
                return false;
            }
            catch (RegexMatchTimeoutException)
            {
                return false;
            }
        }
    }
}
