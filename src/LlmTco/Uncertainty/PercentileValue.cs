namespace LlmTco.Uncertainty;

/// <summary>One percentile of a Monte Carlo output.</summary>
/// <param name="Percentile">The percentile as a fraction: 0.1 is P10.</param>
/// <param name="Value">
/// The value below which that share of the trials lies, in the output's unit; <see langword="null"/> when the
/// percentile falls among trials without a finite answer (never breaking even within the horizon, no break-even volume).
/// </param>
public readonly record struct PercentileValue(double Percentile, double? Value);
