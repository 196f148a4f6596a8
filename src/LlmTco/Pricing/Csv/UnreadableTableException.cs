namespace LlmTco.Pricing.Csv;

/// <summary>A table file cannot be read as text (not UTF-8, too large, not a regular file); <see cref="Line"/> is the line of the first invalid byte (0 for the whole file), <see cref="Reason"/> what to do.</summary>
internal sealed class UnreadableTableException(int line, string reason, Exception? inner = null)
    : Exception(reason, inner)
{
    /// <summary>The reason for a file that is simply not UTF-8.</summary>
    public const string NotUtf8 = "the file is not valid UTF-8; save it as UTF-8 (with or without a byte-order mark)";

    public int Line { get; } = line;

    public string Reason { get; } = reason;
}
