using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using Spectre.Console;

namespace LlmTco.Samples;

/// <summary>The sample app's commands. Each returns the process exit code: 0 on success, non-zero otherwise.</summary>
internal static class SampleApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private const string Usage = """
        LlmTco sample app: self-hosting an open-weights LLM versus paying for an API.

        Usage:
          llmtco-samples                                 Summarise the bundled pricing catalog.
          llmtco-samples validate-pricing <folder> [--overlay] [--json]
                                                         Check a folder of pricing CSVs; print every problem as
                                                         file:line:column: message. --overlay checks the folder
                                                         on top of the bundled defaults (the folder may hold any
                                                         subset of the tables). Exit code 0 when valid, 1 when not.
          llmtco-samples --help                          Show this help.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args.Length == 0)
            {
                return Task.FromResult(CatalogSummary(stdout));
            }

            return args[0] switch
            {
                "--help" or "-h" or "help" => Task.FromResult(Help(stdout)),
                "validate-pricing" => Task.FromResult(ValidatePricingCommand.Run(args[1..], stdout, stderr)),
                "run" => Task.FromResult(RunCommand.Run(args[1..], stdout, stderr)),
                "scenarios" => Task.FromResult(ScenariosCommand.Run(args[1..], stdout, stderr)),
                _ => Task.FromResult(Unknown(args[0], stderr)),
            };
        }
        catch (PricingDataException ex)
        {
            stderr.WriteLine(ex.Message);
            return Task.FromResult(Failure);
        }
        catch (ScenarioValidationException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
        catch (PricingLookupException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
        catch (IOException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
    }

    private static int Help(TextWriter stdout)
    {
        stdout.WriteLine(Usage);
        return Success;
    }

    private static int Unknown(string command, TextWriter stderr)
    {
        stderr.WriteLine($"error: unknown command '{command}'. Run with --help to list the commands.");
        return UsageError;
    }

    private static int CatalogSummary(TextWriter stdout)
    {
        var catalog = PricingCatalog.Default;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var table = new Table().Title("Bundled pricing catalog").AddColumns("Table", "Rows", "What it holds");
        table.AddRow("api_prices.csv", Count(catalog.ApiPrices.Count), Describe(catalog.ApiPrices.Select(p => p.Provider), "providers", catalog.ApiPrices.Select(p => p.ModelId), "models"));
        table.AddRow("gpus.csv", Count(catalog.Gpus.Count), string.Join(", ", catalog.Gpus.Select(g => g.GpuModel)));
        table.AddRow("gpu_rentals.csv", Count(catalog.GpuRentalOffers.Count), Describe(catalog.GpuRentalOffers.Select(o => o.Provider), "providers", catalog.GpuRentalOffers.Select(o => o.GpuModel), "GPU types"));
        table.AddRow("open_models.csv", Count(catalog.OpenModels.Count), $"{catalog.OpenModels.Count(m => m.Architecture == ModelArchitecture.MixtureOfExperts)} mixture-of-experts");
        table.AddRow("throughput_benchmarks.csv", Count(catalog.ThroughputBenchmarks.Count), Describe(catalog.ThroughputBenchmarks.Select(b => b.ModelId), "models", catalog.ThroughputBenchmarks.Select(b => b.GpuModel), "GPU types"));
        table.AddRow("storage_prices.csv", Count(catalog.StoragePrices.Count), string.Empty);
        table.AddRow("egress_prices.csv", Count(catalog.EgressPrices.Count), string.Empty);
        table.AddRow("electricity_prices.csv", Count(catalog.ElectricityPrices.Count), string.Empty);
        table.AddRow("hosting_prices.csv", Count(catalog.HostingPrices.Count), string.Empty);
        table.AddRow("pue_figures.csv", Count(catalog.PueFigures.Count), string.Empty);
        console.Write(table);
        return Success;
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Describe(IEnumerable<string> first, string firstLabel, IEnumerable<string> second, string secondLabel) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{first.Distinct(StringComparer.OrdinalIgnoreCase).Count()} {firstLabel}, {second.Distinct(StringComparer.OrdinalIgnoreCase).Count()} {secondLabel}");
}
