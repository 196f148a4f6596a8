namespace LlmTco.Uncertainty;

/// <summary>The shape of a <see cref="Distribution"/>. In scenario JSON the kinds are written in lower case (<c>"pert"</c>, <c>"lognormal"</c>).</summary>
public enum DistributionKind
{
    /// <summary>A fixed value: <see cref="Distribution.Value"/>.</summary>
    Point = 0,

    /// <summary>Every value from <see cref="Distribution.Min"/> to <see cref="Distribution.Max"/> equally likely.</summary>
    Uniform = 1,

    /// <summary>A triangle from <see cref="Distribution.Min"/> to <see cref="Distribution.Max"/> peaking at <see cref="Distribution.Mode"/>.</summary>
    Triangular = 2,

    /// <summary>
    /// The PERT (beta) distribution from <see cref="Distribution.Min"/> to <see cref="Distribution.Max"/> with its mode at
    /// <see cref="Distribution.Mode"/>: a scaled beta with α = 1 + 4 (mode − min) ÷ (max − min) and β = 1 + 4 (max − mode) ÷ (max − min).
    /// </summary>
    Pert = 3,

    /// <summary>A normal distribution of <see cref="Distribution.Mean"/> and <see cref="Distribution.StandardDeviation"/>, optionally truncated to [<see cref="Distribution.Min"/>, <see cref="Distribution.Max"/>].</summary>
    Normal = 4,

    /// <summary>
    /// A lognormal distribution: ln(x) is normal with mean <see cref="Distribution.Mu"/> and standard deviation
    /// <see cref="Distribution.Sigma"/> (so the median is e^mu), optionally truncated to [<see cref="Distribution.Min"/>, <see cref="Distribution.Max"/>].
    /// </summary>
    LogNormal = 5,
}
