using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Pricing.Diff;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing.Diff;

/// <summary>
/// <see cref="PricingDiff.Compare"/> on hand-made versions of <see cref="TestTables"/>: what a reviewer sees before
/// committing a CSV change.
/// </summary>
public sealed class PricingDiffTests
{
    private const string Tail = ",https://example.com/acme,2026-11-29";

    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static PricingCatalog Old => Load(Valid());

    [Fact]
    public void Compare_SameTables_IsEmpty()
    {
        var diff = PricingDiff.Compare(Old, Load(Valid()));

        diff.IsEmpty.Should().BeTrue();
        diff.Rows.Should().BeEmpty();
    }

    [Fact]
    public void Compare_PriceChangeRecordedAsTheGuideSays_ShowsTheEndedRowAndTheNewPricesWithPercentChange()
    {
        // Given acme-mini's base price ended on 2026-01-01 and a new row from that day: 0.075 → 0.06 in, 0.3 → 0.24 out
        var tables = With("api_prices.csv", Lines(
            ApiHeader,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-01-01,2025-06-10,USD,10,2.5,,40,,0.5,,launch" + Tail,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-06-10,,USD,2,0.5,,8,,0.5,,cut" + Tail,
            "acme,acme-mini,,standard,0,2025-01-01,2026-01-01,USD,0.075,,,0.3,,,," + Tail,
            "acme,acme-mini,,standard,0,2026-01-01,,USD,0.06,,,0.24,,,,new year cut" + Tail,
            "acme,acme-mini,,standard,200000,2025-01-01,,USD,0.15,,,0.6,,,,long context" + Tail));

        var diff = PricingDiff.Compare(Old, Load(tables));

        // Then the old row changed only its effective_to, and the new row is added after it
        diff.Rows.Select(r => (r.FileName, r.Key, r.Kind)).Should().Equal(
            ("api_prices.csv", "acme, acme-mini, standard, 0, 2025-01-01", PricingChangeKind.Changed),
            ("api_prices.csv", "acme, acme-mini, standard, 0, 2026-01-01", PricingChangeKind.Added));
        diff.Rows[0].Cells.Should().Equal(new PricingCellChange("effective_to", string.Empty, "2026-01-01"));
        diff.Rows[0].Cells[0].ToString().Should().Be("effective_to: (blank) → 2026-01-01");

        // And the added row's price change against the row it follows: (0.06 − 0.075) / 0.075 = −20 %, (0.24 − 0.3) / 0.3 = −20 %
        var added = diff.Rows[1];
        added.PreviousKey.Should().Be("acme, acme-mini, standard, 0, 2025-01-01");
        added.ChangesFromPrevious.Should().Equal(
            new PricingCellChange("input_per_mtok", "0.075", "0.06"),
            new PricingCellChange("output_per_mtok", "0.3", "0.24"));
        added.ChangesFromPrevious.Select(c => c.PercentChange).Should().Equal(-20m, -20m);
        added.ChangesFromPrevious[0].ToString().Should().Be("input_per_mtok: 0.075 → 0.06 (-20 %)");
        added.Cells.Should().Contain(new PricingCellChange("notes", null, "new year cut"));
        diff.Count(PricingChangeKind.Added).Should().Be(1);
        diff.Count(PricingChangeKind.Changed).Should().Be(1);
        diff.Count(PricingChangeKind.Removed).Should().Be(0);
    }

    [Fact]
    public void Compare_NewAndRemovedRows_ListTheirCells()
    {
        // Given the storage row replaced by one in another region
        var tables = With("storage_prices.csv", Lines(
            "provider,service,region,currency,price_per_gb_month,notes,source_url,checked_on",
            "cloudy,Object Storage,eu-west-1,USD,0.024,,https://example.com/storage,2026-11-29"));

        var diff = PricingDiff.Compare(Old, Load(tables));

        diff.Rows.Select(r => (r.Key, r.Kind)).Should().Equal(
            ("cloudy, Object Storage, eu-west-1", PricingChangeKind.Added),
            ("cloudy, Object Storage, us-east-1", PricingChangeKind.Removed));
        diff.Rows[0].PreviousKey.Should().BeNull();
        diff.Rows[0].Cells.Select(c => c.ColumnName).Should().Equal("provider", "service", "region", "currency", "price_per_gb_month", "source_url", "checked_on");
        diff.Rows[1].Cells.Should().Contain(new PricingCellChange("price_per_gb_month", "0.023", null));
    }

