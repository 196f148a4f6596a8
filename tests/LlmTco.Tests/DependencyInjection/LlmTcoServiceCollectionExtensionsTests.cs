using System.Text;
using LlmTco.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LlmTco.Tests.DependencyInjection;

/// <summary>LlmTco configured from appsettings.json through Microsoft.Extensions.Options, as an application would.</summary>
public sealed class LlmTcoServiceCollectionExtensionsTests
{
    private const string AppSettings = """
        {
          "LlmTco": {
            "Scenario": {
              "Name": "from configuration",
              "StartDate": "2025-05-01",
              "HorizonMonths": 3,
              "Workload": {
                "Profiles": [ { "Name": "chat", "MonthlyRequests": 1000000, "InputTokensPerRequest": 1000, "OutputTokensPerRequest": 500, "CacheReadShare": 0.2, "BatchShare": 0.5 } ]
              },
              "ApiOptions": [ { "Name": "Acme Large", "Provider": "acme", "Model": "acme-large" } ],
              "SelfHostedOptions": [
                { "Name": "Model-8B", "Model": "model-8b", "Gpu": "GPU-A", "Precision": "bf16", "Rented": { "Provider": "cloudy", "Plan": "on-demand" } }
              ]
            }
          }
        }
        """;

    [Fact]
    public void AddLlmTco_FromConfiguration_BindsTheScenarioAndEvaluatesIt()
    {
        using var provider = Build(AppSettings, services => services.AddSingleton(TestScenarios.Catalog));

        var options = provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value;
        var result = provider.GetRequiredService<TcoEngine>().Evaluate(options.Scenario!);

        // Same traffic as TestScenarios.ThreeMonths: 21,375 + 21,375 + 4,275 (see TcoEngineTests)
        options.Scenario!.SelfHostedOptions[0].Rented!.Plan.Should().Be(RentalPlan.OnDemand);
        result.Option("Acme Large").TotalCost.Should().BeApproximately(47_025, 1e-9);
    }

