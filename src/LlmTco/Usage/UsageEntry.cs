using LlmTco.Pricing;

namespace LlmTco.Usage;

/// <summary>
/// One row of an API usage export: a single request (per-request CSV) or the aggregate of a time bucket (OpenAI's
/// Usage API, Anthropic's usage report) for one model, project and service tier.
/// </summary>
/// <param name="Start">The request's time, or the start of its bucket (UTC).</param>
/// <param name="Width">The bucket width: <see cref="TimeSpan.Zero"/> for one request, else one minute, hour or day.</param>
/// <param name="Provider">The provider slug in <c>api_prices.csv</c>, e.g. <c>openai</c>.</param>
/// <param name="Model">The model id as the export names it.</param>
/// <param name="Project">The project or workspace id, or <see langword="null"/> when the export does not group by it.</param>
/// <param name="Requests">The number of requests, or <see langword="null"/> when the export does not count them (Anthropic).</param>
/// <param name="InputTokens">All input tokens, cache reads and writes included.</param>
/// <param name="CachedInputTokens">Input tokens read from the prompt cache.</param>
/// <param name="CacheWriteTokens">Input tokens written to the prompt cache.</param>
/// <param name="OutputTokens">Output tokens, reasoning included.</param>
/// <param name="Batch">Whether the requests went through the batch API.</param>
/// <param name="ServiceTier">The service tier billed.</param>
/// <param name="TierInputTokensPerRequest">The input tokens of one request, which select a context tier: the request's
/// own count, the bucket's mean, or what the reported context window implies.</param>
/// <param name="ReportedCost">The provider's own cost of the row, when the export carries one.</param>
/// <param name="OneHourCacheWriteTokens">The part of <paramref name="CacheWriteTokens"/> written with a one-hour cache
/// lifetime, billed at the 1-hour cache-write price. The default value is 0.</param>
public readonly record struct UsageEntry(
    DateTimeOffset Start,
    TimeSpan Width,
    string Provider,
    string Model,
    string? Project,
    long? Requests,
    long InputTokens,
    long CachedInputTokens,
    long CacheWriteTokens,
    long OutputTokens,
    bool Batch,
    ServiceTier ServiceTier,
    long TierInputTokensPerRequest,
    double? ReportedCost = null,
    long OneHourCacheWriteTokens = 0);
