namespace LlmTco.Uncertainty;

/// <summary>
/// One uncertain scenario input: the path of a numeric property of the scenario and the distribution its value is
/// drawn from in each Monte Carlo trial.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record UncertainInput
{
    /// <summary>
    /// Gets the path of the numeric property, as in scenario JSON: camelCase names separated by dots, list entries by
    /// index, e.g. <c>workload.profiles[0].growth.monthlyRate</c> or <c>selfHostedOptions[1].targetUtilization</c>.
    /// <c>[*]</c> sets every entry of a list to the same drawn value (<c>workload.profiles[*].growth.monthlyRate</c>).
    /// A leading <c>$.</c> is allowed.
    /// </summary>
    public required string Path { get; init; }

    /// <summary>Gets the distribution the value is drawn from, in the property's unit.</summary>
    public required Distribution Distribution { get; init; }

    /// <summary>Gets a short label for charts and tables, or <see langword="null"/> to show the path.</summary>
    public string? Label { get; init; }
}
