using System.Text.Json;
using LlmTco.Pricing;

namespace LlmTco.Usage;

/// <summary>
/// Reads a response of OpenAI's organization Usage API, completions endpoint
/// (<c>GET /v1/organization/usage/completions</c>, grouped by <c>model</c>, optionally also by <c>project_id</c>,
/// <c>batch</c> and <c>service_tier</c>): a page object, or an array of pages saved one after another.
/// </summary>
/// <remarks>
/// Each bucket (<c>start_time</c>, <c>end_time</c> in Unix seconds; 1-minute, 1-hour or 1-day wide) gives one
/// <see cref="UsageEntry"/> per result, from <c>input_tokens</c> (cached ones included), <c>input_cached_tokens</c>,
/// <c>output_tokens</c>, <c>num_model_requests</c>, <c>model</c>, <c>batch</c>, <c>service_tier</c> and
/// <c>project_id</c>. The bucket's mean input tokens per request select a context tier.
/// <threadsafety>Stateless; safe to use from many threads at once.</threadsafety>
/// </remarks>
public static class OpenAiUsageExport
{
    /// <summary>The format's name on the sample app's command line.</summary>
    public const string FormatName = "openai";

    /// <summary>Reads every result of every bucket of an export.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file's name, for error messages.</param>
    /// <returns>One entry per bucket result with requests or tokens, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="UsageImportException">The JSON is malformed or a field is missing, negative or of the wrong
    /// type; every problem is listed with its JSON path.</exception>
    public static IReadOnlyList<UsageEntry> Read(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var document = JsonExport.Parse(json, fileName);
        var export = new JsonExport(fileName);
        var entries = new List<UsageEntry>();
        foreach (var (result, path, start, width) in export.Results(document.RootElement, "start_time", "end_time", (bucket, bucketPath, name) => Seconds(export, bucket, bucketPath, name)))
        {
            var input = export.Tokens(result, path, "input_tokens", required: true);
            var cached = export.Tokens(result, path, "input_cached_tokens", required: false);
            var output = export.Tokens(result, path, "output_tokens", required: true);
            var requests = export.Tokens(result, path, "num_model_requests", required: true);
            var model = export.Text(result, path, "model");
            var project = export.Text(result, path, "project_id");
            var tier = Tier(export, export.Text(result, path, "service_tier"), path);
            var batch = Batch(export, result, path);
            if (model is null)
            {
                export.Problem($"{path}.model", "is missing: export the usage grouped by model (group_by=model)");
            }

            if (cached > input)
            {
                export.Problem($"{path}.input_cached_tokens", $"({cached}) exceeds input_tokens ({input}), which include the cached ones");
            }

            if (export.HasProblems || (requests == 0 && input == 0 && output == 0))
            {
                continue;
            }

            entries.Add(new UsageEntry(
                start!.Value, width!.Value, "openai", model!, project, requests, input, cached, 0, output, batch, tier,
                requests > 0 ? input / requests : input));
        }

        export.ThrowIfProblems();
        return entries.AsReadOnly();
    }

    private static DateTimeOffset? Seconds(JsonExport export, JsonElement bucket, string path, string name)
    {
        if (!bucket.TryGetProperty(name, out var value) || value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var seconds)
            || seconds < 0 || seconds > 253_402_300_799)
        {
            export.Problem($"{path}.{name}", "must be a time in Unix seconds");
            return null;
        }

        return DateTimeOffset.FromUnixTimeSeconds(seconds);
    }

    private static bool Batch(JsonExport export, JsonElement result, string path)
    {
        if (!result.TryGetProperty("batch", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return false;
        }

        if (value.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return value.GetBoolean();
        }

        export.Problem($"{path}.batch", $"must be true, false or null; got {value.GetRawText()}");
        return false;
    }

    internal static ServiceTier Tier(JsonExport export, string? word, string path) => word?.ToLowerInvariant() switch
    {
        null or "default" or "auto" or "standard" => ServiceTier.Standard,
        "flex" => ServiceTier.Flex,
        "priority" => ServiceTier.Priority,
        _ => Unknown(export, word, path),
    };

    private static ServiceTier Unknown(JsonExport export, string word, string path)
    {
        export.Problem($"{path}.service_tier", $"'{word}' is not a service tier LlmTco prices (default, flex, priority)");
        return ServiceTier.Standard;
    }
}
