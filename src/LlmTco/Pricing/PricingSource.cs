using System.Text;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>
/// Where pricing tables are read from: the defaults embedded in the package, a folder of CSV files, or CSV text in
/// memory. Pass several to <see cref="PricingCatalog.Load(PricingSource[])"/> to overlay a user's rows on the defaults.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public abstract class PricingSource
{
    private protected PricingSource()
    {
    }

    /// <summary>Gets the tables bundled in the package (the files of <c>pricing-data/</c> at build time).</summary>
    public static PricingSource Embedded { get; } = new EmbeddedSource();

    /// <summary>Gets a short description of the source for messages, e.g. the folder path.</summary>
    public abstract string Description { get; }

    /// <summary>Creates a source that reads the table files (e.g. <c>api_prices.csv</c>) in a folder.</summary>
    /// <param name="path">The folder; relative paths are resolved against the current directory.</param>
    /// <returns>The source. The folder is read when a catalog is loaded, not now.</returns>
    /// <exception cref="ArgumentException"><paramref name="path"/> is null or empty.</exception>
    public static PricingSource Folder(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return new FolderSource(path);
    }

    /// <summary>Creates a source from CSV text held in memory, keyed by table file name (e.g. <c>gpus.csv</c>).</summary>
    /// <param name="csvByFileName">The CSV text of each table, keyed by its file name.</param>
    /// <param name="description">A name for messages.</param>
    /// <returns>The source.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="csvByFileName"/> is <see langword="null"/>.</exception>
    public static PricingSource InMemory(IReadOnlyDictionary<string, string> csvByFileName, string description = "in-memory tables")
    {
        ArgumentNullException.ThrowIfNull(csvByFileName);
        return new InMemorySource(new Dictionary<string, string>(csvByFileName, StringComparer.Ordinal), description);
    }

    /// <summary>Opens a table, or returns <see langword="null"/> when this source does not have it.</summary>
    internal abstract TextReader? Open(string fileName);

    /// <summary>The name diagnostics give a table of this source: its path for a folder, its file name otherwise.</summary>
    internal virtual string DisplayName(string fileName) => fileName;

    /// <summary>Lists the CSV file names the source holds, to warn about files no table reads.</summary>
    internal abstract IEnumerable<string> ListCsvFiles();

    /// <summary>
    /// Decodes the whole stream as UTF-8 (a BOM is accepted), failing on invalid bytes instead of replacing them
    /// silently; the failure names the line of the first invalid byte.
    /// </summary>
    private protected static TextReader StrictReader(Stream stream)
    {
        using (stream)
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return StrictReader(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        }
    }

    /// <summary>As <see cref="StrictReader(Stream)"/>, over bytes read already.</summary>
    private protected static TextReader StrictReader(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        if (bytes.StartsWith(Encoding.Unicode.Preamble) || bytes.StartsWith(Encoding.BigEndianUnicode.Preamble) || (bytes.Length >= 2 && (bytes[0] == 0 || bytes[1] == 0)))
        {
            throw new UnreadableTableException(1, "the file looks UTF-16-encoded (a UTF-16 byte-order mark or zero bytes); save it as UTF-8 (with or without a byte-order mark)");
        }

        if (bytes[start..].StartsWith(Encoding.UTF8.Preamble))
        {
            throw new UnreadableTableException(1, "the file starts with two UTF-8 byte-order marks; remove the second (save it as UTF-8 once)");
        }

        try
        {
            return new StringReader(new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes[start..]));
        }
        catch (DecoderFallbackException ex)
        {
            var line = 1 + bytes[start..(start + Math.Max(0, ex.Index))].Count((byte)'\n');
            throw new UnreadableTableException(line, UnreadableTableException.NotUtf8, ex);
        }
    }

    private sealed class EmbeddedSource : PricingSource
    {
        private const string Prefix = "LlmTco.PricingData.";

        public override string Description => "embedded defaults";

        internal override TextReader? Open(string fileName)
        {
            var stream = typeof(PricingSource).Assembly.GetManifestResourceStream(Prefix + fileName);
            return stream is null ? null : StrictReader(stream);
        }

        internal override IEnumerable<string> ListCsvFiles() =>
            typeof(PricingSource).Assembly.GetManifestResourceNames()
                .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal))
                .Select(n => n[Prefix.Length..]);
    }

    private sealed class FolderSource(string path) : PricingSource
    {
        public override string Description => path;

        internal override string DisplayName(string fileName) => Path.Combine(path, fileName);

        internal override TextReader? Open(string fileName)
        {
            var file = DisplayName(fileName);
            if (!File.Exists(file))
            {
                return null;
            }

            try
            {
                return StrictReader(InputFile.ReadAllBytes(file));
            }
            catch (IOException ex)
            {
                throw new UnreadableTableException(0, ex.Message);
            }
        }

        internal override IEnumerable<string> ListCsvFiles() =>
            Directory.Exists(path)
                ? Directory.EnumerateFiles(path, "*.csv").Select(Path.GetFileName).OfType<string>()
                : [];
    }

    private sealed class InMemorySource(Dictionary<string, string> tables, string description) : PricingSource
    {
        public override string Description => description;

        internal override TextReader? Open(string fileName) =>
            tables.TryGetValue(fileName, out var text) ? new StringReader(text) : null;

        internal override IEnumerable<string> ListCsvFiles() => tables.Keys;
    }
}
