namespace LlmTco.Samples;

/// <summary>A label's box in image pixels (y grows downwards).</summary>
internal readonly record struct LabelBox(float Left, float Top, float Width, float Height)
{
    public float Right => Left + Width;

    public float Bottom => Top + Height;

    public bool Overlaps(LabelBox other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;

    public bool Inside(LabelBox area) => Left >= area.Left && Right <= area.Right && Top >= area.Top && Bottom <= area.Bottom;
}

/// <summary>
/// Places chart labels beside their anchors (a break-even marker) so that each lies wholly inside the plot area and
/// none covers another or an obstacle (the legend): the four corners around the anchor first, then the same sides moved
/// down and up a label's height at a time.
/// </summary>
internal static class ChartLabels
{
    private const float Gap = 6;

    /// <summary>The top-left corner of each label, in the order given.</summary>
    public static IReadOnlyList<LabelBox> Place(LabelBox area, IReadOnlyList<(float X, float Y, float Width, float Height)> labels, IReadOnlyList<LabelBox> obstacles)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(obstacles);
        var placed = new List<LabelBox>();
        foreach (var (x, y, width, height) in labels)
        {
            var best = Candidates(x, y, width, height, area)
                .Select(c => (LabelBox?)c)
                .FirstOrDefault(c => c!.Value.Inside(area) && !placed.Concat(obstacles).Any(o => o.Overlaps(c.Value)));
            placed.Add(best ?? Clamp(new LabelBox(x + Gap, y - Gap - height, width, height), area));
        }

        return placed;
    }

    private static IEnumerable<LabelBox> Candidates(float x, float y, float width, float height, LabelBox area)
    {
        var right = x + Gap;
        var left = x - Gap - width;
        var above = y - Gap - height;
        var below = y + Gap;
        foreach (var top in new[] { above, below })
        {
            yield return new LabelBox(right, top, width, height);
            yield return new LabelBox(left, top, width, height);
        }

        var steps = (int)Math.Ceiling(area.Height / (height + Gap));
        for (var step = 1; step <= steps; step++)
        {
            foreach (var top in new[] { below + (step * (height + Gap)), above - (step * (height + Gap)) })
            {
                yield return new LabelBox(right, top, width, height);
                yield return new LabelBox(left, top, width, height);
            }
        }
    }

    private static LabelBox Clamp(LabelBox box, LabelBox area) => box with
    {
        Left = Math.Clamp(box.Left, area.Left, Math.Max(area.Left, area.Right - box.Width)),
        Top = Math.Clamp(box.Top, area.Top, Math.Max(area.Top, area.Bottom - box.Height)),
    };
}