    [Fact]
    public void Compare_ChangedGpu_GivesThePercentChangeOfEachNumber()
    {
        // Given GPU-A with 96 GB instead of 80 (+20 %) and 700 → 750 W (+7.14 %: 50 / 700 = 0.0714285…)
        var tables = With("gpus.csv", Lines(GpuHeader, "GPU-A,nvidia,96,3.35,989.5,1979,750,,,,,,https://example.com/gpu-a,2026-11-29"));

        var row = PricingDiff.Compare(Old, Load(tables)).Rows.Single();

        row.Should().BeEquivalentTo(new { FileName = "gpus.csv", Key = "GPU-A", Kind = PricingChangeKind.Changed });
        row.Cells.Select(c => (c.ColumnName, c.OldValue, c.NewValue, c.PercentChange)).Should().Equal(
            ("memory_gb", "80", "96", 20m),
            ("tdp_watts", "700", "750", 7.14m));
    }

    [Fact]
    public void Compare_OneNumberChangedInEveryTable_ListsOneChangedRowPerTableInTableOrder()
    {
        // Given each of the ten tables with one number of one row changed
        var tables = Valid();
        void Change(string file, string from, string to) => tables[file] = tables[file].Replace(from, to, StringComparison.Ordinal);
        Change("api_prices.csv", "USD,0.075,", "USD,0.08,");
        Change("gpus.csv", "1979,700,", "1979,650,");
        Change("gpu_rentals.csv", "USD,2.5,", "USD,2.6,");
        Change("open_models.csv", ",131072,", ",65536,");
        Change("throughput_benchmarks.csv", ",64,2000,", ",64,2100,");
        Change("storage_prices.csv", "USD,0.023,", "USD,0.021,");
        Change("egress_prices.csv", "USD,0.09,", "USD,0.08,");
        Change("electricity_prices.csv", "USD,0.0892,", "USD,0.09,");
        Change("hosting_prices.csv", "USD,184.06,", "USD,190,");
        Change("pue_figures.csv", ",1.58,", ",1.56,");

        var rows = PricingDiff.Compare(Old, Load(tables)).Rows;

        // Then each table shows its one changed cell, in the order the tables are documented
        rows.Select(r => (r.FileName, r.Kind, r.Cells.Single().ColumnName, r.Cells.Single().OldValue, r.Cells.Single().NewValue)).Should().Equal(
            ("api_prices.csv", PricingChangeKind.Changed, "input_per_mtok", "0.075", "0.08"),
            ("gpus.csv", PricingChangeKind.Changed, "tdp_watts", "700", "650"),
            ("gpu_rentals.csv", PricingChangeKind.Changed, "price_per_gpu_hour", "2.5", "2.6"),
            ("open_models.csv", PricingChangeKind.Changed, "context_length_tokens", "131072", "65536"),
            ("throughput_benchmarks.csv", PricingChangeKind.Changed, "output_tokens_per_second_per_replica", "2000", "2100"),
            ("storage_prices.csv", PricingChangeKind.Changed, "price_per_gb_month", "0.023", "0.021"),
            ("egress_prices.csv", PricingChangeKind.Changed, "price_per_gb", "0.09", "0.08"),
            ("electricity_prices.csv", PricingChangeKind.Changed, "price_per_kwh", "0.0892", "0.09"),
            ("hosting_prices.csv", PricingChangeKind.Changed, "price_per_kw_month", "184.06", "190"),
            ("pue_figures.csv", PricingChangeKind.Changed, "pue", "1.58", "1.56"));
    }

