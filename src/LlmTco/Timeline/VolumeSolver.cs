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
/// the piece before. On the middle stairs — after the first, before the last and wholly on one side of the API's
/// commitment kink — F at a stair's start and at its end is computed as a base plus a slope times the stair index
/// (replicas grow by one a stair, the API linearly or not at all), which is monotone in the index even in floating
/// point; so over a range of middle stairs its largest and smallest values are exactly at the range's ends, and a range is
/// skipped on those alone, without any allowance for rounding. Each of these monotone values changes sign at most once,
/// so the stairs evaluated are at most about 2 × 5 × log₂(stairs searched) plus the stairs that hold crossings, instead of
/// every stair up to the 2,000,000-stair limit — also where the self-hosted and API costs are level to rounding over
/// millions of stairs.</para>
/// <para>A stair is evaluated the same whether it is reached by the search or by a walk over every stair
/// (<see cref="SkipQuietRanges"/> false), so the two find the same crossings to the last bit. The root inside a piece is
/// MathNet's, on F evaluated from the two costs directly. One instance per worker thread: it keeps the stair being
/// solved in fields, and asked for the last crossing only it allocates nothing.</para>
/// </remarks>
internal sealed class VolumeSolver
{
    /// <summary>The widest index range whose stairs are evaluated one by one rather than split.</summary>
    private const long LeafStairs = 4;

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
    private double endBase;
    private double startBase;
    private double levelBase;
    private double slope;
    private double stairCost;
    private List<VolumeCrossing>? all;
    private bool lastFound;
    private double lastTokens;

    public VolumeSolver()
    {
        difference = Difference;
    }

    /// <summary>
    /// Gets a value indicating whether ranges of stairs that cannot hold a crossing are skipped (the default); false
    /// evaluates every stair, the walk the search is checked against.
    /// </summary>
    public bool SkipQuietRanges { get; init; } = true;

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

        // Self − API on a middle stair n (n + spares replicas, see Regular): fixed + (n + spares) × c − (API fixed + API),
        // written as a base plus a slope times n, so that each is monotone in n and a range's extremes are at its ends.
        // Past the kink the API at the stair's end is n × a and at its start (n − 1) × a, with a = a replica's tokens at
        // API prices; before it, the commitment at both ends.
        var apiPerReplica = apiPerMillion / 1e6 * tokensPerReplica;
        endBase = selfFixed + (redundancy * costPerReplica) - apiFixed;
        startBase = endBase + apiPerReplica;
        levelBase = endBase - commitment;
        slope = costPerReplica - apiPerReplica;
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
    /// True when no stair from <paramref name="lo"/> to <paramref name="hi"/> can record a crossing: all are middle stairs
    /// on one side of the kink, whose values are monotone in the index (see <see cref="Regular"/>), and either F is at
    /// most 0 at every stair start or above 0 at every stair end (and at the end of the stair before).
    /// </summary>
    private bool Quiet(long lo, long hi)
    {
        if (!SkipQuietRanges || lo <= firstStair || hi >= lastStair || !(double.IsNaN(kink) || Start(lo) >= kink || End(hi) <= kink))
        {
            return false;
        }

        if (Math.Max(StartValue(lo), StartValue(hi)) <= 0)
        {
            return true;
        }

        return Math.Min(EndValue(lo - 1), EndValue(hi)) > 0;
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
        if (Regular(n))
        {
            found = Piece(start, end, StartValue(n), EndValue(n), ref previousEnd);
        }
        else if (!double.IsNaN(kink) && kink > start && kink < end)
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
    private bool Piece(double a, double b, ref double previousEnd) => Piece(a, b, Difference(a), Difference(b), ref previousEnd);

    /// <summary>
    /// As <see cref="Piece(double, double, ref double)"/>, with F at the piece's ends given (<paramref name="fa"/>,
    /// <paramref name="fb"/>). The root is MathNet's on F as the walk evaluates it; where F evaluated directly does not
    /// change sign on the piece (the ends are level with the API to rounding), the end at which it is nearer 0.
    /// </summary>
    private bool Piece(double a, double b, double fa, double fb, ref double previousEnd)
    {
        var found = false;
        if (!double.IsNaN(previousEnd) && previousEnd <= 0 && fa > 0)
        {
            Record(a, cheaperAbove: false);
            found = true;
        }

        if (fa > 0 && fb <= 0)
        {
            Record(Root(a, b), cheaperAbove: true);
            found = true;
        }

        previousEnd = fb;
        return found;
    }

    /// <summary>Where F falls to 0 on the piece [<paramref name="a"/>, <paramref name="b"/>] of the stair being solved.</summary>
    private double Root(double a, double b)
    {
        var fa = Difference(a);
        var fb = Difference(b);
        if (fa > 0 && fb <= 0)
        {
            return BreakEvenCalculator.Root(difference, a, b, fa);
        }

        return fb > 0 ? b : a;
    }

    private void Record(double tokens, bool cheaperAbove)
    {
        all?.Add(new VolumeCrossing(tokens, cheaperAbove));
        (lastFound, lastTokens) = (true, tokens);
    }

    /// <summary>F on the stair being solved.</summary>
    private double Difference(double v) => stairCost - ApiCostAt(v);

    /// <summary>
    /// True for a middle stair: after the first (which starts at 0), before the last (whose end is cut at the largest
    /// volume searched) and wholly on one side of the kink. It runs n + spares replicas, so F at its start and end is
    /// the affine form in n set up in <see cref="Search"/>: the same value up to rounding as the costs subtracted, but
    /// monotone in n, which lets <see cref="Quiet"/> judge a range from its ends alone.
    /// </summary>
    private bool Regular(long n) => n > firstStair && n < lastStair && (double.IsNaN(kink) || Start(n) >= kink || End(n) <= kink);

    /// <summary>True when stair <paramref name="n"/> starts at or past the kink (or there is none): the API is linear on it.</summary>
    private bool PastKink(long n) => double.IsNaN(kink) || Start(n) >= kink;

    /// <summary>F at the start of stair <paramref name="n"/>.</summary>
    private double StartValue(long n) => !Regular(n) ? Cost(n) - ApiCostAt(Start(n))
        : PastKink(n) ? startBase + (slope * n) : levelBase + (costPerReplica * n);

    /// <summary>F at the end of stair <paramref name="n"/>.</summary>
    private double EndValue(long n) => !Regular(n) ? Cost(n) - ApiCostAt(End(n))
        : PastKink(n) ? endBase + (slope * n) : levelBase + (costPerReplica * n);

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
