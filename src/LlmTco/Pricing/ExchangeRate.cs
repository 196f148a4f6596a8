namespace LlmTco.Pricing;

/// <summary>
/// One row of <c>exchange_rates.csv</c>: the reference rate of a currency pair for one month, e.g. the ECB's euro
/// reference rate against the US dollar on the month's first working day.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ExchangeRate : ISourcedRow
{
    /// <summary>Gets the ISO 4217 code of the currency quoted for one unit, e.g. <c>EUR</c> (column <c>base_currency</c>).</summary>
    public required string BaseCurrency { get; init; }

    /// <summary>Gets the ISO 4217 code of the currency the rate is given in, e.g. <c>USD</c> (column <c>quote_currency</c>).</summary>
    public required string QuoteCurrency { get; init; }

    /// <summary>Gets the month the rate applies to, as its first day (column <c>month</c>, written <c>yyyy-MM</c>).</summary>
    public required DateOnly Month { get; init; }

    /// <summary>Gets the units of <see cref="QuoteCurrency"/> that one unit of <see cref="BaseCurrency"/> buys, e.g. 1.1698 USD per EUR (column <c>quote_per_base</c>).</summary>
    public required decimal QuotePerBase { get; init; }

    /// <summary>Gets the day the published rate is from, or <see langword="null"/> when the source gives a monthly figure (column <c>rate_date</c>).</summary>
    public DateOnly? RateDate { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
