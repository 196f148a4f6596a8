using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>The checks of <c>exchange_rates.csv</c>, and the bundled rates' look-up.</summary>
public sealed class ExchangeRateTableTests
{
    private static PricingValidationReport Validate(params string[] rows) =>
        PricingCatalog.Validate(PricingSource.InMemory(With("exchange_rates.csv", Lines([ExchangeRateHeader, .. rows]))));

    [Fact]
    public void Validate_SameCurrencyTwice_IsAnErrorAtTheQuoteCurrency()
    {
        var error = Validate("EUR,EUR,2025-05,1,,,https://example.com/fx,2026-11-29").Errors.Should().ContainSingle().Subject;

        error.ColumnName.Should().Be("quote_currency");
        error.Message.Should().Contain("both EUR");
    }

    [Fact]
    public void Validate_RateDateOutsideItsMonth_IsAnError()
    {
        var error = Validate("EUR,USD,2025-05,1.1,2025-06-02,,https://example.com/fx,2026-11-29").Errors.Should().ContainSingle().Subject;

        error.ColumnName.Should().Be("rate_date");
        error.Message.Should().Be("the rate date 2025-06-02 is not in the row's month 2025-05");
    }

    [Fact]
    public void Validate_BadMonth_SaysTheFormat()
    {
        var error = Validate("EUR,USD,2025-5,1.1,,,https://example.com/fx,2026-11-29").Errors.Should().ContainSingle().Subject;

        error.Message.Should().Be("column 'month': '2025-5' is not a month; expected yyyy-MM (e.g. 2026-03)");
    }

    [Fact]
    public void Validate_PairGivenBothWaysInOneMonth_IsAnError()
    {
        var errors = Validate(
            "EUR,USD,2025-05,1.25,,,https://example.com/fx,2026-11-29",
            "USD,EUR,2025-05,0.8,,,https://example.com/fx,2026-11-29").Errors;

        errors.Should().ContainSingle().Which.Message.Should().StartWith("2025-05 has a USD/EUR rate and a EUR/USD rate; give each pair and month in one direction only");
    }

    [Fact]
    public void Validate_GapOrJumpInAPair_AreWarnings()
    {
        // Given May, then July (no June), then August 30 % above July
        var report = Validate(
            "EUR,USD,2025-05,1.1,,,https://example.com/fx,2026-11-29",
            "EUR,USD,2025-07,1.1,,,https://example.com/fx,2026-11-29",
            "EUR,USD,2025-08,1.43,,,https://example.com/fx,2026-11-29");

        report.IsValid.Should().BeTrue();
        report.Warnings.Select(w => w.Message).Should().Equal(
            "EUR/USD has no rate from 2025-06 to 2025-06: a scenario month in that gap cannot be converted",
            "EUR/USD moved from 1.1 in 2025-07 to 1.43 in 2025-08, more than 25 % in a month: check that the rate is not inverted (USD per EUR is wanted)");
    }

    [Fact]
    public void FindExchangeRate_BundledEcbRates_GiveTheMonthsFirstReferenceRate()
    {
        // Given the bundled table: EUR/USD 1.1698 on 2026-03-02, the ECB's reference rate of March's first working day
        var march = PricingCatalog.Default.FindExchangeRate("EUR", "USD", new DateOnly(2026, 3, 1))!;
        var later = PricingCatalog.Default.FindExchangeRate("USD", "EUR", new DateOnly(2027, 1, 1))!;

        march.ToPerFrom.Should().Be(1.1698m);
        march.Held.Should().BeFalse();

        // Then a later month holds March's rate, inverted for USD → EUR: 1 ÷ 1.1698
        later.Held.Should().BeTrue();
        later.ToPerFrom.Should().Be(1m / 1.1698m);
    }
}
