using System.Globalization;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.SelfHosted;

/// <summary>
/// A self-hosted option worked out month by month: the replica plan (memory fit, throughput), then every cost line.
/// Also gives the steady-state monthly cost as a function of volume, for the break-even volume.
/// </summary>
internal sealed class SelfHostedCostModel
{
    private const int Lines = 17;

    /// <summary>The option's JSON path ("$.selfHostedOptions[0]"), which errors found while pricing it start with.</summary>
    private readonly string optionPath;

    private SelfHostedCostModel(SelfHostedOption option, string path)
    {
        Option = option;
        optionPath = path;
    }

    public SelfHostedOption Option { get; }

    public int GpusPerReplica { get; private set; }

    public double ReplicaTokensPerSecond { get; private set; }

    public ThroughputSource ThroughputSource { get; private set; }

    public double[][] MonthLines { get; private set; } = [];

    public int[] Gpus { get; private set; } = [];

    public int[] Replicas { get; private set; } = [];

    public double?[] Utilization { get; private set; } = [];

    public double ResidualValue { get; private set; }

    /// <summary>Gets the steady-state monthly cost that does not depend on volume (storage, egress, people, licences, recurring fine-tuning).</summary>
    public double SteadyFixedCost { get; private set; }

    /// <summary>Gets the steady-state monthly cost of one replica (rent, or depreciation + power + hosting + maintenance).</summary>
    public double SteadyCostPerReplica { get; private set; }

    /// <summary>Gets the replicas needed (before rounding up) per unit of month-1 volume: scale × this = fractional replicas.</summary>
    public double ReplicasPerUnitScale { get; private set; }

    /// <summary>Gets the month (0-based) whose prices and request mix the steady state uses: the first month self-hosting serves.</summary>
    public int SteadyMonthIndex => Option.LeadTimeMonths;

    public static SelfHostedCostModel Create(PricingCatalog catalog, SelfHostedOption option, Scenario scenario, WorkloadVolumes volumes, ApiCostModel? bridge, string path, List<Assumption> assumptions)
    {
        var model = new SelfHostedCostModel(option, path);
        model.Build(catalog, scenario, volumes, bridge, assumptions);
        return model;
    }

    /// <summary>The steady-state cost curve at the prices and request mix of the first month self-hosting serves.</summary>
    public SteadyStateCost SteadyState(WorkloadVolumes volumes, DateOnly startDate)
    {
        var m = SteadyMonthIndex;
        var tokens = volumes.TotalInput[m] + volumes.TotalOutput[m];
        var perReplica = ReplicasPerUnitScale > 0 ? tokens / ReplicasPerUnitScale : 0;
        return new SteadyStateCost(OptionKind.SelfHosted, SteadyFixedCost, 0, 0, SteadyCostPerReplica, perReplica, Option.MinReplicas, Option.RedundancyReplicas, startDate.AddMonths(m));
    }

