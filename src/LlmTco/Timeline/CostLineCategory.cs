using System.Collections.ObjectModel;

namespace LlmTco.Timeline;

/// <summary>
/// A group of <see cref="CostLine"/> items that a report shows as one figure (e.g. "Compute" is GPU rental, capital and
/// depreciation). <see cref="All"/> holds the categories; every cost line is in exactly one of them.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class CostLineCategory
{
    private CostLineCategory(string name, params CostLine[] lines)
    {
        Name = name;
        Lines = Array.AsReadOnly(lines);
    }

    /// <summary>Gets every category, in the order a report shows them; together they hold every cost line once.</summary>
    /// <value>API usage, Compute, Power &amp; hosting, Storage &amp; network, Fine-tuning, People.</value>
    public static IReadOnlyList<CostLineCategory> All { get; } = new ReadOnlyCollection<CostLineCategory>(
    [
        new("API usage", CostLine.ApiUsage, CostLine.ApiCommitmentShortfall, CostLine.ApiFees, CostLine.BridgeApi),
        new("Compute", CostLine.GpuRental, CostLine.CommitmentBeyondHorizon, CostLine.Capital, CostLine.Depreciation, CostLine.ResidualValue),
        new("Power & hosting", CostLine.Power, CostLine.Hosting, CostLine.Maintenance),
        new("Storage & network", CostLine.Storage, CostLine.Egress),
        new("Fine-tuning", CostLine.FineTuning, CostLine.ApiFineTuning),
        new("People", CostLine.People, CostLine.LicencesAndSupport, CostLine.Setup),
    ]);

    /// <summary>Gets the category's name as a report shows it, e.g. "Power &amp; hosting".</summary>
    public string Name { get; }

    /// <summary>Gets the cost lines in the category; a month's cost in the category is the sum of their costs.</summary>
    public IReadOnlyList<CostLine> Lines { get; }

    /// <summary>Returns the category's name.</summary>
    /// <returns><see cref="Name"/>.</returns>
    public override string ToString() => Name;
}
