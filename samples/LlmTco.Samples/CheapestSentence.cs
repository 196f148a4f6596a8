using LlmTco.Timeline;

namespace LlmTco.Samples;

/// <summary>The sentence a result opens with: which option is cheapest over the horizon, and by how much.</summary>
internal static class CheapestSentence
{
    /// <summary>
    /// Ranks the options by their total cost over the horizon (the table's "Total" column) and names the cheapest, its
    /// total, and what it saves against the next cheapest, in money and as a share of that option's total.
    /// </summary>
    public static string Describe(ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var s = result.Scenario;
        var ranked = result.Options.OrderBy(o => o.TotalCost).ToList();
        var best = ranked[0];
        var kind = best.Kind == OptionKind.Api ? "API" : "self-hosted";
        if (ranked.Count == 1)
        {
            return $"Over the {s.HorizonMonths} months, {best.Name} ({kind}) costs {Display.Money(best.TotalCost, s.Currency)} in total.";
        }

        var next = ranked[1];
        var saving = next.TotalCost - best.TotalCost;
        var share = next.TotalCost > 0 ? saving / next.TotalCost : 0;
        return $"Cheapest over the {s.HorizonMonths} months: {best.Name} ({kind}) at {Display.Money(best.TotalCost, s.Currency)} in total, "
            + $"{Display.Money(saving, s.Currency)} ({Display.Percent(share)}) less than the next cheapest, {next.Name}.";
    }
}
