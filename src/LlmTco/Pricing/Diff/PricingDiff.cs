using System.Globalization;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing.Diff;

/// <summary>
/// Compares two versions of the pricing tables, e.g. the committed folder and an edited copy, to review an update
/// before committing it: which rows were added, removed and changed (matched by key), old → new per cell with the
/// percent change of numbers, and for a new row in a price history, how its prices differ from the row it follows.
/// </summary>
/// <remarks>
/// Cells are compared as the CSV files write them; numbers are compared by value, so <c>0.50</c> and <c>0.5</c> are the
/// same. Keys compare case-insensitively, as when loading.
/// <threadsafety>Stateless; safe to call from many threads at once.</threadsafety>
/// </remarks>
public static class PricingDiff
{
    private static readonly HashSet<string> NotPartOfAPriceChange = new(StringComparer.Ordinal) { "effective_to", "notes", "source_url", "checked_on" };

    /// <summary>Compares every table of two catalogs.</summary>
    /// <param name="oldCatalog">The tables before the change.</param>
    /// <param name="newCatalog">The tables after the change.</param>
    /// <returns>Every difference; empty when the catalogs hold the same rows.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static PricingDiffResult Compare(PricingCatalog oldCatalog, PricingCatalog newCatalog)
    {
        ArgumentNullException.ThrowIfNull(oldCatalog);
        ArgumentNullException.ThrowIfNull(newCatalog);
        var rows = new List<PricingRowChange>();
        rows.AddRange(CompareTable(PricingTables.ApiPrices, oldCatalog.ApiPrices, newCatalog.ApiPrices, ApiSeries));
        rows.AddRange(CompareTable(PricingTables.Gpus, oldCatalog.Gpus, newCatalog.Gpus, null));
        rows.AddRange(CompareTable(PricingTables.GpuRentals, oldCatalog.GpuRentalOffers, newCatalog.GpuRentalOffers, RentalSeries));
        rows.AddRange(CompareTable(PricingTables.OpenModels, oldCatalog.OpenModels, newCatalog.OpenModels, null));
        rows.AddRange(CompareTable(PricingTables.Benchmarks, oldCatalog.ThroughputBenchmarks, newCatalog.ThroughputBenchmarks, null));
        rows.AddRange(CompareTable(PricingTables.Storage, oldCatalog.StoragePrices, newCatalog.StoragePrices, null));
        rows.AddRange(CompareTable(PricingTables.Egress, oldCatalog.EgressPrices, newCatalog.EgressPrices, null));
        rows.AddRange(CompareTable(PricingTables.Electricity, oldCatalog.ElectricityPrices, newCatalog.ElectricityPrices, null));
        rows.AddRange(CompareTable(PricingTables.Hosting, oldCatalog.HostingPrices, newCatalog.HostingPrices, null));
        rows.AddRange(CompareTable(PricingTables.Pue, oldCatalog.PueFigures, newCatalog.PueFigures, null));
        rows.AddRange(CompareTable(PricingTables.ExchangeRates, oldCatalog.ExchangeRates, newCatalog.ExchangeRates, null));
        return new PricingDiffResult(rows);
    }

    /// <summary>A price history: the series a dated row belongs to, and its start.</summary>
    private static (string Series, DateOnly From) ApiSeries(ApiPrice p) =>
        (string.Join('\u001f', p.Provider, p.ModelId, Words.ToWord(p.ServiceTier), p.ContextThresholdTokens.ToString(CultureInfo.InvariantCulture)).ToUpperInvariant(), p.EffectiveFrom);

    private static (string Series, DateOnly From) RentalSeries(GpuRentalOffer o) =>
        (string.Join('\u001f', o.Provider, o.Sku, Words.ToWord(o.Plan), o.Region).ToUpperInvariant(), o.EffectiveFrom);

    private static List<PricingRowChange> CompareTable<T>(CsvTable<T> table, IReadOnlyList<T> oldRows, IReadOnlyList<T> newRows, Func<T, (string Series, DateOnly From)>? series)
        where T : class
    {
        var before = Cells(table, oldRows);
        var after = Cells(table, newRows);
        var keyColumns = table.KeyDescription.Split(", ").ToHashSet(StringComparer.Ordinal);
        var changes = new List<PricingRowChange>();
        foreach (var (key, row) in after)
        {
            if (!before.TryGetValue(key, out var old))
            {
                var added = new PricingRowChange(table.FileName, RowKeys.Describe(row.Row), PricingChangeKind.Added, NonBlank(table, row.Values, isNew: true));
                if (series is not null && Previous(row.Row, newRows, series) is { } previous)
                {
                    var previousCells = after[table.KeyOf(previous)].Values;
                    added = added with
                    {
                        PreviousKey = RowKeys.Describe(previous),
                        ChangesFromPrevious = Differences(table, previousCells, row.Values, c => !keyColumns.Contains(c) && !NotPartOfAPriceChange.Contains(c)),
                    };
                }

                changes.Add(added);
            }
            else if (Differences(table, old.Values, row.Values, _ => true) is { Count: > 0 } cells)
            {
                changes.Add(new PricingRowChange(table.FileName, RowKeys.Describe(row.Row), PricingChangeKind.Changed, cells));
            }
        }

        foreach (var (key, row) in before.Where(b => !after.ContainsKey(b.Key)))
        {
            changes.Add(new PricingRowChange(table.FileName, RowKeys.Describe(row.Row), PricingChangeKind.Removed, NonBlank(table, row.Values, isNew: false)));
        }

        return changes.OrderBy(c => c.Key, StringComparer.Ordinal).ThenBy(c => c.Kind).ToList();
    }

    private static T? Previous<T>(T row, IReadOnlyList<T> rows, Func<T, (string Series, DateOnly From)> series)
        where T : class
    {
        var (name, from) = series(row);
        return rows
            .Where(r => series(r) is var s && s.Series == name && s.From < from)
            .MaxBy(r => series(r).From);
    }

    private static List<PricingCellChange> NonBlank<T>(CsvTable<T> table, string[] values, bool isNew)
        where T : class =>
        table.Columns
            .Select((column, i) => (column, value: values[i]))
            .Where(c => c.value.Length > 0)
            .Select(c => isNew ? new PricingCellChange(c.column, null, c.value) : new PricingCellChange(c.column, c.value, null))
            .ToList();

    private static List<PricingCellChange> Differences<T>(CsvTable<T> table, string[] oldValues, string[] newValues, Func<string, bool> include)
        where T : class
    {
        var cells = new List<PricingCellChange>();
        for (var i = 0; i < table.Columns.Count; i++)
        {
            var column = table.Columns[i];
            if (include(column) && !Same(oldValues[i], newValues[i], table.NumericColumns.Contains(column)))
            {
                cells.Add(new PricingCellChange(column, oldValues[i], newValues[i]));
            }
        }

        return cells;
    }

    private static bool Same(string oldValue, string newValue, bool numeric)
    {
        if (string.Equals(oldValue, newValue, StringComparison.Ordinal))
        {
            return true;
        }

        return numeric
            && decimal.TryParse(oldValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var a)
            && decimal.TryParse(newValue, NumberStyles.Float, CultureInfo.InvariantCulture, out var b)
            && a == b;
    }

    /// <summary>Each row's cells as the CSV writer formats them, keyed by the row's key, in the table's column order.</summary>
    private static Dictionary<string, (T Row, string[] Values)> Cells<T>(CsvTable<T> table, IReadOnlyList<T> rows)
        where T : class =>
        rows.ToDictionary(table.KeyOf, r => (r, table.Format(r)), StringComparer.Ordinal);
}
