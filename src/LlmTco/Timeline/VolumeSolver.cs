namespace LlmTco.Timeline;

/// <summary>
/// The break-even volume search behind <see cref="BreakEvenCalculator.ByVolume(SteadyStateCost, SteadyStateCost, double)"/>:
/// every crossing of the self-hosted staircase and the API's cost, without evaluating every stair.
/// </summary>
/// <remarks>
/// <para>Stair n runs from where stair n − 1 ended (0 for the first) to min(n × tokens per replica, the largest volume
/// searched) and costs what the self-hosted option costs at its end; on it the difference F = self − API falls as the API
/// gains (split at the API's commitment kink when the kink falls inside). A crossing is recorded where F falls through 0
/// inside a piece (self-hosting becomes cheaper, the root by MathNet.Numerics) or jumps above 0 at a piece's start
/// (the API is cheaper again). What a stair records depends only on its own index, so a stair is evaluated alone.</para>
/// <para>The stairs are searched by halving their index range, and a range is skipped without evaluating its stairs when
/// no stair in it can record a crossing: every piece needs F &gt; 0 at its start and F ≤ 0 at its end or at the end of
/// the piece before. Between the first stair, the stair holding the kink and the last stair, F at stair starts and at
/// stair ends is affine in the stair index (replicas grow by one a stair, the API linearly or not at all), so its largest
/// and smallest values over a range are at the range's ends, up to rounding: the bound allows 10⁻¹² of the largest cost in
/// the range, hundreds of times the rounding of the few operations involved. Ranges away from the crossings are
/// skipped at once, so the stairs evaluated are about 2 × log₂(stairs searched) plus the stairs that hold crossings
/// (about a replica's tokens at API prices ÷ |its API price − its cost| of them), instead of every stair up to the
/// 2,000,000-stair limit.</para>
/// <para>The stairs that are evaluated use the arithmetic of the stair-by-stair walk (the same start, end, costs and root
/// finder), so the crossings are the walk's to the last bit. One instance per worker thread: it keeps the stair being
/// solved in fields, and asked for the last crossing only it allocates nothing.</para>
/// </remarks>
internal sealed class VolumeSolver
{
    /// <summary>The widest index range whose stairs are evaluated one by one rather than split.</summary>
    private const long LeafStairs = 4;

    /// <summary>The rounding the range bound allows, relative to the largest cost in the range.</summary>
    private const double RoundingAllowance = 1e-12;

    private readonly Func<double, double> difference;
    private double selfFixed;
    private double costPerReplica;
    private double tokensPerReplica;
    private int minReplicas;
    private int redundancy;
    private double apiFixed;
    private double apiPerMillion;
    private double commitment;
    private long firstStair;
    private long lastStair;
    private double maxTokens;
    private double kink;
    private double stairCost;
    private List<VolumeCrossing>? all;
    private bool lastFound;
    private double lastTokens;

    public VolumeSolver()
    {
        difference = Difference;
    }

    /// <summary>Gets the stairs evaluated by the last search (each stair's costs, its pieces and any root).</summary>
    public long StairsEvaluated { get; private set; }

