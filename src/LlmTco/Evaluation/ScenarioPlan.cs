using System.Globalization;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Evaluation;

/// <summary>
/// A scenario compiled against a catalog: every table lookup, currency and fit check and assumption text done once, and a
/// vector of numeric parameter slots (<see cref="Parameters"/>, with the scenario's own values as the baseline). One
/// evaluation (<see cref="Evaluate"/>) turns the plan and a parameter vector into every option's monthly lines, totals,
/// cumulative and discounted costs in a <see cref="PlanWorkspace"/>, allocating nothing. <see cref="TcoEngine"/> compiles
/// and evaluates the baseline; Monte Carlo and the tornado compile once and evaluate a drawn vector per trial. This is
/// the only implementation of the cost formulas of the project's <c>docs/methodology.md</c>.
/// </summary>
/// <remarks><threadsafety>Immutable once compiled: many threads may evaluate one plan at once, each into its own workspace.</threadsafety></remarks>
internal sealed class ScenarioPlan
{
    private ScenarioPlan(Scenario scenario)
    {
        Scenario = scenario;
        Months = scenario.HorizonMonths;
        MonthStarts = new DateOnly[Months];
        for (var m = 0; m < Months; m++)
        {
            MonthStarts[m] = scenario.StartDate.AddMonths(m);
        }

        DiscountSlot = Parameters.Add("yearlyDiscountRate", scenario.YearlyDiscountRate, ParameterRule.Share);
        Workload = new WorkloadPlan(scenario.Workload, Months, Parameters);
        BaseFactors = new double[Months];
        CompoundFactors.Discount(scenario.YearlyDiscountRate, BaseFactors);
        BaseVolumes = new WorkloadVolumes(Workload.Profiles.Length, Months);
    }

    public Scenario Scenario { get; }

    public int Months { get; }

    /// <summary>Gets each month's first day (the start date plus m months), on which its prices are looked up.</summary>
    public DateOnly[] MonthStarts { get; }

    public PlanParameters Parameters { get; } = new();

    /// <summary>Gets the scenario's own parameter values (a copy per call).</summary>
    public double[] Baseline => Parameters.Baseline;

    public int DiscountSlot { get; }

    public WorkloadPlan Workload { get; }

    /// <summary>Gets the volumes with the scenario's own values.</summary>
    public WorkloadVolumes BaseVolumes { get; }

    /// <summary>Gets the discount factor of each month at the scenario's own rate: (1 + rate)^(−(m + 1)/12).</summary>
    public double[] BaseFactors { get; }

    public ApiPlan[] Apis { get; private set; } = [];

    public SelfHostedPlan[] Selves { get; private set; } = [];

    /// <summary>Gets the number of options, API options first.</summary>
    public int OptionCount => Apis.Length + Selves.Length;

    /// <summary>Gets the scenario-wide assumptions and each API option's, in the order they are reported (empty when compiled without them).</summary>
    public IReadOnlyList<Assumption> Assumptions { get; private set; } = [];

