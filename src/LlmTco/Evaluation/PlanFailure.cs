namespace LlmTco.Evaluation;

/// <summary>Why an evaluation of a plan stopped.</summary>
internal enum PlanFailureKind
{
    /// <summary>The evaluation did not fail.</summary>
    None,

    /// <summary>A value the scenario validator would reject, or one that needs a table row the scenario did not.</summary>
    Invalid,

    /// <summary>A month needs more replicas than <see cref="SelfHosted.ReplicaCount.Max"/>.</summary>
    TooManyReplicas,

    /// <summary>A month the rental bill needs has no offer in the scenario's currency.</summary>
    NoRentalPrice,
}

/// <summary>Why an evaluation stopped, and where: enough for the plan to describe the error in the option's own figures.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="Option">The option's index among all options.</param>
/// <param name="Month">The month (0-based).</param>
/// <param name="OnDemand">For a missing rental price, whether it is the on-demand price (for GPUs above a commitment).</param>
/// <param name="Fractional">For too many replicas, the replicas needed before rounding.</param>
/// <param name="Throughput">For too many replicas, the throughput of one replica.</param>
/// <param name="Required">For too many replicas, the peak output tokens per second.</param>
internal readonly record struct PlanFailure(PlanFailureKind Kind, int Option, int Month, bool OnDemand, double Fractional, double Throughput, double Required);
