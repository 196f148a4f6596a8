using System.Globalization;
using LlmTco.Api;
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
    /// <exception cref="ScenarioValidationException">A value is out of range, or a model does not fit the GPUs allowed; lists every problem.</exception>
    /// <exception cref="PricingLookupException">A provider, model, GPU or plan is not in the catalog, or has no price on a month's date.</exception>
    public ScenarioResult Evaluate(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var horizon = scenario.HorizonMonths;
        var volumes = new WorkloadVolumes(scenario.Workload, horizon, scenario.StartDate);
        var assumptions = new List<Assumption>
        {
            new(null, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"{horizon} months from {scenario.StartDate:yyyy-MM-dd}; 730 hours a month; prices looked up on each month's first day; all figures in {scenario.Currency}.")),
        };
        if (scenario.YearlyDiscountRate > 0)
        {
            assumptions.Add(new Assumption(null, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"NPV at {scenario.YearlyDiscountRate:P1} a year: month m is weighted by (1 + {scenario.YearlyDiscountRate})^(−m/12).")));
        }

        // The discount weight of each month, shared by every option.
        var discountFactors = new double[horizon];
        CompoundFactors.Discount(scenario.YearlyDiscountRate, discountFactors);

        var apiModels = new List<ApiCostModel>();
        var options = new List<OptionResult>();
        for (var i = 0; i < scenario.ApiOptions.Count; i++)
        {
            var option = scenario.ApiOptions[i];
            var path = string.Create(CultureInfo.InvariantCulture, $"$.apiOptions[{i}]");
            var model = WithPath(path, () => ApiCostModel.Create(Catalog, option, scenario, volumes, path, assumptions));
            apiModels.Add(model);
            var lines = new double[horizon][];
            for (var m = 0; m < horizon; m++)
            {
                lines[m] = new double[LineCount];
                var (usage, shortfall, fees) = model.Bill(m);
                lines[m][(int)CostLine.ApiUsage] = usage;
                lines[m][(int)CostLine.ApiCommitmentShortfall] = shortfall;
                lines[m][(int)CostLine.ApiFees] = fees;
                lines[m][(int)CostLine.ApiFineTuning] = model.FineTuningFee(m);
            }

            options.Add(new OptionResult(option.Name, OptionKind.Api, Months(scenario, volumes, discountFactors, lines, null, null, null, 0), 0, 0, 0, ThroughputSource.None, model.SteadyState(0, scenario.StartDate)));
        }

        var selfModels = new List<SelfHostedCostModel>();
        for (var i = 0; i < scenario.SelfHostedOptions.Count; i++)
        {
            var option = scenario.SelfHostedOptions[i];
            var bridge = option.LeadTimeMonths > 0 ? apiModels.First(a => string.Equals(a.Option.Name, option.BridgeApiOption, StringComparison.Ordinal)) : null;
            var path = string.Create(CultureInfo.InvariantCulture, $"$.selfHostedOptions[{i}]");
            var model = WithPath(path, () => SelfHostedCostModel.Create(Catalog, option, scenario, volumes, bridge, path, assumptions));
            selfModels.Add(model);
            options.Add(new OptionResult(
                option.Name,
                OptionKind.SelfHosted,
                Months(scenario, volumes, discountFactors, model.MonthLines, model.Gpus, model.Replicas, model.Utilization, option.LeadTimeMonths),
                model.ResidualValue,
                model.GpusPerReplica,
                model.ReplicaTokensPerSecond,
                model.ThroughputSource,
                model.SteadyState(volumes, scenario.StartDate)));
        }

        var breakEvens = new List<BreakEvenResult>();
        var maxTokens = Enumerable.Range(0, horizon).Max(m => volumes.TotalInput[m] + volumes.TotalOutput[m]);
        foreach (var self in selfModels)
        {
            var selfResult = options.First(o => o.Kind == OptionKind.SelfHosted && o.Name == self.Option.Name);
            foreach (var api in apiModels)
            {
                var apiResult = options.First(o => o.Kind == OptionKind.Api && o.Name == api.Option.Name);
                var reference = self.SteadyMonthIndex;
                breakEvens.Add(new BreakEvenResult(
                    self.Option.Name,
                    api.Option.Name,
                    BreakEvenCalculator.ByMonth(selfResult.Months, apiResult.Months, discounted: false),
                    BreakEvenCalculator.ByMonth(selfResult.Months, apiResult.Months, discounted: true),
                    BreakEvenCalculator.ByVolume(selfResult.SteadyState, api.SteadyState(reference, scenario.StartDate.AddMonths(reference)), maxTokens)));
            }
        }

        AddStaleRowWarnings(assumptions);
        return new ScenarioResult(scenario, options, breakEvens, assumptions);
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

    /// <summary>The number of cost lines, counted once (<see cref="Enum.GetValues{TEnum}"/> copies an array on every call).</summary>
    private static readonly int LineCount = Enum.GetValues<CostLine>().Length;

    /// <summary>Prefixes a failed lookup's message with the option's path, so the reader knows which option named it.</summary>
    private static T WithPath<T>(string path, Func<T> create)
    {
        try
        {
            return create();
        }
        catch (PricingLookupException ex)
        {
            throw new PricingLookupException($"{path}: {ex.Message}", ex.Suggestions);
        }
    }

    private static List<MonthResult> Months(Scenario scenario, WorkloadVolumes volumes, double[] discountFactors, double[][] lines, int[]? gpus, int[]? replicas, double?[]? utilization, int leadTime)
    {
        var months = new List<MonthResult>(lines.Length);
        double cumulative = 0, discounted = 0;
        for (var m = 0; m < lines.Length; m++)
        {
            var total = lines[m].Sum();
            var factor = discountFactors[m];
            cumulative += total;
            discounted += total * factor;
            months.Add(new MonthResult(
                m + 1,
                volumes.MonthStarts[m],
                lines[m],
                total,
                cumulative,
                factor,
                discounted,
                volumes.TotalInput[m],
                volumes.TotalOutput[m],
                gpus?[m] ?? 0,
                replicas?[m] ?? 0,
                utilization?[m],
                m < leadTime));
        }

        return months;
    }
}
