namespace LlmTco.Timeline;

/// <summary>
/// The monthly volumes at which a self-hosted option's steady-state monthly cost equals an API option's. Self-hosted
/// cost is a staircase in volume (whole replicas), so there may be several crossings.
/// </summary>
/// <param name="Crossings">Every crossing up to <see cref="SearchedUpToTokensPerMonth"/>, lowest first.</param>
/// <param name="SelfHostedCheaperAboveTokensPerMonth">
/// The volume above which self-hosting stays cheaper (0 when it is cheaper at every volume), or <see langword="null"/>
/// when it does not stay cheaper: its cost per token at scale is not below the API's, or the search (at most
/// 2,000,000 replica steps) ends before it gets there.
/// </param>
/// <param name="SearchedUpToTokensPerMonth">The highest volume examined.</param>
/// <param name="PriceDate">The date whose prices the steady state uses.</param>
public sealed record VolumeBreakEven(
    IReadOnlyList<VolumeCrossing> Crossings,
    double? SelfHostedCheaperAboveTokensPerMonth,
    double SearchedUpToTokensPerMonth,
    DateOnly PriceDate);
