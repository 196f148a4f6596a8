namespace LlmTco.Scenarios;

/// <summary>How <see cref="ScenarioError.Path"/> is written.</summary>
internal enum PathStyle
{
    /// <summary>A JSON path with camelCase names: <c>$.selfHostedOptions[0].targetUtilization</c>.</summary>
    Json = 0,

    /// <summary>A configuration key with the property names: <c>Prefix:SelfHostedOptions:0:TargetUtilization</c>.</summary>
    Configuration = 1,
}
