namespace LlmTco.SelfHosted;

/// <summary>The people and tooling self-hosting needs: engineers, licences, support contracts and one-off setup.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record PeopleCosts
{
    /// <summary>Gets the full-time equivalents working on the deployment.</summary>
    /// <value>The default value is 0.</value>
    public double Ftes { get; init; }

    /// <summary>Gets the yearly loaded cost of one FTE (salary, benefits, overhead); the monthly cost is FTEs × this ÷ 12.</summary>
    /// <value>The default value is 0.</value>
    public double YearlyLoadedCostPerFte { get; init; }

    /// <summary>Gets software licences per month.</summary>
    /// <value>The default value is 0.</value>
    public double LicencesPerMonth { get; init; }

    /// <summary>Gets support contracts per month.</summary>
    /// <value>The default value is 0.</value>
    public double SupportPerMonth { get; init; }

    /// <summary>Gets the one-off setup cost, paid in month 1.</summary>
    /// <value>The default value is 0.</value>
    public double SetupCost { get; init; }
}
