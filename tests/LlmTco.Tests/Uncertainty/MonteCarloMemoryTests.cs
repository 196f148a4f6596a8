using LlmTco.Api;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;

namespace LlmTco.Tests.Uncertainty;

/// <summary>The Monte Carlo run's memory is bounded whatever the trials, options and months (docs/scenario-json.md, "Limits").</summary>
public sealed class MonteCarloMemoryTests
{
    private static readonly MonteCarloSimulator Simulator = new(TestScenarios.Engine);

    [Fact]
    public void Run_ManyPairsAndMonths_KeepsFewerTrialsForTheMonthlyPercentiles()
    {
        // Given 10 API × 10 self-hosted options over 100 months: 100 pairs × 100 months = 10,000 numbers a trial
        var scenario = ManyOptions(apis: 10, selves: 10, months: 100, trials: 2_000);

        var result = Simulator.Run(scenario);

        // Then 16,000,000 ÷ 10,000 = 1,600 trials are kept, fewer than the default 2,000
        result.MonthlyPercentileTrials.Should().Be(1_600);
        result.Trials.Should().Be(2_000);
    }

    [Fact]
    public void Run_TrialsTimesOutputsAboveTheLimit_IsAnErrorNamingTheTrials()
    {
        // Given 10 × 10 options: 3 × 100 pairs + 2 × 20 options = 340 numbers a trial; 300,000 trials keep 102,000,000
        var scenario = ManyOptions(apis: 10, selves: 10, months: 2, trials: 300_000);

        var act = () => Simulator.Run(scenario);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new ScenarioError("$.uncertainty.trials", "300000", "300,000 trials keep 340 numbers each (102,000,000 in all), above the limit of 100,000,000; use fewer trials or fewer options"));
    }

    private static Scenario ManyOptions(int apis, int selves, int months, int trials)
    {
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_000, 60_000), trials);
        var self = constant.SelfHostedOptions[0];
        return constant with
        {
            HorizonMonths = months,
            ApiOptions = Enumerable.Range(1, apis).Select(i => new ApiOption { Name = $"API {i}", Provider = "acme", Model = "acme-mini" }).ToList(),
            SelfHostedOptions = Enumerable.Range(1, selves).Select(i => self with { Name = $"Self {i}" }).ToList(),
        };
    }
}
