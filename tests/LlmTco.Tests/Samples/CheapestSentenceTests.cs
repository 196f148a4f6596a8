using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Samples;

namespace LlmTco.Tests.Samples;

/// <summary>Each result opens with one sentence naming the cheapest option over the horizon and by how much.</summary>
public sealed class CheapestSentenceTests : IDisposable
{
    private readonly string outFolder = Directory.CreateTempSubdirectory("llmtco-cheapest-").FullName;

    public static TheoryData<string> Scenarios => new(BundledScenarios.Names);

    public void Dispose() => Directory.Delete(outFolder, recursive: true);

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void Describe_NamesTheLowestTotal_AndItsSavingOnTheNextCheapest(string name)
    {
        // Given a bundled scenario evaluated by the engine
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(BundledScenarios.Load(name));
        var ranked = result.Options.OrderBy(o => o.TotalCost).ToList();

        // When the sentence is written
        var sentence = CheapestSentence.Describe(result);

        // Then it names the lowest total, and the saving is the next total minus it, as a share of the next total
        var saving = ranked[1].TotalCost - ranked[0].TotalCost;
        saving.Should().BeGreaterThanOrEqualTo(0);
        var currency = result.Scenario.Currency;
        sentence.Should().Be(
            $"Cheapest over the {result.Scenario.HorizonMonths} months: {ranked[0].Name} ({(ranked[0].Kind == LlmTco.Timeline.OptionKind.Api ? "API" : "self-hosted")}) "
            + $"at {Display.Money(ranked[0].TotalCost, currency)} in total, {Display.Money(saving, currency)} "
            + $"({(saving / ranked[1].TotalCost).ToString("P0", CultureInfo.InvariantCulture)}) less than the next cheapest, {ranked[1].Name}.");
    }

    [Fact]
    public void Describe_StartupBudget_MatchesTheTableByHand()
    {
        // The startup-budget table (run startup-budget): Llama 3.1 8B on Groq totals $407.04 over 24 months and
        // GPT-4.1 mini $5,088.xx, so Groq is cheaper by $4,681, which is 92 % of GPT-4.1 mini's total (4,681 / 5,088).
        // Costs are shown in whole dollars (the cents policy: only prices per unit show cents), so $407.
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(BundledScenarios.Load("startup-budget"));

        CheapestSentence.Describe(result).Should().Be(
            "Cheapest over the 24 months: Llama 3.1 8B on Groq (API) at $407 in total, $4,681 (92 %) less than the next cheapest, GPT-4.1 mini.");
    }

    [Fact]
    public async Task Run_OpensTheConsoleHtmlAndMarkdownAnswersWithTheSentence()
    {
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(BundledScenarios.Load("startup-budget"));
        var sentence = CheapestSentence.Describe(result);

        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var exit = await SampleApp.RunAsync(["run", "startup-budget", "--out", outFolder], stdout, stderr);

        exit.Should().Be(0, stderr.ToString());
        var lines = stdout.ToString().Split('\n').Select(l => System.Text.RegularExpressions.Regex.Replace(l, "\u001b\\[[0-9;]*m", string.Empty).TrimEnd()).ToList();
        lines.IndexOf(sentence).Should().BeInRange(1, lines.FindIndex(l => l.StartsWith('╭')) - 1, "it opens the result, before the table: " + string.Join(" / ", lines.Take(4)));
        (await File.ReadAllTextAsync(Path.Combine(outFolder, "report.html"))).Should().Contain($"<h2>Answer</h2><p><strong>{System.Net.WebUtility.HtmlEncode(sentence)}</strong></p>");
        (await File.ReadAllTextAsync(Path.Combine(outFolder, "summary.md"))).Should().Contain($"## Answer{Environment.NewLine}{Environment.NewLine}**{sentence}**");
    }
}
