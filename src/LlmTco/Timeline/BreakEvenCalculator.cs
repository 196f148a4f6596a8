using MathNet.Numerics;

namespace LlmTco.Timeline;

/// <summary>Break-even by month (cumulative costs) and by volume (steady-state monthly costs).</summary>
internal static class BreakEvenCalculator
{
    /// <summary>The most replica steps the volume search walks before giving up on finding where self-hosting stays cheaper.</summary>
    internal const int MaxSegments = 2_000_000;

    /// <summary>
    /// Finds the first time after which the self-hosted cumulative cost stays at or below the API's to the horizon.
    /// Cumulative costs are compared at month ends, with both at 0 at the start, and interpolated linearly inside the
    /// month of the crossing.
    /// </summary>
    public static BreakEvenPoint ByMonth(ReadOnlySpan<double> selfHostedCumulative, ReadOnlySpan<double> apiCumulative)
    {
        var time = MonthsFromStart(selfHostedCumulative, apiCumulative, out var lastDearer, out var fraction);
        if (time == 0)
        {
            return new BreakEvenPoint(BreakEvenOutcome.CheaperFromStart, 0, 0);
        }

        if (double.IsPositiveInfinity(time))
        {
            return new BreakEvenPoint(BreakEvenOutcome.NeverWithinHorizon, null, null);
        }

        var cost = selfHostedCumulative[lastDearer] + (fraction * (selfHostedCumulative[lastDearer + 1] - selfHostedCumulative[lastDearer]));
        return new BreakEvenPoint(BreakEvenOutcome.BreaksEven, time, cost);
    }

    /// <summary>As <see cref="ByMonth(ReadOnlySpan{double}, ReadOnlySpan{double})"/>, over lists.</summary>
    public static BreakEvenPoint ByMonth(IReadOnlyList<double> selfHostedCumulative, IReadOnlyList<double> apiCumulative) =>
        ByMonth(selfHostedCumulative.ToArray(), apiCumulative.ToArray());

    /// <summary>
    /// The break-even time in months from the start: 0 when self-hosting is cheaper or equal at every month's end, +∞ when it
    /// is dearer at the horizon, otherwise lastDearer + 1 + the fraction of the next month at which the two cumulative costs
    /// meet (from d0 = self − API at the end of the last month self-hosting is dearer and d1 a month later: d0 ÷ (d0 − d1)).
    /// </summary>
    public static double MonthsFromStart(ReadOnlySpan<double> selfHostedCumulative, ReadOnlySpan<double> apiCumulative, out int lastDearer, out double fraction)
    {
        unchecked
        {
            // The last month in which self-hosting is dearer, found from the end.
            fraction = 0;
            lastDearer = -1;
            for (var m = selfHostedCumulative.Length - 1; m >= 0; m--)
            {
                if (selfHostedCumulative[m] > apiCumulative[m])
                {
                    lastDearer = m;
                    break;
                }
            }

            if (lastDearer < 0)
            {
                return 0;
            }

            if (lastDearer == selfHostedCumulative.Length - 1)
            {
                return double.PositiveInfinity;
            }

            var d0 = selfHostedCumulative[lastDearer] - apiCumulative[lastDearer];
            var d1 = selfHostedCumulative[lastDearer + 1] - apiCumulative[lastDearer + 1];
            fraction = d0 / (d0 - d1);
            return lastDearer + 1 + fraction;
        }
    }

