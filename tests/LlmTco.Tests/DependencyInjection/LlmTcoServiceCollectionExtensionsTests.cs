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

    private static ServiceProvider Build(string json, Action<IServiceCollection>? extra = null)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        extra?.Invoke(services);
        services.AddLlmTco(configuration.GetSection(LlmTcoOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
