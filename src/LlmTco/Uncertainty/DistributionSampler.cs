using MathNet.Numerics.Distributions;

namespace LlmTco.Uncertainty;

/// <summary>
/// A valid <see cref="Distribution"/> prepared for many draws: its MathNet parameters worked out once. Draws take one
/// uniform number in (0, 1) through the inverse cumulative distribution, except PERT, which uses MathNet's beta
/// sampler (its inverse cumulative distribution needs a root search, far slower).
/// </summary>
internal sealed class DistributionSampler
{
    private readonly DistributionKind kind;
    private readonly double a;
    private readonly double b;
    private readonly double c;
    private readonly double lower;
    private readonly double upper;
    private readonly double cdfLower;
    private readonly double cdfUpper;

    public DistributionSampler(Distribution distribution)
    {
        kind = distribution.Kind;
        lower = double.NegativeInfinity;
        upper = double.PositiveInfinity;
        cdfLower = 0;
        cdfUpper = 1;
        switch (kind)
        {
            case DistributionKind.Point:
                a = distribution.Value!.Value;
                break;
            case DistributionKind.Uniform:
                a = distribution.Min!.Value;
                b = distribution.Max!.Value;
                break;
            case DistributionKind.Triangular:
                a = distribution.Min!.Value;
                b = distribution.Max!.Value;
                c = distribution.Mode!.Value;
                break;
            case DistributionKind.Pert:
                // The PERT shape (λ = 4): α = 1 + 4 (mode − min) / (max − min), β = 1 + 4 (max − mode) / (max − min). These are
                // the parameters MathNet's BetaScaled.PERT derives through the mean, written directly: its route divides
                // two differences that vanish when the mode is the midpoint, and fails on rounding there.
                var min = distribution.Min!.Value;
                var range = distribution.Max!.Value - min;
                a = 1 + (4 * (distribution.Mode!.Value - min) / range);
                b = 1 + (4 * (distribution.Max!.Value - distribution.Mode!.Value) / range);
                lower = min; // for PERT, lower and upper hold the beta's location and scale
                upper = range;
                break;
            case DistributionKind.Normal:
                a = distribution.Mean!.Value;
                b = distribution.StandardDeviation!.Value;
                lower = distribution.Min ?? double.NegativeInfinity;
                upper = distribution.Max ?? double.PositiveInfinity;
                cdfLower = distribution.Min is { } nl ? Normal.CDF(a, b, nl) : 0;
                cdfUpper = distribution.Max is { } nu ? Normal.CDF(a, b, nu) : 1;
                break;
            default:
                a = distribution.Mu!.Value;
                b = distribution.Sigma!.Value;
                lower = distribution.Min ?? double.NegativeInfinity;
                upper = distribution.Max ?? double.PositiveInfinity;
                cdfLower = distribution.Min is { } ll && ll > 0 ? LogNormal.CDF(a, b, ll) : 0;
                cdfUpper = distribution.Max is { } lu ? LogNormal.CDF(a, b, lu) : 1;
                break;
        }
    }

    /// <summary>Gets the probability the truncation interval holds (1 when not truncated).</summary>
    public double TruncatedMass => cdfUpper - cdfLower;

    /// <summary>The inverse cumulative distribution at <paramref name="p"/> (0 to 1).</summary>
    public double InverseCumulative(double p) => kind switch
    {
        DistributionKind.Point => a,
        DistributionKind.Uniform => ContinuousUniform.InvCDF(a, b, p),
        DistributionKind.Triangular => Triangular.InvCDF(a, b, c, p),
        DistributionKind.Pert => BetaScaled.InvCDF(a, b, lower, upper, p),
        DistributionKind.Normal => Math.Clamp(Normal.InvCDF(a, b, cdfLower + (p * (cdfUpper - cdfLower))), lower, upper),
        _ => Math.Clamp(LogNormal.InvCDF(a, b, cdfLower + (p * (cdfUpper - cdfLower))), lower, upper),
    };

    /// <summary>One draw, using <paramref name="random"/> (a fresh stream per trial and input).</summary>
    public double Sample(Random random) => kind switch
    {
        DistributionKind.Point => a,
        DistributionKind.Pert => BetaScaled.Sample(random, a, b, lower, upper),
        _ => InverseCumulative(random.NextDouble()),
    };
}
