namespace LlmTco.Samples;

/// <summary><c>scenarios</c>: lists the bundled scenarios with their descriptions.</summary>
internal static class ScenariosCommand
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        if (args.Length > 0)
        {
            stderr.WriteLine($"error: scenarios takes no arguments (got '{args[0]}').");
            return SampleApp.UsageError;
        }

        foreach (var name in BundledScenarios.Names)
        {
            var scenario = BundledScenarios.Load(name);
            stdout.WriteLine($"{name}{(name == BundledScenarios.Headline ? " (default)" : string.Empty)}");
            stdout.WriteLine($"    {scenario.Name}: {scenario.Description}");
        }

        stdout.WriteLine();
        stdout.WriteLine("Run one with: run <name>  (or run <path/to/scenario.json>)");
        return SampleApp.Success;
    }
}
