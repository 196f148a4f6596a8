using LlmTco.Pricing.Csv;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The "did you mean" rule: names within max(3, half the name's length) edits (Levenshtein, case-insensitive), or
/// containing the name or contained in it when it is longer than 2 characters, nearest first; only the nearest and
/// those one edit further. Distances below are counted by hand.
/// </summary>
public sealed class NameSuggesterTests
{
    [Theory]
    [InlineData("abcdefgh", "abcdwxyz", true)] // 4 substitutions; the limit for 8 characters is max(3, 4) = 4
    [InlineData("abcdefgh", "abcvwxyz", false)] // 5 substitutions
    [InlineData("ABCD", "xyz", false)] // 3 substitutions and a deletion = 4, over max(3, 2) = 3; the last letter counts
    [InlineData("x", "abcde", false)] // 1 substitution and 4 insertions = 5, over 3
    [InlineData("x", "abc", true)] // 1 substitution and 2 insertions = 3
    [InlineData("ab", "xxabxx", false)] // contained, but 2 characters are too few for that shortcut: 4 insertions
    [InlineData("abc", "xxabcxx", true)] // contained: counts as 1
    [InlineData("gpt-4o-2024-08-06", "GPT-4O", true)] // containing, in any case
    public void Nearest_SuggestsOnlyNamesWithinTheEditLimit(string wanted, string known, bool suggested)
    {
        NameSuggester.Nearest(wanted, [known]).Should().Equal(suggested ? [known] : []);
    }

    [Fact]
    public void Nearest_ShowsTheNearestAndThoseOneEditFurther_NearestFirst()
    {
        // gpu-a → gpu-b: 1 edit; gpu-bc: 2; gpu-bcd: 3 (within the limit of 3, but two edits further than the nearest)
        NameSuggester.Nearest("gpu-a", ["gpu-bcd", "gpu-bc", "gpu-b"]).Should().Equal("gpu-b", "gpu-bc");
    }

    [Fact]
    public void DidYouMean_JoinsTheNamesWithOr_OrSaysNothing()
    {
        NameSuggester.DidYouMean("gpu-a", ["gpu-b", "gpu-c"]).Should().Be("; did you mean 'gpu-b' or 'gpu-c'?");
        NameSuggester.DidYouMean("gpu-a", ["something-else"]).Should().BeEmpty();
    }
}
