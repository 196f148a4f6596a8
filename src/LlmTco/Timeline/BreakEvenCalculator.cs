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
    public static BreakEvenPoint ByMonth(IReadOnlyList<double> selfHostedCumulative, IReadOnlyList<double> apiCumulative) =>
        ByMonth(new ListCumulative(selfHostedCumulative), new ListCumulative(apiCumulative));

    /// <summary>
    /// As <see cref="ByMonth(IReadOnlyList{double}, IReadOnlyList{double})"/>, over the <see cref="MonthResult.Cumulative"/>
    /// (or, when <paramref name="discounted"/>, <see cref="MonthResult.DiscountedCumulative"/>) of two options' months,
    /// without copying them into lists.
    /// </summary>
    public static BreakEvenPoint ByMonth(IReadOnlyList<MonthResult> selfHostedMonths, IReadOnlyList<MonthResult> apiMonths, bool discounted) =>
        ByMonth(new MonthsCumulative(selfHostedMonths, discounted), new MonthsCumulative(apiMonths, discounted));

    private static BreakEvenPoint ByMonth<T>(T selfHostedCumulative, T apiCumulative)
        where T : struct, ICumulativeCosts
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
        var apiPerToken = api.CostPerMillionTokens / 1e6;
        if (perReplica <= 0 || apiPerToken <= 0)
        {
            return new VolumeBreakEven([], null, 0, self.PriceDate);
        }

        // Where a replica costs less than the API charges for the tokens it carries, each stair ends lower than the
        // last by a constant amount: find the stair after which every stair is below the API.
        var apiPerReplica = apiPerToken * perReplica;
        var firstStair = Math.Max(self.MinReplicas, 1);
        double? lastStair = null;
        if (self.CostPerReplica < apiPerReplica)
        {
            var top = self.FixedMonthlyCost + (self.RedundancyReplicas * self.CostPerReplica) - api.FixedMonthlyCost + apiPerReplica;
            lastStair = Math.Max(firstStair, Math.Ceiling(top / (apiPerReplica - self.CostPerReplica)) + 1);
        }

        var maxTokens = Math.Max(10 * maxTokensOfHorizon, (firstStair + 1) * perReplica);
        if (lastStair is { } stair)
        {
            maxTokens = Math.Max(maxTokens, (stair + 1) * perReplica);
        }

        maxTokens = Math.Min(maxTokens, maxSegments * perReplica);
        var kink = api.MonthlyCommitment > 0 ? api.MonthlyCommitment / apiPerToken : double.NaN;
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

    /// <summary>The root of F(v) = stair cost − API cost(v) in [a, b], by MathNet.Numerics; the only place F is made a delegate.</summary>
    private static double Root(double a, double b, double fa, double stairCost, SteadyStateCost api) =>
        FindRoots.OfFunction(v => stairCost - api.MonthlyCostAt(v), a, b, accuracy: 1e-9 * Math.Max(1, Math.Abs(fa)), maxIterations: 200);

    /// <summary>Cumulative costs by month index (0-based), read without copying.</summary>
    private interface ICumulativeCosts
    {
        int Count { get; }

        double this[int month] { get; }
    }

    private readonly struct ListCumulative(IReadOnlyList<double> costs) : ICumulativeCosts
    {
        public int Count => costs.Count;

        public double this[int month] => costs[month];
    }

    private readonly struct MonthsCumulative(IReadOnlyList<MonthResult> months, bool discounted) : ICumulativeCosts
    {
        public int Count => months.Count;

        public double this[int month] => discounted ? months[month].DiscountedCumulative : months[month].Cumulative;
    }
}
