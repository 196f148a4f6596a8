using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The rules of <c>validate-pricing</c> that catch the classes of mistake the December 2026 audit found (issue 17):
/// long-context rows without the base row's cache prices, cache writes below input, aliases left on a live old model,
/// open-ended rows of replaced models, and snapshot rentals dated on the day they were read.
/// </summary>
public sealed class PricingCatalogAuditRulesTests
{
    private const string Tail = ",https://example.com/acme,2026-11-29";

    private static PricingValidationReport Validate(string file, string csv) =>
        PricingCatalog.Validate(PricingSource.InMemory(With(file, csv)));

    [Fact]
    public void Validate_ContextTierWithoutTheBaseRowsCachePrices_IsAnErrorPerColumn()
    {
        // Given a base row with cached 0.3 and cache write 3.75, and a >200K tier that leaves both blank
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-05-22,,USD,3,0.3,3.75,15,,,," + Tail,
            "acme,acme-large,,standard,200000,2025-05-22,,USD,6,,,22.5,,,," + Tail);

        var report = Validate("api_prices.csv", csv);

        // Then both blank cells of line 3 are errors, at columns 10 (cached_input_per_mtok) and 11 (cache_write_per_mtok)
        report.IsValid.Should().BeFalse();
        report.Errors.Should().Equal(
            new PricingDiagnostic(
                "api_prices.csv", 3, 10, "cached_input_per_mtok", string.Empty,
                "cached_input_per_mtok of 'acme-large' (standard, context tier 200000) from 2025-05-22 is blank, but its base row at api_prices.csv:2 has one (0.3); a blank cell bills those tokens at this tier's full input price (6): give the long-context cached_input_per_mtok",
                DiagnosticSeverity.Error),
            new PricingDiagnostic(
                "api_prices.csv", 3, 11, "cache_write_per_mtok", string.Empty,
                "cache_write_per_mtok of 'acme-large' (standard, context tier 200000) from 2025-05-22 is blank, but its base row at api_prices.csv:2 has one (3.75); a blank cell bills those tokens at this tier's full input price (6): give the long-context cache_write_per_mtok",
                DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_ContextTierWithItsOwnCachePrices_IsValid()
    {
        // Given the tier with its own cache prices (0.6 = 0.1 × 6, 7.5 = 1.25 × 6)
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-05-22,,USD,3,0.3,3.75,15,,,," + Tail,
            "acme,acme-large,,standard,200000,2025-05-22,,USD,6,0.6,7.5,22.5,,,," + Tail);

        var report = Validate("api_prices.csv", csv);

        report.IsValid.Should().BeTrue();
        report.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_ContextTierBlankOnlyWhileTheBaseRowHadNoCachePrice_IsValid()
    {
        // Given caching introduced on 2025-06-01 (base row from then has 0.3), and a tier row that ends on that day:
        // the tier's dates overlap only the base row without caching
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-01,USD,3,,,15,,,," + Tail,
            "acme,acme-large,,standard,0,2025-06-01,,USD,3,0.3,,15,,,," + Tail,
            "acme,acme-large,,standard,200000,2025-01-01,2025-06-01,USD,6,,,22.5,,,," + Tail,
            "acme,acme-large,,standard,200000,2025-06-01,,USD,6,0.6,,22.5,,,," + Tail);

        Validate("api_prices.csv", csv).IsValid.Should().BeTrue();
    }

    [Fact]
    public void Validate_AliasOnTwoLiveModels_IsAnErrorThatSaysTheAliasMoved()
    {
        // Given mistral-medium-latest on the old and the new model, both open-ended
        var csv = Lines(
            ApiHeader,
            "acme,acme-medium-2505,acme-medium-latest,standard,0,2025-05-07,,USD,0.4,,,2,,,," + Tail,
            "acme,acme-medium-2508,acme-medium-latest,standard,0,2025-08-12,,USD,0.4,,,2,,,," + Tail);

        var report = Validate("api_prices.csv", csv);

        // Then line 3's alias cell (column 3) is the error, naming both models
        report.Errors.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 3, 3, "aliases", "acme-medium-latest",
            "alias 'acme-medium-latest' is claimed by two live (open-ended) models at provider 'acme', 'acme-medium-2505' and 'acme-medium-2508'; an alias names one model: if it moved to the newer model, remove it from the older one (and end that row with effective_to if the model was retired)",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_AliasOnAClosedAndALiveModel_KeepsTheGeneralAliasError()
    {
        // Given the alias still on the old model's closed row: an alias names one model at all times
        var csv = Lines(
            ApiHeader,
            "acme,acme-medium-2505,acme-medium-latest,standard,0,2025-05-07,2025-08-12,USD,0.4,,,2,,,," + Tail,
            "acme,acme-medium-2508,acme-medium-latest,standard,0,2025-08-12,,USD,0.4,,,2,,,," + Tail);

        Validate("api_prices.csv", csv).Errors.Should().ContainSingle()
            .Which.Message.Should().Be("alias 'acme-medium-latest' of 'acme-medium-2508' already names 'acme-medium-2505' at provider 'acme'");
    }

    [Fact]
    public void Validate_CacheWriteBelowInput_IsAWarningAtTheCacheWriteCell()
    {
        // Given a cache write of 0.3 against input 3: the cached-read price typed into the write column
        var csv = Lines(ApiHeader, "acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,0.3,15,,,," + Tail);

        var report = Validate("api_prices.csv", csv);

        report.IsValid.Should().BeTrue();
        report.Warnings.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 11, "cache_write_per_mtok", "0.3",
            "cache_write_per_mtok (0.3) of 'acme-large' (standard, context tier 0) from 2025-01-01 is below its input_per_mtok (3); writing to a prompt cache costs at least as much as uncached input (often 1.25× it): check that it is not the cached-read price",
            DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("3")]    // equal to input: some providers charge no write premium
    [InlineData("3.75")] // 1.25 × 3
    public void Validate_CacheWriteAtOrAboveInput_HasNoWarning(string write)
    {
        var csv = Lines(ApiHeader, $"acme,acme-large,,standard,0,2025-01-01,,USD,3,0.3,{write},15,,,," + Tail);

        Validate("api_prices.csv", csv).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_CachedInputAboveInput_IsStillAWarning()
    {
        // Given cached 3 against input 0.3 (the two columns swapped)
        var csv = Lines(ApiHeader, "acme,acme-large,,standard,0,2025-01-01,,USD,0.3,3,,15,,,," + Tail);

        Validate("api_prices.csv", csv).Warnings.Should().ContainSingle()
            .Which.Should().Match<PricingDiagnostic>(w => w.Line == 2 && w.Column == 10 && w.Value == "3");
    }

    [Fact]
    public void Validate_OpenEndedRowOfADateStampedModelWithANewerStamp_IsAWarning()
    {
        // Given acme-large-2024-08-06 still open-ended and acme-large-2025-04-14 from a later day
        var csv = Lines(
            ApiHeader,
            "acme,acme-large-2024-08-06,,standard,0,2024-08-06,,USD,2.5,,,10,,,," + Tail,
            "acme,acme-large-2025-04-14,,standard,0,2025-04-14,,USD,2,,,8,,,," + Tail);

        var report = Validate("api_prices.csv", csv);

        // Then the old row's effective_to cell (line 2, column 7) is warned about; the newer row is not
        report.IsValid.Should().BeTrue();
        report.Warnings.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 7, "effective_to", string.Empty,
            "'acme-large-2024-08-06' (standard, context tier 0) from 2024-08-06 is open-ended, but 'acme-large-2025-04-14' (from 2025-04-14 at api_prices.csv:3) looks like a newer version of it; if 'acme-large-2024-08-06' was retired or replaced, set this row's effective_to to the day it ended",
            DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Validate_ClosedRowOrDifferentModels_HaveNoSupersededWarning()
    {
        // Given the old stamped model ended, and two unrelated models (different stems) both open-ended
        var csv = Lines(
            ApiHeader,
            "acme,acme-large-2024-08-06,,standard,0,2024-08-06,2025-04-14,USD,2.5,,,10,,,," + Tail,
            "acme,acme-large-2025-04-14,,standard,0,2025-04-14,,USD,2,,,8,,,," + Tail,
            "acme,acme-mini-2024-07-18,,standard,0,2024-07-18,,USD,0.15,,,0.6,,,," + Tail);

        Validate("api_prices.csv", csv).Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("https://github.com/skypilot-org/skypilot-catalog/blob/abc/catalogs/v7/aws/vms.csv", "")]
    [InlineData("https://example.com/cloudy", "price snapshot of the provider API")]
    public void Validate_SnapshotRentalDatedOnItsCheckedOnDay_IsAWarning(string url, string notes)
    {
        // Given a rental from a snapshot whose effective_from is its checked_on (2026-11-29)
        var csv = Lines(RentalHeader, $"cloudy,big.8x,GPU-A,8,on-demand,us-east-1,USD,2.5,2026-11-29,{notes},{url},2026-11-29");

        var report = Validate("gpu_rentals.csv", csv);

        // Then the effective_from cell (column 9) is warned about
        report.IsValid.Should().BeTrue();
        report.Warnings.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "gpu_rentals.csv", 2, 9, "effective_from", "2026-11-29",
            "the on-demand price of 'big.8x' at 'cloudy' (us-east-1) comes from a snapshot of prices but is dated on the day it was read (2026-11-29), so an old price looks current: date it from the provider's own page, or give the snapshot's date",
            DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("https://github.com/skypilot-org/skypilot-catalog/blob/abc/vms.csv", "2026-09-15")] // a snapshot with its own date
    [InlineData("https://example.com/cloudy", "2026-11-29")]                                          // the provider's page, read that day
    public void Validate_RentalDatedOtherwise_HasNoSnapshotWarning(string url, string effectiveFrom)
    {
        var csv = Lines(RentalHeader, $"cloudy,big.8x,GPU-A,8,on-demand,us-east-1,USD,2.5,{effectiveFrom},,{url},2026-11-29");

        Validate("gpu_rentals.csv", csv).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_BundledTables_HaveNoLongContextRowWithoutItsBaseCachePrice()
    {
        // The audit's five long-context rows without cache prices (gpt-5.6-terra and -luna above 272K, claude-sonnet-4
        // above 200K) were corrected from the publishers' pages, so the rule finds nothing in the bundled tables.
        var report = PricingCatalog.Validate(PricingSource.Embedded);

        report.IsValid.Should().BeTrue();
        report.Diagnostics.Should().NotContain(d => d.Message.Contains("a blank cell bills those tokens at this tier's full input price", StringComparison.Ordinal));
    }
}
