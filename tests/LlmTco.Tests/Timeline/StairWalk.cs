using LlmTco.Timeline;

namespace LlmTco.Tests.Timeline;

/// <summary>
/// The break-even volume search with nothing skipped: <see cref="VolumeSolver"/> evaluating every stair one by one, each
/// with the same arithmetic as the search (stair start and end, costs at the stair's end, MathNet's root). The reference
/// the search's skipping is compared with, bit for bit; slow by design (up to 2,000,000 stairs).
/// </summary>
internal static class StairWalk
{
    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments = BreakEvenCalculator.MaxSegments) =>
        ByVolume(self, api, maxTokensOfHorizon, maxSegments, out _);

    public static VolumeBreakEven ByVolume(SteadyStateCost self, SteadyStateCost api, double maxTokensOfHorizon, int maxSegments, out long stairsWalked)
    {
        var walk = new VolumeSolver { SkipQuietRanges = false };
        var answer = walk.Crossings(self, api, maxTokensOfHorizon, maxSegments);
        stairsWalked = walk.StairsEvaluated;
        return answer;
    }
}
