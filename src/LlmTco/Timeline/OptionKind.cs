namespace LlmTco.Timeline;

/// <summary>Whether an option pays for an API or self-hosts.</summary>
public enum OptionKind
{
    /// <summary>An <see cref="Api.ApiOption"/>.</summary>
    Api = 0,

    /// <summary>A <see cref="SelfHosted.SelfHostedOption"/>.</summary>
    SelfHosted = 1,
}
