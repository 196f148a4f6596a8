using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmTco.Samples;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace LlmTco.BrowserTests;

/// <summary>
/// The what-if page (samples/LlmTco.Web) in Chromium, against the CLI: it opens on the headline scenario with no console
/// error and the break-evens `run --json` computes; a change of growth moves them, redraws the page and goes into the
/// link; the scenario it downloads runs through `run --json` to the figures it shows; Monte Carlo runs on demand and
/// agrees with the CLI's percentiles; its charts stay whole on a phone and in print.
/// </summary>
public sealed class WhatIfPageTests(WhatIfPageFixture fixture, ITestOutputHelper output) : IClassFixture<WhatIfPageFixture>
{
    private const float LoadTimeoutMs = 90_000; // a cold start of the .NET runtime in the browser on a busy 2-core machine

    [WhatIfPageFact]
    public async Task Page_OnTheHeadlineScenario_ShowsTheCliBreakEvens_AndGrowthMovesThemInTheDownloadAndTheLink()
    {
        // Given the page opened at its address, on a wide screen
        var (page, errors) = await Open(fixture.Url, 1280);

        // Then it shows the headline scenario's break-evens as `run customer-service --json` computes them
        var cli = await RunJson("customer-service");
        var before = await BreakEvens(page);
        before.Should().Equal(CliBreakEvens(cli), "the page evaluates the same scenario with the same library");
        (await page.InnerTextAsync("#scenario-name")).Should().Be(cli.GetProperty("scenario").GetString());

        // And its charts are whole, with the volume chart's break-even marker inside its plot area
        await ExpectWhole(page, charts: 3, markers: 1);

        // And the price rows it used are listed with their sources
        (await page.Locator("#sources a[href^='http']").CountAsync()).Should().BeGreaterThan(3, "every pricing row used links its source");

        // (a screenshot for the README: docs/images/web-what-if.png, written when LLMTCO_UPDATE_SCREENSHOTS=1)
        var shot = await page.ScreenshotAsync(new() { Path = Path.Combine(fixture.Folder, "web-what-if.png") });
        if (Environment.GetEnvironmentVariable("LLMTCO_UPDATE_SCREENSHOTS") == "1")
        {
            await File.WriteAllBytesAsync(Path.Combine(Repository.Root, "docs", "images", "web-what-if.png"), shot);
        }

        // When the first profile's growth slider is dragged from 3 % to 12 % a month in steps of 0.5 %
        await DragGrowthSlider(page);

        // And both profiles are then set to grow 12 % a month instead of 6 %
        var cumulative = await page.InnerHTMLAsync("#chart-cumulative > svg");
        foreach (var growth in await page.Locator("input.growth").AllAsync())
        {
            await growth.FillAsync("0.12");
            await growth.DispatchEventAsync("change");
        }

        await page.WaitForFunctionAsync("() => document.querySelectorAll('#break-evens li[data-outcome=\"BreaksEven\"]').length > 0");

        // Then the break-evens and the cumulative chart change (faster growth makes self-hosting break even), marked on the chart
        var after = await BreakEvens(page);
        after.Should().NotEqual(before);
        (await page.InnerHTMLAsync("#chart-cumulative > svg")).Should().NotBe(cumulative);
        await ExpectWhole(page, charts: 3, markers: 2);
        (await page.Locator("#chart-cumulative .llmtco-break-even").CountAsync()).Should().BeGreaterThan(0, "a break-even within the horizon is marked");

        // And the scenario downloaded from the page runs through `run --json` to the same break-evens and totals
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#download"));
        var file = Path.Combine(fixture.Folder, "downloaded.json");
        await download.SaveAsAsync(file);
        var edited = await RunJson(file);
        after.Should().Equal(CliBreakEvens(edited), "the downloaded scenario is the one on the screen");
        var totals = await page.Locator("#comparison tr td:nth-child(3)").AllInnerTextsAsync();
        var currency = edited.GetProperty("currency").GetString()!;
        totals.Should().Equal(edited.GetProperty("options").EnumerateArray().Select(o => Display.Money(o.GetProperty("totalCost").GetDouble(), currency)));

        // And the link reproduces the view: a new page opened at the address shows the same break-evens
        page.Url.Should().Contain("#z=", "an edited scenario is held in the link");
        var (again, againErrors) = await Open(page.Url, 1280);
        (await BreakEvens(again)).Should().Equal(after);
        errors.Concat(againErrors).Should().BeEmpty("the page runs without a console error");
        await again.CloseAsync();
        await page.CloseAsync();
    }

