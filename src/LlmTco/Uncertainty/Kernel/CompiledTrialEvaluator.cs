using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Uncertainty.Kernel;

/// <summary>
/// The compiled numeric kernel. Built once per run: every catalog lookup (API price rows per profile and month, rental
/// prices per month, benchmark rows, memory fit) is done here, against the baseline scenario. Per trial it recomputes
/// only the arithmetic that depends on the uncertain inputs, into buffers the worker reuses, in exactly the order of
/// operations of <see cref="TcoEngine"/> (<c>WorkloadVolumes</c>, <c>ApiCostModel</c>, <c>SelfHostedCostModel</c>,
/// <c>TcoEngine.Months</c>, <c>BreakEvenCalculator</c>), so that each trial's numbers are the engine's to the last bit.
/// </summary>
/// <remarks>
/// A trial whose drawn values the kernel does not handle — a value the scenario validator would reject, a month needing
/// more replicas than the engine sizes, a table lookup the baseline did not need — is handed to the full engine, which
/// gives the same answer or the same error.
/// </remarks>
internal sealed partial class CompiledTrialEvaluator : ITrialEvaluator
{

    private const int MaxReplicas = 1_000_000;
    private const double Hours = CapacityMath.HoursPerMonth;

    private readonly EngineTrialEvaluator engine;
    private readonly TrialLayout layout;
    private readonly int months;
    private readonly double[] baseline;
    private readonly KernelParameters parameters;
    private readonly int[][] inputSlots;
    private readonly int[] uncertainSlots;
    private readonly int discountSlot;
    private readonly bool discountDirty;
    private readonly double[] baseFactors;
    private readonly int ratioSlot;
    private readonly Profile[] profiles;
    private readonly bool volumesDirty;
    private readonly Volumes baseVolumes;
    private readonly ApiModel[] apis;
    private readonly SelfModel[] selves;
    private readonly int[] apiOption;
    private readonly int[] selfOption;

    private CompiledTrialEvaluator(PricingCatalog catalog, Scenario scenario, TrialLayout layout, ScenarioResult result, EngineTrialEvaluator engine)
    {
        this.engine = engine;
        this.layout = layout;
        months = scenario.HorizonMonths;
        parameters = new KernelParameters();
        var prm = parameters;

        discountSlot = prm.Add("yearlyDiscountRate", scenario.YearlyDiscountRate, ParameterRule.Share);
        ratioSlot = prm.Add("workload.peakToAverageRatio", scenario.Workload.PeakToAverageRatio, ParameterRule.AtLeastOne);
        profiles = scenario.Workload.Profiles.Select((p, i) => new Profile(p, i, prm, months)).ToArray();

        apis = scenario.ApiOptions.Select((o, i) => new ApiModel(catalog, scenario, o, i, prm, result.Option(o.Name))).ToArray();
        selves = scenario.SelfHostedOptions.Select((o, i) => new SelfModel(catalog, scenario, o, i, prm, result.Option(o.Name))).ToArray();
        apiOption = scenario.ApiOptions.Select(o => Array.IndexOf(layout.OptionNames, o.Name)).ToArray();
        selfOption = scenario.SelfHostedOptions.Select(o => Array.IndexOf(layout.OptionNames, o.Name)).ToArray();

        baseline = prm.Baseline;
        baseFactors = new double[months];
        DiscountFactors(scenario.YearlyDiscountRate, baseFactors);
        baseVolumes = new Volumes(profiles.Length, months);
        ComputeVolumes(baseline, baseVolumes, null);
        foreach (var self in selves)
        {
            (_, self.BaseShapeInput, self.BaseShapeOutput) = Shape(self.Lead, baseVolumes);
        }
        inputSlots = [];
        uncertainSlots = [];
    }

