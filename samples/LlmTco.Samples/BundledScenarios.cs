using LlmTco.Scenarios;

namespace LlmTco.Samples;

/// <summary>The scenarios that ship with the sample app, embedded in it so that they run from any directory.</summary>
internal static class BundledScenarios
{
    public const string Headline = "customer-service";

    private const string Prefix = "LlmTco.Samples.Scenarios.";

    public static IReadOnlyList<string> Names { get; } = typeof(BundledScenarios).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
        .Select(n => n[Prefix.Length..^".json".Length])
        .Order(StringComparer.Ordinal)
        .ToList();

    public static string Text(string name)
    {
        using var stream = typeof(BundledScenarios).Assembly.GetManifestResourceStream(Prefix + name + ".json")
            ?? throw new KeyNotFoundException(name);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static Scenario Load(string name) => ScenarioJson.Parse(Text(name));
}
