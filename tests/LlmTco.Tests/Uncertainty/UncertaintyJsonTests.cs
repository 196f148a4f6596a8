using LlmTco.Scenarios;
using LlmTco.Uncertainty;

namespace LlmTco.Tests.Uncertainty;

/// <summary>The uncertainty section of scenario files: reading, writing and every error with its path.</summary>
public sealed class UncertaintyJsonTests
{
    private const string Scenario = """
        {
          "name": "uncertain",
          "startDate": "2025-07-01",
          "horizonMonths": 12,
          "workload": { "profiles": [ { "name": "chat", "monthlyRequests": 1000000, "inputTokensPerRequest": 1000, "outputTokensPerRequest": 500,
                                        "growth": { "kind": "compound", "monthlyRate": 0.05 } } ] },
          "apiOptions": [ { "name": "Acme Mini", "provider": "acme", "model": "acme-mini" } ],
          "selfHostedOptions": [ { "name": "Model-8B", "model": "model-8b", "gpu": "GPU-A", "rented": { "provider": "cloudy" } } ],
          "uncertainty": {
            "trials": 2000, "seed": 42, "percentiles": [ 0.05, 0.95 ],
            "inputs": [
              { "path": "workload.profiles[0].growth.monthlyRate", "distribution": { "kind": "triangular", "min": 0.02, "mode": 0.06, "max": 0.1 } },
              { "path": "selfHostedOptions[0].targetUtilization", "label": "target utilisation", "distribution": { "kind": "uniform", "min": 0.5, "max": 0.8 } },
              { "path": "workload.profiles[0].monthlyRequests", "distribution": { "kind": "lognormal", "mu": 13.8, "sigma": 0.2 } },
              { "path": "selfHostedOptions[0].rented.pricePerGpuHour", "distribution": { "kind": "normal", "mean": 2.5, "standardDeviation": 0.3, "min": 1 } },
              { "path": "workload.peakToAverageRatio", "distribution": { "kind": "pert", "min": 1.5, "mode": 2, "max": 4 } }
            ]
          }
        }
        """;

    [Fact]
    public void Parse_UncertaintySection_ReadsEveryInput()
    {
        var scenario = ScenarioJson.Parse(Scenario);

        var u = scenario.Uncertainty!;
        u.Trials.Should().Be(2000);
        u.Seed.Should().Be(42);
        u.Percentiles.Should().Equal(0.05, 0.95);
        u.Inputs.Should().HaveCount(5);
        u.Inputs[0].Distribution.Should().Be(Distribution.Triangular(0.02, 0.06, 0.1));
        u.Inputs[1].Label.Should().Be("target utilisation");
        u.Inputs[2].Distribution.Kind.Should().Be(DistributionKind.LogNormal);
        u.Inputs[3].Distribution.Should().Be(Distribution.Normal(2.5, 0.3, min: 1));
        u.Inputs[4].Distribution.Kind.Should().Be(DistributionKind.Pert);
    }

    [Fact]
    public void Serialize_ThenParse_RoundTripsTheUncertaintySection()
    {
        var scenario = ScenarioJson.Parse(Scenario);

        var json = ScenarioJson.Serialize(scenario);

        json.Should().Contain("\"kind\": \"triangular\"").And.Contain("\"kind\": \"lognormal\"");
        ScenarioJson.Serialize(ScenarioJson.Parse(json)).Should().Be(json);
    }

