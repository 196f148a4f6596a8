using System.Globalization;
using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// Parsing and formatting never depend on the machine's culture: a de-DE or fr-FR machine (decimal comma) and a
/// tr-TR machine (dotless i in case mapping) must read "0.075" and "GPU-A" exactly as en-US does.
/// </summary>
public sealed class PricingCatalogCultureTests
{
    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    [InlineData("en-US")]
    public void Load_UnderAnyCulture_ReadsTheSameExactValues(string culture)
    {
        RunUnder(culture, () =>
        {
            var catalog = PricingCatalog.Load(PricingSource.InMemory(Valid()));

            catalog.FindApiPrice("acme", "ACME-MINI", new DateOnly(2025, 7, 1)).InputPricePerMillionTokens.Should().Be(0.075m);
            catalog.GetGpu("gpu-a").MemoryBandwidthTbPerSecond.Should().Be(3.35m);
            catalog.GetOpenModel("MODEL-8B").ModelId.Should().Be("org/Model-8B");
            catalog.ElectricityPrices.Single().PricePerKwh.Should().Be(0.0892m);
        });
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    [InlineData("tr-TR")]
    public void Diagnostics_UnderAnyCulture_AreFormattedInvariantly(string culture)
    {
        RunUnder(culture, () =>
        {
            var csv = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,-1.5,USD,https://example.com/p,2026-11-29,,https://example.com/gpu-a,2026-11-29");
            var report = PricingCatalog.Validate(PricingSource.InMemory(With("gpus.csv", csv)));

            report.Errors.Single().ToString().Should().Be("gpus.csv:2:8: error: column 'purchase_price_per_gpu': '-1.5' must not be negative");
        });
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    public void Write_UnderAnyCulture_WritesDecimalPoints(string culture)
    {
        RunUnder(culture, () =>
        {
            var catalog = PricingCatalog.Load(PricingSource.InMemory(Valid()));
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            PricingCatalog.WriteApiPrices(writer, catalog.ApiPrices);

            writer.ToString().Should().Contain(",0.075,").And.Contain(",2025-06-10,").And.NotContain("0,075");
        });
    }

    [Fact]
    public void Embedded_UnderGerman_EqualsInvariantLoad()
    {
        var invariant = PricingCatalog.LoadEmbedded();
        PricingCatalog? german = null;
        RunUnder("de-DE", () => german = PricingCatalog.LoadEmbedded());

        german!.Gpus.Should().Equal(invariant.Gpus);
        german.GpuRentalOffers.Should().Equal(invariant.GpuRentalOffers);
        german.ElectricityPrices.Should().Equal(invariant.ElectricityPrices);
    }

    private static void RunUnder(string culture, Action action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
