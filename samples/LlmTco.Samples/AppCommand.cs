using System.CommandLine;

namespace LlmTco.Samples;

/// <summary>
/// A command of the app on System.CommandLine, with what the library does not hold: the one-line synopsis printed
/// under a command-line error, and the sentence saying how many arguments the command takes.
/// </summary>
internal sealed class AppCommand : Command
{
    public AppCommand(string name, string description, string synopsis, Func<string?, string> arityMessage)
        : base(name, description)
    {
        Synopsis = synopsis;
        ArityMessage = arityMessage;
    }

    /// <summary>The command's line, e.g. <c>diff-prices &lt;old-folder&gt; &lt;new-folder&gt; [--json]</c>.</summary>
    public string Synopsis { get; }

    /// <summary>The error for a missing argument (given null) or an extra one (given the extra token).</summary>
    public Func<string?, string> ArityMessage { get; }
}
