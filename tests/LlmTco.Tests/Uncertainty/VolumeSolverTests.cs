using CsCheck;
using LlmTco.Timeline;
using LlmTco.Uncertainty.Kernel;

namespace LlmTco.Tests.Uncertainty;

/// <summary>The kernel's volume break-even against BreakEvenCalculator.ByVolume, which walks every stair.</summary>
public sealed class VolumeSolverTests
{
    [Fact]
    public void CheaperAbove_AnySteadyStates_EqualsByVolumeBitForBit()
    {
        // Given generated steady states: staircases of 1 to 3,000 stairs over the searched range, with minimum and spare
        // replicas, fixed costs on both sides, and API commitments (a kink) half of the time
        var gen = Gen.Select(
            Gen.Select(Gen.Double[0, 100_000], Gen.Double[100, 50_000], Gen.Double[1e8, 1e11], Gen.Int[0, 5], Gen.Int[0, 3]),
            Gen.Select(Gen.Double[0.05, 20], Gen.Double[0, 10_000], Gen.Int[0, 1], Gen.Double[0, 500_000]),
            Gen.Double[0, 3e12]);

        var walked = 0;
        var cases = 0;
        var crossings = 0;
        gen.Sample((s, a, maxTokens) =>
        {
            var self = new SteadyStateCost(OptionKind.SelfHosted, s.Item1, 0, 0, s.Item2, s.Item3, s.Item4, s.Item5, default);
            var api = new SteadyStateCost(OptionKind.Api, a.Item2, a.Item1, a.Item3 == 0 ? 0 : a.Item4, 0, 0, 0, 0, default);

            // Then the answer is ByVolume's to the last bit
            var expected = BreakEvenCalculator.ByVolume(self, api, maxTokens).SelfHostedCheaperAboveTokensPerMonth;
            var actual = VolumeSolver.CheaperAbove(self, api, maxTokens, out var fallback);
            Interlocked.Increment(ref cases);
            if (expected > 0)
            {
                Interlocked.Increment(ref crossings);
            }

            if (fallback)
            {
                Interlocked.Increment(ref walked);
            }

            return Nullable.Equals(actual, expected);
        }, iter: 3_000);

        // And the bisection, not ByVolume's walk, answered nearly every case
        ((double)walked / cases).Should().BeLessThan(0.02);
        ((double)crossings / cases).Should().BeGreaterThan(0.3, "most cases must have a crossing for the comparison to mean something");
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
}
