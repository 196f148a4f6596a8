namespace LlmTco.Pricing.Csv;

/// <summary>Where the reader is (file, record's first line, header) and where problems are collected.</summary>
internal sealed class ReadContext(string fileName, List<PricingDiagnostic> diagnostics)
{
    public string FileName { get; } = fileName;

    public List<PricingDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Gets or sets the 1-based line on which the current record starts.</summary>
    public int Line { get; set; }

    public IReadOnlyList<string> Header { get; set; } = [];

    public int ErrorCount => Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);

    public int ColumnOf(string columnName)
    {
        for (var i = 0; i < Header.Count; i++)
        {
            if (string.Equals(Header[i], columnName, StringComparison.Ordinal))
            {
                return i + 1;
            }
        }

        return 0;
    }

    public void CellError(string columnName, string? value, string message) =>
        Diagnostics.Add(new PricingDiagnostic(FileName, Line, ColumnOf(columnName), columnName, value, message, DiagnosticSeverity.Error));

    public void RowError(int column, string message) =>
        Diagnostics.Add(new PricingDiagnostic(FileName, Line, column, null, null, message, DiagnosticSeverity.Error));

    public void FileError(int line, string message) =>
        Diagnostics.Add(new PricingDiagnostic(FileName, line, 0, null, null, message, DiagnosticSeverity.Error));
}
