using System.ComponentModel;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>
/// The number format model weights are served in. CSV words: <c>bf16</c>, <c>fp16</c>, <c>fp8</c>, <c>int8</c>,
/// <c>int4</c>, <c>fp4</c>.
/// </summary>
[TypeConverter(typeof(WordEnumTypeConverter<NumericPrecision>))]
public enum NumericPrecision
{
    /// <summary>bfloat16: 2 bytes per parameter.</summary>
    Bf16 = 0,

    /// <summary>IEEE half precision: 2 bytes per parameter.</summary>
    Fp16 = 1,

    /// <summary>8-bit floating point: 1 byte per parameter.</summary>
    Fp8 = 2,

    /// <summary>8-bit integer quantisation: 1 byte per parameter.</summary>
    Int8 = 3,

    /// <summary>4-bit integer quantisation (e.g. AWQ, GPTQ): 0.5 bytes per parameter.</summary>
    Int4 = 4,

    /// <summary>4-bit floating point (e.g. NVFP4, MXFP4): 0.5 bytes per parameter.</summary>
    Fp4 = 5,
}
