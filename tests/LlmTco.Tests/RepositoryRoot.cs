namespace LlmTco.Tests;

/// <summary>Finds the repository root from the test's output folder, for tests that read the bundled files.</summary>
internal static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string PricingData => System.IO.Path.Combine(Path, "pricing-data");

    private static string Find()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "LlmTco.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("LlmTco.sln not found above " + AppContext.BaseDirectory);
    }
}
