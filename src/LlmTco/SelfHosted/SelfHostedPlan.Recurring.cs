using System.Globalization;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.SelfHosted;

/// <summary>The recurring costs besides GPUs: storage and egress, fine-tuning runs, people, licences and set-up.</summary>
internal sealed partial class SelfHostedPlan
{
    private double storagePriceValue = double.NaN;
    private double egressPriceValue = double.NaN;
    private double[]? storageRates;
    private double[]? egressRates;

    /// <summary>Gets the fine-tuning line of every month (GPU-hours of a run × the on-demand price in its month).</summary>
    public double[] FineTuning { get; private set; } = [];

    /// <summary>Gets the steady-state monthly share of fine-tuning (the last run's cost ÷ the interval), or NaN without recurring runs.</summary>
    public double FineTuningSteady { get; private set; } = double.NaN;

    public int TrainingTokensSlot { get; private set; } = -1;

    public int EpochsSlot { get; private set; } = -1;

    public int FineTuningMfuSlot { get; private set; } = -1;

    public int MeasuredHoursSlot { get; private set; } = -1;

    public int FineTuningPriceSlot { get; private set; } = -1;

    private (double K, double Parameters, double Flops) fineTuningFlops;
    private (int Month, double Price)[] fineTuningRuns = [];

    public int GbHeldSlot { get; private set; } = -1;

    public int StoragePriceSlot { get; private set; }

    public int EgressGbSlot { get; private set; }

    public int EgressPriceSlot { get; private set; }

    public int FtesSlot { get; private set; } = -1;

    public int YearlyCostSlot { get; private set; }

    public int LicencesSlot { get; private set; }

    public int SupportSlot { get; private set; }

    public int SetupSlot { get; private set; }

    private void CompileStorage(PricingCatalog catalog, Scenario scenario, PlanParameters prm, string at, bool describe)
    {
        if (Option.Storage is not { } s)
        {
            return;
        }

        GbHeldSlot = prm.Add(at + ".storage.gbHeld", s.GbHeld, ParameterRule.NonNegative);
        StoragePriceSlot = prm.Add(at + ".storage.pricePerGbMonth", s.PricePerGbMonth, ParameterRule.NonNegative);
        EgressGbSlot = prm.Add(at + ".storage.egressGbPerMonth", s.EgressGbPerMonth, ParameterRule.NonNegative);
        EgressPriceSlot = prm.Add(at + ".storage.egressPricePerGb", s.EgressPricePerGb, ParameterRule.NonNegative);

        // The tables are read when the scenario's own volumes need them (an error if they have no row); otherwise they are
        // read quietly, for a Monte Carlo trial that draws a volume where the scenario has none (NaN without a row).
        var storageRow = catalog.FindStoragePrice(s.StorageProvider, s.StorageService);
        var egressRow = catalog.FindEgressPrice(s.EgressProvider, s.EgressService);
        storagePriceValue = TablePrice(
            storageRow,
            s.PricePerGbMonth is null && s.GbHeld > 0,
            () => catalog.NoStoragePrice(s.StorageProvider, s.StorageService),
            row => (row.Currency, row.PricePerGbMonth),
            row => $"storage_prices.csv: {row.Provider} {row.Service} ({row.Region}): {row.PricePerGbMonth} {row.Currency} per GB-month; checked {Iso(row.CheckedOn)}.",
            describe);
        egressPriceValue = TablePrice(
            egressRow,
            s.EgressPricePerGb is null && s.EgressGbPerMonth > 0,
            () => catalog.NoEgressPrice(s.EgressProvider, s.EgressService),
            row => (row.Currency, row.PricePerGb),
            row => $"egress_prices.csv: {row.Provider} {row.Service} ({row.Region}): {row.PricePerGb} {row.Currency} per GB; checked {Iso(row.CheckedOn)}.",
            describe);

        // A table price in another currency follows each month's exchange rate (NaN prices never reach a bill).
        storageRates = storageRow is not null && s.PricePerGbMonth is null && s.GbHeld > 0 ? RelativeRates(storageRow.Currency) : null;
        egressRates = egressRow is not null && s.EgressPricePerGb is null && s.EgressGbPerMonth > 0 ? RelativeRates(egressRow.Currency) : null;
    }

