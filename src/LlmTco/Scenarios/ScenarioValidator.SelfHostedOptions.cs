using System.Globalization;
using LlmTco.SelfHosted;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Scenarios;

// A self-hosted option: capacity, rented or owned GPUs, storage, fine-tuning, people and lead time.
internal sealed partial class ScenarioValidator
{
    private void CheckSelfHosted(SelfHostedOption? o, string at, int horizon, HashSet<string> apiNames)
    {
        if (o is null)
        {
            errors.Add(at, null, "a self-hosted option is required");
            return;
        }

        Text(o.Name, Prop(at, "Name"));
        Text(o.Model, Prop(at, "Model"));
        Text(o.Gpu, Prop(at, "Gpu"));
        Defined(o.Precision, Prop(at, "Precision"));
        Defined(o.KvCachePrecision, Prop(at, "KvCachePrecision"));
        AtLeast(o.ServingConcurrency, 1, Prop(at, "ServingConcurrency"));
        Fraction(o.TargetUtilization, Prop(at, "TargetUtilization"));
        Between(o.MinReplicas, 0, ReplicaCount.Max, Prop(at, "MinReplicas"));
        Between(o.RedundancyReplicas, 0, ReplicaCount.Max, Prop(at, "RedundancyReplicas"));
        if (o.GpusPerReplica is { } n && (n < 1 || n > ReplicaCount.MaxGpusPerReplica || (n & (n - 1)) != 0))
        {
            errors.Add(Prop(at, "GpusPerReplica"), n, string.Create(CultureInfo.InvariantCulture, $"must be a power of two from 1 to {ReplicaCount.MaxGpusPerReplica:N0}"));
        }

        Between(o.MaxGpusPerReplica, 1, ReplicaCount.MaxGpusPerReplica, Prop(at, "MaxGpusPerReplica"));
        Fraction(o.UsableMemoryFraction, Prop(at, "UsableMemoryFraction"));
        if (o.ReplicaThroughputTokensPerSecond is { } tps)
        {
            Positive(tps, Prop(at, "ReplicaThroughputTokensPerSecond"));
        }

        Fraction(o.Mbu, Prop(at, "Mbu"));
        Fraction(o.Mfu, Prop(at, "Mfu"));
        if ((o.Rented is null) == (o.Owned is null))
        {
            errors.Add(at, null, "give exactly one of 'rented' and 'owned' GPUs");
        }

        if (o.Rented is { } rented)
        {
            var path = errors.Path(Prop(at, "Rented"));
            Text(rented.Provider, Prop(path, "Provider"));
            Defined(rented.Plan, Prop(path, "Plan"));
            if (rented.PricePerGpuHour is { } price)
            {
                Positive(price, Prop(path, "PricePerGpuHour"));
            }

            if (rented.CommittedGpus is { } committed)
            {
                AtLeast(committed, 1, Prop(path, "CommittedGpus"));
            }

            if (Range(rented.YearlyPriceDecline, Prop(path, "YearlyPriceDecline"), 0, 1, "a yearly fraction from 0 to below 1") && rented.YearlyPriceDecline >= 1)
            {
                errors.Add(Prop(path, "YearlyPriceDecline"), rented.YearlyPriceDecline, "must be below 1: a 100 % yearly decline would make prices zero");
            }
        }

        if (o.Owned is { } owned)
        {
            CheckOwned(owned, errors.Path(Prop(at, "Owned")));
        }

        if (o.Storage is { } storage)
        {
            var path = errors.Path(Prop(at, "Storage"));
            NonNegative(storage.GbHeld, Prop(path, "GbHeld"));
            NonNegative(storage.EgressGbPerMonth, Prop(path, "EgressGbPerMonth"));
            if (storage.PricePerGbMonth is { } sp)
            {
                NonNegative(sp, Prop(path, "PricePerGbMonth"));
            }
            else if (storage.GbHeld > 0 && (storage.StorageProvider is null || storage.StorageService is null))
            {
                errors.Add(Prop(path, "PricePerGbMonth"), null, "give a price per GB-month, or a storageProvider and storageService from storage_prices.csv");
            }

            if (storage.EgressPricePerGb is { } ep)
            {
                NonNegative(ep, Prop(path, "EgressPricePerGb"));
            }
            else if (storage.EgressGbPerMonth > 0 && (storage.EgressProvider is null || storage.EgressService is null))
            {
                errors.Add(Prop(path, "EgressPricePerGb"), null, "give a price per GB, or an egressProvider and egressService from egress_prices.csv");
            }
        }

        if (o.FineTuning is { } ft)
        {
            var path = errors.Path(Prop(at, "FineTuning"));
            NonNegative(ft.TrainingTokens, Prop(path, "TrainingTokens"));
            Positive(ft.Epochs, Prop(path, "Epochs"));
            Defined(ft.Method, Prop(path, "Method"));
            Defined(ft.Precision, Prop(path, "Precision"));
            if (ft.FlopsPerParameterPerToken is { } k)
            {
                Positive(k, Prop(path, "FlopsPerParameterPerToken"));
            }

            if (ft.MeasuredGpuHoursPerRun is { } hours)
            {
                NonNegative(hours, Prop(path, "MeasuredGpuHoursPerRun"));
            }

            Fraction(ft.Mfu, Prop(path, "Mfu"));
            if (ft.PricePerGpuHour is { } price)
            {
                Positive(price, Prop(path, "PricePerGpuHour"));
            }
            else if (ft.Provider is null && o.Rented is null)
            {
                errors.Add(Prop(path, "PricePerGpuHour"), null, "owned hardware: give the fine-tuning GPUs' pricePerGpuHour or a rental provider");
            }

            MonthInHorizon(ft.FirstMonth, Prop(path, "FirstMonth"), horizon);
            AtLeast(ft.EveryMonths, 0, Prop(path, "EveryMonths"));
        }

        if (o.People is { } people)
        {
            var path = errors.Path(Prop(at, "People"));
            NonNegative(people.Ftes, Prop(path, "Ftes"));
            NonNegative(people.YearlyLoadedCostPerFte, Prop(path, "YearlyLoadedCostPerFte"));
            NonNegative(people.LicencesPerMonth, Prop(path, "LicencesPerMonth"));
            NonNegative(people.SupportPerMonth, Prop(path, "SupportPerMonth"));
            NonNegative(people.SetupCost, Prop(path, "SetupCost"));
        }

        if (o.LeadTimeMonths < 0 || (horizon > 0 && o.LeadTimeMonths >= horizon))
        {
            errors.Add(Prop(at, "LeadTimeMonths"), o.LeadTimeMonths, "must be from 0 to one less than the horizon");
        }
        else if (o.LeadTimeMonths > 0)
        {
            if (string.IsNullOrWhiteSpace(o.BridgeApiOption))
            {
                errors.Add(Prop(at, "BridgeApiOption"), null, "a lead time needs the name of the API option that serves the traffic meanwhile");
            }
            else if (!apiNames.Contains(o.BridgeApiOption))
            {
                errors.Add(Prop(at, "BridgeApiOption"), o.BridgeApiOption, $"names no API option of this scenario; the API options are: {string.Join(", ", apiNames)}");
            }
        }
    }

