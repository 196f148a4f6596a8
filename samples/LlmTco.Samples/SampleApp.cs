using LlmTco.Pricing;
using LlmTco.Scenarios;

namespace LlmTco.Samples;

/// <summary>The sample app's commands. Each returns the process exit code: 0 on success, non-zero otherwise.</summary>
internal static class SampleApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    private const string Usage = """
        LlmTco sample app: should you self-host an open-weights LLM or pay for an API?

        Usage: llmtco [command] [options]   (from the repository: dotnet run --project samples/LlmTco.Samples -- [command])

        Commands:
          (none)                          Run the headline scenario (customer-service) on the bundled pricing data:
                                          prints the comparison and the break-even answers, and writes charts and
                                          a report into ./out.
          run [<name>|<file.json>]        Run a bundled scenario by name, or a scenario file.
              --json                      Print the result as JSON (format in docs/output.md) instead of tables.
              --csv <file>                Also write every option's months as CSV.
              --out <folder>              Where charts and reports go (default: ./out).
              --no-charts                 Write no charts or reports.
              --pricing <folder>          Lay your pricing CSVs over the bundled ones.
              --trials <n>                Monte Carlo trials over the scenario's uncertain inputs (default: the
                                          scenario's uncertainty section); percentiles, tornado and fan charts.
              --seed <s>                  Seed of the Monte Carlo run: the same seed gives the same numbers.
          scenarios                       List the bundled scenarios.
          catalog                         Summarise the bundled pricing catalog.
          catalog api|gpus|rentals|models|benchmarks
                                          List what a scenario can name, one row each.
              --provider <p>              (api, rentals) Only this provider.
              --gpu <g>                   (rentals) Only this GPU.
              --model <m>                 (benchmarks) Only this model.
              --json                      Print the list as a JSON array.
          validate-pricing <folder>       Check a folder of pricing CSVs; every problem as file:line:column.
              --overlay                   Check the folder on top of the bundled tables (any subset of files).
              --json                      Print the report as JSON.
              --max-age-days <N>          Warn about rows checked more than N days ago (default: 180).
              --as-of <yyyy-MM-dd>        The day ages are measured from (default: today, UTC).
          diff-prices <old> <new>         What changed between two folders of pricing CSVs: rows added, removed
                                          and changed, old -> new per cell with the % change of numbers.
              --json                      Print the differences as JSON.
          import-prices --from <format> <file.json>
                                          Turn a genai-prices data.json or a LiteLLM
                                          model_prices_and_context_window.json into api_prices.csv rows; report
                                          every model or field not mapped, and why, on stderr.
              --from genai-prices|litellm The file's format (required).
              --out <file>                Write the CSV there instead of to stdout.
              --source-url <url>          The URL of the file read, for every row's source_url.
              --checked-on <yyyy-MM-dd>   The date the file was read (default: today, UTC).
              --effective-from <date>     The start of prices the file gives no date for (default: --checked-on).
          compare-prices --with genai-prices <data.json>
                                          Cross-check the catalog against genai-prices: every model both price on
                                          a day, and every price cell on which they disagree.
              --date <yyyy-MM-dd>         The day compared (default: today, UTC).
              --pricing <folder>          Compare these pricing CSVs instead of the bundled ones.
              --json                      Print the comparison as JSON.
          usage <file>...                 Read API usage exports (OpenAI Usage API completions JSON and Costs API
                                          JSON, Anthropic messages usage report JSON, per-request CSV): print the bill at the
                                          catalog's prices by month and model, the difference to the export's own
                                          cost, the derived traffic profiles; optionally write a scenario.
              --format <f>                The files' format: openai, openai-costs, anthropic or csv (default: .csv
                                          is csv; JSON is detected).
              --by model|project          One traffic profile per model (default) or per project and model.
              --scenario-out <file>       Write a scenario that `run` accepts (start after the data, fitted growth).
              --self-hosted-from <name>   The bundled scenario whose self-hosted options it compares with
                                          (default: customer-service).
              --horizon <months>          The scenario's horizon (default: 36).
              --json                      Print the bill and the workload as JSON.
          --help                          Show this help.

        Exit codes: 0 success; 1 invalid data, scenario or result; 2 bad command line.
        """;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            if (args.Length == 0)
            {
                return Task.FromResult(RunCommand.Run([], stdout, stderr));
            }

            if (args.Length > 1 && Commands.Contains(args[0]) && args.Skip(1).Any(a => a is "--help" or "-h"))
            {
                return Task.FromResult(CommandHelp(args[0], stdout));
            }

            return args[0] switch
            {
                "--help" or "-h" or "help" => Task.FromResult(Help(stdout)),
                "validate-pricing" => Task.FromResult(ValidatePricingCommand.Run(args[1..], stdout, stderr)),
                "diff-prices" => Task.FromResult(DiffPricesCommand.Run(args[1..], stdout, stderr)),
                "import-prices" => Task.FromResult(ImportPricesCommand.Run(args[1..], stdout, stderr)),
                "compare-prices" => Task.FromResult(ComparePricesCommand.Run(args[1..], stdout, stderr)),
                "run" => Task.FromResult(RunCommand.Run(args[1..], stdout, stderr)),
                "usage" => Task.FromResult(UsageCommand.Run(args[1..], stdout, stderr)),
                "scenarios" => Task.FromResult(ScenariosCommand.Run(args[1..], stdout, stderr)),
                "catalog" => Task.FromResult(CatalogCommand.Run(args[1..], stdout, stderr)),
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

    /// <summary>One command's part of the usage text: its lines and its options' lines, then the exit codes.</summary>
    private static int CommandHelp(string command, TextWriter stdout)
    {
        stdout.WriteLine($"Usage: llmtco {command} [options]   (all commands: --help)");
        stdout.WriteLine();
        var inBlock = false;
        foreach (var line in Usage.Split('\n').Select(l => l.TrimEnd('\r')))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                inBlock = line[2..].Split(' ')[0] == command;
            }
            else if (!line.StartsWith("   ", StringComparison.Ordinal))
            {
                inBlock = false;
            }

            if (inBlock)
            {
                stdout.WriteLine(line);
            }
        }

        stdout.WriteLine();
        stdout.WriteLine("Exit codes: 0 success; 1 invalid data, scenario or result; 2 bad command line.");
        return Success;
    }

    /// <summary>The commands, for "did you mean" (keep in step with the switch in <see cref="RunAsync"/>).</summary>
    private static readonly string[] Commands = ["run", "scenarios", "catalog", "validate-pricing", "diff-prices", "import-prices", "compare-prices", "usage", "help"];

    private static int Unknown(string command, TextWriter stderr)
    {
        var hint = CommandLineChecks.DidYouMean(command, command.StartsWith('-') ? ["--help"] : Commands);
        stderr.WriteLine(command.StartsWith('-')
            ? $"error: unknown option '{command}'{(hint.Length == 0 ? "." : hint)} Run with --help to list the commands and options."
            : $"error: unknown command '{command}'{(hint.Length == 0 ? "." : hint)} Run with --help to list the commands.");
        return UsageError;
    }
}
