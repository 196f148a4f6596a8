using LlmTco.Api;
using LlmTco.Evaluation;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Uncertainty;

/// <summary>
/// Evaluates Monte Carlo trials with the one cost model. When every uncertain input is a parameter of the scenario's
/// compiled plan, a trial copies the baseline parameters, sets the drawn values and evaluates the plan in place,
/// recomputing only what they change. Otherwise — an input that changes which rows apply (tokens per request, lead
/// time, a fine-tuning run, committed GPUs), or a drawn value the plan cannot take (one the validator rejects, more
/// replicas than an option sizes) — the trial's own scenario is validated, compiled and evaluated: the same
/// implementation, with the same errors as <see cref="TcoEngine.Evaluate"/>.
/// </summary>
internal sealed class TrialEvaluator
{
    private readonly TcoEngine engine;
    private readonly Scenario baseline;
    private readonly IReadOnlyList<ScenarioPath> paths;
    private readonly TrialLayout layout;
    private readonly ScenarioPlan plan;
    private readonly double[] baselineValues;
    private readonly int[][]? inputSlots;
    private readonly int[] uncertainSlots = [];
    private readonly VariedInputs? varied;

    public TrialEvaluator(TcoEngine engine, Scenario baseline, ScenarioPlan plan, IReadOnlyList<ScenarioPath> paths, TrialLayout layout, int[][]? inputSlots)
    {
        this.engine = engine;
        this.baseline = baseline;
        this.plan = plan;
        this.paths = paths;
        this.layout = layout;
        this.inputSlots = inputSlots;
        baselineValues = plan.Baseline;
        if (inputSlots is not null)
        {
            uncertainSlots = inputSlots.SelectMany(s => s).Distinct().Order().ToArray();
            varied = plan.Vary(uncertainSlots);
        }
    }

    /// <summary>Gets a value indicating whether trials are evaluated in place in the baseline's plan.</summary>
    public bool InPlace => inputSlots is not null;

    /// <summary>The parameter slots of each input's targets, or <see langword="null"/> (with the reason) when an input is not a parameter of the plan.</summary>
    public static int[][]? Slots(ScenarioPlan plan, IReadOnlyList<ScenarioPath> paths, out string? reason)
    {
        var slots = new int[paths.Count][];
        for (var i = 0; i < paths.Count; i++)
        {
            var targets = paths[i].Targets;
            slots[i] = new int[targets.Count];
            for (var t = 0; t < targets.Count; t++)
            {
                if (!plan.Parameters.TryGetSlot(targets[t], out slots[i][t]))
                {
                    reason = $"'{targets[t]}' is not among the inputs it recomputes (the workload's volumes, shares and growth, API price declines, fees, commitments and batch discounts, and self-hosted utilisation, replicas, throughput, prices, power, storage and people)";
                    return null;
                }
            }
        }

        reason = null;
        return slots;
    }

    public Workspace CreateWorkspace() => new(new PlanWorkspace(plan), layout.Pairs.Length);

    /// <summary>Evaluates the trial with input i set to <paramref name="values"/>[i] into <paramref name="record"/>; throws what <see cref="TcoEngine.Evaluate"/> throws for an invalid trial.</summary>
    public void Evaluate(ReadOnlySpan<double> values, Workspace ws, TrialRecord record)
    {
        if (inputSlots is not null)
        {
            var p = ws.Plan.Parameters;
            baselineValues.CopyTo(p, 0);
            for (var i = 0; i < inputSlots.Length; i++)
            {
                foreach (var slot in inputSlots[i])
                {
                    p[slot] = values[i];
                }
            }

            if (Acceptable(p) && plan.Evaluate(p, ws.Plan, varied))
            {
                Write(plan, ws.Plan, ws, record);
                return;
            }

            ws.TrialsRecompiled++;
        }

        var scenario = Build(values);
        var errors = ScenarioValidator.Validate(scenario);
        if (errors.Count > 0)
        {
            throw new ScenarioValidationException(errors);
        }

        var own = engine.Compile(scenario, describe: false);
        var ownWs = new PlanWorkspace(own);
        if (!own.Evaluate(ownWs.Parameters, ownWs))
        {
            throw own.FailureException(engine.Catalog, ownWs.Failure);
        }

        Write(own, ownWs, ws, record);
    }

    /// <summary>The baseline scenario with every path set to its value.</summary>
    public Scenario Build(ReadOnlySpan<double> values)
    {
        var scenario = baseline;
        for (var i = 0; i < paths.Count; i++)
        {
            scenario = paths[i].Apply(scenario, values[i]);
        }

        return scenario;
    }

