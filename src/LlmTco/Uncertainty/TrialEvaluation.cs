namespace LlmTco.Uncertainty;

/// <summary>How <see cref="MonteCarloSimulator"/> evaluates each trial.</summary>
public enum TrialEvaluation
{
    /// <summary>The compiled kernel when it supports every uncertain input, otherwise the full engine.</summary>
    Automatic = 0,

    /// <summary>
    /// The full <see cref="TcoEngine"/> on a copy of the scenario with the drawn values: any numeric input may be
    /// uncertain; a few milliseconds per trial.
    /// </summary>
    Engine = 1,

    /// <summary>
    /// The compiled numeric kernel: catalog lookups done once, and per trial only the month-by-month arithmetic the
    /// uncertain inputs change, in the engine's exact order of operations (the same results to the last bit). It
    /// supports the workload's volumes, shares and growth, API price declines, fees and commitments, and self-hosted
    /// utilisation, replicas, throughput and prices; a scenario with another uncertain input, or a trial outside what
    /// the kernel handles, is evaluated by the engine.
    /// </summary>
    Kernel = 2,
}
