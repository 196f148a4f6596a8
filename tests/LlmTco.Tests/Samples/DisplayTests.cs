using System.Globalization;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>Money for people to read: the minus sign (U+2212) before the currency symbol, the same under any culture.</summary>
public sealed class DisplayTests
{
    [Theory]
    [InlineData(-100_000, "USD", "\u2212$100k")]
    [InlineData(-1_500, "EUR", "\u2212€1.5k")]
    [InlineData(-2_400_000, "GBP", "\u2212£2.4M")]
    [InlineData(100_000, "USD", "$100k")]
    [InlineData(-250, "CHF", "\u2212250 CHF")]
    [InlineData(-0.01, "USD", "$0")]
    public void ShortMoney_PutsTheMinusBeforeTheSymbol(double amount, string currency, string expected)
    {
        Display.ShortMoney(amount, currency).Should().Be(expected);
    }

    [Theory]
    [InlineData(-100_000, "USD", "\u2212$100,000")]
    [InlineData(-12.4, "USD", "\u2212$12")]
    [InlineData(-12.4, "CHF", "\u221212 CHF")]
    [InlineData(1_234.4, "EUR", "€1,234")]
    [InlineData(850.25, "USD", "$850")] // a cost under 1,000 shows no cents either: costs are whole units throughout
    [InlineData(-0.4, "USD", "$0")]
    public void Money_PutsTheMinusBeforeTheSymbol_AndShowsNoCents(double amount, string currency, string expected)
    {
        Display.Money(amount, currency).Should().Be(expected);
    }

    [Fact]
    public void Money_IsTheSameUnderAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "tr-TR", "fr-FR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Display.Money(-1_234_567.8, "USD").Should().Be("\u2212$1,234,568", culture);
                Display.ShortMoney(-1_234_567.8, "USD").Should().Be("\u2212$1.2M", culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Theory]
    [InlineData(2.85, "USD", "$2.85")]
    [InlineData(0.15, "USD", "$0.15")]
    [InlineData(1_234.5, "USD", "$1,234.50")] // a price per unit always shows cents, however large
    [InlineData(-3, "EUR", "\u2212€3.00")]
    public void UnitPrice_AlwaysShowsCents(double amount, string currency, string expected)
    {
        Display.UnitPrice(amount, currency).Should().Be(expected);
    }

    [Theory]
    [InlineData(34.3, "month 35, 34.3 months after the start")] // 34.3 months after the start falls in month 35
    [InlineData(3.4110590901859474, "month 4, 3.4 months after the start")] // the README example
    [InlineData(3.0, "month 3, 3.0 months after the start")] // at the very end of month 3
    [InlineData(0.26, "month 1, 0.3 months after the start")]
    [InlineData(0.0, "from the start")]
    public void BreakEvenTime_NamesTheMonthAndTheTimeAfterTheStart(double monthsFromStart, string expected)
    {
        Display.BreakEvenTime(monthsFromStart).Should().Be(expected);
    }

    [Theory]
    [InlineData(30.9, "month 31 (30.9)")]
    [InlineData(null, "never")]
    [InlineData(0.0, "from the start")]
    public void BreakEvenCell_IsTheShortFormForTables(double? monthsFromStart, string expected)
    {
        Display.BreakEvenCell(monthsFromStart).Should().Be(expected);
    }

    [Theory]
    [InlineData(0.0, 1)]
    [InlineData(0.4, 1)]
    [InlineData(3.0, 3)]
    [InlineData(3.41, 4)]
    [InlineData(34.3, 35)]
    public void MonthOf_CountsAsTheEngineDoes(double monthsFromStart, int month)
    {
        // The engine's month: the crossing lies in month m when m − 1 < t ≤ m (month 1 when cheaper from the start)
        Display.MonthOf(monthsFromStart).Should().Be(month)
            .And.Be(new LlmTco.Timeline.BreakEvenPoint(LlmTco.Timeline.BreakEvenOutcome.BreaksEven, monthsFromStart, null).Month);
    }

    [Fact]
    public void MonthsAndPrices_AreTheSameUnderAnyCulture()
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            foreach (var culture in new[] { "de-DE", "tr-TR", "fr-FR" })
            {
                CultureInfo.CurrentCulture = new CultureInfo(culture);
                Display.BreakEvenTime(34.3).Should().Be("month 35, 34.3 months after the start", culture);
                Display.UnitPrice(1_234.5, "USD").Should().Be("$1,234.50", culture);
                Display.Quantity(1.967).Should().Be("1.97", culture);
            }
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }
}
