using System.Globalization;

namespace LlmTco.Pricing;

/// <summary>
/// One problem found in a pricing table: where it is (file, line, column), what the cell held and what was expected.
/// </summary>
/// <remarks>
/// <see cref="ToString"/> renders the compiler-style form <c>file:line:column: severity: message</c>, which editors
/// and CI logs turn into links. Line 1 is the header row; line and column are 0 when the problem concerns the whole file.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
/// <param name="File">The file name (for embedded defaults, the bundled table's file name).</param>
/// <param name="Line">The 1-based line number in the file where the record starts; 0 for a file-level problem.</param>
/// <param name="Column">The 1-based column number; 0 when the problem is not about one cell.</param>
/// <param name="ColumnName">The header name of the column, or <see langword="null"/> when not about one column.</param>
/// <param name="Value">The cell's text as written, or <see langword="null"/> when not about one cell.</param>
/// <param name="Message">What is wrong and what was expected.</param>
/// <param name="Severity">Whether the problem stops the table from loading.</param>
public sealed record PricingDiagnostic(
    string File,
    int Line,
    int Column,
    string? ColumnName,
    string? Value,
    string Message,
    DiagnosticSeverity Severity)
{
    /// <summary>Formats the diagnostic as <c>file:line:column: error: message</c>.</summary>
    /// <returns>The formatted diagnostic, culture-invariant.</returns>
    public override string ToString()
    {
        var severity = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        return string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {severity}: {Message}");
    }
}
