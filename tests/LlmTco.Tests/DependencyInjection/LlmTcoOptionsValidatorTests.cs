using Microsoft.Extensions.Options;

namespace LlmTco.Tests.DependencyInjection;

public sealed class LlmTcoOptionsValidatorTests
{
    [Fact]
    public void Validate_DefaultOptions_Succeeds()
    {
        // The defaults: the bundled tables, no scenario
        var result = new LlmTcoOptionsValidator().Validate(Options.DefaultName, new LlmTcoOptions());

        result.Succeeded.Should().BeTrue();
        result.Failed.Should().BeFalse();
    }

    [Fact]
    public void Validate_ValidScenario_Succeeds()
    {
        var result = new LlmTcoOptionsValidator().Validate(Options.DefaultName, new LlmTcoOptions { Scenario = TestScenarios.ThreeMonths(TestScenarios.RentedModel8B) });

        result.Succeeded.Should().BeTrue();
    }

    [Fact]
    public void Validate_InvalidScenario_FailsWithTheKeyOfTheValue()
    {
        var result = new LlmTcoOptionsValidator().Validate(Options.DefaultName, new LlmTcoOptions { Scenario = TestScenarios.ThreeMonths() with { HorizonMonths = 0 } });

        result.Failed.Should().BeTrue();
        result.Failures.Should().Equal("LlmTco:Scenario:HorizonMonths: must be a whole number of months from 1 to 600 (value: 0)");
    }

    [Fact]
    public void Validate_NullOptions_Throws()
    {
        FluentActions.Invoking(() => new LlmTcoOptionsValidator().Validate(Options.DefaultName, null!))
            .Should().Throw<ArgumentNullException>().WithParameterName("options");
    }
}