    [WhatIfPageFact]
    public async Task MonteCarlo_OnAPhone_ShowsTheCliPercentiles_AndThePageKeepsWholeOnAPhoneAndInPrint()
    {
        // Given the headline scenario on a phone, with 200 trials (the CLI's run with --trials 200 and the scenario's seed)
        var (page, errors) = await Open(fixture.Url + "#s=customer-service", 390);
        await page.FillAsync("#trials", "200");
        await page.DispatchEventAsync("#trials", "change");

        // When Monte Carlo is run
        await page.ClickAsync("#run-monte-carlo");
        await page.WaitForSelectorAsync("#monte-carlo-done", new() { Timeout = 240_000 });

        // Then the break-even month percentiles and never-share of every pair are the CLI's
        var cli = await RunJson("customer-service", trials: 200);
        var expected = cli.GetProperty("uncertainty").GetProperty("pairs").EnumerateArray().Select(p =>
        {
            var months = p.GetProperty("breakEvenMonthsFromStart").GetProperty("percentiles").EnumerateArray()
                .Select(v => v.GetProperty("value").ValueKind == JsonValueKind.Null ? (double?)null : v.GetProperty("value").GetDouble()).ToList();
            return $"{p.GetProperty("selfHostedOption").GetString()} vs {p.GetProperty("apiOption").GetString()} | {Display.BreakEvenCell(months[0])} | {Display.BreakEvenCell(months[1])} | {Display.BreakEvenCell(months[2])} | {Display.Percent(p.GetProperty("neverBreaksEvenShare").GetDouble())}";
        });
        var rows = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#monte-carlo tr')].slice(1).map(r => [...r.cells].slice(0, 5).map(c => c.textContent).join(' | '))");
        rows.Should().Equal(expected);

        // And the fan and probability charts are drawn, whole on the phone with the others
        (await page.Locator("#chart-fan > svg").CountAsync()).Should().Be(1);
        (await page.Locator("#chart-probability > svg > svg path").CountAsync()).Should().Be(rows.Length, "one probability curve per pair");
        await ExpectWhole(page, charts: 5, markers: 1);

        // When printed on A4 (the text width of an A4 page, 186 mm ≈ 703 px)
        await page.SetViewportSizeAsync(703, 900);
        await page.EmulateMediaAsync(new() { Media = Media.Print });

        // Then the controls are left out and the charts are whole and kept together
        (await page.Locator(".controls").IsVisibleAsync()).Should().BeFalse("a printout shows the results, not the controls");
        await ExpectWhole(page, charts: 5, markers: 1);
        var splittable = await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('figure, tr')].filter(e => getComputedStyle(e).breakInside !== 'avoid').map(e => e.tagName)");
        splittable.Should().BeEmpty("figures and table rows keep together on a printed page");
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true });
        Encoding.ASCII.GetString(pdf, 0, 5).Should().Be("%PDF-");
        await page.EmulateMediaAsync(new() { Media = Media.Screen });

        // When a scenario file whose first profile has negative requests is picked
        var json = File.ReadAllText(Path.Combine(Repository.Root, "samples", "LlmTco.Samples", "Scenarios", "startup-budget.json"));
        var bad = System.Text.RegularExpressions.Regex.Replace(json, "\"monthlyRequests\": *[0-9.]+", "\"monthlyRequests\": -5", System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));
        var file = Path.Combine(fixture.Folder, "bad.json");
        await File.WriteAllTextAsync(file, bad);
        await page.SetInputFilesAsync("#scenario-file", file);

        // Then the page names the value's JSON path, as `run` does
        (await page.InnerTextAsync("#errors")).Should().Contain("workload.profiles[0].monthlyRequests");
        errors.Should().BeEmpty("the page runs without a console error");
        await page.CloseAsync();
    }

    /// <summary>
    /// Drags the first growth slider through 19 values, waiting for each redraw; checks that every step redrew the
    /// cumulative chart, and writes the timings the page took (window.llmtco.timings) to the test output.
    /// </summary>
    private async Task DragGrowthSlider(IPage page)
    {
        var slider = page.Locator("input.growth-slider").First;
        var steps = Enumerable.Range(0, 19).Select(i => (0.03 + (i * 0.005)).ToString("0.###", CultureInfo.InvariantCulture)).ToList();
        var charts = new HashSet<string>();
        foreach (var value in steps)
        {
            var count = await page.EvaluateAsync<int>("() => window.llmtco.timings.length");
            await slider.EvaluateAsync("(el, v) => { el.value = v; el.dispatchEvent(new Event('input', { bubbles: true })); }", value);
            await page.WaitForFunctionAsync("n => window.llmtco.timings.length > n", count);
            charts.Add(await page.InnerHTMLAsync("#chart-cumulative > svg"));
        }

        var timings = await page.EvaluateAsync<Timing[]>("n => window.llmtco.timings.slice(-n)", steps.Count);
        timings.Should().HaveCount(steps.Count, "every step is timed");
        charts.Should().HaveCount(steps.Count, "each growth rate draws its own cumulative costs");
        static double Median(IEnumerable<double> values) => values.Order().ElementAt(values.Count() / 2);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"growth slider, {steps.Count} steps: input event to DOM updated median {Median(timings.Select(t => t.DomMs)):0.0} ms, max {timings.Max(t => t.DomMs):0.0} ms; to the next frame median {Median(timings.Select(t => t.PaintedMs)):0.0} ms, max {timings.Max(t => t.PaintedMs):0.0} ms; TcoEngine.Evaluate median {Median(timings.Select(t => t.EvaluateMs)):0.0} ms, charts written median {Median(timings.Select(t => t.DrawMs)):0.0} ms"));
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string url, int width)
    {
        var page = await fixture.Context.NewPageAsync();
        await page.SetViewportSizeAsync(width, 900);
        var errors = PageErrors.Collect(page);
        await page.GotoAsync(url);
        await page.WaitForSelectorAsync("#break-evens li", new() { Timeout = LoadTimeoutMs });
        return (page, errors);
    }

    /// <summary>Each break-even on the page: "self-hosted | API | outcome | month".</summary>
    private static async Task<string[]> BreakEvens(IPage page) =>
        await page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('#break-evens li')].map(li => [li.dataset.selfHosted, li.dataset.api, li.dataset.outcome.replace(/[A-Z]/g, (c, i) => (i ? '-' : '') + c.toLowerCase()), li.dataset.month].join(' | '))");

    /// <summary>Each break-even of `run --json`, in the page's form.</summary>
    private static IEnumerable<string> CliBreakEvens(JsonElement cli) => cli.GetProperty("breakEvens").EnumerateArray().Select(b =>
    {
        var nominal = b.GetProperty("nominal");
        var month = nominal.GetProperty("month").ValueKind == JsonValueKind.Null ? string.Empty : nominal.GetProperty("month").GetInt32().ToString(CultureInfo.InvariantCulture);
        return $"{b.GetProperty("selfHostedOption").GetString()} | {b.GetProperty("apiOption").GetString()} | {nominal.GetProperty("outcome").GetString()} | {month}";
    }).ToList();

    /// <summary>`run &lt;scenario&gt; --json` through the sample app's command entry point, as the CLI runs it.</summary>
    private static async Task<JsonElement> RunJson(string scenario, int trials = 20)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(["run", scenario, "--json", "--trials", trials.ToString(CultureInfo.InvariantCulture)], stdout, stderr);
        exit.Should().Be(0, stderr.ToString());
        return JsonDocument.Parse(stdout.ToString()).RootElement.Clone();
    }

    private static async Task ExpectWhole(IPage page, int charts, int markers)
    {
        var layout = await page.EvaluateAsync<ReportInBrowserTests.Layout>(ReportInBrowserTests.LayoutCheck);
        layout.Charts.Should().BeGreaterThanOrEqualTo(charts);
        layout.Markers.Should().BeGreaterThanOrEqualTo(markers);
        layout.Problems.Should().BeEmpty($"every chart is whole at {page.ViewportSize!.Width} px");
    }

    private sealed class Timing
    {
        public double DomMs { get; set; }

        public double PaintedMs { get; set; }

        public double EvaluateMs { get; set; }

        public double DrawMs { get; set; }
    }
}
