using System.Text.RegularExpressions;
using System.Xml.Linq;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The report scales instead of cropping: every chart's SVG has a viewBox (so it shrinks with a narrow window or an A4
/// page), and the HTML carries a viewport, a narrow-screen layout and a print stylesheet that keeps figures whole.
/// </summary>
public sealed partial class ReportLayoutTests : IDisposable
{
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-layout-").FullName;

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    [Fact]
    public async Task Run_EverySvgChart_HasAViewBoxOfItsSize()
    {
        // When the headline scenario (with its Monte Carlo charts) runs
        var (exit, stderr) = await Run("run", "--trials", "200", "--out", outFolder);
        exit.Should().Be(0, stderr);

        // Then every SVG keeps its 1000×600 size and scales through a viewBox of the same size
        var svgs = Directory.GetFiles(outFolder, "*.svg");
        svgs.Should().HaveCountGreaterThanOrEqualTo(8, "four cost charts and the Monte Carlo charts");
        foreach (var file in svgs)
        {
            var root = XDocument.Load(file).Root!;
            root.Attribute("viewBox")?.Value.Should().Be($"0 0 {Charts.Width} {Charts.Height}", file);
            root.Attribute("width")!.Value.Should().Be("1000", file);
        }
    }

    [Fact]
    public async Task Run_HtmlReport_ScalesChartsOnScreenAndKeepsThemWholeOnA4()
    {
        var (exit, stderr) = await Run("run", "startup-budget", "--out", outFolder);
        exit.Should().Be(0, stderr);
        var html = await File.ReadAllTextAsync(Path.Combine(outFolder, "report.html"));

        // Every inlined chart scales (a viewBox, and CSS that caps its width at the container's)
        SvgTag().Matches(html).Should().NotBeEmpty().And.OnlyContain(m => m.Value.Contains("viewBox=\"0 0 1000 600\"", StringComparison.Ordinal));
        html.Should().Contain("svg { max-width: 100%; height: auto; }");

        // A phone gets a viewport and scrollable tables; a printer gets A4 pages with no figure or table row split
        html.Should().Contain("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
        html.Should().Contain("@media screen and (max-width: 700px)").And.Contain("overflow-x: auto");
        var print = html[html.IndexOf("@media print", StringComparison.Ordinal)..];
        print.Should().Contain("@page { size: A4;").And.Contain("figure, table, tr, li { break-inside: avoid;").And.Contain("svg { width: 100%; height: auto; }");
    }

    [Fact]
    public void WithViewBox_AddsOneToTheRootOnly_AndKeepsAnExistingOne()
    {
        const string Plain = "<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"5\"><svg width=\"1\"/></svg>";

        var added = Charts.WithViewBox(Plain, 10, 5);

        added.Should().Be("<?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"5\" viewBox=\"0 0 10 5\" preserveAspectRatio=\"xMidYMid meet\"><svg width=\"1\"/></svg>");
        Charts.WithViewBox(added, 99, 99).Should().Be(added, "a chart that already has a viewBox is left alone");
    }

    [GeneratedRegex("<svg [^>]*>")]
    private static partial Regex SvgTag();

    private static async Task<(int Exit, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        return (exit, stderr.ToString());
    }
}