    [Theory]
    [InlineData("\"min\": 0.5, \"max\": 0.8", "\"min\": 0.8, \"max\": 0.5", "$.uncertainty.inputs[1].distribution.max", "min (0.8) is greater than max (0.5); swap them (the distribution of 'selfHostedOptions[0].targetUtilization')")]
    [InlineData("\"standardDeviation\": 0.3", "\"standardDeviation\": -0.3", "$.uncertainty.inputs[3].distribution.standardDeviation", "must be greater than 0 (value: -0.3); use a point distribution for a fixed value (the distribution of 'selfHostedOptions[0].rented.pricePerGpuHour')")]
    [InlineData("\"sigma\": 0.2", "\"sigma\": -0.2", "$.uncertainty.inputs[2].distribution.sigma", "must be greater than 0 (value: -0.2); use a point distribution for a fixed value (the distribution of 'workload.profiles[0].monthlyRequests')")]
    [InlineData("\"path\": \"workload.peakToAverageRatio\"", "\"path\": \"workload.peakToAvrageRatio\"", "$.uncertainty.inputs[4].path", "'peakToAvrageRatio' is not a property of 'workload'; did you mean 'peakToAverageRatio'?")]
    [InlineData("\"trials\": 2000", "\"trials\": 0", "$.uncertainty.trials", "must be a whole number of trials from 1 to 10,000,000")]
    [InlineData("[ 0.05, 0.95 ]", "[ 0.05, 95 ]", "$.uncertainty.percentiles[1]", "must be a fraction strictly between 0 and 1 (0.05 is P5)")]
    public void Parse_InvalidInput_ReportsItsPathAndTheInput(string from, string to, string path, string message)
    {
        var act = () => ScenarioJson.Parse(Scenario.Replace(from, to, StringComparison.Ordinal));

        var errors = act.Should().Throw<ScenarioValidationException>().Which.Errors;
        errors.Should().ContainSingle().Which.Should().Be(new ScenarioError(path, errors[0].Value, message));
    }

    [Fact]
    public void Parse_DistributionReachingAnInvalidValue_NamesTheInputAndTheRule()
    {
        // Given a target utilisation that may reach 1.2, above the allowed maximum of 1
        var json = Scenario.Replace("\"min\": 0.5, \"max\": 0.8", "\"min\": 0.5, \"max\": 1.2", StringComparison.Ordinal);

        var act = () => ScenarioJson.Parse(json);

        var error = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("$.uncertainty.inputs[1].distribution");
        error.Value.Should().Be("1.2");
        error.Message.Should().Be("its upper end makes the scenario invalid for 'selfHostedOptions[0].targetUtilization': $.selfHostedOptions[0].targetUtilization: must be greater than 0 and at most 1 (value: 1.2)");
    }

    [Fact]
    public void Parse_SamePropertyTwice_IsAnError()
    {
        var json = Scenario.Replace("\"path\": \"workload.profiles[0].monthlyRequests\"", "\"path\": \"workload.profiles[*].growth.monthlyRate\"", StringComparison.Ordinal);

        var act = () => ScenarioJson.Parse(json);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Be("'workload.profiles[0].growth.monthlyRate' is already made uncertain by $.uncertainty.inputs[0]; give each property one distribution");
    }

    [Fact]
    public void Parse_UnknownDistributionKind_ListsTheKinds()
    {
        var act = () => ScenarioJson.Parse(Scenario.Replace("\"kind\": \"pert\"", "\"kind\": \"beta\"", StringComparison.Ordinal));

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Contain("'beta' is not one of: point, uniform, triangular, pert, normal, lognormal");
    }

    [Theory]
    [InlineData("no inputs", "$.uncertainty.inputs", null, "list at least one uncertain input, e.g. { \"path\": \"workload.profiles[0].growth.monthlyRate\", \"distribution\": { \"kind\": \"triangular\", \"min\": 0.02, \"mode\": 0.06, \"max\": 0.1 } }")]
    [InlineData("a null input", "$.uncertainty.inputs[0]", null, "an uncertain input is required")]
    [InlineData("an input without a distribution", "$.uncertainty.inputs[0].distribution", null, "a distribution is required, e.g. { \"kind\": \"uniform\", \"min\": 0.5, \"max\": 0.8 }")]
    [InlineData("a point outside the valid range", "$.uncertainty.inputs[0].distribution", "1.5", "its value makes the scenario invalid for 'selfHostedOptions[0].targetUtilization': $.selfHostedOptions[0].targetUtilization: must be greater than 0 and at most 1 (value: 1.5)")]
    public void Validate_IncompleteUncertaintySection_ReportsWhatIsMissing(string name, string path, string? value, string message)
    {
        // Given the valid scenario above with its inputs replaced
        var scenario = ScenarioJson.Parse(Scenario);
        UncertainInput[] inputs = name switch
        {
            "no inputs" => [],
            "a null input" => [null!],
            "an input without a distribution" => [new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = null! }],
            "a point outside the valid range" => [new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Point(1.5) }],
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
        scenario = scenario with { Uncertainty = scenario.Uncertainty! with { Inputs = inputs } };

        // When
        var act = () => TestScenarios.Engine.Evaluate(scenario);

        // Then
        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new ScenarioError(path, value, message));
    }
}
