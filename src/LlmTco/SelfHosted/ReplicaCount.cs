namespace LlmTco.SelfHosted;

/// <summary>
/// The one rounding rule for replicas, shared by the monthly evaluation and the steady-state curve so that they can
/// never disagree: any traffic needs a whole replica, at least the minimum runs, spares are
/// added on top of any that run (N + k is 0 when N is 0: spares follow traffic).
/// </summary>
internal static class ReplicaCount
{
    /// <summary>How far above a whole number a replica need may be and still round down to it (floating-point noise).</summary>
    public const double Tolerance = 1e-9;

    /// <summary>
    /// The most replicas a month may need, and the most a scenario may ask for as its minimum or its spares: more is an
    /// input error (about a thousand times the largest public GPU fleets), not an overflow.
    /// </summary>
    public const int Max = 1_000_000;

    /// <summary>The most GPUs a replica may span. With <see cref="Max"/> this keeps every GPU count (at most (2 × Max) × 1,024) within an <see cref="int"/>.</summary>
    public const int MaxGpusPerReplica = 1_024;

    /// <summary>Gets N = max(min, ceil(fractional)), with at least one replica for any traffic, and N + redundancy when N &gt; 0 (0 when N is 0).</summary>
    /// <param name="fractionalReplicas">Replicas needed before rounding up (peak need ÷ usable replica throughput).</param>
    /// <param name="minReplicas">The fewest serving replicas.</param>
    /// <param name="redundancyReplicas">Spare replicas.</param>
    /// <returns>The replicas to run.</returns>
    public static int Of(double fractionalReplicas, int minReplicas, int redundancyReplicas)
    {
        var needed = fractionalReplicas <= 0 ? 0 : Math.Max(1, (int)Math.Ceiling(fractionalReplicas - Tolerance));
        var serving = Math.Max(minReplicas, needed);
        return serving == 0 ? 0 : serving + redundancyReplicas;
    }
}
