using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using LlmTco.Scenarios;

namespace LlmTco.Samples;

/// <summary>
/// Checks of a command's names and paths made before any work starts, each failing with a message that says what was
/// found and, for a misspelt name, what was probably meant.
/// </summary>
internal static class CommandLineChecks
{
    /// <summary>"; did you mean 'x'?" for a misspelt name (case-insensitive), or an empty string.</summary>
    public static string DidYouMean(string wanted, IEnumerable<string> known) => NameSuggester.DidYouMean(wanted, known);

    /// <summary>"; did you mean 'x'?" for a misspelt name (case-insensitive), or "." to end the sentence.</summary>
    public static string DidYouMeanOrStop(string wanted, IEnumerable<string> known) => DidYouMean(wanted, known) is { Length: > 0 } hint ? hint : ".";

    /// <summary>" (did you mean 'x'?)" for a misspelt name (case-insensitive), or an empty string.</summary>
    /// <remarks>Options are short, so only names that start with the same letter after the dashes are suggested.</remarks>
    public static string AsideDidYouMean(string wanted, IEnumerable<string> known)
    {
        var first = char.ToUpperInvariant(wanted.TrimStart('-').FirstOrDefault());
        var nearest = NameSuggester.Nearest(wanted, known.Where(k => char.ToUpperInvariant(k.TrimStart('-').FirstOrDefault()) == first));
        return nearest.Count == 0 ? string.Empty : $" (did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?)";
    }

    /// <summary>
    /// A bundled scenario (by name, in any case) or a scenario file. A name that looks like a path (a folder separator
    /// or a .json ending) is a file, so a missing file says "not found" instead of listing the bundled names.
    /// </summary>
    public static string? FindScenario(string which, out Func<Scenario>? load)
    {
        load = null;
        if (File.Exists(which))
        {
            load = () => ScenarioJson.Load(which);
            return null;
        }

        if (Directory.Exists(which))
        {
            return $"'{which}' is a folder; run takes a scenario file or a bundled scenario name";
        }

        if (which.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || which.Contains('/', StringComparison.Ordinal) || which.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            return $"scenario file '{which}' not found (looked in {Path.GetFullPath(which)})";
        }

        var name = BundledScenarios.Names.FirstOrDefault(n => string.Equals(n, which, StringComparison.OrdinalIgnoreCase));
        if (name is not null)
        {
            load = () => BundledScenarios.Load(name);
            return null;
        }

        return $"'{which}' is neither a scenario file nor a bundled scenario{DidYouMeanOrStop(which, BundledScenarios.Names)} Bundled scenarios: {string.Join(", ", BundledScenarios.Names)}";
    }

    /// <summary>
    /// A <c>--pricing</c> folder must be a folder holding at least one pricing table; an overlay without one would
    /// silently run on the bundled prices. Returns the error, or null with the tables the folder holds.
    /// </summary>
    public static string? CheckPricingFolder(string folder, out IReadOnlyList<string> tables, bool overlay = true)
    {
        tables = [];
        if (File.Exists(folder))
        {
            return $"--pricing '{folder}' is a file; it takes a folder holding pricing CSVs ({string.Join(", ", PricingCatalog.TableFileNames)}), e.g. '{Path.GetDirectoryName(Path.GetFullPath(folder))}'";
        }

        if (!Directory.Exists(folder))
        {
            return $"pricing folder '{folder}' does not exist";
        }

        var files = Directory.EnumerateFiles(folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        tables = files.Where(f => PricingCatalog.TableFileNames.Contains(f, StringComparer.Ordinal)).ToList();
        if (tables.Count > 0)
        {
            return null;
        }

        var found = files.Count == 0
            ? "it is empty"
            : "it holds " + string.Join(", ", files.Select(f => $"'{f}'{Hint(f)}"));
        return $"pricing folder '{folder}' holds no pricing table{(overlay ? ", so nothing would be laid over the bundled prices" : string.Empty)}: {found}. Known tables: {string.Join(", ", PricingCatalog.TableFileNames)}";

        static string Hint(string file)
        {
            var nearest = NameSuggester.Nearest(file, PricingCatalog.TableFileNames, max: 1);
            return nearest.Count == 0 ? string.Empty : $" (did you mean '{nearest[0]}'?)";
        }
    }

    /// <summary>A file to read: one that exists and is not a folder. Returns the error, or null.</summary>
    public static string? CheckInputFile(string file) =>
        Directory.Exists(file) ? $"'{file}' is a folder; a file is needed here"
        : File.Exists(file) ? null
        : $"file '{file}' does not exist";

    /// <summary>A folder to read: one that exists and is not a file. Returns the error, or null.</summary>
    public static string? CheckInputFolder(string folder) =>
        File.Exists(folder) ? $"'{folder}' is a file; a folder is needed here (e.g. '{Path.GetDirectoryName(Path.GetFullPath(folder))}')"
        : Directory.Exists(folder) ? null
        : $"folder '{folder}' does not exist";

    /// <summary>A file to write: not a folder, in a folder that exists. Returns the error, or null.</summary>
    public static string? CheckOutputFile(string option, string file)
    {
        if (string.IsNullOrWhiteSpace(file) || file.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return $"{option} takes a file name (value: '{file}')";
        }

        if (Directory.Exists(file))
        {
            return $"{option} '{file}' is a folder; it takes a file name";
        }

        var parent = Path.GetDirectoryName(Path.GetFullPath(file));
        return parent is null || Directory.Exists(parent) ? null : $"{option} '{file}': folder '{parent}' does not exist";
    }

    /// <summary>A folder to write into: not a file; created now (with its parents) so a problem shows before the work.</summary>
    public static string? CheckOutputFolder(string option, string folder)
    {
        if (string.IsNullOrWhiteSpace(folder) || folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
        {
            return $"{option} takes a folder name (value: '{folder}')";
        }

        if (File.Exists(folder))
        {
            return $"{option} '{folder}' is a file; it takes a folder";
        }

        try
        {
            Directory.CreateDirectory(folder);
            return null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{option} '{folder}' cannot be created: {ex.Message}";
        }
    }
}
