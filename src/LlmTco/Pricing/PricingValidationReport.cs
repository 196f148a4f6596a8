namespace LlmTco.Pricing;

/// <summary>
/// The outcome of reading pricing tables: every problem found, a summary per table, and the catalog when there was
/// no error.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class PricingValidationReport
{
    internal PricingValidationReport(PricingCatalog? catalog, IReadOnlyList<PricingDiagnostic> diagnostics, IReadOnlyList<PricingTableSummary> tables)
    {
        Catalog = catalog;
        Diagnostics = diagnostics;
        Tables = tables;
    }

    /// <summary>Gets the loaded catalog, or <see langword="null"/> when any error was found.</summary>
    public PricingCatalog? Catalog { get; }

    /// <summary>Gets every error and warning, ordered by file, line and column.</summary>
    public IReadOnlyList<PricingDiagnostic> Diagnostics { get; }

    /// <summary>Gets a summary of each table, in a fixed order.</summary>
    public IReadOnlyList<PricingTableSummary> Tables { get; }

    /// <summary>Gets a value indicating whether no error was found (warnings allowed).</summary>
    public bool IsValid => Catalog is not null;

    /// <summary>Gets the errors only.</summary>
    public IEnumerable<PricingDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>Gets the warnings only.</summary>
    public IEnumerable<PricingDiagnostic> Warnings => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Warning);
}
