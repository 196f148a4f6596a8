namespace LlmTco.Pricing.Import;

/// <summary>A model that both the catalog and genai-prices price on the compared day, and how many cells differ.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
/// <param name="Provider">The catalog's provider slug.</param>
/// <param name="ModelId">The catalog's <c>model_id</c>.</param>
/// <param name="GenAiPricesModelId">The id of the genai-prices model whose <c>match</c> clause names the catalog model.</param>
/// <param name="CellsCompared">The price cells compared: 5 columns × the context tiers either side has.</param>
/// <param name="CellsDisagreeing">The cells among them whose prices differ (a price against a blank counts).</param>
public sealed record ComparedModel(string Provider, string ModelId, string GenAiPricesModelId, int CellsCompared, int CellsDisagreeing);
