namespace LlmTco.Uncertainty;

/// <summary>A tornado analysis of one self-hosted × API pair: every uncertain input's swing, ranked.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class TornadoPair
{
    internal TornadoPair(string selfHostedOption, string apiOption, double? baselineBreakEvenMonth, double baselineNpvDifference, IReadOnlyList<TornadoBar> byBreakEvenMonth, IReadOnlyList<TornadoBar> byNpvDifference)
    {
        SelfHostedOption = selfHostedOption;
        ApiOption = apiOption;
        BaselineBreakEvenMonth = baselineBreakEvenMonth;
        BaselineNpvDifference = baselineNpvDifference;
        ByBreakEvenMonth = byBreakEvenMonth;
        ByNpvDifference = byNpvDifference;
    }

    /// <summary>Gets the self-hosted option's name.</summary>
    public string SelfHostedOption { get; }

    /// <summary>Gets the API option's name.</summary>
    public string ApiOption { get; }

    /// <summary>Gets the break-even time with every uncertain input at its median, or <see langword="null"/> when never within the horizon.</summary>
    public double? BaselineBreakEvenMonth { get; }

    /// <summary>Gets NPV(self-hosted) − NPV(API) with every uncertain input at its median.</summary>
    public double BaselineNpvDifference { get; }

    /// <summary>Gets the inputs ranked by <see cref="TornadoBar.BreakEvenMonthSwing"/>, largest first (ties in the scenario's order).</summary>
    public IReadOnlyList<TornadoBar> ByBreakEvenMonth { get; }

    /// <summary>Gets the inputs ranked by <see cref="TornadoBar.NpvDifferenceSwing"/>, largest first (ties in the scenario's order).</summary>
    public IReadOnlyList<TornadoBar> ByNpvDifference { get; }
}
