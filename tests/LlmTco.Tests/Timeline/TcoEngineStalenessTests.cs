using LlmTco.SelfHosted;
using LlmTco.Timeline;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Timeline;

/// <summary>
/// Stale-price warnings in a result: each catalog row a result uses whose source was read more than
/// <see cref="TcoEngine.MaxPriceAgeDays"/> days before today adds a warning. Every test row was checked on 2026-11-29.
/// </summary>
public sealed class TcoEngineStalenessTests
{
    [Fact]
    public void Evaluate_RowsCheckedWithinTheLimit_AddNoWarning()
    {
        // 2026-11-29 + 180 days = 2027-05-28: not yet stale
        var engine = new TcoEngine(Catalog) { TimeProvider = new FixedClock(2027, 5, 28) };

        var result = engine.Evaluate(ThreeMonths(RentedModel8B));

        result.Assumptions.Should().NotContain(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_StaleRowsUsed_WarnOncePerRowAndOption()
    {
        // Given today is 2027-05-29, 181 days after every row was checked
        var engine = new TcoEngine(Catalog) { TimeProvider = new FixedClock(2027, 5, 29) };

        var result = engine.Evaluate(ThreeMonths(RentedModel8B));
        var stale = result.Assumptions.Where(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("stale", StringComparison.Ordinal)).ToList();

        // Then the API option used acme-large's two price rows (May and June before the cut, July after it), and the
        // self-hosted option its GPU, model, benchmark and rental rows: six warnings, none for rows not used
        stale.Select(a => a.Option).Should().Equal("Acme Large", "Acme Large", "Model-8B on GPU-A", "Model-8B on GPU-A", "Model-8B on GPU-A", "Model-8B on GPU-A");
        stale[0].Text.Should().Be("api_prices.csv:2: stale: the source of 'acme, acme-large-2025-01-01, standard, 0, 2025-01-01' was checked on 2026-11-29, 181 days before 2027-05-29 (more than 180); re-read its source_url and update checked_on.");
        stale[0].SourceUrl.Should().Be(new Uri("https://example.com/acme"));
        stale.Select(a => a.Text[..a.Text.IndexOf(':', StringComparison.Ordinal)]).Should().Equal(
            "api_prices.csv", "api_prices.csv", "gpus.csv", "open_models.csv", "throughput_benchmarks.csv", "gpu_rentals.csv");
        stale.Should().NotContain(a => a.Text.Contains("acme-mini", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_StaleRowsLookedUpByName_WarnForEachTableUsed()
    {
        // Given an owned option whose PUE, electricity and hosting prices, and a rented option whose storage and egress
        // prices, come from the tables by name; today is 181 days after every row was checked
        var engine = new TcoEngine(Catalog) { TimeProvider = new FixedClock(2027, 5, 29) };
        var owned = RentedModel8B with
        {
            Name = "Owned",
            Rented = null,
            Owned = new OwnedHardware { PricePerGpu = 30_000, PueFigure = "survey-2023", ElectricityRegion = "US-VA", HostingProvider = "colo" },
        };
        var rented = RentedModel8B with
        {
            Storage = new StorageCosts { GbHeld = 100, StorageProvider = "cloudy", StorageService = "Object Storage", EgressGbPerMonth = 10, EgressProvider = "cloudy", EgressService = "internet-egress" },
        };

        var result = engine.Evaluate(ThreeMonths(rented, owned) with { ApiOptions = [] });
        var stale = result.Assumptions.Where(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("stale", StringComparison.Ordinal)).ToList();

        // Then each looked-up row is cited once for the option that used it
        stale.Where(a => a.Option == "Model-8B on GPU-A").Select(a => a.Text[..a.Text.IndexOf(':', StringComparison.Ordinal)]).Should().BeEquivalentTo(
            "gpus.csv", "open_models.csv", "throughput_benchmarks.csv", "gpu_rentals.csv", "storage_prices.csv", "egress_prices.csv");
        stale.Where(a => a.Option == "Owned").Select(a => a.Text[..a.Text.IndexOf(':', StringComparison.Ordinal)]).Should().BeEquivalentTo(
            "gpus.csv", "open_models.csv", "throughput_benchmarks.csv", "pue_figures.csv", "electricity_prices.csv", "hosting_prices.csv");
        stale.Should().ContainSingle(a => a.Text.StartsWith("pue_figures.csv:2: stale: the source of 'survey-2023' was checked on 2026-11-29", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_StalePurchasePriceAndFineTuningOffer_WarnForEach()
    {
        // Given GPU-A's purchase price in gpus.csv read on 2026-01-10, and an owned option using it whose fine-tuning GPUs
        // are rented from cloudy's on-demand offer; today is 2027-05-29, 181 days after the other rows were read
        var tables = TestTables.With("gpus.csv", TestTables.Lines(
            TestTables.GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,25000,USD,https://example.com/price,2026-01-10,,https://example.com/gpu-a,2026-11-29"));
        var engine = new TcoEngine(LlmTco.Pricing.PricingCatalog.Load(LlmTco.Pricing.PricingSource.InMemory(tables))) { TimeProvider = new FixedClock(2027, 5, 29) };
        var owned = RentedModel8B with
        {
            Name = "Owned",
            Rented = null,
            Owned = new OwnedHardware { Pue = 1.3, ElectricityPricePerKwh = 0.1 },
            FineTuning = new FineTuningSchedule { TrainingTokens = 1e8, MeasuredGpuHoursPerRun = 10, Provider = "cloudy" },
        };

        var result = engine.Evaluate(ThreeMonths(owned) with { ApiOptions = [] });
        var stale = result.Assumptions.Where(a => a.Kind == AssumptionKind.Warning && a.Text.Contains("stale", StringComparison.Ordinal)).ToList();

        // Then the purchase price is stale (2026-01-10 to 2027-05-29 is 504 days), and so is the offer the fine-tuning rents
        stale.Should().ContainSingle(a => a.Option == "Owned" && a.Text.StartsWith("gpus.csv:2: stale: the purchase price of 'GPU-A' was checked on 2026-01-10, 504 days before 2027-05-29", StringComparison.Ordinal));
        stale.Should().ContainSingle(a => a.Option == "Owned" && a.Text.StartsWith("gpu_rentals.csv:2: stale:", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_CustomMaximumAge_UsesIt()
    {
        // 31 days after 2026-11-29, with a 30-day limit
        var engine = new TcoEngine(Catalog) { TimeProvider = new FixedClock(2026, 12, 30), MaxPriceAgeDays = 30 };

        var result = engine.Evaluate(ThreeMonths());

        result.Assumptions.Where(a => a.Kind == AssumptionKind.Warning).Select(a => a.Text).Should().Contain(t => t.Contains("31 days before 2026-12-30 (more than 30)", StringComparison.Ordinal));
    }

    [Fact]
    public void Evaluate_CheckTurnedOff_AddsNoStaleWarning()
    {
        var engine = new TcoEngine(Catalog) { TimeProvider = new FixedClock(2040, 1, 1), MaxPriceAgeDays = null };

        var result = engine.Evaluate(ThreeMonths(RentedModel8B));

        result.Assumptions.Should().NotContain(a => a.Text.Contains("stale", StringComparison.Ordinal));
    }

    [Fact]
    public void MaxPriceAgeDays_Negative_Throws()
    {
        var act = () => new TcoEngine(Catalog) { MaxPriceAgeDays = -1 };

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("MaxPriceAgeDays");
    }

    /// <summary>A clock stopped at noon UTC on one day.</summary>
    private sealed class FixedClock(int year, int month, int day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(year, month, day, 12, 0, 0, TimeSpan.Zero);
    }
}
