using MathNet.Numerics;

namespace LlmTco.Timeline;

/// <summary>Break-even by month (cumulative costs) and by volume (steady-state monthly costs).</summary>
internal static class BreakEvenCalculator
{
    /// <summary>The most replica steps the volume search covers before giving up on finding where self-hosting stays cheaper.</summary>
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
    /// linear, and its root is found with MathNet.Numerics' root finder. The stairs are searched by halving, not one by
    /// one (see <see cref="VolumeSolver"/>).
    /// </summary>
    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) =>
        ByVolume(self, api, maxTokensOfHorizon, MaxSegments);

    /// <summary>As <see cref="ByVolume(SteadyStateCost, SteadyStateCost, double)"/>, searching at most <paramref name="maxSegments"/> replica steps.</summary>
    internal static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments) =>
        new VolumeSolver().Crossings(self, api, maxTokensOfHorizon, maxSegments);

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
