using System.ComponentModel;
using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// Lets configuration binding (and any TypeDescriptor user) read the CSV words of an enum, e.g. <c>reserved-1y</c>,
/// as well as its C# name.
/// </summary>
internal sealed class WordEnumTypeConverter<T> : EnumConverter
    where T : struct, Enum
{
    public WordEnumTypeConverter()
        : base(typeof(T))
    {
    }

    public override object? ConvertFrom(ITypeDescriptorContext? context, CultureInfo? culture, object value)
    {
        if (value is string text)
        {
            var words = Words.For<T>();
            if (words.TryGetValue(text.Trim(), out var word))
            {
                return word;
            }
        }

        return base.ConvertFrom(context, culture, value);
    }
}
