using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LlmTco.Pricing;
using LlmTco.Scenarios;

namespace LlmTco.Uncertainty;

/// <summary>Running the trials: each on a worker thread, its inputs drawn from its own stream, its outputs stored at its index.</summary>
public sealed partial class MonteCarloSimulator
{
    /// <summary>
    /// Runs every trial on the run's cores into <paramref name="outputs"/>: trial t draws input i from its own stream,
    /// seeded from (seed, t, i), so the outputs are the same for any number of threads. Throws the failure of the
    /// lowest-numbered trial that failed, with its drawn values.
    /// </summary>
    /// <returns>The trials evaluated from their own scenario although the evaluator works in place.</returns>
    private static int RunTrials(PreparedRun run, TrialEvaluator evaluator, TrialOutputs outputs, long seed, ParallelOptions parallel, IProgress<MonteCarloProgress>? progress)
    {
        var recompiled = 0;
        var completed = 0;
        var failure = new FailureHolder();
        var chunk = Math.Clamp(outputs.Trials / (Environment.ProcessorCount * 16), 16, 1024);
        var chunks = (outputs.Trials + chunk - 1) / chunk;
        Parallel.For(
            0,
            chunks,
            parallel,
            () => new Worker(evaluator.CreateWorkspace(), new TrialRecord(run.Layout), new double[run.Paths.Count], new long[outputs.Cheaper.Length]),
            (c, loop, worker) =>
            {
                var first = c * chunk;
                var last = Math.Min(outputs.Trials, first + chunk);
                for (var t = first; t < last; t++)
                {
                    if (parallel.CancellationToken.IsCancellationRequested || loop.ShouldExitCurrentIteration)
                    {
                        return worker;
                    }

                    try
                    {
                        run.Draw(seed, t, worker.Random, worker.Values);
                        evaluator.Evaluate(worker.Values, worker.Workspace, worker.Record);
                        if (worker.Record.FirstNonFinite() is { } bad)
                        {
                            throw new ScenarioValidationException([new ScenarioError("$.uncertainty", null, $"a figure of the trial is not a finite number: {bad}; the drawn values, though each within the limits, take it beyond what the arithmetic holds")]);
                        }
                    }
                    catch (Exception ex) when (ex is ScenarioValidationException or PricingLookupException or ArgumentException or InvalidOperationException or ArithmeticException)
                    {
                        failure.Offer(t, worker.Values.ToArray(), ex);
                        loop.Stop();
                        return worker;
                    }

                    outputs.Store(worker.Record, worker.Cheaper, t);
                }

                progress?.Report(new MonteCarloProgress(Interlocked.Add(ref completed, last - first), outputs.Trials));
                return worker;
            },
            worker =>
            {
                lock (outputs.Cheaper)
                {
                    for (var i = 0; i < outputs.Cheaper.Length; i++)
                    {
                        outputs.Cheaper[i] += worker.Cheaper[i];
                    }
                }

                Interlocked.Add(ref recompiled, worker.Workspace.TrialsRecompiled);
            });

        parallel.CancellationToken.ThrowIfCancellationRequested();
        failure.ThrowIfAny(run);
        return recompiled;
    }

