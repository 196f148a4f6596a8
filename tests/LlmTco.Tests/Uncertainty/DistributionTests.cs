using LlmTco.Uncertainty;
using MathNet.Numerics.Distributions;

namespace LlmTco.Tests.Uncertainty;

public sealed class DistributionTests
{
    [Theory]
    [InlineData(0.1, 2.8)]
    [InlineData(0.5, 6)]
    [InlineData(0.9, 9.2)]
    public void InverseCumulativeDistribution_Uniform_IsLinear(double p, double expected)
    {
        // Given U(2, 10): the quantile is 2 + 8p
        var uniform = Distribution.Uniform(2, 10);

        // Then (to 1e-12)
        uniform.InverseCumulativeDistribution(p).Should().BeApproximately(expected, 1e-12);
    }

    [Fact]
    public void InverseCumulativeDistribution_Triangular_MatchesTheClosedForm()
    {
        // Given triangular(0, 1, 4): below the mode F(x) = x² / (4 × 1), so F⁻¹(0.1) = √0.4; above it
        // 1 − F(x) = (4 − x)² / (4 × 3), so F⁻¹(0.9) = 4 − √1.2
        var triangular = Distribution.Triangular(0, 1, 4);

        triangular.InverseCumulativeDistribution(0.1).Should().BeApproximately(Math.Sqrt(0.4), 1e-12);
        triangular.InverseCumulativeDistribution(0.9).Should().BeApproximately(4 - Math.Sqrt(1.2), 1e-12);
    }

    [Fact]
    public void InverseCumulativeDistribution_Normal_MatchesTheStandardNormalTable()
    {
        // Given N(100, 15²): P90 = 100 + 1.2815516 × 15 (z-table)
        var normal = Distribution.Normal(100, 15);

        normal.InverseCumulativeDistribution(0.9).Should().BeApproximately(100 + (1.2815515655446004 * 15), 1e-8);
        normal.InverseCumulativeDistribution(0.5).Should().BeApproximately(100, 1e-9);
    }

    [Fact]
    public void InverseCumulativeDistribution_TruncatedNormal_StaysInsideTheInterval()
    {
        // Given N(0, 1) truncated to [0, ∞): the half-normal, whose median is z(0.75) = 0.6744898
        var halfNormal = Distribution.Normal(0, 1, min: 0);

        halfNormal.InverseCumulativeDistribution(0.5).Should().BeApproximately(0.6744897501960817, 1e-8);
        halfNormal.InverseCumulativeDistribution(0).Should().Be(0);
    }

    [Fact]
    public void InverseCumulativeDistribution_LogNormal_HasMedianEToTheMu()
    {
        var lognormal = Distribution.LogNormalFromMedian(2.5, 0.4);

        lognormal.InverseCumulativeDistribution(0.5).Should().BeApproximately(2.5, 1e-9);
        lognormal.SupportMinimum.Should().Be(0);
        lognormal.SupportMaximum.Should().Be(double.PositiveInfinity);
    }

    [Fact]
    public void InverseCumulativeDistribution_Pert_HasTheModeOfItsBeta()
    {
        // Given PERT(0, 0.5, 1): symmetric, α = β = 3, so the median is 0.5
        var pert = Distribution.Pert(0, 0.5, 1);

        pert.InverseCumulativeDistribution(0.5).Should().BeApproximately(0.5, 1e-9);
        pert.InverseCumulativeDistribution(0.1).Should().BeLessThan(0.5);
    }

    [Fact]
    public void Uniform_MinAboveMax_NamesBothBounds()
    {
        var act = () => Distribution.Uniform(0.8, 0.5);

        act.Should().Throw<ArgumentException>().WithMessage("*min (0.8) is greater than max (0.5)*");
    }

    [Fact]
    public void Normal_NegativeStandardDeviation_IsAnError()
    {
        var act = () => Distribution.Normal(1, -0.2);

        act.Should().Throw<ArgumentException>().WithMessage("*standardDeviation: must be greater than 0 (value: -0.2)*");
    }

