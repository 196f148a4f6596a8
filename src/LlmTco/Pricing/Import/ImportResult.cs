namespace LlmTco.Pricing.Import;

/// <summary>
/// The outcome of importing a third-party price file: the rows in this project's <c>api_prices.csv</c> format, and
/// every model or field that could not be mapped, with the reason.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class ImportResult
{
    internal ImportResult(string format, IReadOnlyList<ApiPrice> rows, IReadOnlyList<ImportIssue> unmapped, int entriesRead)
    {
        Format = format;
        Rows = rows;
        Unmapped = unmapped;
        EntriesRead = entriesRead;
    }

    /// <summary>Gets the name of the format read: <c>genai-prices</c> or <c>litellm</c>.</summary>
    public string Format { get; }

    /// <summary>Gets the imported rows, ordered by provider, model, service tier, context tier and effective date.</summary>
    public IReadOnlyList<ApiPrice> Rows { get; }

    /// <summary>Gets every model or field that was not mapped, with the reason, in the order met in the file.</summary>
    public IReadOnlyList<ImportIssue> Unmapped { get; }

    /// <summary>Gets the number of models (genai-prices) or entries (LiteLLM) read from the file.</summary>
    public int EntriesRead { get; }

    /// <summary>Gets the number of distinct provider and model pairs that have at least one imported row.</summary>
    public int ModelsImported => Rows.Select(r => (r.Provider.ToUpperInvariant(), r.ModelId.ToUpperInvariant())).Distinct().Count();

    /// <summary>Writes <see cref="Rows"/> in the <c>api_prices.csv</c> format, with its header.</summary>
    /// <param name="writer">Where to write; it is left open.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    public void WriteCsv(TextWriter writer) => PricingCatalog.WriteApiPrices(writer, Rows);
}
