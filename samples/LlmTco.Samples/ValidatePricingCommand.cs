using System.Text.Json;
using LlmTco.Pricing;

namespace LlmTco.Samples;

/// <summary><c>validate-pricing &lt;folder&gt; [--overlay] [--json]</c>: what a person editing the CSVs runs before committing.</summary>
internal static class ValidatePricingCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var folder = args.FirstOrDefault(a => !a.StartsWith("--", StringComparison.Ordinal));
        var unknown = args.Where(a => a.StartsWith("--", StringComparison.Ordinal) && a is not "--overlay" and not "--json").ToList();
        if (folder is null || unknown.Count > 0 || args.Count(a => !a.StartsWith("--", StringComparison.Ordinal)) > 1)
        {
            stderr.WriteLine(unknown.Count > 0
                ? $"error: unknown option '{unknown[0]}' for validate-pricing."
                : "error: validate-pricing takes one folder.");
            stderr.WriteLine("usage: validate-pricing <folder> [--overlay] [--json]");
            return SampleApp.UsageError;
        }

        if (!Directory.Exists(folder))
        {
            stderr.WriteLine($"error: folder '{folder}' does not exist.");
            return SampleApp.Failure;
        }

        var overlay = args.Contains("--overlay");
        var report = overlay
            ? PricingCatalog.Validate(PricingSource.Embedded, PricingSource.Folder(folder))
            : PricingCatalog.Validate(PricingSource.Folder(folder));

        if (args.Contains("--json"))
        {
            var json = new
            {
                valid = report.IsValid,
                folder,
                overlay,
                tables = report.Tables.Select(t => new
                {
                    file = t.FileName,
                    rows = t.RowCount,
                    overridden = t.OverriddenRowCount,
                    oldestCheckedOn = t.OldestCheckedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                    newestCheckedOn = t.NewestCheckedOn?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
                }),
                diagnostics = report.Diagnostics.Select(d => new
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

        foreach (var diagnostic in report.Diagnostics)
        {
            stdout.WriteLine(diagnostic.ToString());
        }

        if (!report.IsValid)
        {
            stdout.WriteLine($"{report.Errors.Count()} error(s), {report.Warnings.Count()} warning(s): the tables in '{folder}' are not valid.");
            return SampleApp.Failure;
        }

        foreach (var table in report.Tables)
        {
            stdout.WriteLine(table.ToString());
        }

        stdout.WriteLine($"OK: {report.Tables.Count} tables valid{(report.Warnings.Any() ? $", {report.Warnings.Count()} warning(s)" : string.Empty)}.");
        return SampleApp.Success;
    }
}
