using System.Globalization;
using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>
/// <c>catalog</c> and its lists: every id a scenario can name (API provider and model, GPU, rental, open model,
/// benchmark), filtered and as JSON, checked against the bundled catalog itself.
/// </summary>
public sealed class CatalogCommandTests
{
    private static readonly PricingCatalog Catalog = PricingCatalog.Default;

    [Fact]
    public async Task Catalog_WithoutList_SummarisesTheTables_AndPointsToTheLists()
    {
        var (exit, stdout, _) = await Run("catalog");

        exit.Should().Be(0);
        stdout.Should().Contain("api_prices.csv").And.Contain("pue_figures.csv").And.Contain("catalog api|gpus|rentals|models|benchmarks");
    }

    [Fact]
    public async Task Api_Json_ListsEveryProviderAndModel_WithTheLatestPrices()
    {
        // When the API list is printed as JSON
        var (exit, stdout, stderr) = await Run("catalog", "api", "--json");
        exit.Should().Be(0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();

        // Then every provider/model pair of api_prices.csv is there, each tier once, at its latest price row
        rows.Select(r => (r.GetProperty("provider").GetString(), r.GetProperty("modelId").GetString())).Distinct()
            .Should().BeEquivalentTo(Catalog.ApiPrices.Select(p => ((string?)p.Provider, (string?)p.ModelId)).Distinct());
        var o3 = Catalog.ApiPrices.Where(p => p.Provider == "openai" && (p.ModelId == "o3" || p.Aliases.Contains("o3")) && p.ContextThresholdTokens == 0 && p.ServiceTier == ServiceTier.Standard)
            .MaxBy(p => p.EffectiveFrom)!;
        var listed = rows.Single(r => r.GetProperty("provider").GetString() == "openai" && r.GetProperty("modelId").GetString() == o3.ModelId && r.GetProperty("serviceTier").GetString() == "standard" && r.GetProperty("contextThresholdTokens").GetInt64() == 0);
        listed.GetProperty("inputPricePerMillionTokens").GetDecimal().Should().Be(o3.InputPricePerMillionTokens);
        listed.GetProperty("outputPricePerMillionTokens").GetDecimal().Should().Be(o3.OutputPricePerMillionTokens);
        listed.GetProperty("effectiveFrom").GetString().Should().Be(o3.EffectiveFrom.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Api_ProviderFilter_IsCaseInsensitive_AndKeepsOnlyThatProvider()
    {
        var (exit, stdout, _) = await Run("catalog", "api", "--provider", "OpenAI", "--json");

        exit.Should().Be(0);
        var providers = JsonDocument.Parse(stdout).RootElement.EnumerateArray().Select(r => r.GetProperty("provider").GetString()).ToList();
        providers.Should().NotBeEmpty().And.OnlyContain(p => p == "openai");
    }

    [Fact]
    public async Task Api_UnknownProvider_ExitsOne_WithDidYouMean_AndTheKnownProviders()
    {
        var (exit, stdout, stderr) = await Run("catalog", "api", "--provider", "opnai");

        exit.Should().Be(1);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: --provider: no provider 'opnai' in this list; did you mean 'openai'? Known: ").And.Contain("anthropic");
    }

    [Fact]
    public async Task Gpus_Text_ListsEveryGpuId_WithInvariantNumbers_UnderAnyCulture()
    {
        // Given a culture whose decimal separator is a comma
        var before = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("de-DE");
        try
        {
            var (exit, stdout, _) = await Run("catalog", "gpus");

            // Then every GPU id is on its own line, and numbers keep the invariant point (A100-40GB: 1.555 TB/s)
            exit.Should().Be(0);
            var lines = stdout.Split('\n');
            foreach (var gpu in Catalog.Gpus)
            {
                lines.Should().Contain(l => l.StartsWith(gpu.GpuModel + " ", StringComparison.Ordinal), gpu.GpuModel);
            }

            var a100 = Catalog.Gpus.Single(g => g.GpuModel == "A100-40GB");
            lines.Single(l => l.StartsWith("A100-40GB ", StringComparison.Ordinal)).Should().Contain(a100.MemoryBandwidthTbPerSecond.ToString(CultureInfo.InvariantCulture));
            stdout.Should().Contain($"{Catalog.Gpus.Count} rows.");
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public async Task Rentals_GpuAndProviderFilters_KeepOnlyMatchingOffers_WithPlanWords()
    {
        var (exit, stdout, stderr) = await Run("catalog", "rentals", "--gpu", "h100-sxm", "--provider", "CoreWeave", "--json");

        exit.Should().Be(0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        rows.Should().HaveCount(Catalog.GpuRentalOffers.Count(o => o.GpuModel == "H100-SXM" && o.Provider == "coreweave")).And.NotBeEmpty();
        rows.Should().OnlyContain(r => r.GetProperty("gpuModel").GetString() == "H100-SXM" && r.GetProperty("provider").GetString() == "coreweave");
        rows.Select(r => r.GetProperty("plan").GetString()).Should().OnlyContain(p => p == "on-demand" || p == "spot" || p == "reserved-1y" || p == "reserved-3y");
    }

    [Fact]
    public async Task Rentals_UnknownGpu_ExitsOne_WithDidYouMean()
    {
        var (exit, _, stderr) = await Run("catalog", "rentals", "--gpu", "H100-SMX");

        exit.Should().Be(1);
        stderr.Should().StartWith("error: --gpu: no GPU 'H100-SMX' in this list; did you mean ").And.Contain("'H100-SXM'");
    }

    [Fact]
    public async Task Models_Json_ListsEveryOpenModel_WithItsAliases()
    {
        var (exit, stdout, _) = await Run("catalog", "models", "--json");

        exit.Should().Be(0);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        rows.Select(r => r.GetProperty("modelId").GetString()).Should().BeEquivalentTo(Catalog.OpenModels.Select(m => m.ModelId));
        var llama = Catalog.OpenModels.Single(m => m.Aliases.Contains("llama-3.3-70b"));
        rows.Single(r => r.GetProperty("modelId").GetString() == llama.ModelId).GetProperty("aliases").EnumerateArray().Select(a => a.GetString())
            .Should().Equal(llama.Aliases);
    }

    [Fact]
    public async Task Benchmarks_ModelFilterByAlias_ListsThatModelsRows()
    {
        // Given the alias a bundled scenario uses for Llama 3.3 70B
        var llama = Catalog.OpenModels.Single(m => m.Aliases.Contains("llama-3.3-70b"));

        var (exit, stdout, stderr) = await Run("catalog", "benchmarks", "--model", "llama-3.3-70b", "--json");

        exit.Should().Be(0, stderr);
        var rows = JsonDocument.Parse(stdout).RootElement.EnumerateArray().ToList();
        rows.Should().HaveCount(Catalog.ThroughputBenchmarks.Count(b => b.ModelId == llama.ModelId)).And.NotBeEmpty();
        rows.Should().OnlyContain(r => r.GetProperty("modelId").GetString() == llama.ModelId && r.GetProperty("outputTokensPerSecondPerReplica").GetDecimal() > 0);
    }

    [Theory]
    [InlineData(new[] { "catalog", "gpu" }, "error: unknown catalog list 'gpu'; did you mean 'gpus'? Lists: api, gpus, rentals, models, benchmarks.")]
    [InlineData(new[] { "catalog", "api", "--gpu", "H100-SXM" }, "error: unknown option '--gpu'.")]
    [InlineData(new[] { "catalog", "gpus", "extra" }, "error: catalog gpus takes no argument 'extra'.")]
    [InlineData(new[] { "catalog", "rentals", "--provider" }, "error: option '--provider' needs a value.")]
    public async Task Catalog_BadCommandLine_ExitsTwo_WithUsage(string[] args, string expected)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(2);
        stderr.Should().StartWith(expected).And.Contain("usage: catalog [api [--provider <p>]");
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
