namespace LlmTco.Timeline;

/// <summary>Facts about the <see cref="CostLine"/> enum that the code relies on, derived from it rather than written out.</summary>
internal static class CostLines
{
    /// <summary>
    /// Gets the number of cost lines: the length of a month's line array, which <see cref="MonthResult.Cost"/> indexes
    /// by <c>(int)line</c>, so the lines are numbered 0 to <see cref="Count"/> − 1.
    /// </summary>
    public static int Count { get; } = Enum.GetValues<CostLine>().Length;
}
