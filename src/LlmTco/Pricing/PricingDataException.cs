namespace LlmTco.Pricing;

/// <summary>
/// Thrown when pricing tables contain errors. Nothing is loaded: a catalog is never built from a partly valid table.
/// </summary>
/// <remarks>The message lists every error, one per line, as <c>file:line:column: error: message</c>.</remarks>
public sealed class PricingDataException : Exception
{
    /// <summary>Initializes a new instance with the problems found.</summary>
    /// <param name="diagnostics">Every problem found; at least one is an error.</param>
    /// <exception cref="ArgumentNullException"><paramref name="diagnostics"/> is <see langword="null"/>.</exception>
    public PricingDataException(IReadOnlyList<PricingDiagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Initializes a new instance with a message and no diagnostics.</summary>
    public PricingDataException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance with a message and no diagnostics.</summary>
    /// <param name="message">What went wrong.</param>
    public PricingDataException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    /// <summary>Initializes a new instance with a message and an inner exception.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public PricingDataException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    /// <summary>Gets every problem found, errors and warnings, in file and line order.</summary>
    public IReadOnlyList<PricingDiagnostic> Diagnostics { get; }

    private static string FormatMessage(IReadOnlyList<PricingDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        return errors.Count == 0
            ? "The pricing tables could not be loaded."
            : $"The pricing tables have {errors.Count} error(s):{Environment.NewLine}"
              + string.Join(Environment.NewLine, errors.Select(e => e.ToString()));
    }
}
