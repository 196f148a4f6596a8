using System.Text.RegularExpressions;

namespace LlmTco.Tests.Docs;

/// <summary>The README's example scenario (the first JSON block of its "An example" section), as a reader saves it.</summary>
internal static partial class ReadmeExample
{
    public static string ScenarioJson() => FirstJsonBlock(Path.Combine(RepositoryRoot.Path, "README.md"), "## An example");

    /// <summary>The first <c>```json</c> block after <paramref name="heading"/> in a Markdown file.</summary>
    public static string FirstJsonBlock(string file, string heading)
    {
        var text = File.ReadAllText(file);
        var at = text.IndexOf(heading, StringComparison.Ordinal);
        at.Should().BeGreaterThanOrEqualTo(0, $"{file} has the section '{heading}'");
        return JsonBlock().Match(text[at..]).Groups["json"].Value;
    }

    [GeneratedRegex("```json\\n(?<json>.*?)\\n```", RegexOptions.Singleline)]
    private static partial Regex JsonBlock();
}
