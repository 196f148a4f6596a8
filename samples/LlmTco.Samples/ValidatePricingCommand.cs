using System.Globalization;
using System.Text.Json;
using LlmTco.Pricing;

namespace LlmTco.Samples;

/// <summary>
/// <c>validate-pricing &lt;folder&gt; [--overlay] [--json] [--max-age-days N] [--as-of yyyy-MM-dd]</c>: what a person
/// editing the CSVs runs before committing. Errors fail the check; warnings (suspicious values, stale rows) do not.
/// </summary>
internal static class ValidatePricingCommand
{
    private const string UsageLine = "usage: validate-pricing <folder> [--overlay] [--json] [--max-age-days N] [--as-of yyyy-MM-dd]";
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
    private static readonly HashSet<string> Flags = ["--overlay", "--json"];
    private static readonly HashSet<string> Valued = ["--max-age-days", "--as-of"];

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Arguments.Parse(args, Flags, Valued, out var error);
        if (error is null && parsed.Positionals.Count != 1)
        {
            error = "validate-pricing takes one folder";
        }

        var maxAgeDays = PricingCatalog.DefaultMaxAgeDays;
        if (error is null && parsed.Value("--max-age-days") is { } ageText
            && (!int.TryParse(ageText, NumberStyles.None, CultureInfo.InvariantCulture, out maxAgeDays)))
        {
            error = $"--max-age-days must be a whole number of days, 0 or more; got '{ageText}'";
        }

        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        if (error is null && parsed.Value("--as-of") is { } dateText
            && !DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out asOf))
        {
            error = $"--as-of must be a date written yyyy-MM-dd; got '{dateText}'";
        }

        if (error is not null)
        {
            stderr.WriteLine(error.StartsWith("unknown option", StringComparison.Ordinal) ? $"error: {error} for validate-pricing." : $"error: {error}.");
            stderr.WriteLine(UsageLine);
            return SampleApp.UsageError;
        }

        var folder = parsed.Positionals[0];
        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"error: folder '{folder}' does not exist.");
            return SampleApp.Failure;
        }

        var overlay = parsed.Has("--overlay");
        var report = overlay
            ? PricingCatalog.Validate(PricingSource.Embedded, PricingSource.Folder(folder))
            : PricingCatalog.Validate(PricingSource.Folder(folder));
        var stale = report.Catalog?.FindStaleRows(asOf, maxAgeDays) ?? [];
        var diagnostics = report.Diagnostics.Concat(stale)
            .OrderBy(d => d.File, StringComparer.Ordinal)
            .ThenBy(d => d.Line)
            .ThenBy(d => d.Column)
            .ToList();
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);

        if (parsed.Has("--json"))
        {
            var json = new
            {
                valid = report.IsValid,
                folder,
                overlay,
                asOf = asOf.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                maxAgeDays,
                tables = report.Tables.Select(t => new
                {
                    file = t.FileName,
                    rows = t.RowCount,
                    overridden = t.OverriddenRowCount,
                    oldestCheckedOn = t.OldestCheckedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    newestCheckedOn = t.NewestCheckedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }),
                diagnostics = diagnostics.Select(d => new
                {
                    severity = d.Severity == DiagnosticSeverity.Error ? "error" : "warning",
                    file = d.File,
                    line = d.Line,
                    column = d.Column,
                    columnName = d.ColumnName,
                    value = d.Value,
                    message = d.Message,
                }),
            };
            stdout.WriteLine(JsonSerializer.Serialize(json, JsonOptions));
            return report.IsValid ? SampleApp.Success : SampleApp.Failure;
        }

        foreach (var diagnostic in diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        if (!report.IsValid)
        {
            stdout.WriteLine($"{report.Errors.Count()} error(s), {warnings} warning(s): the tables in '{folder}' are not valid.");
            return SampleApp.Failure;
        }

        foreach (var table in report.Tables)
        {
            stdout.WriteLine(table.ToString());
        }

        var staleNote = stale.Count > 0
            ? string.Create(CultureInfo.InvariantCulture, $" ({stale.Count} row(s) checked more than {maxAgeDays} days before {asOf:yyyy-MM-dd})")
            : string.Empty;
        stdout.WriteLine($"OK: {report.Tables.Count} tables valid{(warnings > 0 ? $", {warnings} warning(s){staleNote}" : string.Empty)}.");
        return SampleApp.Success;
    }
}
