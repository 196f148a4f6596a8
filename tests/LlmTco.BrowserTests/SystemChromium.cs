namespace LlmTco.BrowserTests;

/// <summary>
/// The Chromium the browser tests drive: <c>LLMTCO_CHROMIUM</c> when set, else <c>chromium</c> or
/// <c>chromium-browser</c> on the PATH (Debian's package, which .ci/run installs when missing). Playwright is never
/// asked to download a browser.
/// </summary>
internal static class SystemChromium
{
    public static string? Path { get; } = Find();

    /// <summary>Why the tests cannot run here, or <see langword="null"/> when they can.</summary>
    public static string? Missing => Path is null
        ? "no Chromium found: install Debian's chromium (apt-get install chromium) or set LLMTCO_CHROMIUM to a Chromium executable"
        : null;

    private static string? Find()
    {
        var given = Environment.GetEnvironmentVariable("LLMTCO_CHROMIUM");
        if (!string.IsNullOrEmpty(given))
        {
            return File.Exists(given) ? given : throw new InvalidOperationException($"LLMTCO_CHROMIUM names '{given}', which does not exist");
        }

        var folders = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return new[] { "chromium", "chromium-browser" }
            .SelectMany(name => folders.Select(folder => System.IO.Path.Combine(folder, name)))
            .FirstOrDefault(File.Exists);
    }
}

/// <summary>
/// A browser test: skipped, with the reason, on a developer machine without Chromium; never skipped in CI (CI=true),
/// where a missing Chromium fails the test instead of hiding it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BrowserTheoryAttribute : TheoryAttribute
{
    public BrowserTheoryAttribute()
    {
        if (SystemChromium.Missing is { } reason && !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Skip = reason;
        }
    }
}