    private void CheckOwned(OwnedHardware owned, string at)
    {
        if (owned.PricePerGpu is { } price)
        {
            Positive(price, Prop(at, "PricePerGpu"));
        }

        NonNegative(owned.ServerOverheadPerGpu, Prop(at, "ServerOverheadPerGpu"));
        AtLeast(owned.UsefulLifeMonths, 1, Prop(at, "UsefulLifeMonths"));
        if (owned.AverageLoadFraction is { } load)
        {
            Fraction(load, Prop(at, "AverageLoadFraction"));
        }

        if (owned.Pue is { } pue)
        {
            if (!double.IsFinite(pue) || pue < 1)
            {
                errors.Add(Prop(at, "Pue"), pue, "must be a finite number of at least 1 (facility power ÷ IT power)");
            }
        }
        else if (string.IsNullOrWhiteSpace(owned.PueFigure))
        {
            errors.Add(Prop(at, "Pue"), null, "give a pue, or a pueFigure name from pue_figures.csv");
        }

        if (owned.ElectricityPricePerKwh is { } kwh)
        {
            NonNegative(kwh, Prop(at, "ElectricityPricePerKwh"));
        }
        else if (string.IsNullOrWhiteSpace(owned.ElectricityRegion))
        {
            errors.Add(Prop(at, "ElectricityPricePerKwh"), null, "give an electricity price per kWh, or an electricityRegion from electricity_prices.csv");
        }

        if (owned.HostingPricePerKwMonth is { } hosting)
        {
            NonNegative(hosting, Prop(at, "HostingPricePerKwMonth"));
        }

        NonNegative(owned.HostingPricePerServerMonth, Prop(at, "HostingPricePerServerMonth"));
        AtLeast(owned.GpusPerServer, 1, Prop(at, "GpusPerServer"));
        if (owned.IdleWattsPerGpu is { } idle)
        {
            NonNegative(idle, Prop(at, "IdleWattsPerGpu"));
        }

        if (owned.ServerPowerWatts is { } server)
        {
            Positive(server, Prop(at, "ServerPowerWatts"));
        }
        NonNegative(owned.MaintenanceYearlyFraction, Prop(at, "MaintenanceYearlyFraction"));
        Range(owned.ResidualValueFraction, Prop(at, "ResidualValueFraction"), 0, 1, "a fraction of the capital cost from 0 to 1");
    }
}
