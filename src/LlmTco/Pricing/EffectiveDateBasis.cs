using System.ComponentModel;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>
/// What a row's <c>effective_from</c> date is (column <c>effective_from_basis</c>). CSV words: <c>published</c>,
/// <c>observed</c>.
/// </summary>
[TypeConverter(typeof(WordEnumTypeConverter<EffectiveDateBasis>))]
public enum EffectiveDateBasis
{
    /// <summary>The day the price took effect according to its publisher: a launch or an announced change (<c>published</c>).</summary>
    Published = 0,

    /// <summary>
    /// Only the day a source was seen showing the price (<c>observed</c>): the price may have applied earlier, so a
    /// scenario that starts before that day finds no price where there was one.
    /// </summary>
    Observed = 1,
}
