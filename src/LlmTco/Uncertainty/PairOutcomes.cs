namespace LlmTco.Uncertainty;

/// <summary>
/// How one self-hosted option compares with one API option over the Monte Carlo trials: the spread of the break-even
/// month, the break-even volume and the NPV difference, the chance that self-hosting is cheaper by each month, and the
/// cumulative cost difference over time (for a fan chart).
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class PairOutcomes
{
    internal PairOutcomes(
        string selfHostedOption,
        string apiOption,
        PercentileSummary breakEvenMonth,
        double neverBreaksEvenShare,
        double cheaperFromStartShare,
        PercentileSummary breakEvenVolume,
        PercentileSummary npvDifference,
        IReadOnlyList<double> probabilityCheaperByMonth,
        IReadOnlyList<PercentileSummary> cumulativeDifferenceByMonth,
        IReadOnlyList<double> breakEvenMonths,
        IReadOnlyList<double> breakEvenVolumes,
        IReadOnlyList<double> npvDifferences)
    {
        SelfHostedOption = selfHostedOption;
        ApiOption = apiOption;
        BreakEvenMonth = breakEvenMonth;
        NeverBreaksEvenShare = neverBreaksEvenShare;
        CheaperFromStartShare = cheaperFromStartShare;
        BreakEvenVolumeTokensPerMonth = breakEvenVolume;
        NpvDifference = npvDifference;
        ProbabilityCheaperByMonth = probabilityCheaperByMonth;
        CumulativeDifferenceByMonth = cumulativeDifferenceByMonth;
        BreakEvenMonths = breakEvenMonths;
        BreakEvenVolumes = breakEvenVolumes;
        NpvDifferences = npvDifferences;
    }

    /// <summary>Gets the self-hosted option's name.</summary>
    public string SelfHostedOption { get; }

    /// <summary>Gets the API option's name.</summary>
    public string ApiOption { get; }

    /// <summary>
    /// Gets the percentiles of the nominal break-even time in months from the start (interpolated inside the month, as
    /// in <see cref="Timeline.BreakEvenPoint.MonthsFromStart"/>; 0 when cheaper from the start). A trial that never
    /// breaks even within the horizon counts as +∞: percentiles are over all trials, and one that falls among those
    /// trials is <see langword="null"/> ("not within the horizon").
    /// </summary>
    public PercentileSummary BreakEvenMonth { get; }

    /// <summary>Gets the share of trials (0 to 1) in which self-hosting never breaks even within the horizon.</summary>
    public double NeverBreaksEvenShare { get; }

    /// <summary>Gets the share of trials (0 to 1) in which self-hosting is cheaper from the start.</summary>
    public double CheaperFromStartShare { get; }

    /// <summary>
    /// Gets the percentiles of the monthly volume (input + output tokens) above which self-hosting stays cheaper at
    /// steady state. A trial in which it never stays cheaper counts as +∞ (a <see langword="null"/> percentile).
    /// </summary>
    public PercentileSummary BreakEvenVolumeTokensPerMonth { get; }

    /// <summary>Gets the percentiles of NPV(self-hosted) − NPV(API), in the scenario currency: below 0 means self-hosting is cheaper.</summary>
    public PercentileSummary NpvDifference { get; }

    /// <summary>
    /// Gets, for each month (index 0 is month 1), the share of trials in which the self-hosted cumulative cost at the
    /// end of that month is at or below the API's.
    /// </summary>
    public IReadOnlyList<double> ProbabilityCheaperByMonth { get; }

    /// <summary>
    /// Gets, for each month (index 0 is month 1), the percentiles of the self-hosted minus API cumulative cost at the
    /// end of that month, over the first <see cref="MonteCarloResult.MonthlyPercentileTrials"/> trials.
    /// </summary>
    public IReadOnlyList<PercentileSummary> CumulativeDifferenceByMonth { get; }

    /// <summary>Gets every trial's break-even time in months from the start, in trial order (+∞ when never within the horizon).</summary>
    public IReadOnlyList<double> BreakEvenMonths { get; }

    /// <summary>Gets every trial's break-even volume in tokens per month, in trial order (+∞ when self-hosting never stays cheaper).</summary>
    public IReadOnlyList<double> BreakEvenVolumes { get; }

    /// <summary>Gets every trial's NPV difference (self-hosted − API), in trial order.</summary>
    public IReadOnlyList<double> NpvDifferences { get; }
}
