using System.Globalization;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.SelfHosted;

/// <summary>
/// Capacity: the throughput of one replica for each traffic profile's request shape (offline, and under the profile's
/// latency target), and the replicas (and so GPUs) each month needs when the profiles share them.
/// </summary>
internal sealed partial class SelfHostedPlan
{
    private ReplicaCapacity capacity = null!;
    private (double Input, double Output)[] baseShapes = [];
    private double[] baseInteractiveSeconds = [];
    private double[] baseDeferredSeconds = [];
    private double baseGiven = double.NaN;

    public int ThroughputSlot { get; private set; }

    /// <summary>
    /// Gets one replica's output tokens per second on the workload's mix of the first month served, with the scenario's
    /// own values: the month's output tokens ÷ the replica-seconds its requests take (interactive requests at their
    /// latency-bound throughput, deferrable ones at the offline throughput).
    /// </summary>
    public double BaseThroughput { get; private set; }

    /// <summary>Gets where <see cref="BaseThroughput"/> comes from: the least certain basis of any profile.</summary>
    public ThroughputSource ThroughputSource { get; private set; }

    private void CompileThroughput(PricingCatalog catalog, OpenModel openModel, Gpu gpu, double weights, WorkloadPlan workload, WorkloadVolumes baseVolumes, double[] baseline, bool describe)
    {
        var o = Option;
        var rows = o.ReplicaThroughputTokensPerSecond is null ? catalog.FindThroughputBenchmarks(openModel.ModelId, gpu.GpuModel, o.Precision, GpusPerReplica) : [];
        capacity = new ReplicaCapacity(
            weights,
            fitBytes.KvBytesPerSequence,
            GpusPerReplica * (double)gpu.MemoryBandwidthTbPerSecond * 1e12,
            GpusPerReplica * CapacityMath.PeakFlopsPerSecond(gpu, o.Precision),
            (double)openModel.ActiveParametersBillions * 1e9,
            o.Mbu,
            o.Mfu,
            o.ServingConcurrency,
            GpusPerReplica * fitBytes.UsablePerGpu,
            rows);

        var profiles = workload.Profiles;
        baseGiven = baseline[ThroughputSlot];
        baseShapes = new (double, double)[profiles.Length];
        baseInteractiveSeconds = new double[profiles.Length];
        baseDeferredSeconds = new double[profiles.Length];
        var source = ThroughputSource.Given;
        for (var i = 0; i < profiles.Length; i++)
        {
            var profile = profiles[i];
            var (input, output) = baseShapes[i] = (baseline[profile.InputSlot], baseline[profile.OutputSlot]);
            var offline = Offline(baseline, input, output);
            var interactive = capacity.Interactive(input, output, profile.Latency, offline, out var fastestSpeed, out var fastestFirstToken);
            if (interactive.TokensPerSecond <= 0)
            {
                throw new ScenarioValidationException([Unreachable(i, profile, input, output, fastestSpeed, fastestFirstToken)]);
            }

            baseInteractiveSeconds[i] = SecondsPerRequest(output, interactive);
            baseDeferredSeconds[i] = SecondsPerRequest(output, offline);
            source = LeastCertain(LeastCertain(source, offline.Basis), interactive.Basis);
            if (describe)
            {
                DescribeProfile(profile, input, output, offline, interactive, baseline[profile.BatchSlot]);
            }
        }

        ThroughputSource = source;
        BaseThroughput = MixThroughput(baseline, workload, baseVolumes, FirstServed(baseVolumes, Lead), baseInteractiveSeconds, baseDeferredSeconds);
    }

    /// <summary>The offline throughput of a shape: the scenario's own figure when given, else <see cref="ReplicaCapacity.Offline"/>.</summary>
    private ReplicaThroughput Offline(double[] p, double input, double output)
    {
        var given = p[ThroughputSlot];
        return double.IsNaN(given) ? capacity.Offline(input, output) : new ReplicaThroughput(given, CapacityBasis.Given, -1, 0, false);
    }

    /// <summary>The replica-seconds one request takes: its output tokens (at least one) ÷ the replica's output tokens/s.</summary>
    private static double SecondsPerRequest(double output, ReplicaThroughput throughput) => Math.Max(output, 1) / throughput.TokensPerSecond;

