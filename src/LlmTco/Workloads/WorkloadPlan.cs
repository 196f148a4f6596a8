using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LlmTco.Evaluation;
using LlmTco.Scenarios;

namespace LlmTco.Workloads;

/// <summary>
/// A scenario's workload compiled for evaluation: each profile's constants and the parameter slots of its numeric inputs,
/// and the one implementation of the workload formulas (requests by growth rule, the token split, the request shape).
/// </summary>
internal sealed class WorkloadPlan
{
    private readonly int months;

    public WorkloadPlan(Workload workload, int months, PlanParameters parameters)
    {
        this.months = months;
        Profiles = workload.Profiles.Select((p, i) => new ProfilePlan(p, i, parameters, months)).ToArray();
        RatioSlot = parameters.Add("workload.peakToAverageRatio", workload.PeakToAverageRatio, ParameterRule.AtLeastOne);
    }

    public ProfilePlan[] Profiles { get; }

    public int RatioSlot { get; }

    /// <summary>Gets whether varying <paramref name="slots"/> changes any month's volumes.</summary>
    public bool VolumesVary(HashSet<int> slots) => Profiles.Any(p => slots.Contains(p.RateSlot) || slots.Contains(p.RequestsSlot) || slots.Contains(p.ReadSlot) || slots.Contains(p.WriteSlot) || slots.Contains(p.IncrementSlot) || slots.Contains(p.InputSlot) || slots.Contains(p.OutputSlot));

    /// <summary>The longest request in tokens (input + output) of any profile, which the KV cache must hold.</summary>
    public double LongestRequest(double[] p)
    {
        var longest = double.NegativeInfinity;
        foreach (var profile in Profiles)
        {
            longest = Math.Max(longest, p[profile.InputSlot] + p[profile.OutputSlot]);
        }

        return longest;
    }

    /// <summary>
    /// Every profile's requests and token volumes month by month, with the parameters <paramref name="p"/>; false when a
    /// month exceeds the validator's token limit (a drawn value the scenario validator would reject).
    /// </summary>
    /// <param name="p">The parameter values.</param>
    /// <param name="v">The volumes to fill.</param>
    /// <param name="growth">Scratch rows for compound growth factors, one per profile.</param>
    /// <param name="rateVaries">Whether a profile's growth rate may differ from the scenario's (its factors are then recomputed), by profile; <see langword="null"/> when none does.</param>
    public bool Compute(double[] p, WorkloadVolumes v, double[][] growth, bool[]? rateVaries)
    {
        unchecked
        {
            Array.Clear(v.TotalInput);
            Array.Clear(v.TotalOutput);
            for (var i = 0; i < Profiles.Length; i++)
            {
                var profile = Profiles[i];
                var requestsRow = v.Requests[i];
                var first = p[profile.RequestsSlot];
                switch (profile.Kind)
                {
                    case GrowthKind.Compound:
                        var factors = profile.BaseGrowth;
                        if (rateVaries?[i] == true)
                        {
                            factors = growth[i];
                            GrowthFactors(p, i, growth, rateVaries);
                        }

                        for (var m = 0; m < months; m++)
                        {
                            requestsRow[m] = first * factors[m];
                        }

                        break;
                    case GrowthKind.Linear:
                        var increment = p[profile.IncrementSlot];
                        for (var m = 0; m < months; m++)
                        {
                            requestsRow[m] = GrowthRule.Linear(first, m, increment);
                        }

                        break;
                    case GrowthKind.Series:
                        profile.Series.AsSpan().CopyTo(requestsRow);
                        break;
                    default:
                        Array.Fill(requestsRow, first);
                        break;
                }

                if (!Split(requestsRow, p[profile.InputSlot], p[profile.OutputSlot], p[profile.ReadSlot], p[profile.WriteSlot], v.Uncached[i], v.CacheRead[i], v.CacheWrite[i], v.Output[i], v.TotalInput, v.TotalOutput))
                {
                    return false;
                }
            }

            return true;
        }
    }

