namespace LlmTco.Pricing.Csv;

/// <summary>A table file is not valid UTF-8; <see cref="Line"/> is the line of the first invalid byte.</summary>
internal sealed class InvalidTableEncodingException(int line, Exception inner)
    : Exception("The file is not valid UTF-8.", inner)
{
    public int Line { get; } = line;
}
