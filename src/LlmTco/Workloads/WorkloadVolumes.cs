namespace LlmTco.Workloads;

/// <summary>
/// Month-by-month token volumes of every traffic profile, split as the cost formulas need them: buffers that
/// <see cref="WorkloadPlan.Compute"/> fills, reused from one evaluation to the next.
/// </summary>
internal sealed class WorkloadVolumes
{
    public WorkloadVolumes(int profiles, int months)
    {
        Requests = Rows(profiles, months);
        Uncached = Rows(profiles, months);
        CacheRead = Rows(profiles, months);
        CacheWrite = Rows(profiles, months);
        Output = Rows(profiles, months);
        TotalInput = new double[months];
        TotalOutput = new double[months];
    }

    /// <summary>Gets each profile's requests, month by month.</summary>
    public double[][] Requests { get; }

    /// <summary>Gets each profile's input tokens not read from or written to a cache.</summary>
    public double[][] Uncached { get; }

    /// <summary>Gets each profile's input tokens read from a cache.</summary>
    public double[][] CacheRead { get; }

    /// <summary>Gets each profile's input tokens written to a cache.</summary>
    public double[][] CacheWrite { get; }

    /// <summary>Gets each profile's output tokens.</summary>
    public double[][] Output { get; }

    /// <summary>Gets every profile's input tokens, month by month.</summary>
    public double[] TotalInput { get; }

    /// <summary>Gets every profile's output tokens, month by month.</summary>
    public double[] TotalOutput { get; }

    internal static double[][] Rows(int rows, int columns)
    {
        var result = new double[rows][];
        for (var i = 0; i < rows; i++)
        {
            result[i] = new double[columns];
        }

        return result;
    }
}
