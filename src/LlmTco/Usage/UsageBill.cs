namespace LlmTco.Usage;

/// <summary>
/// A bill reconstructed from a usage export: every entry priced with <see cref="Api.UsagePricer"/> (the row in force on
/// its date, context tier, cache, batch, service tier), by month, provider and model, and compared with the export's
/// own cost where it carries one.
/// </summary>
/// <param name="Lines">One line per month, provider and model, ordered by month, then provider, then model.</param>
/// <param name="Months">One entry per month, in order.</param>
/// <param name="Unpriced">The models that could not be priced, with the nearest catalog ids.</param>
/// <param name="OneHourCacheWritesAtFiveMinutePrice">The models whose 1-hour cache writes were billed at the 5-minute
/// cache-write price, because their price row has no 1-hour price; empty when every 1-hour write found its price.</param>
public sealed record UsageBill(IReadOnlyList<UsageBillLine> Lines, IReadOnlyList<UsageBillMonth> Months, IReadOnlyList<UnpricedUsage> Unpriced, IReadOnlyList<OneHourCacheWriteFallback> OneHourCacheWritesAtFiveMinutePrice)
{
    /// <summary>Gets the reconstructed cost of all months, in the price rows' currency.</summary>
    public double TotalCost => Months.Sum(m => m.Cost);
}
