namespace LlmTco.Pricing.Diff;

/// <summary>One row added, removed or changed between two versions of a pricing table.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
/// <param name="FileName">The table's file name, e.g. <c>api_prices.csv</c>.</param>
/// <param name="Key">
/// The row's key: its key columns' values in the documented order, e.g. <c>openai, o3-2025-04-16, standard, 0, 2025-06-10</c>.
/// </param>
/// <param name="Kind">Whether the row was added, removed or changed.</param>
/// <param name="Cells">
/// For a changed row, each cell that differs; for an added row, every non-blank cell (old value <see langword="null"/>);
/// for a removed row, every non-blank cell (new value <see langword="null"/>).
/// </param>
public sealed record PricingRowChange(string FileName, string Key, PricingChangeKind Kind, IReadOnlyList<PricingCellChange> Cells)
{
    /// <summary>
    /// Gets the key of the row an added row follows in a price history (the same API model, service tier and context
    /// tier, or the same GPU rental offer, with the latest earlier <c>effective_from</c> in the new tables);
    /// <see langword="null"/> when the row starts a new history or is not an added row.
    /// </summary>
    public string? PreviousKey { get; init; }

    /// <summary>
    /// Gets, for an added row that follows another (<see cref="PreviousKey"/>), the cells that differ from that row,
    /// leaving out the key, <c>effective_to</c>, <c>notes</c>, <c>source_url</c> and <c>checked_on</c>: the price change
    /// itself, e.g. <c>input_per_mtok: 2 → 1.5 (-25 %)</c>.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<PricingCellChange> ChangesFromPrevious { get; init; } = [];
}
