using LlmTco.Api;
using LlmTco.SelfHosted;
using LlmTco.Workloads;

namespace LlmTco.Evaluation;

/// <summary>The buffers one evaluation of a <see cref="ScenarioPlan"/> writes, reused from one evaluation to the next (one per thread).</summary>
internal sealed class PlanWorkspace
{
    public PlanWorkspace(ScenarioPlan plan)
    {
        var months = plan.Months;
        var options = plan.OptionCount;
        var selves = plan.Selves.Length;
        var apis = plan.Apis.Length;
        Parameters = plan.Baseline;
        Factors = new double[months];
        Volumes = new WorkloadVolumes(plan.Workload.Profiles.Length, months);
        CurrentVolumes = plan.BaseVolumes;
        CurrentFactors = plan.BaseFactors;
        Growth = WorkloadVolumes.Rows(plan.Workload.Profiles.Length, months);
        ApiScratch = plan.Apis.Select(a => new ApiScratch(a, months)).ToArray();
        Usage = WorkloadVolumes.Rows(apis, months);
        Shortfall = WorkloadVolumes.Rows(apis, months);
        Totals = WorkloadVolumes.Rows(options, months);
        Cumulative = WorkloadVolumes.Rows(options, months);
        Discounted = WorkloadVolumes.Rows(options, months);
        Gpus = Enumerable.Range(0, selves).Select(_ => new int[months]).ToArray();
        Replicas = Enumerable.Range(0, selves).Select(_ => new int[months]).ToArray();
        Load = WorkloadVolumes.Rows(selves, months);
        OfferChoice = Enumerable.Range(0, selves).Select(_ => new int[months]).ToArray();
        OnDemandChoice = Enumerable.Range(0, selves).Select(_ => new int[months]).ToArray();
        InteractiveSeconds = WorkloadVolumes.Rows(selves, plan.Workload.Profiles.Length);
        DeferredSeconds = WorkloadVolumes.Rows(selves, plan.Workload.Profiles.Length);
        SelfLines = Enumerable.Range(0, selves).Select(_ => new SelfHostedLines(months)).ToArray();
        Recurring = new RecurringCosts[selves];
        PurchaseMonths = new int[months];
        PurchaseCapital = new double[months];
        ReplicasPerUnitScale = new double[selves];
        SteadyFixedCost = new double[selves];
        SteadyCostPerReplica = new double[selves];
        CapitalSoFar = new double[selves];
        Lead = new int[selves];
        FineTuning = plan.Selves.Select(self => self.FineTuning).ToArray();
        FineTuningBuffers = WorkloadVolumes.Rows(selves, months);
    }

    /// <summary>Gets each self-hosted option's lead time in the last evaluation.</summary>
    public int[] Lead { get; }

    /// <summary>Gets each self-hosted option's fine-tuning line in the last evaluation (the plan's own, or a buffer when it varies).</summary>
    public double[][] FineTuning { get; }

    internal double[][] FineTuningBuffers { get; }

    /// <summary>Gets the parameter vector a caller fills before it evaluates (a copy of the baseline at first).</summary>
    public double[] Parameters { get; }

    /// <summary>Gets or sets why the last evaluation failed (<see cref="PlanFailureKind.None"/> when it did not).</summary>
    public PlanFailure Failure { get; set; }

    /// <summary>Gets or sets the volumes of the last evaluation (the plan's own when they did not vary).</summary>
    public WorkloadVolumes CurrentVolumes { get; set; }

    /// <summary>Gets or sets the discount factors of the last evaluation.</summary>
    public double[] CurrentFactors { get; set; }

    internal double[] Factors { get; }

    internal WorkloadVolumes Volumes { get; }

    internal double[][] Growth { get; }

    internal ApiScratch[] ApiScratch { get; }

    /// <summary>Gets each API option's usage charge, month by month.</summary>
    public double[][] Usage { get; }

    /// <summary>Gets each API option's commitment shortfall, month by month.</summary>
    public double[][] Shortfall { get; }

    /// <summary>Gets each option's total, month by month (API options first).</summary>
    public double[][] Totals { get; }

    /// <summary>Gets each option's cumulative cost at each month's end.</summary>
    public double[][] Cumulative { get; }

    /// <summary>Gets each option's discounted cumulative cost at each month's end.</summary>
    public double[][] Discounted { get; }

    /// <summary>Gets each self-hosted option's GPUs billed, month by month.</summary>
    public int[][] Gpus { get; }

    /// <summary>Gets each self-hosted option's replicas needed, month by month.</summary>
    public int[][] Replicas { get; }

    /// <summary>Gets each self-hosted option's load month by month, in fully busy replicas (before the target utilisation and rounding).</summary>
    public double[][] Load { get; }

    /// <summary>Gets each rented option's offer chosen (index among the month's candidates) in each month it chose one, else −1.</summary>
    internal int[][] OfferChoice { get; }

    /// <summary>Gets each rented option's on-demand offer chosen for replicas above a commitment, month by month, else −1.</summary>
    internal int[][] OnDemandChoice { get; }

    /// <summary>Gets each self-hosted option's replica-seconds per interactive request of each profile.</summary>
    internal double[][] InteractiveSeconds { get; }

    /// <summary>Gets each self-hosted option's replica-seconds per deferrable (batch-share) request of each profile.</summary>
    internal double[][] DeferredSeconds { get; }

    internal SelfHostedLines[] SelfLines { get; }

    internal RecurringCosts[] Recurring { get; }

    internal int[] PurchaseMonths { get; }

    internal double[] PurchaseCapital { get; }

    internal double[] ReplicasPerUnitScale { get; }

    internal double[] SteadyFixedCost { get; }

    internal double[] SteadyCostPerReplica { get; }

    /// <summary>Gets each owned option's capital spent by the horizon.</summary>
    public double[] CapitalSoFar { get; }
}
