namespace LlmTco.Pricing.Import;

/// <summary>One price cell on which the catalog and genai-prices disagree for a model on the compared day.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
/// <param name="Provider">The catalog's provider slug (genai-prices' <c>aws</c> is <c>bedrock</c>).</param>
/// <param name="ModelId">The catalog's <c>model_id</c>.</param>
/// <param name="GenAiPricesModelId">The id of the genai-prices model whose <c>match</c> clause names the catalog model.</param>
/// <param name="ContextThresholdTokens">
/// The context tier compared, in input tokens per request: 0 for the base price; N for prices above N tokens. A side
/// without a tier at N is read at its highest tier at or below N (what such a request pays there).
/// </param>
/// <param name="Column">The <c>api_prices.csv</c> column: <c>input_per_mtok</c>, <c>cached_input_per_mtok</c>,
/// <c>cache_write_per_mtok</c>, <c>cache_write_1h_per_mtok</c>, <c>output_per_mtok</c> or <c>per_request_fee</c>.</param>
/// <param name="CatalogPrice">The catalog's price, in USD per 1M tokens (per request for the fee); <see langword="null"/> when blank.</param>
/// <param name="GenAiPricesPrice">genai-prices' price in the same unit; <see langword="null"/> when it gives none.</param>
public sealed record PriceDisagreement(
    string Provider,
    string ModelId,
    string GenAiPricesModelId,
    long ContextThresholdTokens,
    string Column,
    decimal? CatalogPrice,
    decimal? GenAiPricesPrice);