    /// <summary>
    /// A small table's price in the scenario's currency (converted at the rate of the first month served): when the
    /// scenario's own values need it, a missing row or exchange rate is an error and the row is an assumption; otherwise
    /// the price if there is one, else NaN.
    /// </summary>
    private double TablePrice<T>(T? row, bool needed, Func<PricingLookupException> missing, Func<T, (string Currency, decimal Price)> price, Func<T, FormattableString> describe, bool describeIt)
        where T : class, ISourcedRow
    {
        if (needed)
        {
            if (row is null)
            {
                throw missing();
            }

            fx.Factor(price(row).Currency, ConstantPriceRateMonth);
            if (describeIt)
            {
                AddRow(FormattableString.Invariant(describe(row)), row, row.SourceUrl);
            }
        }

        return row is not null && fx.TryFactor(price(row).Currency, ConstantPriceRateMonth, out var toScenarioCurrency) ? (double)price(row).Price * toScenarioCurrency : double.NaN;
    }

    /// <summary>A large count for text without E-notation: up to 10¹² with thousands separators, beyond as 4.8 × 10¹⁸.</summary>
    internal static string Big(double value)
    {
        if (!(Math.Abs(value) >= 1e12))
        {
            return value.ToString("N0", CultureInfo.InvariantCulture);
        }

        var exponent = (int)Math.Floor(Math.Log10(Math.Abs(value)));
        var mantissa = value / Math.Pow(10, exponent);
        const string superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        var power = string.Concat(exponent.ToString(CultureInfo.InvariantCulture).Select(c => c == '-' ? '⁻' : superscripts[c - '0']));
        return string.Create(CultureInfo.InvariantCulture, $"{mantissa:0.##} × 10{power}");
    }

    /// <summary>
    /// The month (0-based) whose exchange rate converts the prices held constant over the horizon (purchase, electricity,
    /// hosting, storage, egress): the first month the option serves, after its lead time.
    /// </summary>
    private int ConstantPriceRateMonth => Math.Min(Lead, months - 1);

