using System.Globalization;

namespace LlmTco.Pricing.Diff;

/// <summary>One cell of a row, old → new, as written in the CSV files.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
/// <param name="ColumnName">The CSV column, e.g. <c>input_per_mtok</c>.</param>
/// <param name="OldValue">The old cell text (empty for a blank cell), or <see langword="null"/> for an added row.</param>
/// <param name="NewValue">The new cell text (empty for a blank cell), or <see langword="null"/> for a removed row.</param>
public sealed record PricingCellChange(string ColumnName, string? OldValue, string? NewValue)
{
    /// <summary>
    /// Gets the change in percent, (new − old) ÷ old × 100, rounded to two decimals, e.g. −25 for a price cut from 2 to
    /// 1.5; <see langword="null"/> when either value is missing or not a number, the old value is 0, or the change is
    /// beyond what a <see cref="decimal"/> holds (from 10⁻²⁸ to 10, say).
    /// </summary>
    public decimal? PercentChange =>
        Number(OldValue) is { } before && Number(NewValue) is { } after && before != 0m && Fits(before, after)
            ? Math.Round((after - before) / before * 100m, 2, MidpointRounding.AwayFromZero)
            : null;

    /// <summary>Whether (new − old) and the percent change fit in a decimal, judged in doubles with a margin of a hundredfold.</summary>
    private static bool Fits(decimal before, decimal after)
    {
        var difference = Math.Abs((double)after - (double)before);
        return difference < 1e26 && difference / Math.Abs((double)before) * 100 < 1e26;
    }

    /// <summary>Formats the change as <c>column: old → new (+x %)</c>, with <c>(blank)</c> for an empty cell.</summary>
    /// <returns>The change, culture-invariant.</returns>
    public override string ToString()
    {
        var percent = PercentChange is { } p ? " (" + p.ToString("+0.##;-0.##;0", CultureInfo.InvariantCulture) + " %)" : string.Empty;
        return $"{ColumnName}: {Show(OldValue)} → {Show(NewValue)}{percent}";
    }

    private static string Show(string? value) => string.IsNullOrEmpty(value) ? "(blank)" : value;

    private static decimal? Number(string? text) =>
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? value : null;
}