    private static ThroughputSource LeastCertain(ThroughputSource a, CapacityBasis b)
    {
        var s = b switch
        {
            CapacityBasis.Given => ThroughputSource.Given,
            CapacityBasis.Measured or CapacityBasis.LatencyRow => ThroughputSource.Benchmark,
            CapacityBasis.Carried or CapacityBasis.LatencyBatch => ThroughputSource.BenchmarkAdjusted,
            _ => ThroughputSource.RooflineEstimate,
        };
        static int Rank(ThroughputSource x) => x switch
        {
            ThroughputSource.Given => 0,
            ThroughputSource.Benchmark => 1,
            ThroughputSource.BenchmarkAdjusted => 2,
            _ => 3,
        };
        return Rank(s) > Rank(a) ? s : a;
    }

    private ScenarioError Unreachable(int index, WorkloadPlan.ProfilePlan profile, double input, double output, double fastestSpeed, double fastestFirstToken)
    {
        var latency = profile.Latency!;
        var at = string.Create(CultureInfo.InvariantCulture, $"workload.profiles[{index}].latency");
        var what = latency.MinOutputTokensPerSecondPerRequest is { } speed && fastestSpeed < speed
            ? string.Create(CultureInfo.InvariantCulture, $"{at}.minOutputTokensPerSecondPerRequest")
            : string.Create(CultureInfo.InvariantCulture, $"{at}.maxTimeToFirstTokenSeconds");
        return new ScenarioError(what, null, string.Create(CultureInfo.InvariantCulture, $"option '{Option.Name}' cannot meet the latency target of profile '{profile.Name}' even serving one request at a time: {input:N0} input and {output:N0} output tokens per request on {GpusPerReplica} × {Option.Gpu} give at best {fastestSpeed:N1} output tokens/s per request and a first token after {fastestFirstToken:N2} s; relax the target, or use a faster GPU, more GPUs per replica or a lower precision"));
    }

