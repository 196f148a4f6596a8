using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
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
/// <para>
/// The per-trial methods run in <see langword="unchecked"/> blocks although the project checks overflow everywhere else:
/// their integer arithmetic is month and option indices, bounded by the lengths of arrays sized when the kernel is built,
/// and the checks cost about a tenth of a trial. The one count that could overflow, GPUs = replicas × GPUs per replica,
/// stays <see langword="checked"/>, and replica counts reach the kernel only within the validator's bounds.
/// </para>
/// </remarks>
internal sealed partial class CompiledTrialEvaluator : ITrialEvaluator
{
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
    private readonly double[] ones;

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
        ones = Enumerable.Repeat(1.0, months).ToArray();
        baseFactors = new double[months];
        DiscountFactors(scenario.YearlyDiscountRate, baseFactors);
        baseVolumes = new Volumes(profiles.Length, months);
        ComputeVolumes(baseline, baseVolumes, null);
        for (var s = 0; s < selves.Length; s++)
        {
            var self = selves[s];
            (_, self.BaseShapeInput, self.BaseShapeOutput) = Shape(self.Lead, baseVolumes);
            for (var earlier = 0; earlier < s && self.CapacityTwin < 0; earlier++)
            {
                if (selves[earlier].CapacityKey == self.CapacityKey && selves[earlier].GpusPerReplica == self.GpusPerReplica && selves[earlier].BaseThroughput.Equals(self.BaseThroughput))
                {
                    self.CapacityTwin = earlier;
                }
            }
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
        ones = shape.ones;
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
        unchecked
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
    }

    /// <summary>WorkloadVolumes, month by month, with the trial's parameters; false when the validator would reject the volumes.</summary>
    private bool ComputeVolumes(double[] p, Volumes v, Workspace? ws)
    {
        unchecked
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
                var series = profile.Series;
                var kind = profile.Kind;
                if (kind == GrowthKind.Compound)
                {
                    Scale(growth!, first, requestsRow);
                }
                else
                {
                    for (var m = 0; m < months; m++)
                    {
                        requestsRow[m] = kind == GrowthKind.Linear ? Math.Max(0, first + (m * increment))
                            : kind == GrowthKind.Series ? series![m]
                            : first;
                    }
                }

                if (!SplitVolumes(requestsRow, inTokens, outTokens, readShare, writeShare, v.Uncached[i], v.CacheRead[i], v.CacheWrite[i], v.Output[i], totalInput, totalOutput))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>Requests of a compound-growth month: the first month's requests × the growth factor, four months at a time where the CPU has 256-bit vectors.</summary>
    private void Scale(double[] growth, double first, double[] requests)
    {
        unchecked
        {
            var m = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vFirst = Vector256.Create(first);
                ref var g = ref MemoryMarshal.GetArrayDataReference(growth);
                ref var r = ref MemoryMarshal.GetArrayDataReference(requests);
                for (; m <= months - 4; m += 4)
                {
                    (vFirst * Vector256.LoadUnsafe(ref g, (nuint)m)).StoreUnsafe(ref r, (nuint)m);
                }
            }

            for (; m < months; m++)
            {
                requests[m] = first * growth[m];
            }
        }
    }

