using LlmTco.Pricing;
using LlmTco.Workloads;

namespace LlmTco.SelfHosted;

/// <summary>How a replica's throughput for one request shape was found.</summary>
internal enum CapacityBasis
{
    /// <summary>The scenario gives the throughput.</summary>
    Given,

    /// <summary>A benchmark row measured within 20 % of the shape's input and output lengths.</summary>
    Measured,

    /// <summary>A benchmark row at another shape, carried over by the ratio of the roofline at the two shapes (an estimate).</summary>
    Carried,

    /// <summary>The roofline alone (no benchmark row for the model, GPU, precision and group; an estimate).</summary>
    Roofline,

    /// <summary>A latency-bounded benchmark row whose medians meet the target.</summary>
    LatencyRow,

    /// <summary>The calibrated roofline at the largest batch that meets the latency target.</summary>
    LatencyBatch,
}

/// <summary>
/// The throughput of one replica for one request shape: the offline figure (<see cref="ReplicaCapacity.Offline"/>) or the
/// figure under a latency target (<see cref="ReplicaCapacity.Interactive"/>), with what it rests on.
/// </summary>
/// <param name="TokensPerSecond">Output tokens per second of the whole replica.</param>
/// <param name="Basis">How it was found.</param>
/// <param name="Row">The benchmark row used (measured, carried or latency-bounded), or −1.</param>
/// <param name="Batch">The batch the roofline was evaluated at (the offline batch, the serving concurrency or the latency-bound batch).</param>
/// <param name="Capped">Whether the prompt-reading cap lowered the figure.</param>
internal readonly record struct ReplicaThroughput(double TokensPerSecond, CapacityBasis Basis, int Row, int Batch, bool Capped);

/// <summary>
/// A replica's serving capacity for any request shape, from the benchmark rows of its model, GPU, precision and group
/// and the roofline (docs/methodology.md, "Capacity"): prompts take GPU time, a row at another shape is carried over by
/// the roofline, nothing reads prompts faster than the GPUs' dense peak, and a latency target caps the batch. Immutable
/// after construction; safe to share between threads.
/// </summary>
internal sealed class ReplicaCapacity
{
    /// <summary>The most sequences an engine batches offline (vLLM's default <c>max_num_seqs</c>), unless the option's serving concurrency is higher.</summary>
    public const int MaxOfflineBatch = 256;

    /// <summary>How far (relative) a benchmark row's input and output lengths may be from the shape's and still count as measured at it.</summary>
    public const double SameShapeTolerance = 0.2;

    private readonly double weightBytes;
    private readonly Func<double, double> kvBytesPerSequence;
    private readonly double bandwidth;
    private readonly double flops;
    private readonly double activeParameters;
    private readonly double mbu;
    private readonly double mfu;
    private readonly int servingConcurrency;
    private readonly double usableBytes;

    /// <param name="weightBytes">Weight bytes of the replica.</param>
    /// <param name="kvBytesPerSequence">KV-cache bytes of one sequence of a given number of tokens (<see cref="CapacityMath.KvCacheBytesPerSequence"/>).</param>
    /// <param name="bandwidth">Memory bandwidth of all the replica's GPUs, bytes/s.</param>
    /// <param name="flops">Peak dense FLOPS of all the replica's GPUs at the serving precision.</param>
    /// <param name="activeParameters">Parameters used per token.</param>
    /// <param name="mbu">Memory bandwidth utilisation of the roofline.</param>
    /// <param name="mfu">Model FLOPs utilisation of the roofline.</param>
    /// <param name="servingConcurrency">The option's serving concurrency: the roofline's batch without benchmark rows.</param>
    /// <param name="usableBytes">Usable memory of all the replica's GPUs.</param>
    /// <param name="rows">The benchmark rows of the model, GPU, precision and group.</param>
    public ReplicaCapacity(double weightBytes, Func<double, double> kvBytesPerSequence, double bandwidth, double flops, double activeParameters, double mbu, double mfu, int servingConcurrency, double usableBytes, IReadOnlyList<ThroughputBenchmark> rows)
    {
        this.weightBytes = weightBytes;
        this.kvBytesPerSequence = kvBytesPerSequence;
        this.bandwidth = bandwidth;
        this.flops = flops;
        this.activeParameters = activeParameters;
        this.mbu = mbu;
        this.mfu = mfu;
        this.servingConcurrency = servingConcurrency;
        this.usableBytes = usableBytes;
        Rows = rows.ToArray();
        OfflineRows = Rows.Select((r, i) => (r, i)).Where(x => !x.r.HasLatency).Select(x => x.i).ToArray();
        LatencyRows = Rows.Select((r, i) => (r, i)).Where(x => x.r.HasLatency).Select(x => x.i).ToArray();
    }

    /// <summary>Gets the benchmark rows, in table order.</summary>
    public ThroughputBenchmark[] Rows { get; }

