using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Api;

/// <summary>
/// An API option's prices resolved for every profile and month (price row in force on the month's start date, context
/// tier by input size, decline after the last known price), and the cost formulas over them.
/// </summary>
internal sealed class ApiCostModel
{
    private readonly WorkloadVolumes volumes;
    private readonly double[][] input;
    private readonly double[][] cacheRead;
    private readonly double[][] cacheWrite;
    private readonly double[][] output;
    private readonly double[][] perRequest;
    private readonly double[][] batchDiscount;

    private ApiCostModel(ApiOption option, WorkloadVolumes volumes)
    {
        Option = option;
        this.volumes = volumes;
        var profiles = volumes.Profiles.Count;
        input = new double[profiles][];
        cacheRead = new double[profiles][];
        cacheWrite = new double[profiles][];
        output = new double[profiles][];
        perRequest = new double[profiles][];
        batchDiscount = new double[profiles][];
    }

    public ApiOption Option { get; }

    public static ApiCostModel Create(PricingCatalog catalog, ApiOption option, Scenario scenario, WorkloadVolumes volumes, string path, List<Assumption> assumptions)
    {
        var model = new ApiCostModel(option, volumes);
        var seen = new HashSet<ApiPrice>();
        var batchWarned = false;
        for (var p = 0; p < volumes.Profiles.Count; p++)
        {
            var profile = volumes.Profiles[p];
            model.input[p] = new double[volumes.Months];
            model.cacheRead[p] = new double[volumes.Months];
            model.cacheWrite[p] = new double[volumes.Months];
            model.output[p] = new double[volumes.Months];
            model.perRequest[p] = new double[volumes.Months];
            model.batchDiscount[p] = new double[volumes.Months];
            var history = catalog.GetApiPriceHistory(option.Provider, option.Model, option.ServiceTier);
            for (var m = 0; m < volumes.Months; m++)
            {
                var date = scenario.StartDate.AddMonths(m);
                var row = catalog.FindApiPrice(option.Provider, option.Model, date, (long)Math.Ceiling(profile.InputTokensPerRequest), option.ServiceTier);
                if (!string.Equals(row.Currency, scenario.Currency, StringComparison.Ordinal))
                {
                    throw new ScenarioValidationException([new ScenarioError(path + ".model", option.Model, $"the price row of '{row.ModelId}' from {Iso(row.EffectiveFrom)} is in {row.Currency}, but the scenario's currency is {scenario.Currency}; there is no exchange-rate table to convert it")]);
                }

                var factor = 1.0;
                if (option.YearlyPriceDecline > 0 && row.EffectiveTo is null)
                {
                    var years = Math.Max(0, (date.DayNumber - row.EffectiveFrom.DayNumber) / 365.25);
                    factor = Math.Pow(1 - option.YearlyPriceDecline, years);
                }

                var pIn = (double)row.InputPricePerMillionTokens;
                model.input[p][m] = pIn * factor;
                model.cacheRead[p][m] = (double)(row.CachedInputPricePerMillionTokens ?? row.InputPricePerMillionTokens) * factor;
                model.cacheWrite[p][m] = (double)(row.CacheWritePricePerMillionTokens ?? row.InputPricePerMillionTokens) * factor;
                model.output[p][m] = (double)row.OutputPricePerMillionTokens * factor;
                model.perRequest[p][m] = (double)(row.PricePerRequest ?? 0m) * factor;
                model.batchDiscount[p][m] = option.BatchDiscountFraction ?? (double)(row.BatchDiscountFraction ?? 0m);
                if (profile.BatchShare > 0 && option.BatchDiscountFraction is null && row.BatchDiscountFraction is null && !batchWarned)
                {
                    batchWarned = true;
                    assumptions.Add(new Assumption(option.Name, AssumptionKind.Warning, $"'{row.ModelId}' has no published batch discount: batch-eligible traffic is billed at the standard price."));
                }

                if (seen.Add(row))
                {
                    assumptions.Add(new Assumption(option.Name, AssumptionKind.TableRow, Describe(row), row.SourceUrl) { Row = row });
                }
            }

            if (option.YearlyPriceDecline > 0 && p == 0)
            {
                var last = history.Where(h => h.ContextThresholdTokens == 0).MaxBy(h => h.EffectiveFrom)!;
                assumptions.Add(new Assumption(option.Name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Prices decline {option.YearlyPriceDecline:P1} a year after the last known price (from {Iso(last.EffectiveFrom)}): price × (1 − {option.YearlyPriceDecline})^(years since {Iso(last.EffectiveFrom)}).")));
            }
        }

        return model;
    }

    /// <summary>Token and request charges of month <paramref name="m"/> (0-based) at volume scale <paramref name="scale"/>.</summary>
    public double Usage(int m, double scale = 1)
    {
        var total = 0.0;
        for (var p = 0; p < input.Length; p++)
        {
            var tokens = (volumes.Uncached[p][m] * input[p][m]) + (volumes.CacheRead[p][m] * cacheRead[p][m])
                + (volumes.CacheWrite[p][m] * cacheWrite[p][m]) + (volumes.Output[p][m] * output[p][m]);
            var batch = 1 - (volumes.Profiles[p].BatchShare * batchDiscount[p][m]);
            total += (tokens / 1e6 * batch) + (volumes.Requests[p][m] * perRequest[p][m]);
        }

        return total * scale;
    }

    /// <summary>The whole API bill of a month: usage, the unused part of a commitment, and fees.</summary>
    public (double Usage, double Shortfall, double Fees) Bill(int m, double scale = 1)
    {
        var usage = Usage(m, scale);
        return (usage, Math.Max(0, Option.MonthlyCommitment - usage), Option.MonthlyFee);
    }

    /// <summary>The steady-state cost curve at month <paramref name="m"/>'s prices and request mix.</summary>
    public SteadyStateCost SteadyState(int m, DateOnly priceDate)
    {
        var tokens = volumes.TotalInput[m] + volumes.TotalOutput[m];
        var perMillion = tokens > 0 ? Usage(m) / (tokens / 1e6) : 0;
        return new SteadyStateCost(OptionKind.Api, Option.MonthlyFee, perMillion, Option.MonthlyCommitment, 0, 0, 0, 0, priceDate);
    }

    public double FineTuningFee(int m)
    {
        var ft = Option.FineTuning;
        var month = m + 1;
        var due = ft is not null && (month == ft.Month || (ft.EveryMonths > 0 && month > ft.Month && (month - ft.Month) % ft.EveryMonths == 0));
        return due ? ft!.TrainingTokens * ft.Epochs / 1e6 * ft.TrainingPricePerMillionTokens : 0;
    }

    private static string Describe(ApiPrice row)
    {
        var tier = row.ContextThresholdTokens > 0 ? string.Create(CultureInfo.InvariantCulture, $", requests over {row.ContextThresholdTokens:N0} input tokens") : string.Empty;
        var cached = row.CachedInputPricePerMillionTokens is { } c ? string.Create(CultureInfo.InvariantCulture, $", cached input {c}") : string.Empty;
        var to = row.EffectiveTo is { } end ? " to " + Iso(end) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"api_prices.csv: {row.Provider} {row.ModelId} ({Words(row.ServiceTier)}{tier}) from {Iso(row.EffectiveFrom)}{to}: input {row.InputPricePerMillionTokens}{cached}, output {row.OutputPricePerMillionTokens} {row.Currency} per 1M tokens; checked {Iso(row.CheckedOn)}.");
    }

    private static string Words(ServiceTier tier) => tier.ToString().ToLowerInvariant();

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
