using System.Text;
using Microsoft.Playwright;

namespace LlmTco.BrowserTests;

/// <summary>
/// The HTML report as people see it, in Chromium: on a wide screen (1280 px), on a phone (390 px) and printed on A4.
/// Each fails on a console or page error, a chart wider than its container or the page, a break-even marker outside its
/// chart or plot area, or a broken image; the printout also keeps every figure whole.
/// </summary>
public sealed class ReportInBrowserTests(ReportFixture fixture) : IClassFixture<ReportFixture>
{
    /// <summary>The layout checks, run in the page; returns every problem found and how many markers were checked.</summary>
    internal const string LayoutCheck = """
        () => {
          const problems = [];
          const page = document.documentElement.clientWidth;
          if (document.documentElement.scrollWidth > page + 1) problems.push(`the page scrolls sideways: ${document.documentElement.scrollWidth}px of content in ${page}px`);
          const charts = [...document.querySelectorAll('figure > svg')];
          let markers = 0;
          charts.forEach((svg, i) => {
            const chart = svg.getBoundingClientRect();
            const box = svg.parentElement.getBoundingClientRect();
            const name = svg.parentElement.querySelector('figcaption')?.textContent?.slice(0, 60) ?? `chart ${i + 1}`;
            if (chart.width < 100 || chart.height < 60) problems.push(`${name}: drawn at ${chart.width}×${chart.height}px`);
            if (chart.width > box.width + 0.5 || chart.left < box.left - 0.5) problems.push(`${name}: ${chart.width}px wide in a ${box.width}px container`);
            if (chart.right > page + 0.5) problems.push(`${name}: ends at ${chart.right}px on a ${page}px page`);
            const area = svg.querySelector('.llmtco-plot-area')?.getBoundingClientRect();
            for (const marker of svg.querySelectorAll('.llmtco-break-even')) {
              markers++;
              const m = marker.getBoundingClientRect();
              const x = m.left + m.width / 2, y = m.top + m.height / 2;
              const inside = r => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom;
              if (!inside(chart)) problems.push(`${name}: a break-even marker at (${x}, ${y}) lies outside the visible chart`);
              else if (!area || !inside(area)) problems.push(`${name}: a break-even marker at (${x}, ${y}) lies outside the plot area`);
            }
          });
          for (const img of document.images) if (!img.complete || img.naturalWidth === 0) problems.push(`broken image: ${img.getAttribute('src')}`);
          return { charts: charts.length, markers, problems };
        }
        """;

    /// <summary>The reports and what each must hold: its charts, and break-even markers on them.</summary>
    public static TheoryData<string, int, int> Reports => new()
    {
        { "headline", 8, 1 },       // four cost charts and the Monte Carlo charts; the volume chart marks its crossings
        { "readme-example", 4, 2 }, // four cost charts; month 4 on the cumulative chart and the crossing on the volume chart
    };

    [BrowserTheory]
    [MemberData(nameof(Reports))]
    public Task Report_OnAWideScreen_ShowsEveryChartWhole(string report, int charts, int markers) => CheckAt(report, 1280, charts, markers);

    [BrowserTheory]
    [MemberData(nameof(Reports))]
    public Task Report_OnAPhone_ShowsEveryChartWhole(string report, int charts, int markers) => CheckAt(report, 390, charts, markers);

    [BrowserTheory]
    [MemberData(nameof(Reports))]
    public async Task Report_PrintedOnA4_KeepsEveryChartWholeAndOnOnePage(string report, int charts, int markers)
    {
        // Given the report laid out for print at the width of an A4 page's text (210 mm − 2 × 12 mm margins = 186 mm ≈ 703 px)
        var (page, errors) = await Open(report, 703);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then the charts fit, the markers are inside, and no figure or table row may be split across pages
        await ExpectWhole(page, errors, charts, markers);
        var splittable = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure, tr')].filter(e => getComputedStyle(e).breakInside !== 'avoid').map(e => e.tagName)");
        splittable.Should().BeEmpty("figures and table rows keep together on a printed page");

        // And it prints to a PDF of several A4 pages
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        var pages = System.Text.RegularExpressions.Regex.Matches(Encoding.Latin1.GetString(pdf), @"/Type\s*/Page[^s]").Count;
        pages.Should().BeGreaterThan(1, "a report with its charts spans several A4 pages");
        errors.Should().BeEmpty();
        await page.Context.CloseAsync();
    }

    private async Task CheckAt(string report, int width, int charts, int markers)
    {
        var (page, errors) = await Open(report, width);
        await ExpectWhole(page, errors, charts, markers);
        await page.Context.CloseAsync();
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string report, int width)
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = PageErrors.Collect(page);
        var response = await page.GotoAsync(new Uri(fixture.ReportPath(report)).AbsoluteUri, new() { WaitUntil = WaitUntilState.Load });
        response.Should().NotBeNull();
        return (page, errors);
    }

    private static async Task ExpectWhole(IPage page, List<string> errors, int charts, int markers)
    {
        var width = page.ViewportSize!.Width;
        var layout = await page.EvaluateAsync<Layout>(LayoutCheck);

        layout.Charts.Should().BeGreaterThanOrEqualTo(charts, "every chart of the report is inlined");
        layout.Markers.Should().BeGreaterThanOrEqualTo(markers, "the report's break-evens are marked and checked");
        layout.Problems.Should().BeEmpty($"every chart is whole at {width} px");
        errors.Should().BeEmpty($"the report loads cleanly at {width} px");
    }

    internal sealed class Layout
    {
        public int Charts { get; set; }

        public int Markers { get; set; }

        public string[] Problems { get; set; } = [];
    }
}