    private int[] OfflineRows { get; }

    private int[] LatencyRows { get; }

    /// <summary>
    /// Gets the most output tokens/s a replica can produce for a shape if it did nothing but read prompts at its GPUs'
    /// dense peak: output ÷ (input × 2 × active parameters ÷ peak FLOPS). No figure may exceed it.
    /// </summary>
    public double PrefillCap(double input, double output) =>
        input <= 0 ? double.PositiveInfinity : Math.Max(output, 1) * flops / (2 * activeParameters * input);

    /// <summary>
    /// Gets the batch an engine runs offline at a shape: as many sequences of input + output tokens as the KV cache left
    /// after the weights holds, at least 1, at most <see cref="MaxOfflineBatch"/> (or the serving concurrency if higher).
    /// </summary>
    public int OfflineBatch(double input, double output)
    {
        var fits = (usableBytes - weightBytes) / kvBytesPerSequence(input + Math.Max(output, 1));
        var cap = Math.Max(MaxOfflineBatch, servingConcurrency);
        return !(fits >= 1) ? 1 : fits >= cap ? cap : (int)fits;
    }

    /// <summary>Gets the roofline's output tokens/s at a shape and batch (<see cref="CapacityMath.RooflineOutputTokensPerSecond"/>).</summary>
    public double Roofline(double input, double output, int batch) =>
        CapacityMath.RooflineOutputTokensPerSecond(weightBytes, batch, input, Math.Max(output, 1), KvBytesPerTokenAtDecode(input, output), bandwidth, mbu, activeParameters, flops, mfu);

    /// <summary>
    /// Gets the KV-cache bytes per token the roofline reads at a shape's mean decode context, input + output ÷ 2: the
    /// sequence's bytes at that context ÷ the context (less than the full per-token figure beyond a sliding window).
    /// </summary>
    private double KvBytesPerTokenAtDecode(double input, double output)
    {
        var context = input + (Math.Max(output, 1) / 2);
        return kvBytesPerSequence(context) / context;
    }

    /// <summary>
    /// Gets the offline throughput for a shape: a row measured within 20 % of it (an offline row before one at a stated
    /// concurrency, then the nearest, then the slower); else the nearest row carried over by the roofline ratio, each
    /// shape at the batch it runs (a row's concurrency, or the offline batch of its shape); else the roofline at the
    /// serving concurrency. Capped by <see cref="PrefillCap"/>.
    /// </summary>
    public ReplicaThroughput Offline(double input, double output)
    {
        var cap = PrefillCap(input, output);
        if (OfflineRows.Length == 0)
        {
            var roofline = Roofline(input, output, servingConcurrency);
            return new ReplicaThroughput(Math.Min(roofline, cap), CapacityBasis.Roofline, -1, servingConcurrency, roofline > cap);
        }

        var measured = Nearest(OfflineRows, input, output, withinTolerance: true);
        double tokens;
        CapacityBasis basis;
        int row;
        if (measured >= 0)
        {
            row = measured;
            tokens = (double)Rows[row].OutputTokensPerSecondPerReplica;
            basis = CapacityBasis.Measured;
        }
        else
        {
            row = Nearest(OfflineRows, input, output, withinTolerance: false);
            tokens = (double)Rows[row].OutputTokensPerSecondPerReplica * CarryRatio(Rows[row], input, output);
            basis = CapacityBasis.Carried;
        }

        return new ReplicaThroughput(Math.Min(tokens, cap), basis, row, OfflineBatch(input, output), tokens > cap);
    }

    /// <summary>The roofline at the shape's offline batch ÷ the roofline at the row's shape and batch.</summary>
    public double CarryRatio(ThroughputBenchmark row, double input, double output)
    {
        var rowBatch = row.Concurrency > 0 ? row.Concurrency : OfflineBatch(row.InputTokens, row.OutputTokens);
        return Roofline(input, output, OfflineBatch(input, output)) / Roofline(row.InputTokens, row.OutputTokens, rowBatch);
    }

