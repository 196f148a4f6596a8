using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>Per-command help: <c>&lt;command&gt; --help</c> prints that command's usage and options only, and exits 0.</summary>
public sealed class CommandHelpTests
{
    [Theory]
    [InlineData(new[] { "run", "--help" }, "  run [<name>|<file.json>]", "--trials <n>", "validate-pricing")]
    [InlineData(new[] { "run", "customer-service", "-h" }, "  run [<name>|<file.json>]", "--seed <s>", "diff-prices")]
    [InlineData(new[] { "catalog", "--help" }, "  catalog api|gpus|rentals|models|benchmarks", "--provider <p>", "--trials")]
    [InlineData(new[] { "validate-pricing", "--help" }, "  validate-pricing <folder>", "--max-age-days <N>", "--trials")]
    [InlineData(new[] { "diff-prices", "--help" }, "  diff-prices <old> <new>", "--json", "--overlay")]
    [InlineData(new[] { "import-prices", "--from", "litellm", "--help" }, "  import-prices --from <format> <file.json>", "--source-url <url>", "--pricing")]
    [InlineData(new[] { "scenarios", "--help" }, "  scenarios ", "List the bundled scenarios.", "--json")]
    public async Task CommandHelp_PrintsThatCommandsUsageOnly_AndExitsZero(string[] args, string commandLine, string option, string absent)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = await SampleApp.RunAsync(args, stdout, stderr);

        exit.Should().Be(0, stderr.ToString());
        var text = stdout.ToString();
        text.Should().StartWith($"Usage: llmtco {args[0]} [options]").And.Contain(commandLine).And.Contain(option).And.Contain("Exit codes: 0 success");
        text.Should().NotContain(absent, "only this command's part of the usage is printed");
        stderr.ToString().Should().BeEmpty();
    }
}
