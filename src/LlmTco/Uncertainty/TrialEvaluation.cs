namespace LlmTco.Uncertainty;

/// <summary>
/// How <see cref="MonteCarloSimulator"/> evaluates each trial. Every way uses the one cost model (a scenario compiled into
/// a plan and evaluated, as <see cref="TcoEngine.Evaluate"/> does), so all give the same results to the last bit; they
/// differ only in how often the scenario is compiled.
/// </summary>
public enum TrialEvaluation
{
    /// <summary><see cref="Kernel"/> when every uncertain input is a parameter of the compiled scenario, otherwise <see cref="Engine"/>.</summary>
    Automatic = 0,

    /// <summary>
    /// Each trial's own scenario (a copy with the drawn values) is validated, compiled and evaluated, as
    /// <see cref="TcoEngine.Evaluate"/> does: any numeric input may be uncertain, at the cost of a compile (table look-ups)
    /// per trial.
    /// </summary>
    Engine = 1,

    /// <summary>
    /// The scenario is compiled once (every table look-up done once) and each trial sets the drawn values in its numeric
    /// parameters and re-evaluates it in place, recomputing only what they change. The parameters are the workload's
    /// volumes, tokens per request, shares and growth, API price declines, fees, commitments and batch discounts, and
    /// self-hosted utilisation, replicas, throughput, lead time, rental prices and committed GPUs, purchase price, power,
    /// hosting, storage, fine-tuning and people. A trial whose drawn values the compiled scenario cannot take (a value the
    /// validator rejects, tokens per request that change the GPUs a replica needs) is evaluated from its own scenario.
    /// </summary>
    Kernel = 2,
}
