namespace LlmTco.Uncertainty;

/// <summary>
/// One input's swing in a tornado analysis: the input at its P10 and at its P90 (inverse cumulative distribution), every
/// other uncertain input at its median.
/// </summary>
/// <param name="Path">The input's path.</param>
/// <param name="Label">The input's label (its path when it has none).</param>
/// <param name="LowInputValue">The input's P10, in its unit (rounded for whole-number inputs).</param>
/// <param name="HighInputValue">The input's P90.</param>
/// <param name="BreakEvenMonthAtLow">The break-even time in months from the start with the input at P10, or <see langword="null"/> when never within the horizon.</param>
/// <param name="BreakEvenMonthAtHigh">The break-even time with the input at P90, or <see langword="null"/>.</param>
/// <param name="NpvDifferenceAtLow">NPV(self-hosted) − NPV(API) with the input at P10.</param>
/// <param name="NpvDifferenceAtHigh">NPV(self-hosted) − NPV(API) with the input at P90.</param>
/// <param name="BreakEvenMonthSwing">|break-even at P90 − break-even at P10| in months, counting "never within the horizon" as the horizon.</param>
/// <param name="NpvDifferenceSwing">|NPV difference at P90 − at P10|, in the scenario currency.</param>
public sealed record TornadoBar(
    string Path,
    string Label,
    double LowInputValue,
    double HighInputValue,
    double? BreakEvenMonthAtLow,
    double? BreakEvenMonthAtHigh,
    double NpvDifferenceAtLow,
    double NpvDifferenceAtHigh,
    double BreakEvenMonthSwing,
    double NpvDifferenceSwing);
