using System.Globalization;
using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

public sealed class PricingCatalogLookupTests
{
    // Built per use, not once per class: a catalog built in a static field hides the constructor from Stryker's per-test coverage.
    private static PricingCatalog Catalog => PricingCatalog.Load(PricingSource.InMemory(Valid()));

    // The test table has acme-large at 10/40 per 1M from 2025-01-01 and 2/8 from 2025-06-10 (effective_to of the
    // first row is exclusive), the same shape as o3's June 2025 price cut.
    [Theory]
    [InlineData("2025-06-09", 10, 40)]
    [InlineData("2025-06-10", 2, 8)]
    [InlineData("2025-06-11", 2, 8)]
    [InlineData("2025-01-01", 10, 40)]
    public void FindApiPrice_AroundAPriceChange_ReturnsTheRowInForce(string date, int input, int output)
    {
        var price = Catalog.FindApiPrice("acme", "acme-large-2025-01-01", DateOnly.Parse(date, CultureInfo.InvariantCulture));

        price.InputPricePerMillionTokens.Should().Be(input);
        price.OutputPricePerMillionTokens.Should().Be(output);
    }

    [Fact]
    public void FindApiPrice_BeforeTheFirstPrice_ThrowsWithTheKnownRange()
    {
        var act = () => Catalog.FindApiPrice("acme", "acme-large", new DateOnly(2024, 12, 31));

        act.Should().Throw<PricingLookupException>()
            .WithMessage("No price for 'acme-large' at 'acme' on 2024-12-31: its prices run from 2025-01-01 with no end.");
    }

    [Fact]
    public void FindApiPrice_ByAliasAnyCase_FindsTheModel()
    {
        var price = Catalog.FindApiPrice("ACME", "Acme-Large", new DateOnly(2025, 7, 1));

        price.ModelId.Should().Be("acme-large-2025-01-01");
        price.InputPricePerMillionTokens.Should().Be(2m);
    }

    [Fact]
    public void FindApiPrice_UnknownModel_NamesTheNearestIds()
    {
        var act = () => Catalog.FindApiPrice("acme", "acme-larg", new DateOnly(2025, 7, 1));

        act.Should().Throw<PricingLookupException>()
            .WithMessage("Unknown model 'acme-larg' at provider 'acme'; did you mean 'acme-large' or 'acme-large-2025-01-01'?")
            .Which.Suggestions.Should().Equal("acme-large", "acme-large-2025-01-01");
    }

    [Fact]
    public void FindApiPrice_UnknownProvider_ListsProviders()
    {
        var act = () => Catalog.FindApiPrice("acne", "acme-large", new DateOnly(2025, 7, 1));

        act.Should().Throw<PricingLookupException>().WithMessage("Unknown API provider 'acne'; did you mean 'acme'?");
    }

    [Theory]
    [InlineData(0L, 0.075)]
    [InlineData(200_000L, 0.075)]
    [InlineData(200_001L, 0.15)]
    public void FindApiPrice_ContextTier_AppliesWhenInputExceedsTheThreshold(long inputTokens, double expectedInput)
    {
        // acme-mini bills the whole request at 0.15 per 1M input when its input exceeds 200,000 tokens.
        var price = Catalog.FindApiPrice("acme", "acme-mini", new DateOnly(2025, 7, 1), inputTokens);

        price.InputPricePerMillionTokens.Should().Be((decimal)expectedInput);
    }

    [Fact]
    public void Prices_AreExactDecimals_AndWriteBackAsWritten()
    {
        // Given "0.075" in the CSV
        var mini = Catalog.FindApiPrice("acme", "acme-mini", new DateOnly(2025, 7, 1));

        // Then it is exactly 0.075 (a double would hold 0.07499999999999999722...)
        mini.InputPricePerMillionTokens.Should().Be(0.075m);

        // And it is written back as 0.075
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        PricingCatalog.WriteApiPrices(writer, [mini]);
        writer.ToString().Should().Be(Lines(ApiHeaderWritten, "acme,acme-mini,,standard,0,2025-01-01,,,USD,0.075,,,,0.3,,,,,https://example.com/acme,,2026-11-29"));

        // And the writer is left open for more
        writer.Write("more");
        writer.ToString().Should().EndWith("2026-11-29\nmore");
    }

