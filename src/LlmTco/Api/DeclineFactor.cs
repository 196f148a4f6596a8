using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LlmTco.Api;

/// <summary>
/// The yearly price decline's factor, (1 − d)^(days ÷ 365.25), computed one way, so that one month's factor and many
/// months' factors at once give the same bits: as b^days with b = (1 − d)^(1 ÷ 365.25), by binary powering (the product of
/// b^(2^k) over the set bits k of the whole number of days, in increasing k, each b^(2^k) obtained by squaring).
/// </summary>
/// <remarks>
/// Mathematically this is the same number as <c>Math.Pow(1 − d, days / 365.25)</c>; numerically it differs from it by a
/// few units in the last place (at most about 12 roundings). It needs one <see cref="Math.Pow"/> per decline rate instead
/// of one per month, which is what lets a Monte Carlo trial recompute the factors of every month cheaply.
/// </remarks>
internal static class DeclineFactor
{
    /// <summary>Days per year in the decline's clock.</summary>
    public const double DaysPerYear = 365.25;

    /// <summary>Bits of a day count the powers cover: 2^31 days is far beyond any horizon.</summary>
    public const int PowerCount = 31;

    /// <summary>Whole days from the decline's reference date to a month's first day, 0 when the month starts before it.</summary>
    /// <param name="monthStart">The month's first day.</param>
    /// <param name="effectiveFrom">The reference date (<see cref="ReferenceDate"/>).</param>
    /// <returns>The days, at least 0.</returns>
    public static int Days(DateOnly monthStart, DateOnly effectiveFrom) => Math.Max(0, monthStart.DayNumber - effectiveFrom.DayNumber);

    /// <summary>
    /// The date a yearly decline counts from: the last date the price is known to hold — the later of the row's
    /// <c>effective_from</c> and its <c>checked_on</c> — and never before the scenario's start.
    /// </summary>
    /// <param name="effectiveFrom">The row's effective date.</param>
    /// <param name="checkedOn">The date the row's source was last read.</param>
    /// <param name="start">The scenario's start date.</param>
    /// <returns>The latest of the three dates.</returns>
    public static DateOnly ReferenceDate(DateOnly effectiveFrom, DateOnly checkedOn, DateOnly start) =>
        DateOnly.FromDayNumber(Math.Max(Math.Max(effectiveFrom.DayNumber, checkedOn.DayNumber), start.DayNumber));

    /// <summary>Fills <paramref name="powers"/>[k] with b^(2^k), b = (1 − d)^(1 ÷ 365.25), by repeated squaring.</summary>
    /// <param name="decline">The yearly decline d, 0 &lt; d ≤ 1.</param>
    /// <param name="powers">At least <see cref="PowerCount"/> elements.</param>
    public static void Powers(double decline, Span<double> powers)
    {
        var power = Math.Pow(1 - decline, 1 / DaysPerYear);
        for (var k = 0; k < PowerCount; k++)
        {
            powers[k] = power;
            power *= power;
        }
    }

    /// <summary>(1 − d)^(days ÷ 365.25) from the powers of <see cref="Powers"/>.</summary>
    /// <param name="powers">The powers of the decline.</param>
    /// <param name="days">Whole days, at least 0.</param>
    /// <returns>The factor; 1 for 0 days.</returns>
    public static double Of(ReadOnlySpan<double> powers, int days)
    {
        var factor = 1.0;
        for (var k = 0; days != 0; k++, days >>= 1)
        {
            if ((days & 1) != 0)
            {
                factor *= powers[k];
            }
        }

        return factor;
    }

    /// <summary>
    /// <see cref="Of(ReadOnlySpan{double}, int)"/> for many day counts. Four at a time where the CPU has 256-bit vectors:
    /// a lane multiplies by b^(2^k) where bit k is set and by 1 where it is not, which leaves the product's bits as the
    /// scalar loop leaves them.
    /// </summary>
    /// <param name="powers">The powers of the decline.</param>
    /// <param name="days">Whole days, each at least 0 and below 2^31.</param>
    /// <param name="into">The factors, as many as <paramref name="days"/>.</param>
    public static void Of(ReadOnlySpan<double> powers, ReadOnlySpan<long> days, Span<double> into)
    {
        // Unchecked: indices bounded by the arrays' lengths, in a loop run per trial (see ScenarioPlan).
        unchecked
        {
            var i = 0;
            if (Vector256.IsHardwareAccelerated && days.Length >= 4)
            {
                long most = 0;
                foreach (var d in days)
                {
                    most |= d;
                }

                var bits = 64 - (int)long.LeadingZeroCount(most);
                var one = Vector256.Create(1.0);
                ref var day = ref MemoryMarshal.GetReference(days);
                ref var factor = ref MemoryMarshal.GetReference(into);
                for (; i <= days.Length - 4; i += 4)
                {
                    var left = Vector256.LoadUnsafe(ref day, (nuint)i);
                    var product = one;
                    for (var k = 0; k < bits; k++)
                    {
                        var set = Vector256.Equals(left & Vector256<long>.One, Vector256<long>.One).AsDouble();
                        product *= Vector256.ConditionalSelect(set, Vector256.Create(powers[k]), one);
                        left = Vector256.ShiftRightLogical(left, 1);
                    }

                    product.StoreUnsafe(ref factor, (nuint)i);
                }
            }

            for (; i < days.Length; i++)
            {
                into[i] = Of(powers, (int)days[i]);
            }
        }
    }

    /// <summary>(1 − d)^(days ÷ 365.25), computing the powers on the way.</summary>
    /// <param name="decline">The yearly decline d, 0 &lt; d ≤ 1.</param>
    /// <param name="days">Whole days, at least 0.</param>
    /// <returns>The factor; 1 for 0 days.</returns>
    public static double Of(double decline, int days)
    {
        Span<double> powers = stackalloc double[PowerCount];
        Powers(decline, powers);
        return Of(powers, days);
    }
}
