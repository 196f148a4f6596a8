namespace LlmTco.Usage;

/// <summary>A traffic profile derived from usage: the shape of the requests and their monthly growth.</summary>
/// <param name="Name">The profile's name: the model, or <c>project/model</c>.</param>
/// <param name="Provider">The provider slug.</param>
/// <param name="Model">The model as the export names it.</param>
/// <param name="MonthlyRequestsObserved">The requests of each full month of the data, in order; empty when the data
/// covers no full month (then <see cref="GrowthFit.NextMonthRequests"/> is its requests scaled to 30.436875 days).</param>
/// <param name="Growth">The growth fitted on <paramref name="MonthlyRequestsObserved"/>.</param>
/// <param name="InputTokensPerRequest">Mean input tokens per request, cache reads and writes included.</param>
/// <param name="OutputTokensPerRequest">Mean output tokens per request.</param>
/// <param name="CacheReadShare">The share of input tokens read from the cache, 0 to 1.</param>
/// <param name="CacheWriteShare">The share of input tokens written to the cache, 0 to 1.</param>
/// <param name="BatchShare">The share of requests sent through the batch API, 0 to 1.</param>
/// <param name="RequestShareOverContextThreshold">For each context threshold of the model's price rows (input tokens
/// per request), the share of requests over it, 0 to 1; from each request's input, or a bucket's mean.</param>
public sealed record DerivedProfile(
    string Name,
    string Provider,
    string Model,
    IReadOnlyList<double> MonthlyRequestsObserved,
    GrowthFit Growth,
    double InputTokensPerRequest,
    double OutputTokensPerRequest,
    double CacheReadShare,
    double CacheWriteShare,
    double BatchShare,
    IReadOnlyDictionary<long, double> RequestShareOverContextThreshold);
