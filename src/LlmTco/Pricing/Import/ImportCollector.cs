using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace LlmTco.Pricing.Import;

/// <summary>
/// What both importers share: reading the JSON, collecting rows and issues (each issue once), checking ids, making
/// exact per-million prices, and settling aliases and duplicate models before the result is returned.
/// </summary>
internal sealed partial class ImportCollector(string format, PriceImportOptions options)
{
    private readonly List<ApiPrice> rows = [];
    private readonly List<ImportIssue> issues = [];
    private readonly HashSet<ImportIssue> seenIssues = [];
    private readonly Dictionary<(string Provider, string Model), string> modelEntries = [];

    public PriceImportOptions Options { get; } = options;

    public int EntriesRead { get; set; }

    /// <summary>Parses the whole file, turning malformed JSON into a message with its line and position.</summary>
    public static JsonDocument Parse(Stream json, string format)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var reason = ex.Message.Split(" LineNumber:", 2)[0].Trim();
            throw new PriceImportException(
                string.Create(CultureInfo.InvariantCulture, $"the {format} file is not valid JSON: line {(ex.LineNumber ?? 0) + 1}, byte {(ex.BytePositionInLine ?? 0) + 1}: {reason}"),
                ex);
        }
    }

    /// <summary>Parses JSON text held in memory.</summary>
    public static JsonDocument Parse(string json, string format)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(json));
        return Parse(stream, format);
    }

    /// <summary>
    /// Runs the import of one entry, turning what the JSON reader throws on valid but malformed JSON (a number where an
    /// object belongs, a lone surrogate in a key) into a <see cref="PriceImportException"/> at the entry's JSON path.
    /// </summary>
    public static void Guard(string format, Func<string> path, Action import)
    {
        try
        {
            import();
        }
        catch (Exception ex) when (ex is InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            throw new PriceImportException($"the {format} file is malformed at {path()}: {ex.Message.TrimEnd('.')}", ex);
        }
    }

    /// <summary>The JSON path of an object's property: <c>$['name']</c>, or its position when the name is not valid text.</summary>
    public static string PropertyPath(string parent, JsonProperty property, int index)
    {
        try
        {
            return $"{parent}['{property.Name.Replace("'", "\\'", StringComparison.Ordinal)}']";
        }
        catch (InvalidOperationException)
        {
            return string.Create(CultureInfo.InvariantCulture, $"{parent} (property #{index + 1}, whose name is not valid text)");
        }
    }

    public void Issue(string entry, string? field, string reason)
    {
        var issue = new ImportIssue(entry, field, reason);
        if (seenIssues.Add(issue))
        {
            issues.Add(issue);
        }
    }

    /// <summary>
    /// Claims a provider and model id for an entry; false (with an issue) when an earlier entry already gave rows for
    /// the same pair, compared case-insensitively as the catalog does.
    /// </summary>
    public bool Claim(string provider, string modelId, string entry)
    {
        var key = (provider.ToUpperInvariant(), modelId.ToUpperInvariant());
        if (modelEntries.TryGetValue(key, out var first))
        {
            Issue(entry, null, $"gives the same provider and model id ('{provider}', '{modelId}') as '{first}', which was imported; skipped");
            return false;
        }

        modelEntries[key] = entry;
        return true;
    }

    public void Add(ApiPrice row) => rows.Add(row);

    /// <summary>A provider slug for the CSV, or null (with an issue) when the id cannot be one.</summary>
    public string? Slug(string providerId, string entry, string field)
    {
        var slug = providerId.Trim().ToLowerInvariant();
        if (SlugPattern().IsMatch(slug))
        {
            return slug;
        }

        Issue(entry, field, $"'{providerId}' cannot be a provider slug (lower-case letters, digits, '.', '_' and '-'); skipped");
        return null;
    }

    /// <summary>Whether a model id or alias is valid in the CSV: non-empty, no white space, no ';'.</summary>
    public static bool IsId(string id) => id.Length > 0 && !id.Any(ch => char.IsWhiteSpace(ch) || ch == ';') && Csv.PrintableText.FirstUnprintable(id) is null;

    /// <summary>
    /// A price in the CSV's unit, exact: rounded to 10 decimals, which removes binary floating-point noise such as
    /// 1.1000000000000001 (saying so in <paramref name="notes"/>), with trailing zeros dropped (3.000000 → 3).
    /// </summary>
    public static decimal Exact(decimal perMillion, string field, List<string> notes)
    {
        var rounded = Math.Round(perMillion, 10, MidpointRounding.AwayFromZero);
        if (rounded != perMillion)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{field} rounded from {Normalize(perMillion)} (floating-point noise in the source)"));
        }

        return Normalize(rounded);
    }

    /// <summary>Drops trailing zeros: 3.000000 → 3, 0.2500 → 0.25.</summary>
    public static decimal Normalize(decimal value) => value / 1.0000000000000000000000000000m;

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads a non-negative JSON number as an exact decimal, or null (with an issue).</summary>
    public decimal? Number(JsonElement value, string entry, string field)
    {
        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number))
        {
            if (number >= 0m)
            {
                return number;
            }

            Issue(entry, field, $"{value.GetRawText()} is negative; not mapped");
            return null;
        }

        Issue(entry, field, $"{Show(value)} is not a number; not mapped");
        return null;
    }

    public static string Show(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => $"'{value.GetString()}'",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.GetRawText(),
    };

    /// <summary>
    /// Finishes the import: drops aliases that name another model of the same provider (with an issue), and orders the
    /// rows as the CSV is usually ordered.
    /// </summary>
    public ImportResult Result()
    {
        var byProvider = rows.GroupBy(r => r.Provider, StringComparer.OrdinalIgnoreCase);
        var allowed = new Dictionary<(string, string), IReadOnlyList<string>>();
        foreach (var provider in byProvider)
        {
            var owner = provider.Select(r => r.ModelId).Distinct(StringComparer.OrdinalIgnoreCase)
                .ToDictionary(m => m, m => m, StringComparer.OrdinalIgnoreCase);
            foreach (var model in provider.GroupBy(r => r.ModelId, StringComparer.OrdinalIgnoreCase))
            {
                var kept = new List<string>();
                foreach (var alias in model.First().Aliases)
                {
                    if (owner.TryGetValue(alias, out var other) && !string.Equals(other, model.Key, StringComparison.OrdinalIgnoreCase))
                    {
                        Issue(Entry(model.First()), "aliases", $"alias '{alias}' also names '{other}' at provider '{provider.Key}'; left out");
                        continue;
                    }

                    owner[alias] = model.Key;
                    kept.Add(alias);
                }

                allowed[(provider.Key.ToUpperInvariant(), model.Key.ToUpperInvariant())] = kept;
            }
        }

        var finished = rows
            .Select(r => r with { Aliases = allowed[(r.Provider.ToUpperInvariant(), r.ModelId.ToUpperInvariant())] })
            .OrderBy(r => r.Provider, StringComparer.Ordinal)
            .ThenBy(r => r.ModelId, StringComparer.Ordinal)
            .ThenBy(r => r.ServiceTier)
            .ThenBy(r => r.ContextThresholdTokens)
            .ThenBy(r => r.EffectiveFrom)
            .ToList();
        return new ImportResult(format, finished, issues, EntriesRead);
    }

    private string Entry(ApiPrice row) =>
        modelEntries.TryGetValue((row.Provider.ToUpperInvariant(), row.ModelId.ToUpperInvariant()), out var entry) ? entry : row.Provider + "/" + row.ModelId;

    [GeneratedRegex(@"^[a-z0-9][a-z0-9._-]*$", RegexOptions.CultureInvariant)]
    private static partial Regex SlugPattern();
}
