using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// One pricing table: its file name, its class map, the key that identifies a row (for duplicates and for
/// overlaying a user's rows on the defaults), and its reading and writing through CsvHelper.
/// </summary>
internal sealed partial class CsvTable<T>(
    string fileName,
    Func<ReadContext, ClassMap<T>> createMap,
    Func<T, string> key,
    string keyDescription)
    where T : class
{
    /// <summary>A map used only to format cells: its converters never report, so one instance serves every thread.</summary>
    private readonly ClassMap<T> formatMap = createMap(new ReadContext(fileName, []));

    public string FileName { get; } = fileName;

    public string KeyDescription { get; } = keyDescription;

    public IReadOnlyList<string> Columns { get; } =
        createMap(new ReadContext(fileName, [])).MemberMaps.Select(m => m.Data.Names[0]).ToList();

    /// <summary>
    /// Gets the columns added after a table was first published: a header without one reads as if each of its cells
    /// were blank, so that users' edited copies made before the column existed keep loading.
    /// </summary>
    public IReadOnlySet<string> OptionalColumns { get; } =
        createMap(new ReadContext(fileName, [])).MemberMaps.Where(m => m.Data.IsOptional).Select(m => m.Data.Names[0]).ToHashSet(StringComparer.Ordinal);

    /// <summary>Gets the columns that hold numbers (prices, counts), for comparing values numerically.</summary>
    public IReadOnlySet<string> NumericColumns { get; } =
        createMap(new ReadContext(fileName, [])).MemberMaps
            .Where(m => m.Data.Member is System.Reflection.PropertyInfo p
                && (Nullable.GetUnderlyingType(p.PropertyType) ?? p.PropertyType) is var t
                && (t == typeof(decimal) || t == typeof(int) || t == typeof(long)))
            .Select(m => m.Data.Names[0])
            .ToHashSet(StringComparer.Ordinal);

    public string KeyOf(T row) => key(row);

    /// <summary>Formats a row's cells in column order exactly as <see cref="Write"/> writes them, unquoted.</summary>
    public string[] Format(T row) =>
        formatMap.MemberMaps
            .Select(m => m.Data.TypeConverter!.ConvertToString(((System.Reflection.PropertyInfo)m.Data.Member!).GetValue(row), null!, m.Data) ?? string.Empty)
            .ToArray();

    /// <summary>Reads every row, reporting every problem; rows with an error are not returned.</summary>
    public List<LoadedRow<T>> Read(TextReader reader, string displayName, List<PricingDiagnostic> diagnostics)
    {
        var context = new ReadContext(displayName, diagnostics);
        var rows = new List<LoadedRow<T>>();
        // CsvHelper reports a stray quote when it parses the record's fields, which is when the record is read into a
        // row, not when the parser reaches it. The raw row number of the record reported last says which record is
        // broken, and reports each broken record once however many of its cells hold a stray quote.
        var brokenRow = -1;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = false,
            IgnoreBlankLines = true,
            MissingFieldFound = null,
            HeaderValidated = null,
            BadDataFound = args =>
            {
                var rawRow = args.Context.Parser?.RawRow ?? 0;
                if (rawRow != brokenRow)
                {
                    brokenRow = rawRow;
                    context.FileError(
                        rawRow - CountLineBreaks(args.RawRecord),
                        $"malformed CSV: a quote is unbalanced or misplaced in the record starting '{Shorten(args.RawRecord)}'; a cell containing a quote must be wholly quoted and its quotes doubled");
                }
            },
        };

        try
        {
            using var csv = new CsvReader(reader, config);
            csv.Context.RegisterClassMap(createMap(context));
            if (!csv.Read())
            {
                context.FileError(0, $"the file is empty; expected a header row: {string.Join(',', Columns)}");
                return rows;
            }

            csv.ReadHeader();
            var header = csv.HeaderRecord ?? [];
            context.Header = header;
            context.Line = 1;
            if (!CheckHeader(header, context))
            {
                return rows;
            }

            var dataRows = 0;
            while (csv.Read())
            {
                dataRows++;
                var rawRow = csv.Parser.RawRow;
                context.Line = rawRow - CountLineBreaks(csv.Parser.RawRecord);
                if (csv.Parser.Count != header.Length && CountLineBreaks(csv.Parser.RawRecord) > 0)
                {
                    // The unclosed quote swallowed every line break to the end, the last one included.
                    context.FileError(
                        csv.Parser.RawRow - csv.Parser.RawRecord.Count(ch => ch == '\n'),
                        $"malformed CSV: a quote is unbalanced or misplaced in the record starting '{Shorten(csv.Parser.RawRecord)}'; a cell containing a quote must be wholly quoted and its quotes doubled");
                    continue;
                }

                if (csv.Parser.Count != header.Length)
                {
                    ReportFieldCount(csv.Parser.Record ?? [], header.Length, context);
                    continue;
                }

                var errorsBefore = context.ErrorCount;
                var record = csv.GetRecord<T>();
                if (context.ErrorCount == errorsBefore && record is not null && brokenRow != rawRow)
                {
                    rows.Add(new LoadedRow<T>(record, displayName, context.Line, header));
                }
            }

            if (dataRows == 0)
            {
                context.FileError(1, "the file has a header but no rows; delete the file to use the defaults, or add rows");
            }
        }
        catch (DecoderFallbackException)
        {
            context.FileError(context.Line + 1, UnreadableTableException.NotUtf8);
        }
        catch (CsvHelperException ex)
        {
            context.FileError(ex.Context?.Parser?.RawRow ?? context.Line, $"malformed CSV: {ex.Message.Split('\n')[0].Trim()}");
        }

        return rows;
    }

    /// <summary>Writes rows with this table's header, invariantly, so that they read back unchanged.</summary>
    public void Write(TextWriter writer, IEnumerable<T> rows)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" };
        using var csv = new CsvWriter(writer, config, leaveOpen: true);
        csv.Context.RegisterClassMap(createMap(new ReadContext(FileName, [])));
        csv.WriteHeader<T>();
        csv.NextRecord();
        csv.WriteRecords(rows);
    }

    private static int CountLineBreaks(string? rawRecord)
    {
        if (string.IsNullOrEmpty(rawRecord))
        {
            return 0;
        }

        var trimmed = rawRecord.TrimEnd('\r', '\n');
        return trimmed.Count(ch => ch == '\n');
    }

    private static string Shorten(string? text)
    {
        var value = (text ?? string.Empty).Split('\n')[0].TrimEnd('\r');
        return value.Length <= 80 ? value : string.Concat(value.AsSpan(0, 77), "...");
    }

    [GeneratedRegex(@"^-?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex DigitsPattern();

    private static void ReportFieldCount(string[] fields, int expected, ReadContext context)
    {
        if (fields.Length < expected)
        {
            context.RowError(
                fields.Length + 1,
                string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Length} fields but the header has {expected}: the row is truncated or a column is missing"));
            return;
        }

        var message = string.Create(CultureInfo.InvariantCulture, $"the row has {fields.Length} fields but the header has {expected}");
        for (var i = 0; i + 1 < fields.Length; i++)
        {
            if (DigitsPattern().IsMatch(fields[i].Trim()) && fields[i + 1].Trim().All(char.IsAsciiDigit) && fields[i + 1].Trim().Length > 0)
            {
                message += $"; '{fields[i]},{fields[i + 1]}' looks like a number with a decimal comma, which splits the cell in two: write a decimal point ({fields[i]}.{fields[i + 1]})";
                break;
            }
        }

        context.RowError(expected + 1, message + "; quote any text cell that contains a comma");
    }

    private bool CheckHeader(string[] header, ReadContext context)
    {
        // A spreadsheet's other CSV flavours: one error about the separator rather than one per missing column.
        var separator = header.Length >= Columns.Count ? null
            : header.Any(h => h.Contains('\t', StringComparison.Ordinal)) ? "tabs"
            : header.Any(h => h.Contains(';', StringComparison.Ordinal)) ? "semicolons"
            : null;
        if (separator is not null)
        {
            context.RowError(0, $"the header is separated by {separator}, not commas; save the file as comma-separated CSV (UTF-8)");
            return false;
        }

        var ok = true;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = header[i];
            if (!seen.Add(name))
            {
                context.RowError(i + 1, $"column '{name}' appears twice in the header");
                ok = false;
            }
            else if (!Columns.Contains(name, StringComparer.Ordinal))
            {
                var hint = NameSuggester.DidYouMean(name, Columns.Where(c => !header.Contains(c, StringComparer.Ordinal)));
                context.RowError(i + 1, $"unknown column '{name}'{hint}");
                ok = false;
            }
        }

        foreach (var column in Columns.Where(c => !header.Contains(c, StringComparer.Ordinal) && !OptionalColumns.Contains(c)))
        {
            var optional = Columns.Where(OptionalColumns.Contains).ToList();
            context.RowError(0, $"missing column '{column}'; the header must contain: {string.Join(',', Columns.Where(c => !OptionalColumns.Contains(c)))}" + (optional.Count > 0 ? $" (and may contain: {string.Join(',', optional)})" : string.Empty));
            ok = false;
        }

        return ok;
    }
}
