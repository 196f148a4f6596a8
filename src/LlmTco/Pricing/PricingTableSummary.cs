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
    /// <summary>Gets the number of rows whose <c>source_kind</c> is <c>primary</c> (the publisher's own page).</summary>
    /// <value>The default value is 0.</value>
    public int PrimarySourceRowCount { get; init; }

    /// <summary>Gets the number of rows whose <c>source_kind</c> is <c>secondary</c> (a copy of the figures).</summary>
    /// <value>The default value is 0.</value>
    public int SecondarySourceRowCount { get; init; }

    /// <summary>
    /// Gets the number of rows whose <c>effective_from</c> is only the day a source was seen showing the price
    /// (<c>effective_from_basis</c> = <c>observed</c>), in the tables that have that column.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int ObservedEffectiveFromRowCount { get; init; }

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

        if (PrimarySourceRowCount + SecondarySourceRowCount > 0)
        {
            var unstated = RowCount - PrimarySourceRowCount - SecondarySourceRowCount;
            text += string.Create(CultureInfo.InvariantCulture, $"; primary sources {PrimarySourceRowCount} of {RowCount} ({100.0 * PrimarySourceRowCount / RowCount:0} %)");
            if (unstated > 0)
            {
                text += string.Create(CultureInfo.InvariantCulture, $", {unstated} without source_kind");
            }
        }

        if (ObservedEffectiveFromRowCount > 0)
        {
            text += string.Create(CultureInfo.InvariantCulture, $"; {ObservedEffectiveFromRowCount} dated only by observation (effective_from_basis observed)");
        }

        return text;
    }
}
