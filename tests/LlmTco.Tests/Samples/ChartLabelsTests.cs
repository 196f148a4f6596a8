using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>Chart labels beside their markers: inside the plot area, clear of the legend and of each other.</summary>
public sealed class ChartLabelsTests
{
    private static readonly LabelBox Area = new(100, 50, 800, 500); // x 100–900, y 50–550

    [Fact]
    public void Place_TwoMarkersCloseTogether_GetLabelsThatDoNotOverlap()
    {
        // Given two crossings 10 px apart (13.9B and 19B tokens on the cost-by-volume chart were drawn on top of each other)
        var labels = new[] { (200f, 400f, 160f, 20f), (210f, 395f, 160f, 20f) };

        // When they are placed
        var boxes = ChartLabels.Place(Area, labels, []);

        // Then both lie inside the plot area and do not overlap
        boxes.Should().OnlyContain(b => b.Inside(Area));
        boxes[0].Overlaps(boxes[1]).Should().BeFalse();
    }

    [Fact]
    public void Place_MarkerNearTheRightEdge_PutsTheLabelToItsLeft()
    {
        // Given a break-even near the end of the horizon (month 35 of 36), whose label would run off the plot to the right
        var boxes = ChartLabels.Place(Area, [(880f, 200f, 300f, 36f)], []);

        // Then the label is inside, ending left of the marker (880 − 6 px gap)
        boxes[0].Inside(Area).Should().BeTrue();
        boxes[0].Right.Should().BeLessThanOrEqualTo(874);
    }

    [Fact]
    public void Place_MarkerNearTheTop_PutsTheLabelBelowIt()
    {
        var boxes = ChartLabels.Place(Area, [(300f, 55f, 100f, 20f)], []);

        // 55 + 6 px gap: the label starts below the marker instead of above the plot area
        boxes[0].Top.Should().Be(61);
        boxes[0].Inside(Area).Should().BeTrue();
    }

    [Fact]
    public void Place_AvoidsTheLegend()
    {
        // Given the legend in the upper-left corner and a marker just right of it
        var legend = new LabelBox(100, 50, 320, 110);
        var boxes = ChartLabels.Place(Area, [(300f, 120f, 150f, 20f)], [legend]);

        boxes[0].Overlaps(legend).Should().BeFalse();
        boxes[0].Inside(Area).Should().BeTrue();
    }

    [Fact]
    public void Place_ManyLabelsAtOnePoint_StackWithoutOverlap()
    {
        var labels = Enumerable.Repeat((500f, 300f, 200f, 20f), 8).ToList();

        var boxes = ChartLabels.Place(Area, labels, []);

        for (var i = 0; i < boxes.Count; i++)
        {
            boxes[i].Inside(Area).Should().BeTrue();
            for (var j = 0; j < i; j++)
            {
                boxes[i].Overlaps(boxes[j]).Should().BeFalse($"labels {j} and {i}");
            }
        }
    }
}
