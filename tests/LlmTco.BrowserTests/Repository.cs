namespace LlmTco.BrowserTests;

/// <summary>The repository the tests run from: the folder holding LlmTco.sln, above the test assembly.</summary>
internal static class Repository
{
    public static string Root { get; } = Find();

    private static string Find()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "LlmTco.sln")))
        {
            root = root.Parent;
        }

        return root?.FullName ?? throw new InvalidOperationException("LlmTco.sln not found above " + AppContext.BaseDirectory);
    }
}
