using Microsoft.Playwright;

namespace LlmTco.BrowserTests;

/// <summary>What a page reports as going wrong: console errors, uncaught exceptions and failed requests.</summary>
internal static class PageErrors
{
    /// <summary>Starts collecting the page's errors; the list fills as they happen.</summary>
    public static List<string> Collect(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add($"console error: {message.Text}");
            }
        };
        page.PageError += (_, error) => errors.Add($"page error: {error}");
        page.RequestFailed += (_, request) => errors.Add($"request failed: {request.Url} ({request.Failure})");
        return errors;
    }
}
