using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace LlmTco.BrowserTests;

/// <summary>
/// The published what-if page (samples/LlmTco.Web) served over HTTP on a free local port, as a static host serves it,
/// and one headless Chromium for the tests of a class. The page is published once by .ci/run (LLMTCO_WEB names the
/// folder; on a developer machine <c>artifacts/web/wwwroot</c>, written by the command in docs/web.md, is used).
/// </summary>
public sealed class WhatIfPageFixture : IAsyncLifetime
{
    private IPlaywright? playwright;
    private WebApplication? server;

    /// <summary>A fresh folder for downloads and screenshots.</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("llmtco-web-").FullName;

    public IBrowser Browser { get; private set; } = null!;

    /// <summary>One browser context for every page of the tests, so that the runtime's files are fetched and compiled once.</summary>
    public IBrowserContext Context { get; private set; } = null!;

    /// <summary>The page's address, ending in '/'.</summary>
    public string Url { get; private set; } = null!;

    /// <summary>The published page's folder (the one holding index.html), or <see langword="null"/> when it has not been published.</summary>
    public static string? Published { get; } = FindPublished();

    /// <summary>Why the page cannot be tested here, or <see langword="null"/> when it can.</summary>
    public static string? Missing => SystemChromium.Missing ?? (Published is null
        ? "the what-if page is not published: run `dotnet publish samples/LlmTco.Web -c Release -o artifacts/web` or set LLMTCO_WEB to the published wwwroot folder"
        : null);

    public async Task InitializeAsync()
    {
        if (Missing is not null && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            return; // every test is skipped (WhatIfPageFact)
        }

        Missing.Should().BeNull("the what-if page is checked in a real browser in CI");
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        server = builder.Build();
        var files = new PhysicalFileProvider(Published!);
        var types = new FileExtensionContentTypeProvider();
        types.Mappings[".dat"] = "application/octet-stream";
        server.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        server.UseStaticFiles(new StaticFileOptions { FileProvider = files, ContentTypeProvider = types });
        await server.StartAsync();
        Url = server.Urls.First().TrimEnd('/') + "/";

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = SystemChromium.Path,
            Headless = true,
            Args = ["--no-sandbox"], // CI runs as root, where Chromium's sandbox cannot start
        });
        Context = await Browser.NewContextAsync(new() { AcceptDownloads = true });
    }

    private static string? FindPublished()
    {
        var given = Environment.GetEnvironmentVariable("LLMTCO_WEB");
        var folder = string.IsNullOrEmpty(given) ? Path.Combine(Repository.Root, "artifacts", "web", "wwwroot") : Path.GetFullPath(given);
        return File.Exists(Path.Combine(folder, "index.html")) ? folder : null;
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (server is not null)
        {
            await server.DisposeAsync();
        }

        Directory.Delete(Folder, recursive: true);
    }
}

/// <summary>
/// A test of the what-if page: skipped, with the reason, on a developer machine without Chromium or without the
/// published page; never skipped in CI (CI=true), where either missing fails the test.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class WhatIfPageFactAttribute : FactAttribute
{
    public WhatIfPageFactAttribute()
    {
        if (WhatIfPageFixture.Missing is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason;
        }
    }
}
