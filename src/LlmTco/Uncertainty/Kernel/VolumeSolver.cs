using LlmTco.Timeline;

namespace LlmTco.Uncertainty.Kernel;

/// <summary>The monthly volume above which self-hosting stays cheaper at steady state, as BreakEvenCalculator.ByVolume finds it.</summary>
internal static class VolumeSolver
{
    public static double? CheaperAbove(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon) =>
        BreakEvenCalculator.ByVolume(self, api, maxTokensOfHorizon).SelfHostedCheaperAboveTokensPerMonth;
}
