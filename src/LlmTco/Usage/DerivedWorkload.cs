using LlmTco.Api;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Usage;

/// <summary>
/// A workload derived from usage exports: one profile per model (or project), the peak-to-average ratio, and the API
/// options the data used; <see cref="ToScenario"/> turns it into a scenario that runs as is.
/// </summary>
/// <param name="Profiles">The derived profiles, by name.</param>
/// <param name="PeakToAverageRatio">The 95th-percentile hour's tokens (input + output) over the mean hour's, over every
/// hour from the data's first to its last (hours without usage count as 0); 1 when the data has no hourly detail.</param>
/// <param name="DataStart">The first day of the data (UTC).</param>
/// <param name="DataEnd">The day after the data's last day (UTC), exclusive.</param>
/// <param name="FullMonths">The calendar months the data covers from their first to their last day; only these are
/// fitted.</param>
/// <param name="ApiOptions">One API option per provider, model and service tier found in the data and in the catalog.</param>
/// <param name="Notes">What could not be derived, and why, and what the derived scenario leaves out; <see cref="ToScenario"/> puts them in the scenario's description.</param>
public sealed record DerivedWorkload(
    IReadOnlyList<DerivedProfile> Profiles,
    double PeakToAverageRatio,
    DateOnly DataStart,
    DateOnly DataEnd,
    IReadOnlyList<DateOnly> FullMonths,
    IReadOnlyList<ApiOption> ApiOptions,
    IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Builds a scenario from the derived workload: it starts on the first day of the month after the data, each
    /// profile's month-1 requests are its fit extrapolated to that month, growth is the fitted compound rate, and the
    /// <c>uncertainty</c> section draws each growth from a normal distribution (the fit's rate and standard error, at
    /// least −0.5) and each month-1 volume from a lognormal one (median the fitted volume, σ the residual standard
    /// deviation of ln requests).
    /// </summary>
    /// <remarks>A self-hosted option whose lead time is bridged by an API option this scenario lacks is bridged by the
    /// first API option found in the data instead (the API in use today); with none, its lead time is dropped.</remarks>
    /// <param name="name">The scenario's name.</param>
    /// <param name="selfHostedOptions">The self-hosted options to compare the current API use with.</param>
    /// <param name="horizonMonths">The horizon in months.</param>
    /// <param name="trials">The Monte Carlo trials of the uncertainty section.</param>
    /// <returns>The scenario.</returns>
    /// <value>The default horizon is 36 months and the default trials 2,000 (seed 42).</value>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="horizonMonths"/> or <paramref name="trials"/> is not positive.</exception>
    /// <exception cref="InvalidOperationException">No profile could be derived (see <see cref="Notes"/>).</exception>
    public Scenario ToScenario(string name, IReadOnlyList<SelfHostedOption> selfHostedOptions, int horizonMonths = 36, int trials = 2000)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(selfHostedOptions);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(horizonMonths);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(trials);
        if (Profiles.Count == 0)
        {
            throw new InvalidOperationException("No traffic profile could be derived from the usage: " + string.Join(" ", Notes));
        }

        var start = new DateOnly(DataEnd.Year, DataEnd.Month, 1);
        if (start < DataEnd)
        {
            start = start.AddMonths(1);
        }

        var profiles = new List<TrafficProfile>();
        var inputs = new List<UncertainInput>();
        foreach (var p in Profiles)
        {
            var fitted = FullMonths.Count > 0 ? FullMonths[^1].AddMonths(1) : start;
            var gap = ((start.Year - fitted.Year) * 12) + start.Month - fitted.Month;
            var requests = p.Growth.NextMonthRequests * Math.Pow(1 + p.Growth.MonthlyRate, gap);
            var i = profiles.Count;
            profiles.Add(new TrafficProfile
            {
                Name = p.Name,
                MonthlyRequests = Math.Round(requests),
                InputTokensPerRequest = Math.Round(p.InputTokensPerRequest, 1),
                OutputTokensPerRequest = Math.Round(p.OutputTokensPerRequest, 1),
                CacheReadShare = Math.Round(p.CacheReadShare, 4),
                CacheWriteShare = Math.Round(p.CacheWriteShare, 4),
                BatchShare = Math.Round(p.BatchShare, 4),
                Growth = p.Growth.MonthlyRate == 0 ? GrowthRule.None : GrowthRule.Compound(Math.Round(p.Growth.MonthlyRate, 5)),
            });
            if (Math.Round(p.Growth.StandardError, 5) > 0)
            {
                inputs.Add(new UncertainInput
                {
                    Path = $"workload.profiles[{i}].growth.monthlyRate",
                    Label = $"{p.Name}: growth a month (fit)",
                    Distribution = Distribution.Normal(Math.Round(p.Growth.MonthlyRate, 5), Math.Round(p.Growth.StandardError, 5), min: -0.5),
                });
            }

            if (Math.Round(p.Growth.ResidualStandardDeviation, 5) > 0 && Math.Round(requests) > 0)
            {
                inputs.Add(new UncertainInput
                {
                    Path = $"workload.profiles[{i}].monthlyRequests",
                    Label = $"{p.Name}: requests in month 1 (fit)",
                    Distribution = Distribution.LogNormalFromMedian(Math.Round(requests), Math.Round(p.Growth.ResidualStandardDeviation, 5)),
                });
            }
        }

        return new Scenario
        {
            Name = name,
            Description = string.Join(' ', Notes.Prepend($"Derived from usage exports of {DataStart:yyyy-MM-dd} to {DataEnd.AddDays(-1):yyyy-MM-dd} by LlmTco.Usage.")),
            StartDate = start,
            HorizonMonths = horizonMonths,
            Workload = new Workload { Profiles = profiles, PeakToAverageRatio = Math.Round(PeakToAverageRatio, 3) },
            ApiOptions = ApiOptions,
            SelfHostedOptions = selfHostedOptions.Select(Bridged).ToList(),
            Uncertainty = inputs.Count == 0 ? null : new UncertaintySettings { Trials = trials, Seed = 42, Inputs = inputs },
        };
    }

    private SelfHostedOption Bridged(SelfHostedOption option)
    {
        if (option.BridgeApiOption is null || ApiOptions.Any(a => a.Name == option.BridgeApiOption))
        {
            return option;
        }

        return ApiOptions.Count > 0
            ? option with { BridgeApiOption = ApiOptions[0].Name }
            : option with { BridgeApiOption = null, LeadTimeMonths = 0 };
    }
}
