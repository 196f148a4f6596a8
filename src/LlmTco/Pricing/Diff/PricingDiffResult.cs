namespace LlmTco.Pricing.Diff;

/// <summary>What differs between two versions of the pricing tables, row by row, in table order.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class PricingDiffResult
{
    internal PricingDiffResult(IReadOnlyList<PricingRowChange> rows) => Rows = rows;

    /// <summary>Gets every added, removed or changed row: tables in their documented order, rows by key within a table.</summary>
    public IReadOnlyList<PricingRowChange> Rows { get; }

    /// <summary>Gets a value indicating whether the two versions hold the same rows with the same values.</summary>
    public bool IsEmpty => Rows.Count == 0;

    /// <summary>Gets the number of rows of a kind.</summary>
    /// <param name="kind">Added, removed or changed.</param>
    /// <returns>The count, over every table.</returns>
    public int Count(PricingChangeKind kind) => Rows.Count(r => r.Kind == kind);
}