    [Fact]
    public void LogNormal_NegativeSigma_IsAnError()
    {
        var act = () => Distribution.LogNormal(0, -1);

        act.Should().Throw<ArgumentException>().WithMessage("*sigma: must be greater than 0*");
    }

    [Fact]
    public void Triangular_ModeOutsideTheBounds_IsAnError()
    {
        var act = () => Distribution.Triangular(1, 5, 3);

        act.Should().Throw<ArgumentException>().WithMessage("*mode (5) must lie from min (1) to max (3)*");
    }

    [Fact]
    public void Problems_ParameterOfAnotherKind_IsReportedNotIgnored()
    {
        // Given a uniform distribution written with a mode, as a slip from a triangular one
        var uniform = new Distribution { Kind = DistributionKind.Uniform, Min = 1, Mode = 2, Max = 3 };

        uniform.Problems().Should().ContainSingle().Which.Should().StartWith("mode: is not a parameter of a uniform distribution");
    }

    [Fact]
    public void Problems_TruncationHoldingNoProbability_IsAnError()
    {
        // Given N(0, 1) truncated to [40, 50]: a probability far below 1e-9
        var far = new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Min = 40, Max = 50 };

        far.Problems().Should().ContainSingle().Which.Should().Contain("holds almost none of the distribution");
    }

    [Fact]
    public void InverseCumulativeDistribution_InvalidDistribution_ListsTheProblems()
    {
        var invalid = new Distribution { Kind = DistributionKind.Triangular, Min = 3, Max = 1 };

        var act = () => invalid.InverseCumulativeDistribution(0.5);

        act.Should().Throw<InvalidOperationException>().WithMessage("*min (3) is greater than max (1)*mode*");
    }

    /// <summary>A distribution with one parameter missing or wrong, and the one problem reported for it.</summary>
    public static TheoryData<string, string> OneProblem => new()
    {
        { "point without a value", "value: a point distribution needs a value" },
        { "uniform without min", "min: a uniform distribution needs a lower bound, min" },
        { "PERT without max", "max: a PERT distribution needs an upper bound, max" },
        { "triangular without mode", "mode: a triangular distribution needs its most likely value, mode" },
        { "uniform with min = max", "max: min and max are both 2; use a point distribution for a fixed value" },
        { "uniform with an infinite max", "max: must be a finite number (value: Infinity)" },
        { "normal without a mean", "mean: a normal distribution needs a mean" },
        { "normal without a standard deviation", "standardDeviation: a normal distribution needs a standard deviation" },
        { "lognormal without mu", "mu: a lognormal distribution needs mu, the mean of ln(x) (the median is e^mu)" },
        { "lognormal without sigma", "sigma: a lognormal distribution needs sigma, the standard deviation of ln(x)" },
        { "lognormal with max 0", "max: a lognormal value is always above 0, so max must be too (value: 0)" },
        { "normal truncated to min > max", "max: min (3) is greater than max (1); swap them" },
        { "kind 42", "kind: '42' is not a distribution kind; use point, uniform, triangular, pert, normal or lognormal" },
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public void Problems_OneParameterMissingOrWrong_NamesItAndSaysWhat(string name, string problem)
    {
        var distribution = name switch
        {
            "point without a value" => new Distribution { Kind = DistributionKind.Point },
            "uniform without min" => new Distribution { Kind = DistributionKind.Uniform, Max = 1 },
            "PERT without max" => new Distribution { Kind = DistributionKind.Pert, Min = 1, Mode = 2 },
            "triangular without mode" => new Distribution { Kind = DistributionKind.Triangular, Min = 1, Max = 2 },
            "uniform with min = max" => new Distribution { Kind = DistributionKind.Uniform, Min = 2, Max = 2 },
            "uniform with an infinite max" => new Distribution { Kind = DistributionKind.Uniform, Min = 2, Max = double.PositiveInfinity },
            "normal without a mean" => new Distribution { Kind = DistributionKind.Normal, StandardDeviation = 1 },
            "normal without a standard deviation" => new Distribution { Kind = DistributionKind.Normal, Mean = 1 },
            "lognormal without mu" => new Distribution { Kind = DistributionKind.LogNormal, Sigma = 1 },
            "lognormal without sigma" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 1 },
            "lognormal with max 0" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 0, Sigma = 1, Max = 0 },
            "normal truncated to min > max" => new Distribution { Kind = DistributionKind.Normal, Mean = 2, StandardDeviation = 1, Min = 3, Max = 1 },
            "kind 42" => new Distribution { Kind = (DistributionKind)42, Value = 1 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        distribution.Problems().Should().Equal(problem);
    }

    [Theory]
    [InlineData(-0.01)]
    [InlineData(1.01)]
    [InlineData(double.NaN)]
    public void InverseCumulativeDistribution_ProbabilityOutside0To1_IsRejected(double probability)
    {
        var uniform = Distribution.Uniform(0, 1);

        var act = () => uniform.InverseCumulativeDistribution(probability);

        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("A probability is from 0 to 1.*").Which.ParamName.Should().Be("probability");
    }

    /// <summary>Each kind with its bounds given, and the support it reports (hand-read from the parameters).</summary>
    public static TheoryData<string, double, double> Supports => new()
    {
        { "point 3", 3, 3 },
        { "uniform 2 to 10", 2, 10 },
        { "triangular 1, 2, 4", 1, 4 },
        { "PERT 1, 2, 4", 1, 4 },
        { "normal truncated to [-2, 3]", -2, 3 },
        { "normal untruncated", double.NegativeInfinity, double.PositiveInfinity },
        { "lognormal truncated to [0.5, 4]", 0.5, 4 },
    };

    [Theory]
    [MemberData(nameof(Supports))]
    public void SupportMinimumAndMaximum_EachKind_AreItsBoundsOrTruncationPoints(string name, double minimum, double maximum)
    {
        // Given
        var distribution = name switch
        {
            "point 3" => Distribution.Point(3),
            "uniform 2 to 10" => Distribution.Uniform(2, 10),
            "triangular 1, 2, 4" => Distribution.Triangular(1, 2, 4),
            "PERT 1, 2, 4" => Distribution.Pert(1, 2, 4),
            "normal truncated to [-2, 3]" => Distribution.Normal(0, 1, min: -2, max: 3),
            "normal untruncated" => Distribution.Normal(0, 1),
            "lognormal truncated to [0.5, 4]" => Distribution.LogNormal(0, 1, min: 0.5, max: 4),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        // Then
        distribution.SupportMinimum.Should().Be(minimum);
        distribution.SupportMaximum.Should().Be(maximum);
    }

    [Fact]
    public void InverseCumulativeDistribution_ProbabilitiesZeroAndOne_AreTheBounds()
    {
        // Given U(2, 10): F⁻¹(p) = 2 + 8p, so F⁻¹(0) = 2 and F⁻¹(1) = 10 (both ends of "0 to 1" are allowed)
        var uniform = Distribution.Uniform(2, 10);

        // Then
        uniform.InverseCumulativeDistribution(0).Should().Be(2);
        uniform.InverseCumulativeDistribution(1).Should().Be(10);
    }

    [Fact]
    public void Triangular_ModeAtTheMaximum_IsValid()
    {
        // Given triangular(1, 3, 3): the mode may lie on a bound. F(x) = (x − 1)² ÷ ((3 − 1)(3 − 1)) = (x − 1)² ÷ 4, so the
        // median solves (x − 1)² = 2: x = 1 + √2
        var triangular = Distribution.Triangular(1, 3, 3);

        // Then
        triangular.Problems().Should().BeEmpty();
        triangular.InverseCumulativeDistribution(0.5).Should().BeApproximately(1 + Math.Sqrt(2), 1e-12);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void LogNormalFromMedian_MedianNotPositive_IsOutOfRange(double median)
    {
        // When
        var act = () => Distribution.LogNormalFromMedian(median, 0.4);

        // Then the median itself is named (not the mu of ln(0) = −∞ or ln(−1) = NaN it would give)
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("median");
    }

    [Fact]
    public void Normal_ZeroStandardDeviation_IsAnError()
    {
        // When
        var act = () => Distribution.Normal(1, 0);

        // Then
        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            "The normal distribution is not valid: standardDeviation: must be greater than 0 (value: 0); use a point distribution for a fixed value.");
    }

    [Fact]
    public void LogNormal_ZeroSigma_IsAnError()
    {
        // When
        var act = () => Distribution.LogNormal(0, 0);

        // Then
        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            "The lognormal distribution is not valid: sigma: must be greater than 0 (value: 0); use a point distribution for a fixed value.");
    }

    [Fact]
    public void Normal_SeveralProblems_ListsThemAllInTheMessage()
    {
        // When
        var act = () => Distribution.Normal(double.NaN, -1);

        // Then every problem, each with its parameter, separated by "; "
        act.Should().Throw<ArgumentException>().Which.Message.Should().Be(
            "The normal distribution is not valid: mean: must be a finite number (value: NaN); standardDeviation: must be greater than 0 (value: -1); use a point distribution for a fixed value.");
    }

    [Fact]
    public void InverseCumulativeDistribution_InvalidDistribution_MessageListsEveryProblem()
    {
        // Given a triangular distribution with its bounds swapped and no mode
        var invalid = new Distribution { Kind = DistributionKind.Triangular, Min = 3, Max = 1 };

        // When
        var act = () => invalid.InverseCumulativeDistribution(0.5);

        // Then
        act.Should().Throw<InvalidOperationException>().Which.Message.Should().Be(
            "The triangular distribution is not valid: max: min (3) is greater than max (1); swap them; mode: a triangular distribution needs its most likely value, mode.");
    }

    /// <summary>A distribution with one parameter wrong, and the one problem reported for it, written out in full.</summary>
    public static TheoryData<string, string> OneProblemInFull => new()
    {
        { "lognormal with a mode", "mode: is not a parameter of a lognormal distribution (which takes mu, sigma, min, max) (value: 1)" },
        { "triangular with the mode above max", "mode: the mode (5) must lie from min (1) to max (3)" },
        { "point with a NaN value", "value: must be a finite number (value: NaN)" },
        { "uniform with an infinite min", "min: must be a finite number (value: -Infinity)" },
        { "normal with a NaN mean", "mean: must be a finite number (value: NaN)" },
        { "normal with a NaN mean, truncated", "mean: must be a finite number (value: NaN)" },
        { "normal with an infinite standard deviation", "standardDeviation: must be a finite number (value: Infinity)" },
        { "lognormal with a NaN mu", "mu: must be a finite number (value: NaN)" },
        { "lognormal with an infinite sigma", "sigma: must be a finite number (value: Infinity)" },
        { "lognormal truncated to min > max", "max: min (3) is greater than max (1); swap them" },
        { "truncated lognormal without mu", "mu: a lognormal distribution needs mu, the mean of ln(x) (the median is e^mu)" },
        { "truncated normal with standard deviation 0", "standardDeviation: must be greater than 0 (value: 0); use a point distribution for a fixed value" },
        { "truncated lognormal with sigma 0", "sigma: must be greater than 0 (value: 0); use a point distribution for a fixed value" },
    };

    [Theory]
    [MemberData(nameof(OneProblemInFull))]
    public void Problems_OneParameterWrong_IsTheOnlyProblemReported(string name, string problem)
    {
        // Given (a truncation interval is checked for its probability only once the rest is valid: with a NaN mean, a
        // missing mu or a zero spread there is no distribution to truncate)
        var distribution = name switch
        {
            "lognormal with a mode" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 0, Sigma = 1, Mode = 1 },
            "triangular with the mode above max" => new Distribution { Kind = DistributionKind.Triangular, Min = 1, Mode = 5, Max = 3 },
            "point with a NaN value" => new Distribution { Kind = DistributionKind.Point, Value = double.NaN },
            "uniform with an infinite min" => new Distribution { Kind = DistributionKind.Uniform, Min = double.NegativeInfinity, Max = 1 },
            "normal with a NaN mean" => new Distribution { Kind = DistributionKind.Normal, Mean = double.NaN, StandardDeviation = 1 },
            "normal with a NaN mean, truncated" => new Distribution { Kind = DistributionKind.Normal, Mean = double.NaN, StandardDeviation = 1, Min = 0 },
            "normal with an infinite standard deviation" => new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = double.PositiveInfinity },
            "lognormal with a NaN mu" => new Distribution { Kind = DistributionKind.LogNormal, Mu = double.NaN, Sigma = 1 },
            "lognormal with an infinite sigma" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 0, Sigma = double.PositiveInfinity },
            "lognormal truncated to min > max" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 0, Sigma = 1, Min = 3, Max = 1 },
            "truncated lognormal without mu" => new Distribution { Kind = DistributionKind.LogNormal, Sigma = 1, Min = 1 },
            "truncated normal with standard deviation 0" => new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 0, Min = 1, Max = 2 },
            "truncated lognormal with sigma 0" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 0, Sigma = 0, Min = 2 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        // Then
        distribution.Problems().Should().Equal(problem);
    }

    /// <summary>
    /// Truncations that hold almost nothing, and the problem reported (not tied to one parameter, so without a prefix).
    /// Each mass is 0 in double arithmetic: Φ(40) and Φ(ln 10⁶) = Φ(13.8) round to 1, Φ(−40) ≈ 4e−350 underflows.
    /// </summary>
    public static TheoryData<string, string> EmptyTruncations => new()
    {
        { "normal on [40, 50]", "the truncation interval [40, 50] holds almost none of the distribution (probability 0); widen it or move the distribution" },
        { "normal above 40", "the truncation interval [40, ∞] holds almost none of the distribution (probability 0); widen it or move the distribution" },
        { "normal below -40", "the truncation interval [-∞, -40] holds almost none of the distribution (probability 0); widen it or move the distribution" },
        { "lognormal above 10^6", "the truncation interval [1000000, ∞] holds almost none of the distribution (probability 0); widen it or move the distribution" },
    };

    [Theory]
    [MemberData(nameof(EmptyTruncations))]
    public void Problems_TruncationHoldingNothing_NamesTheIntervalWithInfiniteEnds(string name, string problem)
    {
        // Given N(0, 1) or lnN(0, 1), truncated far out in one or both tails
        var distribution = name switch
        {
            "normal on [40, 50]" => new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Min = 40, Max = 50 },
            "normal above 40" => new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Min = 40 },
            "normal below -40" => new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Max = -40 },
            "lognormal above 10^6" => new Distribution { Kind = DistributionKind.LogNormal, Mu = 0, Sigma = 1, Min = 1e6 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        // Then
        distribution.Problems().Should().Equal(problem);
    }

    [Fact]
    public void Problems_TruncationHoldingExactlyTheSmallestMass_IsValid()
    {
        // Given N(0, 1) truncated to [−10.16316803786406, −5.997807015007687]: Φ(−5.997807015007687) = 1.0000000000000015e−9
        // and Φ(−10.16316803786406) ≈ 1.45e−24, so the interval holds exactly 1e−9 in double arithmetic (the bounds were found
        // by bisection on MathNet's Φ), the smallest probability a truncation may hold; with max −6 it holds Φ(−6) −
        // Φ(−10.16) ≈ 9.87e−10, less
        const double lo = -10.16316803786406;
        const double hi = -5.997807015007687;
        (Normal.CDF(0, 1, hi) - Normal.CDF(0, 1, lo)).Should().Be(1e-9);

        // Then
        new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Min = lo, Max = hi }.Problems().Should().BeEmpty();
        new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Min = lo, Max = -6 }.Problems().Should().ContainSingle()
            .Which.Should().StartWith("the truncation interval [-10.16316803786406, -6] holds almost none of the distribution");
    }
}
