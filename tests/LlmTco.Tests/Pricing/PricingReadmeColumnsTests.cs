using System.Text.RegularExpressions;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The CSV columns are a public interface documented in pricing-data/README.md: the bundled files' headers must be the
/// documented columns, in the documented order, so that the guide a user edits prices by never drifts from the files.
/// </summary>
public sealed partial class PricingReadmeColumnsTests
{
    private static readonly string Folder = Path.Combine(RepositoryRoot.Path, "pricing-data");

    public static TheoryData<string> Tables() =>
        ["api_prices.csv", "gpus.csv", "gpu_rentals.csv", "open_models.csv", "throughput_benchmarks.csv",
         "storage_prices.csv", "egress_prices.csv", "electricity_prices.csv", "hosting_prices.csv", "pue_figures.csv", "exchange_rates.csv"];

    [Theory]
    [MemberData(nameof(Tables))]
    public void BundledHeader_IsTheReadmesColumnList(string file)
    {
        var header = File.ReadLines(Path.Combine(Folder, file)).First().TrimStart('\uFEFF').Split(',');

        Documented(file).Should().Equal(header, "pricing-data/README.md documents the columns of {0}", file);
    }

    [Fact]
    public void EveryDocumentedCurrency_IsAcceptedInATableAndInAScenario_AndNoOther()
    {
        // Given the README's list: "`currency` is an ISO 4217 code in capitals: USD, EUR, ..., BRL."
        var readme = string.Join(' ', File.ReadAllLines(Path.Combine(Folder, "README.md")));
        var list = CurrencyList().Match(readme).Groups["codes"].Value;
        var documented = list.Split(',', StringSplitOptions.TrimEntries);
        documented.Should().HaveCount(16).And.OnlyHaveUniqueItems().And.Contain("USD").And.Contain("BRL");

        foreach (var code in documented.Append("XYZ").Append("usd"))
        {
            var known = code is not ("XYZ" or "usd");

            // When a storage price row and a scenario are written in that currency
            var tables = TestTables.With("storage_prices.csv", TestTables.Lines("provider,service,region,currency,price_per_gb_month,notes,source_url,checked_on", $"cloudy,Object Storage,us-east-1,{code},0.023,,https://example.com/storage,2026-11-29"));
            var report = LlmTco.Pricing.PricingCatalog.Validate(LlmTco.Pricing.PricingSource.InMemory(tables));
            var scenarioErrors = LlmTco.Scenarios.ScenarioValidator.Validate(TestScenarios.ThreeMonths() with { Currency = code });

            // Then both accept exactly the documented codes
            report.IsValid.Should().Be(known, "the table should {0}accept {1}", known ? string.Empty : "not ", code);
            scenarioErrors.Any(e => e.Path == "$.currency").Should().Be(!known, "the scenario should {0}accept {1}", known ? string.Empty : "not ", code);
        }
    }

    /// <summary>The column names the README gives for a table: the first cell of each row of its section's table, or the names outside parentheses in its row of the small tables' table.</summary>
    private static List<string> Documented(string file)
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "README.md"));
        var heading = Array.FindIndex(lines, l => l.StartsWith($"## `{file}`", StringComparison.Ordinal));
        if (heading >= 0)
        {
            return lines.Skip(heading + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
                .Where(l => l.StartsWith("| `", StringComparison.Ordinal))
                .SelectMany(l => Names().Matches(l.Split('|')[1]).Select(m => m.Groups[1].Value))
                .ToList();
        }

        var section = Array.FindIndex(lines, l => l.StartsWith("## Storage, egress, electricity, hosting and PUE", StringComparison.Ordinal));
        var row = lines.Skip(section + 1).TakeWhile(l => !l.StartsWith("## ", StringComparison.Ordinal))
            .Single(l => l.StartsWith($"| `{file}` |", StringComparison.Ordinal));
        var cell = row.Split('|')[2];
        var names = new List<string>();
        var depth = 0;
        for (var i = 0; i < cell.Length; i++)
        {
            depth += cell[i] == '(' ? 1 : cell[i] == ')' ? -1 : 0;
            if (cell[i] == '`' && depth == 0)
            {
                var end = cell.IndexOf('`', i + 1);
                names.Add(cell[(i + 1)..end]);
                i = end;
            }
        }

        return names;
    }

    [GeneratedRegex("`([a-z0-9_]+)`")]
    private static partial Regex Names();

    [GeneratedRegex(@"`currency` is an ISO 4217 code in capitals: (?<codes>[A-Z, ]+)\.", RegexOptions.CultureInvariant)]
    private static partial Regex CurrencyList();
}
