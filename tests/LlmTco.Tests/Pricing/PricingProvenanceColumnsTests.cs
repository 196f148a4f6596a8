using FluentAssertions;
using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The optional <c>source_kind</c> and <c>effective_from_basis</c> columns (issue 17): read as words, blank when a row or
/// an older file does not say, and counted per table by validation.
/// </summary>
public sealed class PricingProvenanceColumnsTests
{
    private static Dictionary<string, string> WithApiRows(params string[] rows)
    {
        var tables = Valid();
        tables["api_prices.csv"] = Lines([ApiHeaderFull, .. rows]);
        return tables;
    }

    [Fact]
    public void Load_ProvenanceWords_AreReadIntoTheRows()
    {
        // Given one row dated by its publisher from the publisher's page, and one only observed in a copy
        var tables = WithApiRows(
            "acme,acme-large,,standard,0,2025-01-01,published,,USD,10,,,40,,,,launch,https://example.com/acme,primary,2026-11-29",
            "acme,acme-mini,,standard,0,2025-07-04,observed,,USD,0.1,,,0.4,,,,first seen in a tracker,https://example.com/tracker,secondary,2026-11-29");

        // When the tables are loaded
        var catalog = PricingCatalog.Load(PricingSource.InMemory(tables));

        // Then each row carries what its cells say
        var large = catalog.ApiPrices.Single(p => p.ModelId == "acme-large");
        var mini = catalog.ApiPrices.Single(p => p.ModelId == "acme-mini");
        (large.EffectiveFromBasis, large.SourceKind).Should().Be((EffectiveDateBasis.Published, SourceKind.Primary));
        (mini.EffectiveFromBasis, mini.SourceKind).Should().Be((EffectiveDateBasis.Observed, SourceKind.Secondary));
    }

    [Fact]
    public void Validate_CountsPrimarySourcesAndObservedDates_PerTable()
    {
        // Given four API rows: two primary, one secondary, one that does not say; one dated only by observation
        var tables = WithApiRows(
            "acme,a1,,standard,0,2025-01-01,published,,USD,1,,,2,,,,,https://example.com/acme,primary,2026-11-29",
            "acme,a2,,standard,0,2025-01-01,published,,USD,1,,,2,,,,,https://example.com/acme,primary,2026-11-29",
            "acme,a3,,standard,0,2025-07-04,observed,,USD,1,,,2,,,,,https://example.com/copy,secondary,2026-11-29",
            "acme,a4,,standard,0,2025-01-01,,,USD,1,,,2,,,,,https://example.com/acme,,2026-11-29");

        // When they are validated
        var summary = PricingCatalog.Validate(PricingSource.InMemory(tables)).Tables.Single(t => t.FileName == "api_prices.csv");

        // Then the summary counts them: 2 of 4 primary = 50 %, 1 without source_kind, 1 observed
        (summary.PrimarySourceRowCount, summary.SecondarySourceRowCount, summary.ObservedEffectiveFromRowCount).Should().Be((2, 1, 1));
        summary.ToString().Should().Be(
            "api_prices.csv: 4 rows, sources checked 2026-11-29 to 2026-11-29; primary sources 2 of 4 (50 %), 1 without source_kind; 1 dated only by observation (effective_from_basis observed)");
    }

    [Fact]
    public void Validate_FileWithoutTheOptionalColumns_LoadsWithNothingStated()
    {
        // Given the older header, without source_kind and effective_from_basis (the Valid() tables use it)
        var report = PricingCatalog.Validate(PricingSource.InMemory(Valid()));

        // Then it is valid, and its summary line says nothing about provenance
        report.IsValid.Should().BeTrue();
        report.Tables.Single(t => t.FileName == "api_prices.csv").ToString().Should().Be("api_prices.csv: 4 rows, sources checked 2026-11-29 to 2026-11-29");
        PricingCatalog.Load(PricingSource.InMemory(Valid())).ApiPrices.Should().OnlyContain(p => p.SourceKind == null && p.EffectiveFromBasis == null);
    }

    [Theory]
    [InlineData("official", "published", "source_kind", "'official' is not a known source kind; expected one of: primary, secondary")]
    [InlineData("primary", "launch", "effective_from_basis", "'launch' is not a known effective-date basis; expected one of: published, observed")]
    public void Validate_UnknownWord_IsAnErrorListingTheWords(string sourceKind, string basis, string column, string reason)
    {
        var tables = WithApiRows($"acme,a1,,standard,0,2025-01-01,{basis},,USD,1,,,2,,,,,https://example.com/acme,{sourceKind},2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Should().ContainSingle().Which.Message.Should().Be($"column '{column}': {reason}");
    }

    [Fact]
    public void BundledTables_StateTheProvenanceOfEveryRow()
    {
        // The bundled tables say, for every row, whether its source is the publisher's, and for every dated price
        // whether its start is the publisher's date or an observation.
        var catalog = PricingCatalog.Load(PricingSource.Embedded);
        IEnumerable<ISourcedRow> all = [.. catalog.ApiPrices, .. catalog.Gpus, .. catalog.GpuRentalOffers, .. catalog.OpenModels, .. catalog.ThroughputBenchmarks, .. catalog.StoragePrices, .. catalog.EgressPrices, .. catalog.ElectricityPrices, .. catalog.HostingPrices, .. catalog.PueFigures];

        all.Should().OnlyContain(r => r.SourceKind != null);
        catalog.ApiPrices.Should().OnlyContain(p => p.EffectiveFromBasis != null);
        catalog.GpuRentalOffers.Should().OnlyContain(o => o.EffectiveFromBasis != null);
    }
}
