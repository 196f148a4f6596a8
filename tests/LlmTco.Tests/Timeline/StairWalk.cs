using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>
/// The break-even volume search as it was before it searched by halving: every stair walked one by one, each with the
/// same arithmetic (stair start and end, costs at the stair's end, MathNet's root). The reference the search is
/// compared with, bit for bit; slow by design (up to 2,000,000 stairs).
/// </summary>
internal static class StairWalk
{
    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments = BreakEvenCalculator.MaxSegments) =>
        ByVolume(self, api, maxTokensOfHorizon, maxSegments, out _);

    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments, out long stairsWalked)
    {
        stairsWalked = 0;
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
            stairsWalked++;
            var end = Math.Min(step * perReplica, maxTokens);
            var stairCost = self.MonthlyCostAt(step == firstStair ? Math.Min(end, perReplica * firstStair) : end);
            if (!double.IsNaN(kink) && kink > start && kink < end)
            {
                Segment(start, kink, stairCost, api, crossings, ref previousEnd);
                Segment(kink, end, stairCost, api, crossings, ref previousEnd);
            }
            else
            {
                Segment(start, end, stairCost, api, crossings, ref previousEnd);
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

    private static void Segment(double a, double b, double stairCost, SteadyStateCost api, List<VolumeCrossing> crossings, ref double previousEnd)
    {
        var fa = stairCost - api.MonthlyCostAt(a);
        var fb = stairCost - api.MonthlyCostAt(b);
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
