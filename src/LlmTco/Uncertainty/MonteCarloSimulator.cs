using System.Globalization;
using System.Runtime.ExceptionServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using MathNet.Numerics.Statistics;

namespace LlmTco.Uncertainty;

/// <summary>
/// Runs a scenario's uncertainty section: a seeded Monte Carlo simulation over its uncertain inputs, and a one-at-a-time
/// sensitivity (tornado) analysis. The methodology is in the project's <c>docs/methodology.md</c>.
/// </summary>
/// <remarks>
/// <para>
/// Reproducible: trial t draws input i from its own random stream, seeded by SplitMix64 from (seed, t, i), and writes its
/// outputs at index t; percentiles are taken after every trial is done. The results are therefore bit-identical for
/// any degree of parallelism. Across machines they are identical wherever the runtime's <see cref="Math.Pow"/>,
/// <see cref="Math.Log(double)"/> and <see cref="Math.Exp"/> are (the random streams themselves use integer arithmetic only).
/// </para>
/// <threadsafety>Stateless apart from the immutable engine: one instance may run many simulations at once.</threadsafety>
/// </remarks>
public sealed class MonteCarloSimulator
{
    private static readonly double[] StandardPercentiles = [0.1, 0.5, 0.9];

    /// <summary>Initializes a new instance over an engine.</summary>
    /// <param name="engine">The engine that evaluates the scenario (and, when needed, each trial).</param>
    /// <exception cref="ArgumentNullException"><paramref name="engine"/> is <see langword="null"/>.</exception>
    public MonteCarloSimulator(TcoEngine engine)
    {
        ArgumentNullException.ThrowIfNull(engine);
        Engine = engine;
    }

    /// <summary>Initializes a new instance over a pricing catalog.</summary>
    /// <param name="catalog">The catalog, e.g. <see cref="PricingCatalog.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public MonteCarloSimulator(PricingCatalog catalog)
        : this(new TcoEngine(catalog ?? throw new ArgumentNullException(nameof(catalog))))
    {
    }

    /// <summary>Gets the engine the scenario is evaluated with.</summary>
    public TcoEngine Engine { get; }

    /// <summary>Runs the Monte Carlo simulation of a scenario's uncertainty section on every core (or as many as the options allow).</summary>
    /// <param name="scenario">The scenario, with an <see cref="Scenario.Uncertainty"/> section.</param>
    /// <param name="options">Overrides of trials, seed and percentiles, and the run's resources; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the number of trials done, from worker threads; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The percentiles of every output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The scenario has no uncertainty section, or an option is out of range.</exception>
    /// <exception cref="ScenarioValidationException">The scenario or its uncertainty section is invalid, or a trial's drawn values make it invalid (the message names the trial and the values).</exception>
    /// <exception cref="PricingLookupException">A provider, model, GPU or plan is not in the catalog.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public MonteCarloResult Run(Scenario scenario, MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        options ??= new MonteCarloOptions();
        var run = Prepare(scenario, options);
        var settings = scenario.Uncertainty!;
        var trials = options.Trials ?? settings.Trials;
        var seed = options.Seed ?? settings.Seed;
        var percentiles = StandardPercentiles.Concat(settings.Percentiles ?? []).Concat(options.Percentiles)
            .Order().Aggregate(new List<double>(), (list, p) =>
            {
                if (list.Count == 0 || p - list[^1] > 1e-12)
                {
                    list.Add(p);
                }

                return list;
            });

        string? reason = null;
        var slots = options.Evaluation == TrialEvaluation.Engine ? null : TrialEvaluator.Slots(run.Plan, run.Paths, out reason);
        if (slots is null && options.Evaluation == TrialEvaluation.Kernel)
        {
            throw new ArgumentException($"The compiled kernel cannot evaluate this scenario: {reason}. Use TrialEvaluation.Automatic or Engine.", nameof(options));
        }