    /// <summary>
    /// Adds 1 to each month's count where the cumulative difference is at most 0 (self-hosting cheaper or equal so far).
    /// Four months at a time where the CPU has 256-bit vectors: a lane's comparison mask is all ones, which is −1 as an
    /// integer, so subtracting it counts the month; NaN compares false, as in the scalar loop.
    /// </summary>
    internal static void CountCheaper(ReadOnlySpan<double> differences, Span<long> counts)
    {
        // Unchecked: indices bounded by the arrays' lengths, in a loop run per trial (see ScenarioPlan).
        unchecked
        {
            var m = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                ref var d = ref MemoryMarshal.GetReference(differences);
                ref var c = ref MemoryMarshal.GetReference(counts);
                for (; m <= differences.Length - 4; m += 4)
                {
                    var at = (nuint)m;
                    var cheaper = Vector256.LessThanOrEqual(Vector256.LoadUnsafe(ref d, at), Vector256<double>.Zero).AsInt64();
                    (Vector256.LoadUnsafe(ref c, at) - cheaper).StoreUnsafe(ref c, at);
                }
            }

            for (; m < differences.Length; m++)
            {
                counts[m] += differences[m] <= 0 ? 1 : 0;
            }
        }
    }

    /// <summary>A worker thread's evaluator workspace, trial record, drawn values, cheaper-month counts and random stream.</summary>
    private sealed record Worker(TrialEvaluator.Workspace Workspace, TrialRecord Record, double[] Values, long[] Cheaper)
    {
        public TrialRandom Random { get; } = new();
    }

    /// <summary>Keeps the failure of the lowest-numbered trial that failed.</summary>
    private sealed class FailureHolder
    {
        private int trial = int.MaxValue;
        private double[]? values;
        private Exception? exception;

        public void Offer(int t, double[] drawn, Exception ex)
        {
            lock (this)
            {
                if (t < trial)
                {
                    (trial, values, exception) = (t, drawn, ex);
                }
            }
        }

        public void ThrowIfAny(PreparedRun run)
        {
            if (exception is null)
            {
                return;
            }

            var drawn = string.Join(", ", run.Paths.Select((p, i) => $"{p.Text} = {Distribution.Num(values![i])}"));
            var context = string.Create(CultureInfo.InvariantCulture, $"in Monte Carlo trial {trial}, with {drawn}");
            if (exception is ScenarioValidationException invalid && invalid.Errors.Count > 0)
            {
                throw new ScenarioValidationException(invalid.Errors.Select(e => e with { Message = $"{e.Message} ({context}; narrow the distribution or truncate it)" }).ToList());
            }

            if (exception is ArgumentException or InvalidOperationException or ArithmeticException)
            {
                throw new ScenarioValidationException([new ScenarioError("$.uncertainty", null, $"{exception.Message} ({context})")]);
            }

            ExceptionDispatchInfo.Capture(exception).Throw();
        }
    }

    /// <summary>Every trial's outputs, stored at the trial's index, and the months each pair's self-hosting was cheaper.</summary>
    private sealed class TrialOutputs
    {
        private readonly TrialLayout layout;

        public TrialOutputs(TrialLayout layout, int trials, int keptTrials)
        {
            this.layout = layout;
            Trials = trials;
            KeptTrials = keptTrials;
            var pairs = layout.Pairs.Length;
            var options = layout.OptionNames.Length;
            BreakEvenMonth = Jagged(pairs, trials);
            BreakEvenVolume = Jagged(pairs, trials);
            NpvDifference = Jagged(pairs, trials);
            Npv = Jagged(options, trials);
            CostPerMillion = Jagged(options, trials);
            Kept = Jagged(pairs, keptTrials * layout.Months);
            Cheaper = new long[pairs * layout.Months];
        }

        public int Trials { get; }

        /// <summary>Gets the number of (first) trials whose cumulative differences are kept for the month-by-month percentiles.</summary>
        public int KeptTrials { get; }

        public double[][] BreakEvenMonth { get; }

        public double[][] BreakEvenVolume { get; }

        public double[][] NpvDifference { get; }

        public double[][] Npv { get; }

        public double[][] CostPerMillion { get; }

        /// <summary>Gets each pair's kept cumulative differences, month-major: [month × kept trials + trial].</summary>
        public double[][] Kept { get; }

        /// <summary>Gets, per pair and month, the trials in which self-hosting was cheaper or equal so far: [pair × months + month].</summary>
        public long[] Cheaper { get; }

        /// <summary>Stores trial <paramref name="t"/>'s record, and counts its cheaper months into the worker's <paramref name="cheaper"/>.</summary>
        public void Store(TrialRecord r, long[] cheaper, int t)
        {
            var months = layout.Months;
            var keptTrials = KeptTrials;
            var (breakEvenMonth, breakEvenVolume, npvDifference, kept, npv, costPerMillion) = (BreakEvenMonth, BreakEvenVolume, NpvDifference, Kept, Npv, CostPerMillion);
            var pairCount = layout.Pairs.Length;
            var optionCount = layout.OptionNames.Length;

            // Unchecked: indices bounded by the arrays' lengths, in a loop run per trial (see ScenarioPlan).
            unchecked
            {
                for (var p = 0; p < pairCount; p++)
                {
                    var (self, api) = layout.Pairs[p];
                    breakEvenMonth[p][t] = r.BreakEvenMonth[p];
                    breakEvenVolume[p][t] = r.BreakEvenVolume[p];
                    npvDifference[p][t] = r.Npv[self] - r.Npv[api];
                    var offset = p * months;
                    var differences = r.CumulativeDifference.AsSpan(offset, months);
                    CountCheaper(differences, cheaper.AsSpan(offset, months));

                    if (t < keptTrials)
                    {
                        // Month-major, so that each month's column is contiguous when its percentiles are taken.
                        var column = kept[p];
                        for (var m = 0; m < months; m++)
                        {
                            column[(m * keptTrials) + t] = r.CumulativeDifference[offset + m];
                        }
                    }
                }

                for (var o = 0; o < optionCount; o++)
                {
                    npv[o][t] = r.Npv[o];
                    costPerMillion[o][t] = r.CostPerMillionTokensAtHorizon[o];
                }
            }
        }

        /// <summary>Rows for per-trial outputs. Not zeroed: every trial writes its element, and a run that stops early throws.</summary>
        private static double[][] Jagged(int rows, int columns)
        {
            var result = new double[rows][];
            for (var i = 0; i < rows; i++)
            {
                result[i] = GC.AllocateUninitializedArray<double>(columns);
            }

            return result;
        }
    }
}
