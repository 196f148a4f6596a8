using System.Text;
using LlmTco.Uncertainty;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace LlmTco.Tests.Uncertainty;

/// <summary>The uncertainty section bound from appsettings.json (PascalCase keys), and its problems reported by configuration key.</summary>
public sealed class UncertaintyConfigurationTests
{
    private const string AppSettings = """
        {
          "LlmTco": {
            "Scenario": {
              "Name": "from configuration",
              "StartDate": "2025-05-01",
              "HorizonMonths": 3,
              "Workload": { "Profiles": [ { "Name": "chat", "MonthlyRequests": 1000000, "InputTokensPerRequest": 1000, "OutputTokensPerRequest": 500 } ] },
              "ApiOptions": [ { "Name": "Acme Large", "Provider": "acme", "Model": "acme-large" } ],
              "SelfHostedOptions": [ { "Name": "Model-8B", "Model": "model-8b", "Gpu": "GPU-A", "Rented": { "Provider": "cloudy" } } ],
              "Uncertainty": {
                "Trials": 50, "Seed": 9,
                "Inputs": [ { "Path": "selfHostedOptions[0].targetUtilization", "Distribution": { "Kind": "Triangular", "Min": 0.5, "Mode": 0.7, "Max": 0.8 } } ]
              }
            }
          }
        }
        """;

    [Fact]
    public void AddLlmTco_UncertaintySection_BindsAndRuns()
    {
        using var provider = Build(AppSettings);

        var scenario = provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value.Scenario!;
        var result = new MonteCarloSimulator(provider.GetRequiredService<TcoEngine>()).Run(scenario);

        scenario.Uncertainty!.Inputs[0].Distribution.Should().Be(Distribution.Triangular(0.5, 0.7, 0.8));
        result.Trials.Should().Be(50);
        result.Seed.Should().Be(9);
    }

    [Fact]
    public void AddLlmTco_InvalidDistribution_IsReportedByItsConfigurationKey()
    {
        using var provider = Build(AppSettings.Replace("\"Min\": 0.5, \"Mode\": 0.7, \"Max\": 0.8", "\"Min\": 0.9, \"Mode\": 0.7, \"Max\": 0.8", StringComparison.Ordinal));

        var act = () => provider.GetRequiredService<IOptions<LlmTcoOptions>>().Value;

        act.Should().Throw<OptionsValidationException>().Which.Failures.Should().Equal(
            "LlmTco:Scenario:Uncertainty:Inputs:0:Distribution:Max: min (0.9) is greater than max (0.8); swap them (the distribution of 'selfHostedOptions[0].targetUtilization')");
    }

    private static ServiceProvider Build(string json)
    {
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();
        var services = new ServiceCollection();
        services.AddSingleton(TestScenarios.Catalog);
        services.AddLlmTco(configuration.GetSection(LlmTcoOptions.SectionName));
        return services.BuildServiceProvider();
    }
}
