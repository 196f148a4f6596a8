namespace LlmTco.Timeline;

/// <summary>How one self-hosted option compares with one API option: by month, discounted, and by volume.</summary>
/// <param name="SelfHostedOption">The self-hosted option's name.</param>
/// <param name="ApiOption">The API option's name.</param>
/// <param name="Nominal">Break-even of the cumulative costs.</param>
/// <param name="Discounted">Break-even of the discounted cumulative costs.</param>
/// <param name="Volume">Break-even monthly volumes of the steady-state costs.</param>
public sealed record BreakEvenResult(string SelfHostedOption, string ApiOption, BreakEvenPoint Nominal, BreakEvenPoint Discounted, VolumeBreakEven Volume);