    [Fact]
    public void Compare_NewRowOfALongPriceHistory_FollowsTheLatestEarlierRow()
    {
        // Given rows from 2025-01-01 (2.5) and 2025-06-01 (2.2), and a new one from 2026-01-01 (2): it follows 2025-06-01
        var old = Load(With("gpu_rentals.csv", Lines(
            RentalHeader,
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.5,2025-01-01,,https://example.com/cloudy,2026-11-29",
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.2,2025-06-01,,https://example.com/cloudy,2026-11-29")));
        var tables = With("gpu_rentals.csv", Lines(
            RentalHeader,
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.5,2025-01-01,,https://example.com/cloudy,2026-11-29",
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.2,2025-06-01,,https://example.com/cloudy,2026-11-29",
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2,2026-01-01,,https://example.com/cloudy,2026-11-29"));

        var added = PricingDiff.Compare(old, Load(tables)).Rows.Single();

        added.PreviousKey.Should().Be("cloudy, big.1x, on-demand, us-east-1, 2025-06-01");
        added.ChangesFromPrevious.Should().Equal(new PricingCellChange("price_per_gpu_hour", "2.2", "2"));
    }

    [Fact]
    public void Compare_NullCatalog_Throws()
    {
        FluentActions.Invoking(() => PricingDiff.Compare(null!, Old)).Should().Throw<ArgumentNullException>().WithParameterName("oldCatalog");
        FluentActions.Invoking(() => PricingDiff.Compare(Old, null!)).Should().Throw<ArgumentNullException>().WithParameterName("newCatalog");
    }

    [Fact]
    public void Compare_SameNumberWrittenDifferently_IsNotAChange()
    {
        // 0.023 and 0.0230 are the same price
        var tables = With("storage_prices.csv", Lines(
            "provider,service,region,currency,price_per_gb_month,notes,source_url,checked_on",
            "cloudy,Object Storage,us-east-1,USD,0.0230,,https://example.com/storage,2026-11-29"));

        PricingDiff.Compare(Old, Load(tables)).IsEmpty.Should().BeTrue();
    }

    [Fact]
    public void Compare_NewRentalPrice_FollowsTheSameOffersEarlierRow()
    {
        // Given a new on-demand price for cloudy's big.1x from 2026-01-01: 2.5 → 2 per GPU-hour (−20 %)
        var tables = With("gpu_rentals.csv", Lines(
            RentalHeader,
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.5,2025-01-01,,https://example.com/cloudy,2026-11-29",
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2,2026-01-01,,https://example.com/cloudy,2026-11-29"));

        var added = PricingDiff.Compare(Old, Load(tables)).Rows.Single();

        added.Kind.Should().Be(PricingChangeKind.Added);
        added.PreviousKey.Should().Be("cloudy, big.1x, on-demand, us-east-1, 2025-01-01");
        added.ChangesFromPrevious.Should().Equal(new PricingCellChange("price_per_gpu_hour", "2.5", "2"));
        added.ChangesFromPrevious[0].PercentChange.Should().Be(-20m);
    }

    [Theory]
    [InlineData("0", "5", null)]
    [InlineData("", "5", null)]
    [InlineData("abc", "5", null)]
    [InlineData("2", "3", 50.0)]
    [InlineData("3", "1", -66.67)]
    public void PercentChange_OnlyForNumbersWithANonZeroOldValue(string oldValue, string newValue, double? expected)
    {
        new PricingCellChange("x", oldValue, newValue).PercentChange.Should().Be((decimal?)expected);
    }

    [Fact]
    public void Compare_UnderGermanCulture_ReadsAndFormatsInvariantly()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var tables = With("pue_figures.csv", Lines("name,pue,notes,source_url,checked_on", "survey-2023,1.264,,https://example.com/pue,2026-11-29"));

            var cell = PricingDiff.Compare(Old, Load(tables)).Rows.Single().Cells.Single();

            // (1.264 − 1.58) / 1.58 = −0.2
            cell.ToString().Should().Be("pue: 1.58 → 1.264 (-20 %)");
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }

    private static PricingCatalog Load(Dictionary<string, string> tables) => PricingCatalog.Load(PricingSource.InMemory(tables));
}
