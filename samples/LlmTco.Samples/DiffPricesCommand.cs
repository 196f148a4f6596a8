using System.Globalization;
using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Pricing.Diff;

namespace LlmTco.Samples;

/// <summary>
/// <c>diff-prices &lt;old-folder&gt; &lt;new-folder&gt; [--json]</c>: what a CSV update adds, removes and changes, row by row
/// and cell by cell, to review it before committing.
/// </summary>
internal static class DiffPricesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var oldFolder = CommandOptions.One("old-folder", "The tables before the change.");
        var newFolder = CommandOptions.One("new-folder", "The tables after it.");
        var json = CommandOptions.Flag("--json", "Print the differences as JSON.");
        var command = new AppCommand(
            "diff-prices",
            "What changed between two folders of pricing CSVs: rows added, removed and changed, old -> new per cell with the % change of numbers.",
            "diff-prices <old-folder> <new-folder> [--json]",
            _ => "diff-prices takes two folders: the old tables and the new ones")
        {
            oldFolder, newFolder, json,
        };
        command.SetAction(r => Run(r.GetValue(oldFolder)!, r.GetValue(newFolder)!, r.GetValue(json), stdout, stderr));
        return command;
    }

    private static int Run(string oldFolder, string newFolder, bool asJson, TextWriter stdout, TextWriter stderr)
    {
        if ((CommandLineChecks.CheckInputFolder(oldFolder) ?? CommandLineChecks.CheckInputFolder(newFolder)) is { } error)
        {
            stderr.WriteLine($"error: {error}.");
            return SampleApp.Failure;
        }

        var diff = PricingDiff.Compare(PricingCatalog.LoadFolder(oldFolder), PricingCatalog.LoadFolder(newFolder));
        if (asJson)
        {
            stdout.WriteLine(JsonSerializer.Serialize(Json(diff, oldFolder, newFolder), JsonOptions));
            return SampleApp.Success;
        }

        if (diff.IsEmpty)
        {
            stdout.WriteLine($"No differences: '{oldFolder}' and '{newFolder}' hold the same rows.");
            return SampleApp.Success;
        }

        foreach (var table in diff.Rows.GroupBy(r => r.FileName))
        {
            stdout.WriteLine($"{table.Key}: {Counts(table.ToList())}");
            foreach (var row in table)
            {
                WriteRow(row, stdout);
            }
        }

        stdout.WriteLine($"Total: {Counts(diff.Rows)} in {diff.Rows.Select(r => r.FileName).Distinct().Count().ToString(CultureInfo.InvariantCulture)} table(s).");
        return SampleApp.Success;
    }

    private static void WriteRow(PricingRowChange row, TextWriter stdout)
    {
        switch (row.Kind)
        {
            case PricingChangeKind.Changed:
                stdout.WriteLine($"  changed {row.Key}");
                foreach (var cell in row.Cells)
                {
                    stdout.WriteLine($"    {cell}");
                }

                break;
            case PricingChangeKind.Added when row.PreviousKey is not null:
                stdout.WriteLine($"  added   {row.Key}, after {row.PreviousKey}");
                foreach (var cell in row.ChangesFromPrevious)
                {
                    stdout.WriteLine($"    {cell}");
                }

                if (row.ChangesFromPrevious.Count == 0)
                {
                    stdout.WriteLine("    (same prices as the row it follows)");
                }

                break;
            case PricingChangeKind.Added:
                stdout.WriteLine($"  added   {row.Key}");
                foreach (var cell in row.Cells)
                {
                    stdout.WriteLine($"    {cell.ColumnName}: {cell.NewValue}");
                }

                break;
            default:
                stdout.WriteLine($"  removed {row.Key}");
                break;
        }
    }

    private static string Counts(IReadOnlyList<PricingRowChange> rows) => string.Create(
        CultureInfo.InvariantCulture,
        $"{rows.Count(r => r.Kind == PricingChangeKind.Added)} added, {rows.Count(r => r.Kind == PricingChangeKind.Removed)} removed, {rows.Count(r => r.Kind == PricingChangeKind.Changed)} changed");

    private static object Json(PricingDiffResult diff, string oldFolder, string newFolder) => new
    {
        old = oldFolder,
        @new = newFolder,
        added = diff.Count(PricingChangeKind.Added),
        removed = diff.Count(PricingChangeKind.Removed),
        changed = diff.Count(PricingChangeKind.Changed),
        rows = diff.Rows.Select(r => new
        {
            table = r.FileName,
            change = r.Kind.ToString().ToLowerInvariant(),
            key = r.Key,
            previousKey = r.PreviousKey,
            cells = r.Cells.Select(Cell),
            changesFromPrevious = r.ChangesFromPrevious.Select(Cell),
        }),
    };

    private static object Cell(PricingCellChange c) => new { column = c.ColumnName, old = c.OldValue, @new = c.NewValue, percentChange = c.PercentChange };
}