    private CompiledTrialEvaluator(CompiledTrialEvaluator shape, int[][] inputSlots)
    {
        engine = shape.engine;
        layout = shape.layout;
        months = shape.months;
        parameters = shape.parameters;
        baseline = shape.baseline;
        discountSlot = shape.discountSlot;
        baseFactors = shape.baseFactors;
        ratioSlot = shape.ratioSlot;
        profiles = shape.profiles;
        baseVolumes = shape.baseVolumes;
        apis = shape.apis;
        selves = shape.selves;
        apiOption = shape.apiOption;
        selfOption = shape.selfOption;
        this.inputSlots = inputSlots;
        uncertainSlots = inputSlots.SelectMany(s => s).Distinct().Order().ToArray();
        var dirty = uncertainSlots.ToHashSet();
        discountDirty = dirty.Contains(discountSlot);
        foreach (var p in profiles)
        {
            p.MarkDirty(dirty);
        }

        volumesDirty = profiles.Any(p => p.VolumesDirty);
        foreach (var a in apis)
        {
            a.MarkDirty(dirty);
        }
    }

    /// <summary>
    /// Builds the kernel for a scenario and its uncertain inputs, or returns <see langword="null"/> (with the reason)
    /// when an input is not one the kernel recomputes.
    /// </summary>
    public static CompiledTrialEvaluator? TryCreate(PricingCatalog catalog, Scenario baseline, ScenarioResult result, IReadOnlyList<ScenarioPath> paths, TrialLayout layout, EngineTrialEvaluator engine, out string? reason)
    {
        var shape = new CompiledTrialEvaluator(catalog, baseline, layout, result, engine);
        var slots = new int[paths.Count][];
        for (var i = 0; i < paths.Count; i++)
        {
            var targets = paths[i].Targets;
            slots[i] = new int[targets.Count];
            for (var t = 0; t < targets.Count; t++)
            {
                if (!shape.parameters.TryGetSlot(targets[t], out slots[i][t]))
                {
                    reason = $"'{targets[t]}' is not among the inputs it recomputes (the workload's volumes, shares and growth, API price declines, fees, commitments and batch discounts, and self-hosted utilisation, replicas, throughput, prices, power, storage and people)";
                    return null;
                }
            }
        }

        reason = null;
        return new CompiledTrialEvaluator(shape, slots);
    }

    public object CreateWorkspace() => new Workspace(this);

    public void Evaluate(ReadOnlySpan<double> values, object workspace, TrialRecord record)
    {
        var ws = (Workspace)workspace;
        var p = ws.Parameters;
        baseline.CopyTo(p, 0);
        for (var i = 0; i < inputSlots.Length; i++)
        {
            foreach (var slot in inputSlots[i])
            {
                p[slot] = values[i];
            }
        }

        if (!TryEvaluate(p, ws, record))
        {
            ws.TrialsHandedToEngine++;
            engine.Evaluate(values, ws.EngineWorkspace, record);
        }
    }

    /// <summary>WorkloadVolumes, month by month, with the trial's parameters; false when the validator would reject the volumes.</summary>
    private bool ComputeVolumes(double[] p, Volumes v, Workspace? ws)
    {
        var totalInput = v.TotalInput;
        var totalOutput = v.TotalOutput;
        Array.Clear(totalInput);
        Array.Clear(totalOutput);
        for (var i = 0; i < profiles.Length; i++)
        {
            var profile = profiles[i];
            var first = p[profile.RequestsSlot];
            var readShare = p[profile.ReadSlot];
            var writeShare = p[profile.WriteSlot];
            var inTokens = profile.InputTokens;
            var outTokens = profile.OutputTokens;
            double[]? growth = null;
            if (profile.Kind == GrowthKind.Compound)
            {
                growth = profile.RateDirty ? ws!.Growth[i] : profile.BaseGrowth;
                if (profile.RateDirty)
                {
                    ReuseOrComputeGrowth(p, i, ws!);
                }
            }

            var increment = p[profile.IncrementSlot];
            var requestsRow = v.Requests[i];
            var uncachedRow = v.Uncached[i];
            var readRow = v.CacheRead[i];
            var writeRow = v.CacheWrite[i];
            var outputRow = v.Output[i];
            var series = profile.Series;
            var kind = profile.Kind;
            for (var m = 0; m < months; m++)
            {
                var requests = kind == GrowthKind.Compound ? first * growth![m]
                    : kind == GrowthKind.Linear ? Math.Max(0, first + (m * increment))
                    : kind == GrowthKind.Series ? series![m]
                    : first;
                if (!(requests * (inTokens + outTokens) <= ScenarioValidator.MaxTokensPerMonth))
                {
                    return false;
                }

                var input = requests * inTokens;
                var read = input * readShare;
                var write = input * writeShare;
                var output = requests * outTokens;
                requestsRow[m] = requests;
                readRow[m] = read;
                writeRow[m] = write;
                uncachedRow[m] = input - read - write;
                outputRow[m] = output;
                totalInput[m] += input;
                totalOutput[m] += output;
            }
        }

        return true;
    }

