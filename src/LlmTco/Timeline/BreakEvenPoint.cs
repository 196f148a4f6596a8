namespace LlmTco.Timeline;

/// <summary>
/// When self-hosting's cumulative cost falls to the API's and stays at or below it to the horizon, interpolated
/// linearly inside the month in which it happens.
/// </summary>
/// <param name="Outcome">Whether and how it breaks even.</param>
/// <param name="MonthsFromStart">
/// The time of break-even in months from the start (e.g. 13.4 is 40 % into month 14), 0 when cheaper from the start,
/// <see langword="null"/> when never within the horizon.
/// </param>
/// <param name="CumulativeCost">Both options' cumulative cost at that time, or <see langword="null"/>.</param>
public sealed record BreakEvenPoint(BreakEvenOutcome Outcome, double? MonthsFromStart, double? CumulativeCost)
{
    /// <summary>Gets the 1-based month in which break-even happens (month 1 when cheaper from the start), or <see langword="null"/>.</summary>
    public int? Month => MonthsFromStart is { } t ? Math.Max(1, (int)Math.Ceiling(t)) : null;
}
