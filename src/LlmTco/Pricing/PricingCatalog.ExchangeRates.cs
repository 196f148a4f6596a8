using System.Globalization;

namespace LlmTco.Pricing;

/// <summary>The exchange-rate look-up: the rate that converts a price from one currency into another in a month.</summary>
public sealed partial class PricingCatalog
{
    /// <summary>The currency through which two currencies without a rate between them are crossed.</summary>
    internal const string PivotCurrency = "EUR";

    // (base, quote) -> the pair's rows, oldest month first.
    private readonly Dictionary<(string Base, string Quote), ExchangeRate[]> ratesByPair;

    /// <summary>
    /// The factor that converts an amount in <paramref name="from"/> into <paramref name="to"/> in the month starting on
    /// <paramref name="month"/>: the pair's row of that month (a row quoted the other way round is inverted); without a
    /// row between the two currencies, the cross rate through EUR (from → EUR, EUR → to). A month after a pair's last row
    /// takes that last rate (<see cref="ExchangeRateQuote.Held"/>); a month before its first row, or in a gap between two
    /// rows, has none. <see langword="null"/> when no rate applies.
    /// </summary>
    internal ExchangeRateQuote? FindExchangeRate(string from, string to, DateOnly month)
    {
        if (from == to)
        {
            return new ExchangeRateQuote(from, to, month, 1m, [], false);
        }

        if (Leg(from, to, month) is { } direct)
        {
            return direct;
        }

        if (from == PivotCurrency || to == PivotCurrency)
        {
            return null;
        }

        return Leg(from, PivotCurrency, month) is { } first && Leg(PivotCurrency, to, month) is { } second
            ? new ExchangeRateQuote(from, to, month, first.ToPerFrom * second.ToPerFrom, [.. first.Rows, .. second.Rows], first.Held || second.Held)
            : null;
    }

    /// <summary>The error for a month without a rate: the pair, the month, and the months the table covers.</summary>
    internal PricingLookupException NoExchangeRate(string from, string to, DateOnly month)
    {
        string Covered(string a, string b)
        {
            var rows = ratesByPair.GetValueOrDefault((a, b)) ?? ratesByPair.GetValueOrDefault((b, a));
            return rows is null
                ? $"no {a}/{b} rate"
                : $"{rows[0].BaseCurrency}/{rows[0].QuoteCurrency} from {Month(rows[0].Month)} to {Month(rows[^1].Month)}";
        }

        var covered = from == PivotCurrency || to == PivotCurrency || ratesByPair.ContainsKey((from, to)) || ratesByPair.ContainsKey((to, from))
            ? Covered(from, to)
            : $"{Covered(from, PivotCurrency)} and {Covered(PivotCurrency, to)} (a cross rate goes through {PivotCurrency})";
        return new PricingLookupException(string.Create(
            CultureInfo.InvariantCulture,
            $"No exchange rate from {from} to {to} for {Month(month)}: exchange_rates.csv has {covered}, and a month after a pair's last rate takes that rate; add a row for {Month(month)} or give the scenario's exchangeRates."));
    }

    private static Dictionary<(string Base, string Quote), ExchangeRate[]> IndexExchangeRates(IReadOnlyList<ExchangeRate> rates) =>
        rates.GroupBy(r => (r.BaseCurrency, r.QuoteCurrency)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Month).ToArray());

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>One pair's rate for a month, either way round: units of <paramref name="to"/> per unit of <paramref name="from"/>.</summary>
    private ExchangeRateQuote? Leg(string from, string to, DateOnly month)
    {
        var inverse = false;
        if (!ratesByPair.TryGetValue((from, to), out var rows))
        {
            if (!ratesByPair.TryGetValue((to, from), out rows))
            {
                return null;
            }

            inverse = true;
        }

        var first = new DateOnly(month.Year, month.Month, 1);
        ExchangeRate? row = null;
        var held = false;
        if (first > rows[^1].Month)
        {
            row = rows[^1];
            held = true;
        }
        else
        {
            row = Array.Find(rows, r => r.Month == first);
        }

        return row is null ? null : new ExchangeRateQuote(from, to, first, inverse ? 1m / row.QuotePerBase : row.QuotePerBase, [row], held);
    }
}

/// <summary>The rate that converts a price from one currency into another in a month, and the rows it comes from.</summary>
/// <param name="From">The currency of the price.</param>
/// <param name="To">The currency it is converted into.</param>
/// <param name="Month">The month's first day.</param>
/// <param name="ToPerFrom">Units of <paramref name="To"/> per unit of <paramref name="From"/>.</param>
/// <param name="Rows">The table rows used: none for the same currency, one for a pair, two for a cross rate.</param>
/// <param name="Held">Whether the month is after the last published rate of a pair used, whose last rate is held.</param>
internal sealed record ExchangeRateQuote(string From, string To, DateOnly Month, decimal ToPerFrom, IReadOnlyList<ExchangeRate> Rows, bool Held);
