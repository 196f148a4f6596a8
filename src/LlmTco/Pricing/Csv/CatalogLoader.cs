using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>Reads every table from a stack of sources, overlays them by key, and checks rows and references.</summary>
internal static class CatalogLoader
{
    public static PricingValidationReport Load(IReadOnlyList<PricingSource> layers)
    {
        var diagnostics = new List<PricingDiagnostic>();
        var summaries = new List<PricingTableSummary>();

        var failed = new HashSet<string>(StringComparer.Ordinal);
        var api = LoadTable(PricingTables.ApiPrices, layers, diagnostics, summaries, failed);
        var gpus = LoadTable(PricingTables.Gpus, layers, diagnostics, summaries, failed);
        var rentals = LoadTable(PricingTables.GpuRentals, layers, diagnostics, summaries, failed);
        var models = LoadTable(PricingTables.OpenModels, layers, diagnostics, summaries, failed);
        var benchmarks = LoadTable(PricingTables.Benchmarks, layers, diagnostics, summaries, failed);
        var storage = LoadTable(PricingTables.Storage, layers, diagnostics, summaries, failed);
        var egress = LoadTable(PricingTables.Egress, layers, diagnostics, summaries, failed);
        var electricity = LoadTable(PricingTables.Electricity, layers, diagnostics, summaries, failed);
        var hosting = LoadTable(PricingTables.Hosting, layers, diagnostics, summaries, failed);
        var pue = LoadTable(PricingTables.Pue, layers, diagnostics, summaries, failed);

        // Tables kept before exchange rates existed have no exchange_rates.csv: without it, every price must be in the
        // scenario's currency, as before (a price that needs a rate names the pair and month), so it may be absent.
        var rates = LoadTable(PricingTables.ExchangeRates, layers, diagnostics, summaries, failed, optional: true);

        TableRules.CheckApiPrices(api, diagnostics);
        TableRules.CheckGpus(gpus, diagnostics);
        TableRules.CheckOpenModels(models, diagnostics);
        TableRules.CheckExchangeRates(rates, diagnostics);
        ConsistencyRules.CheckApiPrices(api, diagnostics);
        ConsistencyRules.CheckSupersededModels(api, diagnostics);
        ConsistencyRules.CheckRentals(rentals, diagnostics);
        ConsistencyRules.CheckGpus(gpus, diagnostics);
        // A table that failed to load would make every reference to it look dangling: check only against clean tables.
        TableRules.CheckReferences(
            failed.Contains(PricingTables.Gpus.FileName) ? null : gpus,
            failed.Contains(PricingTables.OpenModels.FileName) ? null : models,
            rentals,
            benchmarks,
            diagnostics);

        foreach (var layer in layers)
        {
            foreach (var file in layer.ListCsvFiles().Where(f => !PricingTables.FileNames.Contains(f, StringComparer.Ordinal)))
            {
                diagnostics.Add(new PricingDiagnostic(
                    file, 0, 0, null, null,
                    $"'{file}' in {layer.Description} is not a pricing table and is ignored{NameSuggester.DidYouMean(file, PricingTables.FileNames)}",
                    DiagnosticSeverity.Warning));
            }
        }

        var ordered = diagnostics
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        PricingCatalog? catalog = null;
        if (ordered.All(d => d.Severity != DiagnosticSeverity.Error))
        {
            catalog = new PricingCatalog(
                Rows(api), Rows(gpus), Rows(rentals), Rows(models), Rows(benchmarks),
                Rows(storage), Rows(egress), Rows(electricity), Rows(hosting), Rows(pue), Rows(rates))
            {
                Locations = Locate(api, gpus, rentals, models, benchmarks, storage, egress, electricity, hosting, pue, rates),
            };
        }

        return new PricingValidationReport(catalog, ordered, summaries);
    }

    private static List<T> Rows<T>(List<LoadedRow<T>> rows) => rows.Select(r => r.Row).ToList();

    private static Dictionary<object, ILocatedRow> Locate(params IEnumerable<ILocatedRow>[] tables) =>
        tables.SelectMany(t => t).ToDictionary(r => r.Value, ReferenceEqualityComparer.Instance);

    private static List<LoadedRow<T>> LoadTable<T>(
        CsvTable<T> table,
        IReadOnlyList<PricingSource> layers,
        List<PricingDiagnostic> diagnostics,
        List<PricingTableSummary> summaries,
        HashSet<string> failed,
        bool optional = false)
        where T : class, ISourcedRow
    {
        var errorsBefore = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var merged = new List<LoadedRow<T>>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        var overridden = 0;
        for (var i = 0; i < layers.Count; i++)
        {
            TextReader? reader = null;
            var displayName = layers[i].DisplayName(table.FileName);
            try
            {
                reader = layers[i].Open(table.FileName);
            }
            catch (UnreadableTableException ex)
            {
                diagnostics.Add(new PricingDiagnostic(displayName, ex.Line, 0, null, null, ex.Reason, DiagnosticSeverity.Error));
                failed.Add(table.FileName);
                continue;
            }

            using var disposeReader = reader;
            if (reader is null)
            {
                if (i == 0 && !optional)
                {
                    diagnostics.Add(new PricingDiagnostic(
                        displayName, 0, 0, null, null,
                        $"the table file is missing from {layers[i].Description}; expected a CSV file with the header: {string.Join(',', table.Columns)}",
                        DiagnosticSeverity.Error));
                }

                continue;
            }

            var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var row in table.Read(reader, displayName, diagnostics))
            {
                var key = table.KeyOf(row.Row);
                if (firstLineOfKey.TryGetValue(key, out var firstLine))
                {
                    diagnostics.Add(new PricingDiagnostic(
                        displayName, row.Line, 1, null, null,
                        string.Create(CultureInfo.InvariantCulture, $"duplicate row: line {firstLine} has the same {table.KeyDescription}"),
                        DiagnosticSeverity.Error));
                    continue;
                }

                firstLineOfKey[key] = row.Line;
                if (index.TryGetValue(key, out var position))
                {
                    merged[position] = row;
                    overridden++;
                }
                else
                {
                    index[key] = merged.Count;
                    merged.Add(row);
                }
            }
        }

        if (diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error) > errorsBefore)
        {
            failed.Add(table.FileName);
        }

        var checkedOn = merged.Select(r => r.Row.CheckedOn).ToList();
        summaries.Add(new PricingTableSummary(
            table.FileName,
            merged.Count,
            overridden,
            checkedOn.Count == 0 ? null : checkedOn.Min(),
            checkedOn.Count == 0 ? null : checkedOn.Max())
        {
            PrimarySourceRowCount = merged.Count(r => r.Row.SourceKind == SourceKind.Primary),
            SecondarySourceRowCount = merged.Count(r => r.Row.SourceKind == SourceKind.Secondary),
            ObservedEffectiveFromRowCount = merged.Count(r => r.Row switch
            {
                ApiPrice p => p.EffectiveFromBasis == EffectiveDateBasis.Observed,
                GpuRentalOffer o => o.EffectiveFromBasis == EffectiveDateBasis.Observed,
                _ => false,
            }),
        });
        return merged;
    }
}
