using System.Globalization;

namespace LlmTco.Pricing;

/// <summary>What was loaded from one pricing table: its row count and how recently its sources were checked.</summary>
/// <param name="FileName">The table's file name, e.g. <c>api_prices.csv</c>.</param>
/// <param name="RowCount">The number of valid rows after overlaying every source.</param>
/// <param name="OverriddenRowCount">The number of rows replaced by a later source's row with the same key.</param>
/// <param name="OldestCheckedOn">The oldest <c>checked_on</c> date, or <see langword="null"/> when there are no rows.</param>
/// <param name="NewestCheckedOn">The newest <c>checked_on</c> date, or <see langword="null"/> when there are no rows.</param>
public sealed record PricingTableSummary(
    string FileName,
    int RowCount,
    int OverriddenRowCount,
    DateOnly? OldestCheckedOn,
    DateOnly? NewestCheckedOn)
{
    /// <summary>Formats a one-line summary, e.g. <c>gpus.csv: 7 rows, checked 2026-11-29 to 2026-11-29</c>.</summary>
    /// <returns>The summary, culture-invariant.</returns>
    public override string ToString()
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"{FileName}: {RowCount} rows");
        if (OverriddenRowCount > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $" ({OverriddenRowCount} overridden)");
        }

        if (OldestCheckedOn is { } oldest && NewestCheckedOn is { } newest)
        {
            text += string.Create(CultureInfo.InvariantCulture, $", sources checked {oldest:yyyy-MM-dd} to {newest:yyyy-MM-dd}");
        }

        return text;
    }
}
