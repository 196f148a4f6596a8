namespace LlmTco.Timeline;

/// <summary>One thing a result rests on: a table row used, an estimate made, a default taken, or a warning.</summary>
/// <param name="Option">The option it concerns, or <see langword="null"/> for the whole scenario.</param>
/// <param name="Kind">What kind of statement it is.</param>
/// <param name="Text">The statement, in words.</param>
/// <param name="SourceUrl">Where the figure comes from, for table rows.</param>
public sealed record Assumption(string? Option, AssumptionKind Kind, string Text, Uri? SourceUrl = null);
