using System.Globalization;
using LlmTco.Pricing;

namespace LlmTco.Samples;

/// <summary>The sentence that says a run used a <c>--pricing</c> overlay: its folder, and each table's rows in it.</summary>
internal static class PricingOverlay
{
    /// <summary>
    /// Names the overlay folder and, for each table it holds, how many rows it brought and how many of them replaced a
    /// bundled row (same key). A table's own rows are its rows after the overlay, less the bundled ones, plus those replaced.
    /// </summary>
    public static string Describe(string folder, IReadOnlyList<string> tables, PricingValidationReport overlaid)
    {
        ArgumentNullException.ThrowIfNull(overlaid);
        var bundled = PricingCatalog.Validate(PricingSource.Embedded).Tables.ToDictionary(t => t.FileName, t => t.RowCount, StringComparer.Ordinal);
        var parts = tables.Select(table =>
        {
            var summary = overlaid.Tables.Single(t => t.FileName == table);
            var own = summary.RowCount - bundled[table] + summary.OverriddenRowCount;
            return string.Create(CultureInfo.InvariantCulture, $"{table} {own} {(own == 1 ? "row" : "rows")} ({summary.OverriddenRowCount} replacing bundled rows)");
        });
        return $"Pricing: the bundled tables, overlaid with {Path.GetFullPath(folder)}: {string.Join(", ", parts)}.";
    }
}
