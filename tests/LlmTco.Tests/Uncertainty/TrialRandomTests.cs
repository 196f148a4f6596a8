using FluentAssertions;
using LlmTco.Uncertainty;
using Xunit;

namespace LlmTco.Tests.Uncertainty;

/// <summary>
/// The per-trial random stream: SplitMix64 against its published test vector, and every <see cref="System.Random"/>
/// member a MathNet sampler might call taken from that stream, so that no draw escapes the seed.
/// </summary>
public sealed class TrialRandomTests
{
    /// <summary>
    /// SplitMix64's reference outputs for the seed 1234567 (the test vector of Vigna's splitmix64.c, quoted with
    /// SplittableRandom ports; recomputed by hand from the published algorithm: x += 0x9E3779B97F4A7C15, then
    /// z = (x ^ x≫30) × 0xBF58476D1CE4E5B9, z = (z ^ z≫27) × 0x94D049BB133111EB, z ^ z≫31, modulo 2^64).
    /// </summary>
    private static readonly ulong[] Reference = [6457827717110365317, 3203168211198807973, 9817491932198370423, 4593380528125082431, 16408922859458223821];

    [Fact]
    public void NextUInt64_Seed1234567_GivesThePublishedSplitMix64Outputs()
    {
        var random = new TrialRandom(1234567);

        Enumerable.Range(0, 5).Select(_ => random.NextUInt64()).Should().Equal(Reference);
    }

    [Fact]
    public void Reset_RestartsTheStream()
    {
        var random = new TrialRandom(99);
        random.NextUInt64();

        random.Reset(1234567);

        random.NextUInt64().Should().Be(Reference[0]);
    }

    [Fact]
    public void NextDouble_IsTheTop53BitsOffsetByHalfAStep()
    {
        // 6457827717110365317 ≫ 11 = 3153236189995295; (3153236189995295 + 0.5) ÷ 2^53 = 0.3500795420214082…
        var random = new TrialRandom(1234567);

        random.NextDouble().Should().Be((3153236189995295 + 0.5) / 9007199254740992.0);
    }

    [Fact]
    public void NextDouble_TopDraw_IsTheLargestDoubleBelowOne()
    {
        // Given the state whose next output has all 53 top bits set: 0xFFFFFFFFFFFFF800 = Mix(state + gamma), found by
        // inverting SplitMix64's mixing function (each xor-shift and odd multiplication is invertible modulo 2^64).
        // (2^53 − 1 + ½) × 2^-53 would round to exactly 1, which makes a normal's inverse CDF infinite.
        var random = new TrialRandom(17685126244420568887);

        var draw = random.NextDouble();

        // Then the draw is 1 − 2^-53 = 0.99999999999999989, the largest double below 1.
        draw.Should().Be(1 - (1 / 9007199254740992.0)).And.BeLessThan(1);
    }

    [Fact]
    public void NextDouble_LowestDraw_IsHalfAStepAboveZero()
    {
        // Given the state whose next output is 0 (Mix(0) = 0): (0 + ½) × 2^-53 = 2^-54.
        var random = new TrialRandom(unchecked(0UL - 0x9E3779B97F4A7C15UL));

        random.NextDouble().Should().Be(1 / 18014398509481984.0);
    }

    [Fact]
    public void IntegerAndSingleDraws_AreTheStreamsTopBits()
    {
        // Each call takes the next output: ≫ 33 for Next() (751790091), ≫ 1 for NextInt64 (1601584105599403986),
        // ≫ 40 × 2^-24 for NextSingle (8928956 ÷ 16777216).
        var random = new TrialRandom(1234567);

        random.Next().Should().Be(751790091);
        random.NextInt64().Should().Be(1601584105599403986);
        random.NextSingle().Should().Be(8928956f / 16777216f);
    }

    [Fact]
    public void NextWithBounds_ScalesNextDouble()
    {
        // NextDouble of the first output is 0.35007954…: × 10 = 3.50… → 3; × 15 = 5.25… → −5 + 5 = 0.
        var random = new TrialRandom(1234567);
        random.Next(10).Should().Be(3);

        random.Reset(1234567);
        random.Next(-5, 10).Should().Be(0);
    }

    [Fact]
    public void NextWithBounds_InvalidBounds_AreRejected()
    {
        var random = new TrialRandom(1);

        random.Invoking(r => r.Next(-1)).Should().Throw<ArgumentOutOfRangeException>();
        random.Invoking(r => r.Next(5, 4)).Should().Throw<ArgumentOutOfRangeException>();
        random.Invoking(r => r.NextBytes((byte[])null!)).Should().Throw<ArgumentNullException>();
    }

    [Fact]
    public void NextBytes_TakesTheTopByteOfOneOutputPerByte()
    {
        // The top bytes (≫ 56) of the five reference outputs: 89, 44, 136, 63, 227.
        var random = new TrialRandom(1234567);
        var bytes = new byte[5];

        random.NextBytes(bytes);

        bytes.Should().Equal(89, 44, 136, 63, 227);
    }
}
