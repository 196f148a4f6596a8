namespace LlmTco.Timeline;

/// <summary>
/// An option's steady-state monthly cost as a function of monthly token volume, in the workload's request mix and at
/// the prices of <see cref="PriceDate"/>: the curve the break-even volume is found on.
/// </summary>
/// <remarks>
/// API: max(tokens ÷ 10⁶ × <see cref="CostPerMillionTokens"/>, <see cref="MonthlyCommitment"/>) + <see cref="FixedMonthlyCost"/>.
/// Self-hosted: <see cref="FixedMonthlyCost"/> + replicas × <see cref="CostPerReplica"/>, where replicas =
/// max(<see cref="MinReplicas"/>, ceil(tokens ÷ <see cref="TokensPerMonthPerReplica"/>)) + <see cref="RedundancyReplicas"/>
/// (at least one replica carries any traffic): a staircase. One-off costs (setup, capital in the cash view) are left
/// out; owned hardware counts its depreciation.
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
/// <param name="Kind">The option's kind.</param>
/// <param name="FixedMonthlyCost">Cost that does not depend on volume: API fees; self-hosted people, licences, storage, egress and recurring fine-tuning per month.</param>
/// <param name="CostPerMillionTokens">API only: usage cost per million tokens of the mix, after cache and batch discounts.</param>
/// <param name="MonthlyCommitment">API only: the committed monthly spend.</param>
/// <param name="CostPerReplica">Self-hosted only: the monthly cost of one replica (rent, or depreciation, power, hosting and maintenance).</param>
/// <param name="TokensPerMonthPerReplica">Self-hosted only: the monthly tokens one replica carries at the target utilisation and peak-to-average ratio.</param>
/// <param name="MinReplicas">Self-hosted only: the fewest serving replicas.</param>
/// <param name="RedundancyReplicas">Self-hosted only: spare replicas.</param>
/// <param name="PriceDate">The date whose prices the curve uses.</param>
public sealed record SteadyStateCost(
    OptionKind Kind,
    double FixedMonthlyCost,
    double CostPerMillionTokens,
    double MonthlyCommitment,
    double CostPerReplica,
    double TokensPerMonthPerReplica,
    int MinReplicas,
    int RedundancyReplicas,
    DateOnly PriceDate)
{
    /// <summary>Gets the replicas (spares included) a self-hosted option runs at a volume; 0 for API options.</summary>
    /// <param name="tokensPerMonth">Input plus output tokens per month.</param>
    /// <returns>The replicas.</returns>
    public int ReplicasAt(double tokensPerMonth) => Kind == OptionKind.Api ? 0 : Replicas(tokensPerMonth, TokensPerMonthPerReplica, MinReplicas, RedundancyReplicas);

    /// <summary>Gets the steady-state monthly cost at a volume.</summary>
    /// <param name="tokensPerMonth">Input plus output tokens per month.</param>
    /// <returns>The monthly cost in the scenario currency.</returns>
    public double MonthlyCostAt(double tokensPerMonth) => Kind == OptionKind.Api
        ? ApiCostAt(tokensPerMonth, FixedMonthlyCost, CostPerMillionTokens, MonthlyCommitment)
        : SelfHostedCostAt(tokensPerMonth, FixedMonthlyCost, CostPerReplica, TokensPerMonthPerReplica, MinReplicas, RedundancyReplicas);

    /// <summary>The replicas a self-hosted option runs at a volume: volume ÷ tokens per replica, rounded by <see cref="SelfHosted.ReplicaCount.Of"/>.</summary>
    internal static int Replicas(double tokensPerMonth, double tokensPerReplica, int minReplicas, int redundancyReplicas) =>
        SelfHosted.ReplicaCount.Of(tokensPerReplica > 0 ? tokensPerMonth / tokensPerReplica : 0, minReplicas, redundancyReplicas);

    /// <summary>The self-hosted steady-state cost at a volume: fixed cost + replicas × cost per replica.</summary>
    internal static double SelfHostedCostAt(double tokensPerMonth, double fixedCost, double costPerReplica, double tokensPerReplica, int minReplicas, int redundancyReplicas) =>
        fixedCost + (Replicas(tokensPerMonth, tokensPerReplica, minReplicas, redundancyReplicas) * costPerReplica);

    /// <summary>The API steady-state cost at a volume: max(tokens ÷ 10⁶ × price per 1M, commitment) + fixed fees.</summary>
    internal static double ApiCostAt(double tokensPerMonth, double fixedCost, double costPerMillionTokens, double commitment) =>
        Math.Max(tokensPerMonth / 1e6 * costPerMillionTokens, commitment) + fixedCost;
}
