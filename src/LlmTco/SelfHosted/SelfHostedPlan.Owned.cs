using System.Globalization;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.SelfHosted;

/// <summary>Owned GPUs: the purchase price, power and hosting looked up once, and the capital, depreciation, power, hosting and maintenance lines.</summary>
internal sealed partial class SelfHostedPlan
{
    private double listedUnitPrice;
    private double pueValue;
    private double kwhValue;
    private double hostingPerKwValue;
    private double kwPerGpu;
    private double idleKwTable = double.NaN;
    private double[]? purchaseRates;
    private double[]? kwhRates;
    private double[]? hostingRates;
    private double serverKwPerGpuTable = double.NaN;
    private bool cashView;

    public int UnitPriceSlot { get; private set; }

    public int OverheadSlot { get; private set; }

    public int LoadSlot { get; private set; }

    public int PueSlot { get; private set; }

    public int KwhSlot { get; private set; }

    public int HostingSlot { get; private set; }

    public int MaintenanceSlot { get; private set; }

    public int ResidualSlot { get; private set; }

    public int PerServerSlot { get; private set; }

    public int IdleSlot { get; private set; }

    public int ServerPowerSlot { get; private set; }

    private void CompileOwned(PricingCatalog catalog, OwnedHardware owned, Gpu gpu, Scenario scenario, PlanParameters prm, string at, bool describe)
    {
        UnitPriceSlot = prm.Add(at + ".owned.pricePerGpu", owned.PricePerGpu, ParameterRule.Positive);
        OverheadSlot = prm.Add(at + ".owned.serverOverheadPerGpu", owned.ServerOverheadPerGpu, ParameterRule.NonNegative);
        LoadSlot = prm.Add(at + ".owned.averageLoadFraction", owned.AverageLoadFraction, ParameterRule.Fraction);
        PueSlot = prm.Add(at + ".owned.pue", owned.Pue, ParameterRule.AtLeastOne);
        KwhSlot = prm.Add(at + ".owned.electricityPricePerKwh", owned.ElectricityPricePerKwh, ParameterRule.NonNegative);
        HostingSlot = prm.Add(at + ".owned.hostingPricePerKwMonth", owned.HostingPricePerKwMonth, ParameterRule.NonNegative);
        MaintenanceSlot = prm.Add(at + ".owned.maintenanceYearlyFraction", owned.MaintenanceYearlyFraction, ParameterRule.NonNegative);
        ResidualSlot = prm.Add(at + ".owned.residualValueFraction", owned.ResidualValueFraction, ParameterRule.Share);
        PerServerSlot = prm.Add(at + ".owned.hostingPricePerServerMonth", owned.HostingPricePerServerMonth, ParameterRule.NonNegative);
        IdleSlot = prm.Add(at + ".owned.idleWattsPerGpu", owned.IdleWattsPerGpu, ParameterRule.NonNegative);
        ServerPowerSlot = prm.Add(at + ".owned.serverPowerWatts", owned.ServerPowerWatts, ParameterRule.Positive);
        kwPerGpu = (double)gpu.TdpWatts / 1000;
        idleKwTable = gpu.IdleWatts is { } idle ? (double)idle / 1000 : double.NaN;
        serverKwPerGpuTable = gpu.ServerWatts is { } rating && gpu.ServerGpus is { } ratedGpus ? (double)rating / ratedGpus / 1000 : double.NaN;
        if (owned.IdleWattsPerGpu is { } idleGiven && idleGiven > (double)gpu.TdpWatts)
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".owned.idleWattsPerGpu", idleGiven.ToString(CultureInfo.InvariantCulture), $"the idle power is above {gpu.GpuModel}'s TDP of {gpu.TdpWatts} W")]);
        }

        if (owned.ServerPowerWatts is { } serverGiven && serverGiven < owned.GpusPerServer * (double)gpu.TdpWatts)
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".owned.serverPowerWatts", serverGiven.ToString(CultureInfo.InvariantCulture), $"a server of {owned.GpusPerServer} × {gpu.GpuModel} draws at least its GPUs' TDP, {owned.GpusPerServer * (double)gpu.TdpWatts:N0} W")]);
        }
        cashView = scenario.CostView == CostView.Cash;

        listedUnitPrice = double.NaN;
        if (owned.PricePerGpu is { } given)
        {
            listedUnitPrice = given;
        }
        else if (gpu.PurchasePricePerGpu is { } listed)
        {
            listedUnitPrice = (double)listed * fx.Factor(gpu.PurchaseCurrency!, ConstantPriceRateMonth);
            purchaseRates = RelativeRates(gpu.PurchaseCurrency!);
            if (describe)
            {
                AddRow(string.Create(CultureInfo.InvariantCulture, $"gpus.csv: {gpu.GpuModel} purchase price {listed} {gpu.PurchaseCurrency} per GPU; checked {Iso(gpu.PurchaseCheckedOn!.Value)}."), gpu, gpu.PurchaseSourceUrl, PricingCatalog.PurchaseCheckedOnColumn);
            }
        }
        else
        {
            throw new ScenarioValidationException([new ScenarioError(optionPath + ".owned.pricePerGpu", null, $"gpus.csv has no published purchase price for {gpu.GpuModel}; give pricePerGpu")]);
        }

        var unitPrice = listedUnitPrice;
        var capitalPerGpu = unitPrice + owned.ServerOverheadPerGpu;
        var load = owned.AverageLoadFraction ?? Option.TargetUtilization;
        pueValue = owned.Pue ?? LookupPue(catalog, owned.PueFigure!, describe);
        kwhValue = owned.ElectricityPricePerKwh ?? LookupElectricity(catalog, owned, scenario, describe);
        hostingPerKwValue = owned.HostingPricePerKwMonth ?? (owned.HostingProvider is { } hp ? LookupHosting(catalog, hp, scenario, describe) : 0);
        if (!describe)
        {
            return;
        }

        if (owned.HostingPricePerKwMonth is null && owned.HostingProvider is null && owned.HostingPricePerServerMonth == 0)
        {
            Add(AssumptionKind.Choice, "No hosting (colocation) cost given: hosting costs nothing.");
        }

        if (owned.ResidualValueFraction > 0)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Resale at the horizon: {owned.ResidualValueFraction:P0} of all capital bought, a negative cost in month {months} (in the NPV at that month's factor){(cashView ? string.Empty : "; the book value not yet depreciated at the horizon is not counted as a cost")}."));
        }

        Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Owned: {capitalPerGpu:N0} {scenario.Currency} capital per GPU ({unitPrice:N0} + {owned.ServerOverheadPerGpu:N0} server overhead), bought in whole servers of {owned.GpusPerServer} GPUs in the month first needed and kept; {(cashView ? "cash view (capital in the month bought)" : $"accounting view (straight-line over {owned.UsefulLifeMonths} months)")}; electricity × PUE {pueValue} × {kwhValue} {scenario.Currency}/kWh."));
        var idleText = owned.IdleWattsPerGpu is { } i ? string.Create(CultureInfo.InvariantCulture, $"{i:N0} W idle (given)") : gpu.IdleWatts is { } t ? string.Create(CultureInfo.InvariantCulture, $"{t} W idle (gpus.csv)") : null;
        Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Power follows use: each GPU of a serving replica draws idle + (TDP − idle) × the month's utilisation ({(owned.AverageLoadFraction is { } f ? $"{f:P0} given" : "load ÷ replicas")}), installed GPUs not serving draw idle, and each server adds what its rated power exceeds its GPUs' TDP (CPUs, memory, network, fans); hosting per kW is charged on the servers' rated power."));
        if (idleText is null)
        {
            Add(AssumptionKind.Warning, string.Create(CultureInfo.InvariantCulture, $"No idle power is published for {gpu.GpuModel} (gpus.csv idle_watts is blank): GPUs not serving are counted at 0 W and serving ones at TDP × utilisation, which understates power; give owned.idleWattsPerGpu."));
        }
        else
        {
            Add(AssumptionKind.Choice, $"{gpu.GpuModel}: {idleText}, {gpu.TdpWatts} W TDP.");
        }

        if (owned.ServerPowerWatts is { } sw)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Server power given: {sw:N0} W for {owned.GpusPerServer} GPUs, {sw - (owned.GpusPerServer * (double)gpu.TdpWatts):N0} W beyond their TDP."));
        }
        else if (gpu.ServerWatts is { } serverRating)
        {
            AddRow(string.Create(CultureInfo.InvariantCulture, $"gpus.csv: {gpu.GpuModel} server rated {serverRating} W for {gpu.ServerGpus} GPUs ({(double)serverRating / gpu.ServerGpus!.Value:N1} W per GPU slot, {((double)serverRating / gpu.ServerGpus.Value) - (double)gpu.TdpWatts:N1} W beyond each GPU's TDP); checked {Iso(gpu.ServerCheckedOn!.Value)}."), gpu, gpu.ServerSourceUrl, "server_checked_on");
        }
        else
        {
            Add(AssumptionKind.Warning, string.Create(CultureInfo.InvariantCulture, $"No server power rating is published for {gpu.GpuModel} (gpus.csv server_watts is blank): only the GPUs' power is counted, and hosting per kW on their TDP, which understates both (a DGX H100 is rated 10.2 kW for 8 GPUs of 700 W); give owned.serverPowerWatts."));
        }
    }

    /// <summary>
    /// The owned lines of every month from the lead time: whole servers are bought in the month first needed (servers =
    /// the replicas packed into servers of <see cref="OwnedHardware.GpusPerServer"/>; capital = new GPUs × (price + server
    /// overhead)) and kept; capital in that month (cash view) or straight-line over the useful life (accounting view);
    /// power = (serving GPUs × (idle + (TDP − idle) × utilisation) + other installed GPUs × idle + servers × the server's
    /// power beyond its GPUs' TDP) × PUE × 730 h × price per kWh; hosting = the servers' rated kW × price per kW-month +
    /// servers × price per server-month; maintenance = capital so far × the yearly fraction ÷ 12. Also the steady cost of a
    /// replica (at the target utilisation).
    /// </summary>
    private bool BillOwned(double[] p, PlanWorkspace ws, SelfHostedLines lines, int[] gpus, double utilization, int lead)
    {
        var owned = Option.Owned!;
        var givenUnit = !double.IsNaN(p[UnitPriceSlot]);
        var unitPrice = givenUnit ? p[UnitPriceSlot] : listedUnitPrice;
        var pue = !double.IsNaN(p[PueSlot]) ? p[PueSlot] : pueValue;
        var givenKwh = !double.IsNaN(p[KwhSlot]);
        var kwh = givenKwh ? p[KwhSlot] : kwhValue;
        var givenHosting = !double.IsNaN(p[HostingSlot]);
        var hostingPerKw = givenHosting ? p[HostingSlot] : hostingPerKwValue;
        var overheadPerGpu = p[OverheadSlot];
        var capitalPerGpu = unitPrice + overheadPerGpu;
        var unitRates = givenUnit ? null : purchaseRates;
        var kwhMonth = givenKwh ? null : kwhRates;
        var hostingMonth = givenHosting ? null : hostingRates;
        var givenLoad = p[LoadSlot];
        var maintenance = p[MaintenanceSlot];
        var life = owned.UsefulLifeMonths;
        var perServer = p[PerServerSlot];
        var gpusPerServer = owned.GpusPerServer;
        var tdp = kwPerGpu;
        var idle = !double.IsNaN(p[IdleSlot]) ? p[IdleSlot] / 1000 : double.IsNaN(idleKwTable) ? 0 : idleKwTable;

        // A server's rated kW: given, or the table's rating per GPU slot × the GPUs per server; else its GPUs' TDP.
        var serverKw = !double.IsNaN(p[ServerPowerSlot]) ? p[ServerPowerSlot] / 1000 : double.IsNaN(serverKwPerGpuTable) ? gpusPerServer * tdp : serverKwPerGpuTable * gpusPerServer;
        var overheadKw = serverKw - (gpusPerServer * tdp);
        var replicas = ws.Replicas[Index];
        var load = ws.Load[Index];
        var purchaseMonths = ws.PurchaseMonths;
        var purchaseCapital = ws.PurchaseCapital;
        var purchases = 0;
        var installed = 0L;
        var capitalSoFar = 0.0;
        for (var m = Math.Min(lead, months); m < months; m++)
        {
            var needed = GpusBilled(replicas[m], GpusPerReplica, gpusPerServer);
            if (needed > installed)
            {
                // Bought in this month, at this month's exchange rate when the price is in another currency.
                var capital = (needed - installed) * (unitRates is null ? capitalPerGpu : (unitPrice * unitRates[m]) + overheadPerGpu);
                purchaseMonths[purchases] = m;
                purchaseCapital[purchases] = capital;
                purchases++;
                capitalSoFar += capital;
                installed = needed;
                if (cashView)
                {
                    lines.Capital[m] = capital;
                }
            }

            gpus[m] = (int)Math.Min(int.MaxValue, installed);
            if (!cashView)
            {
                var depreciation = 0.0;
                for (var k = 0; k < purchases; k++)
                {
                    if (m < purchaseMonths[k] + life)
                    {
                        depreciation += purchaseCapital[k] / life;
                    }
                }

                lines.Depreciation[m] = depreciation;
            }

            var serving = (double)replicas[m] * GpusPerReplica;
            var busy = !double.IsNaN(givenLoad) ? givenLoad : replicas[m] > 0 ? Math.Min(1, load[m] / replicas[m]) : 0;
            var servers = installed / gpusPerServer;
            var kw = (serving * (idle + ((tdp - idle) * busy))) + ((installed - serving) * idle) + (servers * overheadKw);
            lines.Power[m] = kw * pue * Hours * (kwhMonth is null ? kwh : kwh * kwhMonth[m]);
            lines.Hosting[m] = (servers * serverKw * (hostingMonth is null ? hostingPerKw : hostingPerKw * hostingMonth[m])) + (servers * perServer);
            lines.Maintenance[m] = capitalSoFar * maintenance / 12;
        }

        ws.CapitalSoFar[Index] = capitalSoFar;

        // Resale at the horizon: a negative cost in the last month (-0.0 avoided: 0 when nothing is resold).
        var resale = capitalSoFar * p[ResidualSlot];
        lines.ResidualLine = resale > 0 ? -resale : 0;
        var steadyLoad = !double.IsNaN(givenLoad) ? givenLoad : utilization;
        var kwPerServingGpu = idle + ((tdp - idle) * steadyLoad) + (overheadKw / gpusPerServer);
        ws.SteadyCostPerReplica[Index] = GpusPerReplica * ((capitalPerGpu / life) + (kwPerServingGpu * pue * Hours * kwh) + (serverKw / gpusPerServer * hostingPerKw) + (perServer / gpusPerServer) + (capitalPerGpu * maintenance / 12));
        return true;
    }

    /// <summary>The factors that carry a price converted at <see cref="ConstantPriceRateMonth"/> to each month paid from the lead time (<see cref="CurrencyConverter.RelativeRates"/>).</summary>
    private double[]? RelativeRates(string currency) => fx.RelativeRates(currency, ConstantPriceRateMonth, Lead);

    private double LookupPue(PricingCatalog catalog, string figure, bool describe)
    {
        var row = catalog.GetPueFigure(figure);
        if (describe)
        {
            AddRow(string.Create(CultureInfo.InvariantCulture, $"pue_figures.csv: {row.Name}: PUE {row.Pue}; checked {Iso(row.CheckedOn)}."), row, row.SourceUrl);
        }

        return (double)row.Pue;
    }

    private double LookupElectricity(PricingCatalog catalog, OwnedHardware owned, Scenario scenario, bool describe)
    {
        var row = catalog.GetElectricityPrice(owned.ElectricityRegion, owned.ElectricitySector);
        var toScenarioCurrency = fx.Factor(row.Currency, ConstantPriceRateMonth);
        kwhRates = RelativeRates(row.Currency);

        if (describe)
        {
            AddRow(string.Create(CultureInfo.InvariantCulture, $"electricity_prices.csv: {row.Region} {row.Sector} {row.Period}: {row.PricePerKwh} {row.Currency}/kWh; checked {Iso(row.CheckedOn)}."), row, row.SourceUrl);
        }

        return (double)row.PricePerKwh * toScenarioCurrency;
    }

    private double LookupHosting(PricingCatalog catalog, string provider, Scenario scenario, bool describe)
    {
        var row = catalog.GetHostingPrice(provider);
        var toScenarioCurrency = fx.Factor(row.Currency, ConstantPriceRateMonth);
        hostingRates = RelativeRates(row.Currency);

        if (describe)
        {
            AddRow(string.Create(CultureInfo.InvariantCulture, $"hosting_prices.csv: {row.Provider} ({row.Region}): {row.PricePerKwMonth} {row.Currency} per kW-month; checked {Iso(row.CheckedOn)}."), row, row.SourceUrl);
        }

        return (double)row.PricePerKwMonth * toScenarioCurrency;
    }
}
