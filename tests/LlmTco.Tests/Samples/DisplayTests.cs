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
    [InlineData(-12.5, "USD", "\u2212$12.50")]
    [InlineData(-12.5, "CHF", "\u221212.50 CHF")]
    [InlineData(1_234.4, "EUR", "€1,234")]
    public void Money_PutsTheMinusBeforeTheSymbol(double amount, string currency, string expected)
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
}