    /// <summary>Whether every drawn value is one the scenario validator accepts (otherwise the trial's scenario is validated, which reports it).</summary>
    private bool Acceptable(double[] p)
    {
        foreach (var slot in uncertainSlots)
        {
            if (!plan.Parameters.Accepts(slot, p[slot]))
            {
                return false;
            }
        }

        foreach (var profile in plan.Workload.Profiles)
        {
            if (p[profile.ReadSlot] + p[profile.WriteSlot] > 1 + 1e-12)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The outputs Monte Carlo aggregates, from an evaluation of <paramref name="evaluated"/>.</summary>
    private void Write(ScenarioPlan evaluated, PlanWorkspace pw, Workspace ws, TrialRecord record)
    {
        unchecked
        {
            var months = evaluated.Months;
            var v = pw.CurrentVolumes;
            var last = months - 1;
            var tokens = v.TotalInput[last] + v.TotalOutput[last];
            for (var o = 0; o < evaluated.OptionCount; o++)
            {
                record.Npv[o] = pw.Discounted[o][last];
                var self = o < evaluated.Apis.Length ? null : pw.SelfLines[o - evaluated.Apis.Length];
                var beyond = self?.BeyondNominal ?? pw.ApiScratch[o].BeyondNominal;
                record.CostPerMillionTokensAtHorizon[o] = CostLines.PerMillionTokens(pw.Totals[o][last], beyond, self?.ResidualLine ?? 0, tokens) ?? double.NaN;
            }

            var maxTokens = WorkloadPlan.MaxTokens(v);
            for (var pair = 0; pair < layout.Pairs.Length; pair++)
            {
                var (self, api) = layout.Pairs[pair];
                var selfCumulative = pw.Cumulative[self];
                var apiCumulative = pw.Cumulative[api];
                record.BreakEvenMonth[pair] = BreakEvenCalculator.MonthsFromStart(selfCumulative, apiCumulative, out _, out _);
                for (var m = 0; m < months; m++)
                {
                    record.CumulativeDifference[(pair * months) + m] = selfCumulative[m] - apiCumulative[m];
                }

                record.BreakEvenVolume[pair] = VolumeBreakEven(pw, ws, pair, evaluated.Selves[self - evaluated.Apis.Length], evaluated.Apis[api], maxTokens);
            }
        }
    }

    /// <summary>
    /// The volume above which self-hosting stays cheaper at steady state (as <see cref="BreakEvenCalculator.ByVolume(SteadyStateCost, SteadyStateCost, double)"/>
    /// reports it, by <see cref="VolumeSolver"/>), remembered per worker while the steady states stay the same to the last bit.
    /// </summary>
    private static double VolumeBreakEven(PlanWorkspace pw, Workspace ws, int pair, SelfHosted.SelfHostedPlan self, ApiPlan api, double maxTokens)
    {
        var s = self.Index;
        var v = pw.CurrentVolumes;
        var p = pw.Parameters;
        var perMillion = ApiPlan.CostPerMillionTokens(pw.Usage[api.Index], v, pw.Lead[s]);
        var key = ws.VolumeKeys[pair];
        Span<double> now = [pw.SteadyFixedCost[s], pw.SteadyCostPerReplica[s], self.TokensPerMonthPerReplica(pw, v), p[self.MinReplicasSlot], p[self.RedundancySlot], perMillion, p[api.FeeSlot], p[api.CommitmentSlot], maxTokens];
        if (ws.VolumeKnown[pair] && now.SequenceEqual(key))
        {
            return ws.VolumeAnswers[pair];
        }

        var answer = ws.VolumeSolver.Solve(now[0], now[1], now[2], (int)now[3], (int)now[4], now[6], perMillion, now[7], maxTokens) ?? double.PositiveInfinity;
        now.CopyTo(key);
        ws.VolumeKnown[pair] = true;
        ws.VolumeAnswers[pair] = answer;
        return answer;
    }

    /// <summary>The buffers one worker thread reuses for all its trials.</summary>
    internal sealed class Workspace(PlanWorkspace plan, int pairs)
    {
        /// <summary>Gets or sets the trials this worker evaluated from their own scenario although the evaluator works in place.</summary>
        public int TrialsRecompiled { get; set; }

        public PlanWorkspace Plan { get; } = plan;

        public double[][] VolumeKeys { get; } = Workloads.WorkloadVolumes.Rows(pairs, 9);

        public bool[] VolumeKnown { get; } = new bool[pairs];

        public double[] VolumeAnswers { get; } = new double[pairs];

        public VolumeSolver VolumeSolver { get; } = new();
    }
}
