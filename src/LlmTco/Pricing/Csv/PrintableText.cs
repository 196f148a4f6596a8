using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// Whether an id or a name is made of printable characters only: no control characters, no format characters (the
/// bidirectional overrides and isolates, zero-width spaces and joiners, the byte-order mark), no line or paragraph
/// separators, no lone surrogates and no unassigned code points. Such characters make two different ids look the same,
/// or a report read differently from what it says.
/// </summary>
internal static class PrintableText
{
    /// <summary>The first character that is not printable, as <c>U+202E</c>, or <see langword="null"/> when all are.</summary>
    public static string? FirstUnprintable(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var pair = char.IsSurrogatePair(text, i);
            var category = pair ? CharUnicodeInfo.GetUnicodeCategory(text, i) : CharUnicodeInfo.GetUnicodeCategory(text[i]);
            if (category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                or UnicodeCategory.Surrogate or UnicodeCategory.OtherNotAssigned or UnicodeCategory.PrivateUse)
            {
                var codePoint = pair ? char.ConvertToUtf32(text, i) : text[i];
                return string.Create(CultureInfo.InvariantCulture, $"U+{codePoint:X4}");
            }

            i += pair ? 1 : 0;
        }

        return null;
    }
}