    private static string Num(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private int ReplicasFor(double fractionalReplicas) => ReplicaCount.Of(fractionalReplicas, Option.MinReplicas, Option.RedundancyReplicas);

    private void Build(PricingCatalog catalog, Scenario scenario, WorkloadVolumes volumes, ApiCostModel? bridge, List<Assumption> assumptions)
    {
        var path = optionPath;
        var o = Option;
        var name = o.Name;
        var openModel = catalog.GetOpenModel(o.Model);
        var gpu = catalog.GetGpu(o.Gpu);
        var horizon = volumes.Months;
        var lead = o.LeadTimeMonths;

        // Memory fit: the smallest power-of-two group whose usable memory holds the weights and the KV cache.
        var weights = CapacityMath.WeightBytes(openModel, o.Precision);
        var kvPerToken = CapacityMath.KvCacheBytesPerToken(openModel, o.KvCachePrecision);
        var longest = volumes.Profiles.Max(p => p.InputTokensPerRequest + p.OutputTokensPerRequest);
        var kv = o.ServingConcurrency * longest * kvPerToken;
        var usablePerGpu = (double)gpu.MemoryGb * 1e9 * o.UsableMemoryFraction;
        var need = weights + kv;
        var fit = string.Create(CultureInfo.InvariantCulture, $"'{openModel.ModelId}' in {o.Precision.ToString().ToUpperInvariant()} needs {need / 1e9:N1} GB: {weights / 1e9:N1} GB of weights + {kv / 1e9:N1} GB of KV cache ({o.ServingConcurrency} sequences × {longest:N0} tokens × {kvPerToken:N0} bytes per token); one {gpu.GpuModel} has {usablePerGpu / 1e9:N1} GB usable ({o.UsableMemoryFraction:P0} of {gpu.MemoryGb} GB)");
        if (o.GpusPerReplica is { } fixedGroup)
        {
            if (fixedGroup * usablePerGpu < need)
            {
                throw new ScenarioValidationException([new ScenarioError(path + ".gpusPerReplica", fixedGroup.ToString(CultureInfo.InvariantCulture), fit + $"; {fixedGroup} GPUs are not enough")]);
            }

            GpusPerReplica = fixedGroup;
        }
        else
        {
            var n = 1;
            while (n <= o.MaxGpusPerReplica && n * usablePerGpu < need)
            {
                n *= 2;
            }

            if (n > o.MaxGpusPerReplica)
            {
                throw new ScenarioValidationException([new ScenarioError(path + ".model", o.Model, fit + string.Create(CultureInfo.InvariantCulture, $"; it does not fit on {o.MaxGpusPerReplica} GPUs, the largest group allowed: use a GPU with more memory, a lower precision, a lower serving concurrency, or a larger maxGpusPerReplica"))]);
            }

            GpusPerReplica = n;
        }

        assumptions.Add(new Assumption(name, AssumptionKind.Choice, fit + string.Create(CultureInfo.InvariantCulture, $"; so one replica uses {GpusPerReplica} GPU(s).")));
        assumptions.Add(new Assumption(name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpus.csv: {gpu.GpuModel}: {gpu.MemoryGb} GB, {gpu.MemoryBandwidthTbPerSecond} TB/s, {gpu.Bf16DenseTflops} dense BF16 TFLOPS, {gpu.TdpWatts} W; checked {Iso(gpu.CheckedOn)}."), gpu.SourceUrl) { Row = gpu });
        assumptions.Add(new Assumption(name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"open_models.csv: {openModel.ModelId}: {openModel.TotalParametersBillions}B total / {openModel.ActiveParametersBillions}B active parameters, {openModel.Layers} layers, {openModel.KvHeads} KV heads × {openModel.HeadDim} head dim; checked {Iso(openModel.CheckedOn)}."), openModel.SourceUrl) { Row = openModel });

        // Throughput of one replica.
        var firstServed = Enumerable.Range(lead, horizon - lead).FirstOrDefault(m => volumes.TotalOutput[m] > 0, lead);
        var shape = volumes.MeanRequestShape(firstServed);
        ResolveThroughput(catalog, openModel, gpu, shape, weights, kvPerToken, assumptions);

        // Replicas and GPUs each month.
        Replicas = new int[horizon];
        Gpus = new int[horizon];
        Utilization = new double?[horizon];
        for (var m = lead; m < horizon; m++)
        {
            var required = volumes.TotalOutput[m] / CapacityMath.SecondsPerMonth * scenario.Workload.PeakToAverageRatio;
            var fractional = required <= 0 ? 0 : required / (ReplicaTokensPerSecond * o.TargetUtilization);
            if (!(fractional <= ReplicaCount.Max))
            {
                throw new ScenarioValidationException([new ScenarioError(path, null, string.Create(CultureInfo.InvariantCulture, $"month {m + 1} needs {fractional:G3} replicas of {ReplicaTokensPerSecond:G4} output tokens/s for a peak of {required:G3} tokens/s, more than the {ReplicaCount.Max:N0} this model sizes; check the workload's volume and the replica throughput"))]);
            }

            Replicas[m] = ReplicasFor(fractional);
            Gpus[m] = Replicas[m] * GpusPerReplica;
            Utilization[m] = Replicas[m] > 0 ? required / (Replicas[m] * ReplicaTokensPerSecond) : null;
        }

        ReplicasPerUnitScale = ReplicaTokensPerSecond <= 0 ? 0 : volumes.TotalOutput[SteadyMonthIndex] / CapacityMath.SecondsPerMonth * scenario.Workload.PeakToAverageRatio / (ReplicaTokensPerSecond * o.TargetUtilization);
        assumptions.Add(new Assumption(name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Capacity: replicas = max({o.MinReplicas}, ceil(peak output tokens/s ÷ ({ReplicaTokensPerSecond:N1} tokens/s × {o.TargetUtilization} target utilisation))) + {o.RedundancyReplicas} spare; peak = monthly output tokens ÷ 2,628,000 s × {scenario.Workload.PeakToAverageRatio} peak-to-average.")));

        MonthLines = new double[horizon][];
        for (var m = 0; m < horizon; m++)
        {
            MonthLines[m] = new double[Lines];
        }

        if (o.Rented is { } rented)
        {
            BillRented(catalog, rented, gpu, scenario, volumes.MonthStarts, horizon, lead, assumptions);
        }
        else
        {
            BillOwned(catalog, o.Owned!, gpu, scenario, horizon, lead, path, assumptions);
        }

        BillStorage(catalog, scenario, horizon, assumptions);
        BillFineTuning(catalog, openModel, gpu, scenario, horizon, path, assumptions);
        BillPeople(horizon);

        if (bridge is not null)
        {
            for (var m = 0; m < lead; m++)
            {
                var (usage, shortfall, fees) = bridge.Bill(m);
                MonthLines[m][(int)CostLine.BridgeApi] = usage + shortfall + fees;
            }

            assumptions.Add(new Assumption(name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Lead time: months 1 to {lead} are served and billed by the API option '{bridge.Option.Name}'; GPU capacity is paid from month {lead + 1}.")));
        }
    }

    private void ResolveThroughput(PricingCatalog catalog, OpenModel openModel, Gpu gpu, (double Input, double Output) shape, double weights, double kvPerToken, List<Assumption> assumptions)
    {
        var o = Option;
        if (o.ReplicaThroughputTokensPerSecond is { } given)
        {
            ReplicaTokensPerSecond = given;
            ThroughputSource = ThroughputSource.Given;
            assumptions.Add(new Assumption(o.Name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Throughput of one replica given in the scenario: {given:N1} output tokens/s.")));
            return;
        }

        var rows = catalog.FindThroughputBenchmarks(openModel.ModelId, gpu.GpuModel, o.Precision, GpusPerReplica);
        if (rows.Count > 0)
        {
            // The row whose request shape is nearest the workload's (log distance), the slower one on a tie.
            var row = rows
                .OrderBy(r => Math.Abs(Math.Log(r.InputTokens / Math.Max(shape.Input, 1))) + Math.Abs(Math.Log(r.OutputTokens / Math.Max(shape.Output, 1))))
                .ThenBy(r => r.OutputTokensPerSecondPerReplica)
                .First();
            ReplicaTokensPerSecond = (double)row.OutputTokensPerSecondPerReplica;
            ThroughputSource = ThroughputSource.Benchmark;
            var concurrency = row.Concurrency == 0 ? "offline maximum throughput" : string.Create(CultureInfo.InvariantCulture, $"concurrency {row.Concurrency}");
            assumptions.Add(new Assumption(o.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"throughput_benchmarks.csv: {row.ModelId} on {row.GpusPerReplica} × {row.GpuModel}, {row.Precision.ToString().ToUpperInvariant()}, {row.Engine}, {row.InputTokens} in / {row.OutputTokens} out, {concurrency}: {row.OutputTokensPerSecondPerReplica} output tokens/s per replica (workload mean: {shape.Input:N0} in / {shape.Output:N0} out); checked {Iso(row.CheckedOn)}."), row.SourceUrl) { Row = row });
            return;
        }

        var n = GpusPerReplica;
        var flops = n * CapacityMath.PeakFlopsPerSecond(gpu, o.Precision);
        var bandwidth = n * (double)gpu.MemoryBandwidthTbPerSecond * 1e12;
        var active = (double)openModel.ActiveParametersBillions * 1e9;
        ReplicaTokensPerSecond = CapacityMath.RooflineOutputTokensPerSecond(weights, o.ServingConcurrency, shape.Input, shape.Output, kvPerToken, bandwidth, o.Mbu, active, flops, o.Mfu);
        ThroughputSource = ThroughputSource.RooflineEstimate;
        assumptions.Add(new Assumption(o.Name, AssumptionKind.Estimate, string.Create(CultureInfo.InvariantCulture, $"No benchmark row for {openModel.ModelId} on {n} × {gpu.GpuModel} in {o.Precision.ToString().ToUpperInvariant()}: throughput estimated by roofline at batch {o.ServingConcurrency}, MBU {o.Mbu}, MFU {o.Mfu}, {shape.Input:N0} input and {shape.Output:N0} output tokens per request: {ReplicaTokensPerSecond:N1} output tokens/s per replica.")));
    }

    private void BillRented(PricingCatalog catalog, RentedCompute rented, Gpu gpu, Scenario scenario, DateOnly[] monthStarts, int horizon, int lead, List<Assumption> assumptions)
    {
        var seen = new HashSet<GpuRentalOffer>();
        var seenOffers = new List<GpuRentalOffer>();

        // The GPU's offers of the provider and region on the two plans this option can bill, found once; each month's
        // offer is then chosen among them exactly as catalog.FindRentalOffer chooses among all offers.
        var offersOfGpu = catalog.RentalOffersOf(gpu);
        var planOffers = PricingCatalog.FilterRentalOffers(offersOfGpu, rented.Provider, rented.Plan, rented.Region, rented.Sku);
        var onDemandOffers = PricingCatalog.FilterRentalOffers(offersOfGpu, rented.Provider, RentalPlan.OnDemand, rented.Region, null);
        double Price(RentalPlan plan, int m)
        {
            if (plan == rented.Plan && rented.PricePerGpuHour is { } given)
            {
                return given;
            }

            var date = monthStarts[m];
            var offer = PricingCatalog.SelectRentalOffer(plan == rented.Plan ? planOffers : onDemandOffers, rented.Provider, plan, date, rented.Region, plan == rented.Plan ? rented.Sku : null)
                ?? throw catalog.NoRentalOffer(rented.Provider, gpu, plan, date, rented.Region);
            if (!string.Equals(offer.Currency, scenario.Currency, StringComparison.Ordinal))
            {
                throw new ScenarioValidationException([new ScenarioError(optionPath + ".rented", offer.Currency, $"the rental offer {offer.Provider} {offer.Sku} is priced in {offer.Currency}, but the scenario's currency is {scenario.Currency}")]);
            }

            // An offer already met (the same object) is already in the set: only a new one is hashed and compared by value.
            if (!ContainsObject(seenOffers, offer))
            {
                seenOffers.Add(offer);
                if (seen.Add(offer))
                {
                    assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpu_rentals.csv: {offer.Provider} {offer.Sku} ({offer.GpusPerInstance} × {offer.GpuModel}), {Words.ToWord(plan)}, {offer.Region}, from {Iso(offer.EffectiveFrom)}: {offer.PricePerGpuHour} {offer.Currency} per GPU-hour; checked {Iso(offer.CheckedOn)}."), offer.SourceUrl) { Row = offer });
                }
            }

            return (double)offer.PricePerGpuHour;
        }

        var term = rented.Plan switch
        {
            RentalPlan.Reserved1Year => 12,
            RentalPlan.Reserved3Year => 36,
            _ => 0,
        };
        var first = Math.Min(lead, horizon);
        for (var m = first; m < horizon; m++)
        {
            if (term == 0)
            {
                MonthLines[m][(int)CostLine.GpuRental] = Gpus[m] * CapacityMath.HoursPerMonth * Price(rented.Plan, m);
                continue;
            }

            var termStart = first + ((m - first) / term * term);
            var committed = rented.CommittedGpus ?? MostGpus(termStart, Math.Min(term, horizon - termStart));
            var overflow = Math.Max(0, Gpus[m] - committed);
            MonthLines[m][(int)CostLine.GpuRental] = (committed * CapacityMath.HoursPerMonth * Price(rented.Plan, termStart))
                + (overflow > 0 ? overflow * CapacityMath.HoursPerMonth * Price(RentalPlan.OnDemand, m) : 0);
            Gpus[m] = Math.Max(Gpus[m], committed);
            if (m == horizon - 1 && termStart + term > horizon)
            {
                assumptions.Add(new Assumption(Option.Name, AssumptionKind.Warning, string.Create(CultureInfo.InvariantCulture, $"The reserved term that starts in month {termStart + 1} runs {termStart + term - horizon} month(s) past the horizon; those committed months are not counted.")));
            }
        }

        if (term > 0)
        {
            assumptions.Add(new Assumption(Option.Name, AssumptionKind.Choice, rented.CommittedGpus is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"Reserved plan: {c} GPUs committed and billed every month of each {term}-month term; GPUs needed above that bill on demand.")
                : string.Create(CultureInfo.InvariantCulture, $"Reserved plan: each {term}-month term commits the most GPUs needed during that term, billed every month of the term.")));
        }

        SteadyCostPerReplica = GpusPerReplica * CapacityMath.HoursPerMonth * Price(rented.Plan, SteadyMonthIndex);
    }

    private void BillOwned(PricingCatalog catalog, OwnedHardware owned, Gpu gpu, Scenario scenario, int horizon, int lead, string path, List<Assumption> assumptions)
    {
        var name = Option.Name;
        double unitPrice;
        if (owned.PricePerGpu is { } given)
        {
            unitPrice = given;
        }
        else if (gpu.PurchasePricePerGpu is { } listed)
        {
            if (!string.Equals(gpu.PurchaseCurrency, scenario.Currency, StringComparison.Ordinal))
            {
                throw new ScenarioValidationException([new ScenarioError(path + ".owned.pricePerGpu", null, $"{gpu.GpuModel}'s purchase price is in {gpu.PurchaseCurrency}, but the scenario's currency is {scenario.Currency}; give pricePerGpu")]);
            }

            unitPrice = (double)listed;
            assumptions.Add(new Assumption(name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpus.csv: {gpu.GpuModel} purchase price {listed} {gpu.PurchaseCurrency} per GPU; checked {Iso(gpu.PurchaseCheckedOn!.Value)}."), gpu.PurchaseSourceUrl) { Row = gpu, RowDateColumn = PricingCatalog.PurchaseCheckedOnColumn });
        }
        else
        {
            throw new ScenarioValidationException([new ScenarioError(path + ".owned.pricePerGpu", null, $"gpus.csv has no published purchase price for {gpu.GpuModel}; give pricePerGpu")]);
        }

        var capitalPerGpu = unitPrice + owned.ServerOverheadPerGpu;
        var load = owned.AverageLoadFraction ?? Option.TargetUtilization;
        var pue = owned.Pue ?? LookupPue(catalog, owned.PueFigure!, assumptions);
        var kwh = owned.ElectricityPricePerKwh ?? LookupElectricity(catalog, owned, scenario, assumptions);
        var hostingPerKw = owned.HostingPricePerKwMonth ?? (owned.HostingProvider is { } hp ? LookupHosting(catalog, hp, scenario, assumptions) : 0);
        if (owned.HostingPricePerKwMonth is null && owned.HostingProvider is null && owned.HostingPricePerServerMonth == 0)
        {
            assumptions.Add(new Assumption(name, AssumptionKind.Choice, "No hosting (colocation) cost given: hosting costs nothing."));
        }

        var kwPerGpu = (double)gpu.TdpWatts / 1000;
        var purchases = new List<(int Month, double Capital)>();
        var installed = 0;
        var capitalSoFar = 0.0;
        for (var m = Math.Min(lead, horizon); m < horizon; m++)
        {
            if (Gpus[m] > installed)
            {
                var capital = (Gpus[m] - installed) * capitalPerGpu;
                purchases.Add((m, capital));
                capitalSoFar += capital;
                installed = Gpus[m];
                if (scenario.CostView == CostView.Cash)
                {
                    MonthLines[m][(int)CostLine.Capital] = capital;
                }
            }

            Gpus[m] = installed;
            if (scenario.CostView == CostView.Accounting)
            {
                MonthLines[m][(int)CostLine.Depreciation] = Depreciation(purchases, m, owned.UsefulLifeMonths);
            }

            MonthLines[m][(int)CostLine.Power] = installed * kwPerGpu * load * pue * CapacityMath.HoursPerMonth * kwh;
            MonthLines[m][(int)CostLine.Hosting] = (installed * kwPerGpu * hostingPerKw) + (Math.Ceiling(installed / (double)owned.GpusPerServer) * owned.HostingPricePerServerMonth);
            MonthLines[m][(int)CostLine.Maintenance] = capitalSoFar * owned.MaintenanceYearlyFraction / 12;
        }

        ResidualValue = capitalSoFar * owned.ResidualValueFraction;
        assumptions.Add(new Assumption(name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Owned: {capitalPerGpu:N0} {scenario.Currency} capital per GPU ({unitPrice:N0} + {owned.ServerOverheadPerGpu:N0} server overhead), bought in the month first needed; {(scenario.CostView == CostView.Cash ? "cash view (capital in the month bought)" : $"accounting view (straight-line over {owned.UsefulLifeMonths} months)")}; power at {load:P0} of {gpu.TdpWatts} W × PUE {pue} × {kwh} {scenario.Currency}/kWh.")));

        SteadyCostPerReplica = GpusPerReplica * ((capitalPerGpu / owned.UsefulLifeMonths) + (kwPerGpu * load * pue * CapacityMath.HoursPerMonth * kwh) + (kwPerGpu * hostingPerKw) + (owned.HostingPricePerServerMonth / owned.GpusPerServer) + (capitalPerGpu * owned.MaintenanceYearlyFraction / 12));
    }

    /// <summary>Whether <paramref name="items"/> holds <paramref name="item"/> itself (not an equal copy); allocates nothing.</summary>
    private static bool ContainsObject<T>(List<T> items, T item)
        where T : class
    {
        foreach (var x in items)
        {
            if (ReferenceEquals(x, item))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The most GPUs needed in months <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> − 1 (count ≥ 1).</summary>
    private int MostGpus(int first, int count)
    {
        var most = Gpus[first];
        for (var i = first + 1; i < first + count; i++)
        {
            most = Math.Max(most, Gpus[i]);
        }

        return most;
    }

    /// <summary>Straight-line depreciation in month <paramref name="m"/>: each purchase still within its useful life adds capital ÷ life, in purchase order.</summary>
    private static double Depreciation(List<(int Month, double Capital)> purchases, int m, int usefulLifeMonths)
    {
        var total = 0.0;
        foreach (var (month, capital) in purchases)
        {
            if (m < month + usefulLifeMonths)
            {
                total += capital / usefulLifeMonths;
            }
        }

        return total;
    }

    private double LookupPue(PricingCatalog catalog, string figure, List<Assumption> assumptions)
    {
        var row = catalog.PueFigures.FirstOrDefault(p => string.Equals(p.Name, figure, StringComparison.OrdinalIgnoreCase))
            ?? throw new PricingLookupException($"Unknown PUE figure '{figure}'; known: {string.Join(", ", catalog.PueFigures.Select(p => p.Name))}.");
        assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"pue_figures.csv: {row.Name}: PUE {row.Pue}; checked {Iso(row.CheckedOn)}."), row.SourceUrl) { Row = row });
        return (double)row.Pue;
    }

    private double LookupElectricity(PricingCatalog catalog, OwnedHardware owned, Scenario scenario, List<Assumption> assumptions)
    {
        var row = catalog.ElectricityPrices
            .Where(p => string.Equals(p.Region, owned.ElectricityRegion, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Sector, owned.ElectricitySector, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Period, StringComparer.Ordinal)
            .FirstOrDefault()
            ?? throw new PricingLookupException($"No {owned.ElectricitySector} electricity price for region '{owned.ElectricityRegion}'; known regions: {string.Join(", ", catalog.ElectricityPrices.Select(p => p.Region).Distinct(StringComparer.OrdinalIgnoreCase))}.");
        if (!string.Equals(row.Currency, scenario.Currency, StringComparison.Ordinal))
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".owned.electricityRegion", owned.ElectricityRegion, $"the electricity price for {row.Region} is in {row.Currency}, but the scenario's currency is {scenario.Currency}; give electricityPricePerKwh")]);
        }

        assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"electricity_prices.csv: {row.Region} {row.Sector} {row.Period}: {row.PricePerKwh} {row.Currency}/kWh; checked {Iso(row.CheckedOn)}."), row.SourceUrl) { Row = row });
        return (double)row.PricePerKwh;
    }

    private double LookupHosting(PricingCatalog catalog, string provider, Scenario scenario, List<Assumption> assumptions)
    {
        var row = catalog.HostingPrices.FirstOrDefault(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase))
            ?? throw new PricingLookupException($"Unknown hosting provider '{provider}'; known: {string.Join(", ", catalog.HostingPrices.Select(p => p.Provider))}.");
        if (!string.Equals(row.Currency, scenario.Currency, StringComparison.Ordinal))
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".owned.hostingProvider", provider, $"the hosting price is in {row.Currency}, but the scenario's currency is {scenario.Currency}")]);
        }

        assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"hosting_prices.csv: {row.Provider} ({row.Region}): {row.PricePerKwMonth} {row.Currency} per kW-month; checked {Iso(row.CheckedOn)}."), row.SourceUrl) { Row = row });
        return (double)row.PricePerKwMonth;
    }

    private void BillStorage(PricingCatalog catalog, Scenario scenario, int horizon, List<Assumption> assumptions)
    {
        if (Option.Storage is not { } s)
        {
            return;
        }

        var storagePrice = s.PricePerGbMonth ?? (s.GbHeld > 0 ? LookupStorage(catalog, s, scenario, assumptions) : 0);
        var egressPrice = s.EgressPricePerGb ?? (s.EgressGbPerMonth > 0 ? LookupEgress(catalog, s, scenario, assumptions) : 0);
        for (var m = 0; m < horizon; m++)
        {
            MonthLines[m][(int)CostLine.Storage] = s.GbHeld * storagePrice;
            MonthLines[m][(int)CostLine.Egress] = s.EgressGbPerMonth * egressPrice;
        }

        SteadyFixedCost += (s.GbHeld * storagePrice) + (s.EgressGbPerMonth * egressPrice);
    }

    private double LookupStorage(PricingCatalog catalog, StorageCosts s, Scenario scenario, List<Assumption> assumptions)
    {
        var row = catalog.StoragePrices.FirstOrDefault(p => string.Equals(p.Provider, s.StorageProvider, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Service, s.StorageService, StringComparison.OrdinalIgnoreCase))
            ?? throw new PricingLookupException($"No storage price for '{s.StorageProvider}' '{s.StorageService}'; known: {string.Join("; ", catalog.StoragePrices.Select(p => $"{p.Provider} {p.Service}"))}.");
        CheckCurrency(row.Currency, scenario, "storage", ".storage.storageProvider");
        assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"storage_prices.csv: {row.Provider} {row.Service} ({row.Region}): {row.PricePerGbMonth} {row.Currency} per GB-month; checked {Iso(row.CheckedOn)}."), row.SourceUrl) { Row = row });
        return (double)row.PricePerGbMonth;
    }

    private double LookupEgress(PricingCatalog catalog, StorageCosts s, Scenario scenario, List<Assumption> assumptions)
    {
        var row = catalog.EgressPrices.FirstOrDefault(p => string.Equals(p.Provider, s.EgressProvider, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Service, s.EgressService, StringComparison.OrdinalIgnoreCase))
            ?? throw new PricingLookupException($"No egress price for '{s.EgressProvider}' '{s.EgressService}'; known: {string.Join("; ", catalog.EgressPrices.Select(p => $"{p.Provider} {p.Service}"))}.");
        CheckCurrency(row.Currency, scenario, "egress", ".storage.egressProvider");
        assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"egress_prices.csv: {row.Provider} {row.Service} ({row.Region}): {row.PricePerGb} {row.Currency} per GB; checked {Iso(row.CheckedOn)}."), row.SourceUrl) { Row = row });
        return (double)row.PricePerGb;
    }

    private void CheckCurrency(string currency, Scenario scenario, string what, string property)
    {
        if (!string.Equals(currency, scenario.Currency, StringComparison.Ordinal))
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + property, currency, $"the {what} price is in {currency}, but the scenario's currency is {scenario.Currency}")]);
        }
    }

    private void BillFineTuning(PricingCatalog catalog, OpenModel openModel, Gpu servingGpu, Scenario scenario, int horizon, string path, List<Assumption> assumptions)
    {
        if (Option.FineTuning is not { } ft)
        {
            return;
        }

        var gpu = ft.Gpu is null ? servingGpu : catalog.GetGpu(ft.Gpu);
        var k = ft.FlopsPerParameterPerToken ?? (ft.Method == FineTuningMethod.Full ? 6 : 4);
        var parameters = (double)openModel.ActiveParametersBillions * 1e9;
        var tokens = ft.TrainingTokens * ft.Epochs;
        var hours = ft.MeasuredGpuHoursPerRun ?? CapacityMath.TrainingGpuHours(k, parameters, tokens, CapacityMath.PeakFlopsPerSecond(gpu, ft.Precision), ft.Mfu);
        assumptions.Add(new Assumption(Option.Name, ft.MeasuredGpuHoursPerRun is null ? AssumptionKind.Estimate : AssumptionKind.Choice, ft.MeasuredGpuHoursPerRun is null
            ? string.Create(CultureInfo.InvariantCulture, $"Fine-tuning ({(ft.Method == FineTuningMethod.Full ? "full" : ft.Method == FineTuningMethod.Lora ? "LoRA" : "QLoRA")}): {k} × {parameters:G3} parameters × {tokens:G3} tokens = {k * parameters * tokens:G3} FLOPs on {gpu.GpuModel} at MFU {ft.Mfu} = {hours:N0} GPU-hours per run, billed as rented GPU-hours.")
            : string.Create(CultureInfo.InvariantCulture, $"Fine-tuning: {hours:N0} measured GPU-hours per run, billed as rented GPU-hours.")));
        var provider = ft.Provider ?? Option.Rented?.Provider;
        var runs = 0;
        var costOfLastRun = 0.0;
        for (var m = ft.FirstMonth - 1; m < horizon; m += ft.EveryMonths > 0 ? ft.EveryMonths : horizon)
        {
            double price;
            if (ft.PricePerGpuHour is { } given)
            {
                price = given;
            }
            else
            {
                var offer = catalog.FindRentalOffer(provider!, gpu.GpuModel, RentalPlan.OnDemand, scenario.StartDate.AddMonths(m));
                CheckCurrency(offer.Currency, scenario, "fine-tuning GPU", ".fineTuning.provider");
                price = (double)offer.PricePerGpuHour;
                if (runs == 0)
                {
                    assumptions.Add(new Assumption(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpu_rentals.csv (fine-tuning): {offer.Provider} {offer.Sku} on-demand, {offer.Region}: {offer.PricePerGpuHour} {offer.Currency} per GPU-hour; checked {Iso(offer.CheckedOn)}."), offer.SourceUrl) { Row = offer });
                }
            }

            costOfLastRun = hours * price;
            MonthLines[m][(int)CostLine.FineTuning] = costOfLastRun;
            runs++;
        }

        _ = path;
        if (ft.EveryMonths > 0)
        {
            SteadyFixedCost += costOfLastRun / ft.EveryMonths;
        }
    }

    private void BillPeople(int horizon)
    {
        if (Option.People is not { } p)
        {
            return;
        }

        var people = p.Ftes * p.YearlyLoadedCostPerFte / 12;
        var licences = p.LicencesPerMonth + p.SupportPerMonth;
        for (var m = 0; m < horizon; m++)
        {
            MonthLines[m][(int)CostLine.People] = people;
            MonthLines[m][(int)CostLine.LicencesAndSupport] = licences;
        }

        MonthLines[0][(int)CostLine.Setup] = p.SetupCost;
        SteadyFixedCost += people + licences;
    }
}
