namespace LlmTco.Timeline;

/// <summary>A monthly token volume at which the steady-state monthly costs of two options are equal.</summary>
/// <param name="TokensPerMonth">Input plus output tokens per month, in the workload's mix.</param>
/// <param name="SelfHostedCheaperAbove">
/// <see langword="true"/> when self-hosting becomes the cheaper option just above this volume; <see langword="false"/>
/// when the API becomes cheaper again (a new GPU step).
/// </param>
public sealed record VolumeCrossing(double TokensPerMonth, bool SelfHostedCheaperAbove);
