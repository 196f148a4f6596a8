using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>Where tables come from: the embedded defaults, a folder, or text in memory, and what each reports.</summary>
public sealed class PricingSourceTests
{
    [Fact]
    public void Embedded_Description_NamesTheEmbeddedDefaults()
    {
        PricingSource.Embedded.Description.Should().Be("embedded defaults");
    }

    [Fact]
    public void Folder_ThatDoesNotExist_ReportsEveryTableMissingWithoutThrowing()
    {
        // Given a folder path that does not exist (read when validated, not when the source is made)
        var folder = Path.Combine(Path.GetTempPath(), "llmtco-no-such-folder-" + Guid.NewGuid().ToString("N"));

        var report = PricingCatalog.Validate(PricingSource.Folder(folder));

        // Then each of the ten tables is reported missing from it, and there is nothing else to warn about
        report.Errors.Should().HaveCount(10).And.OnlyContain(e => e.Line == 0 && e.Message.StartsWith($"the table file is missing from {folder}; expected a CSV file with the header: ", StringComparison.Ordinal));
        report.Errors.First().Should().Be(new PricingDiagnostic(
            Path.Combine(folder, "api_prices.csv"), 0, 0, null, null, $"the table file is missing from {folder}; expected a CSV file with the header: {ApiHeaderWritten}", DiagnosticSeverity.Error));
        report.Warnings.Should().BeEmpty();
        report.Catalog.Should().BeNull();
    }

    [Fact]
    public void Folder_WithOtherFiles_WarnsOnlyAboutCsvFilesThatNoTableReads()
    {
        // Given the ten valid tables, a misspelt table and a README in one folder
        var folder = Directory.CreateTempSubdirectory("llmtco-source-").FullName;
        try
        {
            foreach (var (file, text) in Valid())
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }

            File.WriteAllText(Path.Combine(folder, "gpu_rental.csv"), "anything\n");
            File.WriteAllText(Path.Combine(folder, "README.md"), "# prices\n");

            var report = PricingCatalog.Validate(PricingSource.Folder(folder));

            // Then the CSV file is named with the table it was probably meant to be; the README is not a CSV file
            report.IsValid.Should().BeTrue();
            report.Warnings.Select(w => w.Message).Should().Equal($"'gpu_rental.csv' in {folder} is not a pricing table and is ignored; did you mean 'gpu_rentals.csv'?");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
