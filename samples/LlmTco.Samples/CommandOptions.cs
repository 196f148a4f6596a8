using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace LlmTco.Samples;

/// <summary>
/// Options whose values System.CommandLine parses with the app's own, culture-invariant rules and messages: a value
/// that does not parse is a command-line error (exit 2) naming the option and the value.
/// </summary>
internal static class CommandOptions
{
    /// <summary>A flag: present or not.</summary>
    public static Option<bool> Flag(string name, string description) => new(name) { Description = description, Arity = ArgumentArity.Zero };

    /// <summary>An option with a text value, shown in help as <c>name &lt;helpName&gt;</c>.</summary>
    public static Option<string?> Text(string name, string helpName, string description) => new(name) { Description = description, HelpName = helpName };

    /// <summary>An option with a text value that must be one of <paramref name="allowed"/> (exactly as written).</summary>
    public static Option<string?> OneOf(string name, string helpName, string description, Func<string, string> message, params string[] allowed)
    {
        var option = Text(name, helpName, description);
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !allowed.Contains(result.Tokens[0].Value, StringComparer.Ordinal))
            {
                result.AddError(message(result.Tokens[0].Value));
            }
        });
        return option;
    }

    /// <summary>A date written <c>yyyy-MM-dd</c>.</summary>
    public static Option<DateOnly?> Date(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "yyyy-MM-dd",
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            result.AddError($"{name} must be a date written yyyy-MM-dd; got '{text}'");
            return null;
        },
    };

    /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, digits only (no sign, no separators).</summary>
    public static Option<int?> WholeNumber(string name, string helpName, string description, int min, int max, Func<string, string> message) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max)
            {
                return n;
            }

            result.AddError(message(text));
            return null;
        },
    };

    /// <summary>A whole number with an optional sign.</summary>
    public static Option<long?> SignedWholeNumber(string name, string helpName, string description, Func<string, string> message) => new(name)
    {
        Description = description,
        HelpName = helpName,
        CustomParser = result =>
        {
            var text = result.Tokens[0].Value;
            if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
            {
                return n;
            }

            result.AddError(message(text));
            return null;
        },
    };

    /// <summary>A command's argument that takes exactly one value.</summary>
    public static Argument<string> One(string helpName, string description) => new(helpName) { Description = description, Arity = ArgumentArity.ExactlyOne };

    /// <summary>A command-level check: the message when <paramref name="option"/> is missing.</summary>
    public static void Require(Command command, Option option, string message) =>
        command.Validators.Add(result =>
        {
            if (result.GetResult(option) is null)
            {
                result.AddError(message);
            }
        });
}