        var evaluator = new TrialEvaluator(Engine, run.Baseline, run.Plan, run.Paths, run.Layout, slots);
        var evaluation = evaluator.InPlace ? TrialEvaluation.Kernel : TrialEvaluation.Engine;

        var layout = run.Layout;
        var months = layout.Months;
        var pairCount = layout.Pairs.Length;
        var optionCount = layout.OptionNames.Length;
        var keptTrials = Math.Min(trials, options.MonthlyPercentileTrials);
        var breakEvenMonth = Jagged(pairCount, trials);
        var breakEvenVolume = Jagged(pairCount, trials);
        var npvDifference = Jagged(pairCount, trials);
        var npv = Jagged(optionCount, trials);
        var costPerMillion = Jagged(optionCount, trials);
        var kept = Jagged(pairCount, keptTrials * months);
        var cheaper = new long[pairCount * months];
        var handedToEngine = 0;
        var completed = 0;
        var failure = new FailureHolder();

        var chunk = Math.Clamp(trials / (Environment.ProcessorCount * 16), 16, 1024);
        var chunks = (trials + chunk - 1) / chunk;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        Parallel.For(
            0,
            chunks,
            parallel,
            () => new Worker(evaluator.CreateWorkspace(), new TrialRecord(layout), new double[run.Paths.Count], new long[pairCount * months]),
            (c, loop, worker) =>
            {
                var first = c * chunk;
                var last = Math.Min(trials, first + chunk);
                for (var t = first; t < last; t++)
                {
                    if (cancellationToken.IsCancellationRequested || loop.ShouldExitCurrentIteration)
                    {
                        return worker;
                    }

                    try
                    {
                        run.Draw(seed, t, worker.Random, worker.Values);
                        evaluator.Evaluate(worker.Values, worker.Workspace, worker.Record);
                    }
                    catch (Exception ex) when (ex is ScenarioValidationException or PricingLookupException or ArgumentException or InvalidOperationException)
                    {
                        failure.Offer(t, worker.Values.ToArray(), ex);
                        loop.Stop();
                        return worker;
                    }

                    Store(worker, t);
                }

                progress?.Report(new MonteCarloProgress(Interlocked.Add(ref completed, last - first), trials));
                return worker;
            },
            worker =>
            {
                lock (cheaper)
                {
                    for (var i = 0; i < cheaper.Length; i++)
                    {
                        cheaper[i] += worker.Cheaper[i];
                    }
                }

                Interlocked.Add(ref handedToEngine, worker.Workspace.TrialsRecompiled);
            });

        cancellationToken.ThrowIfCancellationRequested();
        failure.ThrowIfAny(run);

        // Every summary is independent of the others: compute them on the run's cores, each into its own slot.
        var jobs = new List<(double[] Values, int Offset, int Length, double Limit)>();
        for (var p = 0; p < pairCount; p++)
        {
            jobs.Add((breakEvenMonth[p], 0, trials, months));
            jobs.Add((breakEvenVolume[p], 0, trials, 1e300));
            jobs.Add((npvDifference[p], 0, trials, double.PositiveInfinity));
            for (var m = 0; m < months; m++)
            {
                jobs.Add((kept[p], m * keptTrials, keptTrials, double.PositiveInfinity));
            }
        }

        for (var o = 0; o < optionCount; o++)
        {
            jobs.Add((npv[o], 0, trials, double.PositiveInfinity));
            jobs.Add((costPerMillion[o], 0, trials, double.PositiveInfinity));
        }

