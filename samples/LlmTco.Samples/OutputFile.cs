using System.Text;

namespace LlmTco.Samples;

/// <summary>
/// Writes every output file through a temporary file in the same folder, moved over the target only once complete: a
/// failure part-way (a full disk, an exception) leaves the old file as it was and no half-written one.
/// </summary>
internal static class OutputFile
{
    /// <summary>Writes <paramref name="path"/> by <paramref name="writeTemporary"/>, which writes the file whose path it is given (same folder, same extension).</summary>
    public static void Write(string path, Action<string> writeTemporary)
    {
        var full = Path.GetFullPath(path);
        var temporary = Path.Combine(Path.GetDirectoryName(full)!, $".{Guid.NewGuid():N}.{Path.GetFileName(full)}");
        try
        {
            writeTemporary(temporary);
            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>Writes text as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, Action<TextWriter> write) =>
        Write(path, temporary =>
        {
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            using (var writer = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true))
            {
                write(writer);
            }

            stream.Flush(flushToDisk: true);
        });

    /// <summary>Writes text as UTF-8 without a byte-order mark.</summary>
    public static void WriteText(string path, string text) => WriteText(path, writer => writer.Write(text));
}