    /// <summary>Math.Pow(1 + rate, m) for each month, computed once per distinct rate in the trial (profiles often share one).</summary>
    private void ReuseOrComputeGrowth(double[] p, int i, Workspace ws)
    {
        var rate = p[profiles[i].RateSlot];
        for (var j = 0; j < i; j++)
        {
            if (profiles[j].Kind == GrowthKind.Compound && profiles[j].RateDirty && p[profiles[j].RateSlot].Equals(rate))
            {
                Array.Copy(ws.Growth[j], ws.Growth[i], months);
                return;
            }
        }

        var row = ws.Growth[i];
        for (var m = 0; m < months; m++)
        {
            row[m] = Math.Pow(1 + rate, m);
        }
    }

    private static void DiscountFactors(double rate, double[] factors)
    {
        for (var m = 0; m < factors.Length; m++)
        {
            factors[m] = Math.Pow(1 + rate, -(m + 1) / 12.0);
        }
    }

    private bool TryEvaluate(double[] p, Workspace ws, TrialRecord record)
    {
        foreach (var slot in uncertainSlots)
        {
            if (!parameters.Accepts(slot, p[slot]))
            {
                return false;
            }
        }

        foreach (var profile in profiles)
        {
            if (p[profile.ReadSlot] + p[profile.WriteSlot] > 1 + 1e-12)
            {
                return false;
            }
        }

        var factors = baseFactors;
        if (discountDirty)
        {
            DiscountFactors(p[discountSlot], ws.Factors);
            factors = ws.Factors;
        }

        var volumes = baseVolumes;
        if (volumesDirty)
        {
            if (!ComputeVolumes(p, ws.Volumes, ws))
            {
                return false;
            }

            volumes = ws.Volumes;
        }

        var maxTokens = double.NegativeInfinity;
        for (var m = 0; m < months; m++)
        {
            maxTokens = Math.Max(maxTokens, volumes.TotalInput[m] + volumes.TotalOutput[m]);
        }

        for (var a = 0; a < apis.Length; a++)
        {
            EvaluateApi(a, p, ws, volumes, factors);
        }

        for (var s = 0; s < selves.Length; s++)
        {
            if (!EvaluateSelf(s, p, ws, volumes, factors))
            {
                return false;
            }
        }

        var last = months - 1;
        var tokens = volumes.TotalInput[last] + volumes.TotalOutput[last];
        for (var o = 0; o < layout.OptionNames.Length; o++)
        {
            record.Npv[o] = ws.Discounted[o][last];
            record.CostPerMillionTokensAtHorizon[o] = tokens > 0 ? ws.Totals[o][last] / (tokens / 1e6) : double.NaN;
        }

        for (var pair = 0; pair < layout.Pairs.Length; pair++)
        {
            var (self, api) = layout.Pairs[pair];
            var selfCumulative = ws.Cumulative[self];
            var apiCumulative = ws.Cumulative[api];
            record.BreakEvenMonth[pair] = BreakEvenTime(selfCumulative, apiCumulative);
            var offset = pair * months;
            for (var m = 0; m < months; m++)
            {
                record.CumulativeDifference[offset + m] = selfCumulative[m] - apiCumulative[m];
            }

            var s = Array.IndexOf(selfOption, self);
            var a = Array.IndexOf(apiOption, api);
            record.BreakEvenVolume[pair] = VolumeBreakEven(ws, pair, s, a, volumes, maxTokens);
        }

        return true;
    }

    /// <summary>BreakEvenCalculator.ByMonth, as months from the start: 0 when cheaper from the start, +∞ when never.</summary>
    private static double BreakEvenTime(double[] self, double[] api)
    {
        var lastDearer = -1;
        for (var m = 0; m < self.Length; m++)
        {
            if (self[m] > api[m])
            {
                lastDearer = m;
            }
        }

        if (lastDearer < 0)
        {
            return 0;
        }

        if (lastDearer == self.Length - 1)
        {
            return double.PositiveInfinity;
        }

        var d0 = self[lastDearer] - api[lastDearer];
        var d1 = self[lastDearer + 1] - api[lastDearer + 1];
        var fraction = d0 / (d0 - d1);
        return lastDearer + 1 + fraction;
    }

