namespace LlmTco.Scenarios;

/// <summary>
/// A scenario's own exchange rate for one currency, used in every month instead of <c>exchange_rates.csv</c>; or, with
/// no rate, a placeholder that Monte Carlo can vary (the table's rates are used as written).
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ExchangeRateOverride
{
    /// <summary>Gets the ISO 4217 code of the currency whose prices are converted, e.g. <c>USD</c>; not the scenario's own.</summary>
    public required string Currency { get; init; }

    /// <summary>
    /// Gets the units of the scenario's currency that one unit of <see cref="Currency"/> costs (0.86 in a EUR scenario
    /// means 1 USD = 0.86 EUR), used in every month; or <see langword="null"/> to use the table's rate of each month.
    /// </summary>
    public double? ScenarioCurrencyPerUnit { get; init; }
}
