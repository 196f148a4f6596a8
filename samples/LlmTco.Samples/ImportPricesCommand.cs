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
    private const string UsageLine = "usage: import-prices --from genai-prices|litellm <file.json> [--out <api_prices.csv>] [--source-url <url>] [--checked-on yyyy-MM-dd] [--effective-from yyyy-MM-dd]";

    private static readonly HashSet<string> Valued = ["--from", "--out", "--source-url", "--checked-on", "--effective-from"];

    private static readonly Dictionary<string, (Func<Stream, PriceImportOptions, ImportResult> Import, Uri DefaultUrl, string Entries)> Formats = new(StringComparer.Ordinal)
    {
        [GenAiPricesImporter.FormatName] = (GenAiPricesImporter.Import, new Uri("https://github.com/pydantic/genai-prices/blob/main/prices/data.json"), "genai-prices models"),
        [LiteLlmImporter.FormatName] = (LiteLlmImporter.Import, new Uri("https://github.com/BerriAI/litellm/blob/main/model_prices_and_context_window.json"), "LiteLLM entries"),
    };

    public static int Run(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var parsed = Arguments.Parse(args, new HashSet<string>(), Valued, out var error);
        var from = parsed.Value("--from");
        if (error is null && from is null)
        {
            error = "import-prices needs --from genai-prices or --from litellm";
        }
        else if (error is null && !Formats.ContainsKey(from!))
        {
            error = $"--from must be genai-prices or litellm; got '{from}'";
        }
        else if (error is null && parsed.Positionals.Count != 1)
        {
            error = "import-prices takes one JSON file";
        }

        var checkedOn = DateOnly.FromDateTime(DateTime.UtcNow);
        DateOnly? effectiveFrom = null;
        Uri? sourceUrl = null;
        error ??= Date(parsed, "--checked-on", ref checkedOn);
        if (error is null && parsed.Value("--effective-from") is not null)
        {
            var day = default(DateOnly);
            error = Date(parsed, "--effective-from", ref day);
            effectiveFrom = day;
        }

        if (error is null && parsed.Value("--source-url") is { } url
            && (!Uri.TryCreate(url, UriKind.Absolute, out sourceUrl) || (sourceUrl.Scheme != Uri.UriSchemeHttps && sourceUrl.Scheme != Uri.UriSchemeHttp)))
        {
            error = $"--source-url must be an absolute http(s) URL; got '{url}'";
        }

        if (error is not null)
        {
            stderr.WriteLine($"error: {error}.");
            stderr.WriteLine(UsageLine);
            return SampleApp.UsageError;
        }

        var file = parsed.Positionals[0];
        var pathError = File.Exists(file) ? null : $"file '{file}' does not exist";
        pathError ??= parsed.Value("--out") is { } target ? CommandLineChecks.CheckOutputFile("--out", target) : null;
        if (pathError is not null)
        {
            // Checked before the import, so a bad --out never costs the work of reading the file.
            stderr.WriteLine($"error: {pathError}.");
            return SampleApp.Failure;
        }

        var format = Formats[from!];
        var options = new PriceImportOptions(sourceUrl ?? format.DefaultUrl) { CheckedOn = checkedOn, EffectiveFrom = effectiveFrom };
        ImportResult result;
        try
        {
            using var stream = File.OpenRead(file);
            result = format.Import(stream, options);
        }
        catch (PriceImportException ex)
        {
            stderr.WriteLine($"error: {file}: {ex.Message}{(ex.Message.EndsWith('?') ? string.Empty : ".")}");
            return SampleApp.Failure;
        }

        if (parsed.Value("--out") is { } output)
        {
            OutputFile.WriteText(output, result.WriteCsv);
        }
        else
        {
            result.WriteCsv(stdout);
        }

        if (sourceUrl is null)
        {
            stderr.WriteLine($"note: no --source-url given, so every row cites {format.DefaultUrl}; pass the URL of the exact version you read (a commit link).");
        }

        stderr.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Imported {result.Rows.Count} row(s) for {result.ModelsImported} model(s) from {result.EntriesRead} {format.Entries} in '{file}'{(parsed.Value("--out") is { } written ? $" into '{written}'" : string.Empty)}."));
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

    private static string? Date(Arguments parsed, string option, ref DateOnly value)
    {
        if (parsed.Value(option) is not { } text)
        {
            return null;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value)
            ? null
            : $"{option} must be a date written yyyy-MM-dd; got '{text}'";
    }
}
