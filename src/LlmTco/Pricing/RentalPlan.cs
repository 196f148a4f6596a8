using System.ComponentModel;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>
/// How rented GPUs are paid for. CSV words: <c>on-demand</c>, <c>spot</c>, <c>reserved-1y</c>, <c>reserved-3y</c>.
/// </summary>
[TypeConverter(typeof(WordEnumTypeConverter<RentalPlan>))]
public enum RentalPlan
{
    /// <summary>Billed per hour used, no commitment (<c>on-demand</c>).</summary>
    OnDemand = 0,

    /// <summary>Spare capacity at a discount that the provider may reclaim at short notice (<c>spot</c>).</summary>
    Spot = 1,

    /// <summary>A one-year commitment: the committed GPU count is billed every month of the term (<c>reserved-1y</c>).</summary>
    Reserved1Year = 2,

    /// <summary>A three-year commitment: the committed GPU count is billed every month of the term (<c>reserved-3y</c>).</summary>
    Reserved3Year = 3,
}
