namespace LlmTco.Usage;

/// <summary>
/// 1-hour cache writes of one model billed at the 5-minute cache-write price, because the price row in force has no
/// 1-hour price (<c>cache_write_1h_per_mtok</c> blank): the reconstructed bill understates them where the provider
/// charges more for an hour (Anthropic: 2 × input against 1.25 ×). Listed, never silent.
/// </summary>
/// <param name="Provider">The provider slug.</param>
/// <param name="Model">The model as the export names it.</param>
/// <param name="Tokens">The 1-hour cache-write tokens billed at the 5-minute price.</param>
public sealed record OneHourCacheWriteFallback(string Provider, string Model, long Tokens);