        // Each worker reuses its scratch arrays (MathNet's selection reorders them) rather than allocate one per summary.
        var summaries = new PercentileSummary[jobs.Count];
        Parallel.For(
            0,
            jobs.Count,
            parallel,
            () => new Scratch(),
            (int j, ParallelLoopState _, Scratch scratch) =>
            {
                var (values, offset, length, limit) = jobs[j];
                summaries[j] = Summarize(values.AsSpan(offset, length), percentiles, limit, scratch);
                return scratch;
            },
            _ => { });
        var next = 0;
        var pairs = new List<PairOutcomes>(pairCount);
        for (var p = 0; p < pairCount; p++)
        {
            var (self, api) = layout.Pairs[p];
            var times = breakEvenMonth[p];
            var timeSummary = summaries[next++];
            var volumeSummary = summaries[next++];
            var npvSummary = summaries[next++];
            var fan = summaries.AsSpan(next, months).ToArray();
            next += months;
            pairs.Add(new PairOutcomes(
                layout.OptionNames[self],
                layout.OptionNames[api],
                timeSummary,
                Share(times, double.IsPositiveInfinity),
                Share(times, x => x == 0),
                volumeSummary,
                npvSummary,
                Enumerable.Range(0, months).Select(m => (double)cheaper[(p * months) + m] / trials).ToArray(),
                fan,
                Array.AsReadOnly(times),
                Array.AsReadOnly(breakEvenVolume[p]),
                Array.AsReadOnly(npvDifference[p])));
        }

        var optionOutcomes = new List<OptionOutcomes>(optionCount);
        for (var o = 0; o < optionCount; o++)
        {
            optionOutcomes.Add(new OptionOutcomes(layout.OptionNames[o], layout.OptionKinds[o], summaries[next], summaries[next + 1]));
            next += 2;
        }

        return new MonteCarloResult(scenario, trials, seed, percentiles, settings.Inputs, evaluation, evaluation == TrialEvaluation.Kernel ? handedToEngine : 0, keptTrials, pairs, optionOutcomes);

