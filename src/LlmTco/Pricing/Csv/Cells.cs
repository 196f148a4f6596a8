using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.TypeConversion;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// CsvHelper type converters that parse one cell strictly and culture-invariantly. A bad cell is reported to the
/// <see cref="ReadContext"/> with its line, column, value and the reason, instead of throwing, so that every problem
/// in a file is reported at once.
/// </summary>
internal static partial class Cells
{
    /// <summary>The longest cell accepted: far above any real note or URL, low enough to reject garbage and pasted files.</summary>
    public const int MaxCellLength = 4096;

    public static ITypeConverter Text(ReadContext c, bool required = true) => new TextCell(c, required, IdKind.FreeText);

    /// <summary>A lower-case slug such as a provider id: letters, digits, '.', '_' and '-'.</summary>
    public static ITypeConverter Slug(ReadContext c) => new TextCell(c, true, IdKind.Slug);

    /// <summary>An id with no spaces or semicolons, such as a model id.</summary>
    public static ITypeConverter Id(ReadContext c) => new TextCell(c, true, IdKind.Id);

    public static ITypeConverter List(ReadContext c) => new ListCell(c);

    public static ITypeConverter Decimal(ReadContext c, bool required = true, bool positive = false, decimal? max = null, decimal? min = null) =>
        new DecimalCell(c, required, positive, max, min);

    public static ITypeConverter Int32(ReadContext c, int min, bool required = true) => new Int32Cell(c, required, min);

    public static ITypeConverter Int64(ReadContext c, long min) => new Int64Cell(c, min);

    public static ITypeConverter Date(ReadContext c, bool required = true) => new DateCell(c, required);

    public static ITypeConverter Url(ReadContext c, bool required = true) => new UrlCell(c, required);

    /// <summary>A calendar month written <c>yyyy-MM</c>, read as its first day.</summary>
    public static ITypeConverter Month(ReadContext c) => new MonthCell(c);

    public static ITypeConverter Currency(ReadContext c, bool required = true) => new CurrencyCell(c, required);

    public static ITypeConverter Word<T>(ReadContext c, IReadOnlyDictionary<string, T> words, string what, bool required = true)
        where T : struct, Enum => new WordCell<T>(c, words, what, required);

