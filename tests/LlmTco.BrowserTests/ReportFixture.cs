using LlmTco.Samples;
using Microsoft.Playwright;

namespace LlmTco.BrowserTests;

/// <summary>
/// The headline scenario's report (with its Monte Carlo charts, 500 trials) written once into a fresh folder, and one
/// headless Chromium shared by the tests of a class.
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public string Folder { get; } = Directory.CreateTempSubdirectory("llmtco-browser-").FullName;

    public string ReportPath => Path.Combine(Folder, "report.html");

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(["run", "customer-service", "--trials", "500", "--out", Folder], stdout, stderr);
        exit.Should().Be(0, stderr.ToString());

        SystemChromium.Missing.Should().BeNull("the report is checked in a real browser");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = SystemChromium.Path,
            Headless = true,
            Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox cannot start
        });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
