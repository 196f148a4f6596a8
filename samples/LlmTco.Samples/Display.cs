using System.Globalization;

namespace LlmTco.Samples;

/// <summary>Culture-invariant formatting of money, volumes and months for people to read.</summary>
internal static class Display
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>The minus sign (U+2212) that negative money starts with, before the currency symbol: −$100k, not $-100k.</summary>
    private const string Minus = "\u2212";

    public static string Money(double amount, string currency)
    {
        var symbol = currency switch
        {
            "USD" => "$",
            "EUR" => "€",
            "GBP" => "£",
            _ => string.Empty,
        };
        var abs = Math.Abs(amount);
        var text = abs >= 1_000 ? abs.ToString("N0", Invariant) : abs.ToString("N2", Invariant);
        var sign = amount < 0 ? Minus : string.Empty;
        return symbol.Length > 0 ? $"{sign}{symbol}{text}" : $"{sign}{text} {currency}";
    }

    public static string ShortMoney(double amount, string currency)
    {
        var symbol = currency == "USD" ? "$" : currency == "EUR" ? "€" : currency == "GBP" ? "£" : string.Empty;
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

    private static (double Value, string Suffix) Scale(double amount) => Math.Abs(amount) switch
    {
        >= 1e12 => (amount / 1e12, "T"),
        >= 1e9 => (amount / 1e9, "B"),
        >= 1e6 => (amount / 1e6, "M"),
        >= 1e3 => (amount / 1e3, "k"),
        _ => (amount, string.Empty),
    };
}