    /// <summary>
    /// The request-weighted mean input and output tokens per request in a month; without requests, the profiles' plain
    /// mean (each profile weighs the same), so that capacity can still be sized.
    /// </summary>
    public (double Input, double Output) MeanRequestShape(double[] p, WorkloadVolumes v, int month)
    {
        double requests = 0, input = 0, output = 0;
        for (var i = 0; i < Profiles.Length; i++)
        {
            requests += v.Requests[i][month];
            input += v.Requests[i][month] * p[Profiles[i].InputSlot];
            output += v.Requests[i][month] * p[Profiles[i].OutputSlot];
        }

        if (requests > 0)
        {
            return (input / requests, output / requests);
        }

        // As Enumerable.Average sums: in order, then ÷ the count.
        double inputSum = 0, outputSum = 0;
        foreach (var profile in Profiles)
        {
            inputSum += p[profile.InputSlot];
            outputSum += p[profile.OutputSlot];
        }

        return (inputSum / Profiles.Length, outputSum / Profiles.Length);
    }

    /// <summary>The largest month's tokens (input + output).</summary>
    public static double MaxTokens(WorkloadVolumes v)
    {
        var most = double.NegativeInfinity;
        for (var m = 0; m < v.TotalInput.Length; m++)
        {
            most = Math.Max(most, v.TotalInput[m] + v.TotalOutput[m]);
        }

        return most;
    }

    /// <summary>(1 + rate)^m for each month as a running product, once per distinct rate (profiles often share one).</summary>
    private void GrowthFactors(double[] p, int i, double[][] growth, bool[] rateVaries)
    {
        var rate = p[Profiles[i].RateSlot];
        for (var j = 0; j < i; j++)
        {
            if (Profiles[j].Kind == GrowthKind.Compound && rateVaries[j] && p[Profiles[j].RateSlot].Equals(rate))
            {
                growth[j].AsSpan(0, months).CopyTo(growth[i]);
                return;
            }
        }

        CompoundFactors.Growth(rate, growth[i].AsSpan(0, months));
    }

    /// <summary>
    /// The split of one profile's requests into token volumes (input = requests × input tokens; cache reads and writes
    /// its shares; uncached the rest; output = requests × output tokens), added to the month totals; false when a month
    /// exceeds the validator's token limit. Four months at a time where the CPU has 256-bit vectors: every lane performs
    /// the scalar code's IEEE operations in the same order, so the results are the same to the last bit.
    /// </summary>
    private bool Split(double[] requests, double inTokens, double outTokens, double readShare, double writeShare, double[] uncached, double[] read, double[] write, double[] output, double[] totalInput, double[] totalOutput)
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

    /// <summary>One traffic profile: its constants and the slots of its numeric inputs.</summary>
    internal sealed class ProfilePlan
    {
        public ProfilePlan(TrafficProfile profile, int index, PlanParameters prm, int months)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"workload.profiles[{index}]");
            var growth = profile.Growth ?? GrowthRule.None;
            Kind = growth.Kind;
            InputSlot = prm.Add(at + ".inputTokensPerRequest", profile.InputTokensPerRequest, ParameterRule.NonNegative);
            OutputSlot = prm.Add(at + ".outputTokensPerRequest", profile.OutputTokensPerRequest, ParameterRule.NonNegative);
            RequestsSlot = prm.Add(at + ".monthlyRequests", profile.MonthlyRequests, ParameterRule.NonNegative);
            ReadSlot = prm.Add(at + ".cacheReadShare", profile.CacheReadShare, ParameterRule.Share);
            WriteSlot = prm.Add(at + ".cacheWriteShare", profile.CacheWriteShare, ParameterRule.Share);
            BatchSlot = prm.Add(at + ".batchShare", profile.BatchShare, ParameterRule.Share);
            RateSlot = prm.Add(at + ".growth.monthlyRate", growth.MonthlyRate, ParameterRule.GrowthRate);
            IncrementSlot = prm.Add(at + ".growth.requestsAddedPerMonth", growth.RequestsAddedPerMonth, ParameterRule.Finite);
            Series = growth.RequestsPerMonth?.Take(months).ToArray() ?? [];
            Name = profile.Name;
            Latency = profile.Latency;
            BaseGrowth = new double[months];
            CompoundFactors.Growth(growth.MonthlyRate, BaseGrowth);
        }

        public GrowthKind Kind { get; }

        public string Name { get; }

        /// <summary>Gets the latency target of the profile's interactive requests, or <see langword="null"/>.</summary>
        public LatencyTarget? Latency { get; }

        public int InputSlot { get; }

        public int OutputSlot { get; }

        public int RequestsSlot { get; }

        public int ReadSlot { get; }

        public int WriteSlot { get; }

        public int BatchSlot { get; }

        public int RateSlot { get; }

        public int IncrementSlot { get; }

        public double[] Series { get; }

        /// <summary>Gets the compound growth factors at the scenario's own rate.</summary>
        public double[] BaseGrowth { get; }
    }
}
