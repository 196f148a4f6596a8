namespace LlmTco.Timeline;

/// <summary>What kind of statement an <see cref="Assumption"/> is.</summary>
public enum AssumptionKind
{
    /// <summary>A price or figure taken from a catalog row, with its source.</summary>
    TableRow = 0,

    /// <summary>A figure estimated by a formula, not taken from a table (e.g. roofline throughput).</summary>
    Estimate = 1,

    /// <summary>A default or modelling choice the result depends on.</summary>
    Choice = 2,

    /// <summary>Something the reader should check (a stale price, a price beyond the last known one).</summary>
    Warning = 3,
}
