using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>
/// The documented exit codes of every command, now that System.CommandLine parses them: 0 success, 1 invalid data (a
/// missing file, an unknown scenario name, a filter matching nothing), 2 a bad command line (unknown command or option,
/// a missing or extra argument, a value that does not parse). Each case is a line of docs/cli.md's table.
/// </summary>
public sealed class ExitCodeTests
{
    [Theory]
    [InlineData(0, "scenarios")]
    [InlineData(0, "catalog", "gpus", "--json")]
    [InlineData(0, "catalog", "api", "--provider", "OPENAI")]
    [InlineData(0, "validate-pricing", "pricing-data", "--as-of", "2026-12-05", "--max-age-days", "100000")]
    [InlineData(0, "diff-prices", "pricing-data", "pricing-data")]
    [InlineData(0, "help")]
    [InlineData(0, "help", "usage")]
    [InlineData(0, "usage", "--help")]
    [InlineData(0, "run", "--json", "--", "startup-budget")]
    public async Task GoodCommandLine_ExitsZero(int expected, params string[] args)
    {
        var (exit, _, stderr) = await Run(args);

        exit.Should().Be(expected, stderr);
    }

    [Theory]
    [InlineData(1, "run", "no-such-scenario")]
    [InlineData(1, "run", "missing.json")]
    [InlineData(1, "run", "@customer-service")]
    [InlineData(1, "catalog", "rentals", "--gpu", "no-such-gpu")]
    [InlineData(1, "validate-pricing", "no-such-folder")]
    [InlineData(1, "validate-pricing", "README.md")]
    [InlineData(1, "diff-prices", "pricing-data", "no-such-folder")]
    [InlineData(1, "import-prices", "--from", "litellm", "no-such-file.json")]
    [InlineData(1, "compare-prices", "--with", "genai-prices", "pricing-data")]
    [InlineData(1, "usage", "no-such-export.json")]
    public async Task InvalidData_ExitsOne(int expected, params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);

        exit.Should().Be(expected);
        stdout.Should().BeEmpty("the problem is found before any work");
        stderr.Should().StartWith("error: ");
    }

    [Theory]
    [InlineData(2, "frobnicate")]
    [InlineData(2, "--version")]
    [InlineData(2, "help", "frobnicate")]
    [InlineData(2, "run", "--trials")]
    [InlineData(2, "run", "--trials", "1e3")]
    [InlineData(2, "run", "--seed", "--json")]
    [InlineData(2, "scenarios", "--json")]
    [InlineData(2, "catalog", "gpus", "--provider", "aws")]
    [InlineData(2, "catalog", "--json")]
    [InlineData(2, "validate-pricing", "pricing-data", "--as-of", "2026-02-30")]
    [InlineData(2, "diff-prices", "a", "b", "c")]
    [InlineData(2, "import-prices", "--from", "litellm", "--out")]
    [InlineData(2, "compare-prices", "x.json")]
    [InlineData(2, "usage", "x.json", "--horizon", "-1")]
    [InlineData(2, "usage", "x.json", "--self-hosted-from", "no-such-scenario")]
    public async Task BadCommandLine_ExitsTwo_WithTheCommandsLine(int expected, params string[] args)
    {
        var (exit, stdout, stderr) = await Run(args);

        exit.Should().Be(expected);
        stdout.Should().BeEmpty();
        stderr.Should().StartWith("error: ");
        if (args[0] is not ("frobnicate" or "--version" or "help"))
        {
            stderr.Should().Contain($"usage: {args[0]}", "a command's error is followed by that command's line");
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(args.Select(a => a is "pricing-data" or "README.md" ? Path.Combine(RepositoryRoot.Path, a) : a).ToArray(), stdout, stderr);
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
