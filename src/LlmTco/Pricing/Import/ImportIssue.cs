namespace LlmTco.Pricing.Import;

/// <summary>A model, or one field of a model, that an importer could not map to <c>api_prices.csv</c>, and why.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
/// <param name="Entry">
/// The entry as the source file names it: <c>provider/model</c> for genai-prices, the entry's key for LiteLLM.
/// </param>
/// <param name="Field">The field that was not mapped, or <see langword="null"/> when the whole entry was skipped or cut short.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record ImportIssue(string Entry, string? Field, string Reason)
{
    /// <summary>Formats the issue as <c>entry: 'field': reason</c>, or <c>entry: reason</c> without a field.</summary>
    /// <returns>The issue in one line.</returns>
    public override string ToString() => Field is null ? $"{Entry}: {Reason}" : $"{Entry}: '{Field}': {Reason}";
}