    private void CompileFineTuning(PricingCatalog catalog, OpenModel openModel, Gpu servingGpu, Scenario scenario, PlanParameters prm, string at, bool describe)
    {
        FineTuning = new double[months];
        if (Option.FineTuning is not { } ft)
        {
            return;
        }

        var gpu = ft.Gpu is null ? servingGpu : catalog.GetGpu(ft.Gpu);
        var k = ft.FlopsPerParameterPerToken ?? (ft.Method == FineTuningMethod.Full ? 6 : 4);
        var parameters = (double)openModel.ActiveParametersBillions * 1e9;
        fineTuningFlops = (k, parameters, CapacityMath.PeakFlopsPerSecond(gpu, ft.Precision));
        TrainingTokensSlot = prm.Add(at + ".fineTuning.trainingTokens", ft.TrainingTokens, ParameterRule.NonNegative);
        EpochsSlot = prm.Add(at + ".fineTuning.epochs", ft.Epochs, ParameterRule.Positive);
        FineTuningMfuSlot = prm.Add(at + ".fineTuning.mfu", ft.Mfu, ParameterRule.Fraction);
        MeasuredHoursSlot = prm.Add(at + ".fineTuning.measuredGpuHoursPerRun", ft.MeasuredGpuHoursPerRun, ParameterRule.NonNegative);
        FineTuningPriceSlot = prm.Add(at + ".fineTuning.pricePerGpuHour", ft.PricePerGpuHour, ParameterRule.Positive);
        var baseline = prm.Baseline;
        var hours = FineTuningHours(baseline);
        if (describe)
        {
            var tokens = ft.TrainingTokens * ft.Epochs;
            assumptions.Add(new Assumption(Option.Name, ft.MeasuredGpuHoursPerRun is null ? AssumptionKind.Estimate : AssumptionKind.Choice, ft.MeasuredGpuHoursPerRun is null
                ? string.Create(CultureInfo.InvariantCulture, $"Fine-tuning ({(ft.Method == FineTuningMethod.Full ? "full" : ft.Method == FineTuningMethod.Lora ? "LoRA" : "QLoRA")}): {k} × {Big(parameters)} parameters × {Big(tokens)} tokens = {Big(k * parameters * tokens)} FLOPs on {gpu.GpuModel} at MFU {ft.Mfu} = {hours:N0} GPU-hours per run, billed as rented GPU-hours.")
                : string.Create(CultureInfo.InvariantCulture, $"Fine-tuning: {hours:N0} measured GPU-hours per run, billed as rented GPU-hours.")));
        }

        // The runs' months and on-demand prices, looked up once (none when the scenario gives the price).
        var provider = ft.Provider ?? Option.Rented?.Provider;
        var runs = new List<(int Month, double Price)>();
        for (var m = ft.FirstMonth - 1; m < months; m += ft.EveryMonths > 0 ? ft.EveryMonths : months)
        {
            var price = double.NaN;
            if (ft.PricePerGpuHour is null)
            {
                var offer = catalog.FindRentalOffer(provider!, gpu.GpuModel, RentalPlan.OnDemand, scenario.StartDate.AddMonths(m));
                price = (double)offer.PricePerGpuHour * fx.Factor(offer.Currency, m);
                if (runs.Count == 0 && describe)
                {
                    AddRow(string.Create(CultureInfo.InvariantCulture, $"gpu_rentals.csv (fine-tuning): {offer.Provider} {offer.Sku} on-demand, {offer.Region}: {offer.PricePerGpuHour} {offer.Currency} per GPU-hour; checked {Iso(offer.CheckedOn)}."), offer, offer.SourceUrl);
                }
            }

            runs.Add((m, price));
        }

        fineTuningRuns = [.. runs];
        FineTuningSteady = FineTuningLine(baseline, FineTuning);
    }

    /// <summary>The GPU-hours of one fine-tuning run: as measured, or k × parameters × (tokens × epochs) ÷ (GPU FLOPS × MFU) ÷ 3,600.</summary>
    private double FineTuningHours(double[] p)
    {
        var measured = p[MeasuredHoursSlot];
        var (k, parameters, flops) = fineTuningFlops;
        return !double.IsNaN(measured) ? measured : CapacityMath.TrainingGpuHours(k, parameters, p[TrainingTokensSlot] * p[EpochsSlot], flops, p[FineTuningMfuSlot]);
    }

    /// <summary>
    /// The fine-tuning line: each run's GPU-hours × the on-demand price in its month (or the price given), billed as
    /// rented GPU-hours; returns the steady-state monthly share (the last run's cost ÷ the interval), NaN without
    /// recurring runs.
    /// </summary>
    private double FineTuningLine(double[] p, double[] line)
    {
        var hours = FineTuningHours(p);
        var given = p[FineTuningPriceSlot];
        var costOfLastRun = 0.0;
        foreach (var (month, price) in fineTuningRuns)
        {
            costOfLastRun = hours * (double.IsNaN(given) ? price : given);
            line[month] = costOfLastRun;
        }

        return Option.FineTuning!.EveryMonths > 0 ? costOfLastRun / Option.FineTuning.EveryMonths : double.NaN;
    }