    private void DescribeProfile(WorkloadPlan.ProfilePlan profile, double input, double output, ReplicaThroughput offline, ReplicaThroughput interactive, double batchShare)
    {
        var shape = string.Create(CultureInfo.InvariantCulture, $"{input:N0} in / {output:N0} out");
        var who = string.Create(CultureInfo.InvariantCulture, $"Capacity for profile '{profile.Name}' ({shape} tokens per request)");
        var capped = offline.Capped ? string.Create(CultureInfo.InvariantCulture, $"; capped at {offline.TokensPerSecond:N1}, the most a replica reading prompts at its GPUs' dense peak ({GpusPerReplica} × {Option.Gpu}) can give") : string.Empty;
        switch (offline.Basis)
        {
            case CapacityBasis.Given:
                Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"{who}: {offline.TokensPerSecond:N1} output tokens/s per replica, given in the scenario (used as is for every profile and latency target)."));
                break;
            case CapacityBasis.Measured:
                AddRow(string.Create(CultureInfo.InvariantCulture, $"{who}: {RowText(capacity.Rows[offline.Row])}, measured within 20 % of the profile's shape{capped}."), capacity.Rows[offline.Row], capacity.Rows[offline.Row].SourceUrl);
                break;
            case CapacityBasis.Carried:
                var row = capacity.Rows[offline.Row];
                var ratio = capacity.CarryRatio(row, input, output);
                assumptions.Add(new Assumption(Option.Name, AssumptionKind.Estimate, string.Create(CultureInfo.InvariantCulture, $"{who}: an estimate, {(double)row.OutputTokensPerSecondPerReplica * ratio:N1} output tokens/s per replica, carried over from the benchmark row measured at {row.InputTokens} in / {row.OutputTokens} out ({row.OutputTokensPerSecondPerReplica} tokens/s) by the roofline ratio {ratio:N4} (roofline at {shape}, batch {offline.Batch}, ÷ roofline at the row's shape and batch){capped}; {RowText(row)}."), row.SourceUrl) { Row = row, RowDateColumn = PricingCatalog.CheckedOnColumn });
                break;
            default:
                assumptions.Add(new Assumption(Option.Name, AssumptionKind.Estimate, string.Create(CultureInfo.InvariantCulture, $"{who}: no benchmark row for {Option.Model} on {GpusPerReplica} × {Option.Gpu} in {Option.Precision.ToString().ToUpperInvariant()}: roofline estimate at batch {Option.ServingConcurrency}, MBU {Option.Mbu}, MFU {Option.Mfu}: {offline.TokensPerSecond:N1} output tokens/s per replica{capped}.")));
                break;
        }

        if (profile.Latency is { } latency)
        {
            var target = string.Join(" and ", new[]
            {
                latency.MaxTimeToFirstTokenSeconds is { } t ? string.Create(CultureInfo.InvariantCulture, $"first token within {t:0.###} s") : null,
                latency.MinOutputTokensPerSecondPerRequest is { } v ? string.Create(CultureInfo.InvariantCulture, $"at least {v:0.###} output tokens/s per request") : null,
            }.Where(x => x is not null));
            var text = interactive.Basis switch
            {
                CapacityBasis.LatencyRow => string.Create(CultureInfo.InvariantCulture, $"the latency-bounded benchmark row at concurrency {interactive.Batch} meets it: {RowText(capacity.Rows[interactive.Row])}, median first token {capacity.Rows[interactive.Row].TimeToFirstTokenSecondsP50} s, {1 / (double)capacity.Rows[interactive.Row].TimePerOutputTokenSecondsP50!.Value:N1} tokens/s per request"),
                CapacityBasis.LatencyBatch => string.Create(CultureInfo.InvariantCulture, $"the roofline (its per-request speed never raised by the offline figure) meets it up to batch {interactive.Batch}, giving {interactive.TokensPerSecond:N1} output tokens/s per replica ({interactive.TokensPerSecond / offline.TokensPerSecond:P0} of the offline {offline.TokensPerSecond:N1}); queueing for a first token under load is not modelled"),
                _ => string.Create(CultureInfo.InvariantCulture, $"the offline throughput ({offline.TokensPerSecond:N1} output tokens/s per replica) already meets it"),
            };
            Add(AssumptionKind.Estimate, string.Create(CultureInfo.InvariantCulture, $"Latency target of profile '{profile.Name}': {target}; {text}."));
        }

        if (batchShare > 0)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Deferrable work: {batchShare:P0} of profile '{profile.Name}''s requests (its batch share) have no latency target and are sized at the month's average rate at the offline throughput, filling the troughs the peak leaves; the rest at the peak."));
        }
    }

    private static string RowText(ThroughputBenchmark r)
    {
        var concurrency = r.Concurrency == 0 ? "offline maximum throughput" : string.Create(CultureInfo.InvariantCulture, $"concurrency {r.Concurrency}");
        return string.Create(CultureInfo.InvariantCulture, $"throughput_benchmarks.csv: {r.ModelId} on {r.GpusPerReplica} × {r.GpuModel}, {r.Precision.ToString().ToUpperInvariant()}, {r.Engine}, {r.InputTokens} in / {r.OutputTokens} out, {concurrency}: {r.OutputTokensPerSecondPerReplica} output tokens/s per replica; checked {Iso(r.CheckedOn)}");
    }

    /// <summary>
    /// Each profile's replica-seconds per request in <paramref name="p"/> (interactive, deferrable) into the workspace: the
    /// compiled figures when the request shape and given throughput are the scenario's own, else computed again. False
    /// when a drawn shape cannot meet the profile's latency target (the trial's own scenario then reports it).
    /// </summary>
    private bool ProfileSeconds(double[] p, WorkloadPlan workload, double[] interactiveSeconds, double[] deferredSeconds)
    {
        var profiles = workload.Profiles;
        var given = p[ThroughputSlot];
        var sameGiven = given.Equals(baseGiven);
        for (var i = 0; i < profiles.Length; i++)
        {
            var input = p[profiles[i].InputSlot];
            var output = p[profiles[i].OutputSlot];
            if (sameGiven && input.Equals(baseShapes[i].Input) && output.Equals(baseShapes[i].Output))
            {
                interactiveSeconds[i] = baseInteractiveSeconds[i];
                deferredSeconds[i] = baseDeferredSeconds[i];
                continue;
            }

            var offline = Offline(p, input, output);
            var interactive = capacity.Interactive(input, output, profiles[i].Latency, offline, out _, out _);
            if (!(interactive.TokensPerSecond > 0) || !(offline.TokensPerSecond > 0))
            {
                return false;
            }

            interactiveSeconds[i] = SecondsPerRequest(output, interactive);
            deferredSeconds[i] = SecondsPerRequest(output, offline);
        }

        return true;
    }

    /// <summary>The first month from the lead time with output (the lead time's month when none has).</summary>
    private int FirstServed(WorkloadVolumes v, int lead)
    {
        for (var m = lead; m < months; m++)
        {
            if (v.TotalOutput[m] > 0)
            {
                return m;
            }
        }

        return Math.Min(lead, months - 1);
    }

    /// <summary>Output tokens/s of one fully busy replica on a month's mix: the month's output ÷ the replica-seconds its requests take.</summary>
    private static double MixThroughput(double[] p, WorkloadPlan workload, WorkloadVolumes v, int month, double[] interactiveSeconds, double[] deferredSeconds)
    {
        // One throughput for every request (the common case) is reported as it is, without the rounding of the ratio below.
        var perToken = Math.Max(p[workload.Profiles[0].OutputSlot], 1) / interactiveSeconds[0];
        var same = true;
        for (var i = 0; i < workload.Profiles.Length && same; i++)
        {
            var tokens = Math.Max(p[workload.Profiles[i].OutputSlot], 1);
            same = (tokens / interactiveSeconds[i]).Equals(perToken) && (tokens / deferredSeconds[i]).Equals(perToken);
        }

        if (same)
        {
            return perToken;
        }

        double output = 0, seconds = 0;
        for (var i = 0; i < workload.Profiles.Length; i++)
        {
            var profile = workload.Profiles[i];
            var requests = v.Requests[i][month];
            var batch = p[profile.BatchSlot];
            output += v.Output[i][month];
            seconds += requests * (((1 - batch) * interactiveSeconds[i]) + (batch * deferredSeconds[i]));
        }

        return seconds > 0 ? output / seconds : perToken;
    }

    /// <summary>
    /// Replicas and GPUs month by month from the lead time. The load, in fully busy replicas, is the larger of the
    /// interactive requests at the peak (requests × replica-seconds each ÷ 2,628,000 s × peak-to-average) and all requests
    /// at the month's average (deferrable ones at the offline throughput fill the troughs); replicas = load ÷ target
    /// utilisation, rounded by <see cref="ReplicaCount.Of"/>. Also the replicas per unit of volume at the first month
    /// served. False when a month needs more replicas than <see cref="ReplicaCount.Max"/>.
    /// </summary>
    private bool Capacity(double[] p, WorkloadVolumes v, WorkloadPlan workload, PlanWorkspace ws, int lead, int[] gpus, out double replicasPerUnitScale)
    {
        unchecked
        {
            replicasPerUnitScale = 0;
            var interactiveSeconds = ws.InteractiveSeconds[Index];
            var deferredSeconds = ws.DeferredSeconds[Index];
            if (!ProfileSeconds(p, workload, interactiveSeconds, deferredSeconds))
            {
                ws.Failure = new PlanFailure(PlanFailureKind.Invalid, OptionIndex, 0, false, 0, 0, 0);
                return false;
            }

            var utilization = p[UtilizationSlot];
            var minReplicas = (int)p[MinReplicasSlot];
            var redundancy = (int)p[RedundancySlot];
            var ratio = p[workload.RatioSlot];
            var replicas = ws.Replicas[Index];
            var load = ws.Load[Index];
            var first = Math.Min(lead, months);
            Array.Clear(gpus, 0, first);
            Array.Clear(replicas, 0, first);
            Array.Clear(load, 0, first);
            var profiles = workload.Profiles;
            for (var m = first; m < months; m++)
            {
                double peak = 0, average = 0;
                for (var i = 0; i < profiles.Length; i++)
                {
                    var requests = v.Requests[i][m];
                    var batch = p[profiles[i].BatchSlot];
                    var interactive = requests * (1 - batch) * interactiveSeconds[i];
                    peak += interactive;
                    average += interactive + (requests * batch * deferredSeconds[i]);
                }

                load[m] = Math.Max(peak * ratio, average) / CapacityMath.SecondsPerMonth;
                var fractional = load[m] <= 0 ? 0 : load[m] / utilization;
                if (!(fractional <= ReplicaCount.Max))
                {
                    var tps = MixThroughput(p, workload, v, m, interactiveSeconds, deferredSeconds);
                    ws.Failure = new PlanFailure(PlanFailureKind.TooManyReplicas, OptionIndex, m, false, fractional, tps, load[m] * tps);
                    return false;
                }

                replicas[m] = ReplicaCount.Of(fractional, minReplicas, redundancy);
                gpus[m] = checked(replicas[m] * GpusPerReplica);
            }

            replicasPerUnitScale = lead < months ? load[lead] / utilization : 0;
            return true;
        }
    }
}
