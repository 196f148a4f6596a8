using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>
/// The break-even volume search as it was before it searched by halving: every stair walked one by one, Self − API at
/// each piece's ends evaluated as the difference of the two costs (not the search's monotone form), MathNet's root.
/// An independent reference: where no piece end is level with the API to within <see cref="Margin"/>'s rounding, the
/// search must find the same crossings to the last bit. Slow by design (up to 2,000,000 stairs).
/// </summary>
internal static class DirectStairWalk
{
    /// <summary>Walks every stair; <paramref name="margin"/> is the smallest |Self − API| at a piece end over the
    /// largest cost involved (0 when some end is exactly level), so a caller can tell rounding-level cases apart.</summary>
    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments, out double margin)
    {
        margin = double.PositiveInfinity;
        var perReplica = self.TokensPerMonthPerReplica;
        if (perReplica <= 0 || api.CostPerMillionTokens / 1e6 <= 0)
        {
            return new VolumeBreakEven([], null, 0, self.PriceDate);
        }

        var (firstStair, _, lastStair, maxTokens, kink) = BreakEvenCalculator.SearchRange(self.FixedMonthlyCost, self.CostPerReplica, perReplica, self.MinReplicas, self.RedundancyReplicas, api.FixedMonthlyCost, api.CostPerMillionTokens, api.MonthlyCommitment, maxTokensOfHorizon, maxSegments);
        var crossings = new List<VolumeCrossing>();
        var start = 0.0;
        var previousEnd = double.NaN;
        for (var step = firstStair; start < maxTokens; step++)
        {
            var end = Math.Min(step * perReplica, maxTokens);
            var stairCost = self.MonthlyCostAt(step == firstStair ? Math.Min(end, perReplica * firstStair) : end);
            if (!double.IsNaN(kink) && kink > start && kink < end)
            {
                Segment(start, kink, stairCost, api, crossings, ref previousEnd, ref margin);
                Segment(kink, end, stairCost, api, crossings, ref previousEnd, ref margin);
            }
            else
            {
                Segment(start, end, stairCost, api, crossings, ref previousEnd, ref margin);
            }

            start = end;
        }

        double? above = null;
        if (lastStair is not null && previousEnd <= 0)
        {
            above = crossings.Count == 0 ? 0 : crossings[^1].TokensPerMonth;
        }

        return new VolumeBreakEven(crossings, above, maxTokens, self.PriceDate);
    }

    private static void Segment(double a, double b, double stairCost, SteadyStateCost api, List<VolumeCrossing> crossings, ref double previousEnd, ref double margin)
    {
        var fa = stairCost - api.MonthlyCostAt(a);
        var fb = stairCost - api.MonthlyCostAt(b);
        var scale = Math.Max(Math.Abs(stairCost), Math.Max(Math.Abs(api.MonthlyCostAt(a)), Math.Abs(api.MonthlyCostAt(b))));
        margin = Math.Min(margin, Math.Min(Math.Abs(fa), Math.Abs(fb)) / Math.Max(scale, double.Epsilon));
        if (!double.IsNaN(previousEnd) && previousEnd <= 0 && fa > 0)
        {
            crossings.Add(new VolumeCrossing(a, SelfHostedCheaperAbove: false));
        }

        if (fa > 0 && fb <= 0)
        {
            crossings.Add(new VolumeCrossing(BreakEvenCalculator.Root(v => stairCost - api.MonthlyCostAt(v), a, b, fa), SelfHostedCheaperAbove: true));
        }

        previousEnd = fb;
    }
}
