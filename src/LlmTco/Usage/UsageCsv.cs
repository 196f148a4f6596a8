using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using LlmTco.Pricing;

namespace LlmTco.Usage;

/// <summary>
/// Reads a per-request usage CSV (gateway logs and anything else): one request a row, columns as in
/// <c>docs/usage-exports.md</c>. The file is streamed: memory does not grow with its length.
/// </summary>
/// <remarks>
/// Columns (header row required, any order, names case-sensitive): <c>timestamp</c> (ISO 8601, UTC unless an offset is
/// given), <c>provider</c>, <c>model</c>, <c>input_tokens</c> (all input, cache reads and writes included),
/// <c>cached_input_tokens</c>, <c>cache_write_tokens</c>, <c>output_tokens</c>, <c>batch</c> (<c>true</c>/<c>false</c>,
/// blank = false), <c>service_tier</c> (<c>standard</c>, <c>flex</c>, <c>priority</c>; blank = standard), and optionally
/// <c>project</c>, <c>cost</c> (the provider's own cost of the request, in the price row's currency) and
/// <c>cache_write_1h_tokens</c> (the part of <c>cache_write_tokens</c> written with a 1-hour cache lifetime; blank = 0).
/// <para>While the rows are enumerated, the text is cut into chunks at line ends and each chunk is split into cells by
/// a CsvHelper parser of its own and converted and checked on one of up to 4 worker threads (one per core), while the
/// enumerating thread takes the entries (and prices them, in <see cref="UsageAnalyzer.AddRange"/>), so a large file uses
/// every core. The entries and problems still come in file order, with their file lines; a file with a quote
/// character (other than in a header of well-formed quoted cells) or a lone carriage return is read by one parser from
/// the first chunk that has one on. Ending the
/// enumeration early stops the workers before the reader is released.</para>
/// <threadsafety>Stateless; safe to use from many threads at once. The reader passed in must not be used by anything
/// else until the enumeration ends.</threadsafety>
/// </remarks>
public static class UsageCsv
{
    /// <summary>The format's name on the sample app's command line.</summary>
    public const string FormatName = "csv";

    /// <summary>The required header, in the documented order.</summary>
    public const string Header = "timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier";

    private const int MaxProblems = 1000;

    private static readonly string[] Required = Header.Split(',');

