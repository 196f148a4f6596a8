using System.Globalization;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.SelfHosted;

/// <summary>
/// A self-hosted option compiled for evaluation: the memory fit and the GPUs per replica, the throughput rows or roofline
/// inputs, and every table lookup of its billing (rental prices per month, purchase price, power, hosting, storage,
/// fine-tuning), done once with their currencies checked and their assumptions written; the slots of its numeric inputs;
/// and the one implementation of its cost lines. The work is split by what it does: this file compiles the option;
/// <c>.Capacity</c> sizes replicas; <c>.Rented</c> and <c>.Owned</c> bill the GPUs; <c>.Recurring</c> has storage, egress,
/// fine-tuning and people.
/// </summary>
internal sealed partial class SelfHostedPlan
{
    private readonly int months;

    /// <summary>The option's JSON path ("$.selfHostedOptions[0]"), which errors found while pricing it start with.</summary>
    private readonly string optionPath;

    /// <summary>The option's assumptions, in the order they are reported; a <see langword="null"/> entry is where the rental offers used go.</summary>
    private readonly List<Assumption?> assumptions = [];

    /// <summary>Converts table prices in another currency into the scenario's, at the compile step only.</summary>
    private CurrencyConverter fx = null!;

    /// <summary>The weight bytes, KV-cache bytes per token and usable bytes per GPU of the memory fit.</summary>
    private (double Weights, Func<double, double> KvBytesPerSequence, double UsablePerGpu) fitBytes;

    private SelfHostedPlan(SelfHostedOption option, int index, int optionIndex, int months, string path)
    {
        Option = option;
        Index = index;
        OptionIndex = optionIndex;
        this.months = months;
        optionPath = path;
        Lead = option.LeadTimeMonths;
    }

    public SelfHostedOption Option { get; }

    /// <summary>Gets the option's index among the scenario's self-hosted options.</summary>
    public int Index { get; }

    /// <summary>Gets the option's index among all options (API options first).</summary>
    public int OptionIndex { get; }

    /// <summary>Gets the lead time: the months (from the start) billed by the bridge API before self-hosting serves.</summary>
    public int Lead { get; }

    /// <summary>Gets the bridge API option's index, or −1 when the option names none.</summary>
    public int Bridge { get; private set; } = -1;

    public int GpusPerReplica { get; private set; }

    public int UtilizationSlot { get; private set; }

    public int MinReplicasSlot { get; private set; }

    public int RedundancySlot { get; private set; }

    public int LeadSlot { get; private set; }

    /// <summary>
    /// Compiles an option. Throws <see cref="ScenarioValidationException"/> when the model does not fit, and
    /// <see cref="PricingLookupException"/> when a table has no row the option needs or a price in another currency has
    /// no exchange rate (<paramref name="fx"/>).
    /// </summary>
    public static SelfHostedPlan Compile(PricingCatalog catalog, SelfHostedOption option, int index, int optionIndex, Scenario scenario, DateOnly[] monthStarts, WorkloadPlan workload, WorkloadVolumes baseVolumes, PlanParameters prm, string path, bool describe, CurrencyConverter fx)
    {
        var plan = new SelfHostedPlan(option, index, optionIndex, monthStarts.Length, path) { fx = fx };
        plan.Build(catalog, scenario, monthStarts, workload, baseVolumes, prm, describe);
        return plan;
    }

