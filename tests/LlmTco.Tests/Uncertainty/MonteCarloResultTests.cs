using LlmTco.Uncertainty;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Uncertainty;

public sealed class MonteCarloResultTests
{
    [Fact]
    public void Pair_UnknownNames_ListsThePairs()
    {
        // Given a run of the scenario with one self-hosted and one API option
        var result = new MonteCarloSimulator(Engine).Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 10));

        // When
        var act = () => result.Pair("Model-8B", "Acme Maxi");

        // Then
        act.Should().Throw<KeyNotFoundException>().Which.Message.Should().Be("No pair 'Model-8B' × 'Acme Maxi'; the pairs are: Model-8B × Acme Mini.");
    }

    [Fact]
    public void Option_UnknownName_ListsTheOptions()
    {
        // Given
        var result = new MonteCarloSimulator(Engine).Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 10));

        // When
        var act = () => result.Option("Model-9B");

        // Then the options, API options first
        act.Should().Throw<KeyNotFoundException>().Which.Message.Should().Be("No option named 'Model-9B'; the options are: Acme Mini, Model-8B.");
        result.Option("Model-8B").Name.Should().Be("Model-8B");
    }
}
