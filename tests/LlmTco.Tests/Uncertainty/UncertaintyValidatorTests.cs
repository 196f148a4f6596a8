using LlmTco.Scenarios;
using LlmTco.Uncertainty;

namespace LlmTco.Tests.Uncertainty;

/// <summary>The uncertainty section's checks, through <see cref="ScenarioValidator.Validate"/>: each error's path, value and message.</summary>
public sealed class UncertaintyValidatorTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(10_000_000)]
    public void Validate_TrialsAtEitherEndOfTheRange_AreValid(int trials)
    {
        var scenario = With(trials: trials);

        ScenarioValidator.Validate(scenario).Should().BeEmpty();
    }

    [Fact]
    public void Validate_PercentilesAndInputsNull_AreTreatedAsEmpty()
    {
        // Given a section bound without percentiles (null), and one without inputs
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000));
        var noPercentiles = constant with { Uncertainty = constant.Uncertainty! with { Percentiles = null! } };
        var noInputs = constant with { Uncertainty = constant.Uncertainty! with { Inputs = null! } };

        // Then
        ScenarioValidator.Validate(noPercentiles).Should().BeEmpty();
        ScenarioValidator.Validate(noInputs).Should().ContainSingle().Which.Path.Should().Be("$.uncertainty.inputs");
    }

    [Fact]
    public void Validate_Percentiles0And1_AreBothErrors()
    {
        // Given
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000));
        var scenario = constant with { Uncertainty = constant.Uncertainty! with { Percentiles = [0, 0.5, 1] } };

        // Then
        ScenarioValidator.Validate(scenario).Should().Equal(
            new ScenarioError("$.uncertainty.percentiles[0]", "0", "must be a fraction strictly between 0 and 1 (0.05 is P5)"),
            new ScenarioError("$.uncertainty.percentiles[2]", "1", "must be a fraction strictly between 0 and 1 (0.05 is P5)"));
    }

    [Fact]
    public void Validate_MoreThanNinetyNinePercentiles_IsOneError_NinetyNineAreAccepted()
    {
        // Given 100 extra percentiles (0.005, 0.015, … 0.995), and the first 99 of them (issue 20: 99,999 ran out of memory)
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000));
        var hundred = Enumerable.Range(0, 100).Select(i => (i + 0.5) / 100).ToList();

        // Then 100 is one error at the list, naming the limit; 99 is valid
        ScenarioValidator.Validate(constant with { Uncertainty = constant.Uncertainty! with { Percentiles = hundred } }).Should().Equal(
            new ScenarioError("$.uncertainty.percentiles", null, "lists 100 percentiles; at most 99 may be asked for (each is kept for every output and month)"));
        ScenarioValidator.Validate(constant with { Uncertainty = constant.Uncertainty! with { Percentiles = hundred.Take(99).ToList() } }).Should().BeEmpty();
        var options = () => new MonteCarloSimulator(TestScenarios.Engine).Run(constant, new MonteCarloOptions { Percentiles = hundred });
        options.Should().Throw<ArgumentException>().WithMessage("At most 99 percentiles may be asked for (value: 100).*");
    }

    [Fact]
    public void Validate_InvalidDistribution_IsNotAlsoCheckedAtItsEnds()
    {
        // Given a target utilisation from 1.5 down to 0.5: its "lower end" 1.5 would make the scenario invalid, but the
        // distribution itself is wrong, and that is the one error
        var scenario = With(input: new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = new Distribution { Kind = DistributionKind.Uniform, Min = 1.5, Max = 0.5 } });

        // Then
        ScenarioValidator.Validate(scenario).Should().Equal(
            new ScenarioError("$.uncertainty.inputs[0].distribution.max", null, "min (1.5) is greater than max (0.5); swap them (the distribution of 'selfHostedOptions[0].targetUtilization')"));
    }

    [Fact]
    public void Validate_TruncationHoldingNothing_IsReportedAtTheDistribution()
    {
        // Given N(0, 1) truncated to [40, ∞), which holds a probability that rounds to 0 (a problem of no one parameter)
        var scenario = With(input: new UncertainInput { Path = "selfHostedOptions[0].people.setupCost", Distribution = new Distribution { Kind = DistributionKind.Normal, Mean = 0, StandardDeviation = 1, Min = 40 } });

        // Then
        ScenarioValidator.Validate(scenario).Should().Equal(
            new ScenarioError("$.uncertainty.inputs[0].distribution", null, "the truncation interval [40, ∞] holds almost none of the distribution (probability 0); widen it or move the distribution (the distribution of 'selfHostedOptions[0].people.setupCost')"));
    }

    [Fact]
    public void Validate_LowerEndOfAUniformDistributionInvalid_NamesTheLowerEnd()
    {
        // Given a target utilisation from 0 (not allowed: it must be above 0) to 0.8
        var scenario = With(input: new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Uniform(0, 0.8) });

        // Then
        ScenarioValidator.Validate(scenario).Should().Equal(
            new ScenarioError("$.uncertainty.inputs[0].distribution", "0", "its lower end makes the scenario invalid for 'selfHostedOptions[0].targetUtilization': $.selfHostedOptions[0].targetUtilization: must be greater than 0 and at most 1 (value: 0)"));
    }

    [Fact]
    public void Validate_TruncatedLogNormalWithAnInvalidLowerEnd_NamesTheLowerEnd()
    {
        // Given a peak-to-average ratio (at least 1) lognormal around 2, truncated to [0.5, 3]
        var scenario = With(input: new UncertainInput { Path = "workload.peakToAverageRatio", Distribution = Distribution.LogNormal(Math.Log(2), 0.2, min: 0.5, max: 3) });

        // Then
        ScenarioValidator.Validate(scenario).Should().Equal(
            new ScenarioError("$.uncertainty.inputs[0].distribution", "0.5", "its lower end makes the scenario invalid for 'workload.peakToAverageRatio': $.workload.peakToAverageRatio: must be a finite number of at least 1 (peak throughput ÷ average throughput) (value: 0.5)"));
    }

    [Fact]
    public void Validate_LogNormalWithoutMin_IsNotCheckedAt0()
    {
        // Given a target utilisation (above 0, at most 1) lognormal with median 0.6, truncated above at 1 only: its support
        // starts at 0, which it never takes, so 0 is not an end to check
        var scenario = With(input: new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.LogNormal(Math.Log(0.6), 0.1, max: 1) });

        // Then
        ScenarioValidator.Validate(scenario).Should().BeEmpty();
    }

    [Fact]
    public void Validate_EndInvalidForSeveralTargets_ListsEveryProblem()
    {
        // Given the requests of both profiles of the growing scenario from −1 (negative: invalid) to 5,000,000
        var growing = UncertaintyScenarios.Growing();
        var scenario = growing with
        {
            Uncertainty = growing.Uncertainty! with { Inputs = [new UncertainInput { Path = "workload.profiles[*].monthlyRequests", Distribution = Distribution.Uniform(-1, 5_000_000) }] },
        };

        // Then
        ScenarioValidator.Validate(scenario).Should().Equal(
            new ScenarioError("$.uncertainty.inputs[0].distribution", "-1", "its lower end makes the scenario invalid for 'workload.profiles[*].monthlyRequests': $.workload.profiles[0].monthlyRequests: must not be negative (value: -1); $.workload.profiles[1].monthlyRequests: must not be negative (value: -1)"));
    }

    private static Scenario With(int trials = 10, UncertainInput? input = null)
    {
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: trials);
        return input is null ? constant : constant with { Uncertainty = constant.Uncertainty! with { Inputs = [input] } };
    }
}
