namespace LlmTco.Usage;

/// <summary>Usage of one model that the catalog could not price: listed, never silently dropped.</summary>
/// <param name="Provider">The provider slug.</param>
/// <param name="Model">The model as the export names it.</param>
/// <param name="Entries">How many entries could not be priced.</param>
/// <param name="Reason">Why, as the catalog says it (the first entry's reason).</param>
/// <param name="Suggestions">The nearest catalog ids, when the model is unknown; else empty.</param>
public sealed record UnpricedUsage(string Provider, string Model, long Entries, string Reason, IReadOnlyList<string> Suggestions);
