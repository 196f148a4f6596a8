using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>The steady-state cost curves the break-even volume is found on, checked against their documented formulas.</summary>
public sealed class SteadyStateCostTests
{
    [Theory]
    [InlineData(0.0, 0)] // no traffic, no minimum: nothing runs
    [InlineData(1.0, 1)] // any traffic needs a whole replica
    [InlineData(4e8, 1)] // exactly one replica's worth
    [InlineData(4e8 + 1, 2)]
    [InlineData(1e9, 3)] // 2.5 replicas' worth rounds up to 3
    public void ReplicasAt_NoMinimumNoSpares_IsTheCeilingOfTheVolumeOverOneReplicasTokens(double tokensPerMonth, int expected)
    {
        var self = SelfHosted(minReplicas: 0, redundancy: 0);

        self.ReplicasAt(tokensPerMonth).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.0, 4)] // max(3, 0) + 1
    [InlineData(6e8, 4)] // max(3, ceil(1.5)) + 1
    [InlineData(2.2e9, 7)] // max(3, ceil(5.5)) + 1
    public void ReplicasAt_MinimumAndSpares_IsTheLargerOfMinimumAndNeedPlusSpares(double tokensPerMonth, int expected)
    {
        var self = SelfHosted(minReplicas: 3, redundancy: 1);

        self.ReplicasAt(tokensPerMonth).Should().Be(expected);
    }

    [Fact]
    public void ReplicasAt_NoReplicaThroughput_RunsOnlyTheMinimumAndSpares()
    {
        // Given a self-hosted curve without a per-replica capacity (0 tokens a month per replica)
        var none = SelfHosted(minReplicas: 0, redundancy: 0) with { TokensPerMonthPerReplica = 0 };
        var some = SelfHosted(minReplicas: 2, redundancy: 1) with { TokensPerMonthPerReplica = 0 };

        // Then the volume cannot be turned into replicas: only the configured minimum and spares run
        none.ReplicasAt(1e9).Should().Be(0);
        some.ReplicasAt(1e9).Should().Be(3);
    }

    [Fact]
    public void ReplicasAt_ApiOption_IsZero_WhateverTheSelfHostedFieldsHold()
    {
        // "0 for API options": the self-hosted-only fields do not apply to an API curve
        var api = new SteadyStateCost(OptionKind.Api, 100, 5, 0, 1_000, 4e8, 2, 1, default);

        api.ReplicasAt(1e9).Should().Be(0);
    }

    [Fact]
    public void MonthlyCostAt_SelfHosted_IsFixedCostPlusReplicasTimesReplicaCost()
    {
        // Given 10,000 fixed and 1,500 a replica, minimum 3, one spare: 2.2e9 tokens need ceil(5.5) = 6 + 1 = 7 replicas
        var self = SelfHosted(minReplicas: 3, redundancy: 1) with { FixedMonthlyCost = 10_000 };

        // 10,000 + 7 × 1,500 = 20,500; at 0 tokens 10,000 + (3 + 1) × 1,500 = 16,000
        self.MonthlyCostAt(2.2e9).Should().Be(20_500);
        self.MonthlyCostAt(0).Should().Be(16_000);
    }

    [Fact]
    public void MonthlyCostAt_Api_IsUsageOrCommitmentWhicheverIsHigherPlusFixedFees()
    {
        // Given 5 per million tokens, a 2,500 monthly commitment and 1,000 a month in fees
        var api = new SteadyStateCost(OptionKind.Api, 1_000, 5, 2_500, 0, 0, 0, 0, default);

        // 1e8 tokens: usage 500 < 2,500, so 2,500 + 1,000 = 3,500; 1e9 tokens: usage 5,000 + 1,000 = 6,000
        api.MonthlyCostAt(1e8).Should().Be(3_500);
        api.MonthlyCostAt(1e9).Should().Be(6_000);
    }

    private static SteadyStateCost SelfHosted(int minReplicas, int redundancy) =>
        new(OptionKind.SelfHosted, 0, 0, 0, 1_500, 4e8, minReplicas, redundancy, default);
}
