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

    /// <summary>
    /// A Claude-like row priced as on Anthropic's page for Claude Sonnet 4.5 (input 3, cache read 0.1 × 3 = 0.3, 5-minute
    /// write 1.25 × 3 = 3.75, 1-hour write 2 × 3 = 6, output 15) and the same prices without a 1-hour price.
    /// </summary>
    private static UsagePricer OneHourPricer => new(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Lines(
        TestTables.ApiHeaderOneHour,
        "acme,claude-like,,standard,0,2025-01-01,,USD,3,0.3,3.75,6,15,,0.5,,,https://example.com/acme,2026-11-29",
        "acme,no-hour-price,,standard,0,2025-01-01,,USD,3,0.3,3.75,,15,,,,,https://example.com/acme,2026-11-29")))));

    [Fact]
    public void Price_OneMillionOneHourCacheWrites_BillAtTwiceTheInputPrice()
    {
        // 1,000,000 input tokens, all written to the cache with a 1-hour lifetime, no output:
        // 1,000,000 × 6 ÷ 1e6 = 6 = 2 × the input price 3 (at the 5-minute price it would be 1.25 × 3 = 3.75)
        OneHourPricer.Price(new UsageRecord("acme", "claude-like", new DateOnly(2025, 7, 1), 1_000_000, 0, 1_000_000, 0, OneHourCacheWriteTokens: 1_000_000))
            .Should().BeApproximately(6, 1e-12);
        OneHourPricer.Price(new UsageRecord("acme", "claude-like", new DateOnly(2025, 7, 1), 1_000_000, 0, 1_000_000, 0))
            .Should().BeApproximately(3.75, 1e-12);
    }

    [Fact]
    public void Price_BothCacheLifetimes_BillEachPartAtItsPrice()
    {
        // 1,000,000 input: 100,000 cache reads, 700,000 cache writes of which 400,000 for 1 hour, so 200,000 uncached;
        // 10,000 output:
        // (200,000 × 3 + 100,000 × 0.3 + 300,000 × 3.75 + 400,000 × 6 + 10,000 × 15) ÷ 1e6
        // = (600,000 + 30,000 + 1,125,000 + 2,400,000 + 150,000) ÷ 1e6 = 4.305
        var record = new UsageRecord("acme", "claude-like", new DateOnly(2025, 7, 1), 1_000_000, 100_000, 700_000, 10_000, OneHourCacheWriteTokens: 400_000);
        OneHourPricer.Price(record).Should().BeApproximately(4.305, 1e-12);

        // Batched: 50 % off every token, 1-hour writes included: 4.305 × 0.5 = 2.1525
        OneHourPricer.Price(record with { Batch = true }).Should().BeApproximately(2.1525, 1e-12);
    }

    [Fact]
    public void Price_OneHourWritesOnARowWithoutAOneHourPrice_BillAtTheFiveMinutePrice()
    {
        // no-hour-price has no cache_write_1h_per_mtok: 1,000,000 1-hour writes × 3.75 ÷ 1e6 = 3.75 (UsageAnalyzer lists them)
        OneHourPricer.Price(new UsageRecord("acme", "no-hour-price", new DateOnly(2025, 7, 1), 1_000_000, 0, 1_000_000, 0, OneHourCacheWriteTokens: 1_000_000))
            .Should().BeApproximately(3.75, 1e-12);
    }

    [Theory]
    [InlineData(1_001L)] // more 1-hour writes than writes
    [InlineData(-1L)]
    public void Price_OneHourWritesOutsideTheCacheWrites_AreRejected(long oneHour)
    {
        var act = () => OneHourPricer.Price(new UsageRecord("acme", "claude-like", new DateOnly(2025, 7, 1), 2_000, 0, 1_000, 0, OneHourCacheWriteTokens: oneHour));

        act.Should().Throw<ArgumentOutOfRangeException>();
    }

    /// <summary>The test tables plus "acme-tools": input 1, cache read 0.1, cache write 1.25, output 4 per 1M, 0.002 a request, batch 50 % off.</summary>
    /// <summary>
    /// A new pricer over the tools catalog on every use, so that what the constructor builds (the alias index) is built in
    /// the test that relies on it: a static instance is built once, by whichever test runs first, and a mutation testing
    /// tool then attributes the constructor to that test alone.
    /// </summary>
    private static UsagePricer ToolsPricer => new(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Lines(
        TestTables.ApiHeader,
        "acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,,,,https://example.com/acme,2026-11-29",
        "acme,acme-tools,tools,standard,0,2025-01-01,,USD,1,0.1,1.25,4,,0.5,0.002,,https://example.com/acme,2026-11-29",
        "beta,acme-tools,,standard,0,2025-01-01,,USD,3,,,9,,,,,https://example.com/beta,2026-11-29")))));

    [Fact]
    public void Price_CacheReadsWritesAndAFeePerRequest_BillEachAtItsPrice()
    {
        // 10,000 input of which 2,000 cache reads and 3,000 cache writes, 1,000 output:
        // (5,000 × 1 + 2,000 × 0.1 + 3,000 × 1.25 + 1,000 × 4) ÷ 1e6 = (5,000 + 200 + 3,750 + 4,000) ÷ 1e6 = 0.01295, + 0.002 = 0.01495
        ToolsPricer.Price(new UsageRecord("acme", "acme-tools", new DateOnly(2025, 7, 1), 10_000, 2_000, 3_000, 1_000)).Should().BeApproximately(0.01495, 1e-15);

        // Batched: the discount applies to the tokens, not to the fee: 0.01295 × 0.5 + 0.002 = 0.008475
        ToolsPricer.Price(new UsageRecord("acme", "acme-tools", new DateOnly(2025, 7, 1), 10_000, 2_000, 3_000, 1_000, Batch: true)).Should().BeApproximately(0.008475, 1e-15);
    }

    [Fact]
    public void Price_NoCacheWritePrice_BillsCacheWritesAtTheInputPrice()
    {
        // acme-mini has neither cache price: 1,000 input (500 written to the cache) + 100 output = (1,000 × 0.075 + 100 × 0.3) ÷ 1e6
        ToolsPricer.Price(new UsageRecord("acme", "acme-mini", new DateOnly(2025, 7, 1), 1_000, 0, 500, 100)).Should().BeApproximately(0.000105, 1e-15);
    }

    [Fact]
    public void Price_SameModelIdAtTwoProviders_UsesTheRecordsProviderAndItsAliases()
    {
        // beta sells acme-tools at 3 / 9: (1,000 × 3 + 100 × 9) ÷ 1e6 = 0.0039; acme's alias "tools": (1,000 × 1 + 100 × 4) ÷ 1e6 + 0.002 = 0.0034
        ToolsPricer.Price(new UsageRecord("beta", "acme-tools", new DateOnly(2025, 7, 1), 1_000, 0, 0, 100)).Should().BeApproximately(0.0039, 1e-15);
        ToolsPricer.Price(new UsageRecord("acme", "tools", new DateOnly(2025, 7, 1), 1_000, 0, 0, 100)).Should().BeApproximately(0.0034, 1e-15);
    }

    [Theory]
    [InlineData(-1, 0, 0, 0)]
    [InlineData(10, -1, 0, 0)]
    [InlineData(10, 0, -1, 0)]
    [InlineData(10, 0, 0, -1)]
    [InlineData(10, 6, 5, 0)]
    public void Price_NegativeTokensOrMoreCachedThanInput_IsAnErrorSayingWhy(long input, long cached, long written, long output)
    {
        var price = () => ToolsPricer.Price(new UsageRecord("acme", "acme-tools", new DateOnly(2025, 7, 1), input, cached, written, output));

        price.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Token counts must not be negative, cached plus cache-write tokens are part of the input tokens, and 1-hour cache writes are part of the cache writes.*");
    }

    [Fact]
    public void Price_ZeroTokensOrCachedEqualToInput_IsPriced()
    {
        // 0 of everything costs the fee only; 10 input all cached or written: (4 × 0.1 + 6 × 1.25) ÷ 1e6 + 0.002
        ToolsPricer.Price(new UsageRecord("acme", "acme-tools", new DateOnly(2025, 7, 1), 0, 0, 0, 0)).Should().BeApproximately(0.002, 1e-15);
        ToolsPricer.Price(new UsageRecord("acme", "acme-tools", new DateOnly(2025, 7, 1), 10, 4, 6, 0)).Should().BeApproximately((0.4 + 7.5) / 1e6 + 0.002, 1e-15);
    }

    [Fact]
    public void Price_UnknownProvider_NamesTheKnownOnes()
    {
        var price = () => ToolsPricer.Price(new UsageRecord("gamma", "acme-tools", new DateOnly(2025, 7, 1), 1, 0, 0, 1));

        price.Should().Throw<PricingLookupException>().WithMessage("Unknown API provider 'gamma'; known: acme, beta.");
    }

    [Fact]
    public void PriceAll_FewerCostSlotsThanRecords_IsAnError()
    {
        var records = new UsageRecord[] { new("acme", "acme-mini", new DateOnly(2025, 7, 1), 1, 0, 0, 1), new("acme", "acme-mini", new DateOnly(2025, 7, 1), 1, 0, 0, 1) };

        var priceAll = () => ToolsPricer.PriceAll(records, new double[1]);
        var exact = () => ToolsPricer.PriceAll(records, new double[2]);

        priceAll.Should().Throw<ArgumentException>().WithParameterName("costs").WithMessage("There must be a cost slot for every record.*");
        exact.Should().NotThrow();
    }

    [Fact]
    public void Constructor_NullCatalog_Throws()
    {
        var create = () => new UsagePricer(null!);

        create.Should().Throw<ArgumentNullException>().WithParameterName("catalog");
    }
}
