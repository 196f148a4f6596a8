using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LlmTco.Tests.Reliability;

/// <summary>
/// Every dependency has one version in Directory.Packages.props, written as a plain minimum (what the published package
/// declares, so host apps on newer lines can take it); the repository's own restores are pinned by lock files.
/// </summary>
public sealed partial class PackageVersionTests
{
    [Fact]
    public void PackageVersions_AreMinimumsThatNeitherFloatNorPin()
    {
        // Given the central version file
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Packages.props"));
        var versions = props.Descendants("PackageVersion").ToList();

        // Then every version is a bare x.y.z: no float (1.*), no range and no exact pin ([1.2.3] gives host apps NU1107)
        versions.Should().NotBeEmpty();
        versions.Should().OnlyContain(v => PlainVersion().IsMatch((string?)v.Attribute("Version") ?? string.Empty), "a version like 1.2.3 neither floats nor pins");
        props.Descendants("CentralPackageTransitivePinningEnabled").Single().Value.Should().Be("true");
        ((string?)versions.Single(v => (string?)v.Attribute("Include") == "FluentAssertions").Attribute("Version")).Should().Be("7.2.2", "7.x is the last Apache-licensed line");
    }

    [Fact]
    public void Restores_AreLockedByLockFiles_AndLockedModeInCi()
    {
        // Given the shared build settings
        var props = XDocument.Load(Path.Combine(RepositoryRoot.Path, "Directory.Build.props"));

        // Then every project writes a lock file, and CI restores refuse to change one
        props.Descendants("RestorePackagesWithLockFile").Single().Value.Should().Be("true");
        var locked = props.Descendants("RestoreLockedMode").Single();
        locked.Value.Should().Be("true");
        ((string?)locked.Parent!.Attribute("Condition")).Should().Contain("'$(CI)' == 'true'");

        foreach (var project in Projects())
        {
            File.Exists(Path.Combine(Path.GetDirectoryName(project)!, "packages.lock.json")).Should().BeTrue($"{project} needs its committed lock file");
        }
    }

    [Fact]
    public void Projects_TakeVersionsOnlyFromTheCentralFile()
    {
        foreach (var project in Projects())
        {
            XDocument.Load(project).Descendants("PackageReference")
                .Should().OnlyContain(r => r.Attribute("Version") == null && r.Attribute("VersionOverride") == null, project);
        }
    }

    private static IEnumerable<string> Projects() =>
        Directory.EnumerateFiles(RepositoryRoot.Path, "*.csproj", SearchOption.AllDirectories)
            .Where(p => !p.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                && !p.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex PlainVersion();
}
