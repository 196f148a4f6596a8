using LlmTco.Timeline;

namespace LlmTco.Uncertainty;

/// <summary>
/// The shape every trial's outputs share: the options in the engine's order (API options first) and the
/// self-hosted × API pairs in the order of <see cref="ScenarioResult.BreakEvens"/>.
/// </summary>
internal sealed class TrialLayout
{
    public TrialLayout(ScenarioResult baseline)
    {
        Months = baseline.Scenario.HorizonMonths;
        OptionNames = baseline.Options.Select(o => o.Name).ToArray();
        OptionKinds = baseline.Options.Select(o => o.Kind).ToArray();
        Pairs = baseline.BreakEvens
            .Select(b => (Self: Index(OptionKind.SelfHosted, b.SelfHostedOption), Api: Index(OptionKind.Api, b.ApiOption)))
            .ToArray();

        int Index(OptionKind kind, string name) =>
            baseline.Options.Select((o, i) => (o, i)).First(x => x.o.Kind == kind && string.Equals(x.o.Name, name, StringComparison.Ordinal)).i;
    }

    public int Months { get; }

    public string[] OptionNames { get; }

    public OptionKind[] OptionKinds { get; }

    /// <summary>Gets each pair's self-hosted and API option, as indices into <see cref="OptionNames"/>.</summary>
    public (int Self, int Api)[] Pairs { get; }
}
