using System.Globalization;
using LlmTco.Api;
using LlmTco.Pricing.Csv;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Scenarios;

/// <summary>Checks every value of a scenario and reports every problem with its path, never just the first.</summary>
internal sealed class ScenarioValidator
{
    /// <summary>More tokens than this in one month is an error, not an overflow: 10^18 is about a million times the largest public API volumes.</summary>
    public const double MaxTokensPerMonth = 1e18;

    public const int MaxHorizonMonths = 600;

    private readonly ScenarioErrors errors;

    private ScenarioValidator(ScenarioErrors errors)
    {
        this.errors = errors;
    }

    public static IReadOnlyList<ScenarioError> Validate(Scenario? scenario, PathStyle style = PathStyle.Json, string? root = null)
    {
        var validator = new ScenarioValidator(new ScenarioErrors(style, root));
        validator.Check(scenario);
        return validator.errors.All;
    }

    private void Check(Scenario? s)
    {
        var at = errors.Root;
        if (s is null)
        {
            errors.Add(at, null, "a scenario is required");
            return;
        }

        Text(s.Name, Prop(at, "Name"));
        if (s.HorizonMonths is < 1 or > MaxHorizonMonths)
        {
            errors.Add(Prop(at, "HorizonMonths"), s.HorizonMonths, $"must be a whole number of months from 1 to {MaxHorizonMonths}");
        }

        if (!Words.Currencies.Contains(s.Currency ?? string.Empty))
        {
            errors.Add(Prop(at, "Currency"), s.Currency, "must be an ISO 4217 code in capitals, e.g. USD");
        }

        Range(s.YearlyDiscountRate, Prop(at, "YearlyDiscountRate"), 0, 1, "a yearly rate as a fraction from 0 to 1 (0.08 = 8 %)");
        Defined(s.CostView, Prop(at, "CostView"));
        var horizon = s.HorizonMonths is >= 1 and <= MaxHorizonMonths ? s.HorizonMonths : 0;
        CheckWorkload(s.Workload, errors.Path(Prop(at, "Workload")), horizon);

        var apiOptions = s.ApiOptions ?? [];
        var selfHosted = s.SelfHostedOptions ?? [];
        if (apiOptions.Count + selfHosted.Count == 0)
        {
            errors.Add(at, null, "the scenario needs at least one API option or self-hosted option");
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < apiOptions.Count; i++)
        {
            var path = errors.Path(Index(Prop(at, "ApiOptions"), i));
            CheckApi(apiOptions[i], path, horizon);
            UniqueName(apiOptions[i]?.Name, path, names);
        }

        var apiNames = apiOptions.Where(o => o is not null).Select(o => o.Name).ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < selfHosted.Count; i++)
        {
            var path = errors.Path(Index(Prop(at, "SelfHostedOptions"), i));
            CheckSelfHosted(selfHosted[i], path, horizon, apiNames);
            UniqueName(selfHosted[i]?.Name, path, names);
        }

