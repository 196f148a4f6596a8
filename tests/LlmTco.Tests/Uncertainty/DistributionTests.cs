using LlmTco.Uncertainty;

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
}
