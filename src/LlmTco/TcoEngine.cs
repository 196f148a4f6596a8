using System.Globalization;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco;

/// <summary>
/// Evaluates scenarios against a pricing catalog: every option month by month, break-even month and volume, and NPV,
/// following the methodology in the project's <c>docs/methodology.md</c>.
/// </summary>
/// <remarks><threadsafety>Stateless apart from the immutable catalog: one instance may evaluate many scenarios at once from many threads.</threadsafety></remarks>
public sealed class TcoEngine
{
    private readonly int? maxPriceAgeDays = PricingCatalog.DefaultMaxAgeDays;

    /// <summary>Initializes a new instance over a catalog.</summary>
    /// <param name="catalog">The pricing catalog, e.g. <see cref="PricingCatalog.Default"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public TcoEngine(PricingCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        Catalog = catalog;
    }

    /// <summary>Gets the pricing catalog the engine looks prices up in.</summary>
    public PricingCatalog Catalog { get; }

    /// <summary>
    /// Gets the age in days above which a catalog row that a result uses is stale: each such row adds an
    /// <see cref="AssumptionKind.Warning"/> naming the row and the date its source was read (see
    /// <see cref="PricingCatalog.FindStaleRows"/>). <see langword="null"/> turns the check off.
    /// </summary>
    /// <value>The default value is <see cref="PricingCatalog.DefaultMaxAgeDays"/> (180).</value>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    public int? MaxPriceAgeDays
    {
        get => maxPriceAgeDays;
        init
        {
            if (value is { } days)
            {
                ArgumentOutOfRangeException.ThrowIfNegative(days, nameof(MaxPriceAgeDays));
            }

            maxPriceAgeDays = value;
        }
    }

    /// <summary>Gets the clock whose UTC date is "today" for the staleness check.</summary>
    /// <value>The default value is <see cref="TimeProvider.System"/>.</value>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;

    /// <summary>Evaluates a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>Every option's months, the break-evens and the assumptions behind them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioValidationException">A value is out of range, a model does not fit the GPUs allowed, or a figure of the result would not be a finite number; lists every problem.</exception>
    /// <exception cref="PricingLookupException">A provider, model, GPU or plan is not in the catalog, or has no price on a month's date.</exception>
    public ScenarioResult Evaluate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var plan = ScenarioPlan.Compile(Catalog, scenario);
        var ws = new PlanWorkspace(plan);
        if (!plan.Evaluate(ws.Parameters, ws))
        {
            throw plan.FailureException(Catalog, ws.Failure);
        }

        var result = Result(plan, ws);
        return ResultFigures.FirstNonFinite(result) is { } bad ? throw new ScenarioValidationException([bad]) : result;
    }

    /// <summary>Compiles a valid scenario against the catalog (every lookup and check done once), for many evaluations.</summary>
    internal ScenarioPlan Compile(Scenario scenario, bool describe = true) => ScenarioPlan.Compile(Catalog, scenario, describe);

    /// <summary>The result of the baseline evaluation in <paramref name="ws"/>: every option's months, the break-evens and the assumptions.</summary>
    private ScenarioResult Result(ScenarioPlan plan, PlanWorkspace ws)
    {
        var scenario = plan.Scenario;
        var p = ws.Parameters;
        var volumes = ws.CurrentVolumes;
        var options = new List<OptionResult>(plan.OptionCount);
        foreach (var api in plan.Apis)
        {
            var a = api.Index;
            var months = Months(plan, ws, a, m =>
            {
                var lines = new double[CostLines.Count];
                lines[(int)CostLine.ApiUsage] = ws.Usage[a][m];
                lines[(int)CostLine.ApiCommitmentShortfall] = ws.Shortfall[a][m];
                lines[(int)CostLine.ApiFees] = p[api.FeeSlot];
                lines[(int)CostLine.ApiFineTuning] = api.FineTuningFee[m];
                lines[(int)CostLine.CommitmentBeyondHorizon] = m == plan.Months - 1 ? ws.ApiScratch[a].BeyondNominal : 0;
                return (lines, 0, 0, 0, null);
            });
            options.Add(new OptionResult(api.Option.Name, OptionKind.Api, months, 0, 0, 0, ThroughputSource.None, api.SteadyState(p, ws.Usage[a], volumes, 0, scenario.StartDate)));
        }

        var ratio = p[plan.Workload.RatioSlot];
        foreach (var self in plan.Selves)
        {
            var s = self.Index;
            var months = Months(plan, ws, self.OptionIndex, m =>
            {
                var lines = new double[CostLines.Count];
                ws.SelfLines[s].CopyMonth(m, ws.FineTuning[s], ws.Recurring[s], lines);
                var replicas = ws.Replicas[s][m];
                double? utilization = m >= self.Lead && replicas > 0 ? ws.Load[s][m] / replicas : null;
                return (lines, ws.Gpus[s][m], replicas * self.GpusPerReplica, replicas, utilization);
            });
            var residual = self.Rented ? 0 : ws.CapitalSoFar[s] * p[self.ResidualSlot];
            options.Add(new OptionResult(self.Option.Name, OptionKind.SelfHosted, months, residual, self.GpusPerReplica, self.BaseThroughput, self.ThroughputSource, self.SteadyState(ws, volumes, plan.MonthStarts[self.Lead])));
        }

        var breakEvens = new List<BreakEvenResult>();
        var maxTokens = WorkloadPlan.MaxTokens(volumes);
        foreach (var self in plan.Selves)
        {
            var selfResult = options[self.OptionIndex];
            foreach (var api in plan.Apis)
            {
                var o = api.Index;
                var reference = self.Lead;
                breakEvens.Add(new BreakEvenResult(
                    self.Option.Name,
                    api.Option.Name,
                    BreakEvenCalculator.ByMonth(ws.Cumulative[self.OptionIndex], ws.Cumulative[o]),
                    BreakEvenCalculator.ByMonth(ws.Discounted[self.OptionIndex], ws.Discounted[o]),
                    BreakEvenCalculator.ByVolume(selfResult.SteadyState, api.SteadyState(p, ws.Usage[o], volumes, reference, plan.MonthStarts[reference]), maxTokens)));
            }
        }

        var assumptions = plan.Assumptions.Concat(plan.Selves.SelectMany(self => self.Describe(ws))).ToList();
        AddStaleRowWarnings(assumptions);
        return new ScenarioResult(scenario, options, breakEvens, assumptions);
    }

    /// <summary>One option's months from the evaluation in <paramref name="ws"/>, each with its lines, GPUs, replicas and utilisation from <paramref name="month"/>.</summary>
    private static List<MonthResult> Months(ScenarioPlan plan, PlanWorkspace ws, int option, Func<int, (double[] Lines, int Gpus, int GpusNeeded, int Replicas, double? Utilization)> month)
    {
        var volumes = ws.CurrentVolumes;
        var lead = option < plan.Apis.Length ? 0 : plan.Selves[option - plan.Apis.Length].Lead;
        var beyond = option >= plan.Apis.Length && ws.SelfLines[option - plan.Apis.Length].BeyondMonths > 0;
        var last = plan.Months - 1;
        var months = new List<MonthResult>(plan.Months);
        for (var m = 0; m < plan.Months; m++)
        {
            var (lines, gpus, gpusNeeded, replicas, utilization) = month(m);
            // The last month's discounted cost, when it holds rent of months after the horizon, weighs each at its own month.
            double? discountedTotal = beyond && m == last ? ws.Discounted[option][m] - (m > 0 ? ws.Discounted[option][m - 1] : 0) : null;
            months.Add(new MonthResult(m + 1, plan.MonthStarts[m], lines, ws.Totals[option][m], ws.Cumulative[option][m], ws.CurrentFactors[m], ws.Discounted[option][m], volumes.TotalInput[m], volumes.TotalOutput[m], gpus, gpusNeeded, replicas, utilization, m < lead, discountedTotal));
        }

        return months;
    }

    /// <summary>Adds a warning for every catalog row used whose source was read more than <see cref="MaxPriceAgeDays"/> ago.</summary>
    private void AddStaleRowWarnings(List<Assumption> assumptions)
    {
        if (MaxPriceAgeDays is not { } maxAge)
        {
            return;
        }

        var today = DateOnly.FromDateTime(TimeProvider.GetUtcNow().UtcDateTime);
        var warned = new Dictionary<object, HashSet<(string?, string)>>(ReferenceEqualityComparer.Instance);
        foreach (var used in assumptions.Where(a => a.Kind == AssumptionKind.TableRow && a.Row is not null).ToList())
        {
            if (!warned.TryGetValue(used.Row!, out var columns))
            {
                warned[used.Row!] = columns = [];
            }

            if (columns.Add((used.Option, used.RowDateColumn)) && Catalog.StaleWarning(used.Row!, used.RowDateColumn, today, maxAge) is { } stale)
            {
                assumptions.Add(new Assumption(used.Option, AssumptionKind.Warning, string.Create(CultureInfo.InvariantCulture, $"{stale.File}:{stale.Line}: {stale.Message}."), used.SourceUrl));
            }
        }
    }
}
