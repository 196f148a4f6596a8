using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>The count of cost lines that line arrays are sized by.</summary>
public sealed class CostLinesTests
{
    [Fact]
    public void Count_IndexesEveryLine_TheLinesAreNumberedFromZeroWithoutGaps()
    {
        // Given a month's line array of Count entries, indexed by (int)line
        // Then every line has a slot and every slot a line: the values are exactly 0 .. Count − 1
        Enum.GetValues<CostLine>().Select(l => (int)l).Should().Equal(Enumerable.Range(0, CostLines.Count));
    }

    [Fact]
    public void Count_IsTheLengthOfEveryMonthsLines()
    {
        var result = TestScenarios.Engine.Evaluate(TestScenarios.ThreeMonths(TestScenarios.RentedModel8B));

        result.Options.SelectMany(o => o.Months).Should().OnlyContain(m => m.Lines.Count == CostLines.Count);
    }
}