    /// <summary>
    /// Compiles a valid scenario (see <see cref="ScenarioValidator"/>). Throws <see cref="PricingLookupException"/> (its
    /// message starting with the option's path) when the catalog lacks a row an option needs, and
    /// <see cref="ScenarioValidationException"/> for a price in another currency or a model that does not fit.
    /// </summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="scenario">The scenario, already validated.</param>
    /// <param name="describe">Whether to write the assumption texts (a Monte Carlo trial needs only the numbers).</param>
    public static ScenarioPlan Compile(PricingCatalog catalog, Scenario scenario, bool describe = true)
    {
        var plan = new ScenarioPlan(scenario);
        var assumptions = describe ? new List<Assumption>() : null;
        assumptions?.Add(new Assumption(null, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"{plan.Months} months from {scenario.StartDate:yyyy-MM-dd}; 730 hours a month; prices looked up on each month's first day; all figures in {scenario.Currency}.")));
        if (scenario.YearlyDiscountRate > 0)
        {
            assumptions?.Add(new Assumption(null, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"NPV at {scenario.YearlyDiscountRate:P1} a year: month m is weighted by (1 + {scenario.YearlyDiscountRate})^(−m/12).")));
        }

        var fx = new CurrencyConverter(catalog, scenario, plan.MonthStarts);
        plan.Apis = scenario.ApiOptions.Select((o, i) =>
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.apiOptions[{i}]");
            return WithPath(path, () => ApiPlan.Compile(catalog, o, i, scenario, plan.MonthStarts, plan.Parameters, path, assumptions, fx));
        }).ToArray();

        // The self-hosted options size capacity from the request shape of the scenario's own volumes.
        var baseline = plan.Baseline;
        if (!plan.Workload.Compute(baseline, plan.BaseVolumes, [], null))
        {
            throw new InvalidOperationException("The scenario's volumes exceed the validator's limit: validate the scenario before compiling it.");
        }

        plan.Selves = scenario.SelfHostedOptions.Select((o, i) =>
        {
            var path = string.Create(CultureInfo.InvariantCulture, $"$.selfHostedOptions[{i}]");
            return WithPath(path, () => SelfHostedPlan.Compile(catalog, o, i, plan.Apis.Length + i, scenario, plan.MonthStarts, plan.Workload, plan.BaseVolumes, plan.Parameters, path, describe, fx));
        }).ToArray();
        assumptions?.AddRange(fx.Assumptions());
        plan.Assumptions = assumptions ?? [];
        return plan;
    }

    /// <summary>Which inputs a set of parameter slots changes, so that an evaluation recomputes only what depends on them.</summary>
    public VariedInputs Vary(IEnumerable<int> slots)
    {
        var set = slots.ToHashSet();
        return new VariedInputs(
            set.Contains(DiscountSlot),
            Workload.VolumesVary(set),
            Workload.Profiles.Any(p => set.Contains(p.InputSlot) || set.Contains(p.OutputSlot)),
            Workload.Profiles.Select(p => set.Contains(p.RateSlot)).ToArray(),
            Apis.Select(a => (set.Contains(a.DeclineSlot), set.Contains(a.BatchDiscountSlot))).ToArray(),
            Selves.Select(s => new[] { s.TrainingTokensSlot, s.EpochsSlot, s.FineTuningMfuSlot, s.MeasuredHoursSlot, s.FineTuningPriceSlot }.Any(set.Contains)).ToArray());
    }

    /// <summary>
    /// Evaluates the plan with the parameter values <paramref name="p"/> into <paramref name="ws"/>: volumes, every option's
    /// lines and totals, and the cumulative and discounted costs. False when the values need what the plan cannot give (a
    /// volume above the validator's limit, more replicas than an option sizes, a month without a price), with the reason
    /// in <see cref="PlanWorkspace.Failure"/>.
    /// </summary>
    /// <param name="p">The parameter values: <see cref="Baseline"/> with some slots changed.</param>
    /// <param name="ws">The workspace, made for this plan.</param>
    /// <param name="varied">Which inputs may differ from the scenario's; <see langword="null"/> for none (the baseline).</param>
    public bool Evaluate(double[] p, PlanWorkspace ws, VariedInputs? varied = null)
    {
        ws.Failure = default;
        var factors = BaseFactors;
        if (varied?.Discount == true)
        {
            CompoundFactors.Discount(p[DiscountSlot], ws.Factors);
            factors = ws.Factors;
        }

        var volumes = BaseVolumes;
        if (varied?.Volumes == true)
        {
            if (!Workload.Compute(p, ws.Volumes, ws.Growth, varied.RateVaries))
            {
                ws.Failure = new PlanFailure(PlanFailureKind.Invalid, -1, 0, false, 0, 0, 0);
                return false;
            }

            volumes = ws.Volumes;
        }

        ws.CurrentVolumes = volumes;
        ws.CurrentFactors = factors;
        if (varied?.Tokens == true)
        {
            foreach (var api in Apis)
            {
                if (!api.SameTiers(p, Workload))
                {
                    ws.Failure = new PlanFailure(PlanFailureKind.Invalid, -1, 0, false, 0, 0, 0);
                    return false;
                }
            }
        }

        for (var a = 0; a < Apis.Length; a++)
        {
            Apis[a].Bill(p, Workload, volumes, varied?.Api[a] ?? default, ws.ApiScratch[a], ws.Usage[a], ws.Shortfall[a], ws.Totals[a]);
        }

        foreach (var self in Selves)
        {
            var bridge = self.Bridge;
            var selfVaried = (varied?.Tokens == true, varied?.FineTuning[self.Index] == true);
            var ok = bridge >= 0
                ? self.Evaluate(p, ws, Workload, volumes, selfVaried, ws.Usage[bridge], ws.Shortfall[bridge], p[Apis[bridge].FeeSlot])
                : self.Evaluate(p, ws, Workload, volumes, selfVaried, null, null, 0);
            if (!ok)
            {
                return false;
            }
        }

        Accumulate(ws, factors);
        foreach (var api in Apis)
        {
            var scratch = ws.ApiScratch[api.Index];
            AccumulateBeyondHorizon(ws, factors, api.Index, api.BeyondMonths, scratch.BeyondPayment, scratch.LastMonthBeforeBeyond, 0);
        }

        foreach (var self in Selves)
        {
            var lines = ws.SelfLines[self.Index];
            AccumulateBeyondHorizon(ws, factors, self.OptionIndex, lines.BeyondMonths, lines.BeyondPayment, lines.LastMonthBeforeBeyond, lines.ResidualLine);
        }

        return true;
    }

    /// <summary>The exception that describes a failed evaluation of the baseline, as the option concerned words it.</summary>
    public Exception FailureException(PricingCatalog catalog, PlanFailure failure)
    {
        if (failure.Option < Apis.Length)
        {
            return new InvalidOperationException($"The evaluation failed: {failure.Kind}.");
        }

        var self = Selves[failure.Option - Apis.Length];
        var exception = self.FailureException(catalog, Scenario, failure, MonthStarts);
        var path = string.Create(CultureInfo.InvariantCulture, $"$.selfHostedOptions[{self.Index}]");
        return exception is PricingLookupException lookup ? new PricingLookupException($"{path}: {lookup.Message}", lookup.Suggestions) : exception;
    }

    /// <summary>Every option's cumulative and discounted cumulative costs: Σ totals, and Σ totals × the month's discount factor.</summary>
    private static void Accumulate(PlanWorkspace ws, double[] factors)
    {
        unchecked
        {
            for (var o = 0; o < ws.Totals.Length; o++)
            {
                var totals = ws.Totals[o];
                var cumulativeRow = ws.Cumulative[o];
                var discountedRow = ws.Discounted[o];
                double cumulative = 0, discounted = 0;
                for (var m = 0; m < totals.Length; m++)
                {
                    var total = totals[m];
                    cumulative += total;
                    discounted += total * factors[m];
                    cumulativeRow[m] = cumulative;
                    discountedRow[m] = discounted;
                }
            }
        }
    }

    /// <summary>
    /// A commitment's months after the horizon (a reserved term's rent, an API option's committed spend), whose payments
    /// the last month's total holds: in the discounted cumulative cost each payment is weighted by its own month's factor,
    /// the running product continued past the horizon ((1 + rate)^(−(m + 1)/12) for month m), rather than by the last
    /// month's. <paramref name="lastMonthBefore"/> and <paramref name="residual"/> are the rest of the last month's total.
    /// </summary>
    private static void AccumulateBeyondHorizon(PlanWorkspace ws, double[] factors, int option, int beyondMonths, double payment, double lastMonthBefore, double residual)
    {
        if (beyondMonths <= 0)
        {
            return;
        }

        var last = factors.Length - 1;
        var discounted = (last > 0 ? ws.Discounted[option][last - 1] : 0) + ((lastMonthBefore + residual) * factors[last]);
        var factor = factors[last];
        for (var k = 0; k < beyondMonths; k++)
        {
            factor *= factors[0];
            discounted += payment * factor;
        }

        ws.Discounted[option][last] = discounted;
    }

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
}

/// <summary>Which of a plan's inputs an evaluation may find changed from the scenario's values.</summary>
/// <param name="Discount">Whether the discount rate varies.</param>
/// <param name="Volumes">Whether any profile's volumes vary.</param>
/// <param name="Tokens">Whether any profile's tokens per request vary (which may change a context tier or the GPUs per replica).</param>
/// <param name="RateVaries">Whether each profile's growth rate varies.</param>
/// <param name="Api">Whether each API option's price decline and batch discount vary.</param>
/// <param name="FineTuning">Whether each self-hosted option's fine-tuning inputs vary.</param>
internal sealed record VariedInputs(bool Discount, bool Volumes, bool Tokens, bool[] RateVaries, (bool Decline, bool Batch)[] Api, bool[] FineTuning);
