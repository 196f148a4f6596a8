using LlmTco.Pricing;
using LlmTco.Pricing.Import;

namespace LlmTco.Tests.Pricing.Import;

/// <summary>The hand-written importer fixtures, and checks shared by the importer tests.</summary>
internal static class ImportFixtures
{
    public static string Folder => Path.Combine(RepositoryRoot.Path, "tests", "LlmTco.Tests", "Pricing", "Import", "Fixtures");

    public static Stream Open(string name) => File.OpenRead(Path.Combine(Folder, name));

    public static PriceImportOptions Options(string url, DateOnly? effectiveFrom = null) =>
        new(new Uri(url)) { CheckedOn = new DateOnly(2026, 11, 29), EffectiveFrom = effectiveFrom };

    public static string Csv(ImportResult result)
    {
        using var writer = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        result.WriteCsv(writer);
        return writer.ToString();
    }

    /// <summary>Validates imported rows as the api_prices.csv of an otherwise valid set of tables.</summary>
    public static PricingValidationReport Validate(ImportResult result) =>
        PricingCatalog.Validate(PricingSource.InMemory(TestTables.With("api_prices.csv", Csv(result))));
}
