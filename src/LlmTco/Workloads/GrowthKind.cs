namespace LlmTco.Workloads;

/// <summary>How a traffic profile's requests per month change over the horizon. JSON words: <c>none</c>, <c>compound</c>, <c>linear</c>, <c>series</c>.</summary>
public enum GrowthKind
{
    /// <summary>The same requests every month.</summary>
    None = 0,

    /// <summary>Requests grow by a fixed percentage every month: requests(m) = requests(1) × (1 + rate)^(m − 1).</summary>
    Compound = 1,

    /// <summary>Requests grow by a fixed number every month: requests(m) = requests(1) + (m − 1) × added.</summary>
    Linear = 2,

    /// <summary>Requests are given month by month; the series must cover the horizon.</summary>
    Series = 3,
}
