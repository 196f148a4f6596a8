namespace LlmTco.Scenarios;

/// <summary>One problem with a scenario: where it is, the value found, and what was expected.</summary>
/// <param name="Path">
/// Where the value is: a JSON path such as <c>$.selfHostedOptions[0].targetUtilization</c> for scenario files, or a
/// configuration key such as <c>LlmTco:Scenario:SelfHostedOptions:0:TargetUtilization</c> for options.
/// </param>
/// <param name="Value">The value found, as text, or <see langword="null"/> when missing.</param>
/// <param name="Message">What is wrong and what is expected.</param>
public sealed record ScenarioError(string Path, string? Value, string Message)
{
    /// <summary>Formats the error as <c>path: message (value: ...)</c>.</summary>
    /// <returns>The formatted error.</returns>
    public override string ToString() => Value is null ? $"{Path}: {Message}" : $"{Path}: {Message} (value: {Value})";
}
