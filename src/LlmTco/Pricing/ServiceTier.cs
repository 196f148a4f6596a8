using System.ComponentModel;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>The API service tier a price row applies to. CSV words: <c>standard</c>, <c>flex</c>, <c>priority</c>.</summary>
[TypeConverter(typeof(WordEnumTypeConverter<ServiceTier>))]
public enum ServiceTier
{
    /// <summary>The normal, synchronous tier (<c>standard</c>).</summary>
    Standard = 0,

    /// <summary>A cheaper, slower tier with lower availability (<c>flex</c>, e.g. OpenAI Flex processing).</summary>
    Flex = 1,

    /// <summary>A dearer tier with faster or guaranteed processing (<c>priority</c>).</summary>
    Priority = 2,
}
