namespace LlmTco.Pricing.Csv;

/// <summary>A loaded row of any table with where it was read, so that checks after loading can point at its cells.</summary>
internal interface ILocatedRow
{
    /// <summary>Gets the row record.</summary>
    object Value { get; }

    /// <summary>Gets the file (or embedded table name) the row was read from.</summary>
    string File { get; }

    /// <summary>Gets the 1-based line on which the row starts.</summary>
    int Line { get; }

    /// <summary>Makes a warning about one cell of the row.</summary>
    PricingDiagnostic Warning(string columnName, string? value, string message);
}