    [Fact]
    public void AddLlmTco_InvalidValues_ListsEveryProblemWithItsKey()
    {
        var json = AppSettings.Replace("\"HorizonMonths\": 3", "\"HorizonMonths\": 0", StringComparison.Ordinal)
            .Replace("\"CacheReadShare\": 0.2", "\"CacheReadShare\": 2", StringComparison.Ordinal);
        using var provider = Build(json);

        var act = () => provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "LlmTco:Scenario:HorizonMonths: must be a whole number of months from 1 to 600 (value: 0)",
            "LlmTco:Scenario:Workload:Profiles:0:CacheReadShare: must be a share from 0 to 1 (value: 2)");
    }

    [Fact]
    public void AddLlmTco_GrowthWithoutKind_IsAValidationErrorNamingItsKey()
    {
        // Given a profile whose growth gives a rate but no Kind: the binder would leave Kind at None and silently drop the
        // 5 % a month, where scenario JSON says "missing required properties: kind"
        var json = AppSettings.Replace("\"BatchShare\": 0.5 }", "\"BatchShare\": 0.5, \"Growth\": { \"MonthlyRate\": 0.05 } }", StringComparison.Ordinal);
        using var provider = Build(json);

        // When
        var act = () => provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value;

        // Then
        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(
            "LlmTco:Scenario:Workload:Profiles:0:Growth:Kind: missing; a growth rule needs its Kind (None, Compound, Linear, Series), as in scenario JSON");
    }

    [Fact]
    public void AddLlmTco_DistributionWithoutKind_IsAValidationErrorNamingItsKey()
    {
        // Given an uncertain input whose distribution has bounds but no Kind (the binder would make it a Point)
        var json = AppSettings.Replace(
            "\"SelfHostedOptions\": [",
            "\"Uncertainty\": { \"Inputs\": [ { \"Path\": \"selfHostedOptions[0].targetUtilization\", \"Distribution\": { \"Min\": 0.5, \"Max\": 0.8 } } ] },\n\"SelfHostedOptions\": [",
            StringComparison.Ordinal);
        using var provider = Build(json);

        // When
        var act = () => provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value;

        // Then
        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Contain(
            "LlmTco:Scenario:Uncertainty:Inputs:0:Distribution:Kind: missing; a distribution needs its Kind (Point, Uniform, Triangular, Pert, Normal, LogNormal), as in scenario JSON");
    }

    [Fact]
    public void AddLlmTco_GrowthWithKind_Binds()
    {
        var json = AppSettings.Replace("\"BatchShare\": 0.5 }", "\"BatchShare\": 0.5, \"Growth\": { \"Kind\": \"Compound\", \"MonthlyRate\": 0.05 } }", StringComparison.Ordinal);
        using var provider = Build(json);

        provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value.Scenario!.Workload.Profiles[0].Growth.Should().Be(LlmTco.Workloads.GrowthRule.Compound(0.05));

        // And the binder set the profile's own rule, not the shared GrowthRule.None (which it did: every later profile
        // without growth grew 5 % a month, in the whole test run)
        LlmTco.Workloads.GrowthRule.None.Should().Be(new LlmTco.Workloads.GrowthRule());
        LlmTco.Workloads.GrowthRule.None.Kind.Should().Be(LlmTco.Workloads.GrowthKind.None);
    }

    [Fact]
    public void AddLlmTco_MissingPricingFolder_IsAValidationError()
    {
        using var provider = Build("""{ "LlmTco": { "PricingFolder": "/no/such/folder" } }""");

        var act = () => provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "LlmTco:PricingFolder: the folder '/no/such/folder' does not exist");
    }

    [Fact]
    public void AddLlmTco_WithoutConfiguration_UsesTheBundledCatalog_AndRegistersOnce()
    {
        var services = new ServiceCollection();
        services.AddLlmTco();
        services.AddLlmTco();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<PricingCatalog>().Should().BeSameAs(PricingCatalog.Default);
        provider.GetServices<IValidateOptions<LlmTcoOptions>>().Should().ContainSingle();
        provider.GetServices<TcoEngine>().Should().ContainSingle();
    }

    [Fact]
    public void AddLlmTco_InCodeWithAFullFolder_LoadsThatFolderOnly()
    {
        // Given the ten test tables in a folder, loaded without the bundled tables underneath
        var folder = Directory.CreateTempSubdirectory("llmtco-di-").FullName;
        try
        {
            foreach (var (file, text) in TestTables.Valid())
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }

            var services = new ServiceCollection();
            services.AddLlmTco(o => (o.PricingFolder, o.OverlayOnDefaults) = (folder, false));
            using var provider = services.BuildServiceProvider();

            // Then the catalog holds exactly the folder's rows: the test tables' one GPU and four API price rows
            var catalog = provider.GetRequiredService<PricingCatalog>();
            catalog.Gpus.Select(g => g.GpuModel).Should().Equal("GPU-A");
            catalog.ApiPrices.Should().HaveCount(4);
            provider.GetRequiredService<TcoEngine>().Should().NotBeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddLlmTco_InCodeWithAnOverlayFolder_AddsItsRowsToTheBundledTables()
    {
        // Given a folder holding only a PUE table with one figure of its own
        var folder = Directory.CreateTempSubdirectory("llmtco-di-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "pue_figures.csv"), "name,pue,notes,source_url,checked_on\nmy-datacentre,1.21,,https://example.com/pue,2026-11-29\n");

            var services = new ServiceCollection();
            services.AddLlmTco(o => o.PricingFolder = folder);
            using var provider = services.BuildServiceProvider();

            // Then the bundled rows are all there, and the folder's figure (a new key) is added to them
            var catalog = provider.GetRequiredService<PricingCatalog>();
            catalog.ApiPrices.Should().HaveCount(PricingCatalog.Default.ApiPrices.Count);
            catalog.PueFigures.Should().HaveCount(PricingCatalog.Default.PueFigures.Count + 1);
            catalog.PueFigures.Should().ContainSingle(p => p.Name == "my-datacentre").Which.Pue.Should().Be(1.21m);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void AddLlmTco_NullArguments_AreRejected()
    {
        var services = new ServiceCollection();

        FluentActions.Invoking(() => services.AddLlmTco((Action<LlmTcoOptions>)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("configure");
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddLlmTco(_ => { })).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("services");
    }

    [Fact]
    public void AddLlmTco_NullServices_IsReportedBeforeANullSecondArgument()
    {
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddLlmTco((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddLlmTco((Action<LlmTcoOptions>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("services");
        FluentActions.Invoking(() => ((IServiceCollection)null!).AddLlmTco()).Should().Throw<ArgumentNullException>().WithParameterName("services");
    }

    [Fact]
    public void AddLlmTco_NullConfiguration_IsRejectedByItsName()
    {
        FluentActions.Invoking(() => new ServiceCollection().AddLlmTco((IConfiguration)null!)).Should().Throw<ArgumentNullException>().WithParameterName("configuration");
    }

    private static ServiceProvider Build(string json, Action<IServiceCollection>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        extra?.Invoke(services);
        services.AddLlmTco(configuration.GetSection(LlmTcoOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
