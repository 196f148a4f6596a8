using System.Globalization;
using System.Text;

namespace LlmTco.Tests.Usage;

/// <summary>Hand-made usage exports whose bill and workload are known in advance.</summary>
internal static class UsageExportBuilder
{
    /// <summary>
    /// An OpenAI Usage API completions page with 1-day buckets over whole months from <paramref name="first"/>: month i
    /// has <paramref name="requestsOfMonth"/>(i) requests of gpt-4o (1,000 input of which 200 cached, 500 output each),
    /// split over its days (the first days take the remainder), so that each month's total is exact.
    /// </summary>
    public static string OpenAiDaily(DateOnly first, int months, Func<int, long> requestsOfMonth)
    {
        var buckets = new List<string>();
        for (var i = 0; i < months; i++)
        {
            var month = first.AddMonths(i);
            var days = DateTime.DaysInMonth(month.Year, month.Month);
            var total = requestsOfMonth(i);
            for (var d = 0; d < days; d++)
            {
                var requests = (total / days) + (d < total % days ? 1 : 0);
                var start = new DateTimeOffset(month.AddDays(d).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).ToUnixTimeSeconds();
                buckets.Add(Bucket(start, start + 86_400, Result(requests, 1000, 200, 500)));
            }
        }

        return Page(buckets);
    }

    public static string Result(long requests, long input, long cached, long output, string model = "gpt-4o", string batch = "null") =>
        string.Create(CultureInfo.InvariantCulture, $$"""
            {"object": "organization.usage.completions.result", "input_tokens": {{requests * input}}, "output_tokens": {{requests * output}},
             "input_cached_tokens": {{requests * cached}}, "num_model_requests": {{requests}}, "project_id": null, "user_id": null,
             "api_key_id": null, "model": "{{model}}", "batch": {{batch}}, "service_tier": null}
            """);

    public static string Bucket(long start, long end, params string[] results) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"object": "bucket", "start_time": {{start}}, "end_time": {{end}}, "results": [{{string.Join(",", results)}}]}""");

    public static string Page(IEnumerable<string> buckets) => $$"""{"object": "page", "data": [{{string.Join(",\n", buckets)}}], "has_more": false, "next_page": null}""";

    public static MemoryStream Stream(string text) => new(Encoding.UTF8.GetBytes(text));
}
