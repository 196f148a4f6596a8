using System.Globalization;
using LlmTco.Pricing;

namespace LlmTco.Api;

/// <summary>
/// Prices API usage records one by one, as a bill would: the price row in force on the record's date, the context tier
/// its input selects, cache read and write prices (the input price where none is published), the batch discount for
/// batch requests, and the per-request fee. Prices are in each row's currency.
/// </summary>
/// <remarks>
/// Every price row is indexed once, when the pricer is built; pricing a record then allocates nothing.
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
    /// <exception cref="ArgumentOutOfRangeException">A token count is negative, or cached plus cache-write tokens exceed the input.</exception>
    /// <exception cref="PricingLookupException">The provider or model is unknown, or no price is in force on the record's date.</exception>
    public double Price(in UsageRecord record) => Price(record, 1, record.InputTokens);

    /// <summary>Prices an aggregate of <paramref name="requests"/> requests (a usage export's time bucket) whose
    /// context tier is selected by <paramref name="tierInputTokens"/>, the input tokens of one of its requests.</summary>
    internal double Price(in UsageRecord record, long requests, long tierInputTokens) => Price(Rows(record), record, requests, tierInputTokens);

    /// <summary>The price rows of a record's provider and model, for <see cref="Price(ApiPrice[], in UsageRecord, long, long)"/>.</summary>
    internal ApiPrice[] RowsOf(in UsageRecord record) => Rows(record);

    /// <summary>Prices a record against its model's rows, found once by <see cref="RowsOf"/>.</summary>
    internal static double Price(ApiPrice[] rows, in UsageRecord record, long requests, long tierInputTokens) =>
        TryPrice(rows, record, requests, tierInputTokens, out var cost) ? cost : throw NoPrice(record);

    /// <summary>
    /// Prices a record against its model's rows, or returns <see langword="false"/> when no row is in force on its date
    /// for its service tier: a bulk import counts such records without the cost of an exception each
    /// (<see cref="NoPrice"/> gives the reason once).
    /// </summary>
    internal static bool TryPrice(ApiPrice[] rows, in UsageRecord record, long requests, long tierInputTokens, out double cost)
    {
        var input = record.InputTokens;
        if (input < 0 || record.CachedInputTokens < 0 || record.CacheWriteTokens < 0 || record.OutputTokens < 0 || record.CachedInputTokens + record.CacheWriteTokens > input)
        {
            throw new ArgumentOutOfRangeException(nameof(record), record, "Token counts must not be negative, and cached plus cache-write tokens are part of the input tokens.");
        }

        for (var i = 0; i < rows.Length; i++)
        {
            var row = rows[i];
            if (row.ServiceTier != record.ServiceTier
                || (row.ContextThresholdTokens > 0 && tierInputTokens <= row.ContextThresholdTokens)
                || row.EffectiveFrom > record.Date
                || (row.EffectiveTo is { } end && record.Date >= end))
            {
                continue;
            }

            cost = ApiPlan.Charge(
                input - record.CachedInputTokens - record.CacheWriteTokens,
                record.CachedInputTokens,
                record.CacheWriteTokens,
                record.OutputTokens,
                requests,
                (double)row.InputPricePerMillionTokens,
                (double)(row.CachedInputPricePerMillionTokens ?? row.InputPricePerMillionTokens),
                (double)(row.CacheWritePricePerMillionTokens ?? row.InputPricePerMillionTokens),
                (double)row.OutputPricePerMillionTokens,
                (double)(row.PricePerRequest ?? 0m),
                record.Batch ? 1 : 0,
                (double)(row.BatchDiscountFraction ?? 0m),
                1);
            return true;
        }

        cost = 0;
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
