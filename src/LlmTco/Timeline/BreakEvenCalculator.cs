using LlmTco.Api;
using LlmTco.SelfHosted;
using MathNet.Numerics;

namespace LlmTco.Timeline;

/// <summary>Break-even by month (cumulative costs) and by volume (steady-state monthly costs).</summary>
internal static class BreakEvenCalculator
{
    /// <summary>The most replica steps the volume search walks before giving up on finding where self-hosting stays cheaper.</summary>
    private const int MaxSegments = 2_000_000;

    /// <summary>
    /// Finds the first time after which the self-hosted cumulative cost stays at or below the API's to the horizon.
    /// Cumulative costs are compared at month ends, with both at 0 at the start, and interpolated linearly inside the
    /// month of the crossing.
    /// </summary>
    public static BreakEvenPoint ByMonth(IReadOnlyList<double> selfHostedCumulative, IReadOnlyList<double> apiCumulative)
    {
        var months = selfHostedCumulative.Count;
        var lastDearer = -1;
        for (var m = 0; m < months; m++)
        {
            if (selfHostedCumulative[m] > apiCumulative[m])
            {
                lastDearer = m;
            }
        }

        if (lastDearer < 0)
        {
            return new BreakEvenPoint(BreakEvenOutcome.CheaperFromStart, 0, 0);
        }

        if (lastDearer == months - 1)
        {
            return new BreakEvenPoint(BreakEvenOutcome.NeverWithinHorizon, null, null);
        }

        // Between the end of month lastDearer+1 (dearer) and the end of month lastDearer+2 (at or below).
        var d0 = selfHostedCumulative[lastDearer] - apiCumulative[lastDearer];
        var d1 = selfHostedCumulative[lastDearer + 1] - apiCumulative[lastDearer + 1];
        var fraction = d0 / (d0 - d1);
        var cost = selfHostedCumulative[lastDearer] + (fraction * (selfHostedCumulative[lastDearer + 1] - selfHostedCumulative[lastDearer]));
        return new BreakEvenPoint(BreakEvenOutcome.BreaksEven, lastDearer + 1 + fraction, cost);
    }

    /// <summary>
    /// Finds every monthly volume at which the steady-state costs are equal. Volume is a multiple (scale) of the request
    /// mix of the month self-hosting starts serving; self-hosted cost is fixed + replicas(scale) × cost per replica, a
    /// staircase; API cost is max(scale × usage, commitment) + fees. On each stair the difference is linear, and its
    /// root is found with MathNet.Numerics' root finder.
    /// </summary>
    public static VolumeBreakEven ByVolume(SelfHostedCostModel self, ApiCostModel api, double referenceTokens, double maxTokensOfHorizon, DateOnly priceDate)
    {
        var m = self.SteadyMonthIndex;
        var usagePerScale = api.Usage(m);
        var commitment = api.Option.MonthlyCommitment;
        var fee = api.Option.MonthlyFee;
        var perScale = self.ReplicasPerUnitScale;
        if (referenceTokens <= 0 || perScale <= 0 || usagePerScale <= 0)
        {
            return new VolumeBreakEven([], null, 0, priceDate);
        }

        double Api(double scale) => Math.Max(scale * usagePerScale, commitment) + fee;

        // Where self-hosting's cost per token at scale (cost per replica ÷ volume per replica) beats the API's, the
        // stair tops fall by a constant step; find the stair after which they are all below zero.
        var apiPerReplica = usagePerScale / perScale;
        var minFirst = Math.Max(self.Option.MinReplicas, 1);
        double? lastStair = null;
        if (self.SteadyCostPerReplica < apiPerReplica)
        {
            var top = self.SteadyFixedCost + (self.Option.RedundancyReplicas * self.SteadyCostPerReplica) - fee + apiPerReplica;
            lastStair = Math.Max(minFirst, Math.Ceiling(top / (apiPerReplica - self.SteadyCostPerReplica)) + 1);
        }

        var maxScale = Math.Max(10 * maxTokensOfHorizon / referenceTokens, (minFirst + 1) / perScale);
        if (lastStair is { } stair)
        {
            maxScale = Math.Max(maxScale, (stair + 1) / perScale);
        }

        maxScale = Math.Min(maxScale, MaxSegments / perScale);

        // Segment boundaries: every replica step, plus the commitment kink.
        var crossings = new List<VolumeCrossing>();
        var kink = commitment > 0 ? commitment / usagePerScale : double.NaN;
        var start = 0.0;
        var previousEnd = double.NaN;
        var replicasAtStart = self.SteadyReplicas(double.Epsilon);
        var firstStep = Math.Max(minFirst, (int)Math.Floor(double.Epsilon * perScale) + 1);
        for (var step = firstStep; start < maxScale; step++)
        {
            var end = Math.Min(step / perScale, maxScale);
            var replicas = step == firstStep ? replicasAtStart : self.SteadyReplicas(end);
            var stairCost = self.SteadyCost(replicas);
            foreach (var (a, b) in Split(start, end, kink))
            {
                double F(double s) => stairCost - Api(s);
                var fa = F(a);
                var fb = F(b);
                if (!double.IsNaN(previousEnd) && previousEnd <= 0 && fa > 0)
                {
                    crossings.Add(new VolumeCrossing(a * referenceTokens, SelfHostedCheaperAbove: false));
                }

                if (fa > 0 && fb <= 0)
                {
                    var root = FindRoots.OfFunction(F, a, b, accuracy: 1e-9 * Math.Max(1, Math.Abs(fa)), maxIterations: 200);
                    crossings.Add(new VolumeCrossing(root * referenceTokens, SelfHostedCheaperAbove: true));
                }

                previousEnd = fb;
            }

            start = end;
        }

        double? above = null;
        if (lastStair is not null)
        {
            above = crossings.Count == 0 ? 0 : crossings[^1].SelfHostedCheaperAbove ? crossings[^1].TokensPerMonth : null;
        }

        return new VolumeBreakEven(crossings, above, maxScale * referenceTokens, priceDate);
    }

    private static IEnumerable<(double A, double B)> Split(double a, double b, double kink)
    {
        if (!double.IsNaN(kink) && kink > a && kink < b)
        {
            yield return (a, kink);
            yield return (kink, b);
        }
        else
        {
            yield return (a, b);
        }
    }
}
