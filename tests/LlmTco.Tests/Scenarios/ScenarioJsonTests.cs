using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Workloads;

namespace LlmTco.Tests.Scenarios;

public sealed class ScenarioJsonTests
{
    private const string Valid = """
        {
          "name": "chat",
          "startDate": "2025-05-01",
          "horizonMonths": 3,
          "workload": {
            "peakToAverageRatio": 2,
            "profiles": [
              { "name": "chat", "monthlyRequests": 1000000, "inputTokensPerRequest": 1000, "outputTokensPerRequest": 500,
                "cacheReadShare": 0.2, "batchShare": 0.5, "growth": { "kind": "compound", "monthlyRate": 0.05 } }
            ]
          },
          "apiOptions": [ { "name": "Acme Large", "provider": "acme", "model": "acme-large" } ],
          "selfHostedOptions": [
            { "name": "Model-8B", "model": "model-8b", "gpu": "GPU-A", "precision": "bf16",
              "rented": { "provider": "cloudy", "plan": "on-demand" } }
          ]
        }
        """;

    [Fact]
    public void Parse_ValidFile_ReadsEveryValue()
    {
        var scenario = ScenarioJson.Parse(Valid);

        scenario.StartDate.Should().Be(new DateOnly(2025, 5, 1));
        scenario.Workload.PeakToAverageRatio.Should().Be(2);
        scenario.Workload.Profiles[0].Growth.Should().Be(GrowthRule.Compound(0.05));
        scenario.SelfHostedOptions[0].Precision.Should().Be(NumericPrecision.Bf16);
        scenario.SelfHostedOptions[0].Rented!.Plan.Should().Be(RentalPlan.OnDemand);
        scenario.SelfHostedOptions[0].TargetUtilization.Should().Be(0.7, "defaults apply to properties the file leaves out");
    }

    [Fact]
    public void Serialize_ThenParse_RoundTrips()
    {
        var scenario = ScenarioJson.Parse(Valid);

        var again = ScenarioJson.Parse(ScenarioJson.Serialize(scenario));

        ScenarioJson.Serialize(again).Should().Be(ScenarioJson.Serialize(scenario));
        again.SelfHostedOptions[0].Should().Be(scenario.SelfHostedOptions[0]);
    }

    [Fact]
    public void Parse_UnknownProperty_SuggestsTheNearestName()
    {
        var json = Valid.Replace("\"targetUtilization\"", "\"x\"", StringComparison.Ordinal).Replace("\"precision\": \"bf16\"", "\"precison\": \"bf16\"", StringComparison.Ordinal);

        var error = SingleError(json);

        error.Path.Should().Be("$.selfHostedOptions[0].precison");
        error.Message.Should().StartWith("unknown property 'precison'; did you mean 'precision'?");
    }

    [Fact]
    public void Parse_WrongType_SaysWhatWasExpected()
    {
        var json = Valid.Replace("\"horizonMonths\": 3", "\"horizonMonths\": \"three\"", StringComparison.Ordinal);

        var error = SingleError(json);

        error.Path.Should().Be("$.horizonMonths");
        error.Message.Should().StartWith("expected a whole number (line 4, position");
    }

    [Fact]
    public void Parse_UnknownPlanWord_ListsTheAllowedWords()
    {
        var json = Valid.Replace("\"on-demand\"", "\"on_demand\"", StringComparison.Ordinal);

        var error = SingleError(json);

        error.Path.Should().Be("$.selfHostedOptions[0].rented.plan");
        error.Message.Should().StartWith("'on_demand' is not one of: on-demand, spot, reserved-1y, reserved-3y");
    }

    [Fact]
    public void Parse_MissingRequiredProperty_NamesIt()
    {
        var json = Valid.Replace("\"monthlyRequests\": 1000000, ", string.Empty, StringComparison.Ordinal);

        var error = SingleError(json);

        error.Path.Should().Be("$.workload.profiles[0]");
        error.Message.Should().StartWith("missing required properties: monthlyRequests");
    }

    [Fact]
    public void Parse_OutOfRangeValues_ListsEveryOneWithItsPath()
    {
        var json = Valid
            .Replace("\"cacheReadShare\": 0.2", "\"cacheReadShare\": 1.2", StringComparison.Ordinal)
            .Replace("\"monthlyRate\": 0.05", "\"monthlyRate\": -1.5", StringComparison.Ordinal)
            .Replace("\"horizonMonths\": 3", "\"horizonMonths\": 10000", StringComparison.Ordinal);

        var act = () => ScenarioJson.Parse(json);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Select(e => e.Path).Should().Equal(
            "$.horizonMonths",
            "$.workload.profiles[0].cacheReadShare",
            "$.workload.profiles[0].growth.monthlyRate");
    }

    [Fact]
    public void Parse_AstronomicalVolume_IsAClearErrorNotAnOverflow()
    {
        var json = Valid.Replace("\"monthlyRequests\": 1000000", "\"monthlyRequests\": 1e27", StringComparison.Ordinal);

        var error = SingleError(json);

        error.Path.Should().Be("$.workload.profiles[0].monthlyRequests");
        error.Message.Should().StartWith("the profile reaches 1.5E+30 tokens in month 1, above the limit of 1E+18 tokens per month");
    }

    [Fact]
    public void Parse_MalformedJson_GivesLineAndPosition()
    {
        var error = SingleError("{ \"name\": \"x\", }}");

        error.Message.Should().Contain("(line 1, position");
    }

    private static ScenarioError SingleError(string json)
    {
        var act = () => ScenarioJson.Parse(json);
        return act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
    }
}
