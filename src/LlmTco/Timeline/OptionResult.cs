namespace LlmTco.Timeline;

/// <summary>One option's result: every month, its totals, its NPV and, when self-hosted, the capacity behind it.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class OptionResult
{
    internal OptionResult(string name, OptionKind kind, IReadOnlyList<MonthResult> months, double residualValue, int gpusPerReplica, double replicaThroughput, ThroughputSource throughputSource, SteadyStateCost steadyState)
    {
        Name = name;
        Kind = kind;
        Months = months;
        TotalCost = months.Count == 0 ? 0 : months[^1].Cumulative;
        Npv = months.Count == 0 ? 0 : months[^1].DiscountedCumulative;
        ResidualValue = residualValue;
        GpusPerReplica = gpusPerReplica;
        ReplicaThroughputTokensPerSecond = replicaThroughput;
        ThroughputSource = throughputSource;
        SteadyState = steadyState;
    }

    /// <summary>Gets the option's name.</summary>
    public string Name { get; }

    /// <summary>Gets whether it is an API or a self-hosted option.</summary>
    public OptionKind Kind { get; }

    /// <summary>Gets months 1 to the horizon.</summary>
    public IReadOnlyList<MonthResult> Months { get; }

    /// <summary>Gets the cost over the whole horizon (the last month's cumulative cost).</summary>
    public double TotalCost { get; }

    /// <summary>Gets the net present value of the costs: the sum of each month's cost × (1 + r)^(−m/12).</summary>
    public double Npv { get; }

    /// <summary>
    /// Gets the resale value of owned hardware at the end of the horizon (capital × residual fraction); reported apart
    /// from the monthly costs, which it does not reduce.
    /// </summary>
    public double ResidualValue { get; }

    /// <summary>Gets the GPUs in one replica (self-hosted), or 0.</summary>
    public int GpusPerReplica { get; }

    /// <summary>Gets the output tokens per second of one replica (self-hosted), or 0.</summary>
    public double ReplicaThroughputTokensPerSecond { get; }

    /// <summary>Gets where <see cref="ReplicaThroughputTokensPerSecond"/> comes from.</summary>
    public ThroughputSource ThroughputSource { get; }

    /// <summary>
    /// Gets the steady-state monthly cost as a function of volume, at the prices of the first month (API options) or
    /// of the first month self-hosting serves (self-hosted options).
    /// </summary>
    public SteadyStateCost SteadyState { get; }
}
