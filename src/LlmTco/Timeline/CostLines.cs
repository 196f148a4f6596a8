namespace LlmTco.Timeline;

/// <summary>Facts about the <see cref="CostLine"/> enum that the code relies on, derived from it rather than written out.</summary>
internal static class CostLines
{
    /// <summary>
    /// Gets the number of cost lines: the length of a month's line array, which <see cref="MonthResult.Cost"/> indexes
    /// by <c>(int)line</c>, so the lines are numbered 0 to <see cref="Count"/> − 1.
    /// </summary>
    public static int Count { get; } = Enum.GetValues<CostLine>().Length;

    /// <summary>
    /// A month's cost per million tokens: its total less the two end-of-horizon lines (the commitment beyond the horizon
    /// and the resale, which pay for or return other months' capacity) ÷ tokens ÷ 10⁶; <see langword="null"/> without tokens.
    /// </summary>
    public static double? PerMillionTokens(double total, double commitmentBeyondHorizon, double residualValue, double tokens) =>
        tokens > 0 ? (total - commitmentBeyondHorizon - residualValue) / (tokens / 1e6) : null;
}