    /// <summary>
    /// ApiCostModel.Bill and FineTuningFee for every month, then the totals as TcoEngine.Months sums them. The usage is
    /// accumulated profile by profile into each month, which adds the same terms in the same order as the engine's
    /// month-by-month loop over the profiles.
    /// </summary>
    private void EvaluateApi(int a, double[] p, Workspace ws, Volumes v, double[] factors)
    {
        var api = apis[a];
        var o = apiOption[a];
        var fee = p[api.FeeSlot];
        var commitment = p[api.CommitmentSlot];
        var decline = p[api.DeclineSlot];
        var declineFactors = ws.DeclineFactors[a];
        var prices = api.BasePrices;
        if (api.DeclineDirty)
        {
            prices = api.Rows;
            api.Factors(decline, declineFactors);
        }

        var usageRow = ws.Usage[a];
        Array.Clear(usageRow);
        for (var i = 0; i < profiles.Length; i++)
        {
            var uncached = v.Uncached[i];
            var cacheRead = v.CacheRead[i];
            var cacheWrite = v.CacheWrite[i];
            var output = v.Output[i];
            var requests = v.Requests[i];
            var input = prices.Input[i];
            var readPrice = prices.CacheRead[i];
            var writePrice = prices.CacheWrite[i];
            var outputPrice = prices.Output[i];
            var requestPrice = prices.PerRequest[i];
            var discount = prices.BatchDiscount[i];
            if (api.BatchDirty)
            {
                Array.Fill(ws.BatchDiscounts, p[api.BatchDiscountSlot]);
                discount = ws.BatchDiscounts;
            }
            else if (api.DeclineDirty)
            {
                discount = api.BasePrices.BatchDiscount[i];
            }

            var years = api.YearsIndex[i];
            var declining = api.DeclineDirty && decline > 0;
            var share = p[profiles[i].BatchSlot];
            var n = Math.Min(months, usageRow.Length);
            for (var m = 0; m < n; m++)
            {
                // The price × the decline factor first, then × the volume, as ApiCostModel stores and uses its prices.
                var f = declining && years[m] >= 0 ? declineFactors[years[m]] : 1.0;
                var tokens = (uncached[m] * (input[m] * f)) + (cacheRead[m] * (readPrice[m] * f)) + (cacheWrite[m] * (writePrice[m] * f)) + (output[m] * (outputPrice[m] * f));
                var batch = 1 - (share * discount[m]);
                usageRow[m] += (tokens / 1e6 * batch) + (requests[m] * (requestPrice[m] * f));
            }
        }

        var shortfallRow = ws.Shortfall[a];
        var fineTuning = api.FineTuningFee;
        var totals = ws.Totals[o];
        var cumulativeRow = ws.Cumulative[o];
        var discountedRow = ws.Discounted[o];
        double cumulative = 0, discounted = 0;
        for (var m = 0; m < months; m++)
        {
            var usage = usageRow[m];
            var shortfall = Math.Max(0, commitment - usage);
            shortfallRow[m] = shortfall;
            var total = 0.0;
            total += usage;
            total += shortfall;
            total += fee;
            total += fineTuning[m];
            totals[m] = total;
            cumulative += total;
            discounted += total * factors[m];
            cumulativeRow[m] = cumulative;
            discountedRow[m] = discounted;
        }
    }

