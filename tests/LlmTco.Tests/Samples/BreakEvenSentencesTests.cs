using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Scenarios;
using LlmTco.Tests.Docs;

namespace LlmTco.Tests.Samples;

/// <summary>The break-even answer in words uses the one month convention of the tables and charts.</summary>
public sealed class BreakEvenSentencesTests
{
    [Fact]
    public void Describe_ReadmeExample_NamesTheMonthAndTheTimeAfterTheStart()
    {
        // Given the README example, which breaks even 3.41 months after the start (2,410.16 / 5,863.28 into month 4)
        var scenario = ScenarioJson.Parse(ReadmeExample.ScenarioJson());
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(scenario);

        // When it is said in words
        var sentence = BreakEvenSentences.Describe(result.BreakEvens.Single(), scenario);

        // Then it reads "in month 4, 3.4 months after the start" and names the calendar month (April 2027, the 4th from January)
        sentence.Should().StartWith("Llama 3.1 8B on an L40S breaks even with GPT-4o in month 4, 3.4 months after the start (Apr 2027, ");
    }
}
