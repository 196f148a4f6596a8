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
/// <remarks>
/// Prices are kept as segments, one per profile and price row in force (a new segment only where the row changes, so
/// usually one per profile), not month by month: the model allocates nothing per month. The yearly decline factor,
/// which changes every month, is applied when a month is billed.
/// </remarks>
internal sealed class ApiCostModel
{
    private readonly WorkloadVolumes volumes;

    /// <summary>Every profile's segments, profile by profile, each profile's in month order.</summary>
    private PriceSegment[] segments = [];

    /// <summary>Each profile's batch-eligible share, read once.</summary>
    private readonly double[] batchShares;

    /// <summary>Where each profile's segments start in <see cref="segments"/>; one more entry than profiles.</summary>
    private readonly int[] firstSegment;

    /// <summary>The decline's powers b^(2^k) (<see cref="DeclineFactor.Powers"/>), computed once; empty without a decline.</summary>
    private readonly double[] declinePowers;

    private ApiCostModel(ApiOption option, WorkloadVolumes volumes)
    {
        Option = option;
        declinePowers = option.YearlyPriceDecline > 0 ? new double[DeclineFactor.PowerCount] : [];
        if (declinePowers.Length > 0)
        {
            DeclineFactor.Powers(option.YearlyPriceDecline, declinePowers);
        }

        this.volumes = volumes;
        firstSegment = new int[volumes.Profiles.Count + 1];
        batchShares = volumes.Profiles.Select(p => p.BatchShare).ToArray();
    }

    public ApiOption Option { get; }

    public static ApiCostModel Create(PricingCatalog catalog, ApiOption option, Scenario scenario, WorkloadVolumes volumes, string path, List<Assumption> assumptions)
    {
        var model = new ApiCostModel(option, volumes);
        var seen = new HashSet<ApiPrice>();
        var batchWarned = false;

        // The model's price history is looked up once (it throws as FindApiPrice does for an unknown provider, model
        // or tier); each month's row is then chosen from it exactly as FindApiPrice chooses.
        var history = catalog.GetApiPriceHistory(option.Provider, option.Model, option.ServiceTier);
        var segments = new List<PriceSegment>();
        ApiPrice? previousRow = null;
        for (var p = 0; p < volumes.Profiles.Count; p++)
        {
            var profile = volumes.Profiles[p];
            model.firstSegment[p] = segments.Count;
            var inputTokens = (long)Math.Ceiling(profile.InputTokensPerRequest);
            for (var m = 0; m < volumes.Months; m++)
            {
                var date = volumes.MonthStarts[m];
                var row = PricingCatalog.FindApiPriceInHistory(history, date, inputTokens)
                    ?? throw PricingCatalog.NoApiPrice(history, option.Provider, option.Model, date);

                // A row met before has been checked already: its currency cannot change.
                var changed = !ReferenceEquals(row, previousRow);
                if ((changed || m == 0) && !string.Equals(row.Currency, scenario.Currency, StringComparison.Ordinal))
                {
                    throw new ScenarioValidationException([new ScenarioError(path + ".model", option.Model, $"the price row of '{row.ModelId}' from {Iso(row.EffectiveFrom)} is in {row.Currency}, but the scenario's currency is {scenario.Currency}; there is no exchange-rate table to convert it")]);
                }

                if (changed || m == 0)
                {
                    segments.Add(new PriceSegment(
                        m,
                        row,
                        option.YearlyPriceDecline > 0 && row.EffectiveTo is null,
                        (double)row.InputPricePerMillionTokens,
                        (double)(row.CachedInputPricePerMillionTokens ?? row.InputPricePerMillionTokens),
                        (double)(row.CacheWritePricePerMillionTokens ?? row.InputPricePerMillionTokens),
                        (double)row.OutputPricePerMillionTokens,
                        (double)(row.PricePerRequest ?? 0m),
                        option.BatchDiscountFraction ?? (double)(row.BatchDiscountFraction ?? 0m)));
                }

                if (profile.BatchShare > 0 && option.BatchDiscountFraction is null && row.BatchDiscountFraction is null && !batchWarned)
                {
                    batchWarned = true;
                    assumptions.Add(new Assumption(option.Name, AssumptionKind.Warning, $"'{row.ModelId}' has no published batch discount: batch-eligible traffic is billed at the standard price."));
                }

                // The same row as last month is already in the set: skip hashing it again.
                if (changed && seen.Add(row))
                {
                    assumptions.Add(new Assumption(option.Name, AssumptionKind.TableRow, Describe(row), row.SourceUrl) { Row = row });
                }

                previousRow = row;
            }

            if (option.YearlyPriceDecline > 0 && p == 0)
            {
                var last = history.Where(h => h.ContextThresholdTokens == 0).MaxBy(h => h.EffectiveFrom)!;
                assumptions.Add(new Assumption(option.Name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Prices decline {option.YearlyPriceDecline:P1} a year after the last known price (from {Iso(last.EffectiveFrom)}): price × (1 − {option.YearlyPriceDecline})^(years since {Iso(last.EffectiveFrom)}).")));
            }
        }

        model.firstSegment[^1] = segments.Count;
        model.segments = [.. segments];
        return model;
    }

    /// <summary>Token and request charges of month <paramref name="m"/> (0-based).</summary>
    public double Usage(int m)
    {
        var total = 0.0;
        ApiPrice? factorRow = null;
        var factor = 1.0;
        for (var p = 0; p < batchShares.Length; p++)
        {
            // The profile's last segment that starts on or before month m.
            var s = firstSegment[p];
            while (s + 1 < firstSegment[p + 1] && segments[s + 1].FromMonth <= m)
            {
                s++;
            }

            ref readonly var price = ref segments[s];
            if (!price.Declines)
            {
                factor = 1.0;
                factorRow = null;
            }
            else if (!ReferenceEquals(price.Row, factorRow))
            {
                // Price × (1 − d)^(years since the row's effective_from), from the month's first day; the same for
                // every profile priced by the same row.
                factor = DeclineFactor.Of(declinePowers, DeclineFactor.Days(volumes.MonthStarts[m], price.Row.EffectiveFrom));
                factorRow = price.Row;
            }

            var tokens = (volumes.Uncached[p][m] * (price.Input * factor)) + (volumes.CacheRead[p][m] * (price.CacheRead * factor))
                + (volumes.CacheWrite[p][m] * (price.CacheWrite * factor)) + (volumes.Output[p][m] * (price.Output * factor));
            var batch = 1 - (batchShares[p] * price.BatchDiscount);
            total += (tokens / 1e6 * batch) + (volumes.Requests[p][m] * (price.PerRequest * factor));
        }

        return total;
    }

    /// <summary>The whole API bill of a month: usage, the unused part of a commitment, and fees.</summary>
    public (double Usage, double Shortfall, double Fees) Bill(int m)
    {
        var usage = Usage(m);
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

    /// <summary>
    /// The prices of one profile from month <see cref="FromMonth"/> (0-based) until the next segment: one price row,
    /// converted to double once, per million tokens (and per request) before any decline.
    /// </summary>
    private readonly record struct PriceSegment(int FromMonth, ApiPrice Row, bool Declines, double Input, double CacheRead, double CacheWrite, double Output, double PerRequest, double BatchDiscount);
}
