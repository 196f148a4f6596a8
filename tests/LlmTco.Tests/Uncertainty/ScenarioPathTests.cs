using LlmTco.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Tests.Uncertainty;

public sealed class ScenarioPathTests
{
    private static readonly LlmTco.Scenarios.Scenario Scenario = UncertaintyScenarios.Growing() with { Uncertainty = null };

    [Fact]
    public void Apply_NestedListProperty_CopiesOnlyThePathAndLeavesTheOriginal()
    {
        // Given
        Resolve("workload.profiles[1].growth.monthlyRate", out var path);

        // When
        var changed = path.Apply(Scenario, 0.08);

        // Then the one value changes, the original scenario does not, and untouched records are shared
        changed.Workload.Profiles[1].Growth.MonthlyRate.Should().Be(0.08);
        changed.Workload.Profiles[0].Growth.MonthlyRate.Should().Be(0.05);
        Scenario.Workload.Profiles[1].Growth.MonthlyRate.Should().Be(0.05);
        changed.ApiOptions.Should().BeSameAs(Scenario.ApiOptions);
        path.Targets.Should().Equal("workload.profiles[1].growth.monthlyRate");
    }

    [Fact]
    public void Apply_Wildcard_SetsEveryEntry()
    {
        Resolve("$.workload.profiles[*].growth.monthlyRate", out var path);

        var changed = path.Apply(Scenario, 0.01);

        changed.Workload.Profiles.Select(p => p.Growth.MonthlyRate).Should().Equal(0.01, 0.01);
        path.Targets.Should().Equal("workload.profiles[0].growth.monthlyRate", "workload.profiles[1].growth.monthlyRate");
    }

    [Fact]
    public void Apply_NullableProperty_SetsIt()
    {
        Resolve("selfHostedOptions[0].rented.pricePerGpuHour", out var path);

        path.Read(Scenario).Should().BeNull("the scenario looks the price up in the table");
        path.Apply(Scenario, 3.5).SelfHostedOptions[0].Rented!.PricePerGpuHour.Should().Be(3.5);
    }

    [Fact]
    public void Apply_WholeNumberProperty_RoundsHalvesToEven()
    {
        Resolve("selfHostedOptions[0].redundancyReplicas", out var path);

        path.IsWholeNumber.Should().BeTrue();
        path.Apply(Scenario, 2.5).SelfHostedOptions[0].RedundancyReplicas.Should().Be(2);
        path.Apply(Scenario, 2.51).SelfHostedOptions[0].RedundancyReplicas.Should().Be(3);
    }

    [Theory]
    [InlineData("workload.peakToAverageRatoi", "'peakToAverageRatoi' is not a property of 'workload'; did you mean 'peakToAverageRatio'?")]
    [InlineData("selfHostedOptions[0].gpu", "'selfHostedOptions[0].gpu' is text, not a number")]
    [InlineData("selfHostedOptions[0].precision", "'selfHostedOptions[0].precision' is a choice (bf16, fp16, fp8, int8, int4, fp4), not a number")]
    [InlineData("selfHostedOptions[5].targetUtilization", "'selfHostedOptions[5]' is out of range: the scenario's selfHostedOptions has 2 entries")]
    [InlineData("workload.profiles.monthlyRequests", "'workload.profiles' is a list: give an index, e.g. workload.profiles[0], or workload.profiles[*] for every entry")]
    [InlineData("selfHostedOptions[1].rented.pricePerGpuHour", "'selfHostedOptions[1].rented' is not set in this scenario: give it in the scenario before making one of its values uncertain")]
    [InlineData("horizonMonths", "the horizon cannot be uncertain: every trial is compared month by month over the same horizon")]
    [InlineData("workload.profiles[0].growth.requestsAddedPerMonth", "'workload.profiles[0].growth.requestsAddedPerMonth' has no effect: the growth kind is compound, and requestsAddedPerMonth applies only to linear growth")]
    [InlineData("workload..peakToAverageRatio", "'' is not a property name: a path is names separated by dots, e.g. workload.profiles[0].growth.monthlyRate")]
    [InlineData("uncertainty.trials", "the uncertainty section itself cannot be uncertain")]
    [InlineData("workload.peakToAverageRatio[0]", "'workload.peakToAverageRatio' is not a list, so it takes no [index]")]
    [InlineData("workload.peakToAverageRatio.min", "'workload.peakToAverageRatio' is a number: it has no property 'min'")]
    [InlineData(" ", "a path is required, e.g. workload.profiles[0].growth.monthlyRate")]
    [InlineData("$.", "a path is required, e.g. workload.profiles[0].growth.monthlyRate")]
    [InlineData("workload.profiles[x].monthlyRequests", "'profiles[x]' is not a name with an index: write name[0], or name[*] for every entry")]
    [InlineData("workload.profiles[0.monthlyRequests", "'profiles[0' is not a name with an index: write name[0], or name[*] for every entry")]
    [InlineData("workload.profiles[0].growth.requestsPerMonth[*]", "'workload.profiles[0].growth.requestsPerMonth[*]' has no effect: the growth kind is compound, and requestsPerMonth applies only to a series")]
    [InlineData("name.length", "'name' is text, not an object with numeric properties")]
    [InlineData("workload", "'workload' is an object, not a number")]
    [InlineData("startDat", "'startDat' is not a property of the scenario; did you mean 'startDate'?")]
    [InlineData("workload.zzzzzz", "'zzzzzz' is not a property of 'workload'; its properties are: profiles, peakToAverageRatio")]
    [InlineData("selfHostedOptions[2].targetUtilization", "'selfHostedOptions[2]' is out of range: the scenario's selfHostedOptions has 2 entries")]
    [InlineData("selfHostedOptions[*].rented.pricePerGpuHour", "'selfHostedOptions[*].rented' is not set in this scenario: give it in the scenario before making one of its values uncertain")]
    [InlineData("[x]", "'[x]' is not a name with an index: write name[0], or name[*] for every entry")]
    [InlineData("workload.profiles[12.monthlyRequests", "'profiles[12' is not a name with an index: write name[0], or name[*] for every entry")]
    [InlineData("work-load.peakToAverageRatio", "'work-load' is not a property name: a path is names separated by dots, e.g. workload.profiles[0].growth.monthlyRate")]
    [InlineData("startDate", "'startDate' is a date, not a number")]
    public void TryResolve_PathThatNamesNoNumber_SaysWhy(string text, string expected)
    {
        ScenarioPath.TryResolve(Scenario, text, out var path, out var error).Should().BeFalse();

        path.Should().BeNull();
        error.Should().Be(expected);
    }