    /// <summary>
    /// The volume break-even of one pair through BreakEvenCalculator.ByVolume itself, remembered per worker while the
    /// steady states stay the same to the last bit (they do when only one-off or month-by-month inputs change).
    /// </summary>
    private double VolumeBreakEven(Workspace ws, int pair, int s, int a, Volumes v, double maxTokens)
    {
        var self = selves[s];
        var api = apis[a];
        var reference = self.Lead;
        var tokens = v.TotalInput[reference] + v.TotalOutput[reference];
        var perMillion = tokens > 0 ? ws.Usage[a][reference] / (tokens / 1e6) : 0;
        var perReplica = ws.ReplicasPerUnitScale[s] > 0 ? tokens / ws.ReplicasPerUnitScale[s] : 0;
        var key = ws.VolumeKeys[pair];
        var p = ws.Parameters;
        Span<double> now = [ws.SteadyFixedCost[s], ws.SteadyCostPerReplica[s], perReplica, ws.MinReplicas[s], ws.Redundancy[s], perMillion, p[api.FeeSlot], p[api.CommitmentSlot], maxTokens];
        if (ws.VolumeKnown[pair] && now.SequenceEqual(key))
        {
            return ws.VolumeAnswers[pair];
        }

        var selfSteady = new SteadyStateCost(OptionKind.SelfHosted, now[0], 0, 0, now[1], now[2], (int)now[3], (int)now[4], default);
        var apiSteady = new SteadyStateCost(OptionKind.Api, now[6], perMillion, now[7], 0, 0, 0, 0, default);
        var answer = VolumeSolver.CheaperAbove(selfSteady, apiSteady, maxTokens) ?? double.PositiveInfinity;
        now.CopyTo(key);
        ws.VolumeKnown[pair] = true;
        ws.VolumeAnswers[pair] = answer;
        return answer;
    }

    /// <summary>Month-by-month token volumes, as WorkloadVolumes holds them.</summary>
    internal sealed class Volumes
    {
        public Volumes(int profiles, int months)
        {
            Requests = Rows(profiles, months);
            Uncached = Rows(profiles, months);
            CacheRead = Rows(profiles, months);
            CacheWrite = Rows(profiles, months);
            Output = Rows(profiles, months);
            TotalInput = new double[months];
            TotalOutput = new double[months];
        }

        public double[][] Requests { get; }

        public double[][] Uncached { get; }

        public double[][] CacheRead { get; }

        public double[][] CacheWrite { get; }

        public double[][] Output { get; }

        public double[] TotalInput { get; }

        public double[] TotalOutput { get; }
    }

    /// <summary>One traffic profile: its constants and the slots of its numeric inputs.</summary>
    private sealed class Profile
    {
        public Profile(TrafficProfile profile, int index, KernelParameters prm, int months)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"workload.profiles[{index}]");
            var growth = profile.Growth ?? GrowthRule.None;
            Kind = growth.Kind;
            InputTokens = profile.InputTokensPerRequest;
            OutputTokens = profile.OutputTokensPerRequest;
            RequestsSlot = prm.Add(at + ".monthlyRequests", profile.MonthlyRequests, ParameterRule.NonNegative);
            ReadSlot = prm.Add(at + ".cacheReadShare", profile.CacheReadShare, ParameterRule.Share);
            WriteSlot = prm.Add(at + ".cacheWriteShare", profile.CacheWriteShare, ParameterRule.Share);
            BatchSlot = prm.Add(at + ".batchShare", profile.BatchShare, ParameterRule.Share);
            RateSlot = prm.Add(at + ".growth.monthlyRate", growth.MonthlyRate, ParameterRule.GrowthRate);
            IncrementSlot = prm.Add(at + ".growth.requestsAddedPerMonth", growth.RequestsAddedPerMonth, ParameterRule.Finite);
            Series = growth.RequestsPerMonth?.ToArray();
            BaseGrowth = new double[months];
            for (var m = 0; m < months; m++)
            {
                BaseGrowth[m] = Math.Pow(1 + growth.MonthlyRate, m);
            }
        }

        public GrowthKind Kind { get; }

        public double InputTokens { get; }

        public double OutputTokens { get; }

        public int RequestsSlot { get; }

        public int ReadSlot { get; }

        public int WriteSlot { get; }

        public int BatchSlot { get; }

        public int RateSlot { get; }

        public int IncrementSlot { get; }

        public double[]? Series { get; }

        public double[] BaseGrowth { get; }

        public bool RateDirty { get; private set; }

        public bool VolumesDirty { get; private set; }

        public void MarkDirty(HashSet<int> dirty)
        {
            RateDirty = dirty.Contains(RateSlot);
            VolumesDirty = RateDirty || dirty.Contains(RequestsSlot) || dirty.Contains(ReadSlot) || dirty.Contains(WriteSlot) || dirty.Contains(IncrementSlot);
        }
    }

    private static double[][] Rows(int rows, int columns)
    {
        var result = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            result[i] = new double[columns];
        }

        return result;
    }
}
