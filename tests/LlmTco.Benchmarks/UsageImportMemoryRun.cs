using System.Diagnostics;
using System.Globalization;

namespace LlmTco.Benchmarks;

/// <summary>
/// A one-off import of a large generated per-request CSV (10 million rows by default), outside BenchmarkDotNet: the
/// time once, and the memory that matters for streaming — the process's peak working set and the managed heap after
/// the import — next to the same figures for a file a tenth as long, with the processor time a record of the whole
/// process and of the calling thread (which prices; the CSV is parsed on worker threads). Run with
/// <c>dotnet run -c Release -- usage-import-memory [records]</c>.
/// </summary>
internal static class UsageImportMemoryRun
{
    /// <summary>The command-line verb.</summary>
    public const string Verb = "usage-import-memory";

    /// <summary>Generates the files, imports each once and prints the figures.</summary>
    /// <param name="args">Optionally the number of records of the large file.</param>
    public static void Run(string[] args)
    {
        var records = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000_000;
        Console.WriteLine($"{Environment.ProcessorCount} cores; load average: {File.ReadAllText("/proc/loadavg").Trim()}");
        foreach (var count in new[] { records / 10, records })
        {
            var path = Path.Combine(Path.GetTempPath(), $"llmtco-usage-memory-{count}.csv");
            try
            {
                UsageImportBenchmarks.WriteCsv(path, count);
                GC.Collect();
                using var process = Process.GetCurrentProcess();
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var gen2 = GC.CollectionCount(2);
                var processor = process.TotalProcessorTime;
                var callingThread = CallingThreadProcessorNanoseconds();
                var watch = Stopwatch.StartNew();
                var analyzer = UsageImportBenchmarks.Import(path);
                watch.Stop();
                process.Refresh();
                var processorNs = (process.TotalProcessorTime - processor).TotalNanoseconds / analyzer.Count;
                var callingNs = (CallingThreadProcessorNanoseconds() - callingThread) / (double)analyzer.Count;
                var collections = GC.CollectionCount(2) - gen2;
                var allocatedBytes = GC.GetTotalAllocatedBytes(precise: true) - allocated;
                var heap = GC.GetTotalMemory(forceFullCollection: true);
                Console.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{analyzer.Count:N0} records ({new FileInfo(path).Length / 1e6:N0} MB): {watch.Elapsed.TotalSeconds:N2} s, {analyzer.Count / watch.Elapsed.TotalSeconds / 1e6:N2} M records/s; processor time {processorNs:N0} ns a record (the calling thread {callingNs:N0}, the CSV workers and the runtime the rest); allocated {allocatedBytes / 1e6:N0} MB in all ({allocatedBytes / (double)analyzer.Count:N0} B a record), gen2 collections {collections}; managed heap after {heap / 1e6:N1} MB; peak working set so far {process.PeakWorkingSet64 / 1e6:N0} MB"));
                GC.KeepAlive(analyzer);
            }
            finally
            {
                File.Delete(path);
            }
        }
    }

    /// <summary>The calling thread's processor time so far, from Linux's schedstat; 0 elsewhere.</summary>
    private static long CallingThreadProcessorNanoseconds() =>
        File.Exists("/proc/thread-self/schedstat")
            ? long.Parse(File.ReadAllText("/proc/thread-self/schedstat").Split(' ')[0], CultureInfo.InvariantCulture)
            : 0;
}
