using System.Globalization;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.SelfHosted;

/// <summary>Capacity: the throughput of one replica and the replicas (and so GPUs) each month needs.</summary>
internal sealed partial class SelfHostedPlan
{
    private double[] rowInput = [];
    private double[] rowOutput = [];
    private decimal[] rowThroughputExact = [];
    private double[] rowThroughput = [];
    private double weightBytes;
    private double kvBytesPerToken;
    private double bandwidth;
    private double flops;
    private double activeParameters;
    private (double Input, double Output) baseShape;

    public int ThroughputSlot { get; private set; }

    /// <summary>Gets the throughput of one replica with the scenario's own values, in output tokens per second.</summary>
    public double BaseThroughput { get; private set; }

    /// <summary>Gets where <see cref="BaseThroughput"/> comes from.</summary>
    public ThroughputSource ThroughputSource { get; private set; }

    private void CompileThroughput(PricingCatalog catalog, OpenModel openModel, Gpu gpu, double weights, double kvPerToken, WorkloadPlan workload, WorkloadVolumes baseVolumes, double[] baseline, bool describe)
    {
        var o = Option;
        weightBytes = weights;
        kvBytesPerToken = kvPerToken;
        bandwidth = GpusPerReplica * (double)gpu.MemoryBandwidthTbPerSecond * 1e12;
        flops = GpusPerReplica * CapacityMath.PeakFlopsPerSecond(gpu, o.Precision);
        activeParameters = (double)openModel.ActiveParametersBillions * 1e9;
        var rows = o.ReplicaThroughputTokensPerSecond is null ? catalog.FindThroughputBenchmarks(openModel.ModelId, gpu.GpuModel, o.Precision, GpusPerReplica) : [];
        rowInput = rows.Select(r => (double)r.InputTokens).ToArray();
        rowOutput = rows.Select(r => (double)r.OutputTokens).ToArray();
        rowThroughputExact = rows.Select(r => r.OutputTokensPerSecondPerReplica).ToArray();
        rowThroughput = rows.Select(r => (double)r.OutputTokensPerSecondPerReplica).ToArray();
        baseShape = Shape(baseline, workload, baseVolumes, Lead);
        BaseThroughput = Throughput(baseline, workload, baseVolumes, Lead, out var row);
        ThroughputSource = o.ReplicaThroughputTokensPerSecond is not null ? ThroughputSource.Given : rows.Count > 0 ? ThroughputSource.Benchmark : ThroughputSource.RooflineEstimate;
        if (!describe)
        {
            return;
        }

        var (input, output) = baseShape;
        if (ThroughputSource == ThroughputSource.Given)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Throughput of one replica given in the scenario: {BaseThroughput:N1} output tokens/s."));
        }
        else if (ThroughputSource == ThroughputSource.Benchmark)
        {
            var r = rows[row];
            var concurrency = r.Concurrency == 0 ? "offline maximum throughput" : string.Create(CultureInfo.InvariantCulture, $"concurrency {r.Concurrency}");
            AddRow(string.Create(CultureInfo.InvariantCulture, $"throughput_benchmarks.csv: {r.ModelId} on {r.GpusPerReplica} × {r.GpuModel}, {r.Precision.ToString().ToUpperInvariant()}, {r.Engine}, {r.InputTokens} in / {r.OutputTokens} out, {concurrency}: {r.OutputTokensPerSecondPerReplica} output tokens/s per replica (workload mean: {input:N0} in / {output:N0} out); checked {Iso(r.CheckedOn)}."), r, r.SourceUrl);
        }
        else
        {
            assumptions.Add(new Assumption(o.Name, AssumptionKind.Estimate, string.Create(CultureInfo.InvariantCulture, $"No benchmark row for {openModel.ModelId} on {GpusPerReplica} × {gpu.GpuModel} in {o.Precision.ToString().ToUpperInvariant()}: throughput estimated by roofline at batch {o.ServingConcurrency}, MBU {o.Mbu}, MFU {o.Mfu}, {input:N0} input and {output:N0} output tokens per request: {BaseThroughput:N1} output tokens/s per replica.")));
        }
    }

    /// <summary>
    /// The throughput of one replica: the scenario's own figure when given; else the benchmark row whose request shape is
    /// nearest the workload's mean in the first month served (log distance; the slower one on a tie, the first on a full
    /// tie); else the roofline estimate at that shape. <paramref name="row"/> is the row chosen, or −1.
    /// </summary>
    private double Throughput(double[] p, WorkloadPlan workload, WorkloadVolumes v, int lead, out int row)
    {
        row = -1;
        var given = p[ThroughputSlot];
        if (!double.IsNaN(given))
        {
            return given;
        }

        if (rowThroughput.Length == 1)
        {
            row = 0;
            return rowThroughput[0];
        }

        var (input, output) = Shape(p, workload, v, lead);
        if (rowThroughput.Length == 0)
        {
            return input.Equals(baseShape.Input) && output.Equals(baseShape.Output) && BaseThroughput > 0
                ? BaseThroughput
                : CapacityMath.RooflineOutputTokensPerSecond(weightBytes, Option.ServingConcurrency, input, output, kvBytesPerToken, bandwidth, Option.Mbu, activeParameters, flops, Option.Mfu);
        }

        var bestDistance = 0.0;
        for (var i = 0; i < rowThroughput.Length; i++)
        {
            var distance = Math.Abs(Math.Log(rowInput[i] / Math.Max(input, 1))) + Math.Abs(Math.Log(rowOutput[i] / Math.Max(output, 1)));
            if (row < 0 || distance < bestDistance || (distance == bestDistance && rowThroughputExact[i] < rowThroughputExact[row]))
            {
                row = i;
                bestDistance = distance;
            }
        }

        return rowThroughput[row];
    }

    /// <summary>The workload's mean request shape in the first month from the lead time with output (the lead time's month when none has).</summary>
    private (double Input, double Output) Shape(double[] p, WorkloadPlan workload, WorkloadVolumes v, int lead)
    {
        var month = lead;
        for (var m = lead; m < months; m++)
        {
            if (v.TotalOutput[m] > 0)
            {
                month = m;
                break;
            }
        }

        return workload.MeanRequestShape(p, v, month);
    }

    /// <summary>
    /// Replicas and GPUs month by month from the lead time: the peak output tokens/s (monthly output ÷ 2,628,000 s ×
    /// peak-to-average) ÷ (replica throughput × target utilisation), rounded by <see cref="ReplicaCount.Of"/>; and the
    /// replicas per unit of month-1 volume at the first month served. False when a month needs more replicas than
    /// <see cref="ReplicaCount.Max"/>.
    /// </summary>
    private bool Capacity(double[] p, WorkloadVolumes v, WorkloadPlan workload, PlanWorkspace ws, int lead, int[] gpus, out double replicasPerUnitScale)
    {
        unchecked
        {
            replicasPerUnitScale = 0;
            var utilization = p[UtilizationSlot];
            var minReplicas = (int)p[MinReplicasSlot];
            var redundancy = (int)p[RedundancySlot];
            var ratio = p[workload.RatioSlot];
            var tps = Throughput(p, workload, v, lead, out _);
            var replicas = ws.Replicas[Index];
            var first = Math.Min(lead, months);
            Array.Clear(gpus, 0, first);
            Array.Clear(replicas, 0, first);
            var perReplica = tps * utilization;
            var output = v.TotalOutput;
            for (var m = first; m < months; m++)
            {
                var required = output[m] / CapacityMath.SecondsPerMonth * ratio;
                var fractional = required <= 0 ? 0 : required / perReplica;
                if (!(fractional <= ReplicaCount.Max))
                {
                    ws.Failure = new PlanFailure(PlanFailureKind.TooManyReplicas, OptionIndex, m, false, fractional, tps, required);
                    return false;
                }

                replicas[m] = ReplicaCount.Of(fractional, minReplicas, redundancy);
                gpus[m] = checked(replicas[m] * GpusPerReplica);
            }

            replicasPerUnitScale = tps <= 0 ? 0 : output[lead] / CapacityMath.SecondsPerMonth * ratio / perReplica;
            return true;
        }
    }
}
