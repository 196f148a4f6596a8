namespace LlmTco.Pricing;

/// <summary>
/// One row of <c>api_prices.csv</c>: the price of one API model, for one service tier and context tier, over one
/// date range. Prices are per million tokens in <see cref="Currency"/>.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record ApiPrice : ISourcedRow
{
    /// <summary>Gets the provider slug, e.g. <c>openai</c> (column <c>provider</c>).</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the provider's API model id, e.g. <c>gpt-4o-2024-08-06</c> (column <c>model_id</c>).</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets other names of the model, e.g. <c>gpt-4o</c> (column <c>aliases</c>, separated by <c>;</c>).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets the service tier the price applies to (column <c>service_tier</c>).</summary>
    /// <value>The default value is <see cref="ServiceTier.Standard"/>.</value>
    public ServiceTier ServiceTier { get; init; }

    /// <summary>
    /// Gets the context tier threshold in input tokens per request (column <c>context_threshold_tokens</c>): 0 for the
    /// base price; N for a row that bills the whole request when its input exceeds N tokens.
    /// </summary>
    /// <value>The default value is 0.</value>
    public long ContextThresholdTokens { get; init; }

    /// <summary>Gets the first day the price applies, inclusive (column <c>effective_from</c>).</summary>
    public required DateOnly EffectiveFrom { get; init; }

    /// <summary>
    /// Gets what <see cref="EffectiveFrom"/> is: the day the price took effect per its publisher, or only the day a
    /// source was seen showing it (the optional <c>effective_from_basis</c> column); <see langword="null"/> when the row
    /// does not say.
    /// </summary>
    public EffectiveDateBasis? EffectiveFromBasis { get; init; }

    /// <summary>
    /// Gets the first day the price no longer applies, exclusive (column <c>effective_to</c>); <see langword="null"/>
    /// while the price is current.
    /// </summary>
    public DateOnly? EffectiveTo { get; init; }

    /// <summary>Gets the ISO 4217 currency code of every price in the row (column <c>currency</c>).</summary>
    /// <value>The default value is <c>USD</c>.</value>
    public string Currency { get; init; } = "USD";

    /// <summary>Gets the price of one million uncached input tokens (column <c>input_per_mtok</c>).</summary>
    public required decimal InputPricePerMillionTokens { get; init; }

    /// <summary>
    /// Gets the price of one million input tokens read from the prompt cache (column <c>cached_input_per_mtok</c>);
    /// <see langword="null"/> when the model has no prompt caching, in which case cached tokens bill at the input price.
    /// </summary>
    public decimal? CachedInputPricePerMillionTokens { get; init; }

    /// <summary>
    /// Gets the price of one million input tokens written to the prompt cache (column <c>cache_write_per_mtok</c>);
    /// <see langword="null"/> when cache writes bill at the input price.
    /// </summary>
    public decimal? CacheWritePricePerMillionTokens { get; init; }

    /// <summary>
    /// Gets the price of one million input tokens written to the prompt cache with a one-hour lifetime, where the
    /// provider sells one (the optional column <c>cache_write_1h_per_mtok</c>; Anthropic: 2 × input);
    /// <see langword="null"/> when no one-hour price is published, in which case one-hour writes bill at
    /// <see cref="CacheWritePricePerMillionTokens"/> and a usage bill says so.
    /// </summary>
    public decimal? OneHourCacheWritePricePerMillionTokens { get; init; }

    /// <summary>Gets the price of one million output tokens (column <c>output_per_mtok</c>).</summary>
    public required decimal OutputPricePerMillionTokens { get; init; }

    /// <summary>
    /// Gets the price of one million reasoning output tokens where it differs from the output price (column
    /// <c>reasoning_output_per_mtok</c>); <see langword="null"/> when reasoning tokens bill as output.
    /// </summary>
    public decimal? ReasoningOutputPricePerMillionTokens { get; init; }

    /// <summary>
    /// Gets the fraction taken off token costs for requests sent through the provider's batch API, e.g. 0.5 for 50 %
    /// off (column <c>batch_discount</c>); <see langword="null"/> when no batch API is published.
    /// </summary>
    public decimal? BatchDiscountFraction { get; init; }

    /// <summary>Gets the fee per request, if any (column <c>per_request_fee</c>); <see langword="null"/> for none.</summary>
    public decimal? PricePerRequest { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }

    /// <summary>Gets a value indicating whether the row is in force on <paramref name="date"/>.</summary>
    /// <param name="date">The calendar day to test.</param>
    /// <returns><see langword="true"/> when <see cref="EffectiveFrom"/> ≤ date &lt; <see cref="EffectiveTo"/>.</returns>
    public bool IsInForceOn(DateOnly date) => date >= EffectiveFrom && (EffectiveTo is null || date < EffectiveTo.Value);
}
