namespace LlmTco.Timeline;

/// <summary>How a self-hosted option's cumulative cost compares with an API option's over the horizon.</summary>
public enum BreakEvenOutcome
{
    /// <summary>Self-hosting's cumulative cost is at or below the API's at every month end: cheaper from the start.</summary>
    CheaperFromStart = 0,

    /// <summary>Self-hosting falls to or below the API in some month and stays there to the horizon.</summary>
    BreaksEven = 1,

    /// <summary>Self-hosting is still dearer at the horizon's end: no break-even within the horizon.</summary>
    NeverWithinHorizon = 2,
}
