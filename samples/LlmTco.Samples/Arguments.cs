namespace LlmTco.Samples;

/// <summary>A command's arguments: positionals, flags and options with a value, checked against what the command accepts.</summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, string?> options = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positionals { get; } = [];

    public static Arguments Parse(string[] args, IReadOnlySet<string> flags, IReadOnlySet<string> valued, out string? error)
    {
        var parsed = new Arguments();
        error = null;
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                parsed.Positionals.Add(arg);
            }
            else if (flags.Contains(arg))
            {
                parsed.options[arg] = null;
            }
            else if (valued.Contains(arg))
            {
                if (i + 1 >= args.Length || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    error = $"option '{arg}' needs a value";
                    return parsed;
                }

                parsed.options[arg] = args[++i];
            }
            else
            {
                error = $"unknown option '{arg}'{CommandLineChecks.AsideDidYouMean(arg, flags.Concat(valued))}";
                return parsed;
            }
        }

        return parsed;
    }

    public bool Has(string option) => options.ContainsKey(option);

    public string? Value(string option) => options.TryGetValue(option, out var value) ? value : null;
}