    /// <summary>The option's assumptions, with the rental offers the evaluation in <paramref name="ws"/> used.</summary>
    public IEnumerable<Assumption> Describe(PlanWorkspace ws)
    {
        foreach (var a in assumptions)
        {
            if (a is not null)
            {
                yield return a;
                continue;
            }

            foreach (var offer in UsedOffers(ws))
            {
                yield return offer;
            }
        }
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private void Build(PricingCatalog catalog, Scenario scenario, DateOnly[] monthStarts, WorkloadPlan workload, WorkloadVolumes baseVolumes, PlanParameters prm, bool describe)
    {
        var o = Option;
        var name = o.Name;
        var at = string.Create(CultureInfo.InvariantCulture, $"selfHostedOptions[{Index}]");
        var openModel = catalog.GetOpenModel(o.Model);
        var gpu = catalog.GetGpu(o.Gpu);
        Bridge = scenario.ApiOptions.Select((a, i) => (a, i)).FirstOrDefault(x => string.Equals(x.a.Name, o.BridgeApiOption, StringComparison.Ordinal), (null!, -1)).i;

        UtilizationSlot = prm.Add(at + ".targetUtilization", o.TargetUtilization, ParameterRule.Fraction);
        MinReplicasSlot = prm.Add(at + ".minReplicas", o.MinReplicas, ParameterRule.Replicas);
        RedundancySlot = prm.Add(at + ".redundancyReplicas", o.RedundancyReplicas, ParameterRule.Replicas);
        LeadSlot = prm.Add(at + ".leadTimeMonths", o.LeadTimeMonths, ParameterRule.Replicas);
        ThroughputSlot = prm.Add(at + ".replicaThroughputTokensPerSecond", o.ReplicaThroughputTokensPerSecond, ParameterRule.Positive);

        // Memory fit: the smallest power-of-two group whose usable memory holds the weights and the KV cache.
        var weights = CapacityMath.WeightBytes(openModel, o.Precision);
        var kvPrecision = o.KvCachePrecision;
        double KvBytesPerSequence(double tokens) => CapacityMath.KvCacheBytesPerSequence(openModel, kvPrecision, tokens);
        var longest = scenario.Workload.Profiles.Max(p => p.InputTokensPerRequest + p.OutputTokensPerRequest);
        var kv = o.ServingConcurrency * KvBytesPerSequence(longest);
        var kvPerToken = longest > 0 ? KvBytesPerSequence(longest) / longest : CapacityMath.KvCacheBytesPerToken(openModel, kvPrecision);
        var usablePerGpu = (double)gpu.MemoryGb * 1e9 * o.UsableMemoryFraction;
        var need = weights + kv;
        fitBytes = (weights, KvBytesPerSequence, usablePerGpu);
        string Fit() => string.Create(CultureInfo.InvariantCulture, $"'{openModel.ModelId}' in {o.Precision.ToString().ToUpperInvariant()} needs {need / 1e9:N1} GB: {weights / 1e9:N1} GB of weights + {kv / 1e9:N1} GB of KV cache ({o.ServingConcurrency} sequences × {longest:N0} tokens × {kvPerToken:N0} bytes per token{KvShape(openModel)}); one {gpu.GpuModel} has {usablePerGpu / 1e9:N1} GB usable ({o.UsableMemoryFraction:P0} of {gpu.MemoryGb} GB)");
        GpusPerReplica = GroupFor(longest);
        if (GpusPerReplica == 0 && o.GpusPerReplica is { } fixedGroup)
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".gpusPerReplica", fixedGroup.ToString(CultureInfo.InvariantCulture), Fit() + $"; {fixedGroup} GPUs are not enough")]);
        }

        if (GpusPerReplica == 0)
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".model", o.Model, Fit() + string.Create(CultureInfo.InvariantCulture, $"; it does not fit on {o.MaxGpusPerReplica} GPUs, the largest group allowed: use a GPU with more memory, a lower precision, a lower serving concurrency, or a larger maxGpusPerReplica"))]);
        }

        if (describe)
        {
            Add(AssumptionKind.Choice, Fit() + string.Create(CultureInfo.InvariantCulture, $"; so one replica uses {GpusPerReplica} GPU(s)."));
            assumptions.Add(new Assumption(name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpus.csv: {gpu.GpuModel}: {gpu.MemoryGb} GB, {gpu.MemoryBandwidthTbPerSecond} TB/s, {gpu.Bf16DenseTflops} dense BF16 TFLOPS, {gpu.TdpWatts} W; checked {Iso(gpu.CheckedOn)}."), gpu.SourceUrl) { Row = gpu });
            assumptions.Add(new Assumption(name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"open_models.csv: {openModel.ModelId}: {openModel.TotalParametersBillions}B total / {openModel.ActiveParametersBillions}B active parameters, {openModel.Layers} layers, {openModel.KvHeads} KV heads × {openModel.HeadDim} head dim; checked {Iso(openModel.CheckedOn)}."), openModel.SourceUrl) { Row = openModel });
        }

        CompileThroughput(catalog, openModel, gpu, weights, workload, baseVolumes, prm.Baseline, describe);
        if (describe)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Capacity: replicas = max({o.MinReplicas}, ceil(load ÷ {o.TargetUtilization} target utilisation)) + {o.RedundancyReplicas} spare while any traffic is served; load (fully busy replicas) = the larger of the interactive requests at the peak (× {scenario.Workload.PeakToAverageRatio} peak-to-average) and all requests at the month's average, each request taking its output tokens ÷ its profile's replica throughput, over 2,628,000 s; {BaseThroughput:N1} output tokens/s per replica on the first month's mix."));
        }

        if (o.Rented is { } rented)
        {
            CompileRented(catalog, rented, gpu, scenario, monthStarts, prm, at, describe);
        }
        else
        {
            CompileOwned(catalog, o.Owned!, gpu, scenario, prm, at, describe);
        }

        CompileStorage(catalog, scenario, prm, at, describe);
        CompileFineTuning(catalog, openModel, gpu, scenario, prm, at, describe);
        CompilePeople(prm, at);
        if (Lead > 0 && describe)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Lead time: months 1 to {Lead} are served and billed by the API option '{o.BridgeApiOption}'; GPU capacity is paid from month {Lead + 1}."));
        }
    }

    /// <summary>
    /// The GPUs one replica needs to hold the weights and the KV cache of <see cref="SelfHostedOption.ServingConcurrency"/>
    /// sequences of <paramref name="longestRequest"/> tokens: the group given in the scenario, or the smallest power of two
    /// up to the largest group allowed; 0 when it does not fit.
    /// </summary>
    private int GroupFor(double longestRequest)
    {
        var (weights, kvBytesPerSequence, usablePerGpu) = fitBytes;
        var need = weights + (Option.ServingConcurrency * kvBytesPerSequence(longestRequest));
        if (Option.GpusPerReplica is { } fixedGroup)
        {
            return fixedGroup * usablePerGpu < need ? 0 : fixedGroup;
        }

        var n = 1;
        while (n <= Option.MaxGpusPerReplica && n * usablePerGpu < need)
        {
            n *= 2;
        }

        return n > Option.MaxGpusPerReplica ? 0 : n;
    }

    /// <summary>
    /// Describes what shortens a model's KV cache beyond the plain formula (latent attention, sliding-window layers), for
    /// the memory-check text; empty for ordinary attention.
    /// </summary>
    private static string KvShape(OpenModel model)
    {
        var latent = model is { KvLoraRank: { } rank, QkRopeHeadDim: { } rope }
            ? string.Create(CultureInfo.InvariantCulture, $", latent attention: {rank} + {rope} numbers per token and layer")
            : string.Empty;
        var sliding = model is { SlidingWindowTokens: { } window, SlidingWindowLayers: { } layers }
            ? string.Create(CultureInfo.InvariantCulture, $", {layers} of {model.Layers} layers keep at most {window:N0} tokens")
            : string.Empty;
        return latent.Length + sliding.Length == 0 ? string.Empty : " on average" + latent + sliding;
    }

    private void Add(AssumptionKind kind, string text) => assumptions.Add(new Assumption(Option.Name, kind, text));

    private void AddRow(string text, ISourcedRow row, Uri? source, string? dateColumn = null) =>
        assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, text, source) { Row = row, RowDateColumn = dateColumn ?? PricingCatalog.CheckedOnColumn });

    /// <summary>
    /// Every cost line of the option, month by month, into <paramref name="ws"/>, and its steady state; false when the
    /// values in <paramref name="p"/> need what the option cannot give (more replicas than it sizes, a month without a
    /// price), with the reason in <see cref="PlanWorkspace.Failure"/>.
    /// </summary>
    public bool Evaluate(double[] p, PlanWorkspace ws, WorkloadPlan workload, WorkloadVolumes v, (bool Tokens, bool FineTuning) varied, double[]? bridgeUsage, double[]? bridgeShortfall, double bridgeFee)
    {
        unchecked
        {
            var s = Index;
            var lead = (int)p[LeadSlot];
            ws.Lead[s] = lead;

            // A lead time needs a bridge API and a month served; other tokens per request must need the same GPUs per
            // replica (otherwise the trial's own scenario is compiled, which finds the group or says the model does not fit).
            if (lead >= months || (lead > 0 && bridgeUsage is null) || (varied.Tokens && GroupFor(workload.LongestRequest(p)) != GpusPerReplica))
            {
                ws.Failure = new PlanFailure(PlanFailureKind.Invalid, OptionIndex, 0, false, 0, 0, 0);
                return false;
            }

            var lines = ws.SelfLines[s];
            lines.Clear(Rented);
            var gpus = ws.Gpus[s];
            if (!Capacity(p, v, workload, ws, lead, gpus, out ws.ReplicasPerUnitScale[s]))
            {
                return false;
            }

            var ok = Rented ? BillRented(p, ws, lines, gpus, lead) : BillOwned(p, ws, lines, gpus, p[UtilizationSlot], lead);
            if (!ok || !Recurring(p, ws, varied.FineTuning, out var recurring))
            {
                return false;
            }

            if (bridgeUsage is not null)
            {
                for (var m = 0; m < lead; m++)
                {
                    lines.Bridge[m] = bridgeUsage[m] + bridgeShortfall![m] + bridgeFee;
                }
            }

            ws.Recurring[s] = recurring;
            lines.Sum(ws.FineTuning[s], recurring, ws.Totals[OptionIndex]);
            return true;
        }
    }

    /// <summary>The steady-state cost curve at the prices and request mix of the first month self-hosting serves.</summary>
    public SteadyStateCost SteadyState(PlanWorkspace ws, WorkloadVolumes v, DateOnly priceDate)
    {
        var s = Index;
        return new SteadyStateCost(OptionKind.SelfHosted, ws.SteadyFixedCost[s], 0, 0, ws.SteadyCostPerReplica[s], TokensPerMonthPerReplica(ws, v), (int)ws.Parameters[MinReplicasSlot], (int)ws.Parameters[RedundancySlot], priceDate);
    }

    /// <summary>The monthly tokens one replica carries at steady state: the first month served's tokens ÷ the replicas it needs before rounding.</summary>
    public double TokensPerMonthPerReplica(PlanWorkspace ws, WorkloadVolumes v)
    {
        var lead = ws.Lead[Index];
        var tokens = v.TotalInput[lead] + v.TotalOutput[lead];
        return ws.ReplicasPerUnitScale[Index] > 0 ? tokens / ws.ReplicasPerUnitScale[Index] : 0;
    }

    /// <summary>Throws the error that <see cref="PlanWorkspace.Failure"/> records for this option, as the option's own figures describe it.</summary>
    public Exception FailureException(PricingCatalog catalog, Scenario scenario, PlanFailure failure, DateOnly[] monthStarts) => failure.Kind switch
    {
        PlanFailureKind.TooManyReplicas => new ScenarioValidationException([new ScenarioError(optionPath, null, string.Create(CultureInfo.InvariantCulture, $"month {failure.Month + 1} needs {failure.Fractional:G3} replicas of {failure.Throughput:G4} output tokens/s for a peak of {failure.Required:G3} tokens/s, more than the {ReplicaCount.Max:N0} this model sizes; check the workload's volume and the replica throughput"))]),
        PlanFailureKind.NoRentalPrice => RentalPriceException(catalog, scenario, failure.OnDemand, failure.Month, monthStarts),
        _ => new InvalidOperationException($"{optionPath}: {failure.Kind} in month {failure.Month + 1}."),
    };
}
