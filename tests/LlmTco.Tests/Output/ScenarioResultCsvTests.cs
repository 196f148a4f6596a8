using System.Globalization;
using LlmTco.Output;
using LlmTco.Timeline;
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
    // (A name starting with a tab never gets here: names are printable text, so the scenario is refused.)
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

    [Fact]
    public void Write_Header_IsTheColumnListTheReadmeDocuments()
    {
        // The columns are a public interface: these are docs/output.md's `run --csv` list, in its order, with one
        // column per cost line item from api_usage to residual_value.
        string[] documented =
        [
            "option", "kind", "month", "start_date",
            "api_usage", "api_commitment_shortfall", "api_fees", "api_fine_tuning", "bridge_api", "gpu_rental", "capital",
            "depreciation", "power", "hosting", "maintenance", "storage", "egress", "fine_tuning", "people",
            "licences_and_support", "setup", "commitment_beyond_horizon", "residual_value",
            "total", "cumulative", "discounted_total", "discounted_cumulative", "input_tokens", "output_tokens",
            "cost_per_mtok", "gpus", "replicas", "utilization", "served_by_bridge", "gpus_needed",
        ];
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ScenarioResultCsv.Write(writer, Engine.Evaluate(ThreeMonths()));

        writer.ToString().Split('\n')[0].Split(',').Should().Equal(documented);
        ScenarioResultCsv.Columns.Should().Equal(documented);
    }

    [Fact]
    public void Write_ApiMonth_PutsEachFigureUnderItsColumn()
    {
        // May for Acme Large (see TcoEngineTests): usage (8e8 × 10 + 2e8 × 2.5 + 5e8 × 40) ÷ 1e6 × (1 − 0.5 × 0.5) = 21,375;
        // 1e9 input and 5e8 output tokens; 21,375 ÷ 1,500 = 14.25 per 1M tokens; no GPUs; not served by a bridge.
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ScenarioResultCsv.Write(writer, Engine.Evaluate(ThreeMonths()));
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        var may = lines[1].Split(',');
        string Cell(string column) => may[Array.IndexOf(header, column)];

        lines.Should().HaveCount(1 + 3, "a header and one row per month of the one option");
        Cell("option").Should().Be("Acme Large");
        Cell("kind").Should().Be("api");
        Cell("month").Should().Be("1");
        Cell("start_date").Should().Be("2025-05-01");
        Cell("api_usage").Should().Be("21375");
        Cell("gpu_rental").Should().Be("0");
        Cell("total").Should().Be("21375");
        Cell("cumulative").Should().Be("21375");
        Cell("input_tokens").Should().Be("1000000000");
        Cell("output_tokens").Should().Be("500000000");
        Cell("cost_per_mtok").Should().Be("14.25");
        Cell("gpus").Should().Be("0");
        Cell("served_by_bridge").Should().Be("false");
    }

    [Fact]
    public void Write_SelfHostedOptionBehindABridge_WritesItsKindUtilizationAndBridgeMonths()
    {
        // Given Model-8B rented after a one-month lead time, Acme Large serving its traffic meanwhile
        var option = RentedModel8B with { LeadTimeMonths = 1, BridgeApiOption = "Acme Large" };
        var result = Engine.Evaluate(ThreeMonths(option));

        // When
        var rows = Rows(result);

        // Then the API rows have no utilization, the self-hosted rows have the one the result holds, and only month 1 of
        // the self-hosted option is served by the bridge
        var api = rows.Where(r => r["option"] == "Acme Large").ToList();
        var self = rows.Where(r => r["option"] == option.Name).ToList();
        api.Select(r => r["kind"]).Should().Equal("api", "api", "api");
        api.Select(r => r["utilization"]).Should().Equal(string.Empty, string.Empty, string.Empty);
        self.Select(r => r["kind"]).Should().Equal("self-hosted", "self-hosted", "self-hosted");
        self.Select(r => r["served_by_bridge"]).Should().Equal("true", "false", "false");
        var months = result.Option(option.Name).Months;
        self.Select(r => r["utilization"]).Should().Equal(months.Select(m => m.Utilization is { } u ? u.ToString("R", CultureInfo.InvariantCulture) : string.Empty));
        months.Skip(1).Should().OnlyContain(m => m.Utilization > 0, "the replicas serve traffic from month 2, so those cells are numbers");
    }

    [Fact]
    public void Write_MonthWithoutTraffic_LeavesTheCostPerMillionTokensEmpty()
    {
        // Given a series of 0, then 1,000,000 requests: month 1 has no tokens, so no cost per million tokens
        var scenario = ThreeMonths() with { Workload = new Workload { Profiles = [Chat with { Growth = GrowthRule.Series(0, 1e6, 1e6) }] } };

        // When
        var rows = Rows(Engine.Evaluate(scenario));

        // Then
        rows[0]["input_tokens"].Should().Be("0");
        rows[0]["cost_per_mtok"].Should().BeEmpty();
        rows[1]["cost_per_mtok"].Should().NotBeEmpty();
    }

    [Fact]
    public void Write_LeavesTheWriterOpen()
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);

        ScenarioResultCsv.Write(writer, Engine.Evaluate(ThreeMonths()));
        writer.Write("after");

        writer.ToString().Should().EndWith("\nafter");
    }

    [Fact]
    public void Write_NullArguments_Throw()
    {
        var result = Engine.Evaluate(ThreeMonths());

        FluentActions.Invoking(() => ScenarioResultCsv.Write(null!, result)).Should().Throw<ArgumentNullException>().WithParameterName("writer");
        FluentActions.Invoking(() => ScenarioResultCsv.Write(TextWriter.Null, null!)).Should().Throw<ArgumentNullException>().WithParameterName("result");
    }

    private static List<Dictionary<string, string>> Rows(ScenarioResult result)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture);
        ScenarioResultCsv.Write(writer, result);
        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)).ToList();
    }
}
