namespace LlmTco.Usage;

/// <summary>
/// A usage export could not be read: every problem found, each with its file and line (CSV) or JSON path. Nothing of
/// the export is used when this is thrown.
/// </summary>
public sealed class UsageImportException : Exception
{
    /// <summary>Initializes a new instance with no problems listed.</summary>
    public UsageImportException()
        : this("The usage export could not be read.")
    {
    }

    /// <summary>Initializes a new instance with one problem.</summary>
    /// <param name="message">The problem, with its file and line or JSON path.</param>
    public UsageImportException(string message)
        : base(message)
    {
        Problems = [message];
    }

    /// <summary>Initializes a new instance with one problem and its cause.</summary>
    /// <param name="message">The problem, with its file and line or JSON path.</param>
    /// <param name="innerException">The cause.</param>
    public UsageImportException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    /// <summary>Initializes a new instance listing every problem found.</summary>
    /// <param name="problems">The problems, each with its file and line or JSON path.</param>
    public UsageImportException(IReadOnlyList<string> problems)
        : base(Summarize(problems))
    {
        Problems = problems;
    }

    /// <summary>Gets every problem found, each with its file and line or JSON path.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Summarize(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int Shown = 50;
        var text = string.Join(Environment.NewLine, problems.Take(Shown));
        return problems.Count > Shown ? $"{text}{Environment.NewLine}... and {problems.Count - Shown} more problems." : text;
    }
}
