namespace LlmTco.Timeline;

/// <summary>
/// The monthly volume above which self-hosting stays cheaper at steady state: exactly what
/// <see cref="BreakEvenCalculator.ByVolume(SteadyStateCost, SteadyStateCost, double)"/> reports as <see cref="VolumeBreakEven.SelfHostedCheaperAboveTokensPerMonth"/>,
/// without walking every stair.
/// </summary>
/// <remarks>
/// ByVolume walks the self-hosted staircase stair by stair and keeps every crossing; the answer is the last crossing
/// (when self-hosting becomes cheaper there). Every crossing of a stair needs the difference F = self − API to be above 0
/// at the start of one of the stair's segments, and on the stairs that start above the commitment kink that value falls
/// by (API cost of a replica's tokens − replica cost) from stair to stair. So the last crossing is on the last stair whose
/// start value is positive, found from the closed-form guess (by bisection when the guess is off); that stair (and the end
/// of the one before it) is then evaluated with ByVolume's own arithmetic (<see cref="SteadyStateCost.MonthlyCostAt"/>,
/// written out here so that a trial allocates nothing) and root finder, so the answer is the same to the last bit. Cases
/// outside that reasoning (a replica costing within 10⁻⁹ of its tokens' API price, a search range cut short) go to
/// ByVolume itself. One instance per worker thread: it keeps the stair being solved in fields.
/// </remarks>
internal sealed class VolumeSolver
{
    private readonly Func<double, double> difference;
    private double selfFixed;
    private double costPerReplica;
    private double tokensPerReplica;
    private int minReplicas;
    private int redundancy;
    private double apiFixed;
    private double apiPerMillion;
    private double commitment;
    private double perReplica;
    private int firstStair;
    private double maxTokens;
    private double kink;
    private double stairCost;

