using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LlmTco.Samples;

/// <summary>
/// The app's command line on System.CommandLine: the commands and their options, per-command help, and the errors of a
/// bad command line (exit 2) in the app's words, with "did you mean" for a misspelt command or option.
/// </summary>
/// <remarks>
/// Everything is written to the writers given (tests capture them); nothing calls <see cref="Environment.Exit"/>, installs
/// a Ctrl+C handler, reads response files (<c>@file</c>) or writes colour.
/// </remarks>
internal static class AppCommandLine
{
    /// <summary>The tool's command, as help prints it (the assembly is llmtco-samples).</summary>
    public const string ToolName = "llmtco";

    private const string ExitCodes = "Exit codes: 0 success; 1 invalid data, scenario or result; 2 bad command line.";

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var root = Build(stdout, stderr);
        var result = root.Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var invocation = new InvocationConfiguration { Output = stdout, Error = stderr, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        if (result.Action is not HelpWithExitCodes && FirstError(result) is { } error)
        {
            stderr.WriteLine($"error: {error}");
            if (result.CommandResult.Command is AppCommand command)
            {
                stderr.WriteLine($"usage: {command.Synopsis}");
            }

            return SampleApp.UsageError;
        }

        return result.Invoke(invocation);
    }

    /// <summary>The command tree; the actions write to <paramref name="stdout"/> and <paramref name="stderr"/>.</summary>
    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var commands = new Command[]
        {
            RunCommand.Create(stdout, stderr),
            ScenariosCommand.Create(stdout, stderr),
            CatalogCommand.Create(stdout, stderr),
            ValidatePricingCommand.Create(stdout, stderr),
            DiffPricesCommand.Create(stdout, stderr),
            ImportPricesCommand.Create(stdout, stderr),
            ComparePricesCommand.Create(stdout, stderr),
            UsageCommand.Create(stdout, stderr),
        };
        var root = new RootCommand("LlmTco: should you self-host an open-weights LLM or pay for an API? With no command, runs the headline scenario (customer-service) on the bundled pricing data: prints the comparison and the break-even answers, and writes charts and a report into ./out.")
        {
            HelpName = ToolName,
        };
        // The stable interface has no --version and no [directives].
        root.Directives.Clear();
        foreach (var version in root.Options.OfType<VersionOption>().ToList())
        {
            root.Options.Remove(version);
        }

        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        var topic = new Argument<string?>("command") { Description = "The command to describe.", Arity = ArgumentArity.ZeroOrOne };
        var help = new Command("help", "Show this help, or one command's (help <command>).") { topic };
        root.Subcommands.Add(help);
        root.SetAction(_ => RunCommand.Run(RunCommand.Settings.Headline, stdout, stderr));

        var helpOption = root.Options.OfType<HelpOption>().Single();
        helpOption.Action = new HelpWithExitCodes((HelpAction)helpOption.Action!, commands.OfType<AppCommand>().ToList());
        help.SetAction(r =>
        {
            var name = r.GetValue(topic);
            var known = root.Subcommands.Select(c => c.Name).ToList();
            if (name is not null && !known.Contains(name, StringComparer.Ordinal))
            {
                stderr.WriteLine($"error: unknown command '{name}'{CommandLineChecks.DidYouMeanOrStop(name, known)} Run with --help to list the commands.");
                return SampleApp.UsageError;
            }

            return root.Parse(name is null ? ["--help"] : [name, "--help"]).Invoke(r.InvocationConfiguration);
        });
        return root;
    }

    /// <summary>
    /// The first problem of a parse, in the app's words. System.CommandLine takes an unknown <c>--option</c> as an
    /// argument (or as the value of the option before it), so tokens are looked at first, in the order written.
    /// </summary>
    private static string? FirstError(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var options = OptionNames(result.CommandResult).ToList();
        Token? previous = null;
        foreach (var token in result.Tokens)
        {
            if (token.Type == TokenType.DoubleDash)
            {
                break;
            }

            if (token.Type == TokenType.Argument && token.Value.StartsWith("--", StringComparison.Ordinal))
            {
                if (previous is { Type: TokenType.Option } valued && FindOption(result.CommandResult, valued.Value) is { Arity.MinimumNumberOfValues: > 0 })
                {
                    return $"option '{valued.Value}' needs a value.";
                }

                return command is RootCommand
                    ? $"unknown option '{token.Value}'{CommandLineChecks.DidYouMeanOrStop(token.Value, options)} Run with --help to list the commands and options."
                    : $"unknown option '{token.Value}'{CommandLineChecks.AsideDidYouMean(token.Value, options)}.";
            }

            previous = token;
        }

        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            var subcommands = command.Subcommands.Select(c => c.Name).ToList();
            return command switch
            {
                RootCommand => $"unknown command '{token}'{CommandLineChecks.DidYouMeanOrStop(token, subcommands)} Run with --help to list the commands.",
                AppCommand app => app.ArityMessage(token) + ".",
                _ => $"unexpected argument '{token}'.",
            };
        }

        if (result.Errors.Count == 0)
        {
            return null;
        }

        var error = result.Errors[0];
        return error.SymbolResult switch
        {
            OptionResult { Tokens.Count: 0 } option when option.Option.Arity.MinimumNumberOfValues > 0 => $"option '{option.IdentifierToken?.Value ?? option.Option.Name}' needs a value.",
            ArgumentResult { Parent: CommandResult { Command: AppCommand app } } argument when argument.Argument.Validators.Count == 0 => app.ArityMessage(null) + ".",
            _ => error.Message.EndsWith('.') || error.Message.EndsWith('?') ? error.Message : error.Message + ".",
        };
    }

    /// <summary>Every name and alias of the options a command takes (its own and those it inherits, such as --help).</summary>
    private static IEnumerable<string> OptionNames(CommandResult command) =>
        Options(command).SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct(StringComparer.Ordinal);

    private static Option? FindOption(CommandResult command, string name) =>
        Options(command).FirstOrDefault(o => o.Name == name || o.Aliases.Contains(name));

    private static IEnumerable<Option> Options(CommandResult command)
    {
        for (SymbolResult? at = command; at is CommandResult c; at = c.Parent)
        {
            foreach (var option in c.Command.Options.Where(o => at == command || o.Recursive))
            {
                yield return option;
            }
        }
    }

    /// <summary>System.CommandLine's help, then (for the app) every command's line, and the exit codes.</summary>
    private sealed class HelpWithExitCodes(HelpAction help, IReadOnlyList<AppCommand> commands) : SynchronousCommandLineAction
    {
        public override bool ClearsParseErrors => true;

        public override int Invoke(ParseResult parseResult)
        {
            // The headings are System.CommandLine's, translated by the UI culture; the app's text is English everywhere.
            var culture = CultureInfo.CurrentUICulture;
            CultureInfo.CurrentUICulture = CultureInfo.InvariantCulture;
            try
            {
                help.Invoke(parseResult);
            }
            finally
            {
                CultureInfo.CurrentUICulture = culture;
            }

            var output = parseResult.InvocationConfiguration.Output;
            if (parseResult.CommandResult.Command is RootCommand)
            {
                output.WriteLine("Command lines (each command's options: llmtco <command> --help):");
                foreach (var command in commands)
                {
                    output.WriteLine($"  {ToolName} {command.Synopsis}");
                }

                output.WriteLine();
            }

            output.WriteLine(ExitCodes);
            return SampleApp.Success;
        }
    }
}
