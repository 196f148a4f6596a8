namespace LlmTco.Scenarios;

/// <summary>Thrown when a scenario has invalid values; lists every problem, each with its path.</summary>
public sealed class ScenarioValidationException : Exception
{
    /// <summary>Initializes a new instance with the problems found.</summary>
    /// <param name="errors">Every problem found.</param>
    public ScenarioValidationException(IReadOnlyList<ScenarioError> errors)
        : base(FormatMessage(errors))
    {
        Errors = errors;
    }

    /// <summary>Initializes a new instance with no errors.</summary>
    public ScenarioValidationException()
        : this([])
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public ScenarioValidationException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Initializes a new instance with a message and a cause.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioValidationException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>Gets every problem found.</summary>
    public IReadOnlyList<ScenarioError> Errors { get; }

    private static string FormatMessage(IReadOnlyList<ScenarioError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        return errors.Count == 0
            ? "The scenario is not valid."
            : $"The scenario has {errors.Count} error(s):{Environment.NewLine}" + string.Join(Environment.NewLine, errors.Select(e => "  " + e));
    }
}
