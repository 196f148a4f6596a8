using System.Text.Json.Serialization;

namespace LlmTco.Workloads;

/// <summary>How a traffic profile's monthly requests change from month to month.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record GrowthRule
{
    /// <summary>Gets a rule under which requests stay the same every month.</summary>
    public static GrowthRule None { get; } = new();

    /// <summary>Gets the kind of growth.</summary>
    /// <value>The default value is <see cref="GrowthKind.None"/>; scenario JSON must give it.</value>
    [JsonRequired]
    public GrowthKind Kind { get; init; }

    /// <summary>
    /// Gets the compound growth per month as a fraction (0.05 = 5 % per month) for <see cref="GrowthKind.Compound"/>;
    /// must be greater than −1.
    /// </summary>
    public double MonthlyRate { get; init; }

    /// <summary>Gets the requests added every month for <see cref="GrowthKind.Linear"/> (negative to shrink).</summary>
    public double RequestsAddedPerMonth { get; init; }

    /// <summary>
    /// Gets the requests of each month, month 1 first, for <see cref="GrowthKind.Series"/>; at least as many entries
    /// as the horizon has months.
    /// </summary>
    public IReadOnlyList<double>? RequestsPerMonth { get; init; }

    /// <summary>Creates compound growth.</summary>
    /// <param name="monthlyRate">Growth per month as a fraction, e.g. 0.05 for 5 %.</param>
    /// <returns>The rule.</returns>
    public static GrowthRule Compound(double monthlyRate) => new() { Kind = GrowthKind.Compound, MonthlyRate = monthlyRate };

    /// <summary>Creates linear growth.</summary>
    /// <param name="requestsAddedPerMonth">Requests added each month.</param>
    /// <returns>The rule.</returns>
    public static GrowthRule Linear(double requestsAddedPerMonth) => new() { Kind = GrowthKind.Linear, RequestsAddedPerMonth = requestsAddedPerMonth };

    /// <summary>Creates an explicit month-by-month series.</summary>
    /// <param name="requestsPerMonth">Requests of month 1, 2, ...</param>
    /// <returns>The rule.</returns>
    public static GrowthRule Series(params double[] requestsPerMonth) => new() { Kind = GrowthKind.Series, RequestsPerMonth = requestsPerMonth };

    /// <summary>(1 + rate)^n as a running product, the same bits as the engine's month-by-month volumes.</summary>
    /// <summary>(1 + rate)^n as the running product <see cref="CompoundFactors.Growth"/> computes for every month.</summary>
    private double CompoundFactor(int n)
    {
        Span<double> factors = n < 512 ? stackalloc double[n + 1] : new double[n + 1];
        CompoundFactors.Growth(MonthlyRate, factors);
        return factors[n];
    }

    /// <summary>Linear growth's requests in month index <paramref name="m"/> (0-based): first + m × added, never below 0.</summary>
    internal static double Linear(double firstMonthRequests, int m, double requestsAddedPerMonth) => Math.Max(0, firstMonthRequests + (m * requestsAddedPerMonth));

    /// <summary>Gets the requests of month <paramref name="month"/> (1-based) for a profile with <paramref name="firstMonthRequests"/>.</summary>
    /// <param name="firstMonthRequests">Requests in month 1.</param>
    /// <param name="month">The month, 1-based.</param>
    /// <returns>The requests of that month; never negative (linear decline stops at 0).</returns>
    public double RequestsInMonth(double firstMonthRequests, int month) => Kind switch
    {
        GrowthKind.Compound => firstMonthRequests * CompoundFactor(month - 1),
        GrowthKind.Linear => Linear(firstMonthRequests, month - 1, RequestsAddedPerMonth),
        GrowthKind.Series => RequestsPerMonth![month - 1],
        _ => firstMonthRequests,
    };
}
