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
    private const string Synopsis = "validate-pricing <folder> [--overlay] [--json] [--max-age-days N] [--as-of yyyy-MM-dd]";
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var folder = CommandOptions.One("folder", "The folder of pricing CSVs.");
        var overlay = CommandOptions.Flag("--overlay", "Check the folder on top of the bundled tables (any subset of files).");
        var json = CommandOptions.Flag("--json", "Print the report as JSON.");
        var maxAgeDays = CommandOptions.WholeNumber(
            "--max-age-days",
            "N",
            $"Warn about rows checked more than N days ago (default: {PricingCatalog.DefaultMaxAgeDays}).",
            0,
            int.MaxValue,
            text => $"--max-age-days must be a whole number of days, 0 or more; got '{text}'");
        var asOf = CommandOptions.Date("--as-of", "The day ages are measured from (default: today, UTC).");
        var command = new AppCommand("validate-pricing", "Check a folder of pricing CSVs; every problem as file:line:column.", Synopsis, _ => "validate-pricing takes one folder")
        {
            folder, overlay, json, maxAgeDays, asOf,
        };
        command.SetAction(r => Run(
            r.GetValue(folder)!,
            r.GetValue(overlay),
            r.GetValue(json),
            r.GetValue(maxAgeDays) ?? PricingCatalog.DefaultMaxAgeDays,
            r.GetValue(asOf) ?? DateOnly.FromDateTime(DateTime.UtcNow),
            stdout,
            stderr));
        return command;
    }

    private static int Run(string folder, bool overlay, bool asJson, int maxAgeDays, DateOnly asOf, TextWriter stdout, TextWriter stderr)
    {
        if (CommandLineChecks.CheckInputFolder(folder) is { } error)
        {
            stderr.WriteLine($"error: {error}.");
            return SampleApp.Failure;
        }

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

        if (asJson)
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
