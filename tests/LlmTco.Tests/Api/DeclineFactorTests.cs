using FluentAssertions;
using LlmTco.Api;
using Xunit;

namespace LlmTco.Tests.Api;

public class DeclineFactorTests
{
    [Fact]
    public void Of_FourYearsOfDays_IsTheYearlyFactorToTheFourth()
    {
        // 4 × 365.25 = 1,461 days are exactly 4 years: 0.8^4 = 0.4096. The daily base (1 − d)^(1/365.25) carries a rounding
        // error of about 1e-16, which the 1,461th power multiplies by 1,461: about 1.6e-13 relative.
        DeclineFactor.Of(0.2, 1461).Should().BeApproximately(0.4096, 0.4096 * 1e-12);
    }

    [Fact]
    public void Of_ZeroDays_IsExactlyOne()
    {
        DeclineFactor.Of(0.3, 0).Should().Be(1.0);
    }

    [Fact]
    public void Of_FullDecline_IsZeroAfterTheFirstDay()
    {
        // d = 1: (1 − 1)^(days ÷ 365.25) = 0 for any positive number of days.
        DeclineFactor.Of(1.0, 1).Should().Be(0.0);
        DeclineFactor.Of(1.0, 400).Should().Be(0.0);
    }

    [Theory]
    [InlineData(0.01)]
    [InlineData(0.2)]
    [InlineData(0.5)]
    [InlineData(0.95)]
    public void Of_AnyDays_AgreesWithMathPowWithinRoundingAndFalls(double decline)
    {
        // The definition is (1 − d)^(days ÷ 365.25). Binary powering of the daily base differs from Math.Pow by the base's
        // rounding error (~1.1e-16 relative) times the days: at most ~1.6e-12 relative over 40 years, far below a cent.
        var previous = double.PositiveInfinity;
        for (var days = 0; days <= 40 * 366; days += 7)
        {
            var factor = DeclineFactor.Of(decline, days);
            var expected = Math.Pow(1 - decline, days / 365.25);
            factor.Should().BeApproximately(expected, 2e-16 * Math.Max(days, 1) * expected, "after {0} days", days);
            factor.Should().BeLessThan(previous, "the factor falls with every week");
            previous = factor;
        }
    }

    [Fact]
    public void Days_MonthBeforeTheRowsDate_CountsAsZero()
    {
        DeclineFactor.Days(new DateOnly(2025, 1, 1), new DateOnly(2025, 3, 1)).Should().Be(0);
        DeclineFactor.Days(new DateOnly(2026, 3, 1), new DateOnly(2025, 3, 1)).Should().Be(365);
    }

    [Fact]
    public void Of_ManyDays_EqualsOneAtATimeBitForBit()
    {
        // The Monte Carlo kernel computes many factors at once (vectors of four where the CPU has them); the engine one at a
        // time. Both must give the same bits, including for a count that is not a multiple of four.
        Span<double> powers = stackalloc double[DeclineFactor.PowerCount];
        DeclineFactor.Powers(0.17, powers);
        var days = Enumerable.Range(0, 203).Select(i => (long)((i * 37) % 9000)).ToArray();
        var many = new double[days.Length];
        DeclineFactor.Of(powers, days, many);
        for (var i = 0; i < days.Length; i++)
        {
            BitConverter.DoubleToInt64Bits(many[i]).Should().Be(BitConverter.DoubleToInt64Bits(DeclineFactor.Of(powers, (int)days[i])), "for {0} days", days[i]);
        }
    }
}