    [Fact]
    public void WriteMethods_NullOrEmptyArguments_Throw()
    {
        FluentActions.Invoking(() => PricingCatalog.WriteApiPrices(null!, [])).Should().Throw<ArgumentNullException>().WithParameterName("writer");
        FluentActions.Invoking(() => PricingCatalog.WriteApiPrices(new StringWriter(CultureInfo.InvariantCulture), null!)).Should().Throw<ArgumentNullException>().WithParameterName("rows");
        FluentActions.Invoking(() => Catalog.WriteFolder(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("folder");
    }

    [Fact]
    public void WriteFolder_ThenLoadFolder_RoundTripsEveryRow()
    {
        var parent = Directory.CreateTempSubdirectory("llmtco-roundtrip-").FullName;
        var folder = Path.Combine(parent, "new", "prices");
        try
        {
            // Written into a folder that does not exist yet, and twice: the second write replaces the first
            PricingCatalog.Default.WriteFolder(folder);
            PricingCatalog.Default.WriteFolder(folder);
            var reloaded = PricingCatalog.LoadFolder(folder);

            reloaded.ApiPrices.Should().Equal(PricingCatalog.Default.ApiPrices, (a, b) => a with { Aliases = [] } == b with { Aliases = [] } && a.Aliases.SequenceEqual(b.Aliases));
            reloaded.Gpus.Should().Equal(PricingCatalog.Default.Gpus);
            reloaded.GpuRentalOffers.Should().Equal(PricingCatalog.Default.GpuRentalOffers);
            reloaded.ThroughputBenchmarks.Should().Equal(PricingCatalog.Default.ThroughputBenchmarks);
            reloaded.PueFigures.Should().Equal(PricingCatalog.Default.PueFigures);
            File.ReadAllText(Path.Combine(folder, "gpus.csv")).Should().Be(File.ReadAllText(Path.Combine(RepositoryRoot.PricingData, "gpus.csv")).ReplaceLineEndings("\n"));
            File.ReadAllBytes(Path.Combine(folder, "gpus.csv"))[..3].Should().Equal("gpu"u8.ToArray(), "the files are UTF-8 without a byte-order mark");
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }

    [Fact]
    public void LoadWithOverrides_SameKeyReplaces_NewKeyAdds()
    {
        // Given a user's GPU table that changes GPU-A's TDP and adds GPU-B, and nothing else
        var user = new Dictionary<string, string>
        {
            ["gpus.csv"] = Lines(
                GpuHeader,
                "gpu-a,nvidia,80,3.35,989.5,1979,650,,,,,measured,https://example.com/mine,2026-11-29",
                "GPU-B,nvidia,141,4.8,989.5,1979,700,,,,,,https://example.com/gpu-b,2026-11-29"),
        };

        // When it is overlaid on the defaults
        var report = PricingCatalog.Validate(PricingSource.InMemory(Valid(), "defaults"), PricingSource.InMemory(user, "mine"));

        // Then GPU-A is the user's row (keys are case-insensitive), GPU-B is added, and other tables are the defaults
        report.IsValid.Should().BeTrue();
        var catalog = report.Catalog!;
        catalog.Gpus.Select(g => (g.GpuModel, g.TdpWatts)).Should().Equal(("gpu-a", 650m), ("GPU-B", 700m));
        catalog.GetGpu("GPU-A").Notes.Should().Be("measured");
        catalog.ApiPrices.Should().HaveCount(4);
        report.Tables.Single(t => t.FileName == "gpus.csv").OverriddenRowCount.Should().Be(1);
    }

    [Fact]
    public void LoadWithOverrides_OverlayBreakingAReference_ReportsTheOverlayFile()
    {
        var user = new Dictionary<string, string>
        {
            ["gpu_rentals.csv"] = Lines(RentalHeader, "cloudy,big.8x,GPU-Z,8,spot,us-east-1,USD,1.25,2025-01-01,,https://example.com/cloudy,2026-11-29"),
        };

        var report = PricingCatalog.Validate(PricingSource.InMemory(Valid(), "defaults"), PricingSource.InMemory(user, "mine"));

        report.Errors.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "gpu_rentals.csv", 2, 3, "gpu_model", "GPU-Z", "GPU 'GPU-Z' is not in gpus.csv; did you mean 'GPU-A'?", DiagnosticSeverity.Error));
    }

    [Fact]
    public void FindRentalOffer_ReturnsThePlanInForce()
    {
        var offer = Catalog.FindRentalOffer("cloudy", "gpu-a", RentalPlan.OnDemand, new DateOnly(2025, 3, 1));

        offer.PricePerGpuHour.Should().Be(2.5m);
        var act = () => Catalog.FindRentalOffer("cloudy", "GPU-A", RentalPlan.Reserved1Year, new DateOnly(2025, 3, 1));
        act.Should().Throw<PricingLookupException>().WithMessage("No reserved-1y offer for 'GPU-A' at 'cloudy' on 2025-03-01; known offers for this GPU: cloudy on-demand us-east-1 from 2025-01-01.");
    }

    [Fact]
    public void GetOpenModel_ByAlias_AndUnknownGpu_Suggests()
    {
        Catalog.GetOpenModel("MODEL-8B").ModelId.Should().Be("org/Model-8B");
        var act = () => Catalog.GetGpu("GPU-AA");
        act.Should().Throw<PricingLookupException>().WithMessage("Unknown GPU 'GPU-AA'; did you mean 'GPU-A'?");
    }
    [Fact]
    public void FindThroughputBenchmarks_ReturnsOnlyTheModelGpuPrecisionAndGroupAsked()
    {
        // Given benchmarks that each differ from the first in one way: another model, GPU, precision or group size
        var tables = Valid();
        tables["open_models.csv"] = Lines(
            ModelHeader,
            "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,131072,apache-2.0,,https://example.com/model,2026-11-29",
            "org/Model-70B,model-70b,dense,70,70,80,8192,64,8,128,131072,apache-2.0,,https://example.com/model,2026-11-29");
        tables["gpus.csv"] = Lines(
            GpuHeader,
            "GPU-A,nvidia,80,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29",
            "GPU-B,nvidia,48,0.86,362,733,350,,,,,,https://example.com/gpu-b,2026-11-29");
        tables["throughput_benchmarks.csv"] = Lines(
            BenchmarkHeader,
            "org/Model-8B,GPU-A,1,bf16,vllm,1000,1000,64,2000,,https://example.com/bench,2026-11-29",
            "org/Model-70B,GPU-A,1,bf16,vllm,1000,1000,64,300,,https://example.com/bench,2026-11-29",
            "org/Model-8B,GPU-B,1,bf16,vllm,1000,1000,64,900,,https://example.com/bench,2026-11-29",
            "org/Model-8B,GPU-A,1,fp8,vllm,1000,1000,64,3000,,https://example.com/bench,2026-11-29",
            "org/Model-8B,GPU-A,2,bf16,vllm,1000,1000,64,3500,,https://example.com/bench,2026-11-29",
            "model-8b,GPU-A,1,bf16,sglang,1000,1000,64,2100,,https://example.com/bench,2026-11-29");
        var catalog = PricingCatalog.Load(PricingSource.InMemory(tables));

        // When asked by alias and in another case
        var rows = catalog.FindThroughputBenchmarks("MODEL-8B", "gpu-a", NumericPrecision.Bf16, 1);

        // Then the two rows of that model (one naming it by its alias), GPU, precision and group size, in table order
        rows.Select(r => r.OutputTokensPerSecondPerReplica).Should().Equal(2000m, 2100m);
    }
}
