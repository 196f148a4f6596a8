namespace LlmTco.Uncertainty;

/// <summary>
/// A <see cref="Random"/> over a SplitMix64 stream that can be re-seeded without allocating, so MathNet's samplers can
/// draw from the stream of one input in one trial. <see cref="NextDouble"/> returns values strictly inside (0, 1)
/// (53 random bits, offset by half a step; the one draw that would round to 1 is the largest double below 1) so that
/// inverse cumulative distributions stay finite.
/// </summary>
/// <remarks>One instance per worker thread; not thread-safe.</remarks>
internal sealed class TrialRandom : Random
{
    private const double Step = 1.0 / (1UL << 53);

    private ulong state;

    public TrialRandom(ulong state = 0)
        : base(0)
    {
        this.state = state;
    }

    /// <summary>Restarts the stream at <paramref name="streamSeed"/>.</summary>
    public void Reset(ulong streamSeed) => state = streamSeed;

    public ulong NextUInt64()
    {
        unchecked
        {
            state += SplitMix64.Gamma;
        }

        return SplitMix64.Mix(state);
    }

    public override double NextDouble()
    {
        // (53 random bits + ½) × 2^-53, rounded to a double: above 0 always, and below 1 except for the top value
        // (2^53 − ½ rounds to 2^53), which becomes the largest double below 1 so that no draw is exactly 1.
        var draw = ((NextUInt64() >> 11) + 0.5) * Step;
        return draw < 1 ? draw : 1 - Step;
    }

    public override int Next() => (int)(NextUInt64() >> 33);

    public override int Next(int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(maxValue);
        return (int)(NextDouble() * maxValue);
    }

    public override int Next(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        return minValue + (int)(NextDouble() * ((long)maxValue - minValue));
    }

    public override long NextInt64() => (long)(NextUInt64() >> 1);

    public override float NextSingle() => (NextUInt64() >> 40) * (1f / (1 << 24));

    public override void NextBytes(byte[] buffer)
    {
        ArgumentNullException.ThrowIfNull(buffer);
        NextBytes(buffer.AsSpan());
    }

    public override void NextBytes(Span<byte> buffer)
    {
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = (byte)(NextUInt64() >> 56);
        }
    }

    protected override double Sample() => NextDouble();
}
