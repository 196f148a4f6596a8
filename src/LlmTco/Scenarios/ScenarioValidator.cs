using System.Globalization;
using LlmTco.Pricing.Csv;
using LlmTco.Uncertainty;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Scenarios;

/// <summary>
/// Checks every value of a scenario and reports every problem with its path, never just the first. This file checks the
/// scenario as a whole; the workload, the API options and the self-hosted options have a file each, and the checks
/// shared by all (finite, not negative, a fraction, ...) are in <c>ScenarioValidator.Values.cs</c>.
/// </summary>
internal sealed partial class ScenarioValidator
{
    /// <summary>More tokens than this in one month is an error, not an overflow: 10^18 is about a million times the largest public API volumes.</summary>
    public const double MaxTokensPerMonth = 1e18;

    /// <summary>
    /// A month's input or output tokens of a profile may be 0 but not above 0 and below this: figures per token of a month
    /// with fewer (a steep decline over a long horizon, 10⁻³⁰⁰ tokens a request) would overflow. Far below any real
    /// volume, so that only such extremes meet it.
    /// </summary>
    public const double MinTokensPerMonth = 1e-100;

    /// <summary>
    /// No number in a scenario may be larger in magnitude than this (a price, a fee or a salary of 10¹⁵ is far beyond any
    /// real one); with the token limit it keeps every result finite. The workload's requests have the token limit instead.
    /// </summary>
    public const double MaxInputMagnitude = 1e15;

    /// <summary>No number that something is divided by (a throughput, a utilisation, a price of a GPU hour) may be above 0 and below this.</summary>
    public const double MinDivisor = 1e-9;

    public const int MaxHorizonMonths = 600;

    /// <summary>
    /// The most traffic profiles × options × months, and the most self-hosted × API pairs × months, a scenario may have:
    /// the memory and time of an evaluation (and of every Monte Carlo trial) grow with them.
    /// </summary>
    public const long MaxScenarioSize = 1_000_000;

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
        else if (s.StartDate > DateOnly.MaxValue.AddMonths(1 - s.HorizonMonths))
        {
            // Every month's first day must be a calendar date.
            errors.Add(Prop(at, "StartDate"), s.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), string.Create(CultureInfo.InvariantCulture, $"leaves the calendar: {s.HorizonMonths} months from it run past 9999-12-31; start on {DateOnly.MaxValue.AddMonths(1 - s.HorizonMonths):yyyy-MM-dd} at the latest"));
        }

        if (!Words.Currencies.Contains(s.Currency ?? string.Empty))
        {
            errors.Add(Prop(at, "Currency"), s.Currency, "must be an ISO 4217 code in capitals, e.g. USD");
        }

        var rates = s.ExchangeRates ?? [];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rates.Count; i++)
        {
            var path = errors.Path(Index(Prop(at, "ExchangeRates"), i));
            if (rates[i] is not { } rate)
            {
                errors.Add(path, null, "an exchange rate is required");
                continue;
            }

            if (!Words.Currencies.Contains(rate.Currency ?? string.Empty))
            {
                errors.Add(Prop(path, "Currency"), rate.Currency, $"must be an ISO 4217 code in capitals, one of: {string.Join(", ", Words.Currencies)}");
            }
            else if (rate.Currency == s.Currency)
            {
                errors.Add(Prop(path, "Currency"), rate.Currency, "is the scenario's own currency, which needs no exchange rate");
            }
            else if (!seen.Add(rate.Currency!))
            {
                errors.Add(Prop(path, "Currency"), rate.Currency, "has another exchange rate in this list; give one per currency");
            }

            if (rate.ScenarioCurrencyPerUnit is { } perUnit)
            {
                Positive(perUnit, Prop(path, "ScenarioCurrencyPerUnit"));
            }
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

        var profiles = (long)(s.Workload?.Profiles?.Count ?? 0);
        var size = profiles * (apiOptions.Count + selfHosted.Count) * horizon;
        var pairs = (long)apiOptions.Count * selfHosted.Count * horizon;
        if (size > MaxScenarioSize || pairs > MaxScenarioSize)
        {
            errors.Add(at, null, string.Create(CultureInfo.InvariantCulture, $"the scenario is too large: {profiles:N0} profiles × {apiOptions.Count + selfHosted.Count:N0} options × {horizon:N0} months = {size:N0}, and {selfHosted.Count:N0} self-hosted × {apiOptions.Count:N0} API options × {horizon:N0} months = {pairs:N0}; each may be at most {MaxScenarioSize:N0} (split it into smaller scenarios)"));
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
}