        if (s.Uncertainty is not null)
        {
            UncertaintyValidator.Check(s, errors.Path(Prop(at, "Uncertainty")), scenarioValid: errors.Count == 0, errors);
        }
    }

    private void CheckWorkload(Workload? w, string at, int horizon)
    {
        if (w is null)
        {
            errors.Add(at, null, "a workload is required");
            return;
        }

        if (!double.IsFinite(w.PeakToAverageRatio) || w.PeakToAverageRatio < 1)
        {
            errors.Add(Prop(at, "PeakToAverageRatio"), w.PeakToAverageRatio, "must be a finite number of at least 1 (peak throughput ÷ average throughput)");
        }

        var profiles = w.Profiles ?? [];
        if (profiles.Count == 0)
        {
            errors.Add(Prop(at, "Profiles"), null, "the workload needs at least one traffic profile");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            var path = errors.Path(Index(Prop(at, "Profiles"), i));
            if (p is null)
            {
                errors.Add(path, null, "a traffic profile is required");
                continue;
            }

            Text(p.Name, Prop(path, "Name"));
            if (p.Name is not null && !names.Add(p.Name))
            {
                errors.Add(Prop(path, "Name"), p.Name, "another traffic profile has this name");
            }

            var requestsOk = NonNegative(p.MonthlyRequests, Prop(path, "MonthlyRequests"));
            var inputOk = NonNegative(p.InputTokensPerRequest, Prop(path, "InputTokensPerRequest"));
            var outputOk = NonNegative(p.OutputTokensPerRequest, Prop(path, "OutputTokensPerRequest"));
            var readOk = Range(p.CacheReadShare, Prop(path, "CacheReadShare"), 0, 1, "a share from 0 to 1");
            var writeOk = Range(p.CacheWriteShare, Prop(path, "CacheWriteShare"), 0, 1, "a share from 0 to 1");
            if (readOk && writeOk && p.CacheReadShare + p.CacheWriteShare > 1 + 1e-12)
            {
                errors.Add(Prop(path, "CacheWriteShare"), p.CacheWriteShare, $"cache-read and cache-write shares add up to more than 1 ({Num(p.CacheReadShare + p.CacheWriteShare)}); together they are at most the whole input");
            }

            Range(p.BatchShare, Prop(path, "BatchShare"), 0, 1, "a share from 0 to 1");
            var growthOk = CheckGrowth(p.Growth, errors.Path(Prop(path, "Growth")), horizon);
            if (requestsOk && inputOk && outputOk && growthOk && horizon > 0)
            {
                for (var m = 1; m <= horizon; m++)
                {
                    var tokens = (p.Growth ?? GrowthRule.None).RequestsInMonth(p.MonthlyRequests, m) * (p.InputTokensPerRequest + p.OutputTokensPerRequest);
                    if (!double.IsFinite(tokens) || tokens > MaxTokensPerMonth)
                    {
                        errors.Add(Prop(path, "MonthlyRequests"), p.MonthlyRequests, string.Create(CultureInfo.InvariantCulture, $"the profile reaches {tokens:G3} tokens in month {m}, above the limit of {MaxTokensPerMonth:G1} tokens per month; check the volume, the token counts and the growth"));
                        break;
                    }
                }
            }
        }
    }

    private bool CheckGrowth(GrowthRule? g, string at, int horizon)
    {
        if (g is null)
        {
            return true;
        }

        var before = errors.Count;
        Defined(g.Kind, Prop(at, "Kind"));
        switch (g.Kind)
        {
            case GrowthKind.Compound:
                if (!double.IsFinite(g.MonthlyRate) || g.MonthlyRate <= -1)
                {
                    errors.Add(Prop(at, "MonthlyRate"), g.MonthlyRate, "must be a finite growth rate above −1 (−100 % a month would leave no traffic)");
                }

                break;
            case GrowthKind.Linear:
                Finite(g.RequestsAddedPerMonth, Prop(at, "RequestsAddedPerMonth"));
                break;
            case GrowthKind.Series:
                var series = g.RequestsPerMonth ?? [];
                if (series.Count < horizon)
                {
                    errors.Add(Prop(at, "RequestsPerMonth"), series.Count.ToString(CultureInfo.InvariantCulture) + " entries", string.Create(CultureInfo.InvariantCulture, $"the series must give requests for every month of the horizon ({horizon})"));
                }

                for (var i = 0; i < series.Count; i++)
                {
                    NonNegative(series[i], Index(Prop(at, "RequestsPerMonth"), i));
                }

                break;
        }

        return errors.Count == before;
    }

    private void CheckApi(ApiOption? o, string at, int horizon)
    {
        if (o is null)
        {
            errors.Add(at, null, "an API option is required");
            return;
        }

        Text(o.Name, Prop(at, "Name"));
        Text(o.Provider, Prop(at, "Provider"));
        Text(o.Model, Prop(at, "Model"));
        Defined(o.ServiceTier, Prop(at, "ServiceTier"));
        if (o.BatchDiscountFraction is { } batch)
        {
            Range(batch, Prop(at, "BatchDiscountFraction"), 0, 1, "a fraction from 0 to 1 (0.5 = 50 % off)");
        }

        if (Range(o.YearlyPriceDecline, Prop(at, "YearlyPriceDecline"), 0, 1, "a yearly fraction from 0 to below 1") && o.YearlyPriceDecline >= 1)
        {
            errors.Add(Prop(at, "YearlyPriceDecline"), o.YearlyPriceDecline, "must be below 1: a 100 % yearly decline would make prices zero");
        }

        NonNegative(o.MonthlyFee, Prop(at, "MonthlyFee"));
        NonNegative(o.MonthlyCommitment, Prop(at, "MonthlyCommitment"));
        if (o.FineTuning is { } ft)
        {
            var path = errors.Path(Prop(at, "FineTuning"));
            NonNegative(ft.TrainingTokens, Prop(path, "TrainingTokens"));
            Positive(ft.Epochs, Prop(path, "Epochs"));
            NonNegative(ft.TrainingPricePerMillionTokens, Prop(path, "TrainingPricePerMillionTokens"));
            MonthInHorizon(ft.Month, Prop(path, "Month"), horizon);
            AtLeast(ft.EveryMonths, 0, Prop(path, "EveryMonths"));
        }
    }

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
        NonNegative(owned.MaintenanceYearlyFraction, Prop(at, "MaintenanceYearlyFraction"));
        Range(owned.ResidualValueFraction, Prop(at, "ResidualValueFraction"), 0, 1, "a fraction of the capital cost from 0 to 1");
    }

    private void UniqueName(string? name, string path, Dictionary<string, string> names)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return;
        }

        if (!names.TryAdd(name, path))
        {
            errors.Add(Prop(path, "Name"), name, $"another option has this name ({names[name]}); option names must be unique");
        }
    }

    private void Text(string? value, PathRef path)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(path, value, "is required");
        }
    }

    private bool Finite(double value, PathRef path)
    {
        if (double.IsFinite(value))
        {
            return true;
        }

        errors.Add(path, value, "must be a finite number");
        return false;
    }

    private bool NonNegative(double value, PathRef path)
    {
        if (!Finite(value, path))
        {
            return false;
        }

        if (value < 0)
        {
            errors.Add(path, value, "must not be negative");
            return false;
        }

        return true;
    }

    private void Positive(double value, PathRef path)
    {
        if (Finite(value, path) && value <= 0)
        {
            errors.Add(path, value, "must be greater than 0");
        }
    }

    private void Fraction(double value, PathRef path)
    {
        if (Finite(value, path) && (value <= 0 || value > 1))
        {
            errors.Add(path, value, "must be greater than 0 and at most 1");
        }
    }

    private bool Range(double value, PathRef path, double min, double max, string what)
    {
        if (!Finite(value, path))
        {
            return false;
        }

        if (value < min || value > max)
        {
            errors.Add(path, value, "must be " + what);
            return false;
        }

        return true;
    }

    private void AtLeast(int value, int min, PathRef path)
    {
        if (value < min)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"must be at least {min}"));
        }
    }

    private void Between(int value, int min, int max, PathRef path)
    {
        if (value < min || value > max)
        {
            errors.Add(path, value, string.Create(CultureInfo.InvariantCulture, $"must be from {min:N0} to {max:N0}"));
        }
    }

    private void MonthInHorizon(int month, PathRef path, int horizon)
    {
        if (month < 1 || (horizon > 0 && month > horizon))
        {
            errors.Add(path, month, string.Create(CultureInfo.InvariantCulture, $"must be a month from 1 to the horizon ({horizon})"));
        }
    }

    private void Defined<T>(T value, PathRef path)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            errors.Add(path, Convert.ToString(value, CultureInfo.InvariantCulture), $"is not a valid {typeof(T).Name}");
        }
    }
}
