using LlmTco.Api;
using LlmTco.Pricing;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Api;

/// <summary>Per-request usage records priced as a bill would be, on the test tables (hand calculations in comments).</summary>
public sealed class UsagePricerTests
{
    private static readonly UsagePricer Pricer = new(Catalog);

    [Fact]
    public void Price_AroundAPriceChange_UsesTheRowInForceOnTheRecordsDate()
    {
        // 1,000 input (200 cached) and 500 output tokens of acme-large:
        // 2025-06-09: (800 × 10 + 200 × 2.5 + 500 × 40) / 1e6 = (8,000 + 500 + 20,000) / 1e6 = 0.0285
        // 2025-06-10: (800 × 2 + 200 × 0.5 + 500 × 8) / 1e6 = (1,600 + 100 + 4,000) / 1e6 = 0.0057
        Pricer.Price(new UsageRecord("acme", "acme-large", new DateOnly(2025, 6, 9), 1000, 200, 0, 500)).Should().BeApproximately(0.0285, 1e-15);
        Pricer.Price(new UsageRecord("ACME", "Acme-Large", new DateOnly(2025, 6, 10), 1000, 200, 0, 500)).Should().BeApproximately(0.0057, 1e-15);
    }

    [Fact]
    public void Price_BatchRequest_TakesTheBatchDiscount()
    {
        // acme-large has a 50 % batch discount: 0.0057 × 0.5 = 0.00285
        Pricer.Price(new UsageRecord("acme", "acme-large", new DateOnly(2025, 7, 1), 1000, 200, 0, 500, Batch: true)).Should().BeApproximately(0.00285, 1e-15);
    }

    [Fact]
    public void Price_LongRequest_BillsTheWholeRequestAtTheContextTier()
    {
        // acme-mini: 0.075 / 0.3 per 1M up to 200,000 input tokens, 0.15 / 0.6 above (the whole request);
        // it has no cache price, so cached tokens bill at the input price.
        // 200,000 in + 1,000 out: (200,000 × 0.075 + 1,000 × 0.3) / 1e6 = 0.0153
        // 200,001 in (1 cached) + 1,000 out: (200,001 × 0.15 + 1,000 × 0.6) / 1e6 = 0.03060015
        Pricer.Price(new UsageRecord("acme", "acme-mini", new DateOnly(2025, 7, 1), 200_000, 0, 0, 1000)).Should().BeApproximately(0.0153, 1e-15);
        Pricer.Price(new UsageRecord("acme", "acme-mini", new DateOnly(2025, 7, 1), 200_001, 1, 0, 1000)).Should().BeApproximately(0.03060015, 1e-15);
    }

    [Fact]
    public void PriceAll_FillsOneCostPerRecord()
    {
        UsageRecord[] records =
        [
            new("acme", "acme-large", new DateOnly(2025, 6, 9), 1000, 200, 0, 500),
            new("acme", "acme-mini", new DateOnly(2025, 7, 1), 200_000, 0, 0, 1000),
        ];
        var costs = new double[2];

        Pricer.PriceAll(records, costs);

        costs.Should().Equal([0.0285, 0.0153], (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void Price_UnknownModelOrNoPriceOnTheDate_IsAClearError()
    {
        var unknown = () => Pricer.Price(new UsageRecord("acme", "acme-huge", new DateOnly(2025, 7, 1), 1, 0, 0, 1));
        var early = () => Pricer.Price(new UsageRecord("acme", "acme-large", new DateOnly(2024, 12, 31), 1, 0, 0, 1));
        var negative = () => Pricer.Price(new UsageRecord("acme", "acme-large", new DateOnly(2025, 7, 1), 10, 20, 0, 1));

        unknown.Should().Throw<PricingLookupException>().WithMessage("Unknown model 'acme-huge' at provider 'acme'.");
        early.Should().Throw<PricingLookupException>().WithMessage("No standard price for 'acme-large' at 'acme' on 2024-12-31.");
        negative.Should().Throw<ArgumentOutOfRangeException>();
    }

    [Fact]
    public void Price_AgreesWithTheCatalogLookup()
    {
        // The pricer's row choice is the catalog's FindApiPrice for the same date and input size.
        var row = PricingCatalog.Default.FindApiPrice("google", "gemini-2.5-pro", new DateOnly(2025, 9, 1), 250_000);
        var expected = ((250_000 * (double)row.InputPricePerMillionTokens) + (2_000 * (double)row.OutputPricePerMillionTokens)) / 1e6;

        new UsagePricer(PricingCatalog.Default).Price(new UsageRecord("google", "gemini-2.5-pro", new DateOnly(2025, 9, 1), 250_000, 0, 0, 2_000))
            .Should().BeApproximately(expected, 1e-15);
    }
}
