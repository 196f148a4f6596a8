using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>
/// Break-even by month and by volume on hand-built cost curves. The volume cases use an API at 5 per million tokens
/// (2,000 for the 4 × 10⁸ tokens one replica carries), so every stair end and start below is whole-number arithmetic.
/// </summary>
public sealed class BreakEvenCalculatorTests
{
    private const double PerReplica = 4e8;

    [Fact]
    public void ByMonth_EqualCumulativeCosts_CountAsCheaperFromTheStart()
    {
        // Given self-hosting that costs exactly what the API costs every month: "at or below" holds from the start
        var point = BreakEvenCalculator.ByMonth([100.0, 200, 300], [100.0, 200, 300]);

        point.Should().Be(new BreakEvenPoint(BreakEvenOutcome.CheaperFromStart, 0, 0));
    }

    [Fact]
    public void ByMonth_CumulativeCostsMeetAtTheLastMonthEnd_BreaksEvenThere()
    {
        // Given self-hosting 50 dearer after month 1 (150 against 100) and equal after month 2 (200 and 200)
        var point = BreakEvenCalculator.ByMonth([150.0, 200], [100.0, 200]);

        // Then the difference falls from 50 to 0 inside month 2: fraction 50 / (50 − 0) = 1, i.e. 2.0 months, at 200
        point.Should().Be(new BreakEvenPoint(BreakEvenOutcome.BreaksEven, 2.0, 200.0));
    }

    [Fact]
    public void ByVolume_StairsThatTouchTheApi_ListEveryCrossingAndTheVolumeAboveWhichSelfHostingStays()
    {
        // Given 10,000 a month fixed, 1,500 a replica plus one spare, against an API at 5 per million plus 1,000 a month
        var self = SelfHosted(fixedCost: 10_000, redundancy: 1);
        var api = Api(fixedCost: 1_000);

        var volume = BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon: 1e8);

