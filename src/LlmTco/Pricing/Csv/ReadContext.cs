namespace LlmTco.Pricing.Csv;

/// <summary>Where the reader is (file, record's first line, header) and where problems are collected.</summary>
internal sealed class ReadContext(string fileName, List<PricingDiagnostic> diagnostics)
{
    public string FileName { get; } = fileName;

    public List<PricingDiagnostic> Diagnostics { get; } = diagnostics;

    /// <summary>Gets or sets the 1-based line on which the current record starts.</summary>
    public int Line { get; set; }

    public IReadOnlyList<string> Header { get; set; } = [];

    /// <summary>Gets the errors this context has added, counted as they are added: a row asks after every cell, so recounting the list would make loading quadratic in the bad rows.</summary>
    public int ErrorCount { get; private set; }

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
        AddError(new PricingDiagnostic(FileName, Line, ColumnOf(columnName), columnName, value, message, DiagnosticSeverity.Error));

    public void RowError(int column, string message) =>
        AddError(new PricingDiagnostic(FileName, Line, column, null, null, message, DiagnosticSeverity.Error));

    public void FileError(int line, string message) =>
        AddError(new PricingDiagnostic(FileName, line, 0, null, null, message, DiagnosticSeverity.Error));

    private void AddError(PricingDiagnostic error)
    {
        Diagnostics.Add(error);
        ErrorCount++;
    }
}
