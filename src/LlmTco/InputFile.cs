using System.Globalization;
using System.Runtime.InteropServices;

namespace LlmTco;

/// <summary>
/// Opens and reads input files (scenarios, pricing tables, price imports, usage exports): only a regular file, and one
/// read whole never more than a limit. A FIFO, a device, a socket or a directory is an error naming it before it is
/// opened (opening a FIFO for reading blocks until something writes to it), and a file of gigabytes, or a device that
/// does not say it is one, is an error naming it instead of being read until memory runs out.
/// </summary>
/// <remarks>
/// The kind of file is asked of Linux with statx(2) (symbolic links followed), whose layout is the same on every
/// architecture; .NET's own file information tells a directory from a file but not a FIFO or a device from a regular
/// file. Elsewhere (or where statx is missing) only the size limit while reading applies. A file swapped for a FIFO
/// between the check and the open is not caught.
/// </remarks>
internal static class InputFile
{
    /// <summary>The largest input file read whole: 256 MiB, far above any scenario or pricing table (100,000 price rows are about 20 MB).</summary>
    public const long MaxBytes = 256L * 1024 * 1024;

    /// <summary>Reads the file's bytes.</summary>
    /// <exception cref="IOException">The file is larger than <paramref name="maxBytes"/> (or cannot be read).</exception>
    public static byte[] ReadAllBytes(string path, long maxBytes = MaxBytes)
    {
        using var buffer = ReadWhole(path, maxBytes);
        return buffer.ToArray();
    }

    /// <summary>Reads the file as text (UTF-8 unless a byte-order mark says otherwise).</summary>
    /// <exception cref="IOException">The file is larger than <paramref name="maxBytes"/> (or cannot be read).</exception>
    public static string ReadAllText(string path, long maxBytes = MaxBytes)
    {
        // Decoded from the buffer read, not from a copy of it.
        using var reader = new StreamReader(ReadWhole(path, maxBytes), detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    /// <summary>Reads the whole file into memory, keeping the limit while reading; the stream is at its start.</summary>
    private static MemoryStream ReadWhole(string path, long maxBytes)
    {
        using var stream = OpenRead(path, maxBytes);
        if (stream.CanSeek && stream.Length > maxBytes)
        {
            throw TooLarge(path, maxBytes);
        }

        var buffer = new MemoryStream();
        var chunk = new byte[81_920];
        int read;
        while ((read = stream.Read(chunk)) > 0)
        {
            // A device reports no length, so the limit is also kept while reading.
            if (buffer.Length + read > maxBytes)
            {
                buffer.Dispose();
                throw TooLarge(path, maxBytes);
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }

    /// <summary>Opens a regular file for reading, after refusing anything else and a file larger than <paramref name="maxBytes"/> (no limit when null).</summary>
    /// <exception cref="IOException">The path is not a regular file, or is larger than the limit (or cannot be opened).</exception>
    public static FileStream OpenRead(string path, long? maxBytes = MaxBytes)
    {
        RefuseUnlessRegular(path, maxBytes);
        return File.OpenRead(path);
    }

    /// <summary>
    /// Refuses, without opening it, a path that is a FIFO, a device, a socket or a directory, or a regular file larger than
    /// <paramref name="maxBytes"/> (no limit when null). A path that does not exist is left to the open, which names it.
    /// </summary>
    /// <exception cref="IOException">The path is not a regular file, or is larger than the limit.</exception>
    public static void RefuseUnlessRegular(string path, long? maxBytes = MaxBytes)
    {
        if (Kind(path, out var bytes) is { } kind && kind != RegularFile)
        {
            throw new IOException($"'{path}' is {Describe(kind)}, not a regular file; an input must be a file (save the data to one first)");
        }

        if (maxBytes is { } limit && bytes > limit)
        {
            throw TooLarge(path, limit);
        }
    }

    private const int RegularFile = 0x8000;

    private static string Describe(int kind) => kind switch
    {
        0x1000 => "a FIFO (named pipe)",
        0x2000 => "a character device",
        0x4000 => "a directory",
        0x6000 => "a block device",
        0xA000 => "a symbolic link",
        0xC000 => "a socket",
        _ => string.Create(CultureInfo.InvariantCulture, $"a special file (type 0{kind >> 12:X})"),
    };

    /// <summary>The file type bits (S_IFMT) of <paramref name="path"/> and its size in bytes; null when they cannot be asked for.</summary>
    private static int? Kind(string path, out long bytes)
    {
        bytes = 0;
        if (!OperatingSystem.IsLinux())
        {
            if (Directory.Exists(path))
            {
                return 0x4000;
            }

            bytes = File.Exists(path) ? new FileInfo(path).Length : 0;
            return null;
        }

        // struct statx: stx_mode (u16) at byte 28, stx_size (u64) at byte 40; 256 bytes in all.
        var buffer = new byte[256];
        try
        {
            if (NativeMethods.Statx(AtCurrentDirectory, path, 0, StatxType | StatxSize, buffer) != 0)
            {
                return null;
            }
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }

        bytes = BitConverter.ToInt64(buffer, 40);
        return BitConverter.ToUInt16(buffer, 28) & 0xF000;
    }

    private const int AtCurrentDirectory = -100;
    private const uint StatxType = 0x1;
    private const uint StatxSize = 0x200;

    private static IOException TooLarge(string path, long maxBytes) =>
        new(string.Create(CultureInfo.InvariantCulture, $"'{path}' is larger than {maxBytes / (1024 * 1024):N0} MiB, the limit for an input file; is it the right file (not a device or a stream)?"));

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "statx", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
        [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
        public static extern int Statx(int directory, string path, int flags, uint mask, byte[] buffer);
    }
}