    private void CompilePeople(PlanParameters prm, string at)
    {
        if (Option.People is not { } people)
        {
            return;
        }

        FtesSlot = prm.Add(at + ".people.ftes", people.Ftes, ParameterRule.NonNegative);
        YearlyCostSlot = prm.Add(at + ".people.yearlyLoadedCostPerFte", people.YearlyLoadedCostPerFte, ParameterRule.NonNegative);
        LicencesSlot = prm.Add(at + ".people.licencesPerMonth", people.LicencesPerMonth, ParameterRule.NonNegative);
        SupportSlot = prm.Add(at + ".people.supportPerMonth", people.SupportPerMonth, ParameterRule.NonNegative);
        SetupSlot = prm.Add(at + ".people.setupCost", people.SetupCost, ParameterRule.NonNegative);
    }

    /// <summary>
    /// The monthly costs that do not depend on the month: storage = GB held × price per GB-month, egress = GB a month × price
    /// per GB, people = FTEs × yearly loaded cost ÷ 12, licences and support, the set-up cost (month 1 only); and the
    /// steady-state fixed cost (these plus the fine-tuning share). False when a drawn volume needs a price the tables lack.
    /// </summary>
    private bool Recurring(double[] p, PlanWorkspace ws, bool fineTuningVaries, out RecurringCosts costs)
    {
        costs = default;
        var fineTuningSteady = FineTuningSteady;
        ws.FineTuning[Index] = FineTuning;
        if (fineTuningVaries && Option.FineTuning is not null)
        {
            var line = ws.FineTuningBuffers[Index];
            fineTuningSteady = FineTuningLine(p, line);
            ws.FineTuning[Index] = line;
        }

        double fixedCost = 0;
        if (GbHeldSlot >= 0)
        {
            var gb = p[GbHeldSlot];
            var egressGb = p[EgressGbSlot];
            var storagePrice = !double.IsNaN(p[StoragePriceSlot]) ? p[StoragePriceSlot] : gb > 0 ? storagePriceValue : 0;
            var egressPrice = !double.IsNaN(p[EgressPriceSlot]) ? p[EgressPriceSlot] : egressGb > 0 ? egressPriceValue : 0;
            if (double.IsNaN(storagePrice) || double.IsNaN(egressPrice))
            {
                ws.Failure = new PlanFailure(PlanFailureKind.Invalid, OptionIndex, 0, false, 0, 0, 0);
                return false;
            }

            costs.Storage = gb * storagePrice;
            costs.Egress = egressGb * egressPrice;
            costs.StorageRates = double.IsNaN(p[StoragePriceSlot]) ? storageRates : null;
            costs.EgressRates = double.IsNaN(p[EgressPriceSlot]) ? egressRates : null;
            fixedCost += costs.Storage + costs.Egress;
        }

        if (!double.IsNaN(fineTuningSteady))
        {
            fixedCost += fineTuningSteady;
        }

        if (FtesSlot >= 0)
        {
            costs.People = p[FtesSlot] * p[YearlyCostSlot] / 12;
            costs.Licences = p[LicencesSlot] + p[SupportSlot];
            costs.Setup = p[SetupSlot];
            fixedCost += costs.People + costs.Licences;
        }

        ws.SteadyFixedCost[Index] = fixedCost;
        return true;
    }
}

/// <summary>The self-hosted costs that are the same every month (the set-up cost falls in month 1).</summary>
internal struct RecurringCosts
{
    public double Storage;
    public double Egress;

    /// <summary>Each month's exchange rate ÷ the rate <see cref="Storage"/> was converted at, or <see langword="null"/> when it is in the scenario's currency.</summary>
    public double[]? StorageRates;

    /// <summary>As <see cref="StorageRates"/>, for <see cref="Egress"/>.</summary>
    public double[]? EgressRates;

    /// <summary>Month <paramref name="m"/>'s storage cost.</summary>
    public readonly double StorageIn(int m) => StorageRates is null ? Storage : Storage * StorageRates[m];

    /// <summary>Month <paramref name="m"/>'s egress cost.</summary>
    public readonly double EgressIn(int m) => EgressRates is null ? Egress : Egress * EgressRates[m];
    public double People;
    public double Licences;
    public double Setup;
}
