using LlmTco.Samples;
using Microsoft.Playwright;

namespace LlmTco.BrowserTests;

/// <summary>
/// Two reports written once into a fresh folder, and one headless Chromium shared by the tests of a class: the headline
/// scenario's (every Monte Carlo chart, 500 trials) and the README example's (it breaks even, so its charts carry
/// break-even markers: month 4 on the cumulative chart, the crossing on the volume chart).
/// </summary>
public sealed class ReportFixture : IAsyncLifetime
{
    private IPlaywright? playwright;

    public string Folder { get; } = Directory.CreateTempSubdirectory("llmtco-browser-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The report.html of <c>headline</c> or <c>readme-example</c>.</summary>
    public string ReportPath(string report) => Path.Combine(Folder, report, "report.html");

    public async Task InitializeAsync()
    {
        var example = Path.Combine(Folder, "readme-example.json");
        await File.WriteAllTextAsync(example, ReadmeExampleScenario());
        await Run("run", "customer-service", "--trials", "500", "--out", Path.Combine(Folder, "headline"));
        await Run("run", example, "--out", Path.Combine(Folder, "readme-example"));

        SystemChromium.Missing.Should().BeNull("the report is checked in a real browser");
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = SystemChromium.Path,
            Headless = true,
            Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox cannot start
        });
    }

    private static async Task Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args, stdout, stderr);
        exit.Should().Be(0, stderr.ToString());
    }

    /// <summary>The README's example scenario: the first JSON block of its "An example" section.</summary>
    private static string ReadmeExampleScenario()
    {
        var readme = File.ReadAllText(Path.Combine(Repository.Root, "README.md"));
        var section = readme[readme.IndexOf("## An example", StringComparison.Ordinal)..];
        var start = section.IndexOf("```json\n", StringComparison.Ordinal) + "```json\n".Length;
        return section[start..section.IndexOf("\n```", start, StringComparison.Ordinal)];
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