        void Store(Worker worker, int t)
        {
            // Unchecked: indices bounded by the arrays' lengths, in a loop run per trial (see ScenarioPlan).
            unchecked
            {
                var r = worker.Record;
                for (var p = 0; p < pairCount; p++)
                {
                    var (self, api) = layout.Pairs[p];
                    breakEvenMonth[p][t] = r.BreakEvenMonth[p];
                    breakEvenVolume[p][t] = r.BreakEvenVolume[p];
                    npvDifference[p][t] = r.Npv[self] - r.Npv[api];
                    var offset = p * months;
                    var differences = r.CumulativeDifference.AsSpan(offset, months);
                    CountCheaper(differences, worker.Cheaper.AsSpan(offset, months));

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
    }

    /// <summary>Runs <see cref="Run"/> on the thread pool.</summary>
    /// <param name="scenario">The scenario, with an <see cref="Scenario.Uncertainty"/> section.</param>
    /// <param name="options">Overrides and resources; <see langword="null"/> for the defaults.</param>
    /// <param name="progress">Receives the number of trials done; or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The percentiles of every output.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public Task<MonteCarloResult> RunAsync(Scenario scenario, MonteCarloOptions? options = null, IProgress<MonteCarloProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return Task.Run(() => Run(scenario, options, progress, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Runs a tornado analysis: each uncertain input at its P10 and at its P90 (inverse cumulative distribution) with
    /// every other input at its median, evaluated by the full engine, and ranked by the swing in break-even month and
    /// in NPV difference.
    /// </summary>
    /// <param name="scenario">The scenario, with an <see cref="Scenario.Uncertainty"/> section.</param>
    /// <param name="cancellationToken">Stops the analysis between evaluations.</param>
    /// <returns>Every pair's ranked swings.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The scenario has no uncertainty section.</exception>
    /// <exception cref="ScenarioValidationException">The scenario is invalid, or invalid with an input at its P10 or P90.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public TornadoResult Tornado(Scenario scenario, CancellationToken cancellationToken = default)
    {
        var run = Prepare(scenario, new MonteCarloOptions());
        var layout = run.Layout;
        var inputs = scenario.Uncertainty!.Inputs;
        var medians = run.Quantiles(0.5);
        var low = run.Quantiles(0.1);
        var high = run.Quantiles(0.9);
        var record = new TrialRecord(layout);
        var evaluator = new TrialEvaluator(Engine, run.Baseline, run.Plan, run.Paths, layout, null);
        var workspace = evaluator.CreateWorkspace();

        (double[] Time, double[] Npv) Evaluate(double[] values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            evaluator.Evaluate(values, workspace, record);
            return ((double[])record.BreakEvenMonth.Clone(), layout.Pairs.Select(p => record.Npv[p.Self] - record.Npv[p.Api]).ToArray());
        }

        var baseline = Evaluate(medians);
        var swings = new List<((double[] Time, double[] Npv) Low, (double[] Time, double[] Npv) High)>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var lowValues = (double[])medians.Clone();
            var highValues = (double[])medians.Clone();
            lowValues[i] = low[i];
            highValues[i] = high[i];
            swings.Add((Evaluate(lowValues), Evaluate(highValues)));
        }

        var horizon = layout.Months;
        double? Time(double t) => double.IsPositiveInfinity(t) ? null : t;
        double Capped(double t) => Math.Min(t, horizon);
        var pairs = new List<TornadoPair>();
        for (var p = 0; p < layout.Pairs.Length; p++)
        {
            var bars = inputs.Select((input, i) =>
            {
                var (l, h) = swings[i];
                return new TornadoBar(
                    input.Path,
                    input.Label ?? input.Path,
                    low[i],
                    high[i],
                    Time(l.Time[p]),
                    Time(h.Time[p]),
                    l.Npv[p],
                    h.Npv[p],
                    Math.Abs(Capped(h.Time[p]) - Capped(l.Time[p])),
                    Math.Abs(h.Npv[p] - l.Npv[p]));
            }).ToList();
            var (self, api) = layout.Pairs[p];
            pairs.Add(new TornadoPair(
                layout.OptionNames[self],
                layout.OptionNames[api],
                Time(baseline.Time[p]),
                baseline.Npv[p],
                bars.OrderByDescending(b => b.BreakEvenMonthSwing).ToList(),
                bars.OrderByDescending(b => b.NpvDifferenceSwing).ToList()));
        }

        return new TornadoResult(scenario, pairs);
    }

    /// <summary>
    /// Summarises one output over the trials with MathNet's percentiles (R-8, by selection: <c>ArrayStatistics.QuantileInplace</c>
    /// gives the same order statistics and interpolation as sorting and <c>SortedArrayStatistics.Quantile</c>). +∞ stands for
    /// "no finite answer": it ranks after every finite value (as <see cref="double.MaxValue"/>, so that interpolation stays
    /// finite) and a percentile above <paramref name="finiteLimit"/> is reported as <see langword="null"/>. NaN (no value)
    /// is left out. The mean is taken in trial order.
    /// </summary>
    internal static PercentileSummary Summarize(ReadOnlySpan<double> values, IReadOnlyList<double> percentiles, double finiteLimit, Scratch? scratch = null)
    {
        var infinite = false;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                count++;
                infinite |= double.IsInfinity(v);
            }
        }

