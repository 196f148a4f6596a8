using System.Globalization;
using LlmTco.Pricing;

namespace LlmTco.Api;

/// <summary>
/// Prices API usage records one by one, as a bill would: the price row in force on the record's date, the context tier
/// its input selects, cache read and write prices (the input price where none is published), the batch discount for
/// batch requests, and the per-request fee. Prices are in each row's currency.
/// </summary>
/// <remarks>
/// <para>1-hour cache writes (<see cref="UsageRecord.OneHourCacheWriteTokens"/>) bill at the row's 1-hour cache-write
/// price; where the row has none (<see cref="ApiPrice.OneHourCacheWritePricePerMillionTokens"/> blank), at its 5-minute
/// cache-write price, which understates the bill where the provider charges more for an hour:
/// <see cref="Usage.UsageAnalyzer"/> lists such tokens in <see cref="Usage.UsageBill.OneHourCacheWritesAtFiveMinutePrice"/>.</para>
/// <para>Every price row is indexed once, when the pricer is built; pricing a record then allocates nothing.</para>
/// <threadsafety>Immutable once built; safe to use from many threads at once.</threadsafety>
/// </remarks>
public sealed class UsagePricer
{
    private readonly Dictionary<string, Dictionary<string, ApiPrice[]>> byProvider = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Initializes a new instance over a catalog's API prices.</summary>
    /// <param name="catalog">The pricing catalog.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public UsagePricer(PricingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        foreach (var provider in catalog.ApiPrices.GroupBy(p => p.Provider, StringComparer.OrdinalIgnoreCase))
        {
            var models = new Dictionary<string, ApiPrice[]>(StringComparer.OrdinalIgnoreCase);
            foreach (var model in provider.GroupBy(p => p.ModelId, StringComparer.OrdinalIgnoreCase))
            {
                // Highest context tier first, so that the first tier whose threshold the input exceeds wins.
                var rows = model.OrderByDescending(p => p.ContextThresholdTokens).ThenBy(p => p.EffectiveFrom).ToArray();
                models.TryAdd(model.Key, rows);
                foreach (var alias in model.SelectMany(p => p.Aliases))
                {
                    models.TryAdd(alias, rows);
                }
            }

            byProvider[provider.Key] = models;
        }
    }

    /// <summary>Prices one usage record.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The cost in the price row's currency.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A token count is negative, cached plus cache-write tokens exceed the
    /// input, or 1-hour cache writes exceed the cache writes.</exception>
    /// <exception cref="PricingLookupException">The provider or model is unknown, or no price is in force on the record's date.</exception>
    public double Price(in UsageRecord record) => Price(record, 1, record.InputTokens);

    /// <summary>Prices an aggregate of <paramref name="requests"/> requests (a usage export's time bucket) whose
    /// context tier is selected by <paramref name="tierInputTokens"/>, the input tokens of one of its requests.</summary>
    internal double Price(in UsageRecord record, long requests, long tierInputTokens) => Price(Rows(record), record, requests, tierInputTokens);

    /// <summary>The price rows of a record's provider and model, for <see cref="Price(ApiPrice[], in UsageRecord, long, long)"/>.</summary>
    internal ApiPrice[] RowsOf(in UsageRecord record) => Rows(record);

    /// <summary>Prices a record against its model's rows, found once by <see cref="RowsOf"/>.</summary>
    internal static double Price(ApiPrice[] rows, in UsageRecord record, long requests, long tierInputTokens) =>
        TryPrice(rows, record, requests, tierInputTokens, out var cost, out _) ? cost : throw NoPrice(record);

    /// <summary>
    /// Prices a record against its model's rows, or returns <see langword="false"/> when no row is in force on its date
    /// for its service tier: a bulk import counts such records without the cost of an exception each
    /// (<see cref="NoPrice"/> gives the reason once). <paramref name="row"/> is the row that priced it.
    /// </summary>
    internal static bool TryPrice(ApiPrice[] rows, in UsageRecord record, long requests, long tierInputTokens, out double cost, out ApiPrice? row)
    {
        var input = record.InputTokens;
        if (input < 0 || record.CachedInputTokens < 0 || record.CacheWriteTokens < 0 || record.OutputTokens < 0 || record.CachedInputTokens + record.CacheWriteTokens > input
            || record.OneHourCacheWriteTokens < 0 || record.OneHourCacheWriteTokens > record.CacheWriteTokens)
        {
            throw new ArgumentOutOfRangeException(nameof(record), record, "Token counts must not be negative, cached plus cache-write tokens are part of the input tokens, and 1-hour cache writes are part of the cache writes.");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var candidate = rows[i];
            if (candidate.ServiceTier != record.ServiceTier
                || (candidate.ContextThresholdTokens > 0 && tierInputTokens <= candidate.ContextThresholdTokens)
                || candidate.EffectiveFrom > record.Date
                || (candidate.EffectiveTo is { } end && record.Date >= end))
            {
                continue;
            }

            var write = candidate.CacheWritePricePerMillionTokens ?? candidate.InputPricePerMillionTokens;
            cost = ApiPlan.Charge(
                input - record.CachedInputTokens - record.CacheWriteTokens,
                record.CachedInputTokens,
                record.CacheWriteTokens - record.OneHourCacheWriteTokens,
                record.OneHourCacheWriteTokens,
                record.OutputTokens,
                requests,
                (double)candidate.InputPricePerMillionTokens,
                (double)(candidate.CachedInputPricePerMillionTokens ?? candidate.InputPricePerMillionTokens),
                (double)write,
                (double)(candidate.OneHourCacheWritePricePerMillionTokens ?? write),
                (double)candidate.OutputPricePerMillionTokens,
                (double)(candidate.PricePerRequest ?? 0m),
                record.Batch ? 1 : 0,
                (double)(candidate.BatchDiscountFraction ?? 0m),
                1);
            row = candidate;
            return true;
        }

        cost = 0;
        row = null;
        return false;
    }

    /// <summary>The error of a record whose model has no price row in force on its date for its service tier.</summary>
    internal static PricingLookupException NoPrice(in UsageRecord record) => new(string.Create(
        CultureInfo.InvariantCulture,
        $"No {record.ServiceTier.ToString().ToLowerInvariant()} price for '{record.Model}' at '{record.Provider}' on {record.Date:yyyy-MM-dd}."));

    /// <summary>Prices many records into a span of costs, in order.</summary>
    /// <param name="records">The records.</param>
    /// <param name="costs">Where each record's cost goes; at least as long as <paramref name="records"/>.</param>
    /// <exception cref="ArgumentException"><paramref name="costs"/> is shorter than <paramref name="records"/>.</exception>
    /// <exception cref="PricingLookupException">A record's provider or model is unknown, or has no price on its date.</exception>
    public void PriceAll(ReadOnlySpan<UsageRecord> records, Span<double> costs)
    {
        if (costs.Length < records.Length)
        {
            throw new ArgumentException("There must be a cost slot for every record.", nameof(costs));
        }

        for (var i = 0; i < records.Length; i++)
        {
            costs[i] = Price(records[i]);
        }
    }

    private ApiPrice[] Rows(in UsageRecord record)
    {
        if (record.Provider is null || !byProvider.TryGetValue(record.Provider, out var models))
        {
            throw new PricingLookupException($"Unknown API provider '{record.Provider}'; known: {string.Join(", ", byProvider.Keys)}.");
        }

        return record.Model is not null && models.TryGetValue(record.Model, out var rows)
            ? rows
            : throw new PricingLookupException($"Unknown model '{record.Model}' at provider '{record.Provider}'.");
    }
}
