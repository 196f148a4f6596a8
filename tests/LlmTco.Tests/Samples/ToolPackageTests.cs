using System.Xml.Linq;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The sample app packs as the .NET tool <c>llmtco</c> (CI packs it, installs it from a local feed into a temporary tool
/// path and runs it: .ci/run); these tests keep the project settings and the README's install commands in step.
/// </summary>
public sealed class ToolPackageTests
{
    private static readonly XDocument Project = XDocument.Load(Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "LlmTco.Samples.csproj"));

    [Fact]
    public void SampleProject_PacksAsTheLlmtcoTool()
    {
        Property("IsPackable").Should().Be("true");
        Property("PackAsTool").Should().Be("true");
        Property("ToolCommandName").Should().Be("llmtco");
        Property("PackageId").Should().Be("LlmTco.Cli");
        Property("PackageLicenseExpression").Should().Be("MIT");
    }

    [Fact]
    public void Readme_DocumentsPackingAndInstallingTheTool_WithTheProjectsIds()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "README.md"));

        readme.Should().Contain("dotnet pack samples/LlmTco.Samples -c Release -o artifacts")
            .And.Contain($"dotnet tool install --global --add-source artifacts {Property("PackageId")}")
            .And.Contain($"{Property("ToolCommandName")} validate-pricing pricing-data");
    }

    [Fact]
    public void Ci_InstallsTheToolFromTheLocalFeed_AndRunsIt()
    {
        var ci = File.ReadAllText(Path.Combine(RepositoryRoot.Path, ".ci", "run"));

        ci.Should().Contain("dotnet pack samples/LlmTco.Samples -c Release -o artifacts")
            .And.Contain("dotnet tool install --tool-path \"$tools\" --add-source artifacts LlmTco.Cli")
            .And.Contain("\"$tools/llmtco\" validate-pricing pricing-data");
    }

    private static string? Property(string name) => Project.Descendants(name).SingleOrDefault()?.Value;
}