        var data = scratch?.Get(count) ?? new double[count];
        var k = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                data[k++] = double.IsPositiveInfinity(v) ? double.MaxValue : v;
            }
        }

        double? mean = count > 0 && !infinite ? Mean(data) : null;
        var summary = new List<PercentileValue>(percentiles.Count);
        foreach (var p in percentiles)
        {
            double? q = count == 0 ? null : ArrayStatistics.QuantileInplace(data, p);
            summary.Add(new PercentileValue(p, q > finiteLimit ? null : q));
        }

        return new PercentileSummary(summary, mean, count);
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

    /// <summary>
    /// The arithmetic mean as the sum ÷ the count (MathNet's running mean divides once per value, which made it a tenth
    /// of a 100,000-trial summary); MathNet's where the sum would overflow.
    /// </summary>
    private static double Mean(double[] data)
    {
        var sum = 0.0;
        foreach (var v in data)
        {
            sum += v;
        }

        return double.IsFinite(sum) ? sum / data.Length : ArrayStatistics.Mean(data);
    }

    /// <summary>Scratch arrays of the lengths a run summarises, reused by one worker.</summary>
    internal sealed class Scratch
    {
        private readonly Dictionary<int, double[]> arrays = [];

        public double[] Get(int length)
        {
            if (!arrays.TryGetValue(length, out var array))
            {
                array = new double[length];
                arrays[length] = array;
            }

            return array;
        }
    }

    private static double Share(double[] values, Func<double, bool> predicate)
    {
        var count = 0;
        foreach (var v in values)
        {
            if (predicate(v))
            {
                count++;
            }
        }

        return values.Length == 0 ? 0 : (double)count / values.Length;
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

    private PreparedRun Prepare(Scenario scenario, MonteCarloOptions options)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(options);
        if (scenario.Uncertainty is null)
        {
            throw new ArgumentException($"The scenario '{scenario.Name}' has no uncertainty section: give one (\"uncertainty\": {{ \"inputs\": [ ... ] }}) to say which inputs are uncertain.", nameof(scenario));
        }

        if (options.Trials is { } trials && trials is < 1 or > UncertaintySettings.MaxTrials)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Trials must be from 1 to {UncertaintySettings.MaxTrials:N0} (value: {trials})."), nameof(options));
        }

        if (options.MaxDegreeOfParallelism is 0 or < -1)
        {
            throw new ArgumentException("MaxDegreeOfParallelism must be −1 (every core) or at least 1.", nameof(options));
        }

        if (options.MonthlyPercentileTrials < 0)
        {
            throw new ArgumentException("MonthlyPercentileTrials must not be negative.", nameof(options));
        }

        if (options.Percentiles.FirstOrDefault(p => !(p is > 0 and < 1)) is var bad && options.Percentiles.Any(p => !(p is > 0 and < 1)))
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Percentiles are fractions strictly between 0 and 1 (value: {bad})."), nameof(options));
        }

        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var baseline = scenario with { Uncertainty = null };
        var inputs = scenario.Uncertainty.Inputs;
        var paths = inputs.Select(i =>
        {
            ScenarioPath.TryResolve(baseline, i.Path, out var path, out _);
            return path!;
        }).ToList();
        var samplers = inputs.Select(i => i.Distribution.Prepare()).ToList();
        var layout = new TrialLayout(Engine.Evaluate(baseline));
        return new PreparedRun(baseline, Engine.Compile(baseline, describe: false), inputs, paths, samplers, layout);
    }

    private sealed record Worker(TrialEvaluator.Workspace Workspace, TrialRecord Record, double[] Values, long[] Cheaper)
    {
        public TrialRandom Random { get; } = new();
    }

    private sealed record PreparedRun(Scenario Baseline, Evaluation.ScenarioPlan Plan, IReadOnlyList<UncertainInput> Inputs, IReadOnlyList<ScenarioPath> Paths, IReadOnlyList<DistributionSampler> Samplers, TrialLayout Layout)
    {
        /// <summary>Draws trial <paramref name="trial"/>'s value of every input, each from its own stream, rounding whole-number inputs.</summary>
        public void Draw(long seed, int trial, TrialRandom random, double[] values)
        {
            // Unchecked: indices bounded by the arrays' lengths, in a loop run per trial (see ScenarioPlan).
            unchecked
            {
                for (var i = 0; i < values.Length; i++)
                {
                    random.Reset(SplitMix64.StreamSeed(seed, trial, i));
                    values[i] = Round(i, Samplers[i].Sample(random));
                }
            }
        }

        public double[] Quantiles(double p) => Samplers.Select((s, i) => Round(i, s.InverseCumulative(p))).ToArray();

        private double Round(int input, double value) => Paths[input].IsWholeNumber ? Math.Round(value, MidpointRounding.ToEven) : value;
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

            if (exception is ArgumentException or InvalidOperationException)
            {
                throw new ScenarioValidationException([new ScenarioError("$.uncertainty", null, $"{exception.Message} ({context})")]);
            }

            ExceptionDispatchInfo.Capture(exception).Throw();
        }
    }
}
