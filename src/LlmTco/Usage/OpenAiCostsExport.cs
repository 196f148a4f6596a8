using System.Text.Json;

namespace LlmTco.Usage;

/// <summary>
/// Reads a response of OpenAI's organization Costs API (<c>GET /v1/organization/costs</c>, 1-day buckets): a page
/// object, or an array of pages. Each result's <c>amount.value</c> in <c>amount.currency</c>, with its
/// <c>line_item</c> and <c>project_id</c> when grouped by them, becomes a <see cref="ReportedCost"/> of the bucket's day.
/// </summary>
/// <remarks>
/// The Costs API names line items, not models, so <see cref="UsageAnalyzer.AddReportedCosts"/> compares its costs
/// with the reconstructed bill by month and provider.
/// <threadsafety>Stateless; safe to use from many threads at once.</threadsafety>
/// </remarks>
public static class OpenAiCostsExport
{
    /// <summary>The format's name on the sample app's command line.</summary>
    public const string FormatName = "openai-costs";

    /// <summary>Reads every result of every bucket of an export.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="fileName">The file's name, for error messages.</param>
    /// <returns>One cost per bucket result, in file order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="UsageImportException">The JSON is malformed or a field is missing, negative or of the wrong
    /// type; every problem is listed with its JSON path.</exception>
    public static IReadOnlyList<ReportedCost> Read(Stream json, string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        using var document = JsonExport.Parse(json, fileName);
        var export = new JsonExport(fileName);
        var costs = new List<ReportedCost>();
        foreach (var (page, pagePath) in export.Pages(document.RootElement))
        {
            foreach (var (bucket, bucketPath) in export.Array(page, pagePath, "data"))
            {
                DateOnly? day = null;
                if (bucket.TryGetProperty("start_time", out var start) && start.ValueKind == JsonValueKind.Number && start.TryGetInt64(out var seconds) && seconds is >= 0 and <= 253_402_300_799)
                {
                    day = DateOnly.FromDateTime(DateTimeOffset.FromUnixTimeSeconds(seconds).UtcDateTime);
                }
                else
                {
                    export.Problem($"{bucketPath}.start_time", "must be a time in Unix seconds");
                }

                foreach (var (result, path) in export.Array(bucket, bucketPath, "results"))
                {
                    if (!result.TryGetProperty("amount", out var amount) || amount.ValueKind != JsonValueKind.Object)
                    {
                        export.Problem($"{path}.amount", "is missing or not an object");
                        continue;
                    }

                    double value = 0;
                    if (!amount.TryGetProperty("value", out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out value) || !double.IsFinite(value) || value < 0)
                    {
                        export.Problem($"{path}.amount.value", "must be a number of 0 or more");
                    }

                    var currency = export.Text(amount, path + ".amount", "currency");
                    if (currency is null || currency.Length != 3)
                    {
                        export.Problem($"{path}.amount.currency", "must be a 3-letter ISO 4217 code, e.g. usd");
                    }

                    if (!export.HasProblems)
                    {
                        costs.Add(new ReportedCost(day!.Value, "openai", value, currency!.ToUpperInvariant(), export.Text(result, path, "line_item"), export.Text(result, path, "project_id")));
                    }
                }
            }
        }

        export.ThrowIfProblems();
        return costs.AsReadOnly();
    }
}
