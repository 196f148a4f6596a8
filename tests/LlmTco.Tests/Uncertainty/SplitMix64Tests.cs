using LlmTco.Uncertainty;

namespace LlmTco.Tests.Uncertainty;

/// <summary>
/// SplitMix64 against Vigna's reference C implementation (https://prng.di.unimi.it/splitmix64.c): next() adds
/// 0x9E3779B97F4A7C15 to the state and returns z = (z ^ z≫30) × 0xBF58476D1CE4E5B9, z = (z ^ z≫27) × 0x94D049BB133111EB,
/// z ^ z≫31 (all modulo 2^64); and the per-trial stream seeds built from it.
/// </summary>
public sealed class SplitMix64Tests
{
    [Fact]
    public void Mix_OfTheStatesFromSeed0_GivesTheReferenceOutputs()
    {
        // Given splitmix64.c seeded with x = 0: its first outputs are mix(γ), mix(2γ), mix(3γ) — 0xE220A8397B1DCDAF first
        // (the published value for seed 0), and the others as the reference algorithm above computes them
        const ulong gamma = 0x9E3779B97F4A7C15UL;

        // Then
        SplitMix64.Mix(gamma).Should().Be(0xE220A8397B1DCDAFUL);
        SplitMix64.Mix(gamma).Should().Be(ReferenceMix(gamma));
        SplitMix64.Mix(unchecked(2 * gamma)).Should().Be(ReferenceMix(unchecked(2 * gamma)));
        SplitMix64.Mix(unchecked(3 * gamma)).Should().Be(ReferenceMix(unchecked(3 * gamma)));
    }

    [Theory]
    [InlineData(42, 3, 2)]
    [InlineData(7, 0, 0)]
    [InlineData(-1, 9_999_999, 5)]
    public void StreamSeed_IsTheThreeFoldMixOfSeedTrialAndInput(long seed, long trial, int input)
    {
        // Given the documented construction Mix(Mix(Mix(seed) + trial) + input + 1), computed with the reference mix
        var expected = ReferenceMix(unchecked(ReferenceMix(unchecked(ReferenceMix((ulong)seed) + (ulong)trial)) + (ulong)input + 1UL));

        // Then
        SplitMix64.StreamSeed(seed, trial, input).Should().Be(expected);
    }

    [Fact]
    public void StreamSeed_NeighbouringTrialsAndInputs_GetDifferentStreams()
    {
        // Given seed 1: the streams of (trial 0, input 0), (trial 1, input 0) and (trial 0, input 1)
        var seeds = new[] { SplitMix64.StreamSeed(1, 0, 0), SplitMix64.StreamSeed(1, 1, 0), SplitMix64.StreamSeed(1, 0, 1) };

        // Then
        seeds.Should().OnlyHaveUniqueItems();
    }

    /// <summary>The output function of splitmix64.c, written out from its published constants.</summary>
    private static ulong ReferenceMix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
