using LlmTco.Timeline;
using MathNet.Numerics;

namespace LlmTco.Uncertainty.Kernel;

/// <summary>
/// The monthly volume above which self-hosting stays cheaper at steady state: exactly what
/// <see cref="BreakEvenCalculator.ByVolume"/> reports as <see cref="VolumeBreakEven.SelfHostedCheaperAboveTokensPerMonth"/>,
/// without walking every stair.
/// </summary>
/// <remarks>
/// ByVolume walks the self-hosted staircase stair by stair and keeps every crossing; the answer is the last crossing
/// (when self-hosting becomes cheaper there). Every crossing of a stair needs the difference F = self − API to be above 0
/// at the start of one of the stair's segments, and on the stairs that start above the commitment kink that value falls
/// by (API cost of a replica's tokens − replica cost) from stair to stair. So the last crossing is on the last stair whose
/// start value is positive, found by bisection; that stair (and the end of the one before it) is then evaluated with
/// ByVolume's own arithmetic and root finder, so the answer is the same to the last bit. Cases outside that reasoning
/// (a replica costing within 10⁻⁹ of its tokens' API price, a search range cut short) go to ByVolume itself.
/// </remarks>
internal static class VolumeSolver
{
    /// <summary>ByVolume's cap on the stairs it walks.</summary>
    private const int MaxSegments = 2_000_000;

    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) => CheaperAbove(self, api, maxTokensOfHorizon, out _);

    /// <summary>As <see cref="CheaperAbove(SteadyStateCost, SteadyStateCost, double)"/>; <paramref name="walked"/> tells whether ByVolume itself had to walk the stairs.</summary>
    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, out bool walked)
    {
        walked = false;
        var perReplica = self.TokensPerMonthPerReplica;
        var apiPerToken = api.CostPerMillionTokens / 1e6;
        if (perReplica <= 0 || apiPerToken <= 0)
        {
            return null;
        }

        // ByVolume answers "never stays cheaper" whenever a replica costs at least what the API charges for its tokens.
        var apiPerReplica = apiPerToken * perReplica;
        if (!(self.CostPerReplica < apiPerReplica))
        {
            return null;
        }

        if (apiPerReplica - self.CostPerReplica <= 1e-9 * apiPerReplica)
        {
            walked = true;
            return Reference(self, api, maxTokensOfHorizon);
        }

        // The search range, as ByVolume sets it.
        var firstStair = Math.Max(self.MinReplicas, 1);
        var top = self.FixedMonthlyCost + (self.RedundancyReplicas * self.CostPerReplica) - api.FixedMonthlyCost + apiPerReplica;
        var lastStair = Math.Max(firstStair, Math.Ceiling(top / (apiPerReplica - self.CostPerReplica)) + 1);
        var maxTokens = Math.Max(10 * maxTokensOfHorizon, (firstStair + 1) * perReplica);
        maxTokens = Math.Max(maxTokens, (lastStair + 1) * perReplica);
        maxTokens = Math.Min(maxTokens, MaxSegments * perReplica);
        var kink = api.MonthlyCommitment > 0 ? api.MonthlyCommitment / apiPerToken : double.NaN;
        var stairs = new Staircase(self, api, perReplica, firstStair, maxTokens, kink);

        // The last stair walked: stair n is walked while its start, (n − 1) × perReplica, is below maxTokens.
        var last = (long)Math.Max(firstStair, Math.Ceiling(maxTokens / perReplica));
        while (stairs.Start(last + 1) < maxTokens)
        {
            last++;
        }

        while (last > firstStair && !(stairs.Start(last) < maxTokens))
        {
            last--;
        }

        // The first stair starting at or above the kink: from there on the start values fall.
        long falling = firstStair;
        if (!double.IsNaN(kink))
        {
            falling = Math.Max(firstStair + 1, (long)Math.Floor(kink / perReplica));
            while (falling > firstStair + 1 && stairs.Start(falling - 1) >= kink)
            {
                falling--;
            }

            while (falling <= last && stairs.Start(falling) < kink)
            {
                falling++;
            }
        }

        long found = -1;
        if (falling <= last && stairs.Highest(falling) > 0)
        {
            // Above the kink the start value is about top − n × (apiPerReplica − CostPerReplica): start from where that
            // reaches 0 and step to the last stair whose exact start value is positive (a bisection if the guess is far).
            var guess = (long)Math.Clamp(Math.Ceiling(top / (apiPerReplica - self.CostPerReplica)) - 1, falling, last);
            long lo = falling, hi = last;
            if (stairs.Highest(guess) > 0)
            {
                lo = guess;
                hi = guess + 1 <= last && stairs.Highest(guess + 1) > 0 ? last : guess;
            }
            else
            {
                hi = guess - 1;
                lo = guess - 1 >= falling && stairs.Highest(guess - 1) > 0 ? guess - 1 : falling;
            }

            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) / 2);
                if (stairs.Highest(mid) > 0)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            found = lo;
        }
        else if (falling - 1 >= firstStair && falling - 1 <= last && stairs.Highest(falling - 1) > 0)
        {
            // Below the kink the start values rise stair by stair, so the stair just below it holds the highest.
            found = falling - 1;
        }

        if (found < 0)
        {
            // No stair starts above the API: no crossing at all, and ByVolume reports 0 (cheaper at any volume).
            walked = stairs.Highest(firstStair) > 0 || (falling - 1 > firstStair && stairs.Highest(falling - 2) > 0);
            return walked ? Reference(self, api, maxTokensOfHorizon) : 0;
        }

        var crossing = stairs.LastCrossing(found);
        walked = crossing is null || (found + 1 <= last && stairs.Highest(found + 1) > 0);
        return walked ? Reference(self, api, maxTokensOfHorizon) : crossing switch
        {
            { SelfHostedCheaperAbove: true } c => c.TokensPerMonth,
            _ => null,
        };
    }

    private static double? Reference(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) =>
        BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon).SelfHostedCheaperAboveTokensPerMonth;

    /// <summary>ByVolume's stairs, each evaluated with its arithmetic.</summary>
    private readonly struct Staircase(SteadyStateCost self, SteadyStateCost api, double perReplica, int firstStair, double maxTokens, double kink)
    {
        /// <summary>Where stair <paramref name="n"/> starts: 0 for the first, else where the one before ended.</summary>
        public double Start(long n) => n == firstStair ? 0.0 : End(n - 1);

        public double End(long n) => Math.Min(n * perReplica, maxTokens);

        public double Cost(long n)
        {
            var end = End(n);
            return self.MonthlyCostAt(n == firstStair ? Math.Min(end, perReplica * firstStair) : end);
        }

        /// <summary>The highest value of F = self − API at the start of one of the stair's segments.</summary>
        public double Highest(long n)
        {
            var cost = Cost(n);
            var start = Start(n);
            var value = cost - api.MonthlyCostAt(start);
            var end = End(n);
            if (!double.IsNaN(kink) && kink > start && kink < end)
            {
                value = Math.Max(value, cost - api.MonthlyCostAt(kink));
            }

            return value;
        }

        /// <summary>The last crossing ByVolume records on stair <paramref name="n"/>, or <see langword="null"/> when it records none there.</summary>
        public VolumeCrossing? LastCrossing(long n)
        {
            var previousEnd = double.NaN;
            if (n > firstStair)
            {
                previousEnd = Cost(n - 1) - api.MonthlyCostAt(End(n - 1));
            }

            var stairCost = Cost(n);
            var apiCost = api;
            double F(double v) => stairCost - apiCost.MonthlyCostAt(v);
            VolumeCrossing? last = null;
            var start = Start(n);
            var end = End(n);
            Span<(double A, double B)> segments = [(start, end), (0, 0)];
            var count = 1;
            if (!double.IsNaN(kink) && kink > start && kink < end)
            {
                segments[0] = (start, kink);
                segments[1] = (kink, end);
                count = 2;
            }

            for (var i = 0; i < count; i++)
            {
                var (a, b) = segments[i];
                var fa = F(a);
                var fb = F(b);
                if (!double.IsNaN(previousEnd) && previousEnd <= 0 && fa > 0)
                {
                    last = new VolumeCrossing(a, SelfHostedCheaperAbove: false);
                }

                if (fa > 0 && fb <= 0)
                {
                    last = new VolumeCrossing(FindRoots.OfFunction(F, a, b, accuracy: 1e-9 * Math.Max(1, Math.Abs(fa)), maxIterations: 200), SelfHostedCheaperAbove: true);
                }

                previousEnd = fb;
            }

            return last;
        }
    }
}
