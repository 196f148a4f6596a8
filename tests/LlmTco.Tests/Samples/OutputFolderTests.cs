using System.Text.RegularExpressions;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>
/// A run's output folder holds only what that run wrote: charts of an earlier run are removed (and nothing else is),
/// and summary.md links only images that exist.
/// </summary>
public sealed partial class OutputFolderTests : IDisposable
{
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-outfolder-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    [Fact]
    public async Task Run_AfterARunWithMonteCarlo_LeavesNoStaleChart_AndKeepsOtherFiles()
    {
        // Given a folder holding a Monte Carlo run's charts and a file of the user's
        (await Run("run", "customer-service", "--trials", "200", "--out", outFolder)).Should().Be(0);
        Directory.GetFiles(outFolder, "uncertainty-*.png").Should().NotBeEmpty();
        var notes = Path.Combine(outFolder, "notes.txt");
        await File.WriteAllTextAsync(notes, "mine");

        // When a scenario without an uncertainty section runs into the same folder
        (await Run("run", "startup-budget", "--out", outFolder)).Should().Be(0);

        // Then the earlier Monte Carlo charts are gone, this run's files are there, and the user's file is untouched
        Directory.GetFiles(outFolder, "uncertainty-*").Should().BeEmpty();
        File.Exists(Path.Combine(outFolder, "cumulative-cost.svg")).Should().BeTrue();
        (await File.ReadAllTextAsync(notes)).Should().Be("mine");
        var summary = await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.md"));
        summary.Should().NotContain("uncertainty-");
        LinkedImages(summary).Should().NotBeEmpty().And.OnlyContain(image => File.Exists(Path.Combine(outFolder, image)));
    }

    [Fact]
    public async Task Run_WithMonteCarlo_SummaryLinksOnlyChartsThatWereWritten()
    {
        (await Run("run", "customer-service", "--trials", "200", "--out", outFolder)).Should().Be(0);

        var summary = await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.md"));
        var linked = LinkedImages(summary);

        // Every image linked exists, and every chart written is linked
        linked.Should().OnlyContain(image => File.Exists(Path.Combine(outFolder, image)));
        linked.Should().BeEquivalentTo(Directory.GetFiles(outFolder, "*.png").Select(Path.GetFileName));
    }

    [Fact]
    public void OwnFiles_AreTheChartsReportAndSummaryOnly()
    {
        var own = Reports.OwnFiles().ToList();

        own.Should().Contain(["cumulative-cost.png", "cumulative-cost.svg", "uncertainty-tornado-break-even.svg", "report.html", "summary.md"]);
        own.Should().OnlyContain(f => f.EndsWith(".png", StringComparison.Ordinal) || f.EndsWith(".svg", StringComparison.Ordinal) || f == "report.html" || f == "summary.md");
        own.Should().OnlyHaveUniqueItems();
    }

    private static List<string> LinkedImages(string markdown) => ImageLink().Matches(markdown).Select(m => m.Groups[1].Value).ToList();

    [GeneratedRegex(@"!\[[^\]]*\]\(([^)]+)\)")]
    private static partial Regex ImageLink();

    private static async Task<int> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        return await SampleApp.RunAsync(args, stdout, stderr);
    }
}
