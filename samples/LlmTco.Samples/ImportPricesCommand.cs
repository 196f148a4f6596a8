using System.Globalization;
using LlmTco.Pricing.Import;

namespace LlmTco.Samples;

/// <summary>
/// <c>import-prices --from genai-prices|litellm &lt;file.json&gt; [--out file] [--source-url url] [--checked-on date]
/// [--effective-from date]</c>: turns a third-party price file into <c>api_prices.csv</c> rows (to the file or stdout)
/// and reports on stderr every model or field that could not be mapped, and why.
/// </summary>
internal static class ImportPricesCommand
{
    private static readonly Dictionary<string, (Func<Stream, PriceImportOptions, ImportResult> Import, Uri DefaultUrl, string Entries)> Formats = new(StringComparer.Ordinal)
    {
        [GenAiPricesImporter.FormatName] = (GenAiPricesImporter.Import, new Uri("https://github.com/pydantic/genai-prices/blob/main/prices/data.json"), "genai-prices models"),
        [LiteLlmImporter.FormatName] = (LiteLlmImporter.Import, new Uri("https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json"), "LiteLLM entries"),
    };

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommandOptions.One("file.json", "The genai-prices data.json or LiteLLM model_prices_and_context_window.json read.");
        var from = CommandOptions.OneOf("--from", "genai-prices|litellm", "The file's format (required).", text => $"--from must be genai-prices or litellm; got '{text}'", [.. Formats.Keys]);
        var output = CommandOptions.Text("--out", "file", "Write the CSV there instead of to stdout.");
        var sourceUrl = CommandOptions.Text("--source-url", "url", "The URL of the file read, for every row's source_url.");
        sourceUrl.Validators.Add(result =>
        {
            var url = result.Tokens[0].Value;
            if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                result.AddError($"--source-url must be an absolute http(s) URL; got '{url}'");
            }
        });
        var checkedOn = CommandOptions.Date("--checked-on", "The date the file was read (default: today, UTC).");
        var effectiveFrom = CommandOptions.Date("--effective-from", "The start of prices the file gives no date for (default: --checked-on).");
        var command = new AppCommand(
            "import-prices",
            "Turn a genai-prices data.json or a LiteLLM model_prices_and_context_window.json into api_prices.csv rows; report every model or field not mapped, and why, on stderr.",
            "import-prices --from genai-prices|litellm <file.json> [--out <api_prices.csv>] [--source-url <url>] [--checked-on yyyy-MM-dd] [--effective-from yyyy-MM-dd]",
            _ => "import-prices takes one JSON file")
        {
            file, from, output, sourceUrl, checkedOn, effectiveFrom,
        };
        CommandOptions.Require(command, from, "import-prices needs --from genai-prices or --from litellm");
        command.SetAction(r => Run(
            new Settings(
                r.GetValue(file)!,
                r.GetValue(from)!,
                r.GetValue(output),
                r.GetValue(sourceUrl) is { } url ? new Uri(url) : null,
                r.GetValue(checkedOn) ?? DateOnly.FromDateTime(DateTime.UtcNow),
                r.GetValue(effectiveFrom)),
            stdout,
            stderr));
        return command;
    }

    private static int Run(Settings parsed, TextWriter stdout, TextWriter stderr)
    {
        var file = parsed.File;
        var pathError = CommandLineChecks.CheckInputFile(file);
        pathError ??= parsed.Out is { } target ? CommandLineChecks.CheckOutputFile("--out", target) : null;
        if (pathError is not null)
        {
            // Checked before the import, so a bad --out never costs the work of reading the file.
            stderr.WriteLine($"error: {pathError}.");
            return SampleApp.Failure;
        }

        var format = Formats[parsed.From];
        var options = new PriceImportOptions(parsed.SourceUrl ?? format.DefaultUrl) { CheckedOn = parsed.CheckedOn, EffectiveFrom = parsed.EffectiveFrom };
        ImportResult result;
        try
        {
            using var stream = InputFile.OpenRead(file);
            result = format.Import(stream, options);
        }
        catch (PriceImportException ex)
        {
            stderr.WriteLine($"error: {file}: {ex.Message}{(ex.Message.EndsWith('?') ? string.Empty : ".")}");
            return SampleApp.Failure;
        }

        if (parsed.Out is { } output)
        {
            OutputFile.WriteText(output, result.WriteCsv);
        }
        else
        {
            result.WriteCsv(stdout);
        }

        if (parsed.SourceUrl is null)
        {
            stderr.WriteLine($"note: no --source-url given, so every row cites {format.DefaultUrl}; pass the URL of the exact version you read (a commit link).");
        }

        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Imported {result.Rows.Count} row(s) for {result.ModelsImported} model(s) from {result.EntriesRead} {format.Entries} in '{file}'{(parsed.Out is { } written ? $" into '{written}'" : string.Empty)}."));
        if (result.Unmapped.Count > 0)
        {
            stderr.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Not mapped ({result.Unmapped.Count}):"));
            foreach (var issue in result.Unmapped)
            {
                stderr.WriteLine("  " + issue);
            }
        }

        stderr.WriteLine("Review the rows, copy the ones you want into api_prices.csv (ending the rows they replace), then run validate-pricing and diff-prices.");
        return SampleApp.Success;
    }

    private sealed record Settings(string File, string From, string? Out, Uri? SourceUrl, DateOnly CheckedOn, DateOnly? EffectiveFrom);
}