    /// <summary>
    /// Gets the throughput for a shape under a latency target, at most <paramref name="offline"/>: the fastest
    /// latency-bounded row within 20 % of the shape whose medians meet the target; else the roofline, calibrated to the
    /// offline figure (k = min(1, offline ÷ roofline at the offline batch)), at the largest batch B whose per-request
    /// speed k × roofline(B) ÷ B and first-token time (prefill + one decode step) ÷ k meet the target, giving
    /// k × roofline(B). Without a target, the
    /// offline figure. <paramref name="fastestSpeed"/> and <paramref name="fastestFirstToken"/> are the batch-1 figures,
    /// for the error when not even one request alone meets the target (then the result's throughput is 0).
    /// </summary>
    public ReplicaThroughput Interactive(double input, double output, LatencyTarget? target, ReplicaThroughput offline, out double fastestSpeed, out double fastestFirstToken)
    {
        fastestSpeed = double.NaN;
        fastestFirstToken = double.NaN;
        if (target is null || offline.Basis == CapacityBasis.Given)
        {
            return offline;
        }

        var best = -1;
        foreach (var i in LatencyRows)
        {
            var r = Rows[i];
            if (Within(r, input, output) && Meets(target, (double)r.TimeToFirstTokenSecondsP50!.Value, 1 / (double)r.TimePerOutputTokenSecondsP50!.Value)
                && (best < 0 || r.OutputTokensPerSecondPerReplica > Rows[best].OutputTokensPerSecondPerReplica))
            {
                best = i;
            }
        }

        if (best >= 0)
        {
            var tokens = (double)Rows[best].OutputTokensPerSecondPerReplica;
            return tokens >= offline.TokensPerSecond ? offline : new ReplicaThroughput(tokens, CapacityBasis.LatencyRow, best, Rows[best].Concurrency, false);
        }

        // The offline figure calibrates the roofline: k = offline ÷ roofline at the offline batch. A figure above the
        // roofline (k > 1) is taken to come from larger batches than the roofline's, not from faster steps, so the speed
        // each request sees is never raised above the roofline's own (at the option's MBU and MFU); one below it slows
        // every step by k.
        var reference = offline.Batch;
        var k = Math.Min(1, offline.TokensPerSecond / Roofline(input, output, reference));
        var prefill = CapacityMath.PrefillSeconds(activeParameters, input, flops, mfu);
        (double Speed, double FirstToken) At(int batch) =>
            (k * Roofline(input, output, batch) / batch, (prefill + CapacityMath.DecodeStepSeconds(weightBytes, batch, input + (Math.Max(output, 1) / 2), KvBytesPerTokenAtDecode(input, output), bandwidth, mbu, activeParameters, flops, mfu)) / k);

        (fastestSpeed, fastestFirstToken) = At(1);
        if (!Meets(target, fastestFirstToken, fastestSpeed))
        {
            return new ReplicaThroughput(0, CapacityBasis.LatencyBatch, -1, 0, false);
        }

        // Speed falls and first-token time grows with the batch: the largest batch that meets both, by bisection.
        int low = 1, high = reference;
        var atHigh = At(high);
        if (Meets(target, atHigh.FirstToken, atHigh.Speed))
        {
            return offline;
        }

        while (high - low > 1)
        {
            var mid = low + ((high - low) / 2);
            var (speed, firstToken) = At(mid);
            if (Meets(target, firstToken, speed))
            {
                low = mid;
            }
            else
            {
                high = mid;
            }
        }

        return new ReplicaThroughput(Math.Min(k * Roofline(input, output, low), offline.TokensPerSecond), CapacityBasis.LatencyBatch, -1, low, false);
    }

    private static bool Meets(LatencyTarget target, double firstToken, double speed) =>
        (target.MaxTimeToFirstTokenSeconds is not { } ttft || firstToken <= ttft)
        && (target.MinOutputTokensPerSecondPerRequest is not { } min || speed >= min);

    private static bool Within(ThroughputBenchmark r, double input, double output) =>
        Math.Abs(r.InputTokens - input) <= SameShapeTolerance * Math.Max(input, 1)
        && Math.Abs(r.OutputTokens - output) <= SameShapeTolerance * Math.Max(output, 1);

    /// <summary>
    /// The row among <paramref name="candidates"/> nearest the shape (log distance of input and output lengths), an
    /// offline row before one at a stated concurrency, the slower on a tie, the first in table order after that;
    /// only rows within 20 % when <paramref name="withinTolerance"/>; −1 when none.
    /// </summary>
    private int Nearest(int[] candidates, double input, double output, bool withinTolerance)
    {
        var best = -1;
        var bestDistance = 0.0;
        foreach (var i in candidates)
        {
            var r = Rows[i];
            if (withinTolerance && !Within(r, input, output))
            {
                continue;
            }

            var distance = Math.Abs(Math.Log(r.InputTokens / Math.Max(input, 1))) + Math.Abs(Math.Log(r.OutputTokens / Math.Max(output, 1)));
            if (best < 0 || Better(r, distance, Rows[best], bestDistance))
            {
                best = i;
                bestDistance = distance;
            }
        }

        return best;
    }

    private static bool Better(ThroughputBenchmark r, double distance, ThroughputBenchmark best, double bestDistance)
    {
        var offline = r.Concurrency == 0;
        var bestOffline = best.Concurrency == 0;
        if (offline != bestOffline)
        {
            return offline;
        }

        return distance < bestDistance || (distance == bestDistance && r.OutputTokensPerSecondPerReplica < best.OutputTokensPerSecondPerReplica);
    }
}
