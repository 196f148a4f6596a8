using LlmTco.Pricing;

namespace LlmTco.Api;

/// <summary>
/// One API request as a provider's usage export records it: which model, when, and how many tokens of each kind.
/// </summary>
/// <param name="Provider">The provider slug in <c>api_prices.csv</c>, e.g. <c>openai</c>.</param>
/// <param name="Model">The model id or an alias.</param>
/// <param name="Date">The day of the request; the price row in force on it applies.</param>
/// <param name="InputTokens">All input tokens of the request, cached ones included; it also selects a context tier.</param>
/// <param name="CachedInputTokens">Input tokens read from the prompt cache (part of <paramref name="InputTokens"/>).</param>
/// <param name="CacheWriteTokens">Input tokens written to the prompt cache (part of <paramref name="InputTokens"/>).</param>
/// <param name="OutputTokens">Output tokens, reasoning included.</param>
/// <param name="Batch">Whether the request went through the provider's batch API.</param>
/// <param name="ServiceTier">The service tier billed.</param>
/// <param name="OneHourCacheWriteTokens">The part of <paramref name="CacheWriteTokens"/> written to the cache with a
/// one-hour lifetime (Anthropic's <c>ephemeral_1h_input_tokens</c>), billed at the 1-hour cache-write price; the rest
/// bills at the 5-minute price. The default value is 0.</param>
public readonly record struct UsageRecord(
    string Provider,
    string Model,
    DateOnly Date,
    long InputTokens,
    long CachedInputTokens,
    long CacheWriteTokens,
    long OutputTokens,
    bool Batch = false,
    ServiceTier ServiceTier = ServiceTier.Standard,
    long OneHourCacheWriteTokens = 0);
