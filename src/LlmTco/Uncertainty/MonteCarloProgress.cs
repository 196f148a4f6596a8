namespace LlmTco.Uncertainty;

/// <summary>How far a Monte Carlo run has got. Reports come from worker threads and may arrive out of order.</summary>
/// <param name="CompletedTrials">The trials finished so far.</param>
/// <param name="TotalTrials">The trials in the run.</param>
public readonly record struct MonteCarloProgress(int CompletedTrials, int TotalTrials);
