namespace LlmTco.Pricing.Import;

/// <summary>The outcome of <see cref="GenAiPricesComparer.Compare(PricingCatalog, Stream, DateOnly)"/>.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class PriceComparison
{
    internal PriceComparison(DateOnly date, IReadOnlyList<ComparedModel> models, IReadOnlyList<PriceDisagreement> disagreements)
    {
        Date = date;
        Models = models;
        Disagreements = disagreements;
    }

    /// <summary>Gets the day compared: each side's prices in force on it.</summary>
    public DateOnly Date { get; }

    /// <summary>Gets every model both sources price on <see cref="Date"/>, ordered by provider and model id.</summary>
    public IReadOnlyList<ComparedModel> Models { get; }

    /// <summary>Gets every cell on which they disagree, ordered by provider, model, context tier and column.</summary>
    public IReadOnlyList<PriceDisagreement> Disagreements { get; }

    /// <summary>Gets the number of price cells compared over all <see cref="Models"/>.</summary>
    public int CellsCompared => Models.Sum(m => m.CellsCompared);
}