    /// <summary>10^0 to 10^15, each exact in a <see cref="double"/>.</summary>
    private static readonly double[] PowersOfTen = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15];

    /// <summary>Reads the rows one by one as they are enumerated. Rows with problems are not returned; when the
    /// enumeration ends, every problem is thrown together, so a consumer never finishes on a half-read file.</summary>
    /// <param name="csv">The CSV text.</param>
    /// <param name="fileName">The file's name, for error messages.</param>
    /// <returns>The requests, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="UsageImportException">When enumerated: a column is missing, or cells are malformed, negative or
    /// inconsistent; every problem with its file, line and column name.</exception>
    public static IEnumerable<UsageEntry> Read(TextReader csv, string fileName)
    {
        ArgumentNullException.ThrowIfNull(csv);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadRows(csv, fileName);
    }

    private static IEnumerable<UsageEntry> ReadRows(TextReader csv, string fileName)
    {
        // A buffer of 16 K characters (32 KB) keeps each chunk's parser off the large-object heap.
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false, BufferSize = 1 << 14 };

        // CsvHelper splits chunks of the file into cells on worker threads, one parser a chunk, which also convert and
        // check them; this thread takes the entries (and the caller prices them) in file order.
        using var rows = new ParallelCsvRows<UsageEntry>(csv, configuration);
        if (rows.ReadHeader() is not { } headerCells)
        {
            throw new UsageImportException($"{fileName}:1: the file is empty; the header must be: {Header}");
        }

        var header = headerCells.Select(h => h.Trim()).ToArray();
        var missing = Required.Where(c => Array.IndexOf(header, c) < 0).ToList();
        if (missing.Count > 0)
        {
            throw new UsageImportException($"{fileName}:1: missing column(s) {string.Join(", ", missing)}; the header must be: {Header} (optional: project, cost, cache_write_1h_tokens)");
        }

        var at = Array.ConvertAll(Required, c => Array.IndexOf(header, c));
        var project = Array.IndexOf(header, "project");
        var cost = Array.IndexOf(header, "cost");
        var oneHour = Array.IndexOf(header, "cache_write_1h_tokens");
        rows.Start(() => new RowConverter(fileName, header.Length, at, project, cost, oneHour));
        var problems = new List<string>();
        var stopped = false;
        while (!stopped && rows.Next() is { } batch)
        {
            var next = 0;
            foreach (var row in batch.Problems)
            {
                for (; next < row.ValuesBefore; next++)
                {
                    yield return batch.Values[next];
                }

                problems.AddRange(row.Messages);
                if (problems.Count >= MaxProblems)
                {
                    problems.Add($"{fileName}: stopped after {MaxProblems} problems.");
                    stopped = true;
                    break;
                }
            }

            for (; !stopped && next < batch.Count; next++)
            {
                yield return batch.Values[next];
            }
        }

        if (problems.Count > 0)
        {
            throw new UsageImportException(problems);
        }
    }

    private static void Add(List<string> problems, string file, long line, string? column, string message) =>
        problems.Add(column is null
            ? string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {message}.")
            : string.Create(CultureInfo.InvariantCulture, $"{file}:{line}: {column}: {message}."));

    private static DateTimeOffset Time(string cell, List<string> problems, string file, long line)
    {
        if (TryParseUtcSeconds(cell, out var fast))
        {
            return fast;
        }

        if (DateTimeOffset.TryParse(cell, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time) && cell.Length >= 10)
        {
            return time;
        }

        Add(problems, file, line, "timestamp", $"'{cell}' is not an ISO 8601 time, e.g. 2026-08-01T12:00:00Z");
        return default;
    }

    /// <summary>The common form <c>yyyy-MM-ddTHH:mm:ssZ</c> read digit by digit, as a fast path; anything else goes
    /// through <see cref="DateTimeOffset.TryParse(string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>.</summary>
    private static bool TryParseUtcSeconds(string cell, out DateTimeOffset time)
    {
        time = default;
        if (cell.Length != 20 || cell[4] != '-' || cell[7] != '-' || cell[10] != 'T' || cell[13] != ':' || cell[16] != ':' || cell[19] != 'Z')
        {
            return false;
        }

        var year = Digits(cell, 0, 4);
        var month = Digits(cell, 5, 2);
        var day = Digits(cell, 8, 2);
        var hour = Digits(cell, 11, 2);
        var minute = Digits(cell, 14, 2);
        var second = Digits(cell, 17, 2);
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour is < 0 or > 23 || minute is < 0 or > 59 || second is < 0 or > 59)
        {
            return false;
        }

        time = new DateTimeOffset(year, month, day, hour, minute, second, TimeSpan.Zero);
        return true;
    }

    private static int Digits(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++)
        {
            var d = text[i] - '0';
            if (d is < 0 or > 9)
            {
                return -1_000_000;
            }

            value = (value * 10) + d;
        }

        return value;
    }

    private static string Name(string cell, Dictionary<string, string> names, List<string> problems, string file, long line, string column)
    {
        if (cell.Length == 0)
        {
            Add(problems, file, line, column, "is empty");
            return string.Empty;
        }

        // One string per distinct name, so that the entries of a long file share them.
        if (!names.TryGetValue(cell, out var name))
        {
            name = cell;
            names[cell] = cell;
        }

        return name;
    }

    private static long Tokens(string cell, List<string> problems, string file, long line, string column)
    {
        if (cell.Length == 0)
        {
            return 0;
        }

        if (TryParseDigits(cell, out var digits))
        {
            return digits;
        }

        if (long.TryParse(cell, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var count))
        {
            if (count >= 0)
            {
                return count;
            }

            Add(problems, file, line, column, $"must not be negative; got {cell}");
            return 0;
        }

        Add(problems, file, line, column, $"'{cell}' is not a whole number of tokens");
        return 0;
    }

    /// <summary>Up to 18 ASCII digits and nothing else (no sign, no space), read digit by digit as a fast path: the
    /// value <see cref="long.TryParse(string, NumberStyles, IFormatProvider, out long)"/> gives them; anything else
    /// goes through it.</summary>
    private static bool TryParseDigits(string cell, out long value)
    {
        value = 0;
        if (cell.Length > 18)
        {
            return false;
        }

        foreach (var c in cell)
        {
            var d = c - '0';
            if (d is < 0 or > 9)
            {
                return false;
            }

            value = (value * 10) + d;
        }

        return true;
    }

    /// <summary>
    /// Digits with at most one '.' among them (no sign, exponent or space), at most 15 digits in all, read as a fast
    /// path: the digits make an integer below 2^53 and the power of ten dividing it is at most 10^15, both exact in a
    /// <see cref="double"/>, so the one division is correctly rounded — the value
    /// <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/> gives (Clinger's fast path).
    /// Anything else goes through it.
    /// </summary>
    private static bool TryParseShortDecimal(string cell, out double value)
    {
        value = 0;
        if (cell.Length is 0 or > 16)
        {
            return false;
        }

        long digits = 0;
        var count = 0;
        var point = -1;
        for (var i = 0; i < cell.Length; i++)
        {
            var c = cell[i];
            if (c == '.' && point < 0)
            {
                point = i;
                continue;
            }

            var d = c - '0';
            if (d is < 0 or > 9 || ++count > 15)
            {
                return false;
            }

            digits = (digits * 10) + d;
        }

        if (count == 0)
        {
            return false;
        }

        value = point < 0 ? digits : digits / PowersOfTen[cell.Length - 1 - point];
        return true;
    }

    private static bool Batch(string cell, List<string> problems, string file, long line)
    {
        switch (cell)
        {
            case "" or "false" or "False" or "FALSE" or "0":
                return false;
            case "true" or "True" or "TRUE" or "1":
                return true;
            default:
                Add(problems, file, line, "batch", $"'{cell}' must be true, false, 1, 0 or blank");
                return false;
        }
    }

    private static ServiceTier Tier(string cell, List<string> problems, string file, long line)
    {
        // The common spellings as they are, without a lower-cased copy.
        switch (cell is "" or "standard" or "flex" or "priority" ? cell : cell.ToLowerInvariant())
        {
            case "" or "standard" or "default":
                return ServiceTier.Standard;
            case "flex":
                return ServiceTier.Flex;
            case "priority":
                return ServiceTier.Priority;
            default:
                Add(problems, file, line, "service_tier", $"'{cell}' must be standard, flex, priority or blank");
                return ServiceTier.Standard;
        }
    }

    private static double? Cost(string cell, List<string> problems, string file, long line)
    {
        if (cell.Length == 0)
        {
            return null;
        }

        if (TryParseShortDecimal(cell, out var value)
            || (double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value) && value >= 0))
        {
            return value;
        }

        Add(problems, file, line, "cost", $"'{cell}' must be a number of 0 or more, with a '.' decimal point");
        return null;
    }

    /// <summary>Converts and checks the rows of one worker thread of <see cref="ParallelCsvRows{T}"/>.</summary>
    private sealed class RowConverter(string fileName, int width, int[] at, int project, int cost, int oneHour) : ParallelCsvRows<UsageEntry>.IRowConverter
    {
        /// <summary>One string per distinct name, so that the entries of a long file share them.</summary>
        private readonly Dictionary<string, string> names = new(StringComparer.Ordinal);

        public UsageEntry Convert(CsvParser parser, long line, List<string> problems)
        {
            var count = parser.Count;
            if (count != width)
            {
                Add(problems, fileName, line, null, string.Create(CultureInfo.InvariantCulture, $"has {count} cells; the header has {width}"));
                return default;
            }

            var time = Time(parser[at[0]], problems, fileName, line);
            var provider = Name(parser[at[1]], names, problems, fileName, line, "provider");
            var model = Name(parser[at[2]], names, problems, fileName, line, "model");
            var input = Tokens(parser[at[3]], problems, fileName, line, "input_tokens");
            var cached = Tokens(parser[at[4]], problems, fileName, line, "cached_input_tokens");
            var written = Tokens(parser[at[5]], problems, fileName, line, "cache_write_tokens");
            var output = Tokens(parser[at[6]], problems, fileName, line, "output_tokens");
            var batchApi = Batch(parser[at[7]], problems, fileName, line);
            var tier = Tier(parser[at[8]], problems, fileName, line);
            var projectCell = project >= 0 ? parser[project] : string.Empty;
            var projectName = projectCell.Length > 0 ? Name(projectCell, names, problems, fileName, line, "project") : null;
            double? reported = cost >= 0 ? Cost(parser[cost], problems, fileName, line) : null;
            var writtenOneHour = oneHour >= 0 ? Tokens(parser[oneHour], problems, fileName, line, "cache_write_1h_tokens") : 0;
            if (problems.Count == 0 && cached + written > input)
            {
                Add(problems, fileName, line, "cached_input_tokens", string.Create(CultureInfo.InvariantCulture, $"cached ({cached}) plus cache-write ({written}) tokens exceed input_tokens ({input}), which include them"));
            }

            if (problems.Count == 0 && writtenOneHour > written)
            {
                Add(problems, fileName, line, "cache_write_1h_tokens", string.Create(CultureInfo.InvariantCulture, $"1-hour cache writes ({writtenOneHour}) exceed cache_write_tokens ({written}), which include them"));
            }

            return new UsageEntry(time, TimeSpan.Zero, provider, model, projectName, 1, input, cached, written, output, batchApi, tier, input, reported, writtenOneHour);
        }
    }
}
