using System.Globalization;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <content>Staleness: rows whose source was read too long ago.</content>
public sealed partial class PricingCatalog
{
    /// <summary>The age, in days, after which a row's <c>checked_on</c> date makes it stale: 180.</summary>
    public const int DefaultMaxAgeDays = 180;

    /// <summary>Gets where each row was read (keyed by the row instance), to point warnings at its cells.</summary>
    internal IReadOnlyDictionary<object, ILocatedRow> Locations { get; init; } = new Dictionary<object, ILocatedRow>(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// Finds the rows whose source was read more than <paramref name="maxAgeDays"/> days before
    /// <paramref name="asOf"/>: every table's <c>checked_on</c>, and a GPU's <c>purchase_checked_on</c>. Prices change
    /// every month, so an old row deserves a fresh look at its source before it is trusted.
    /// </summary>
    /// <param name="asOf">The day to measure the age from, usually today (UTC).</param>
    /// <param name="maxAgeDays">The largest age, in days, that is not stale.</param>
    /// <returns>
    /// One warning per stale date, pointing at its cell (<c>file:line:column</c>), naming the table, the row's key and
    /// the date, ordered by file and line; empty when nothing is stale.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxAgeDays"/> is negative.</exception>
    public IReadOnlyList<PricingDiagnostic> FindStaleRows(DateOnly asOf, int maxAgeDays = DefaultMaxAgeDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxAgeDays);
        var rows = ApiPrices.Cast<ISourcedRow>()
            .Concat(Gpus).Concat(GpuRentalOffers).Concat(OpenModels).Concat(ThroughputBenchmarks)
            .Concat(StoragePrices).Concat(EgressPrices).Concat(ElectricityPrices).Concat(HostingPrices).Concat(PueFigures);
        var stale = new List<PricingDiagnostic>();
        foreach (var row in rows)
        {
            if (StaleWarning(row, CheckedOnColumn, asOf, maxAgeDays) is { } warning)
            {
                stale.Add(warning);
            }

            if (row is Gpu { PurchaseCheckedOn: not null } && StaleWarning(row, PurchaseCheckedOnColumn, asOf, maxAgeDays) is { } purchase)
            {
                stale.Add(purchase);
            }
        }

        return stale
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
    }

    /// <summary>The column holding the date a row's source was read.</summary>
    internal const string CheckedOnColumn = "checked_on";

    /// <summary>The column holding the date a GPU's purchase price was read.</summary>
    internal const string PurchaseCheckedOnColumn = "purchase_checked_on";

    /// <summary>
    /// A warning when one dated cell of a row (<see cref="CheckedOnColumn"/>, or a GPU's
    /// <see cref="PurchaseCheckedOnColumn"/>) is older than <paramref name="maxAgeDays"/>; otherwise <see langword="null"/>.
    /// </summary>
    internal PricingDiagnostic? StaleWarning(ISourcedRow row, string column, DateOnly asOf, int maxAgeDays)
    {
        var purchase = column == PurchaseCheckedOnColumn;
        DateOnly? checkedOn = purchase ? (row as Gpu)?.PurchaseCheckedOn : row.CheckedOn;
        if (checkedOn is not { } date || asOf.DayNumber - date.DayNumber <= maxAgeDays)
        {
            return null;
        }

        var age = asOf.DayNumber - date.DayNumber;
        var what = purchase ? "the purchase price of" : "the source of";
        var reread = purchase ? "purchase_source_url" : "source_url";
        var message = string.Create(
            CultureInfo.InvariantCulture,
            $"stale: {what} '{RowKeys.Describe(row)}' was checked on {RowKeys.Iso(date)}, {age} days before {RowKeys.Iso(asOf)} (more than {maxAgeDays}); re-read its {reread} and update {column}");
        return Locations.TryGetValue(row, out var location)
            ? location.Warning(column, RowKeys.Iso(date), message)
            : new PricingDiagnostic(RowKeys.FileName(row), 0, 0, column, RowKeys.Iso(date), message, DiagnosticSeverity.Warning);
    }
}
