namespace LlmTco.Uncertainty;

/// <summary>
/// SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number generators", OOPSLA 2014; the generator
/// behind Java's <c>SplittableRandom</c>): a 64-bit counter advanced by the golden-ratio increment and passed through
/// a bijective mixing function. Integer arithmetic only, so the same seed gives the same numbers on every machine.
/// </summary>
internal static class SplitMix64
{
    /// <summary>The golden-ratio increment 2^64 ÷ φ, rounded to odd.</summary>
    public const ulong Gamma = 0x9E3779B97F4A7C15UL;

    /// <summary>The SplitMix64 output function (a bijection of 64-bit integers).</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }

    /// <summary>
    /// The starting state of the random stream of one input in one trial:
    /// Mix(Mix(Mix(seed) + trial) + input + 1) — counter-based, so a trial's draws do not depend on which thread runs
    /// it or on the trials before it, and adding an input does not change the draws of the others.
    /// </summary>
    public static ulong StreamSeed(long seed, long trial, int input)
    {
        unchecked
        {
            return Mix(Mix(Mix((ulong)seed) + (ulong)trial) + (ulong)input + 1UL);
        }
    }
}
