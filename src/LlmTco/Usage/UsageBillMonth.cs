namespace LlmTco.Usage;

/// <summary>One month of a reconstructed bill, all models together.</summary>
/// <param name="Month">The first day of the calendar month (UTC).</param>
/// <param name="Cost">The reconstructed cost, in the price rows' currency.</param>
/// <param name="ReportedCost">The exports' own cost: of the entries that carry one, plus the costs reported by day
/// (<see cref="UsageAnalyzer.AddReportedCosts"/>); <see langword="null"/> when there is none.</param>
/// <param name="ReportedDifference">The exports' own cost minus the reconstructed cost of the same entries (for costs
/// reported by day: of all the provider's entries of the month), or <see langword="null"/>.</param>
/// <param name="LargestDifferences">Up to three lines of the month with the largest absolute difference, largest first;
/// empty when the export carries no cost.</param>
public sealed record UsageBillMonth(
    DateOnly Month,
    double Cost,
    double? ReportedCost,
    double? ReportedDifference,
    IReadOnlyList<UsageBillLine> LargestDifferences);
