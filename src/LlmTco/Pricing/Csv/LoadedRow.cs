namespace LlmTco.Pricing.Csv;

/// <summary>A parsed row with where it came from, for cross-row checks and overlay precedence.</summary>
internal sealed record LoadedRow<T>(T Row, string File, int Line, IReadOnlyList<string> Header) : ILocatedRow
{
    object ILocatedRow.Value => Row!;

    public PricingDiagnostic Error(string columnName, string? value, string message) =>
        new(File, Line, ColumnOf(columnName), columnName, value, message, DiagnosticSeverity.Error);

    public PricingDiagnostic Warning(string columnName, string? value, string message) =>
        new(File, Line, ColumnOf(columnName), columnName, value, message, DiagnosticSeverity.Warning);

    private int ColumnOf(string columnName)
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
}
