using LlmTco.Output;
using LlmTco.Timeline;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Timeline;

public sealed class ResultFiguresTests
{
    [Fact]
    public void FirstNonFinite_EngineResult_IsNull()
    {
        var result = Engine.Evaluate(ThreeMonths(RentedModel8B));

        ResultFigures.FirstNonFinite(result).Should().BeNull();
    }

    [Fact]
    public void FirstNonFinite_InfiniteLineInMonthTwo_NamesTheOptionPathTheLineAndTheMonth()
    {
        // Given the self-hosted option's month 2 with an infinite GPU rental
        var result = WithSelfHostedMonth2Rental(double.PositiveInfinity);

        // When
        var error = ResultFigures.FirstNonFinite(result);

        // Then
        error!.Path.Should().Be("$.selfHostedOptions[0]");
        error.Message.Should().StartWith("the result of 'Model-8B on GPU-A' is not a finite number: its gpuRental is Infinity in month 2;");
    }

    [Fact]
    public void Writers_NonFiniteResult_RefuseBeforeWritingAnything()
    {
        var result = WithSelfHostedMonth2Rental(double.NaN);
        using var csv = new StringWriter();
        using var json = new MemoryStream();

        var writeCsv = () => ScenarioResultCsv.Write(csv, result);
        var writeJson = () => ScenarioResultJson.Write(json, result);

        writeCsv.Should().Throw<ArgumentException>().WithMessage("$.selfHostedOptions[0]: the result of 'Model-8B on GPU-A' is not a finite number: its gpuRental is NaN in month 2;*");
        writeJson.Should().Throw<ArgumentException>().WithMessage("$.selfHostedOptions[0]: *its gpuRental is NaN in month 2;*");
        csv.ToString().Should().BeEmpty();
        json.Length.Should().Be(0);
    }

    /// <summary>The engine's result of <see cref="ThreeMonths"/> with a self-hosted option, its month 2 GPU rental replaced.</summary>
    private static ScenarioResult WithSelfHostedMonth2Rental(double rental)
    {
        var result = Engine.Evaluate(ThreeMonths(RentedModel8B));
        var self = result.Options.Single(o => o.Kind == OptionKind.SelfHosted);
        var months = self.Months.Select(m =>
        {
            var lines = m.Lines.ToArray();
            if (m.Month == 2)
            {
                lines[(int)CostLine.GpuRental] = rental;
            }

            return new MonthResult(m.Month, m.StartDate, lines, m.Total, m.Cumulative, m.DiscountFactor, m.DiscountedCumulative, m.InputTokens, m.OutputTokens, m.Gpus, m.GpusNeeded, m.Replicas, m.Utilization, m.ServedByBridge);
        }).ToList();
        var options = result.Options.Select(o => o == self ? new OptionResult(o.Name, o.Kind, months, o.ResidualValue, o.GpusPerReplica, o.ReplicaThroughputTokensPerSecond, o.ThroughputSource, o.SteadyState) : o).ToList();
        return new ScenarioResult(result.Scenario, options, result.BreakEvens, result.Assumptions);
    }
}
