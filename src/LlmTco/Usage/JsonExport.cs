using System.Globalization;
using System.Text.Json;

namespace LlmTco.Usage;

/// <summary>Reading a JSON export: parse errors with line and column, fields checked with their JSON path.</summary>
internal sealed class JsonExport
{
    private readonly List<string> problems = [];

    public JsonExport(string fileName) => FileName = fileName;

    public string FileName { get; }

    public bool HasProblems => problems.Count > 0;

    public static JsonDocument Parse(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            var line = (ex.LineNumber ?? 0) + 1;
            var column = (ex.BytePositionInLine ?? 0) + 1;
            throw new UsageImportException(string.Create(CultureInfo.InvariantCulture, $"{fileName}:{line}:{column}: not valid JSON (truncated or malformed): {ex.Message}"), ex);
        }
    }

    /// <summary>The pages of an export: one page object, or an array of page objects (pages saved one after another).</summary>
    public IEnumerable<(JsonElement Page, string Path)> Pages(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Object)
        {
            yield return (root, "$");
        }
        else if (root.ValueKind == JsonValueKind.Array)
        {
            var i = 0;
            foreach (var page in root.EnumerateArray())
            {
                var path = $"$[{i++}]";
                if (page.ValueKind == JsonValueKind.Object)
                {
                    yield return (page, path);
                }
                else
                {
                    Problem(path, "must be a page object with a 'data' array");
                }
            }
        }
        else
        {
            Problem("$", "must be a page object with a 'data' array, or an array of pages");
        }
    }

    public IEnumerable<(JsonElement Item, string Path)> Array(JsonElement parent, string parentPath, string name)
    {
        var path = $"{parentPath}.{name}";
        if (!parent.TryGetProperty(name, out var array) || array.ValueKind != JsonValueKind.Array)
        {
            Problem(path, "is missing or not an array");
            yield break;
        }

        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var itemPath = $"{path}[{i++}]";
            if (item.ValueKind == JsonValueKind.Object)
            {
                yield return (item, itemPath);
            }
            else
            {
                Problem(itemPath, "must be an object");
            }
        }
    }

    /// <summary>
    /// Every result of every time bucket of every page, with its bucket's start and width: a bucket must be 1 minute,
    /// 1 hour or 1 day wide (from <paramref name="startName"/> to <paramref name="endName"/>, read by
    /// <paramref name="time"/>); start and width are <see langword="null"/> when a time is missing (a problem already).
    /// </summary>
    public IEnumerable<(JsonElement Result, string Path, DateTimeOffset? Start, TimeSpan? Width)> Results(JsonElement root, string startName, string endName, Func<JsonElement, string, string, DateTimeOffset?> time)
    {
        foreach (var (page, pagePath) in Pages(root))
        {
            foreach (var (bucket, bucketPath) in Array(page, pagePath, "data"))
            {
                var start = time(bucket, bucketPath, startName);
                var end = time(bucket, bucketPath, endName);
                var width = end - start;
                if (start is not null && end is not null && width != TimeSpan.FromMinutes(1) && width != TimeSpan.FromHours(1) && width != TimeSpan.FromDays(1))
                {
                    Problem(bucketPath, $"a bucket must be 1 minute, 1 hour or 1 day wide; {endName} − {startName} is {width}");
                }

                foreach (var (result, path) in Array(bucket, bucketPath, "results"))
                {
                    yield return (result, path, start, width);
                }
            }
        }
    }

    /// <summary>A token count: a whole number, not negative; <paramref name="required"/> or 0 when absent or null.</summary>
    public long Tokens(JsonElement parent, string parentPath, string name, bool required)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (required)
            {
                Problem($"{parentPath}.{name}", "is missing");
            }

            return 0;
        }

        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var count))
        {
            Problem($"{parentPath}.{name}", $"must be a whole number; got {value.GetRawText()}");
            return 0;
        }

        if (count < 0)
        {
            Problem($"{parentPath}.{name}", string.Create(CultureInfo.InvariantCulture, $"must not be negative; got {count}"));
            return 0;
        }

        return count;
    }

    public string? Text(JsonElement parent, string parentPath, string name)
    {
        if (!parent.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            Problem($"{parentPath}.{name}", $"must be text or null; got {value.GetRawText()}");
            return null;
        }

        return value.GetString();
    }

    public void Problem(string path, string message) => problems.Add($"{FileName}: {path}: {message}.");

    public void ThrowIfProblems()
    {
        if (problems.Count > 0)
        {
            throw new UsageImportException(problems);
        }
    }
}
