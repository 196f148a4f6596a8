using LlmTco.Uncertainty;

namespace LlmTco.Tests.Uncertainty;

public sealed class PercentileSummaryTests
{
    [Fact]
    public void At_PercentileNotRequested_SaysWhichWere()
    {
        // Given P10, P50 and P90 (0.1 × 100 and 0.9 × 100 round to exactly 10 and 90)
        var summary = new PercentileSummary([new PercentileValue(0.1, 1), new PercentileValue(0.5, 2), new PercentileValue(0.9, 3)], 2, 3);

        // When
        var act = () => summary.At(0.25);

        // Then
        act.Should().Throw<KeyNotFoundException>().Which.Message.Should().Be("P25 was not requested; the percentiles are 10, 50, 90.");
    }

    [Fact]
    public void At_WithinTheTolerance_FindsThePercentile_AtTheToleranceItDoesNot()
    {
        // Given a percentile of 2e−12: 2e−12 − 1e−12 is exactly 1e−12 in double arithmetic (2e−12 is twice 1e−12, bit for
        // bit), which is not strictly below the tolerance of 1e−12; 2e−12 − 1.5e−12 = 5e−13 is
        var summary = new PercentileSummary([new PercentileValue(2e-12, 7)], 7, 1);

        // Then
        summary.At(1.5e-12).Should().Be(7);
        summary.Invoking(s => s.At(1e-12)).Should().Throw<KeyNotFoundException>();
    }

    [Fact]
    public void P10P50P90_AreTheValuesOfThoseFractions()
    {
        // Given
        var summary = new PercentileSummary([new PercentileValue(0.1, 1), new PercentileValue(0.5, null), new PercentileValue(0.9, 3)], null, 3);

        // Then
        summary.P10.Should().Be(1);
        summary.P50.Should().BeNull();
        summary.P90.Should().Be(3);
    }
}
