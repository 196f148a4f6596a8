using System.Globalization;
using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// <see cref="PricingCatalog.FindStaleRows"/>: rows whose source was read more than a given number of days ago are
/// warnings pointing at their <c>checked_on</c> cell. Every row of <see cref="TestTables"/> was checked on 2026-11-29.
/// </summary>
public sealed class PricingCatalogStalenessTests
{
    // Built per use, not once per class: a catalog built in a static field hides the constructor from Stryker's per-test coverage.
    private static PricingCatalog Catalog => PricingCatalog.Load(PricingSource.InMemory(Valid()));

    [Fact]
    public void FindStaleRows_ExactlyTheMaximumAge_IsNotStale()
    {
        // 2026-11-29 + 180 days = 2027-05-28 (2 days left in November, 31 + 31 + 28 + 31 + 30 in Dec to Apr, 28 in May)
        Catalog.FindStaleRows(new DateOnly(2027, 5, 28)).Should().BeEmpty();
    }

    [Fact]
    public void FindStaleRows_OneDayPastTheDefaultAge_ReportsEveryRowAtItsCheckedOnCell()
    {
        var stale = Catalog.FindStaleRows(new DateOnly(2027, 5, 29));

        // 4 API rows + one row in each of the nine other tables
        stale.Should().HaveCount(13);
        stale.Should().OnlyContain(d => d.Severity == DiagnosticSeverity.Warning && d.ColumnName == "checked_on" && d.Value == "2026-11-29");
        stale[0].Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 18, "checked_on", "2026-11-29",
            "stale: the source of 'acme, acme-large-2025-01-01, standard, 0, 2025-01-01' was checked on 2026-11-29, 181 days before 2027-05-29 (more than 180); re-read its source_url and update checked_on",
            DiagnosticSeverity.Warning));
        stale.Select(d => d.File).Distinct().Should().HaveCount(10);
    }

    [Fact]
    public void FindStaleRows_CustomAge_NamesTheTableAndKeyOfEachRow()
    {
        // 2026-11-29 to 2026-12-30 is 31 days: stale with a 30-day limit
        var stale = Catalog.FindStaleRows(new DateOnly(2026, 12, 30), maxAgeDays: 30);

        stale.Single(d => d.File == "gpu_rentals.csv").ToString().Should().Be(
            "gpu_rentals.csv:2:12: warning: stale: the source of 'cloudy, big.1x, on-demand, us-east-1, 2025-01-01' was checked on 2026-11-29, 31 days before 2026-12-30 (more than 30); re-read its source_url and update checked_on");
        stale.Single(d => d.File == "throughput_benchmarks.csv").Message.Should().Contain("'org/Model-8B, GPU-A, 1, bf16, vllm, 1000, 500, 64'");
    }

    [Fact]
    public void FindStaleRows_OldPurchasePrice_IsReportedAtPurchaseCheckedOn()
    {
        // Given a GPU whose datasheet was read on 2026-11-29 but whose purchase price was read on 2025-01-01
        var gpus = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,USD,https://example.com/price,2025-01-01,,https://example.com/gpu-a,2026-11-29");
        var catalog = PricingCatalog.Load(PricingSource.InMemory(With("gpus.csv", gpus)));

        // When checked on 2026-11-29: 2025-01-01 is 697 days earlier (365 + 332)
        var stale = catalog.FindStaleRows(new DateOnly(2026, 11, 29));

        stale.Single().Should().Be(new PricingDiagnostic(
            "gpus.csv", 2, 11, "purchase_checked_on", "2025-01-01",
            "stale: the purchase price of 'GPU-A' was checked on 2025-01-01, 697 days before 2026-11-29 (more than 180); re-read its purchase_source_url and update purchase_checked_on",
            DiagnosticSeverity.Warning));
    }

    [Fact]
    public void FindStaleRows_TwoStaleCellsOnOneRow_AreListedInColumnOrder()
    {
        // Given a GPU whose purchase price (column 11) and datasheet (column 14) were both read in 2025; the rows are
        // listed in table order and, within a row, in column order
        var gpus = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,USD,https://example.com/price,2025-01-01,,https://example.com/gpu-a,2025-02-01");
        var catalog = PricingCatalog.Load(PricingSource.InMemory(With("gpus.csv", gpus)));

        var stale = catalog.FindStaleRows(new DateOnly(2026, 11, 29)).Where(d => d.File == "gpus.csv");

        stale.Select(d => (d.Line, d.Column, d.ColumnName)).Should().Equal((2, 11, "purchase_checked_on"), (2, 14, "checked_on"));
    }

    [Fact]
    public void FindStaleRows_OverlaidRow_PointsAtTheOverlayFile()
    {
        var overlay = PricingSource.InMemory(new Dictionary<string, string>
        {
            ["pue_figures.csv"] = Lines("name,pue,notes,source_url,checked_on", "survey-2023,1.6,,https://example.com/pue,2020-01-01"),
        });
        var catalog = PricingCatalog.Load(PricingSource.InMemory(Valid()), overlay);

        var stale = catalog.FindStaleRows(new DateOnly(2026, 11, 29));

        stale.Single().Should().BeEquivalentTo(new { File = "pue_figures.csv", Line = 2, Column = 5, Value = "2020-01-01" });
    }

    [Fact]
    public void FindStaleRows_NegativeAge_Throws()
    {
        var act = () => Catalog.FindStaleRows(new DateOnly(2026, 11, 29), -1);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxAgeDays");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void FindStaleRows_UnderAnyCulture_FormatsDatesInvariantly(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
            var stale = Catalog.FindStaleRows(new DateOnly(2027, 5, 29));

            stale[0].Message.Should().Contain("was checked on 2026-11-29, 181 days before 2027-05-29");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
