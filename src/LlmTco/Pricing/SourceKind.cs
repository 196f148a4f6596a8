using System.ComponentModel;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>
/// Whether a row's figures were read from their publisher or from a copy (column <c>source_kind</c>). CSV words:
/// <c>primary</c>, <c>secondary</c>.
/// </summary>
[TypeConverter(typeof(WordEnumTypeConverter<SourceKind>))]
public enum SourceKind
{
    /// <summary>The publisher's own page, datasheet, model config or results repository (<c>primary</c>).</summary>
    Primary = 0,

    /// <summary>A copy of the figures by someone else: a price tracker, reseller, blog or dataset (<c>secondary</c>).</summary>
    Secondary = 1,
}
