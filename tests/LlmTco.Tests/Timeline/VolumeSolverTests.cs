using CsCheck;
using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>The volume search's break-even against <see cref="StairWalk"/>, which walks every stair.</summary>
public sealed class VolumeSolverTests
{
    /// <summary>
    /// The most stairs a search may evaluate on these cases beyond those holding crossings: halving a range of at most
    /// 2,000,001 stairs down to ranges of at most 5 evaluated one by one leaves about 19 levels; on each level only the
    /// ranges holding the first stair, the last, the kink or the stair where Self − API at stair starts or stair ends
    /// (each monotone in the stair number) changes sign are not skipped, and a range of the last two lies beside the
    /// crossings' band, so about 2 × 19 × 5 = 190 at most are expected off the band (34 was the most in 200,000 random
    /// cases and 3,000 cases level to rounding on 2026-12-05); the walk evaluates up to 2,000,000.
    /// </summary>
    private const long MaxStairs = 250;

    [Fact]
    public void CheaperAbove_AnySteadyStates_EqualsByVolumeBitForBit()
    {
        // Given generated steady states: staircases of 1 to 3,000 stairs over the searched range, with minimum and spare
        // replicas, fixed costs on both sides, and API commitments (a kink) half of the time
        var gen = Gen.Select(
            Gen.Select(Gen.Double[0, 100_000], Gen.Double[100, 50_000], Gen.Double[1e8, 1e11], Gen.Int[0, 5], Gen.Int[0, 3]),
            Gen.Select(Gen.Double[0.05, 20], Gen.Double[0, 10_000], Gen.Int[0, 1], Gen.Double[0, 500_000]),
            Gen.Double[0, 3e12]);

        long mostStairs = 0;
        var cases = 0;
        var crossings = 0;
        gen.Sample((s, a, maxTokens) =>
        {
            var self = new SteadyStateCost(OptionKind.SelfHosted, s.Item1, 0, 0, s.Item2, s.Item3, s.Item4, s.Item5, default);
            var api = new SteadyStateCost(OptionKind.Api, a.Item2, a.Item1, a.Item3 == 0 ? 0 : a.Item4, 0, 0, 0, 0, default);

            // Then the answer is ByVolume's to the last bit
            var expected = StairWalk.ByVolume(self, api, maxTokens).SelfHostedCheaperAboveTokensPerMonth;
            var actual = VolumeSolver.CheaperAbove(self, api, maxTokens, out var stairs);
            Interlocked.Increment(ref cases);
            if (expected > 0)
            {
                Interlocked.Increment(ref crossings);
            }

            InterlockedMax(ref mostStairs, stairs);
            return Nullable.Equals(actual, expected);
        }, iter: 3_000);

        // And no case evaluated more than a bounded number of stairs
        mostStairs.Should().BeLessThan(MaxStairs);
        ((double)crossings / cases).Should().BeGreaterThan(0.3, "most cases must have a crossing for the comparison to mean something");
    }

    [Fact]
    public void CheaperAbove_CommitmentFarBeyondTheSearchRange_AnswersAsByVolumeWithoutOverflow()
    {
        // Given an API commitment of 10³⁰⁰ a month at 5 per million tokens: its kink lies 2 × 10³⁰⁵ tokens out, far more
        // stairs of 10⁹ tokens than a long can count (issue 20: this threw an OverflowException in Monte Carlo)
        var self = new SteadyStateCost(OptionKind.SelfHosted, 0, 0, 0, 1_000, 1e9, 1, 0, default);
        var api = new SteadyStateCost(OptionKind.Api, 0, 5, 1e300, 0, 0, 0, 0, default);

        // When
        var actual = () => VolumeSolver.CheaperAbove(self, api, 1e10);

        // Then it answers, and as the stair-by-stair walk does: the API costs the commitment at every volume searched, so
        // self-hosting is cheaper from the first stair on (0)
        actual.Should().NotThrow().Which.Should().Be(StairWalk.ByVolume(self, api, 1e10).SelfHostedCheaperAboveTokensPerMonth);
    }

