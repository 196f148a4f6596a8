using LlmTco.Uncertainty;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Uncertainty;

public sealed class TornadoTests
{
    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static MonteCarloSimulator Simulator => new(Engine);

    [Fact]
    public void Tornado_DominantInput_RanksFirstWithItsHandCalculatedSwing()
    {
        // Given a setup cost uniform on [0, 2,000,000] (P10 200,000, P90 1,800,000) among inputs that move the costs by
        // far less
        var setup = new UncertainInput { Path = "selfHostedOptions[0].people.setupCost", Distribution = Distribution.Uniform(0, 2_000_000), Label = "setup" };
        var scenario = UncertaintyScenarios.Growing(
            inputs:
            [
                new UncertainInput { Path = "selfHostedOptions[0].storage.gbHeld", Distribution = Distribution.Uniform(100, 1_000) },
                setup,
                new UncertainInput { Path = "apiOptions[1].monthlyFee", Distribution = Distribution.Triangular(400, 500, 700) },
            ]);

        // When
        var tornado = Simulator.Tornado(scenario);

        // Then it leads the ranking by break-even month of the rented option against Acme Large (against Acme Mini the
        // rented option never breaks even, so nothing swings it)
        tornado.Pair("Rented", "Acme Large").ByBreakEvenMonth[0].Label.Should().Be("setup");
        tornado.Pair("Rented", "Acme Large").ByBreakEvenMonth[0].BreakEvenMonthSwing.Should().BeGreaterThan(1);
        tornado.Pair("Rented", "Acme Mini").ByBreakEvenMonth.Should().OnlyContain(b => b.BreakEvenMonthSwing == 0 && b.BreakEvenMonthAtLow == null);

        // And the ranking by NPV difference against either API option
        foreach (var api in new[] { "Acme Large", "Acme Mini" })
        {
            var pair = tornado.Pair("Rented", api);
            pair.ByNpvDifference[0].Label.Should().Be("setup");

            // And the setup cost is paid in month 1, discounted by 1.08^(−1/12): the NPV swing is 1,600,000 × 1.08^(−1/12)
            var bar = pair.ByNpvDifference[0];
            bar.LowInputValue.Should().BeApproximately(200_000, 1e-6);
            bar.HighInputValue.Should().BeApproximately(1_800_000, 1e-6);
            bar.NpvDifferenceSwing.Should().BeApproximately(1_600_000 * Math.Pow(1.08, -1 / 12.0), 1e-3);
            pair.ByNpvDifference.Select(b => b.NpvDifferenceSwing).Should().BeInDescendingOrder();
        }

        // And the owned option, which the setup cost is not part of, does not move with it
        tornado.Pair("Owned", "Acme Mini").ByNpvDifference.Single(b => b.Label == "setup").NpvDifferenceSwing.Should().Be(0);
    }

    [Fact]
    public void Pair_UnknownNames_IsNotFound()
    {
        // Given
        var tornado = Simulator.Tornado(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000)));

        // When
        var act = () => tornado.Pair("Model-8B", "Acme Maxi");

        // Then
        act.Should().Throw<KeyNotFoundException>().Which.Message.Should().Be("No pair 'Model-8B' × 'Acme Maxi'.");
        tornado.Pair("Model-8B", "Acme Mini").ApiOption.Should().Be("Acme Mini");
    }

    [Fact]
    public void Tornado_Cancelled_Throws()
    {
        // Given
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        // When
        var act = () => Simulator.Tornado(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000)), cancel.Token);

        // Then
        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Tornado_NullScenario_Throws()
    {
        var act = () => Simulator.Tornado(null!);

        act.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("scenario");
    }
}
