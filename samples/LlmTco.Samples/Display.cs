using System.Globalization;
using LlmTco.Timeline;

namespace LlmTco.Samples;

/// <summary>Culture-invariant formatting of money, volumes and months for people to read.</summary>
internal static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The minus sign (U+2212) that negative money starts with, before the currency symbol: −$100k, not $-100k.</summary>
    private const string Minus = "\u2212";

    /// <summary>
    /// A cost (a total, a month's bill, an NPV) in whole currency units, e.g. $14,125 or $850: the cents policy is
    /// that costs never show cents and prices per unit always do (<see cref="UnitPrice"/>).
    /// </summary>
    public static string Money(double amount, string currency) => WithSymbol(amount, Math.Abs(amount).ToString("N0", Invariant), currency);

    /// <summary>A price per unit (per 1M tokens, per GPU-hour) with cents, e.g. $2.85 or $0.15.</summary>
    public static string UnitPrice(double amount, string currency) => WithSymbol(amount, Math.Abs(amount).ToString("N2", Invariant), currency);

    /// <summary>
    /// The month convention used everywhere: the 1-based month in which a break-even falls and the interpolated time
    /// after the start, e.g. "month 35, 34.3 months after the start"; "from the start" for 0.
    /// </summary>
    public static string BreakEvenTime(double monthsFromStart) =>
        monthsFromStart <= 0 ? "from the start" : $"month {MonthOf(monthsFromStart)}, {Number(monthsFromStart, "N1")} months after the start";

    /// <summary>The short form of <see cref="BreakEvenTime"/> for table cells, e.g. "month 35 (34.3)", or "never".</summary>
    public static string BreakEvenCell(double? monthsFromStart) => monthsFromStart switch
    {
        null => "never",
        <= 0 => "from the start",
        { } t => $"month {MonthOf(t)} ({Number(t, "N1")})",
    };

    /// <summary>The 1-based month in which a time after the start falls, as the engine counts it (<see cref="BreakEvenPoint.Month"/>).</summary>
    public static int MonthOf(double monthsFromStart) => new BreakEvenPoint(BreakEvenOutcome.BreaksEven, monthsFromStart, null).Month!.Value;

    /// <summary>A plain quantity: whole numbers with thousands separators from 1,000, else at most two decimals (1.97, 2.27).</summary>
    public static string Quantity(double value) => Math.Abs(value) >= 1_000 ? value.ToString("N0", Invariant) : value.ToString("0.##", Invariant);

    public static string ShortMoney(double amount, string currency)
    {
        var symbol = Symbol(currency);
        var (value, suffix) = Scale(Math.Abs(amount));
        var text = value.ToString(value >= 100 ? "N0" : "0.#", Invariant) + suffix;
        var sign = amount < 0 && text != "0" ? Minus : string.Empty;
        return symbol.Length > 0 ? sign + symbol + text : $"{sign}{text} {currency}";
    }

    public static string Tokens(double tokens)
    {
        var (value, suffix) = Scale(tokens);
        return value.ToString(Math.Abs(value) >= 100 ? "N0" : "0.#", Invariant) + suffix + " tokens";
    }

    public static string Number(double value, string format = "N0") => value.ToString(format, Invariant);

    public static string Percent(double fraction) => fraction.ToString("P0", Invariant);

    private static string Symbol(string currency) => currency switch
    {
        "USD" => "$",
        "EUR" => "€",
        "GBP" => "£",
        _ => string.Empty,
    };

    private static string WithSymbol(double amount, string text, string currency)
    {
        var sign = amount < 0 && text.Any(c => c is >= '1' and <= '9') ? Minus : string.Empty;
        var symbol = Symbol(currency);
        return symbol.Length > 0 ? $"{sign}{symbol}{text}" : $"{sign}{text} {currency}";
    }

    private static (double Value, string Suffix) Scale(double amount) => Math.Abs(amount) switch
    {
        >= 1e12 => (amount / 1e12, "T"),
        >= 1e9 => (amount / 1e9, "B"),
        >= 1e6 => (amount / 1e6, "M"),
        >= 1e3 => (amount / 1e3, "k"),
        _ => (amount, string.Empty),
    };
}
