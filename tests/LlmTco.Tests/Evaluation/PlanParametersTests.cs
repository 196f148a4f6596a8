using LlmTco.SelfHosted;
using LlmTco.Evaluation;

namespace LlmTco.Tests.Evaluation;

/// <summary>The kernel's flat parameter array: slots by path, the baseline, and which drawn values each rule accepts.</summary>
public sealed class PlanParametersTests
{
    [Theory]
    [InlineData((int)ParameterRule.NonNegative, 0, true)]
    [InlineData((int)ParameterRule.NonNegative, 1e300, true)]
    [InlineData((int)ParameterRule.NonNegative, -1e-300, false)]
    [InlineData((int)ParameterRule.NonNegative, double.PositiveInfinity, false)]
    [InlineData((int)ParameterRule.NonNegative, double.NaN, false)]
    [InlineData((int)ParameterRule.Positive, 1e-300, true)]
    [InlineData((int)ParameterRule.Positive, 0, false)]
    [InlineData((int)ParameterRule.Positive, -1, false)]
    [InlineData((int)ParameterRule.Positive, double.PositiveInfinity, false)]
    [InlineData((int)ParameterRule.Fraction, 1, true)]
    [InlineData((int)ParameterRule.Fraction, 0.5, true)]
    [InlineData((int)ParameterRule.Fraction, 0, false)]
    [InlineData((int)ParameterRule.Fraction, 1.0000000000000002, false)]
    [InlineData((int)ParameterRule.Fraction, double.NaN, false)]
    [InlineData((int)ParameterRule.Fraction, double.NegativeInfinity, false)]
    [InlineData((int)ParameterRule.Share, 0, true)]
    [InlineData((int)ParameterRule.Share, 1, true)]
    [InlineData((int)ParameterRule.Share, -1e-300, false)]
    [InlineData((int)ParameterRule.Share, 1.0000000000000002, false)]
    [InlineData((int)ParameterRule.Share, double.NaN, false)]
    [InlineData((int)ParameterRule.Share, double.PositiveInfinity, false)]
    [InlineData((int)ParameterRule.Decline, 0, true)]
    [InlineData((int)ParameterRule.Decline, 0.9999999999999999, true)]
    [InlineData((int)ParameterRule.Decline, 1, false)]
    [InlineData((int)ParameterRule.Decline, -1e-300, false)]
    [InlineData((int)ParameterRule.Decline, double.NaN, false)]
    [InlineData((int)ParameterRule.GrowthRate, -0.9999999999999999, true)]
    [InlineData((int)ParameterRule.GrowthRate, 5, true)]
    [InlineData((int)ParameterRule.GrowthRate, -1, false)]
    [InlineData((int)ParameterRule.GrowthRate, double.PositiveInfinity, false)]
    [InlineData((int)ParameterRule.GrowthRate, double.NaN, false)]
    [InlineData((int)ParameterRule.Finite, -1e300, true)]
    [InlineData((int)ParameterRule.Finite, double.NegativeInfinity, false)]
    [InlineData((int)ParameterRule.Finite, double.NaN, false)]
    [InlineData((int)ParameterRule.AtLeastOne, 1, true)]
    [InlineData((int)ParameterRule.AtLeastOne, 0.9999999999999999, false)]
    [InlineData((int)ParameterRule.AtLeastOne, double.PositiveInfinity, false)]
    [InlineData((int)ParameterRule.AtLeastOne, double.NaN, false)]
    [InlineData((int)ParameterRule.Replicas, 0, true)]
    [InlineData((int)ParameterRule.Replicas, 7, true)]
    [InlineData((int)ParameterRule.Replicas, ReplicaCount.Max, true)]
    [InlineData((int)ParameterRule.Replicas, ReplicaCount.Max + 1, false)]
    [InlineData((int)ParameterRule.Replicas, 2.5, false)]
    [InlineData((int)ParameterRule.Replicas, -1, false)]
    [InlineData((int)ParameterRule.Replicas, double.PositiveInfinity, false)]
    [InlineData((int)ParameterRule.Replicas, double.NaN, false)]
    public void Accepts_ValueAtOrAcrossTheRulesBounds_IsWhatTheValidatorAccepts(int rule, double value, bool accepted)
    {
        // Given a parameter under the rule (its documented range, the one the scenario validator enforces: e.g. a
        // fraction is above 0 and at most 1, a decline is 0 to below 1, replicas a whole number from 0 to 1,000,000)
        var parameters = new PlanParameters();
        var slot = parameters.Add("p", 0.5, (ParameterRule)rule);

        // When / Then
        parameters.Accepts(slot, value).Should().Be(accepted);
    }

    [Fact]
    public void Accepts_RuleOutsideTheEnum_AcceptsNothing()
    {
        // Given a rule value the switch does not know
        var parameters = new PlanParameters();
        var slot = parameters.Add("p", 1, (ParameterRule)99);

        // When / Then even an ordinary value is refused (the trial goes to the engine)
        parameters.Accepts(slot, 1).Should().BeFalse();
    }

    [Fact]
    public void Add_Parameters_AreNumberedInOrderWithTheirBaselineAndUnsetAsNaN()
    {
        // Given
        var parameters = new PlanParameters();

        // When
        var first = parameters.Add("a", 2.5, ParameterRule.Positive);
        var second = parameters.Add("b", null, ParameterRule.NonNegative);

        // Then
        (first, second).Should().Be((0, 1));
        parameters.Count.Should().Be(2);
        parameters.Baseline.Should().Equal(2.5, double.NaN);
        parameters.TryGetSlot("b", out var slot).Should().BeTrue();
        slot.Should().Be(1);
        parameters.TryGetSlot("c", out _).Should().BeFalse();
        parameters.Paths.Should().Equal("a", "b");
    }
}
