using System.Globalization;
using LlmTco.Output;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Output;

public sealed class ScenarioResultCsvTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://x\")")]
    [InlineData("+1+1")]
    [InlineData("-1+1")]
    [InlineData("@SUM(A1)")]
    [InlineData("\tTab")]
    public void Write_OptionNameAFormulaWouldRun_IsEscaped(string name)
    {
        // Given an option whose name a spreadsheet would run as a formula
        var scenario = ThreeMonths() with { ApiOptions = [AcmeLarge with { Name = name }] };
        var result = Engine.Evaluate(scenario);

        // When written as CSV
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ScenarioResultCsv.Write(writer, result);
        var rows = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);

        // Then no data row's first cell starts with a formula character
        rows.Skip(1).Should().OnlyContain(r => !"=+-@\t\r".Contains(r.TrimStart('"')[0], StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void Write_UnderAnyCulture_WritesDecimalPoints(string culture)
    {
        var previous = CultureInfo.CurrentCulture;
        string csv;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            using var writer = new StringWriter(CultureInfo.InvariantCulture);
            ScenarioResultCsv.Write(writer, Engine.Evaluate(ThreeMonths(RentedModel8B)));
            csv = writer.ToString();
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        // May costs 21,375 for Acme Large (see TcoEngineTests) and cost per 1M tokens 21,375 / 1,500 = 14.25
        csv.Should().Contain(",21375,").And.Contain(",14.25,").And.NotContain("14,25");
    }
}
