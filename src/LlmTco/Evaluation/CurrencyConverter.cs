using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.Evaluation;

/// <summary>
/// Converts table prices into the scenario's currency while a scenario is compiled: the factor of a month is the
/// scenario's own rate for the currency (<see cref="Scenario.ExchangeRates"/>) when given, else the catalog's rate of that
/// month (<see cref="PricingCatalog.FindExchangeRate"/>: the pair's row, a cross rate through EUR, the last rate held
/// after the last published month). It remembers the rates it gave, for the assumptions.
/// </summary>
/// <remarks><threadsafety>Used by one compilation on one thread.</threadsafety></remarks>
internal sealed class CurrencyConverter
{
    private readonly PricingCatalog catalog;
    private readonly DateOnly[] monthStarts;
    private readonly Dictionary<string, double> given;
    private readonly Dictionary<(string From, int Month), ExchangeRateQuote?> quotes = [];

    public CurrencyConverter(PricingCatalog catalog, Scenario scenario, DateOnly[] monthStarts)
    {
        this.catalog = catalog;
        this.monthStarts = monthStarts;
        Currency = scenario.Currency;
        given = (scenario.ExchangeRates ?? [])
            .Where(r => r.ScenarioCurrencyPerUnit is not null)
            .ToDictionary(r => r.Currency, r => r.ScenarioCurrencyPerUnit!.Value, StringComparer.Ordinal);
    }

    /// <summary>Gets the scenario's currency.</summary>
    public string Currency { get; }

    /// <summary>
    /// The factor that turns an amount in <paramref name="from"/> into the scenario's currency in month
    /// <paramref name="month"/> (0-based): 1 for the scenario's own currency; false (and NaN) when no rate applies.
    /// </summary>
    public bool TryFactor(string from, int month, out double factor)
    {
        if (from == Currency)
        {
            factor = 1;
            return true;
        }

        if (given.TryGetValue(from, out factor))
        {
            quotes.TryAdd((from, -1), null);
            return true;
        }

        if (!quotes.TryGetValue((from, month), out var quote))
        {
            quote = catalog.FindExchangeRate(from, Currency, monthStarts[month]);
            quotes.Add((from, month), quote);
        }

        factor = quote is null ? double.NaN : (double)quote.ToPerFrom;
        return quote is not null;
    }

    /// <summary>The factor of <see cref="TryFactor"/>; throws <see cref="PricingLookupException"/> naming the pair and month when no rate applies.</summary>
    public double Factor(string from, int month) => TryFactor(from, month, out var factor) ? factor : throw Missing(from, month);

    /// <summary>
    /// For a price in currency <paramref name="from"/> converted at month <paramref name="baseMonth"/>'s rate, each month's
    /// rate ÷ that rate (1 before <paramref name="firstMonth"/>), so that the price follows the rate of each month it is
    /// paid; <see langword="null"/> for a price already in the scenario's currency. Throws <see cref="PricingLookupException"/>
    /// naming the pair and month when a month from <paramref name="firstMonth"/> has no rate.
    /// </summary>
    public double[]? RelativeRates(string from, int baseMonth, int firstMonth)
    {
        if (string.Equals(from, Currency, StringComparison.Ordinal))
        {
            return null;
        }

        var baseRate = Factor(from, baseMonth);
        var rates = new double[monthStarts.Length];
        for (var m = 0; m < rates.Length; m++)
        {
            rates[m] = m < firstMonth ? 1 : Factor(from, m) / baseRate;
        }

        return rates;
    }

    /// <summary>The error for a month without a rate from <paramref name="from"/> into the scenario's currency.</summary>
    public PricingLookupException Missing(string from, int month) => catalog.NoExchangeRate(from, Currency, monthStarts[month]);

    /// <summary>
    /// The rates given so far, as assumptions: for each currency, the rate of each run of months (the rows read, or the
    /// scenario's own rate), a warning where the last published rate is held, and each table row used.
    /// </summary>
    public IEnumerable<Assumption> Assumptions()
    {
        foreach (var from in quotes.Keys.Select(k => k.From).Distinct().Order(StringComparer.Ordinal))
        {
            if (given.TryGetValue(from, out var rate))
            {
                yield return new Assumption(null, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"{from} prices are converted at {rate} {Currency} per {from} in every month, the rate given in the scenario's exchangeRates."));
                continue;
            }

            var used = quotes.Where(q => q.Key.From == from && q.Value is not null).OrderBy(q => q.Key.Month).Select(q => (q.Key.Month, Quote: q.Value!)).ToList();
            if (used.Count == 0)
            {
                continue;
            }

            // Runs of months that read the same rows: "2027-01 to 2031-12: 0.854847 EUR per USD (EUR/USD 1.1698 of 2026-03, held)".
            var runs = new List<string>();
            var held = new List<int>();
            for (var i = 0; i < used.Count;)
            {
                var j = i;
                while (j + 1 < used.Count && used[j + 1].Month == used[j].Month + 1 && used[j + 1].Quote.Held == used[i].Quote.Held && used[j + 1].Quote.Rows.SequenceEqual(used[i].Quote.Rows))
                {
                    j++;
                }

                var q = used[i].Quote;
                var months = i == j ? Month(monthStarts[used[i].Month]) : $"{Month(monthStarts[used[i].Month])} to {Month(monthStarts[used[j].Month])}";
                var rows = string.Join(" × ", q.Rows.Select(r => string.Create(CultureInfo.InvariantCulture, $"{r.BaseCurrency}/{r.QuoteCurrency} {r.QuotePerBase} of {Month(r.Month)}")));
                runs.Add(string.Create(CultureInfo.InvariantCulture, $"{months}: {q.ToPerFrom:0.######} {Currency} per {from} ({rows}{(q.Held ? ", held" : string.Empty)})"));
                if (q.Held)
                {
                    held.AddRange(Enumerable.Range(used[i].Month, j - i + 1));
                }

                i = j + 1;
            }

            yield return new Assumption(null, AssumptionKind.Choice, $"{from} prices are converted into {Currency} at the rate of each price's month from exchange_rates.csv (a pair's rate of the month, or a cross rate through {PricingCatalog.PivotCurrency}): {string.Join("; ", runs)}.");
            if (held.Count > 0)
            {
                var last = used.First(u => u.Quote.Held).Quote.Rows.Max(r => r.Month);
                yield return new Assumption(null, AssumptionKind.Warning, string.Create(CultureInfo.InvariantCulture, $"No published {from}/{Currency} rate after {Month(last)}: {held.Count} month(s) from {Month(monthStarts[held[0]])} hold the last published rate; a different future rate changes every converted price (give the scenario's exchangeRates, or vary it in Monte Carlo)."));
            }

            foreach (var row in used.SelectMany(u => u.Quote.Rows).Distinct())
            {
                var day = row.RateDate is { } d ? string.Create(CultureInfo.InvariantCulture, $" (rate of {d:yyyy-MM-dd})") : string.Empty;
                yield return new Assumption(null, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"exchange_rates.csv: {row.BaseCurrency}/{row.QuoteCurrency} {Month(row.Month)}: {row.QuotePerBase} {row.QuoteCurrency} per {row.BaseCurrency}{day}; checked {row.CheckedOn:yyyy-MM-dd}."), row.SourceUrl) { Row = row };
            }
        }
    }

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
