namespace LlmTco.Samples;

/// <summary><c>scenarios</c>: lists the bundled scenarios with their descriptions.</summary>
internal static class ScenariosCommand
{
    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var command = new AppCommand("scenarios", "List the bundled scenarios.", "scenarios", extra => $"scenarios takes no arguments (got '{extra}')");
        command.SetAction(_ => Run(stdout));
        return command;
    }

    private static int Run(TextWriter stdout)
    {
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
