using System.Globalization;

namespace LlmTco;

/// <summary>
/// Reads an input file (a scenario, a pricing table) whole, but never more than a limit: a device such as
/// <c>/dev/zero</c> or a file of gigabytes is an error naming it, instead of reading until memory runs out.
/// </summary>
internal static class InputFile
{
    /// <summary>The largest input file read whole: 256 MiB, far above any scenario or pricing table (100,000 price rows are about 20 MB).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads the file's bytes.</summary>
    /// <exception cref="IOException">The file is larger than <paramref name="maxBytes"/> (or cannot be read).</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes = MaxBytes)
    {
        using var stream = File.OpenRead(path);
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            // A device reports no length, so the limit is also kept while reading.
            if (buffer.Length + read > maxBytes)
            {
                throw TooLarge(path, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Reads the file as text (UTF-8 unless a byte-order mark says otherwise).</summary>
    /// <exception cref="IOException">The file is larger than <paramref name="maxBytes"/> (or cannot be read).</exception>
    public static string ReadAllText(string path, long maxBytes = MaxBytes)
    {
        using var reader = new StreamReader(new MemoryStream(ReadAllBytes(path, maxBytes)), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static IOException TooLarge(string path, long maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture, $"'{path}' is larger than {maxBytes / (1024 * 1024):N0} MiB, the limit for an input file; is it the right file (not a device or a stream)?"));
}
