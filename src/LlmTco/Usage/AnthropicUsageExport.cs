using System.Globalization;
using System.Text.Json;
using LlmTco.Pricing;

namespace LlmTco.Usage;

/// <summary>
/// Reads a response of Anthropic's Admin API messages usage report
/// (<c>GET /v1/organizations/usage_report/messages</c>, grouped by <c>model</c>, optionally also by
/// <c>workspace_id</c>, <c>service_tier</c> and <c>context_window</c>): a page object, or an array of pages.
/// </summary>
/// <remarks>
/// Each bucket (<c>starting_at</c>, <c>ending_at</c>, RFC 3339) gives one <see cref="UsageEntry"/> per result, from
/// <c>uncached_input_tokens</c>, <c>cache_read_input_tokens</c>, <c>cache_creation</c>
/// (<c>ephemeral_5m_input_tokens</c> + <c>ephemeral_1h_input_tokens</c> are the cache writes; the 1-hour part is
/// <see cref="UsageEntry.OneHourCacheWriteTokens"/>, priced at <c>cache_write_1h_per_mtok</c>), <c>output_tokens</c>, <c>model</c>, <c>service_tier</c> (<c>batch</c> is the batch API) and
/// <c>context_window</c> (<c>200k-1M</c> selects the long-context price). The report counts no requests, so its
/// entries carry none: a workload derived from it has no requests a month.
/// <threadsafety>Stateless; safe to use from many threads at once.</threadsafety>
/// </remarks>
public static class AnthropicUsageExport
{
    /// <summary>The format's name on the sample app's command line.</summary>
    public const string FormatName = "anthropic";

    /// <summary>The input tokens of one request that <c>context_window</c> = <c>200k-1M</c> implies: over 200,000.</summary>
    private const long LongContextInputTokens = 200_001;

    /// <summary>Reads every result of every bucket of a report.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file's name, for error messages.</param>
    /// <returns>One entry per bucket result with tokens, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="UsageImportException">The JSON is malformed or a field is missing, negative or of the wrong
    /// type; every problem is listed with its JSON path.</exception>
    public static IReadOnlyList<UsageEntry> Read(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var document = JsonExport.Parse(json, fileName);
        var export = new JsonExport(fileName);
        var entries = new List<UsageEntry>();
        foreach (var (result, path, start, width) in export.Results(document.RootElement, "starting_at", "ending_at", (bucket, bucketPath, name) => Time(export, bucket, bucketPath, name)))
        {
            var uncached = export.Tokens(result, path, "uncached_input_tokens", required: true);
            var read = export.Tokens(result, path, "cache_read_input_tokens", required: false);
            long written = 0, oneHour = 0;
            if (result.TryGetProperty("cache_creation", out var creation) && creation.ValueKind == JsonValueKind.Object)
            {
                oneHour = export.Tokens(creation, path + ".cache_creation", "ephemeral_1h_input_tokens", required: false);
                written = export.Tokens(creation, path + ".cache_creation", "ephemeral_5m_input_tokens", required: false) + oneHour;
            }
            else if (result.TryGetProperty("cache_creation", out creation) && creation.ValueKind != JsonValueKind.Null)
            {
                export.Problem(path + ".cache_creation", "must be an object");
            }

            var output = export.Tokens(result, path, "output_tokens", required: true);
            var model = export.Text(result, path, "model");
            var workspace = export.Text(result, path, "workspace_id");
            var (tier, batch) = Tier(export, export.Text(result, path, "service_tier"), path);
            var longContext = Context(export, export.Text(result, path, "context_window"), path);
            if (model is null)
            {
                export.Problem($"{path}.model", "is missing: export the report grouped by model (group_by[]=model)");
            }

            var input = uncached + read + written;
            if (export.HasProblems || (input == 0 && output == 0))
            {
                continue;
            }

            entries.Add(new UsageEntry(
                start!.Value, width!.Value, "anthropic", model!, workspace, null, input, read, written, output, batch, tier,
                longContext ? LongContextInputTokens : 0, OneHourCacheWriteTokens: oneHour));
        }

        export.ThrowIfProblems();
        return entries.AsReadOnly();
    }

    private static DateTimeOffset? Time(JsonExport export, JsonElement bucket, string path, string name)
    {
        var text = export.Text(bucket, path, name);
        if (text is null || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            export.Problem($"{path}.{name}", "must be an RFC 3339 time, e.g. 2026-08-01T00:00:00Z");
            return null;
        }

        return time;
    }

    private static (ServiceTier Tier, bool Batch) Tier(JsonExport export, string? word, string path)
    {
        switch (word?.ToLowerInvariant())
        {
            case null or "standard":
                return (ServiceTier.Standard, false);
            case "batch":
                return (ServiceTier.Standard, true);
            case "priority":
                return (ServiceTier.Priority, false);
            default:
                export.Problem($"{path}.service_tier", $"'{word}' is not a service tier of the report (standard, batch, priority)");
                return (ServiceTier.Standard, false);
        }
    }

    private static bool Context(JsonExport export, string? word, string path)
    {
        switch (word)
        {
            case null or "0-200k":
                return false;
            case "200k-1M":
                return true;
            default:
                export.Problem($"{path}.context_window", $"'{word}' is not a context window of the report (0-200k, 200k-1M)");
                return false;
        }
    }
}
