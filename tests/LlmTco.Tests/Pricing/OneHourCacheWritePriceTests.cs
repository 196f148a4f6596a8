using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The optional <c>cache_write_1h_per_mtok</c> column of <c>api_prices.csv</c> (issue 17, 1-hour cache writes): read
/// where the header has it, blank where a row or an older file does not say, and checked like the other cache prices.
/// </summary>
public sealed class OneHourCacheWritePriceTests
{
    private const string Header = ApiHeaderOneHour;

    private const string Tail = ",https://example.com/acme,2026-11-29";

    private static PricingValidationReport Validate(params string[] rows) =>
        PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", Lines([Header, .. rows]))));

    [Fact]
    public void Load_ColumnPresent_ReadsThePriceAndBlankAsNone()
    {
        // Given a Claude-like row (input 3, 5-minute write 1.25 × 3 = 3.75, 1-hour write 2 × 3 = 6) and a row without one
        var tables = With("api_prices.csv", Lines(
            Header,
            "acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,3.75,6,15,,,," + Tail,
            "acme,acme-mini,,standard,0,2025-01-01,,USD,1,0.1,1.25,,5,,,," + Tail));

        // When
        var catalog = PricingCatalog.Load(PricingSource.InMemory(tables));

        // Then
        catalog.ApiPrices.Single(p => p.ModelId == "acme-large").OneHourCacheWritePricePerMillionTokens.Should().Be(6m);
        catalog.ApiPrices.Single(p => p.ModelId == "acme-mini").OneHourCacheWritePricePerMillionTokens.Should().BeNull();
    }

    [Fact]
    public void Load_FileWithoutTheColumn_StillLoadsWithNoOneHourPrices()
    {
        // Given the test tables, whose api_prices.csv header predates the column
        ApiHeader.Should().NotContain("cache_write_1h_per_mtok");

        // When
        var catalog = PricingCatalog.Load(PricingSource.InMemory(Valid()));

        // Then every row loads, none with a 1-hour price
        catalog.ApiPrices.Should().NotBeEmpty().And.OnlyContain(p => p.OneHourCacheWritePricePerMillionTokens == null);
    }

    [Fact]
    public void Load_MalformedOneHourPrice_IsAnErrorAtItsCell()
    {
        var act = () => PricingCatalog.Load(PricingSource.InMemory(With("api_prices.csv", Lines(
            Header,
            "acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,3.75,6;5,15,,,," + Tail))));

        act.Should().Throw<PricingDataException>().Which.Message.Should().Contain("api_prices.csv:2:12").And.Contain("cache_write_1h_per_mtok");
    }

    [Fact]
    public void Validate_ContextTierWithoutTheBaseRowsOneHourPrice_IsAnError()
    {
        // Given a base row with a 1-hour price of 6 and a >200K tier with its 5-minute write (7.5) but no 1-hour price
        var report = Validate(
            "acme,acme-large,,standard,0,2025-05-22,,USD,3,0.3,3.75,6,15,,,," + Tail,
            "acme,acme-large,,standard,200000,2025-05-22,,USD,6,0.6,7.5,,22.5,,,," + Tail);

        // Then the blank cell (line 3, column 12) is the one error: it would bill 1-hour writes at the tier's 5-minute 7.5
        report.IsValid.Should().BeFalse();
        report.Errors.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 3, 12, "cache_write_1h_per_mtok", string.Empty,
            "cache_write_1h_per_mtok of 'acme-large' (standard, context tier 200000) from 2025-05-22 is blank, but its base row at api_prices.csv:2 has one (6); a blank cell bills those tokens at this tier's 5-minute cache-write price (7.5): give the long-context cache_write_1h_per_mtok",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_ContextTierWithItsOwnOneHourPrice_IsValid()
    {
        // Given the tier's 1-hour price 2 × 6 = 12
        var report = Validate(
            "acme,acme-large,,standard,0,2025-05-22,,USD,3,0.3,3.75,6,15,,,," + Tail,
            "acme,acme-large,,standard,200000,2025-05-22,,USD,6,0.6,7.5,12,22.5,,,," + Tail);

        report.IsValid.Should().BeTrue();
        report.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_OneHourPriceBelowTheFiveMinutePrice_IsAWarningAtTheOneHourCell()
    {
        // Given the two cache-write columns swapped: 1-hour 3.75 against 5-minute 6
        var report = Validate("acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,6,3.75,15,,,," + Tail);

        report.IsValid.Should().BeTrue();
        report.Warnings.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 12, "cache_write_1h_per_mtok", "3.75",
            "cache_write_1h_per_mtok (3.75) of 'acme-large' (standard, context tier 0) from 2025-01-01 is below its 5-minute cache_write_per_mtok (6); a cache entry kept an hour costs more to write than one kept 5 minutes (Anthropic: 2× input against 1.25×): check that the two columns are not swapped",
            DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("3.75", "6")]  // Anthropic: 1.25 × 3 and 2 × 3
    [InlineData("3.75", "3.75")] // equal: no premium for the hour
    [InlineData("", "6")]      // no 5-minute price (writes bill at input 3): 6 ≥ 3
    public void Validate_OneHourPriceAtOrAboveTheShorterLifetimes_HasNoWarning(string fiveMinute, string oneHour)
    {
        Validate($"acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,{fiveMinute},{oneHour},15,,,," + Tail).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_OneHourPriceBelowInputWithoutAFiveMinutePrice_IsAWarning()
    {
        // Given no 5-minute price, so 5-minute writes bill at input 3, and a 1-hour price of 0.3 (the cached-read price)
        Validate("acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,,0.3,15,,,," + Tail).Warnings.Should().ContainSingle()
            .Which.Message.Should().Contain("is below its input_per_mtok (3), which blank cache writes bill at");
    }
}
