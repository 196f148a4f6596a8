using LlmTco.Workloads;

namespace LlmTco.Tests.Workloads;

public sealed class GrowthRuleTests
{
    [Fact]
    public void RequestsInMonth_Compound_MultipliesByOnePlusTheRateEachMonth()
    {
        var rule = GrowthRule.Compound(0.1);

        // 1,000 in month 1; month 3 is two months of growth: 1,000 × 1.1 × 1.1 = 1,210
        rule.RequestsInMonth(1_000, 1).Should().Be(1_000);
        rule.RequestsInMonth(1_000, 3).Should().BeApproximately(1_210, 1e-9);
    }

    [Fact]
    public void RequestsInMonth_LinearDecline_StopsAtZero()
    {
        var rule = GrowthRule.Linear(-600);

        // 1,000 − 600 = 400 in month 2; 1,000 − 1,200 = −200 in month 3, so 0
        rule.RequestsInMonth(1_000, 2).Should().Be(400);
        rule.RequestsInMonth(1_000, 3).Should().Be(0);
    }

    [Fact]
    public void RequestsInMonth_SeriesOrNone_AreTheGivenNumbers()
    {
        GrowthRule.Series(5, 7, 9).RequestsInMonth(1_000, 2).Should().Be(7);
        GrowthRule.None.RequestsInMonth(1_000, 40).Should().Be(1_000);
    }
}
