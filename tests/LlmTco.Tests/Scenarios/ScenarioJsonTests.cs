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
    public void Parse_LatencyTarget_ReadsBothBounds()
    {
        var json = Valid.Replace("\"batchShare\": 0.5,", "\"batchShare\": 0.5, \"latency\": { \"maxTimeToFirstTokenSeconds\": 2, \"minOutputTokensPerSecondPerRequest\": 30 },", StringComparison.Ordinal);

        var latency = ScenarioJson.Parse(json).Workload.Profiles[0].Latency;

        latency.Should().Be(new LatencyTarget { MaxTimeToFirstTokenSeconds = 2, MinOutputTokensPerSecondPerRequest = 30 });
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

    [Theory]
    [InlineData("bf16", NumericPrecision.Bf16)]
    [InlineData("fp16", NumericPrecision.Fp16)]
    [InlineData("fp8", NumericPrecision.Fp8)]
    [InlineData("int8", NumericPrecision.Int8)]
    [InlineData("int4", NumericPrecision.Int4)]
    [InlineData("fp4", NumericPrecision.Fp4)]
    public void Parse_EachPrecisionWord_IsItsPrecisionInAScenarioAndInTheBenchmarkTable(string word, NumericPrecision precision)
    {
        // The words of docs/scenario-json.md and of the precision column of throughput_benchmarks.csv
        ScenarioJson.Parse(Valid.Replace("\"bf16\"", $"\"{word}\"", StringComparison.Ordinal)).SelfHostedOptions[0].Precision.Should().Be(precision);

        var tables = TestTables.With("throughput_benchmarks.csv", TestTables.Lines(TestTables.BenchmarkHeader, $"org/Model-8B,GPU-A,1,{word},vllm,1000,1000,64,2000,,https://example.com/bench,2026-11-29"));
        PricingCatalog.Load(PricingSource.InMemory(tables)).ThroughputBenchmarks.Single().Precision.Should().Be(precision);
    }

    [Fact]
    public void Parse_LenientSyntax_AcceptsAnyCaseOfNamesCommentsAndTrailingCommas()
    {
        // Given property names in PascalCase, a comment and a trailing comma: the file a C# user would write
        var json = Valid
            .Replace("\"horizonMonths\": 3,", "\"HorizonMonths\": 7, // months\n", StringComparison.Ordinal)
            .Replace("\"peakToAverageRatio\": 2,", "\"PEAKTOAVERAGERATIO\": 3,", StringComparison.Ordinal)
            .Replace("\"model\": \"acme-large\" }", "\"model\": \"acme-large\", }", StringComparison.Ordinal);

        var scenario = ScenarioJson.Parse(json);

        scenario.HorizonMonths.Should().Be(7);
        scenario.Workload.PeakToAverageRatio.Should().Be(3);
        scenario.ApiOptions[0].Model.Should().Be("acme-large");
    }

    [Fact]
    public void Parse_EveryEnumWord_ReadsAndWritesBack()
    {
        // Given the words of each enum the scenario file uses, one of each kind of converter
        var json = Valid
            .Replace("\"horizonMonths\": 3,", "\"horizonMonths\": 3, \"costView\": \"accounting\",", StringComparison.Ordinal)
            .Replace("\"model\": \"acme-large\" }", "\"model\": \"acme-large\", \"serviceTier\": \"flex\" }", StringComparison.Ordinal);

        var scenario = ScenarioJson.Parse(json);
        var written = ScenarioJson.Serialize(scenario);

        scenario.CostView.Should().Be(CostView.Accounting);
        scenario.ApiOptions[0].ServiceTier.Should().Be(ServiceTier.Flex);
        written.Should().Contain("\"costView\": \"accounting\"").And.Contain("\"serviceTier\": \"flex\"").And.Contain("\"plan\": \"on-demand\"").And.Contain("\"kind\": \"compound\"");
        written.Should().Contain(Environment.NewLine + "  \"name\": \"chat\"", "the file is written indented");
    }

    [Theory]
    [InlineData("\"OnDemand\"", null)] // the C# name
    [InlineData("\"ONDEMAND\"", null)] // in any case
    [InlineData("\"0\"", "'0' is not one of")] // not the enum's number as text
    [InlineData("0", "expected one of")] // nor as a number
    [InlineData("\" 1\"", "' 1' is not one of")] // nor as a number with a space
    [InlineData("\"1, 0\"", "'1, 0' is not one of")] // nor as a list of numbers
    public void Parse_PlanGivenOtherThanByItsWord_AcceptsOnlyTheCSharpName(string plan, string? error)
    {
        var json = Valid.Replace("\"on-demand\"", plan, StringComparison.Ordinal);

        var act = () => ScenarioJson.Parse(json);

        if (error is null)
        {
            act.Should().NotThrow().Which.SelfHostedOptions[0].Rented!.Plan.Should().Be(RentalPlan.OnDemand);
        }
        else
        {
            // The plan is on the file's 15th line
            var single = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
            single.Path.Should().Be("$.selfHostedOptions[0].rented.plan");
            single.Message.Should().StartWith(error + ": on-demand, spot, reserved-1y, reserved-3y (line 15, position ");
        }
    }

    [Theory]
    [InlineData("Reserved1Year", RentalPlan.Reserved1Year)]
    [InlineData("reserved3year", RentalPlan.Reserved3Year)]
    public void Parse_CSharpNameWithADigit_IsAccepted(string plan, RentalPlan expected)
    {
        // docs/scenario-json.md: "the C# enum names (OnDemand, Reserved1Year, Bf16) are accepted too"
        var json = Valid.Replace("\"on-demand\"", $"\"{plan}\"", StringComparison.Ordinal).Replace("\"bf16\"", "\"Bf16\"", StringComparison.Ordinal);

        var scenario = ScenarioJson.Parse(json);

        scenario.SelfHostedOptions[0].Rented!.Plan.Should().Be(expected);
        scenario.SelfHostedOptions[0].Precision.Should().Be(NumericPrecision.Bf16);
    }

    [Theory]
    [InlineData("\"startDate\": \"2025-05-01\"", "\"startDate\": 5", "$.startDate", "expected a date as \"yyyy-MM-dd\"")]
    [InlineData("\"name\": \"chat\",\n", "\"name\": 5,\n", "$.name", "expected text in quotes")]
    [InlineData("\"apiOptions\": [", "\"apiOptions\": 5, \"x\": [", "$.apiOptions", "expected a list in [brackets]")]
    [InlineData("\"peakToAverageRatio\": 2", "\"peakToAverageRatio\": \"2\"", "$.workload.peakToAverageRatio", "expected a number (with a decimal point, not in quotes)")]
    [InlineData("\"workload\": {", "\"workload\": 5, \"x\": {", "$.workload", "expected a value of type LlmTco.Workloads.Workload")]
    public void Parse_WrongTypeOfEachKind_SaysWhatWasExpected(string from, string to, string path, string expected)
    {
        var error = SingleError(Valid.Replace(from, to, StringComparison.Ordinal));

        error.Path.Should().Be(path);
        error.Message.Should().StartWith(expected + " (line ");
    }

    [Fact]
    public void Parse_WrongType_GivesTheOneBasedLineAndPositionAfterTheValue()
    {
        // "horizonMonths": "three" is on the file's 4th line; the reader stops after the 2 spaces, the name, ": " and the
        // 7-byte string, so at byte 2 + 15 + 2 + 7 = 26, position 27 counting from 1
        var error = SingleError(Valid.Replace("\"horizonMonths\": 3", "\"horizonMonths\": \"three\"", StringComparison.Ordinal));

        error.Message.Should().Be("expected a whole number (line 4, position 27)");
    }

    [Fact]
    public void Parse_NullForARequiredText_IsAnError()
    {
        var error = SingleError(Valid.Replace("\"name\": \"chat\",\n", "\"name\": null,\n", StringComparison.Ordinal));

        error.Path.Should().Be("$.name");
    }

    [Fact]
    public void Parse_UnknownPropertyFarFromEveryName_ListsTheKnownOnes()
    {
        var error = SingleError(Valid.Replace("\"peakToAverageRatio\": 2", "\"zzzzzzzzzzzz\": 2", StringComparison.Ordinal));

        error.Path.Should().Be("$.workload.zzzzzzzzzzzz");
        error.Message.Should().StartWith("unknown property 'zzzzzzzzzzzz'; known properties: ").And.Contain("peakToAverageRatio").And.Contain("profiles");
    }

    [Fact]
    public void Parse_UnknownPropertyFarFromEveryName_ListsTheKnownOnesSeparatedByCommas()
    {
        // A workload has two properties, profiles and peakToAverageRatio, in that order
        var error = SingleError(Valid.Replace("\"peakToAverageRatio\": 2", "\"zzzzzzzzzzzz\": 2", StringComparison.Ordinal));

        error.Message.Should().StartWith("unknown property 'zzzzzzzzzzzz'; known properties: profiles, peakToAverageRatio (line 6, position ");
    }

    [Fact]
    public void Parse_UnknownPropertyNameWithASpace_PointsAtItInBracketNotation()
    {
        // System.Text.Json writes a name with a space as ['a b'] in a path
        var error = SingleError(Valid.Replace("\"peakToAverageRatio\": 2", "\"a b\": 2", StringComparison.Ordinal));

        error.Path.Should().Be("$.workload['a b']", "the path names the property once");
        error.Message.Should().StartWith("unknown property 'a b'; known properties: profiles, peakToAverageRatio");
    }

    [Fact]
    public void Parse_SyntaxError_KeepsTheReadersReasonWithoutItsPathAndByteCounts()
    {
        // The reader's message ends in "Path: $ | LineNumber: 0 | BytePositionInLine: 0."; the error has the path apart and
        // the line and position counted from 1
        var error = SingleError("x");

        error.Path.Should().Be("$");
        error.Message.Should().EndWith(" (line 1, position 1)").And.NotContain("Path:").And.NotContain("LineNumber").And.NotContain("BytePositionInLine");
    }

    [Fact]
    public void Parse_Null_IsTheMissingScenarioError()
    {
        var error = SingleError("null");

        error.Should().Be(new ScenarioError("$", null, "a scenario is required"));
    }

    [Fact]
    public void Parse_NullForAList_IsAnErrorNotAnEmptyList()
    {
        // The scenario would be valid with no API option (it has a self-hosted one), so only the null itself can be the error
        var error = SingleError(Valid.Replace("\"apiOptions\": [ { \"name\": \"Acme Large\", \"provider\": \"acme\", \"model\": \"acme-large\" } ]", "\"apiOptions\": null", StringComparison.Ordinal));

        error.Path.Should().Be("$.apiOptions");
        ScenarioJson.Parse(Valid.Replace("\"apiOptions\": [ { \"name\": \"Acme Large\", \"provider\": \"acme\", \"model\": \"acme-large\" } ]", "\"apiOptions\": []", StringComparison.Ordinal))
            .ApiOptions.Should().BeEmpty();
    }

    [Fact]
    public void Serialize_UndefinedWordValue_ThrowsRatherThanWritingAFileThatCannotBeReadBack()
    {
        // Given a scenario built in code with a cost view that has no word
        var scenario = ScenarioJson.Parse(Valid) with { CostView = (CostView)7 };

        // When / Then
        FluentActions.Invoking(() => ScenarioJson.Serialize(scenario)).Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void ValidationException_Message_CountsAndIndentsEveryError()
    {
        var nl = Environment.NewLine;
        var errors = new[] { new ScenarioError("$.a", null, "first"), new ScenarioError("$.b", null, "second") };

        new ScenarioValidationException(errors).Message.Should().Be($"The scenario has 2 error(s):{nl}  {errors[0]}{nl}  {errors[1]}");
        new ScenarioValidationException().Message.Should().Be("The scenario is not valid.");
        new ScenarioValidationException("custom").Errors.Should().BeEmpty();
        new ScenarioValidationException("custom", new InvalidOperationException()).Errors.Should().BeEmpty();
    }

    [Fact]
    public void PublicMethods_NullArguments_Throw()
    {
        FluentActions.Invoking(() => ScenarioJson.Parse(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => ScenarioJson.Load(string.Empty)).Should().Throw<ArgumentException>();
        FluentActions.Invoking(() => ScenarioJson.Serialize(null!)).Should().Throw<ArgumentNullException>();
        FluentActions.Invoking(() => new ScenarioValidationException((IReadOnlyList<ScenarioError>)null!)).Should().Throw<ArgumentNullException>();
    }

    private static ScenarioError SingleError(string json)
    {
        var act = () => ScenarioJson.Parse(json);
        return act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
    }
}
