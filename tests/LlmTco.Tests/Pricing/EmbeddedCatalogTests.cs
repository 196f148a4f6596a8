using System.Globalization;
using LlmTco.Pricing;

namespace LlmTco.Tests.Pricing;

/// <summary>The bundled tables: complete, sourced, and loadable from the assembly alone.</summary>
public sealed class EmbeddedCatalogTests
{
    private static readonly PricingCatalog Catalog = PricingCatalog.Default;

    [Fact]
    public void Embedded_HoldsEveryTable_WithNoFileOnDisk()
    {
        // Given a current directory with no pricing files
        var empty = Directory.CreateTempSubdirectory("llmtco-empty-").FullName;
        var previous = Environment.CurrentDirectory;
        try
        {
            Environment.CurrentDirectory = empty;

            // When a consumer loads the embedded defaults
            var report = PricingCatalog.Validate(PricingSource.Embedded);

            // Then every table comes from the assembly's resources, without error or warning (issue 17 asks for a
            // clean validate-pricing: the last audit warnings, snapshot rentals dated on the day they were read, are gone)
            report.Errors.Should().BeEmpty();
            report.Warnings.Should().BeEmpty();
            report.Tables.Select(t => t.FileName).Should().Equal(PricingCatalog.TableFileNames);
            report.Tables.Should().OnlyContain(t => t.RowCount > 0);
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(empty);
        }
    }

    [Fact]
    public void Embedded_MatchesTheFilesInPricingData()
    {
        var fromFolder = PricingCatalog.LoadFolder(RepositoryRoot.PricingData);

        fromFolder.ApiPrices.Count.Should().Be(Catalog.ApiPrices.Count);
        fromFolder.ThroughputBenchmarks.Should().Equal(Catalog.ThroughputBenchmarks);
    }

    [Fact]
    public void Embedded_MeetsTheStarterDataCounts()
    {
        // The foundation issue asks for at least 12 API models from 5 providers, a dated price change, 7 GPUs,
        // 10 rental offers from 4 providers, 8 open models with a mixture of experts, and 6 throughput rows.
        Catalog.ApiPrices.Select(p => (p.Provider, p.ModelId)).Distinct().Should().HaveCountGreaterThanOrEqualTo(12);
        Catalog.ApiPrices.Select(p => p.Provider).Distinct().Should().HaveCountGreaterThanOrEqualTo(5);
        Catalog.ApiPrices.GroupBy(p => (p.Provider, p.ModelId, p.ContextThresholdTokens)).Should().Contain(g => g.Count() > 1);
        Catalog.ApiPrices.Should().Contain(p => p.Provider == "google" && p.ContextThresholdTokens == 200_000);
        Catalog.Gpus.Select(g => g.GpuModel).Should().Contain(["A100-80GB", "H100-SXM", "H200", "L40S", "L4", "MI300X", "B200"]);
        Catalog.GpuRentalOffers.Should().HaveCountGreaterThanOrEqualTo(10);
        Catalog.GpuRentalOffers.Select(o => o.Provider).Distinct().Should().HaveCountGreaterThanOrEqualTo(4);
        Catalog.OpenModels.Should().HaveCountGreaterThanOrEqualTo(8).And.Contain(m => m.Architecture == ModelArchitecture.MixtureOfExperts);
        Catalog.ThroughputBenchmarks.Should().HaveCountGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void Embedded_EveryRowNamesItsSourceAndDate()
    {
        var rows = Catalog.ApiPrices.Cast<ISourcedRow>()
            .Concat(Catalog.Gpus).Concat(Catalog.GpuRentalOffers).Concat(Catalog.OpenModels).Concat(Catalog.ThroughputBenchmarks)
            .Concat(Catalog.StoragePrices).Concat(Catalog.EgressPrices).Concat(Catalog.ElectricityPrices).Concat(Catalog.HostingPrices)
            .Concat(Catalog.PueFigures)
            .ToList();

        rows.Should().OnlyContain(r => r.SourceUrl.IsAbsoluteUri && r.SourceUrl.Scheme == "https" || r.SourceUrl.Scheme == "http");
        rows.Should().OnlyContain(r => r.CheckedOn >= new DateOnly(2024, 1, 1) && r.CheckedOn <= DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1)));
    }

    [Fact]
    public void Embedded_O3PriceCut_AppliesFromJune10_2025()
    {
        // OpenAI cut o3 from $10/$40 to $2/$8 per 1M input/output tokens on 2025-06-10 (rows cite their sources).
        Catalog.FindApiPrice("openai", "o3", new DateOnly(2025, 6, 9)).InputPricePerMillionTokens.Should().Be(10m);
        Catalog.FindApiPrice("openai", "o3", new DateOnly(2025, 6, 10)).InputPricePerMillionTokens.Should().Be(2m);
        Catalog.FindApiPrice("openai", "o3", new DateOnly(2025, 6, 10)).OutputPricePerMillionTokens.Should().Be(8m);
    }

    [Fact]
    public void Embedded_GeminiLongContextTier_BillsTheWholeRequestAbove200k()
    {
        var date = new DateOnly(2025, 9, 1);
        var small = Catalog.FindApiPrice("google", "gemini-2.5-pro", date, inputTokensPerRequest: 200_000);
        var large = Catalog.FindApiPrice("google", "gemini-2.5-pro", date, inputTokensPerRequest: 200_001);

        large.ContextThresholdTokens.Should().Be(200_000);
        large.InputPricePerMillionTokens.Should().BeGreaterThan(small.InputPricePerMillionTokens);
    }

    [Fact]
    public void Default_IsOneInstance_SharedSafelyAcrossThreads()
    {
        var seen = new PricingCatalog[16];
        Parallel.For(0, seen.Length, i => seen[i] = PricingCatalog.Default);

        seen.Should().OnlyContain(c => ReferenceEquals(c, seen[0]));
        seen[0].Gpus.Should().HaveCountGreaterThanOrEqualTo(7);
    }
}