        // Stair k (k serving replicas, up to k × 4e8 tokens) costs 10,000 + (k + 1) × 1,500; the API costs 1,000 + 2,000
        // a replica's worth of tokens. Difference self − API at the stair's end: 10,500 − 500k; at its start: 12,500 − 500k.
        //   k = 21: end 0 (touches at 8.4e9: self-hosting is at or below, a crossing).
        //   k = 22: start +1,500 (API cheaper again at 8.4e9); equal at 44,500 = 1,000 + 5e-6 v → v = 8.7e9.
        //   k = 23: start +1,000 at 8.8e9; 46,000 → v = 9.0e9.  k = 24: start +500 at 9.2e9; 47,500 → v = 9.3e9.
        //   k = 25: start 0 at 9.6e9 (touches, self-hosting not dearer): no crossing; from there on self-hosting is cheaper.
        volume.Crossings.Select(c => (c.TokensPerMonth, c.SelfHostedCheaperAbove)).Should().Equal(
            [(8.4e9, true), (8.4e9, false), (8.7e9, true), (8.8e9, false), (9.0e9, true), (9.2e9, false), (9.3e9, true)],
            (a, b) => Math.Abs(a.TokensPerMonth - b.Item1) < 1 && a.SelfHostedCheaperAbove == b.Item2);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(9.3e9, 1);
    }

    [Fact]
    public void ByVolume_ReplicaCheaperThanItsTokens_SearchesOneStairPastWhereEveryStairIsCheaper()
    {
        // Given 10,250 a month fixed, 1,500 a replica plus one spare, against 5 per million plus 1,000 a month
        var self = SelfHosted(fixedCost: 10_250, redundancy: 1);
        var api = Api(fixedCost: 1_000);

        var volume = BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon: 1e8);

        // Start of stair k: 10,250 + 1,500 × 1 − 1,000 + 2,000 − k × (2,000 − 1,500) = 12,750 − 500k ≤ 0 from k = 25.5,
        // so from stair ceil(25.5) = 26; the search ends one stair later (stair 27) and one replica on: 28 × 4e8 = 1.12e10,
        // more than 10 × the horizon's 1e8 tokens.
        volume.SearchedUpToTokensPerMonth.Should().Be(1.12e10);

        // End of stair k: 10,750 − 500k, first ≤ 0 at k = 22; the last stair that starts dearer is k = 25 (start +250),
        // where 10,250 + 26 × 1,500 = 1,000 + 5e-6 v → v = 48,250 / 5e-6 = 9.65e9.
        volume.Crossings.Should().HaveCount(7);
        volume.Crossings[0].Should().Match<VolumeCrossing>(c => Math.Abs(c.TokensPerMonth - 8.75e9) < 1 && c.SelfHostedCheaperAbove);
        volume.Crossings[1].Should().Be(new VolumeCrossing(8.8e9, SelfHostedCheaperAbove: false));
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(9.65e9, 1);
    }

    [Fact]
    public void ByVolume_ApiCommitmentInsideAStair_ApiCheaperAgainAtTheStairStartNotAtTheKink()
    {
        // Given 1,500 a replica (no fixed cost) against 5 per million with a 2,500 monthly commitment: the API costs
        // 2,500 up to 2,500 / 5e-6 = 5e8 tokens, inside stair 2 (4e8 to 8e8)
        var self = SelfHosted(fixedCost: 0, redundancy: 0);
        var api = Api(fixedCost: 0, commitment: 2_500);

        var volume = BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon: 1e8);

        // Stair 1: 1,500 < 2,500, cheaper from 0. Stair 2: 3,000 > 2,500 at 4e8 (API cheaper again), equal at
        // 3,000 / 5e-6 = 6e8. Stair 3: 4,500 > 4,000 at 8e8, equal at 9e8. Stair 4: 6,000 = 6,000 at 1.2e9, cheaper on.
        volume.Crossings.Select(c => (c.TokensPerMonth, c.SelfHostedCheaperAbove)).Should().Equal(
            [(4e8, false), (6e8, true), (8e8, false), (9e8, true)],
            (a, b) => Math.Abs(a.TokensPerMonth - b.Item1) < 1 && a.SelfHostedCheaperAbove == b.Item2);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(9e8, 1);

        // Stairs are cheaper from 2,000 / (2,000 − 1,500) = 4 on; search to stair 4 + 1 and one replica on: 6 × 4e8
        volume.SearchedUpToTokensPerMonth.Should().Be(2.4e9);
    }

    [Fact]
    public void ByVolume_ReplicaDearerThanItsTokens_SearchesTenTimesTheHorizonAndNeverStaysCheaper()
    {
        // Given a replica at 2,500 carrying tokens the API sells for 2,000, and a horizon peaking at 1e9 tokens a month
        var self = SelfHosted(fixedCost: 0, redundancy: 0, costPerReplica: 2_500);
        var api = Api(fixedCost: 0);

        var volume = BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon: 1e9);

        // Then the search covers 10 × 1e9 tokens (more than two stairs, 8e8), finding API-cheaper stairs only
        volume.SearchedUpToTokensPerMonth.Should().Be(1e10);
        volume.Crossings.Should().BeEmpty("stair k costs 2,500k, more than the API's 2,000k even at its end");
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
    }

    [Fact]
    public void ByVolume_SmallHorizon_SearchesAtLeastTwoStairsPastTheMinimum()
    {
        // Given a dearer replica (2,500 against 2,000) and a horizon of no tokens at all
        var one = BreakEvenCalculator.ByVolume(SelfHosted(0, 0, costPerReplica: 2_500), Api(0), maxTokensOfHorizon: 0);

        // Then the search still reaches one replica past the first stair: 2 × 4e8
        one.SearchedUpToTokensPerMonth.Should().Be(8e8);

        // And with a minimum of 3 replicas the first stair is stair 3: 4 × 4e8; with no minimum, stair 1 still comes first
        BreakEvenCalculator.ByVolume(SelfHosted(0, 0, costPerReplica: 2_500, minReplicas: 3), Api(0), 0)
            .SearchedUpToTokensPerMonth.Should().Be(1.6e9);
        BreakEvenCalculator.ByVolume(SelfHosted(0, 0, costPerReplica: 2_500, minReplicas: 0), Api(0), 0)
            .SearchedUpToTokensPerMonth.Should().Be(8e8);
    }

    [Fact]
    public void ByVolume_NoMinimumReplicas_FindsNoCrossingAtZeroTokens()
    {
        // Given no minimum: at 0 tokens no replica runs (0 against the API's 1,000 fee), from the first token one does
        var self = SelfHosted(fixedCost: 0, redundancy: 0, minReplicas: 0);

        var volume = BreakEvenCalculator.ByVolume(self, Api(fixedCost: 1_000), maxTokensOfHorizon: 0);

        // Stair 1 costs 1,500 against 1,000 + 5e-6 v: equal at v = 1e8; stair 2, 3,000 against 3,000 at 4e8: touches
        volume.Crossings.Should().ContainSingle().Which.TokensPerMonth.Should().BeApproximately(1e8, 1);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(1e8, 1);
    }

    [Fact]
    public void ByVolume_ReplicaCostingExactlyItsTokens_NeverStaysCheaper()
    {
        // Given a replica costing what the API charges for the 4e8 tokens it carries (5 / 1e6 × 4e8 = 2,000)
        var self = SelfHosted(fixedCost: 0, redundancy: 0, costPerReplica: 5 / 1e6 * PerReplica);

        var volume = BreakEvenCalculator.ByVolume(self, Api(fixedCost: 0), maxTokensOfHorizon: 1e8);

        // Then self-hosting at best ties at each stair's end: it never stays cheaper
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
        volume.SearchedUpToTokensPerMonth.Should().Be(1e9, "10 × the horizon's 1e8 tokens is more than two stairs (8e8)");
    }

    [Fact]
    public void ByVolume_ApiFreePerToken_HasNoBreakEvenVolume()
    {
        // Given an API that charges only a 2,500 commitment and nothing per token: no volume curve to cross
        var volume = BreakEvenCalculator.ByVolume(SelfHosted(0, 0), Api(0, commitment: 2_500, perMillion: 0), 1e8);

        volume.Should().BeEquivalentTo(new VolumeBreakEven([], null, 0, default));
    }

    [Fact]
    public void ByVolume_StepLimitReachedWhileTheApiIsCheaper_DoesNotClaimSelfHostingIsCheaper()
    {
        // Given 100,000 a month fixed and a replica 1 cheaper than its tokens (1,000 against 1,001 at 1,001 per million
        // × 1e6 tokens): self-hosting would be cheaper only beyond 100,000 stairs, but the walk stops after 10
        var self = new SteadyStateCost(OptionKind.SelfHosted, 100_000, 0, 0, 1_000, 1e6, 1, 0, default);
        var api = new SteadyStateCost(OptionKind.Api, 0, 1_001, 0, 0, 0, 0, 0, default);

        var volume = BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon: 1e6, maxSegments: 10);

        // Then at the end of stair k ≤ 10 self-hosting is 100,000 − k dearer: no crossing, and no claim it is cheaper
        volume.SearchedUpToTokensPerMonth.Should().Be(1e7);
        volume.Crossings.Should().BeEmpty();
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
    }

    [Fact]
    public void ByVolume_StepLimitReachedWhereTheCostsTie_CountsSelfHostingAsCheaper()
    {
        // Given 10 a month fixed and a replica 1 cheaper than its tokens (1,000 against 1,001 per 1e6 tokens); the walk
        // stops after 10 stairs, at 1e7 tokens
        var self = new SteadyStateCost(OptionKind.SelfHosted, 10, 0, 0, 1_000, 1e6, 1, 0, default);
        var api = new SteadyStateCost(OptionKind.Api, 0, 1_001, 0, 0, 0, 0, 0, default);

        var volume = BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon: 1e6, maxSegments: 10);

        // Then at the end of stair k self-hosting is 10 − k dearer: 0 at k = 10, where 10 + 10 × 1,000 = 10 × 1,001
        // = 10,010. At or below counts as cheaper, so self-hosting is cheaper from there
        volume.Crossings.Should().ContainSingle().Which.Should().Match<VolumeCrossing>(c => Math.Abs(c.TokensPerMonth - 1e7) < 1e-3 && c.SelfHostedCheaperAbove);
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().BeApproximately(1e7, 1e-3);
    }

    [Fact]
    public void ByVolume_CheaperAtEveryVolume_IsCheaperAboveZero()
    {
        // Given a replica at 1,500 and 0 fixed cost against an API with a 10,000 monthly fee: cheaper on every stair
        // (stair k: 1,500k against 10,000 + 2,000 (k − 1) at its start, 8,000 + 500k more)
        var volume = BreakEvenCalculator.ByVolume(SelfHosted(0, 0), Api(fixedCost: 10_000), maxTokensOfHorizon: 1e8);

        volume.Crossings.Should().BeEmpty();
        volume.SelfHostedCheaperAboveTokensPerMonth.Should().Be(0);
    }

    private static SteadyStateCost SelfHosted(double fixedCost, int redundancy, double costPerReplica = 1_500, int minReplicas = 1) =>
        new(OptionKind.SelfHosted, fixedCost, 0, 0, costPerReplica, PerReplica, minReplicas, redundancy, default);

    private static SteadyStateCost Api(double fixedCost, double commitment = 0, double perMillion = 5) =>
        new(OptionKind.Api, fixedCost, perMillion, commitment, 0, 0, 0, 0, default);
}
