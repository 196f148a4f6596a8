using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LlmTco.Tests.Reliability;

/// <summary>Every dependency is pinned to one exact version in Directory.Packages.props; no project floats its own.</summary>
public sealed partial class PackageVersionTests
{
    [Fact]
    public void PackageVersions_AreExactPins()
    {
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));
        var versions = props.Descendants("PackageVersion").ToList();

        versions.Should().NotBeEmpty();
        versions.Should().OnlyContain(v => ExactPin().IsMatch((string?)v.Attribute("Version") ?? string.Empty), "a version like [1.2.3] cannot float");
        props.Descendants("CentralPackageTransitivePinningEnabled").Single().Value.Should().Be("true");
        ((string?)versions.Single(v => (string?)v.Attribute("Include") == "FluentAssertions").Attribute("Version")).Should().Be("[7.2.2]", "7.x is the last Apache-licensed line");
    }

    [Fact]
    public void Projects_TakeVersionsOnlyFromTheCentralFile()
    {
        var projects = Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

        foreach (var project in projects)
        {
            XDocument.Load(project).Descendants("PackageReference")
                .Should().OnlyContain(r => r.Attribute("Version") == null && r.Attribute("VersionOverride") == null, project);
        }
    }

    [GeneratedRegex(@"^\[\d+\.\d+\.\d+\]$")]
    private static partial Regex ExactPin();
}
