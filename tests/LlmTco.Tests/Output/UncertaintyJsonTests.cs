using System.Text.Json;
using LlmTco.Output;
using LlmTco.Tests.Uncertainty;
using LlmTco.Uncertainty;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Output;

public sealed class UncertaintyJsonTests
{
    [Fact]
    public void Serialize_MonteCarloOfAFixedSetupCost_WritesItsBreakEvenAndANullTornado()
    {
        // Given a setup cost of exactly 60,800 and a saving of 22,500 − 7,300 = 15,200 a month: every trial breaks even
        // 60,800 ÷ 15,200 = 4 months from the start; the NPV difference is 60,800 − 12 × 15,200 = −121,600 (no discounting)
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Point(60_800), trials: 50);
        var result = Engine.Evaluate(scenario);
        var monteCarlo = new MonteCarloSimulator(Engine).Run(scenario);

        // When
        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(result, monteCarlo, tornado: null));

        // Then
        var u = json.RootElement.GetProperty("uncertainty");
        u.GetProperty("trials").GetInt32().Should().Be(50);
        u.GetProperty("inputs")[0].GetProperty("distribution").GetProperty("kind").GetString().Should().Be("point");
        u.GetProperty("inputs")[0].GetProperty("distribution").GetProperty("value").GetDouble().Should().Be(60_800);
        var pair = u.GetProperty("pairs")[0];
        foreach (var p in pair.GetProperty("breakEvenMonthsFromStart").GetProperty("percentiles").EnumerateArray())
        {
            p.GetProperty("value").GetDouble().Should().BeApproximately(4, 1e-9);
        }

        pair.GetProperty("npvDifference").GetProperty("mean").GetDouble().Should().BeApproximately(-121_600, 1e-6);
        pair.GetProperty("neverBreaksEvenShare").GetDouble().Should().Be(0);
        // Cheaper by month m when 60,800 ≤ 15,200 m: from month 4 on
        pair.GetProperty("probabilityCheaperByMonth").EnumerateArray().Select(e => e.GetDouble()).Should().Equal(0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1);
        u.GetProperty("tornado").ValueKind.Should().Be(JsonValueKind.Null);
    }

    [Fact]
    public void Serialize_WithoutMonteCarlo_LeavesOutTheUncertaintyProperty()
    {
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Point(60_800));

        using var json = JsonDocument.Parse(ScenarioResultJson.Serialize(Engine.Evaluate(scenario)));

        json.RootElement.TryGetProperty("uncertainty", out _).Should().BeFalse();
    }
}
