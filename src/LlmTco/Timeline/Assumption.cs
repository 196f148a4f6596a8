using LlmTco.Pricing;

namespace LlmTco.Timeline;

/// <summary>One thing a result rests on: a table row used, an estimate made, a default taken, or a warning.</summary>
/// <param name="Option">The option it concerns, or <see langword="null"/> for the whole scenario.</param>
/// <param name="Kind">What kind of statement it is.</param>
/// <param name="Text">The statement, in words.</param>
/// <param name="SourceUrl">Where the figure comes from, for table rows.</param>
public sealed record Assumption(string? Option, AssumptionKind Kind, string Text, Uri? SourceUrl = null)
{
    /// <summary>Gets the catalog row a <see cref="AssumptionKind.TableRow"/> statement was read from, for the staleness check.</summary>
    internal ISourcedRow? Row { get; init; }

    /// <summary>Gets the column of <see cref="Row"/> that dates the figure used: <c>checked_on</c> or <c>purchase_checked_on</c>.</summary>
    internal string RowDateColumn { get; init; } = PricingCatalog.CheckedOnColumn;
}
