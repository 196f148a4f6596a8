using LlmTco.Pricing;

namespace LlmTco.SelfHosted;

/// <summary>
/// GPUs rented from a provider on a plan, priced from <c>gpu_rentals.csv</c>: GPUs × 730 hours × price per GPU-hour
/// each month.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record RentedCompute
{
    /// <summary>Gets the provider slug in <c>gpu_rentals.csv</c>, e.g. <c>aws</c>.</summary>
    public required string Provider { get; init; }

    /// <summary>Gets the pricing plan.</summary>
    /// <value>The default value is <see cref="RentalPlan.OnDemand"/>.</value>
    public RentalPlan Plan { get; init; }

    /// <summary>Gets the region, or <see langword="null"/> for the cheapest offer in any region.</summary>
    public string? Region { get; init; }

    /// <summary>Gets the instance type, or <see langword="null"/> for the cheapest.</summary>
    public string? Sku { get; init; }

    /// <summary>Gets a price per GPU-hour that replaces the table lookup, or <see langword="null"/>.</summary>
    public double? PricePerGpuHour { get; init; }

    /// <summary>
    /// Gets the GPUs committed on a reserved plan, billed every month of each term at the reserved price in force on the
    /// term's first month; or <see langword="null"/> to commit,
    /// at the start of each term, the most GPUs needed during that term. GPUs needed above the commitment bill at the
    /// provider's on-demand price.
    /// </summary>
    public int? CommittedGpus { get; init; }

    /// <summary>
    /// Gets a value indicating whether a reserved term that runs past the horizon is counted in full: its committed rent
    /// for the months after the horizon goes into the last month's <see cref="Timeline.CostLine.CommitmentBeyondHorizon"/>
    /// line (each payment discounted at its own month in the NPV). <see langword="false"/> leaves those months out, with a
    /// warning.
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool CountCommitmentBeyondHorizon { get; init; } = true;

    /// <summary>
    /// Gets the yearly decline d of the table's rental prices (0 ≤ d &lt; 1): an open-ended offer's price × (1 − d)^(years
    /// since the last date it is known to hold — the latest of its <c>effective_from</c>, its <c>checked_on</c> and the
    /// scenario's start), the table price before that date. A reserved term keeps the price of its first month. A price
    /// given in <see cref="PricePerGpuHour"/> does not decline.
    /// </summary>
    /// <value>The default value is 0.</value>
    public double YearlyPriceDecline { get; init; }
}
