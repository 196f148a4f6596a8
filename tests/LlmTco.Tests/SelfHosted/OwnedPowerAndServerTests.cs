using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.SelfHosted;

/// <summary>Owned hardware bought in whole servers, with power that follows use (docs/methodology.md, "Owned").</summary>
public sealed class OwnedPowerAndServerTests
{
    private const double Tolerance = 1e-9;

    /// <summary>One GPU-A replica (700 W TDP) in a server of 8: idle 70 W a GPU, the server rated 10,200 W (a DGX H100's rating).</summary>
    private static readonly SelfHostedOption Option = RentedModel8B with
    {
        Name = "owned",
        Rented = null,
        Owned = new OwnedHardware
        {
            PricePerGpu = 25_000, Pue = 1.5, ElectricityPricePerKwh = 0.1, HostingPricePerKwMonth = 100,
            IdleWattsPerGpu = 70, ServerPowerWatts = 10_200,
        },
    };

    [Fact]
    public void OneOfEightGpusBusy_DrawsIdlePowerOnTheOthersAndTheServersOwnPower()
    {
        var self = Engine.Evaluate(ThreeMonths(Option) with { Workload = new Workload { Profiles = [Chat] } }).Option("owned");

        // Chat's load: 1e6 requests × 500 / 2,000 = 0.25 replica-seconds each, half deferrable, peak 1:
        // max(125,000, 250,000) s ÷ 2,628,000 s = 0.0951294 → 1 replica of 1 GPU, in 1 server of 8 GPUs
        var busy = 250_000 / 2_628_000.0;
        self.Months.Should().OnlyContain(m => m.Replicas == 1 && m.GpusNeeded == 1 && m.Gpus == 8);

        // Power: the serving GPU 0.07 + (0.7 − 0.07) × 0.0951294 = 0.1299315 kW; 7 idle GPUs × 0.07 = 0.49 kW; the server's
        // own 10.2 − 8 × 0.7 = 4.6 kW: 5.2199315 kW × 1.5 PUE × 730 h × 0.1 = 571.5825 a month (the old rule, TDP ×
        // target utilisation on the needed GPU alone, gave 0.7 × 0.7 × 1.5 × 730 × 0.1 = 53.655)
        var kw = 0.07 + (0.63 * busy) + (7 * 0.07) + 4.6;
        self.Months.Should().OnlyContain(m => Math.Abs(m.Cost(CostLine.Power) - (kw * 1.5 * 730 * 0.1)) < Tolerance);
        Math.Abs(self.Months[0].Cost(CostLine.Power) - 571.5825).Should().BeLessThan(1e-4);

        // Hosting on the server's rated 10.2 kW × 100 = 1,020; the whole server is bought: 8 × 25,000 in month 1
        self.Months.Should().OnlyContain(m => Math.Abs(m.Cost(CostLine.Hosting) - 1_020) < Tolerance);
        self.Months[0].Cost(CostLine.Capital).Should().BeApproximately(200_000, Tolerance);

        // Steady state, a replica at the 0.7 target utilisation: 25,000 / 60 + (0.07 + 0.63 × 0.7 + 4.6 / 8) kW × 1.5 ×
        // 730 × 0.1 + 10.2 / 8 kW × 100 = 416.6667 + 1.086 × 109.5 + 127.5 = 663.0837
        self.SteadyState.CostPerReplica.Should().BeApproximately((25_000 / 60.0) + ((0.07 + (0.63 * 0.7) + (4.6 / 8)) * 1.5 * 730 * 0.1) + (10.2 / 8 * 100), Tolerance);
    }

    [Fact]
    public void GrowingTraffic_FillsTheServerBoughtBeforeBuyingAnother()
    {
        // 1 replica in months 1–2 and 2 in months 3–4 (TestScenarios' chat at 1e6 then 8e6 requests): both fit the one
        // server of 8 bought in month 1, so nothing more is bought
        var profile = Chat with { BatchShare = 0, Growth = GrowthRule.Series(1e6, 1e6, 8e6, 8e6) };
        var scenario = ThreeMonths(Option) with { HorizonMonths = 4, Workload = new Workload { Profiles = [profile] } };

        var self = Engine.Evaluate(scenario).Option("owned");

        self.Months.Select(m => m.Replicas).Should().Equal(1, 1, 2, 2);
        self.Months.Select(m => m.Gpus).Should().Equal(8, 8, 8, 8);
        self.Months.Select(m => m.Cost(CostLine.Capital)).Should().Equal([200_000, 0, 0, 0], (a, b) => Math.Abs(a - b) < Tolerance);
    }

    [Fact]
    public void WithoutAServerRating_WarnsThatOnlyTheGpusPowerIsCounted()
    {
        var option = Option with { Owned = Option.Owned! with { ServerPowerWatts = null } };

        var result = Engine.Evaluate(ThreeMonths(option));

        result.Assumptions.Should().ContainSingle(a => a.Kind == AssumptionKind.Warning && a.Text.StartsWith("No server power rating is published for GPU-A", StringComparison.Ordinal))
            .Which.Text.Should().Contain("give owned.serverPowerWatts");
    }

    [Fact]
    public void ServerRatedBelowItsGpus_IsAnError()
    {
        var option = Option with { Owned = Option.Owned! with { ServerPowerWatts = 5_000 } };

        var act = () => Engine.Evaluate(ThreeMonths(option));

        act.Should().Throw<LlmTco.Scenarios.ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Be("a server of 8 × GPU-A draws at least its GPUs' TDP, 5,600 W");
    }
}

/// <summary>Large counts in assumption texts read without E-notation.</summary>
public sealed class BigNumberTextTests
{
    [Theory]
    [InlineData(8e9, "8,000,000,000")]
    [InlineData(4.8e18, "4.8 × 10¹⁸")] // 6 × 8e9 parameters × 1e8 tokens
    [InlineData(1.234e15, "1.23 × 10¹⁵")]
    [InlineData(0, "0")]
    public void Big_WritesLargeCountsWithPowersOfTen(double value, string text) => SelfHostedPlan.Big(value).Should().Be(text);
}
