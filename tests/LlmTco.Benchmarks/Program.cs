using BenchmarkDotNet.Running;
using LlmTco.Benchmarks;

// Runs the benchmarks chosen on the command line, e.g. `dotnet run -c Release -- --filter '*' --job short`;
// `usage-import-memory [records]` instead imports one large generated usage CSV once and prints its memory.
if (args.Length > 0 && args[0] == UsageImportMemoryRun.Verb)
{
    UsageImportMemoryRun.Run(args);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
