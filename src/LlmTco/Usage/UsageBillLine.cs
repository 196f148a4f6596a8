namespace LlmTco.Usage;

/// <summary>One month of one model in a reconstructed bill: the usage exported and its cost at the catalog's prices.</summary>
/// <param name="Month">The first day of the calendar month (UTC).</param>
/// <param name="Provider">The provider slug.</param>
/// <param name="Model">The model as the export names it.</param>
/// <param name="Requests">The requests, or <see langword="null"/> when the export does not count them.</param>
/// <param name="InputTokens">All input tokens, cache reads and writes included.</param>
/// <param name="CachedInputTokens">Input tokens read from the prompt cache.</param>
/// <param name="CacheWriteTokens">Input tokens written to the prompt cache.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="Cost">The cost of the priced entries at the catalog's prices, in the price rows' currency.</param>
/// <param name="ReportedCost">The export's own cost of the entries that carry one, or <see langword="null"/> when none does.</param>
/// <param name="ReportedDifference">The export's own cost minus the reconstructed cost of the same entries, or
/// <see langword="null"/> when no entry carries a cost. Positive: the provider billed more than the catalog predicts.</param>
/// <param name="UnpricedEntries">Entries that could not be priced (unknown model, no price on the date); their cost
/// is not in <paramref name="Cost"/>.</param>
public sealed record UsageBillLine(
    DateOnly Month,
    string Provider,
    string Model,
    long? Requests,
    long InputTokens,
    long CachedInputTokens,
    long CacheWriteTokens,
    long OutputTokens,
    double Cost,
    double? ReportedCost,
    double? ReportedDifference,
    long UnpricedEntries);