    /// <summary>As <see cref="Solve"/>, for two steady states.</summary>
    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) => CheaperAbove(self, api, maxTokensOfHorizon, out _);

    /// <summary>As <see cref="CheaperAbove(SteadyStateCost, SteadyStateCost, double)"/>; <paramref name="stairsEvaluated"/> tells how many stairs the search evaluated.</summary>
    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, out long stairsEvaluated)
    {
        var solver = new VolumeSolver();
        var answer = solver.Solve(self.FixedMonthlyCost, self.CostPerReplica, self.TokensPerMonthPerReplica, self.MinReplicas, self.RedundancyReplicas, api.FixedMonthlyCost, api.CostPerMillionTokens, api.MonthlyCommitment, maxTokensOfHorizon);
        stairsEvaluated = solver.StairsEvaluated;
        return answer;
    }

    /// <summary>
    /// Every crossing up to the largest volume searched (at most <paramref name="maxSegments"/> stairs), and the volume
    /// above which self-hosting stays cheaper: see <see cref="BreakEvenCalculator.ByVolume(SteadyStateCost, SteadyStateCost, double)"/>.
    /// </summary>
    public VolumeBreakEven Crossings(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments)
    {
        var crossings = new List<VolumeCrossing>();
        all = crossings;
        try
        {
            var (known, above) = Search(self.FixedMonthlyCost, self.CostPerReplica, self.TokensPerMonthPerReplica, self.MinReplicas, self.RedundancyReplicas, api.FixedMonthlyCost, api.CostPerMillionTokens, api.MonthlyCommitment, maxTokensOfHorizon, maxSegments);
            return known ? new VolumeBreakEven(crossings, above, maxTokens, self.PriceDate) : new VolumeBreakEven([], null, 0, self.PriceDate);
        }
        finally
        {
            all = null;
        }
    }

    /// <summary>
    /// The volume above which self-hosting stays cheaper at steady state for the steady states given by their fields (see
    /// <see cref="SteadyStateCost"/>): <see cref="VolumeBreakEven.SelfHostedCheaperAboveTokensPerMonth"/> of
    /// <see cref="Crossings"/>, found from the last crossing alone.
    /// </summary>
    public double? Solve(double selfFixedCost, double replicaCost, double tokensPerMonthPerReplica, int fewestReplicas, int spareReplicas, double apiFixedCost, double apiCostPerMillionTokens, double apiCommitment, double maxTokensOfHorizon) =>
        Search(selfFixedCost, replicaCost, tokensPerMonthPerReplica, fewestReplicas, spareReplicas, apiFixedCost, apiCostPerMillionTokens, apiCommitment, maxTokensOfHorizon, BreakEvenCalculator.MaxSegments).Above;

    private (bool Known, double? Above) Search(double selfFixedCost, double replicaCost, double tokensPerMonthPerReplica, int fewestReplicas, int spareReplicas, double apiFixedCost, double apiCostPerMillionTokens, double apiCommitment, double maxTokensOfHorizon, int maxSegments)
    {
        (selfFixed, costPerReplica, tokensPerReplica, minReplicas, redundancy) = (selfFixedCost, replicaCost, tokensPerMonthPerReplica, fewestReplicas, spareReplicas);
        (apiFixed, apiPerMillion, commitment) = (apiFixedCost, apiCostPerMillionTokens, apiCommitment);
        (StairsEvaluated, lastFound, lastTokens) = (0, false, 0);
        if (tokensPerReplica <= 0 || apiPerMillion / 1e6 <= 0)
        {
            return (false, null);
        }

        int first;
        double? boundedAbove;
        (first, _, boundedAbove, maxTokens, kink) = BreakEvenCalculator.SearchRange(selfFixed, costPerReplica, tokensPerReplica, minReplicas, redundancy, apiFixed, apiPerMillion, commitment, maxTokensOfHorizon, maxSegments);
        firstStair = first;
        if (!(maxTokens > 0))
        {
            // The walk evaluates no stair below a volume of 0: no crossing, and nothing known to stay cheaper.
            return (true, null);
        }

        // The last stair: the first whose end reaches the largest volume searched (the walk stops once a stair starts there).
        lastStair = Math.Max(firstStair, (long)Math.Ceiling(maxTokens / tokensPerReplica));
        while (lastStair > firstStair && (lastStair - 1) * tokensPerReplica >= maxTokens)
        {
            lastStair--;
        }

        while (lastStair * tokensPerReplica < maxTokens)
        {
            lastStair++;
        }

        if (all is null)
        {
            LastFrom(firstStair, lastStair);
        }
        else
        {
            AllFrom(firstStair, lastStair);
        }

        // Self-hosting stays cheaper only if it is at or below the API where the search stops: when the step limit cuts
        // the search short while the API is still cheaper, no volume is known above which self-hosting stays cheaper.
        // At or below there, the last crossing (if any) is where self-hosting became cheaper.
        double? above = null;
        if (boundedAbove is not null && EndValue(lastStair) <= 0)
        {
            above = lastFound ? lastTokens : 0;
        }

        return (true, above);
    }

    /// <summary>Records every crossing on stairs <paramref name="lo"/> to <paramref name="hi"/>, lowest first.</summary>
    private void AllFrom(long lo, long hi)
    {
        if (hi - lo < LeafStairs)
        {
            for (var n = lo; n <= hi; n++)
            {
                Stair(n);
            }

            return;
        }

        if (Quiet(lo, hi))
        {
            return;
        }

        var mid = lo + ((hi - lo) / 2);
        AllFrom(lo, mid);
        AllFrom(mid + 1, hi);
    }

    /// <summary>Finds the highest stair from <paramref name="lo"/> to <paramref name="hi"/> with a crossing and keeps its last one; true when found.</summary>
    private bool LastFrom(long lo, long hi)
    {
        if (hi - lo < LeafStairs)
        {
            for (var n = hi; n >= lo; n--)
            {
                if (Stair(n))
                {
                    return true;
                }
            }

            return false;
        }

        if (Quiet(lo, hi))
        {
            return false;
        }

        var mid = lo + ((hi - lo) / 2);
        return LastFrom(mid + 1, hi) || LastFrom(lo, mid);
    }

    /// <summary>
    /// True when no stair from <paramref name="lo"/> to <paramref name="hi"/> can record a crossing: on stairs where F is
    /// affine in the index, either F is at most 0 at every stair start or above 0 at every stair end (and at the end of the
    /// stair before), with the rounding allowance.
    /// </summary>
    private bool Quiet(long lo, long hi)
    {
        // Affine ranges: past the first stair (which starts at 0, not a stair's width below its end), before the last
        // (whose end is cut at the largest volume), and wholly on one side of the kink, the end of the stair before included.
        var afterFirst = lo > firstStair;
        if (hi >= lastStair || !(double.IsNaN(kink) ? afterFirst : (afterFirst && Start(lo) >= kink) || End(hi) <= kink))
        {
            return false;
        }

        var allowance = RoundingAllowance * (Math.Abs(selfFixed) + (Math.Abs(costPerReplica) * (hi + redundancy)) + Math.Abs(apiFixed) + Math.Abs(commitment) + (End(hi) / 1e6 * Math.Abs(apiPerMillion)));
        if (Math.Max(StartValue(lo), StartValue(hi)) + allowance <= 0)
        {
            return true;
        }

        return Math.Min(afterFirst ? EndValue(lo - 1) : EndValue(lo), EndValue(hi)) - allowance > 0;
    }

    /// <summary>Evaluates stair <paramref name="n"/> as the walk does and records its crossings; true when it has any.</summary>
    private bool Stair(long n)
    {
        StairsEvaluated++;
        var previousEnd = n > firstStair ? EndValue(n - 1) : double.NaN;
        stairCost = Cost(n);
        var start = Start(n);
        var end = End(n);
        var found = false;
        if (!double.IsNaN(kink) && kink > start && kink < end)
        {
            found = Piece(start, kink, ref previousEnd);
            found |= Piece(kink, end, ref previousEnd);
        }
        else
        {
            found = Piece(start, end, ref previousEnd);
        }

        return found;
    }

    /// <summary>
    /// One linear piece [<paramref name="a"/>, <paramref name="b"/>] of the stair being solved: records where the API becomes
    /// cheaper again at its start and where self-hosting becomes cheaper inside it (the root found by MathNet.Numerics).
    /// </summary>
    private bool Piece(double a, double b, ref double previousEnd)
    {
        var fa = Difference(a);
        var fb = Difference(b);
        var found = false;
        if (!double.IsNaN(previousEnd) && previousEnd <= 0 && fa > 0)
        {
            Record(a, cheaperAbove: false);
            found = true;
        }

        if (fa > 0 && fb <= 0)
        {
            Record(BreakEvenCalculator.Root(difference, a, b, fa), cheaperAbove: true);
            found = true;
        }

        previousEnd = fb;
        return found;
    }

    private void Record(double tokens, bool cheaperAbove)
    {
        all?.Add(new VolumeCrossing(tokens, cheaperAbove));
        (lastFound, lastTokens) = (true, tokens);
    }

    /// <summary>F on the stair being solved.</summary>
    private double Difference(double v) => stairCost - ApiCostAt(v);

    /// <summary>F at the start of stair <paramref name="n"/>.</summary>
    private double StartValue(long n) => Cost(n) - ApiCostAt(Start(n));

    /// <summary>F at the end of stair <paramref name="n"/>.</summary>
    private double EndValue(long n) => Cost(n) - ApiCostAt(End(n));

    /// <summary>The self-hosted steady state's monthly cost (<see cref="SteadyStateCost.MonthlyCostAt"/>).</summary>
    private double SelfCostAt(double tokensPerMonth) => SteadyStateCost.SelfHostedCostAt(tokensPerMonth, selfFixed, costPerReplica, tokensPerReplica, minReplicas, redundancy);

    /// <summary>The API steady state's monthly cost (<see cref="SteadyStateCost.MonthlyCostAt"/>).</summary>
    private double ApiCostAt(double tokensPerMonth) => SteadyStateCost.ApiCostAt(tokensPerMonth, apiFixed, apiPerMillion, commitment);

    /// <summary>Where stair <paramref name="n"/> starts: 0 for the first, else where the one before ended.</summary>
    private double Start(long n) => n == firstStair ? 0.0 : End(n - 1);

    private double End(long n) => Math.Min(n * tokensPerReplica, maxTokens);

    /// <summary>The stair's self-hosted cost: at its end (the first stair at no more than its replicas' tokens).</summary>
    private double Cost(long n)
    {
        var end = End(n);
        return SelfCostAt(n == firstStair ? Math.Min(end, tokensPerReplica * firstStair) : end);
    }
}
