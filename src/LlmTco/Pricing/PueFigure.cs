namespace LlmTco.Pricing;

/// <summary>
/// One row of <c>pue_figures.csv</c>: a published power usage effectiveness (facility power ÷ IT power, at least 1).
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record PueFigure : ISourcedRow
{
    /// <summary>Gets the figure's id, e.g. <c>uptime-global-average-2024</c> (column <c>name</c>).</summary>
    public required string Name { get; init; }

    /// <summary>Gets the power usage effectiveness, a ratio of at least 1 (column <c>pue</c>).</summary>
    public required decimal Pue { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
