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
public sealed partial class MonteCarloSimulator
{
    /// <summary>The most per-trial outputs (3 per self-hosted × API pair and 2 per option, per trial) a run keeps: 100 million numbers, 800 MB.</summary>
    internal const long MaxTrialNumbers = 100_000_000;

    /// <summary>The most cumulative differences (pairs × months × trials) kept for the month-by-month percentiles: 16 million numbers, 128 MB.</summary>
    internal const long MaxKeptNumbers = 16_000_000;

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

        var perTrial = (3L * run.Layout.Pairs.Length) + (2L * run.Layout.OptionNames.Length);
        if (trials * perTrial > MaxTrialNumbers)
        {
            throw new ScenarioValidationException([new ScenarioError("$.uncertainty.trials", trials.ToString(CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"{trials:N0} trials keep {perTrial:N0} numbers each ({trials * perTrial:N0} in all), above the limit of {MaxTrialNumbers:N0}; use fewer trials or fewer options"))]);
        }

        // The month-by-month percentiles keep at most MaxKeptNumbers numbers, whatever the pairs and months.
        var monthly = Math.Max(1L, (long)run.Layout.Pairs.Length * run.Layout.Months);
        var kept = (int)Math.Min(Math.Min(trials, options.MonthlyPercentileTrials), Math.Max(1, MaxKeptNumbers / monthly));
        var outputs = new TrialOutputs(run.Layout, trials, kept);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        var recompiled = RunTrials(run, evaluator, outputs, seed, parallel, progress);
        var (pairs, optionOutcomes) = Summarize(run.Layout, outputs, percentiles, parallel);
        return new MonteCarloResult(scenario, trials, seed, percentiles, settings.Inputs, evaluation, evaluation == TrialEvaluation.Kernel ? recompiled : 0, outputs.KeptTrials, pairs, optionOutcomes);
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

        if (options.Percentiles.Count > UncertaintySettings.MaxPercentiles)
        {
            throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"At most {UncertaintySettings.MaxPercentiles} percentiles may be asked for (value: {options.Percentiles.Count:N0})."), nameof(options));
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
}
