using System.Globalization;
using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Pricing.Import;

namespace LlmTco.Samples;

/// <summary>
/// <c>compare-prices --with genai-prices &lt;data.json&gt; [--date yyyy-MM-dd] [--pricing folder] [--json]</c>: the standing
/// cross-check of the catalog against pydantic's genai-prices: every model both price on the day, and every cell on
/// which they disagree (to explain in <c>pricing-data/known-differences.md</c>, or to fix).
/// </summary>
internal static class ComparePricesCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        var file = CommandOptions.One("data.json", "The genai-prices data.json read.");
        var with = CommandOptions.OneOf("--with", "genai-prices", "The price list compared with (required).", text => $"--with must be genai-prices; got '{text}'", GenAiPricesImporter.FormatName);
        var date = CommandOptions.Date("--date", "The day compared (default: today, UTC).");
        var pricing = CommandOptions.Text("--pricing", "folder", "Compare these pricing CSVs instead of the bundled ones.");
        var json = CommandOptions.Flag("--json", "Print the comparison as JSON.");
        var command = new AppCommand(
            "compare-prices",
            "Cross-check the catalog against genai-prices: every model both price on a day, and every price cell on which they disagree.",
            "compare-prices --with genai-prices <data.json> [--date yyyy-MM-dd] [--pricing <folder>] [--json]",
            _ => "compare-prices takes one data.json file")
        {
            file, with, date, pricing, json,
        };
        CommandOptions.Require(command, with, "compare-prices needs --with genai-prices");
        command.SetAction(r => Run(r.GetValue(file)!, r.GetValue(date) ?? DateOnly.FromDateTime(DateTime.UtcNow), r.GetValue(pricing), r.GetValue(json), stdout, stderr));
        return command;
    }

    private static int Run(string file, DateOnly date, string? pricing, bool asJson, TextWriter stdout, TextWriter stderr)
    {
        // Every path is checked before any file is read.
        if ((CommandLineChecks.CheckInputFile(file) ?? (pricing is null ? null : CommandLineChecks.CheckPricingFolder(pricing, out _, overlay: false))) is { } error)
        {
            stderr.WriteLine($"error: {error}.");
            return SampleApp.Failure;
        }

        var catalog = pricing is not null ? PricingCatalog.LoadFolder(pricing) : PricingCatalog.Default;
        PriceComparison comparison;
        try
        {
            using var stream = InputFile.OpenRead(file);
            comparison = GenAiPricesComparer.Compare(catalog, stream, date);
        }
        catch (PriceImportException ex)
        {
            stderr.WriteLine($"error: {file}: {ex.Message}{(ex.Message.EndsWith('?') ? string.Empty : ".")}");
            return SampleApp.Failure;
        }

        if (asJson)
        {
            stdout.WriteLine(JsonSerializer.Serialize(Json(comparison, file), JsonOptions));
            return SampleApp.Success;
        }

        var disagreeing = comparison.Models.Count(m => m.CellsDisagreeing > 0);
        stdout.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Compared with genai-prices on {Iso(comparison.Date)}: {comparison.Models.Count} model(s) priced by both, {comparison.CellsCompared} cell(s) compared, {comparison.Disagreements.Count} disagree in {disagreeing} model(s)."));
        var cells = comparison.Disagreements.ToLookup(d => (d.Provider, d.ModelId));
        foreach (var model in comparison.Models)
        {
            var what = $"{model.Provider}/{model.ModelId} (genai-prices {model.GenAiPricesModelId})";
            if (model.CellsDisagreeing == 0)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  agree    {what}: {model.CellsCompared} cells"));
                continue;
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  DIFFER   {what}: {model.CellsDisagreeing} of {model.CellsCompared} cells"));
            foreach (var d in cells[(model.Provider, model.ModelId)])
            {
                stdout.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"    context tier {d.ContextThresholdTokens}: {d.Column} catalog {Show(d.CatalogPrice)}, genai-prices {Show(d.GenAiPricesPrice)}"));
            }
        }

        return SampleApp.Success;
    }

    private static string Show(decimal? price) => price is { } p ? (p / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture) : "(blank)";

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static object Json(PriceComparison c, string file) => new
    {
        with = GenAiPricesImporter.FormatName,
        file,
        date = Iso(c.Date),
        modelsCompared = c.Models.Count,
        cellsCompared = c.CellsCompared,
        cellsDisagreeing = c.Disagreements.Count,
        models = c.Models.Select(m => new { provider = m.Provider, modelId = m.ModelId, genAiPricesModelId = m.GenAiPricesModelId, m.CellsCompared, m.CellsDisagreeing }),
        disagreements = c.Disagreements.Select(d => new
        {
            provider = d.Provider,
            modelId = d.ModelId,
            genAiPricesModelId = d.GenAiPricesModelId,
            contextThresholdTokens = d.ContextThresholdTokens,
            column = d.Column,
            catalog = d.CatalogPrice,
            genAiPrices = d.GenAiPricesPrice,
        }),
    };
}
