namespace LlmTco.Usage;

/// <summary>A cost the provider reports for a day, not tied to a model (OpenAI's Costs API).</summary>
/// <param name="Day">The day of the cost bucket (UTC).</param>
/// <param name="Provider">The provider slug, e.g. <c>openai</c>.</param>
/// <param name="Amount">The cost, in <paramref name="Currency"/>.</param>
/// <param name="Currency">The ISO 4217 currency code, upper case, e.g. <c>USD</c>.</param>
/// <param name="LineItem">The provider's line item, when the export is grouped by it; else <see langword="null"/>.</param>
/// <param name="Project">The project id, when the export is grouped by it; else <see langword="null"/>.</param>
public sealed record ReportedCost(DateOnly Day, string Provider, double Amount, string Currency, string? LineItem, string? Project);
