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
        kwPerGpu = (double)gpu.TdpWatts / 1000;
        cashView = scenario.CostView == CostView.Cash;

        listedUnitPrice = double.NaN;
        if (owned.PricePerGpu is { } given)
        {
            listedUnitPrice = given;
        }
        else if (gpu.PurchasePricePerGpu is { } listed)
        {
            listedUnitPrice = (double)listed * fx.Factor(gpu.PurchaseCurrency!, ConstantPriceRateMonth);
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

        Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Owned: {capitalPerGpu:N0} {scenario.Currency} capital per GPU ({unitPrice:N0} + {owned.ServerOverheadPerGpu:N0} server overhead), bought in the month first needed; {(cashView ? "cash view (capital in the month bought)" : $"accounting view (straight-line over {owned.UsefulLifeMonths} months)")}; power at {load:P0} of {gpu.TdpWatts} W × PUE {pueValue} × {kwhValue} {scenario.Currency}/kWh."));
    }

    /// <summary>
    /// The owned lines of every month from the lead time: GPUs are bought in the month first needed (capital = new GPUs ×
    /// (price + server overhead)) and kept; capital in that month (cash view) or straight-line over the useful life
    /// (accounting view); power = installed GPUs × TDP × load × PUE × 730 h × price per kWh; hosting per kW-month and per
    /// server-month; maintenance = capital so far × the yearly fraction ÷ 12. Also the steady cost of a replica.
    /// </summary>
    private bool BillOwned(double[] p, PlanWorkspace ws, SelfHostedLines lines, int[] gpus, double utilization, int lead)
    {
        var owned = Option.Owned!;
        var unitPrice = !double.IsNaN(p[UnitPriceSlot]) ? p[UnitPriceSlot] : listedUnitPrice;
        var pue = !double.IsNaN(p[PueSlot]) ? p[PueSlot] : pueValue;
        var kwh = !double.IsNaN(p[KwhSlot]) ? p[KwhSlot] : kwhValue;
        var hostingPerKw = !double.IsNaN(p[HostingSlot]) ? p[HostingSlot] : hostingPerKwValue;
        var capitalPerGpu = unitPrice + p[OverheadSlot];
        var load = !double.IsNaN(p[LoadSlot]) ? p[LoadSlot] : utilization;
        var maintenance = p[MaintenanceSlot];
        var life = owned.UsefulLifeMonths;
        var perServer = p[PerServerSlot];
        var gpusPerServer = owned.GpusPerServer;
        var kw = kwPerGpu;
        var purchaseMonths = ws.PurchaseMonths;
        var purchaseCapital = ws.PurchaseCapital;
        var purchases = 0;
        var installed = 0;
        var capitalSoFar = 0.0;
        for (var m = Math.Min(lead, months); m < months; m++)
        {
            if (gpus[m] > installed)
            {
                var capital = (gpus[m] - installed) * capitalPerGpu;
                purchaseMonths[purchases] = m;
                purchaseCapital[purchases] = capital;
                purchases++;
                capitalSoFar += capital;
                installed = gpus[m];
                if (cashView)
                {
                    lines.Capital[m] = capital;
                }
            }

            gpus[m] = installed;
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

            lines.Power[m] = installed * kw * load * pue * Hours * kwh;
            lines.Hosting[m] = (installed * kw * hostingPerKw) + (Math.Ceiling(installed / (double)gpusPerServer) * perServer);
            lines.Maintenance[m] = capitalSoFar * maintenance / 12;
        }

        ws.CapitalSoFar[Index] = capitalSoFar;

        // Resale at the horizon: a negative cost in the last month (-0.0 avoided: 0 when nothing is resold).
        var resale = capitalSoFar * p[ResidualSlot];
        lines.ResidualLine = resale > 0 ? -resale : 0;
        ws.SteadyCostPerReplica[Index] = GpusPerReplica * ((capitalPerGpu / life) + (kw * load * pue * Hours * kwh) + (kw * hostingPerKw) + (perServer / gpusPerServer) + (capitalPerGpu * maintenance / 12));
        return true;
    }

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

        if (describe)
        {
            AddRow(string.Create(CultureInfo.InvariantCulture, $"hosting_prices.csv: {row.Provider} ({row.Region}): {row.PricePerKwMonth} {row.Currency} per kW-month; checked {Iso(row.CheckedOn)}."), row, row.SourceUrl);
        }

        return (double)row.PricePerKwMonth * toScenarioCurrency;
    }
}
