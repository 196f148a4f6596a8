using LlmTco.Pricing;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The defaults of the priced row types when a caller builds rows in code (for a custom catalog or an import) rather
/// than reading them from CSV: the currency is US dollars unless given, as the table documentation says.
/// </summary>
public sealed class PricingRowDefaultsTests
{
    private static readonly Uri Source = new("https://example.com/prices");
    private static readonly DateOnly Day = new(2026, 11, 29);

    [Fact]
    public void ApiPrice_WithoutCurrency_IsInUsd()
    {
        var row = new ApiPrice { Provider = "acme", ModelId = "m", EffectiveFrom = Day, InputPricePerMillionTokens = 1m, OutputPricePerMillionTokens = 2m, SourceUrl = Source, CheckedOn = Day };

        row.Currency.Should().Be("USD");
    }

    [Fact]
    public void GpuRentalOffer_WithoutCurrency_IsInUsd()
    {
        var row = new GpuRentalOffer { Provider = "cloudy", Sku = "big.8x", GpuModel = "GPU-A", GpusPerInstance = 8, Plan = RentalPlan.OnDemand, Region = "us", PricePerGpuHour = 2.5m, EffectiveFrom = Day, SourceUrl = Source, CheckedOn = Day };

        row.Currency.Should().Be("USD");
    }

    [Fact]
    public void StorageEgressElectricityAndHostingPrices_WithoutCurrency_AreInUsd()
    {
        new StoragePrice { Provider = "cloudy", Service = "Object Storage", Region = "us", PricePerGbMonth = 0.023m, SourceUrl = Source, CheckedOn = Day }.Currency.Should().Be("USD");
        new EgressPrice { Provider = "cloudy", Service = "internet-egress", Region = "us", PricePerGb = 0.09m, SourceUrl = Source, CheckedOn = Day }.Currency.Should().Be("USD");
        new ElectricityPrice { Region = "US-VA", Sector = "industrial", PricePerKwh = 0.0892m, Period = "2023", SourceUrl = Source, CheckedOn = Day }.Currency.Should().Be("USD");
        new HostingPrice { Provider = "colo", Region = "North America", PricePerKwMonth = 184.06m, SourceUrl = Source, CheckedOn = Day }.Currency.Should().Be("USD");
    }
}
