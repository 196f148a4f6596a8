namespace LlmTco.Pricing.Import;

/// <summary>The file given to an importer is not valid JSON, or not in the importer's format.</summary>
public sealed class PriceImportException : Exception
{
    /// <summary>Initializes a new instance with no message.</summary>
    public PriceImportException()
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong with the file and what was expected.</param>
    public PriceImportException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="message">What is wrong with the file and what was expected.</param>
    /// <param name="innerException">The error that revealed it, e.g. a <see cref="System.Text.Json.JsonException"/>.</param>
    public PriceImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