    [Fact]
    public void CheaperAbove_ReplicaDearerThanItsTokens_NeverStaysCheaper()
    {
        // Given a replica at 10,000 a month carrying 10⁹ tokens that the API sells for 5 per million (5,000)
        var self = new SteadyStateCost(OptionKind.SelfHosted, 0, 0, 0, 10_000, 1e9, 1, 0, default);
        var api = new SteadyStateCost(OptionKind.Api, 0, 5, 0, 0, 0, 0, 0, default);

        VolumeSolver.CheaperAbove(self, api, 1e10).Should().BeNull();
    }

    [Fact]
    public void CheaperAbove_ReadmeExample_IsTheHandCalculatedVolume()
    {
        // Given the README example: one replica at 1,636.72 a month against GPT-4o at 5 per million tokens of the mix, so
        // self-hosting is cheaper above 1,636.72 ÷ 5 × 10⁶ = 327,343,680 tokens a month (README "A scenario of your own")
        var self = new SteadyStateCost(OptionKind.SelfHosted, 0, 0, 0, 1636.7184, 2.2e10, 1, 0, default);
        var api = new SteadyStateCost(OptionKind.Api, 0, 5, 0, 0, 0, 0, 0, default);

        VolumeSolver.CheaperAbove(self, api, 1.5e9)!.Value.Should().BeApproximately(327_343_680, 1);
    }

    [Theory]
    [InlineData(0, 5)]
    [InlineData(1e9, 0)]
    public void CheaperAbove_NoTokensPerReplicaOrFreeApi_IsNull(double tokensPerReplica, double apiPerMillion)
    {
        // Given a replica that carries no tokens, or an API that charges nothing per token (ByVolume's first guard)
        var self = Self(0, 1_000, tokensPerReplica);
        var api = Api(0, apiPerMillion);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e10, out var stairs);

        // Then no volume makes self-hosting stay cheaper, as ByVolume says, and it was not asked
        answer.Should().BeNull();
        StairWalk.ByVolume(self, api, 1e10).SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_ReplicaCostingExactlyItsTokensApiPrice_IsNullInBoundedStairs()
    {
        // Given a replica at 5,000 a month carrying 10⁹ tokens that the API sells for 5 per million: 5 ÷ 10⁶ × 10⁹ = 5,000
        // (exact in binary floating point too), so every stair costs at least as much as the API
        var self = Self(0, 5_000, 1e9);
        var api = Api(0, 5);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e10, out var stairs);

        // Then self-hosting never stays cheaper, found in a bounded number of stairs
        answer.Should().BeNull();
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_ReplicaWithinOneBillionthOfItsTokensPrice_IsFoundInBoundedStairs()
    {
        // Given 10¹³ tokens a replica, sold by the API at 100 per million = 10⁹, and a replica at 999,999,999: cheaper by
        // 1 = 10⁻⁹ × 10⁹ (exact in binary floating point); the API's fixed 10⁹ a month keeps the range to two stairs
        var self = Self(0, 999_999_999, 1e13);
        var api = Api(1e9, 100);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e12, out var stairs);