    [GeneratedRegex(@"^[+-]?(?:\d+(?:\.\d+)?|\.\d+)(?:[eE][+-]?\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex NumberPattern();

    [GeneratedRegex(@"^-?\d+,\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalCommaPattern();

    [GeneratedRegex(@"^-?\d{1,3}(?:,\d{3})+(?:\.\d+)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ThousandsPattern();

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();

    private enum IdKind
    {
        FreeText,
        Slug,
        Id,
    }

    /// <summary>Shared handling of blank cells and error reporting; subclasses parse non-blank text.</summary>
    private abstract class Cell<T>(ReadContext context, bool required) : ITypeConverter
    {
        protected ReadContext Context { get; } = context;

        public object? ConvertFromString(string? text, IReaderRow row, MemberMapData memberMapData)
        {
            var column = memberMapData.Names[0];
            if (text is { Length: > MaxCellLength })
            {
                Context.CellError(column, text[..40] + "...", string.Create(CultureInfo.InvariantCulture, $"column '{column}': the cell is {text.Length:N0} characters long; a cell holds at most {MaxCellLength:N0}"));
                return Fallback(memberMapData);
            }

            var trimmed = text?.Trim() ?? string.Empty;
            if (trimmed.Length == 0)
            {
                if (required)
                {
                    Context.CellError(column, text, $"column '{column}' is required but the cell is empty");
                    return Fallback(memberMapData);
                }

                return EmptyValue ?? Fallback(memberMapData);
            }

            if (TryParse(trimmed, out var value, out var reason))
            {
                return value;
            }

            Context.CellError(column, text, $"column '{column}': '{text}' {reason}");
            return Fallback(memberMapData);
        }

        /// <summary>Gets the value of a blank optional cell.</summary>
        protected virtual object? EmptyValue => null;

        /// <summary>A placeholder for a bad cell: the row is rejected anyway, but the member must accept the value.</summary>
        private static object? Fallback(MemberMapData memberMapData)
        {
            var type = (memberMapData.Member as System.Reflection.PropertyInfo)?.PropertyType;
            return type is { IsValueType: true } && Nullable.GetUnderlyingType(type) is null ? Activator.CreateInstance(type) : null;
        }

        public string? ConvertToString(object? value, IWriterRow row, MemberMapData memberMapData) =>
            value is null ? string.Empty : Format((T)value);

        protected abstract bool TryParse(string text, out T? value, out string reason);

        protected abstract string Format(T value);
    }

    private sealed class TextCell(ReadContext c, bool required, IdKind kind) : Cell<string>(c, required)
    {
        protected override bool TryParse(string text, out string? value, out string reason)
        {
            value = text;
            reason = string.Empty;
            switch (kind)
            {
                case IdKind.Slug when !SlugPattern().IsMatch(text):
                    reason = "is not a valid id: use lower-case letters, digits, '.', '_' and '-' (e.g. openai)";
                    return false;
                case IdKind.Id when text.Any(ch => char.IsWhiteSpace(ch) || ch == ';'):
                    reason = "is not a valid id: ids contain no spaces or ';'";
                    return false;
                case IdKind.Id when PrintableText.FirstUnprintable(text) is { } hidden:
                    reason = $"is not a valid id: it holds {hidden}, an invisible or direction-changing character";
                    return false;
                default:
                    return true;
            }
        }

        protected override string Format(string value) => value;
    }

    private sealed class ListCell(ReadContext c) : Cell<IReadOnlyList<string>>(c, required: false)
    {
        protected override object? EmptyValue => Array.Empty<string>();

        protected override bool TryParse(string text, out IReadOnlyList<string>? value, out string reason)
        {
            var items = text.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            value = items;
            reason = items.Select(PrintableText.FirstUnprintable).FirstOrDefault(h => h is not null) is { } hidden
                ? $"is not a valid list: an entry holds {hidden}, an invisible or direction-changing character"
                : "is not a valid list: separate entries with ';', and entries contain no spaces";
            return items.All(i => !i.Any(char.IsWhiteSpace) && PrintableText.FirstUnprintable(i) is null);
        }

        protected override string Format(IReadOnlyList<string> value) => string.Join(';', value);
    }

    private sealed class DecimalCell(ReadContext c, bool required, bool positive, decimal? max, decimal? min) : Cell<decimal?>(c, required)
    {
        protected override bool TryParse(string text, out decimal? value, out string reason)
        {
            value = null;
            if (ThousandsPattern().IsMatch(text))
            {
                reason = "has a comma, which is either a thousands separator or a decimal comma: write plain digits with a decimal point (e.g. 1500 or 1.5)";
                return false;
            }

            if (DecimalCommaPattern().IsMatch(text))
            {
                reason = $"uses a decimal comma; write a decimal point instead: {text.Replace(',', '.')}";
                return false;
            }

            if (text.Contains(',', StringComparison.Ordinal) || text.Contains(' ', StringComparison.Ordinal) || text.Contains('_', StringComparison.Ordinal))
            {
                reason = "has a thousands separator; write plain digits with a decimal point (e.g. 1500 or 0.15)";
                return false;
            }

            if (!NumberPattern().IsMatch(text))
            {
                reason = "is not a finite number; expected digits with an optional decimal point (e.g. 0.15)";
                return false;
            }

            if (text.StartsWith('-'))
            {
                reason = "must not be negative";
                return false;
            }

            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            {
                reason = "is out of range for a price or quantity";
                return false;
            }

            if (positive && parsed == 0m)
            {
                reason = "must be greater than 0";
                return false;
            }

            if (min is { } lowest && parsed < lowest)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"must be at least {lowest}");
                return false;
            }

            if (max is { } highest && parsed > highest)
            {
                reason = string.Create(CultureInfo.InvariantCulture, $"must be at most {highest}");
                return false;
            }

            value = parsed;
            reason = string.Empty;
            return true;
        }

        protected override string Format(decimal? value) => value?.ToString(CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private sealed class Int32Cell(ReadContext c, bool required, int min) : Cell<int>(c, required)
    {
        protected override bool TryParse(string text, out int value, out string reason)
        {
            value = 0;
            if (!text.All(char.IsAsciiDigit) || text.StartsWith('-'))
            {
                reason = text.StartsWith('-') ? "must not be negative" : "is not a whole number (e.g. 8)";
                return false;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                reason = "is too large";
                return false;
            }

            reason = string.Create(CultureInfo.InvariantCulture, $"must be at least {min}");
            return value >= min;
        }

        protected override string Format(int value) => value.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class Int64Cell(ReadContext c, long min) : Cell<long>(c, required: true)
    {
        protected override bool TryParse(string text, out long value, out string reason)
        {
            value = 0;
            if (!text.All(char.IsAsciiDigit))
            {
                reason = text.StartsWith('-') ? "must not be negative" : "is not a whole number (e.g. 200000)";
                return false;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value))
            {
                reason = "is too large";
                return false;
            }

            reason = string.Create(CultureInfo.InvariantCulture, $"must be at least {min}");
            return value >= min;
        }

        protected override string Format(long value) => value.ToString(CultureInfo.InvariantCulture);
    }

    private sealed class DateCell(ReadContext c, bool required) : Cell<DateOnly?>(c, required)
    {
        protected override bool TryParse(string text, out DateOnly? value, out string reason)
        {
            reason = "is not a date; expected yyyy-MM-dd (e.g. 2025-06-10)";
            value = null;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                value = date;
                return true;
            }

            return false;
        }

        protected override string Format(DateOnly? value) =>
            value?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;
    }

    private sealed class MonthCell(ReadContext c) : Cell<DateOnly>(c, required: true)
    {
        protected override bool TryParse(string text, out DateOnly value, out string reason)
        {
            reason = "is not a month; expected yyyy-MM (e.g. 2026-03)";
            return DateOnly.TryParseExact(text + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
                && text.Length == 7;
        }

        protected override string Format(DateOnly value) => value.ToString("yyyy-MM", CultureInfo.InvariantCulture);
    }

    private sealed class UrlCell(ReadContext c, bool required) : Cell<Uri>(c, required)
    {
        protected override bool TryParse(string text, out Uri? value, out string reason)
        {
            reason = "is not an absolute http(s) URL";
            return Uri.TryCreate(text, UriKind.Absolute, out value)
                && (value.Scheme == Uri.UriSchemeHttps || value.Scheme == Uri.UriSchemeHttp);
        }

        protected override string Format(Uri value) => value.OriginalString;
    }

    private sealed class CurrencyCell(ReadContext c, bool required) : Cell<string>(c, required)
    {
        protected override bool TryParse(string text, out string? value, out string reason)
        {
            value = text;
            reason = $"is not a known currency; expected an ISO 4217 code in capitals: {string.Join(", ", Words.Currencies)}";
            return Words.Currencies.Contains(text);
        }

        protected override string Format(string value) => value;
    }

    private sealed class WordCell<T>(ReadContext c, IReadOnlyDictionary<string, T> words, string what, bool required) : Cell<T>(c, required)
        where T : struct, Enum
    {
        protected override bool TryParse(string text, out T value, out string reason)
        {
            reason = $"is not a known {what}; expected one of: {string.Join(", ", words.Keys)}";
            return words.TryGetValue(text, out value);
        }

        protected override string Format(T value) => Words.ToWord(words, value);
    }
}
