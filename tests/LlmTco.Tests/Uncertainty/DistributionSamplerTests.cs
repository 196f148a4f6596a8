using LlmTco.Uncertainty;
using MathNet.Numerics.Distributions;

namespace LlmTco.Tests.Uncertainty;

/// <summary>
/// The quantiles a prepared distribution gives: PERT's beta parameters, and truncated normal and lognormal distributions
/// (inverse CDF over the truncated probability, clamped into the interval).
/// </summary>
public sealed class DistributionSamplerTests
{
    [Theory]
    [InlineData(0.3671875, 3)]
    [InlineData(0.8125, 4)]
    public void InverseCumulative_PertAwayFromZero_IsTheScaledBetaOfThePertShape(double p, double expected)
    {
        // Given PERT(2, 3, 6): α = 1 + 4 (3 − 2) ÷ 4 = 2 and β = 1 + 4 (6 − 3) ÷ 4 = 4, a Beta(2, 4) on [2, 6]. Its CDF is
        // P(Binomial(5, x) ≥ 2) = 1 − (1 − x)⁵ − 5x(1 − x)⁴: at x = ¼, 1 − 0.2373046875 − 0.3955078125 = 0.3671875
        // (the value 2 + ¼ × 4 = 3); at x = ½, 1 − 1/32 − 5/32 = 0.8125 (the value 2 + ½ × 4 = 4)
        var pert = Distribution.Pert(2, 3, 6);

        // When
        var quantile = pert.Prepare().InverseCumulative(p);

        // Then (MathNet's beta quantile is a root search: to 1e-7)
        quantile.Should().BeApproximately(expected, 1e-7);
    }

    [Fact]
    public void InverseCumulative_TruncatedLogNormal_IsTheQuantileOfTheTruncatedMass()
    {
        // Given lnN(0, 1) truncated to [0.5, 4]: ln x is N(0, 1) truncated to [ln 0.5, ln 4] = [−0.693, 1.386], which holds
        // Φ(1.386) − Φ(−0.693) ≈ 0.9172 − 0.2441; the median is e^Φ⁻¹((Φ(ln 0.5) + Φ(ln 4)) ÷ 2) = e^Φ⁻¹(0.5807) ≈ e^0.2036 ≈ 1.226
        var lognormal = Distribution.LogNormal(0, 1, min: 0.5, max: 4);
        var expected = Math.Exp(Normal.InvCDF(0, 1, (Normal.CDF(0, 1, Math.Log(0.5)) + Normal.CDF(0, 1, Math.Log(4))) / 2));

        // When
        var median = lognormal.Prepare().InverseCumulative(0.5);

        // Then
        expected.Should().BeApproximately(1.226, 1e-3);
        median.Should().BeApproximately(expected, 1e-9);
        lognormal.Prepare().TruncatedMass.Should().BeApproximately(Normal.CDF(0, 1, Math.Log(4)) - Normal.CDF(0, 1, Math.Log(0.5)), 1e-12);
    }

    [Fact]
    public void InverseCumulative_TruncatedNormalAtProbability0_IsExactlyTheLowerTruncationPoint()
    {
        // Given N(0, 1) truncated below at 0.01, where Φ⁻¹(Φ(0.01)) rounds to just below 0.01 (0.009999999999999988)
        var normal = Distribution.Normal(0, 1, min: 0.01);
        Normal.InvCDF(0, 1, Normal.CDF(0, 1, 0.01)).Should().BeLessThan(0.01, "the round trip alone would leave the interval");

        // Then the quantile at 0 is clamped into the interval
        normal.InverseCumulativeDistribution(0).Should().Be(0.01);
    }

    [Fact]
    public void InverseCumulative_TruncatedNormalAtProbability1_IsExactlyTheUpperTruncationPoint()
    {
        // Given N(0, 1) truncated above at 0.04, where Φ⁻¹(Φ(0.04)) rounds to just above 0.04 (0.040000000000000084)
        var normal = Distribution.Normal(0, 1, max: 0.04);
        Normal.InvCDF(0, 1, Normal.CDF(0, 1, 0.04)).Should().BeGreaterThan(0.04, "the round trip alone would leave the interval");

        // Then
        normal.InverseCumulativeDistribution(1).Should().Be(0.04);
    }

    [Fact]
    public void InverseCumulative_TruncatedLogNormalAtProbability0_IsExactlyTheLowerTruncationPoint()
    {
        // Given lnN(0, 1) truncated below at 0.1, whose CDF round trip rounds to just below 0.1 (0.09999999999999998)
        var lognormal = Distribution.LogNormal(0, 1, min: 0.1);
        LogNormal.InvCDF(0, 1, LogNormal.CDF(0, 1, 0.1)).Should().BeLessThan(0.1, "the round trip alone would leave the interval");

        // Then
        lognormal.InverseCumulativeDistribution(0).Should().Be(0.1);
    }

    [Fact]
    public void InverseCumulative_TruncatedLogNormalAtProbability1_IsExactlyTheUpperTruncationPoint()
    {
        // Given lnN(0, 1) truncated above at 0.01, whose CDF round trip rounds to just above 0.01 (0.010000000000001851)
        var lognormal = Distribution.LogNormal(0, 1, max: 0.01);
        LogNormal.InvCDF(0, 1, LogNormal.CDF(0, 1, 0.01)).Should().BeGreaterThan(0.01, "the round trip alone would leave the interval");

        // Then
        lognormal.InverseCumulativeDistribution(1).Should().Be(0.01);
    }
}