    /// <summary>
    /// Finds every monthly volume at which the steady-state costs are equal. The self-hosted cost is a staircase (one
    /// stair per replica); the API cost is linear (with a kink at a commitment). On each stair the difference is
    /// linear, and its root is found with MathNet.Numerics' root finder.
    /// </summary>
    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) =>
        ByVolume(self, api, maxTokensOfHorizon, MaxSegments);

    /// <summary>As <see cref="ByVolume(SteadyStateCost, SteadyStateCost, double)"/>, walking at most <paramref name="maxSegments"/> replica steps.</summary>
    internal static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments)
    {
        var perReplica = self.TokensPerMonthPerReplica;
        if (perReplica <= 0 || api.CostPerMillionTokens / 1e6 <= 0)
        {
            return new VolumeBreakEven([], null, 0, self.PriceDate);
        }

        var (firstStair, _, lastStair, maxTokens, kink) = SearchRange(self.FixedMonthlyCost, self.CostPerReplica, perReplica, self.MinReplicas, self.RedundancyReplicas, api.FixedMonthlyCost, api.CostPerMillionTokens, api.MonthlyCommitment, maxTokensOfHorizon, maxSegments);
        var crossings = new List<VolumeCrossing>();
        var start = 0.0;
        var previousEnd = double.NaN;
        for (var step = firstStair; start < maxTokens; step++)
        {
            var end = Math.Min(step * perReplica, maxTokens);
            var stairCost = self.MonthlyCostAt(step == firstStair ? Math.Min(end, perReplica * firstStair) : end);

            // The stair, split at the API's commitment kink when it falls inside.
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

        // Self-hosting stays cheaper only if it is at or below the API where the search stops: when the step limit cuts
        // the search short while the API is still cheaper, no volume is known above which self-hosting stays cheaper.
        // At or below there, the last crossing (if any) is where self-hosting became cheaper.
        double? above = null;
        if (lastStair is not null && previousEnd <= 0)
        {
            above = crossings.Count == 0 ? 0 : crossings[^1].TokensPerMonth;
        }

        return new VolumeBreakEven(crossings, above, maxTokens, self.PriceDate);
    }

    /// <summary>
    /// One linear piece [<paramref name="a"/>, <paramref name="b"/>] of a stair, where the difference is
    /// F(v) = stair cost − API cost(v): records where the API becomes cheaper again at its start and where self-hosting
    /// becomes cheaper inside it (the root found by MathNet.Numerics).
    /// </summary>
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
            crossings.Add(new VolumeCrossing(Root(a, b, fa, stairCost, api), SelfHostedCheaperAbove: true));
        }

        previousEnd = fb;
    }

    /// <summary>The root of F(v) = stair cost − API cost(v) in [a, b], by MathNet.Numerics.</summary>
    private static double Root(double a, double b, double fa, double stairCost, SteadyStateCost api) =>
        Root(v => stairCost - api.MonthlyCostAt(v), a, b, fa);

    /// <summary>The root of a stair's difference <paramref name="f"/> in [a, b] (f(a) = <paramref name="fa"/> &gt; 0 ≥ f(b)), by MathNet.Numerics to 10⁻⁹ of |f(a)|.</summary>
    internal static double Root(Func<double, double> f, double a, double b, double fa) =>
        FindRoots.OfFunction(f, a, b, accuracy: 1e-9 * Math.Max(1, Math.Abs(fa)), maxIterations: 200);

    /// <summary>
    /// The volume search's range: the first stair (at least one replica), the stair after which every stair is below the
    /// API where a replica costs less than the API charges for its tokens (with top = the self-hosted fixed cost + the
    /// spares' cost − the API's fixed cost + a replica's tokens at API prices, and lastStair = ceil(top ÷ (API cost of a
    /// replica's tokens − replica cost)) + 1), the largest volume searched (10 × the horizon's largest month, past
    /// lastStair, at most <paramref name="maxSegments"/> stairs) and the API commitment's kink (NaN without one).
    /// </summary>
    internal static (int FirstStair, double Top, double? LastStair, double MaxTokens, double Kink) SearchRange(double selfFixed, double costPerReplica, double perReplica, int minReplicas, int redundancy, double apiFixed, double apiPerMillion, double commitment, double maxTokensOfHorizon, int maxSegments)
    {
        var apiPerToken = apiPerMillion / 1e6;
        var apiPerReplica = apiPerToken * perReplica;
        var firstStair = Math.Max(minReplicas, 1);
        double? lastStair = null;
        var top = selfFixed + (redundancy * costPerReplica) - apiFixed + apiPerReplica;
        if (costPerReplica < apiPerReplica)
        {
            lastStair = Math.Max(firstStair, Math.Ceiling(top / (apiPerReplica - costPerReplica)) + 1);
        }

        var maxTokens = Math.Max(10 * maxTokensOfHorizon, (firstStair + 1) * perReplica);
        if (lastStair is { } stair)
        {
            maxTokens = Math.Max(maxTokens, (stair + 1) * perReplica);
        }

        return (firstStair, top, lastStair, Math.Min(maxTokens, maxSegments * perReplica), commitment > 0 ? commitment / apiPerToken : double.NaN);
    }
}
