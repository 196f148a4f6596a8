using System.Text.RegularExpressions;

namespace LlmTco.Tests.Docs;

/// <summary>
/// The README is a short front page that links to docs/; a link to a moved file or a renamed heading would leave a
/// reader stranded, so every relative link of README.md and docs/*.md must name an existing file and, with a
/// <c>#fragment</c>, one of that Markdown file's headings (GitHub's anchors: lower case, punctuation dropped, spaces as
/// hyphens).
/// </summary>
public sealed partial class DocLinkTests
{
    [Fact]
    public void Docs_EveryRelativeLink_NamesAnExistingFileAndHeading()
    {
        // Given every Markdown link of the README and docs/ that is not a web address
        var documents = new[] { Path.Combine(RepositoryRoot.Path, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md"));
        var broken = new List<string>();
        var checkedLinks = 0;
        foreach (var document in documents)
        {
            var text = WithoutCodeBlocks(File.ReadAllText(document));
            foreach (Match link in Link().Matches(text))
            {
                var target = link.Groups["target"].Value;
                if (target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
                {
                    continue;
                }

                checkedLinks++;
                var hash = target.IndexOf('#', StringComparison.Ordinal);
                var (file, fragment) = hash < 0 ? (target, null) : (target[..hash], target[(hash + 1)..]);
                var path = file.Length == 0 ? document : Path.GetFullPath(Path.Combine(Path.GetDirectoryName(document)!, file));
                var name = $"{Path.GetRelativePath(RepositoryRoot.Path, document)}: ({target})";
                if (!File.Exists(path) && !Directory.Exists(path))
                {
                    broken.Add($"{name}: no such file");
                }
                else if (fragment is not null && path.EndsWith(".md", StringComparison.Ordinal) && !Anchors(path).Contains(fragment))
                {
                    broken.Add($"{name}: no heading with that anchor");
                }
            }
        }

        // Then there are links, and none is broken
        checkedLinks.Should().BeGreaterThan(20, "the README links to the docs and they to each other");
        broken.Should().BeEmpty();
    }

    [Theory]
    [InlineData("## Configuration with appsettings.json", "configuration-with-appsettingsjson")]
    [InlineData("## How sure is the answer: Monte Carlo and tornado", "how-sure-is-the-answer-monte-carlo-and-tornado")]
    [InlineData("## 15. Uncertainty and sensitivity", "15-uncertainty-and-sensitivity")]
    [InlineData("## `run --json`", "run---json")]
    public void Anchor_IsGitHubs(string heading, string anchor)
    {
        // GitHub: lower case, drop everything but letters, digits, spaces, hyphens and underscores, spaces to hyphens
        AnchorOf(heading).Should().Be(anchor);
    }

    private static HashSet<string> Anchors(string markdown) =>
        WithoutCodeBlocks(File.ReadAllText(markdown)).Split('\n')
            .Where(l => l.StartsWith('#'))
            .Select(AnchorOf)
            .ToHashSet(StringComparer.Ordinal);

    private static string AnchorOf(string heading)
    {
        var text = heading.TrimStart('#').Trim().ToLowerInvariant();
        var kept = new string([.. text.Where(c => char.IsLetterOrDigit(c) || c is ' ' or '-' or '_')]);
        return kept.Replace(' ', '-');
    }

    private static string WithoutCodeBlocks(string text) => CodeBlock().Replace(text.Replace("\r\n", "\n", StringComparison.Ordinal), string.Empty);

    [GeneratedRegex(@"\]\((?<target>[^)\s]+)\)")]
    private static partial Regex Link();

    [GeneratedRegex("^```.*?^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CodeBlock();
}
