using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.Samples;

/// <summary>The break-even answers in words, e.g. "X breaks even with Y in month 14 ...".</summary>
internal static class BreakEvenSentences
{
    public static string Describe(BreakEvenResult b, Scenario scenario)
    {
        var currency = scenario.Currency;
        var when = b.Nominal.Outcome switch
        {
            BreakEvenOutcome.CheaperFromStart => $"{b.SelfHostedOption} is cheaper than {b.ApiOption} from the start",
            BreakEvenOutcome.BreaksEven => $"{b.SelfHostedOption} breaks even with {b.ApiOption} in {Display.BreakEvenTime(b.Nominal.MonthsFromStart!.Value)} ({MonthName(scenario, b.Nominal.Month!.Value)}, at {Display.ShortMoney(b.Nominal.CumulativeCost!.Value, currency)} spent by each)",
            _ => $"{b.SelfHostedOption} does not break even with {b.ApiOption} within {scenario.HorizonMonths} months",
        };
        var volume = b.Volume.SelfHostedCheaperAboveTokensPerMonth switch
        {
            0 => "; at steady state it is cheaper at any volume",
            { } v => $"; at steady state it is cheaper above {Display.Tokens(v)} a month",
            null when b.Volume.SearchedUpToTokensPerMonth > 0 => $"; at steady state the API stays cheaper at every volume up to {Display.Tokens(b.Volume.SearchedUpToTokensPerMonth)} a month",
            null => string.Empty,
        };
        var discounted = b.Discounted.Outcome == b.Nominal.Outcome && b.Discounted.Month == b.Nominal.Month || scenario.YearlyDiscountRate == 0
            ? string.Empty
            : b.Discounted.Outcome switch
            {
                BreakEvenOutcome.BreaksEven => $" (discounted: {Display.BreakEvenTime(b.Discounted.MonthsFromStart!.Value)})",
                BreakEvenOutcome.CheaperFromStart => " (discounted: from the start)",
                _ => " (discounted: not within the horizon)",
            };
        return when + discounted + volume + ".";
    }

    private static string MonthName(Scenario scenario, int month) =>
        scenario.StartDate.AddMonths(month - 1).ToString("MMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
