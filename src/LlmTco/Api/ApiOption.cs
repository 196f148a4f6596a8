using LlmTco.Pricing;

namespace LlmTco.Api;

/// <summary>
/// Paying for an LLM API: a provider's model priced from <c>api_prices.csv</c> by date, with batch discounts, cache
/// prices, context tiers, fees, commitments and an optional fine-tuned model.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ApiOption
{
    /// <summary>Gets the option's name, unique in the scenario (e.g. "GPT-4o").</summary>
    public required string Name { get; init; }

    /// <summary>Gets the provider slug in <c>api_prices.csv</c>, e.g. <c>openai</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the model id or alias in <c>api_prices.csv</c>; for a fine-tuned model, the fine-tuned model's own price row.</summary>
    public required string Model { get; init; }

    /// <summary>Gets the service tier to price.</summary>
    /// <value>The default value is <see cref="ServiceTier.Standard"/>.</value>
    public ServiceTier ServiceTier { get; init; }

    /// <summary>
    /// Gets a batch discount that replaces the price row's <c>batch_discount</c> (fraction, 0 to 1), or
    /// <see langword="null"/> to use the row's (a row without one means no batch API: batch-eligible traffic bills in full).
    /// </summary>
    public double? BatchDiscountFraction { get; init; }

    /// <summary>
    /// Gets the yearly price decline applied after the last known price, as a fraction (0.2 = prices fall 20 % a year):
    /// price(t) = last price × (1 − d)^(years since that row's effective_from).
    /// </summary>
    /// <value>The default value is 0.</value>
    public double YearlyPriceDecline { get; init; }

    /// <summary>Gets fixed fees per month (platform subscription, compliance add-ons), in the scenario currency.</summary>
    /// <value>The default value is 0.</value>
    public double MonthlyFee { get; init; }

    /// <summary>Gets a committed monthly spend: the usage bill is max(usage, commitment).</summary>
    /// <value>The default value is 0.</value>
    public double MonthlyCommitment { get; init; }

    /// <summary>
    /// Gets the length of the commitment's contract in months: it is signed in month 1 and renewed at the end of each
    /// term, so the last term may run past the horizon. 0 for a commitment that binds month by month.
    /// </summary>
    /// <value>The default value is 0.</value>
    public int CommitmentTermMonths { get; init; }

    /// <summary>
    /// Gets a value indicating whether a commitment term that runs past the horizon is counted in full: the commitment of
    /// each month after the horizon goes into the last month's <see cref="Timeline.CostLine.CommitmentBeyondHorizon"/>
    /// line (each payment discounted at its own month in the NPV). <see langword="false"/> leaves those months out, with a
    /// warning.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CountCommitmentBeyondHorizon { get; init; } = true;

    /// <summary>Gets a one-off fine-tuning job of the API model, or <see langword="null"/> for none.</summary>
    public ApiFineTuning? FineTuning { get; init; }
}