    [Fact]
    public void TryResolve_NullPath_IsRequired()
    {
        ScenarioPath.TryResolve(Scenario, null, out var path, out var error).Should().BeFalse();

        path.Should().BeNull();
        error.Should().Be("a path is required, e.g. workload.profiles[0].growth.monthlyRate");
    }

    [Theory]
    [InlineData(0, "'apiOptions[0]' is out of range: the scenario's apiOptions has 0 entries")]
    [InlineData(1, "'apiOptions[1]' is out of range: the scenario's apiOptions has 1 entry")]
    public void TryResolve_IndexPastTheEnd_CountsTheEntries(int apiOptions, string expected)
    {
        // Given a scenario with no API option, or one
        var scenario = Scenario with { ApiOptions = Scenario.ApiOptions.Take(apiOptions).ToList() };

        // When
        var resolved = ScenarioPath.TryResolve(scenario, $"apiOptions[{apiOptions}].monthlyFee", out _, out var error);

        // Then
        resolved.Should().BeFalse();
        error.Should().Be(expected);
    }

    [Fact]
    public void TryResolve_MonthlyRateOfLinearGrowth_HasNoEffect()
    {
        // Given linear growth
        var scenario = Scenario with { Workload = Scenario.Workload with { Profiles = [Scenario.Workload.Profiles[0] with { Growth = GrowthRule.Linear(1_000) }] } };

        // When
        ScenarioPath.TryResolve(scenario, "workload.profiles[0].growth.monthlyRate", out _, out var error).Should().BeFalse();

        // Then
        error.Should().Be("'workload.profiles[0].growth.monthlyRate' has no effect: the growth kind is linear, and monthlyRate applies only to compound growth");
    }

    [Fact]
    public void Read_SecondListEntry_ReadsThatEntry()
    {
        // Given the growing scenario's profiles: chat with 3,000,000 requests a month, batch with 400,000
        Resolve("workload.profiles[1].monthlyRequests", out var path);

        // Then
        path.Read(Scenario).Should().Be(400_000);
    }

    [Fact]
    public void Apply_EntryOfANumberList_SetsThatEntry()
    {
        // Given a series of monthly requests
        var scenario = Scenario with { Workload = Scenario.Workload with { Profiles = [Scenario.Workload.Profiles[0] with { Growth = GrowthRule.Series(100, 200, 300) }] } };
        ScenarioPath.TryResolve(scenario, "workload.profiles[0].growth.requestsPerMonth[1]", out var path, out var error).Should().BeTrue(error);

        // When
        var changed = path!.Apply(scenario, 250);

        // Then
        changed.Workload.Profiles[0].Growth.RequestsPerMonth.Should().Equal(100, 250, 300);
        path.IsWholeNumber.Should().BeFalse();
    }

    [Fact]
    public void Apply_NullableWholeNumberProperty_RoundsHalvesToEven()
    {
        // Given gpusPerReplica, an int? (not set in the scenario)
        Resolve("selfHostedOptions[0].gpusPerReplica", out var path);

        // Then
        path.IsWholeNumber.Should().BeTrue();
        path.Apply(Scenario, 2.5).SelfHostedOptions[0].GpusPerReplica.Should().Be(2);
    }

    [Fact]
    public void Convert_WholeNumber_TakesTheWholeIntRangeAndNoMore()
    {
        // Given
        Resolve("selfHostedOptions[0].redundancyReplicas", out var path);

        // Then int.MinValue and int.MaxValue themselves convert; 3,000,000,000 is above int.MaxValue = 2,147,483,647
        path.Convert(2_147_483_647.0).Should().Be(int.MaxValue);
        path.Convert(-2_147_483_648.0).Should().Be(int.MinValue);
        path.Invoking(p => p.Convert(3e9)).Should().Throw<ArgumentOutOfRangeException>()
            .WithMessage("'selfHostedOptions[0].redundancyReplicas' is a whole number; 3000000000 is out of range.*").Which.ParamName.Should().Be("value");
        path.Invoking(p => p.Convert(-3e9)).Should().Throw<ArgumentOutOfRangeException>();
    }

    private static void Resolve(string text, out ScenarioPath path)
    {
        ScenarioPath.TryResolve(Scenario, text, out var resolved, out var error).Should().BeTrue(error);
        path = resolved!;
    }
}
