using System.Globalization;
using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// Which rental offer <see cref="PricingCatalog.FindRentalOffer"/> chooses when a provider has several for one GPU and
/// plan: for each SKU and region the row with the latest <c>effective_from</c> on or before the date (a price history),
/// then the cheapest of those, the SKU first in ordinal order on a tie.
/// </summary>
public sealed class RentalOfferSelectionTests
{
    [Theory]
    [InlineData("2025-05-31", 2.00)] // only the first row is in force
    [InlineData("2025-06-01", 3.00)] // the second row replaces it, although dearer
    [InlineData("2026-01-01", 3.00)]
    public void FindRentalOffer_PriceHistoryOfOneSku_TakesTheLatestRowInForceEvenWhenDearer(string date, double expected)
    {
        var rows = new[] { Offer("a", "us", "2025-01-01", "2.00"), Offer("a", "us", "2025-06-01", "3.00") };

        Find(rows, date).PricePerGpuHour.Should().Be((decimal)expected);
        Find(rows.Reverse(), date).PricePerGpuHour.Should().Be((decimal)expected, "the table's row order does not matter");
    }

    [Fact]
    public void FindRentalOffer_TwoSkus_TakesTheCheapestOfEachSkusLatestRow()
    {
        // SKU a costs 2.00 from January; SKU b 5.00 from June. In July each SKU's latest row is in force: 2.00 against 5.00
        var rows = new[] { Offer("a", "us", "2025-01-01", "2.00"), Offer("b", "us", "2025-06-01", "5.00") };

        Find(rows, "2025-07-01").Sku.Should().Be("a");
        Find(rows.Reverse(), "2025-07-01").Sku.Should().Be("a");
    }

    [Fact]
    public void FindRentalOffer_OneSkuInTwoRegionsAndNoRegionAsked_TakesTheCheaperRegion()
    {
        var rows = new[] { Offer("a", "eu", "2025-01-01", "3.00"), Offer("a", "us", "2025-01-01", "2.00") };

        Find(rows, "2025-07-01").Region.Should().Be("us");
        Find(rows, "2025-07-01", region: "EU").PricePerGpuHour.Should().Be(3.00m, "a region asked for is matched in any case");
    }

    [Theory]
    [InlineData("a", "b")]
    [InlineData("b", "a")]
    public void FindRentalOffer_TwoSkusAtTheSamePrice_TakesTheFirstSkuInOrdinalOrder(string firstListed, string secondListed)
    {
        var rows = new[] { Offer(firstListed, "us", "2025-01-01", "2.00"), Offer(secondListed, "us", "2025-01-01", "2.00") };

        Find(rows, "2025-07-01").Sku.Should().Be("a");
    }

    [Theory]
    [InlineData("eu", "us")]
    [InlineData("us", "eu")]
    public void FindRentalOffer_OneSkuInTwoRegionsAtTheSamePrice_TakesTheRegionListedFirst(string firstListed, string secondListed)
    {
        var rows = new[] { Offer("a", firstListed, "2025-01-01", "2.00"), Offer("a", secondListed, "2025-01-01", "2.00") };

        Find(rows, "2025-07-01").Region.Should().Be(firstListed);
    }

    [Fact]
    public void FindRentalOffer_NoOfferOnThePlan_ListsEveryKnownOffer()
    {
        var catalog = Catalog(Offer("a", "eu", "2025-01-01", "3.00"), Offer("a", "us", "2025-01-01", "2.00"));

        var act = () => catalog.FindRentalOffer("cloudy", "GPU-A", RentalPlan.Spot, new DateOnly(2025, 7, 1));

        act.Should().Throw<PricingLookupException>().WithMessage(
            "No spot offer for 'GPU-A' at 'cloudy' on 2025-07-01; known offers for this GPU: cloudy on-demand eu from 2025-01-01; cloudy on-demand us from 2025-01-01.");
    }

    [Fact]
    public void FindRentalOffer_SkuAsked_IgnoresCheaperSkus()
    {
        var rows = new[] { Offer("a", "us", "2025-01-01", "2.00"), Offer("b", "us", "2025-01-01", "5.00") };

        Find(rows, "2025-07-01", sku: "B").PricePerGpuHour.Should().Be(5.00m);
    }

    [Fact]
    public void FindRentalOffer_NoOfferInTheRegion_NamesTheRegionAndTheKnownOffers()
    {
        var catalog = Catalog(Offer("a", "us", "2025-01-01", "2.00"));

        var act = () => catalog.FindRentalOffer("cloudy", "GPU-A", RentalPlan.OnDemand, new DateOnly(2025, 7, 1), region: "eu");

        act.Should().Throw<PricingLookupException>().WithMessage(
            "No on-demand offer for 'GPU-A' at 'cloudy' in 'eu' on 2025-07-01; known offers for this GPU: cloudy on-demand us from 2025-01-01.");
    }

    [Fact]
    public void FindRentalOffer_GpuWithoutOffers_SaysThereAreNone()
    {
        var catalog = Catalog(Offer("a", "us", "2025-01-01", "2.00"));

        var act = () => catalog.FindRentalOffer("cloudy", "GPU-B", RentalPlan.Spot, new DateOnly(2025, 7, 1));

        act.Should().Throw<PricingLookupException>().WithMessage(
            "No spot offer for 'GPU-B' at 'cloudy' on 2025-07-01; there are no offers for this GPU.");
    }

    private static string Offer(string sku, string region, string effectiveFrom, string price) =>
        $"cloudy,{sku},GPU-A,8,on-demand,{region},USD,{price},{effectiveFrom},,https://example.com/cloudy,2026-11-29";

    private static PricingCatalog Catalog(params IEnumerable<string> offers)
    {
        var tables = Valid();
        tables["gpu_rentals.csv"] = Lines([RentalHeader, .. offers]);
        tables["gpus.csv"] = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29", "GPU-B,nvidia,48,0.86,362,733,350,,,,,,https://example.com/gpu-b,2026-11-29");
        return PricingCatalog.Load(PricingSource.InMemory(tables));
    }

    private static GpuRentalOffer Find(IEnumerable<string> offers, string date, string? region = null, string? sku = null) =>
        Catalog(offers).FindRentalOffer("cloudy", "GPU-A", RentalPlan.OnDemand, DateOnly.Parse(date, CultureInfo.InvariantCulture), region, sku);
}
