using LlmTco.Api;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Scenarios;

/// <summary>
/// A question to answer: a workload served over a horizon of whole months, and the options to compare — any number of
/// API options and self-hosted options.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record Scenario
{
    /// <summary>Gets the scenario's name.</summary>
    public required string Name { get; init; }

    /// <summary>Gets a one-paragraph description of the case and its assumptions, or <see langword="null"/>.</summary>
    public string? Description { get; init; }

    /// <summary>Gets the first day of month 1; month m starts on this date plus m − 1 calendar months. Prices are looked up by each month's start date.</summary>
    public required DateOnly StartDate { get; init; }

    /// <summary>Gets the number of months modelled, 1 to 600.</summary>
    public required int HorizonMonths { get; init; }

    /// <summary>Gets the ISO 4217 currency of every figure; table prices in another currency are converted into it month by month (see <see cref="ExchangeRates"/>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>
    /// Gets the scenario's own exchange rates, one per currency at most. A price in another currency than
    /// <see cref="Currency"/> is converted at its month's rate from <c>exchange_rates.csv</c>, unless a rate is given here.
    /// </summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ExchangeRateOverride> ExchangeRates { get; init; } = [];

    /// <summary>Gets the yearly discount rate for NPV, as a fraction (0.08 = 8 %): month m is weighted by (1 + r)^(−m/12).</summary>
    /// <value>The default value is 0.</value>
    public double YearlyDiscountRate { get; init; }

    /// <summary>Gets how owned hardware's capital enters the monthly totals.</summary>
    /// <value>The default value is <see cref="CostView.Cash"/>.</value>
    public CostView CostView { get; init; }

    /// <summary>Gets the traffic to serve.</summary>
    public required Workload Workload { get; init; }

    /// <summary>Gets the API options.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<ApiOption> ApiOptions { get; init; } = [];

    /// <summary>Gets the self-hosted options.</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<SelfHostedOption> SelfHostedOptions { get; init; } = [];

    /// <summary>
    /// Gets the uncertain inputs and the Monte Carlo settings, or <see langword="null"/> when every input is taken as
    /// written. <see cref="TcoEngine.Evaluate"/> ignores this section; <see cref="MonteCarloSimulator"/> runs it.
    /// </summary>
    public UncertaintySettings? Uncertainty { get; init; }
}