    public VolumeSolver()
    {
        difference = Difference;
    }

    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) => CheaperAbove(self, api, maxTokensOfHorizon, out _);

    /// <summary>As <see cref="CheaperAbove(SteadyStateCost, SteadyStateCost, double)"/>; <paramref name="walked"/> tells whether ByVolume itself had to walk the stairs.</summary>
    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, out bool walked) =>
        new VolumeSolver().Solve(self.FixedMonthlyCost, self.CostPerReplica, self.TokensPerMonthPerReplica, self.MinReplicas, self.RedundancyReplicas, api.FixedMonthlyCost, api.CostPerMillionTokens, api.MonthlyCommitment, maxTokensOfHorizon, out walked);

    /// <summary>The volume for the steady states given by their fields (see <see cref="SteadyStateCost"/>).</summary>
    public double? Solve(double selfFixedCost, double replicaCost, double tokensPerMonthPerReplica, int fewestReplicas, int spareReplicas, double apiFixedCost, double apiCostPerMillionTokens, double apiCommitment, double maxTokensOfHorizon, out bool walked)
    {
        (selfFixed, costPerReplica, tokensPerReplica, minReplicas, redundancy) = (selfFixedCost, replicaCost, tokensPerMonthPerReplica, fewestReplicas, spareReplicas);
        (apiFixed, apiPerMillion, commitment) = (apiFixedCost, apiCostPerMillionTokens, apiCommitment);
        walked = false;
        perReplica = tokensPerReplica;
        var apiPerToken = apiPerMillion / 1e6;
        if (perReplica <= 0 || apiPerToken <= 0)
        {
            return null;
        }

        // ByVolume answers "never stays cheaper" whenever a replica costs at least what the API charges for its tokens.
        var apiPerReplica = apiPerToken * perReplica;
        if (!(costPerReplica < apiPerReplica))
        {
            return null;
        }

        if (apiPerReplica - costPerReplica <= 1e-9 * apiPerReplica)
        {
            walked = true;
            return Reference(maxTokensOfHorizon);
        }

        // The search range, as ByVolume sets it.
        double top;
        (firstStair, top, _, maxTokens, kink) = BreakEvenCalculator.SearchRange(selfFixed, costPerReplica, perReplica, minReplicas, redundancy, apiFixed, apiPerMillion, commitment, maxTokensOfHorizon, BreakEvenCalculator.MaxSegments);

        // The last stair walked: stair n is walked while its start, (n − 1) × perReplica, is below maxTokens.
        var last = (long)Math.Max(firstStair, Math.Ceiling(maxTokens / perReplica));
        while (Start(last + 1) < maxTokens)
        {
            last++;
        }

        while (last > firstStair && !(Start(last) < maxTokens))
        {
            last--;
        }

        // The first stair starting at or above the kink: from there on the start values fall.
        long falling = firstStair;
        if (!double.IsNaN(kink))
        {
            // The kink may lie far beyond the last stair (a commitment of 10³⁰⁰ tokens' worth): any stair index past the
            // search range gives the same answer, so one of 2⁶⁰ stands for it rather than overflow a long.
            var kinkStair = Math.Floor(kink / perReplica);
            falling = Math.Max(firstStair + 1, kinkStair < (double)(1L << 60) ? (long)kinkStair : 1L << 60);
            while (falling > firstStair + 1 && Start(falling - 1) >= kink)
            {
                falling--;
            }

            while (falling <= last && Start(falling) < kink)
            {
                falling++;
            }
        }

        long found = -1;
        if (falling <= last && Highest(falling) > 0)
        {
            // Above the kink the start value is about top − n × (apiPerReplica − costPerReplica): start from where that
            // reaches 0 and step to the last stair whose exact start value is positive (a bisection if the guess is far).
            var guess = (long)Math.Clamp(Math.Ceiling(top / (apiPerReplica - costPerReplica)) - 1, falling, last);
            long lo, hi;
            if (Highest(guess) > 0)
            {
                lo = guess;
                hi = guess + 1 <= last && Highest(guess + 1) > 0 ? last : guess;
            }
            else
            {
                hi = guess - 1;
                lo = guess - 1 >= falling && Highest(guess - 1) > 0 ? guess - 1 : falling;
            }

            while (lo < hi)
            {
                var mid = lo + ((hi - lo + 1) / 2);
                if (Highest(mid) > 0)
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
        else if (falling - 1 >= firstStair && falling - 1 <= last && Highest(falling - 1) > 0)
        {
            // Below the kink the start values rise stair by stair, so the stair just below it holds the highest.
            found = falling - 1;
        }

        if (found < 0)
        {
            // No stair starts above the API: no crossing at all, and ByVolume reports 0 (cheaper at any volume).
            walked = Highest(firstStair) > 0 || (falling - 1 > firstStair && Highest(falling - 2) > 0);
            return walked ? Reference(maxTokensOfHorizon) : 0;
        }

        var crossed = LastCrossing(found, out var crossing, out var cheaperAbove);
        walked = !crossed || (found + 1 <= last && Highest(found + 1) > 0);
        return walked ? Reference(maxTokensOfHorizon) : cheaperAbove ? crossing : null;
    }

    /// <summary>The self-hosted steady state's monthly cost (<see cref="SteadyStateCost.MonthlyCostAt"/>).</summary>
    private double SelfCostAt(double tokensPerMonth) => SteadyStateCost.SelfHostedCostAt(tokensPerMonth, selfFixed, costPerReplica, tokensPerReplica, minReplicas, redundancy);

    /// <summary>The API steady state's monthly cost (<see cref="SteadyStateCost.MonthlyCostAt"/>).</summary>
    private double ApiCostAt(double tokensPerMonth) => SteadyStateCost.ApiCostAt(tokensPerMonth, apiFixed, apiPerMillion, commitment);

    /// <summary>ByVolume's F on the stair being solved.</summary>
    private double Difference(double v) => stairCost - ApiCostAt(v);

    /// <summary>Where stair <paramref name="n"/> starts: 0 for the first, else where the one before ended.</summary>
    private double Start(long n) => n == firstStair ? 0.0 : End(n - 1);

    private double End(long n) => Math.Min(n * perReplica, maxTokens);

    private double Cost(long n)
    {
        var end = End(n);
        return SelfCostAt(n == firstStair ? Math.Min(end, perReplica * firstStair) : end);
    }

    /// <summary>The highest value of F = self − API at the start of one of the stair's segments.</summary>
    private double Highest(long n)
    {
        var cost = Cost(n);
        var start = Start(n);
        var value = cost - ApiCostAt(start);
        var end = End(n);
        if (!double.IsNaN(kink) && kink > start && kink < end)
        {
            value = Math.Max(value, cost - ApiCostAt(kink));
        }

        return value;
    }

    /// <summary>The last crossing ByVolume records on stair <paramref name="n"/>; false when it records none there.</summary>
    private bool LastCrossing(long n, out double tokens, out bool cheaperAbove)
    {
        (tokens, cheaperAbove) = (0, false);
        var found = false;
        var previousEnd = double.NaN;
        if (n > firstStair)
        {
            previousEnd = Cost(n - 1) - ApiCostAt(End(n - 1));
        }

        stairCost = Cost(n);
        var start = Start(n);
        var end = End(n);
        var split = !double.IsNaN(kink) && kink > start && kink < end;
        for (var i = 0; i < (split ? 2 : 1); i++)
        {
            var a = split && i == 1 ? kink : start;
            var b = split && i == 0 ? kink : end;
            var fa = Difference(a);
            var fb = Difference(b);
            if (!double.IsNaN(previousEnd) && previousEnd <= 0 && fa > 0)
            {
                (tokens, cheaperAbove, found) = (a, false, true);
            }

            if (fa > 0 && fb <= 0)
            {
                (tokens, cheaperAbove, found) = (BreakEvenCalculator.Root(difference, a, b, fa), true, true);
            }

            previousEnd = fb;
        }

        return found;
    }

    private double? Reference(double maxTokensOfHorizon) =>
        BreakEvenCalculator.ByVolume(
            new SteadyStateCost(OptionKind.SelfHosted, selfFixed, 0, 0, costPerReplica, tokensPerReplica, minReplicas, redundancy, default),
            new SteadyStateCost(OptionKind.Api, apiFixed, apiPerMillion, commitment, 0, 0, 0, 0, default),
            maxTokensOfHorizon).SelfHostedCheaperAboveTokensPerMonth;
}
