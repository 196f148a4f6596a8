namespace LlmTco.Timeline;

/// <summary>One option's costs and capacity in one month.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class MonthResult
{
    private readonly double[] lines;

    // total is lines.Sum(), which the caller has computed already for the cumulative cost.
    internal MonthResult(int month, DateOnly startDate, double[] lines, double total, double cumulative, double discountFactor, double discountedCumulative, double inputTokens, double outputTokens, int gpus, int gpusNeeded, int replicas, double? utilization, bool servedByBridge, double? discountedTotal = null)
    {
        Month = month;
        StartDate = startDate;
        this.lines = lines;
        Total = total;
        Cumulative = cumulative;
        DiscountFactor = discountFactor;
        DiscountedTotal = discountedTotal ?? Total * discountFactor;
        DiscountedCumulative = discountedCumulative;
        InputTokens = inputTokens;
        OutputTokens = outputTokens;
        Gpus = gpus;
        GpusNeeded = gpusNeeded;
        Replicas = replicas;
        Utilization = utilization;
        ServedByBridge = servedByBridge;
    }

    /// <summary>Gets the month, 1-based.</summary>
    public int Month { get; }

    /// <summary>Gets the month's first day.</summary>
    public DateOnly StartDate { get; }

    /// <summary>Gets every line item, indexed by <see cref="CostLine"/>.</summary>
    public IReadOnlyList<double> Lines => lines;

    /// <summary>Gets the month's total cost: the sum of <see cref="Lines"/>.</summary>
    public double Total { get; }

    /// <summary>Gets the total of months 1 to this one.</summary>
    public double Cumulative { get; }

    /// <summary>Gets the discount weight (1 + r)^(−m/12) of this month.</summary>
    public double DiscountFactor { get; }

    /// <summary>
    /// Gets <see cref="Total"/> × <see cref="DiscountFactor"/>; in the last month, when it holds the rent of a reserved
    /// term's months after the horizon (<see cref="CostLine.CommitmentBeyondHorizon"/>), each of those payments is weighted
    /// by its own month's factor instead.
    /// </summary>
    public double DiscountedTotal { get; }

    /// <summary>Gets the discounted totals of months 1 to this one.</summary>
    public double DiscountedCumulative { get; }

    /// <summary>Gets the workload's input tokens this month.</summary>
    public double InputTokens { get; }

    /// <summary>Gets the workload's output tokens this month.</summary>
    public double OutputTokens { get; }

    /// <summary>Gets input plus output tokens.</summary>
    public double Tokens => InputTokens + OutputTokens;

    /// <summary>
    /// Gets the month's cost per million tokens: <see cref="Total"/> less the horizon's end adjustments
    /// (<see cref="CostLine.CommitmentBeyondHorizon"/> and <see cref="CostLine.ResidualValue"/>, which pay for or return
    /// other months' capacity), ÷ tokens ÷ 10⁶; <see langword="null"/> in a month without tokens.
    /// </summary>
    public double? CostPerMillionTokens => CostLines.PerMillionTokens(Total, lines[(int)CostLine.CommitmentBeyondHorizon], lines[(int)CostLine.ResidualValue], Tokens);

    /// <summary>
    /// Gets the GPUs paid for this month (self-hosted; 0 for API options and during a lead time): rented GPUs in whole
    /// instances and reserved commitments, or owned GPUs installed in whole servers. At least <see cref="GpusNeeded"/>.
    /// </summary>
    public int Gpus { get; }

    /// <summary>Gets the GPUs the month's replicas use: <see cref="Replicas"/> × GPUs per replica (self-hosted; 0 for API options).</summary>
    public int GpusNeeded { get; }

    /// <summary>Gets the serving replicas, redundancy included (self-hosted).</summary>
    public int Replicas { get; }

    /// <summary>
    /// Gets the peak throughput needed ÷ the throughput of the replicas (redundancy included), or <see langword="null"/>
    /// for API options and lead-time months.
    /// </summary>
    public double? Utilization { get; }

    /// <summary>Gets a value indicating whether the traffic was served by the bridge API option (lead time).</summary>
    public bool ServedByBridge { get; }

    /// <summary>Gets one line item.</summary>
    /// <param name="line">The line.</param>
    /// <returns>Its cost this month.</returns>
    public double Cost(CostLine line) => lines[(int)line];
}