        // Then self-hosting is cheaper at any volume (stair n costs n × 999,999,999, the API at least
        // 10⁹ + (n − 1) × 10⁹ = n × 10⁹ on it), so 0
        stairs.Should().BeLessThan(MaxStairs);
        answer.Should().Be(0);
    }

    [Fact]
    public void CheaperAbove_ReplicaBarelyCheaperThanItsTokens_IsTheLastOfSeveralCrossings()
    {
        // Given 10⁶ tokens a replica at 0.75 a month plus 1 fixed, against an API at 1 per million (1 a replica's
        // tokens). On stair n (from (n − 1) × 10⁶ to n × 10⁶ tokens) self-hosting costs 1 + 0.75 n and the API
        // v ÷ 10⁶, so F = self − API is 2 − 0.25 n at the stair's start and 1 − 0.25 n at its end: self-hosting gets
        // cheaper on stairs 4 to 7 and the API is cheaper again at the starts of stairs 5, 6 and 7 (F_start(8) = 0).
        // The last crossing is on stair 7: from 6 × 10⁶ tokens, where F = 0.25, the API catches up at 6.25 × 10⁶.
        // Ten times the horizon's 575,000 tokens (5.75 × 10⁶) ends inside stair 6, before that crossing: the search
        // must reach past the stair where F stays below 0 (2 ÷ 0.25 + 1 = 9 stairs), not stop at the horizon.
        var self = Self(1, 0.75, 1e6);
        var api = Api(0, 1);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 575_000, out var stairs);

        // Then
        answer!.Value.Should().BeApproximately(6.25e6, 1e-3);
        answer.Should().Be(StairWalk.ByVolume(self, api, 575_000).SelfHostedCheaperAboveTokensPerMonth);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_CommitmentBelowSeveralCrossings_IsTheLastCrossing()
    {
        // Given 10⁹ tokens a replica at 3,000 a month plus 5,000 fixed, against an API at 5 per million (5,000 a
        // replica's tokens) with a commitment of 10,000 (reached at 2 × 10⁹ tokens). Stair 1 (8,000) is below the
        // commitment; stair 2 (11,000) is above it to its end at the commitment's 2 × 10⁹ tokens; stair 3 (14,000) is
        // caught up at 14,000 ÷ 5 × 10⁶ = 2.8 × 10⁹; stair 4 (17,000) starts 2,000 above the API's 15,000 and is caught
        // up at 3.4 × 10⁹; stair 5 (20,000) starts level with the API's 20,000, and the API gains 2,000 a stair.
        var self = Self(5_000, 3_000, 1e9);
        var api = Api(0, 5, commitment: 10_000);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e9, out var stairs);

        // Then
        answer!.Value.Should().BeApproximately(3.4e9, 1e-3);
        answer.Should().Be(StairWalk.ByVolume(self, api, 1e9).SelfHostedCheaperAboveTokensPerMonth);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_CrossingOnTheStairHoldingTheCommitmentKink_IsFoundInBoundedStairs()
    {
        // Given 1.5 × 10⁹ tokens a replica at 1,000 a month plus 9,500 fixed, against an API at 5 per million with a
        // commitment of 10,000, reached at 2 × 10⁹ tokens, inside stair 2 (1.5 to 3 × 10⁹). Stair 1 (10,500) is 500
        // above the commitment all along; stair 2 (11,500) is 1,500 above it up to the kink, then the API catches up
        // at 11,500 ÷ 5 × 10⁶ = 2.3 × 10⁹; stair 3 (12,500) starts below the API's 15,000 and the API gains 6,500 a
        // stair from there.
        var self = Self(9_500, 1_000, 1.5e9);
        var api = Api(0, 5, commitment: 10_000);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e9, out var stairs);

        // Then
        answer!.Value.Should().BeApproximately(2.3e9, 1e-3);
        answer.Should().Be(StairWalk.ByVolume(self, api, 1e9).SelfHostedCheaperAboveTokensPerMonth);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_CrossingOnTheFirstStairOfMinimumAndSpareReplicas_IsFoundInBoundedStairs()
    {
        // Given at least 3 replicas plus 1 spare at 2,000 each (8,000 a month up to 3 × 10⁹ tokens), against an API at 5
        // per million: the API reaches 8,000 at 1.6 × 10⁹ tokens, inside that first stair; stair 4 (10,000) starts
        // below the API's 15,000
        var self = Self(0, 2_000, 1e9, minReplicas: 3, spares: 1);
        var api = Api(0, 5);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e9, out var stairs);

        // Then
        answer!.Value.Should().BeApproximately(1.6e9, 1e-3);
        answer.Should().Be(StairWalk.ByVolume(self, api, 1e9).SelfHostedCheaperAboveTokensPerMonth);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_SelfHostingCheaperFromTheFirstToken_IsZeroInBoundedStairs()
    {
        // Given one replica at 1,000 a month for 10⁹ tokens, against an API at 5 per million plus 2,000 fixed: stair n
        // costs 1,000 n, the API at least 2,000 + 5,000 (n − 1), always more
        var self = Self(0, 1_000, 1e9);
        var api = Api(2_000, 5);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e9, out var stairs);

        // Then
        answer.Should().Be(0);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Theory]
    [InlineData(1e6)]
    [InlineData(9305469534.545837)]
    public void CheaperAbove_StepLimitCutsTheSearchWhereTheApiIsCheaperAgain_IsNullInBoundedStairs(double tokensPerReplica)
    {
        // Given replicas at 1 a month plus 2,000,002 fixed, against an API that sells a replica's tokens for 2 (so at
        // 2 × 10⁶ ÷ tokensPerReplica per million), with a commitment of 4,000,001, reached 2,000,000.5 replicas' worth of
        // tokens in. The search range ends at ByVolume's cap of 2,000,000 stairs, before the commitment is used up, so the
        // API costs 4,000,001 on every stair walked and F = self − API = n − 1,999,999 on stair n: ≤ 0 up to stair
        // 1,999,999 (0 at its end), then 1 on stair 2,000,000, where the API is cheaper again and the search stops.
        // (Uncut, the stair after which self-hosting stays cheaper would be found above the commitment: ByVolume's
        // last stair is (2,000,002 + 2) ÷ (2 − 1) + 1 = 2,000,005.) The second size of a replica is one where
        // 2,000,000 × tokensPerReplica ÷ tokensPerReplica rounds to a little above 2,000,000, so the range's end
        // divided back into stairs must be brought down to the whole 2,000,000.
        var self = Self(2_000_002, 1, tokensPerReplica);
        var api = Api(0, 2e6 / tokensPerReplica, commitment: 4_000_001);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);

        // Then no volume is known above which self-hosting stays cheaper (ByVolume's answer when cut short while the API
        // is cheaper), found in a bounded number of stairs, not the walk's two million
        answer.Should().BeNull();
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_StepLimitCutsTheSearchFarBelowTheCommitment_IsNullInBoundedStairs()
    {
        // Given replicas of 10⁶ tokens at 1 a month plus 3,000,000 fixed, against an API at 2 per million with a
        // commitment of 4,999,999, reached at 2,499,999.5 × 10⁶ tokens, far past ByVolume's cap of 2,000,000 stairs. On
        // every stair walked the API costs the commitment, and F = self − API = n − 1,999,999: self-hosting is dearer
        // again on the last stair, 2,000,000, where the search stops
        var self = Self(3_000_000, 1, 1e6);
        var api = Api(0, 2, commitment: 4_999_999);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);

        // Then the search was cut short while the API is cheaper: no volume is known above which self-hosting stays
        // cheaper (not 0, "cheaper at any volume"), found in a bounded number of stairs
        answer.Should().BeNull();
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_StepLimitEndingLevelWithTheApi_IsZeroInBoundedStairs()
    {
        // Given replicas of 10⁶ tokens at 1 a month plus 2,000,004 fixed, against an API at 2 per million with a
        // commitment of 4,000,004 (reached at 2,000,002 × 10⁶ tokens, past ByVolume's cap of 2,000,000 stairs): on every
        // stair walked F = self − API = n − 2,000,000, below 0 up to the last stair and 0 on it
        var self = Self(2_000_004, 1, 1e6);
        var api = Api(0, 2, commitment: 4_000_004);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);

        // Then self-hosting is never dearer, up to the end of the search: cheaper (or level) at any volume
        answer.Should().Be(0);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_CommitmentKinkInTheStairBeforeTheStepLimit_IsTheCrossingOnTheLastStair()
    {
        // Given replicas of 10⁶ tokens at 1 a month plus 1,999,999 fixed, against an API at 2 per million with a
        // commitment of 3,999,997, reached at 1,999,998.5 × 10⁶ tokens: in the middle of stair 1,999,999, the one before
        // ByVolume's cap of 2,000,000 stairs. Below the kink F = self − API = n − 1,999,998 (0 on stair 1,999,998, 1 on
        // stair 1,999,999 up to the kink); then the API reaches 3,999,998 at that stair's end (F = 0). On stair 2,000,000
        // self-hosting costs 3,999,999 and the API 3,999,998 to 4,000,000: F falls from 1 to −1, through 0 at
        // 1,999,999.5 × 10⁶ tokens, and the search ends there with the API dearer
        var self = Self(1_999_999, 1, 1e6);
        var api = Api(0, 2, commitment: 3_999_997);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);

        // Then
        answer!.Value.Should().BeApproximately(1_999_999.5e6, 1e-3);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_StepLimitCutsTheSearchWhileSelfHostingIsDearer_IsNullInBoundedStairs()
    {
        // Given replicas of 10⁶ tokens at 1 a month plus 2,000,000.5 fixed, against an API at 2 per million: F = self − API
        // is 2,000,002.5 − n at the start of stair n and 2,000,000.5 − n at its end, so it stays above 0 up to the end of
        // stair 2,000,000 (0.5), where ByVolume's step cap stops the search
        var self = Self(2_000_000.5, 1, 1e6);
        var api = Api(0, 2);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);

        // Then no volume is known above which self-hosting stays cheaper, found in a bounded number of stairs
        answer.Should().BeNull();
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_StairStartingLevelWithTheApiAtTheStepLimit_EqualsByVolumeBitForBit()
    {
        // Given 6 × 10⁸ tokens a replica at 936.62, against an API at 2.5 per million (1,500 a replica's tokens), and a
        // fixed cost of 2,000,000 × (1,500 − 936.62) − 1,500 that makes F = self − API = 563.38 × (2,000,000 − n) at
        // the start of stair n: 0, in exact arithmetic, at the start of stair 2,000,000, the last one ByVolume walks.
        // The closed form guesses stair 1,999,999 as the last to start above the API, and the rounding of the costs
        // decides whether stair 2,000,000 does too
        var apiPerReplica = 2.5 / 1e6 * 6e8;
        var self = Self((2e6 * (apiPerReplica - 936.62)) - apiPerReplica, 936.62, 6e8);
        var api = Api(0, 2.5);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);

        // Then the answer is ByVolume's to the last bit, found in a bounded number of stairs
        answer.Should().Be(StairWalk.ByVolume(self, api, 0).SelfHostedCheaperAboveTokensPerMonth);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_SearchEndingARoundingErrorPastAWholeStair_EqualsByVolume()
    {
        // Given replicas of 5,998,518,784.196004 tokens at 20,000 a month, against an API at 5 per million (29,992.59 a
        // replica's tokens): F = self − API starts stair n at 20,000 n − 29,992.59 (n − 1), so the last stair that starts
        // above the API is stair 3 (F = 14.81), where the API reaches 60,000 at 60,000 ÷ 5 × 10⁶ = 1.2 × 10¹⁰ tokens.
        // Ten times the horizon, 7,450,160,329,971.4375 tokens, is 1,242 stairs and a rounding error: divided by the
        // stair it rounds to exactly 1,242, but 1,242 stairs end just below it, so ByVolume walks a 1,243rd sliver
        var self = Self(0, 20_000, 5998518784.196004);
        var api = Api(0, 5);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 745016032997.1438, out var stairs);

        // Then
        answer!.Value.Should().BeApproximately(1.2e10, 1e-3);
        answer.Should().Be(StairWalk.ByVolume(self, api, 745016032997.1438).SelfHostedCheaperAboveTokensPerMonth);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_StairBelowTheKinkLevelWithTheCommitment_IsZeroInBoundedStairs()
    {
        // Given 1.5 × 10⁹ tokens a replica at 1,000 a month plus 8,000 fixed, against an API at 5 per million with a
        // commitment of 10,000 (reached at 2 × 10⁹ tokens, inside stair 2): stair 1 (9,000) is below the commitment,
        // stair 2 (10,000) level with it up to the kink and below the API after it, stair 3 (11,000) below the API's
        // 15,000 at its start, and the API gains 6,500 a stair from there
        var self = Self(8_000, 1_000, 1.5e9);
        var api = Api(0, 5, commitment: 10_000);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e9, out var stairs);

        // Then self-hosting is never dearer: cheaper (or level) at any volume
        answer.Should().Be(0);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_LevelWithTheApiAtZeroTokens_IsZeroInBoundedStairs()
    {
        // Given one replica at 1,000 a month for 10⁹ tokens, against an API at 5 per million plus 1,000 fixed: level at
        // 0 tokens, and from there the API gains 5,000 a stair while self-hosting gains 1,000
        var self = Self(0, 1_000, 1e9);
        var api = Api(1_000, 5);

        // When
        var answer = VolumeSolver.CheaperAbove(self, api, 1e9, out var stairs);

        // Then
        answer.Should().Be(0);
        stairs.Should().BeLessThan(MaxStairs);
    }

    [Fact]
    public void CheaperAbove_StairStartsMeetingTheApiExactly_EqualsByVolumeBitForBit()
    {
        // Given generated steady states whose stair n0 starts exactly level with the API, in exact arithmetic: the fixed
        // cost is n0 × (API price of a replica's tokens − replica cost) − that price + the API's fixed cost − the spares' cost, so the closed
        // form's guess of the last stair that starts above the API lands on floating-point noise half of the time and
        // the solver must step or bisect to the stair ByVolume's own arithmetic says
        var gen = Gen.Select(
            Gen.Select(Gen.Double[1e8, 1e11], Gen.Double[0.05, 20], Gen.Double[0.1, 0.99], Gen.Int[2, 60]),
            Gen.Select(Gen.Int[0, 3], Gen.Int[0, 2], Gen.Double[0, 10_000], Gen.Int[0, 2], Gen.Double[0, 1]));

        long mostStairs = 0;
        var cases = 0;
        gen.Sample((s, o) =>
        {
            var (tokensPerReplica, apiPerMillion, share, n0) = s;
            var (minReplicas, spares, apiFixed, withCommitment, commitmentShare) = o;
            var apiPerReplica = apiPerMillion / 1e6 * tokensPerReplica;
            var replicaCost = share * apiPerReplica;
            var selfFixed = (n0 * (apiPerReplica - replicaCost)) - apiPerReplica + apiFixed - (spares * replicaCost);
            if (selfFixed < 0)
            {
                return true;
            }

            var self = Self(selfFixed, replicaCost, tokensPerReplica, minReplicas, spares);
            var api = Api(apiFixed, apiPerMillion, withCommitment == 1 ? commitmentShare * n0 * apiPerReplica : 0);

            // Then the answer is ByVolume's to the last bit
            var expected = StairWalk.ByVolume(self, api, 0).SelfHostedCheaperAboveTokensPerMonth;
            var actual = VolumeSolver.CheaperAbove(self, api, 0, out var stairs);
            Interlocked.Increment(ref cases);
            InterlockedMax(ref mostStairs, stairs);
            return Nullable.Equals(actual, expected);
        }, iter: 3_000);

        // And each search evaluated a bounded number of stairs
        mostStairs.Should().BeLessThan(MaxStairs);
        cases.Should().BeGreaterThan(1_000);
    }

    [Fact]
    public void Crossings_AnySteadyStates_EqualTheStairWalkBitForBit()
    {
        // Given generated searches (AnySearch: replicas near and far from their tokens' API price, commitments, step limits)
        var withCrossings = 0;
        var comparedWithDirect = 0;
        AnySearch.Sample((self, api, maxTokens, segments) =>
        {
            // When
            var solver = new VolumeSolver();
            var actual = solver.Crossings(self, api, maxTokens, segments);
            var expected = StairWalk.ByVolume(self, api, maxTokens, segments);
            var direct = DirectStairWalk.ByVolume(self, api, maxTokens, segments, out var margin);

            // Then every crossing, the volume above and the range searched are the walk's to the last bit (the number of
            // stairs the search evaluated is the test below)
            if (expected.Crossings.Count > 0)
            {
                Interlocked.Increment(ref withCrossings);
            }

            // And, where no piece end is level with the API to within 10⁻⁹ of the costs (far above the rounding by which
            // the search's monotone form and the difference of the two costs can part), those of the walk that evaluates
            // Self − API as that difference, independently of the search's arithmetic
            var independent = margin > 1e-9;
            if (independent)
            {
                Interlocked.Increment(ref comparedWithDirect);
            }

            return actual.Crossings.SequenceEqual(expected.Crossings)
                && Nullable.Equals(actual.SelfHostedCheaperAboveTokensPerMonth, expected.SelfHostedCheaperAboveTokensPerMonth)
                && actual.SearchedUpToTokensPerMonth.Equals(expected.SearchedUpToTokensPerMonth)
                && (!independent || (actual.Crossings.SequenceEqual(direct.Crossings)
                    && Nullable.Equals(actual.SelfHostedCheaperAboveTokensPerMonth, direct.SelfHostedCheaperAboveTokensPerMonth)));
        }, iter: 1_500);

        withCrossings.Should().BeGreaterThan(200, "many cases must have crossings for the comparison to mean something");
        comparedWithDirect.Should().BeGreaterThan(1_000, "most cases are far from level with the API at every piece end");
    }

    [Fact]
    public void Crossings_AnySteadyStates_EvaluateABoundedNumberOfStairsBeyondTheCrossings()
    {
        // Given generated searches (AnySearch, as in Crossings_AnySteadyStates_EqualTheStairWalkBitForBit)
        // When each is searched, Then the search evaluates the stairs holding crossings and fewer than 250 more
        // (a replica within 0.01 % of its tokens' price has about 10,000 stairs with crossings: those must be evaluated)
        AnySearch.Sample((self, api, maxTokens, segments) =>
        {
            var solver = new VolumeSolver();
            var crossings = solver.Crossings(self, api, maxTokens, segments).Crossings.Count;
            return solver.StairsEvaluated - crossings < MaxStairs;
        }, iter: 1_500);
    }

    [Fact]
    public void Crossings_SelfHostingPassesTheCommitmentBeforeTheKink_ApiCheaperAgainAtTheStairEdge()
    {
        // Given replicas of 10⁸ tokens at 3,000 a month (no fixed cost) against an API at 5 per million tokens with a
        // commitment of 10,000 a month: the API costs 10,000 up to its kink at 10,000 ÷ (5 ÷ 10⁶) = 2 × 10⁹ tokens
        // (stair 20), so before it Self − API = 3,000 n − 10,000 on stair n: −7,000, −4,000, −1,000 on stairs 1 to 3,
        // then +2,000 from stair 4 on. Past the kink the API gains 500 a stair and self-hosting 3,000.
        var self = Self(0, 3_000, 1e8);
        var api = Api(0, 5, commitment: 10_000);

        // When
        var actual = new VolumeSolver().Crossings(self, api, 1e10, BreakEvenCalculator.MaxSegments);

        // Then the one crossing is where stair 4 starts (3 × 10⁸ tokens): self-hosting was cheaper below it and the API
        // is cheaper from there on, so no volume is known above which self-hosting stays cheaper
        actual.Crossings.Should().Equal(new VolumeCrossing(3e8, SelfHostedCheaperAbove: false));
        actual.SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
    }

    [Fact]
    public void Crossings_ReplicaLevelWithItsTokensToRounding_EvaluateABoundedNumberOfStairs()
    {
        // Given issue 20's counterexample (a random case of the test above, found on 2026-12-05): replicas of
        // 164,682,680 tokens at 1,042.9903066666666 a month, against an API at 6.333333333333333 per million tokens, whose
        // price for a replica's tokens is 6.333333333333333 ÷ 10⁶ × 164,682,680 = 1,042.99030666… — the same cost to
        // rounding. Self − API at the end of every stair is then the self-hosted fixed cost minus the API's,
        // 5.571 × 10⁻⁶ − 3.73 × 10⁻²³ > 0 (self-hosting dearer by six millionths of a dollar), and at every start a
        // replica's cost more: no crossing anywhere. The search used to evaluate 50,366 of the 53,021 stairs, because
        // its rounding allowance (10⁻¹² of the costs) was wider than that margin past the first few thousand stairs.
        var self = Self(5.5710000000000005E-06, 1042.9903066666666, 164682680, minReplicas: 5);
        var api = Api(3.7300000000000004E-23, 6.333333333333333);

        // When
        var solver = new VolumeSolver();
        var actual = solver.Crossings(self, api, 873228975998.1299, BreakEvenCalculator.MaxSegments);
        var expected = StairWalk.ByVolume(self, api, 873228975998.1299, BreakEvenCalculator.MaxSegments, out var walked);

        // Then no crossing, and no volume above which self-hosting stays cheaper, as the walk over every stair says
        actual.Crossings.Should().BeEmpty();
        actual.SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
        actual.Should().BeEquivalentTo(expected);

        // And the walk evaluated every stair up to 10 × the horizon's 873,228,975,998 tokens (8.73 × 10¹² ÷ 164,682,680
        // = 53,024.9…, so stairs 5 to 53,025), the search a bounded few
        walked.Should().Be(53_025 - 5 + 1);
        solver.StairsEvaluated.Should().BeInRange(2, MaxStairs);
    }

    [Fact]
    public void Crossings_FixedCostAtTheScenarioLimit_EvaluateABoundedNumberOfStairs()
    {
        // Given the issue 20 case: a self-hosted fixed cost of 10¹⁵ a month (the largest number a scenario holds), one
        // replica of 10⁹ tokens at 1,000 a month, and an API at 5 per million (5,000 a replica's tokens). Stair n costs
        // 10¹⁵ + 1,000 n and the API reaches 5,000 n at its end, so F = self − API = 10¹⁵ − 4,000 n > 0 up to stair
        // 2.5 × 10¹¹: past the 2,000,000-stair limit (F there is 10¹⁵ − 8 × 10⁹ > 0). Self-hosting is dearer on
        // every stair searched: no crossing, and no volume known above which it stays cheaper. Each Monte Carlo
        // trial walked all 2,000,000 stairs to say so (200 trials: 9.9 s instead of 0.6 s).
        var self = Self(1e15, 1_000, 1e9);
        var api = Api(0, 5);

        // When
        var solver = new VolumeSolver();
        var actual = solver.Crossings(self, api, 1e12, BreakEvenCalculator.MaxSegments);
        var expected = StairWalk.ByVolume(self, api, 1e12, BreakEvenCalculator.MaxSegments, out var walked);

        // Then the answer is the walk's: no crossing, searched up to 2,000,000 × 10⁹ = 2 × 10¹⁵ tokens
        actual.Crossings.Should().BeEmpty();
        actual.SelfHostedCheaperAboveTokensPerMonth.Should().BeNull();
        actual.SearchedUpToTokensPerMonth.Should().Be(2e15);
        actual.Should().BeEquivalentTo(expected);

        // And the walk evaluated every one of the 2,000,000 stairs, the search a bounded few (the first and the last
        // stair at least: the parts holding them are never skipped)
        walked.Should().Be(2_000_000);
        solver.StairsEvaluated.Should().BeInRange(2, MaxStairs);
    }

    /// <summary>
    /// Generated searches: replicas from a tenth of their tokens' API price to ten times it and, a third of the time,
    /// within a few per cent of it (many crossings), with minimum and spare replicas, fixed costs on both sides, API
    /// commitments half of the time, and a step limit from 1 to 5,000 stairs a quarter of the time.
    /// </summary>
    private static Gen<(SteadyStateCost Self, SteadyStateCost Api, double MaxTokens, int Segments)> AnySearch { get; } = Gen.Select(
        Gen.Select(Gen.Double[0, 100_000], Gen.Double[1e8, 1e11], Gen.Int[0, 5], Gen.Int[0, 3], Gen.Int[0, 2]),
        Gen.Select(Gen.Double[0.05, 20], Gen.Double[0, 10_000], Gen.Int[0, 1], Gen.Double[0, 500_000], Gen.Double[0.1, 10]),
        Gen.Select(Gen.Double[0, 3e12], Gen.Double[0.97, 1.03], Gen.Int[0, 3], Gen.Int[1, 5_000]),
        (s, a, r) =>
        {
            var (selfFixed, tokensPerReplica, minReplicas, spares, close) = s;
            var (perMillion, apiFixed, withCommitment, commitment, share) = a;
            var (maxTokens, closeShare, cut, maxSegments) = r;
            var replicaCost = (close == 0 ? closeShare : share) * perMillion / 1e6 * tokensPerReplica;
            return (
                Self(selfFixed, replicaCost, tokensPerReplica, minReplicas, spares),
                Api(apiFixed, perMillion, withCommitment == 1 ? commitment : 0),
                maxTokens,
                cut == 0 ? maxSegments : BreakEvenCalculator.MaxSegments);
        });

    private static void InterlockedMax(ref long most, long value)
    {
        var seen = Interlocked.Read(ref most);
        while (value > seen && Interlocked.CompareExchange(ref most, value, seen) != seen)
        {
            seen = Interlocked.Read(ref most);
        }
    }

    private static SteadyStateCost Self(double fixedCost, double replicaCost, double tokensPerReplica, int minReplicas = 1, int spares = 0) =>
        new(OptionKind.SelfHosted, fixedCost, 0, 0, replicaCost, tokensPerReplica, minReplicas, spares, default);

    private static SteadyStateCost Api(double fixedCost, double perMillion, double commitment = 0) =>
        new(OptionKind.Api, fixedCost, perMillion, commitment, 0, 0, 0, 0, default);
}