    /// <summary>
    /// WorkloadVolumes' split of one profile's requests into token volumes, added to the month totals; false when a month
    /// exceeds the validator's token limit. Four months at a time where the CPU has 256-bit vectors: every lane performs the
    /// scalar code's IEEE operations in the same order, so the results are the same to the last bit.
    /// </summary>
    private bool SplitVolumes(double[] requests, double inTokens, double outTokens, double readShare, double writeShare, double[] uncached, double[] read, double[] write, double[] output, double[] totalInput, double[] totalOutput)
    {
        unchecked
        {
            var m = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var tokensPerRequest = Vector256.Create(inTokens + outTokens);
                var limit = Vector256.Create(ScenarioValidator.MaxTokensPerMonth);
                var vIn = Vector256.Create(inTokens);
                var vOut = Vector256.Create(outTokens);
                var vRead = Vector256.Create(readShare);
                var vWrite = Vector256.Create(writeShare);
                ref var rq = ref MemoryMarshal.GetArrayDataReference(requests);
                ref var un = ref MemoryMarshal.GetArrayDataReference(uncached);
                ref var rd = ref MemoryMarshal.GetArrayDataReference(read);
                ref var wr = ref MemoryMarshal.GetArrayDataReference(write);
                ref var ou = ref MemoryMarshal.GetArrayDataReference(output);
                ref var ti = ref MemoryMarshal.GetArrayDataReference(totalInput);
                ref var to = ref MemoryMarshal.GetArrayDataReference(totalOutput);
                for (; m <= months - 4; m += 4)
                {
                    var at = (nuint)m;
                    var r = Vector256.LoadUnsafe(ref rq, at);
                    if (!Vector256.LessThanOrEqualAll(r * tokensPerRequest, limit))
                    {
                        return false;
                    }

                    var input = r * vIn;
                    var cacheRead = input * vRead;
                    var cacheWrite = input * vWrite;
                    var outTotal = r * vOut;
                    (input - cacheRead - cacheWrite).StoreUnsafe(ref un, at);
                    cacheRead.StoreUnsafe(ref rd, at);
                    cacheWrite.StoreUnsafe(ref wr, at);
                    outTotal.StoreUnsafe(ref ou, at);
                    (Vector256.LoadUnsafe(ref ti, at) + input).StoreUnsafe(ref ti, at);
                    (Vector256.LoadUnsafe(ref to, at) + outTotal).StoreUnsafe(ref to, at);
                }
            }

            for (; m < months; m++)
            {
                var r = requests[m];
                if (!(r * (inTokens + outTokens) <= ScenarioValidator.MaxTokensPerMonth))
                {
                    return false;
                }

                var input = r * inTokens;
                var cacheRead = input * readShare;
                var cacheWrite = input * writeShare;
                var outTotal = r * outTokens;
                uncached[m] = input - cacheRead - cacheWrite;
                read[m] = cacheRead;
                write[m] = cacheWrite;
                output[m] = outTotal;
                totalInput[m] += input;
                totalOutput[m] += outTotal;
            }

            return true;
        }
    }

    /// <summary>(1 + rate)^m for each month as a running product (as the engine computes it), once per distinct rate in the trial (profiles often share one).</summary>
    private void ReuseOrComputeGrowth(double[] p, int i, Workspace ws)
    {
        var rate = p[profiles[i].RateSlot];
        for (var j = 0; j < i; j++)
        {
            if (profiles[j].Kind == GrowthKind.Compound && profiles[j].RateDirty && p[profiles[j].RateSlot].Equals(rate))
            {
                ws.Growth[j].AsSpan(0, months).CopyTo(ws.Growth[i]);
                return;
            }
        }

        CompoundFactors.Growth(rate, ws.Growth[i].AsSpan(0, months));
    }

    private static void DiscountFactors(double rate, double[] factors)
    {
        CompoundFactors.Discount(rate, factors);
    }

    private bool TryEvaluate(double[] p, Workspace ws, TrialRecord record)
    {
        unchecked
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

            var maxTokens = MaxTokens(volumes);

            for (var a = 0; a < apis.Length; a++)
            {
                EvaluateApi(a, p, ws, volumes);
            }

            for (var s = 0; s < selves.Length; s++)
            {
                if (!EvaluateSelf(s, p, ws, volumes))
                {
                    return false;
                }
            }

            AccumulateAll(ws, factors);
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
                Subtract(selfCumulative, apiCumulative, record.CumulativeDifference.AsSpan(pair * months, months));

                var s = Array.IndexOf(selfOption, self);
                var a = Array.IndexOf(apiOption, api);
                record.BreakEvenVolume[pair] = VolumeBreakEven(ws, pair, s, a, volumes, maxTokens);
            }

            return true;
        }
    }

    /// <summary>The largest month's tokens (input + output), as TcoEngine finds it; four months at a time where the CPU has 256-bit vectors (a maximum is exact in any order).</summary>
    private double MaxTokens(Volumes volumes)
    {
        unchecked
        {
            var input = volumes.TotalInput;
            var output = volumes.TotalOutput;
            var most = double.NegativeInfinity;
            var m = 0;
            if (Vector256.IsHardwareAccelerated && months >= 4)
            {
                ref var i = ref MemoryMarshal.GetArrayDataReference(input);
                ref var o = ref MemoryMarshal.GetArrayDataReference(output);
                var vMost = Vector256.Create(double.NegativeInfinity);
                for (; m <= months - 4; m += 4)
                {
                    vMost = Vector256.Max(vMost, Vector256.LoadUnsafe(ref i, (nuint)m) + Vector256.LoadUnsafe(ref o, (nuint)m));
                }

                for (var lane = 0; lane < 4; lane++)
                {
                    most = Math.Max(most, vMost[lane]);
                }
            }

            for (; m < months; m++)
            {
                most = Math.Max(most, input[m] + output[m]);
            }

            return most;
        }
    }

    /// <summary>self − api month by month into <paramref name="difference"/>, four months at a time where the CPU has 256-bit vectors.</summary>
    private void Subtract(double[] self, double[] api, Span<double> difference)
    {
        unchecked
        {
            var m = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var s = ref MemoryMarshal.GetArrayDataReference(self);
                ref var a = ref MemoryMarshal.GetArrayDataReference(api);
                ref var d = ref MemoryMarshal.GetReference(difference);
                for (; m <= months - 4; m += 4)
                {
                    (Vector256.LoadUnsafe(ref s, (nuint)m) - Vector256.LoadUnsafe(ref a, (nuint)m)).StoreUnsafe(ref d, (nuint)m);
                }
            }

            for (; m < months; m++)
            {
                difference[m] = self[m] - api[m];
            }
        }
    }

    /// <summary>BreakEvenCalculator.ByMonth, as months from the start: 0 when cheaper from the start, +∞ when never.</summary>
    private static double BreakEvenTime(double[] self, double[] api)
    {
        unchecked
        {
            // The last month in which self-hosting is dearer, found from the end.
            var lastDearer = -1;
            for (var m = self.Length - 1; m >= 0; m--)
            {
                if (self[m] > api[m])
                {
                    lastDearer = m;
                    break;
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
    }

    /// <summary>
    /// ApiCostModel.Bill and FineTuningFee for every month, then the totals as TcoEngine.Months sums them. The usage is
    /// accumulated profile by profile into each month, which adds the same terms in the same order as the engine's
    /// month-by-month loop over the profiles.
    /// </summary>
    private void EvaluateApi(int a, double[] p, Workspace ws, Volumes v)
    {
        unchecked
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

                // The decline factor of each month (1 where the row is not the last one or nothing declines).
                var factorRow = ones;
                if (api.DeclineDirty && decline > 0)
                {
                    factorRow = ws.FactorRow;
                    var years = api.YearsIndex[i];
                    for (var m = 0; m < months; m++)
                    {
                        factorRow[m] = years[m] >= 0 ? declineFactors[years[m]] : 1.0;
                    }
                }

                AccumulateUsage(p[profiles[i].BatchSlot], uncached, cacheRead, cacheWrite, output, requests, input, readPrice, writePrice, outputPrice, requestPrice, discount, factorRow, usageRow);
            }

            var shortfallRow = ws.Shortfall[a];
            var fineTuning = api.FineTuningFee;
            var totals = ws.Totals[o];
            var month = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vCommitment = Vector256.Create(commitment);
                var vFee = Vector256.Create(fee);
                ref var us = ref MemoryMarshal.GetArrayDataReference(usageRow);
                ref var sh = ref MemoryMarshal.GetArrayDataReference(shortfallRow);
                ref var ft = ref MemoryMarshal.GetArrayDataReference(fineTuning);
                ref var to = ref MemoryMarshal.GetArrayDataReference(totals);
                for (; month <= months - 4; month += 4)
                {
                    var at = (nuint)month;
                    var usage = Vector256.LoadUnsafe(ref us, at);
                    var shortfall = Vector256.Max(Vector256<double>.Zero, vCommitment - usage);
                    shortfall.StoreUnsafe(ref sh, at);
                    (Vector256<double>.Zero + usage + shortfall + vFee + Vector256.LoadUnsafe(ref ft, at)).StoreUnsafe(ref to, at);
                }
            }

            for (; month < months; month++)
            {
                var usage = usageRow[month];
                var shortfall = Math.Max(0, commitment - usage);
                shortfallRow[month] = shortfall;
                totals[month] = 0.0 + usage + shortfall + fee + fineTuning[month];
            }
        }
    }

    /// <summary>
    /// One profile's usage charges added to each month's usage, as ApiCostModel.Usage adds them: the price × the decline
    /// factor, × the volume, summed in the engine's order, ÷ 10⁶ × (1 − batch share × batch discount), plus requests × the
    /// per-request price. Four months at a time where the CPU has 256-bit vectors (lane by lane the same IEEE operations).
    /// </summary>
    private void AccumulateUsage(double share, double[] uncached, double[] cacheRead, double[] cacheWrite, double[] output, double[] requests, double[] input, double[] readPrice, double[] writePrice, double[] outputPrice, double[] requestPrice, double[] discount, double[] factor, double[] usage)
    {
        unchecked
        {
            var m = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vShare = Vector256.Create(share);
                var million = Vector256.Create(1e6);
                var one = Vector256.Create(1.0);
                ref var un = ref MemoryMarshal.GetArrayDataReference(uncached);
                ref var cr = ref MemoryMarshal.GetArrayDataReference(cacheRead);
                ref var cw = ref MemoryMarshal.GetArrayDataReference(cacheWrite);
                ref var ou = ref MemoryMarshal.GetArrayDataReference(output);
                ref var rq = ref MemoryMarshal.GetArrayDataReference(requests);
                ref var pin = ref MemoryMarshal.GetArrayDataReference(input);
                ref var pcr = ref MemoryMarshal.GetArrayDataReference(readPrice);
                ref var pcw = ref MemoryMarshal.GetArrayDataReference(writePrice);
                ref var pou = ref MemoryMarshal.GetArrayDataReference(outputPrice);
                ref var prq = ref MemoryMarshal.GetArrayDataReference(requestPrice);
                ref var dis = ref MemoryMarshal.GetArrayDataReference(discount);
                ref var fac = ref MemoryMarshal.GetArrayDataReference(factor);
                ref var use = ref MemoryMarshal.GetArrayDataReference(usage);
                for (; m <= months - 4; m += 4)
                {
                    var at = (nuint)m;
                    var f = Vector256.LoadUnsafe(ref fac, at);
                    var tokens = (Vector256.LoadUnsafe(ref un, at) * (Vector256.LoadUnsafe(ref pin, at) * f))
                        + (Vector256.LoadUnsafe(ref cr, at) * (Vector256.LoadUnsafe(ref pcr, at) * f))
                        + (Vector256.LoadUnsafe(ref cw, at) * (Vector256.LoadUnsafe(ref pcw, at) * f))
                        + (Vector256.LoadUnsafe(ref ou, at) * (Vector256.LoadUnsafe(ref pou, at) * f));
                    var batch = one - (vShare * Vector256.LoadUnsafe(ref dis, at));
                    var charge = (tokens / million * batch) + (Vector256.LoadUnsafe(ref rq, at) * (Vector256.LoadUnsafe(ref prq, at) * f));
                    (Vector256.LoadUnsafe(ref use, at) + charge).StoreUnsafe(ref use, at);
                }
            }

            for (; m < months; m++)
            {
                var f = factor[m];
                var tokens = (uncached[m] * (input[m] * f)) + (cacheRead[m] * (readPrice[m] * f)) + (cacheWrite[m] * (writePrice[m] * f)) + (output[m] * (outputPrice[m] * f));
                var batch = 1 - (share * discount[m]);
                usage[m] += (tokens / 1e6 * batch) + (requests[m] * (requestPrice[m] * f));
            }
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

        var answer = ws.VolumeSolver.Solve(now[0], now[1], now[2], (int)now[3], (int)now[4], now[6], perMillion, now[7], maxTokens, out _) ?? double.PositiveInfinity;
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
            CompoundFactors.Growth(growth.MonthlyRate, BaseGrowth);
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
