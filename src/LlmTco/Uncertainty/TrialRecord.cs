using System.Globalization;

namespace LlmTco.Uncertainty;

/// <summary>One trial's outputs, written by an evaluator into buffers a worker reuses from trial to trial.</summary>
internal sealed class TrialRecord
{
    public TrialRecord(TrialLayout layout)
    {
        var pairs = layout.Pairs.Length;
        var options = layout.OptionNames.Length;
        BreakEvenMonth = new double[pairs];
        BreakEvenVolume = new double[pairs];
        Npv = new double[options];
        CostPerMillionTokensAtHorizon = new double[options];
        CumulativeDifference = new double[pairs * layout.Months];
    }

    /// <summary>Gets each pair's nominal break-even in months from the start: 0 when cheaper from the start, +∞ when never within the horizon.</summary>
    public double[] BreakEvenMonth { get; }

    /// <summary>Gets each pair's volume above which self-hosting stays cheaper (tokens per month), +∞ when it never stays cheaper.</summary>
    public double[] BreakEvenVolume { get; }

    /// <summary>Gets each option's NPV (the last month's discounted cumulative cost).</summary>
    public double[] Npv { get; }

    /// <summary>Gets each option's cost per million tokens in the last month, NaN when that month has no tokens.</summary>
    public double[] CostPerMillionTokensAtHorizon { get; }

    /// <summary>Gets each pair's self-hosted minus API cumulative cost, month by month: [pair × months + month].</summary>
    public double[] CumulativeDifference { get; }

    /// <summary>The first figure that must be finite and is not (an NPV, a cost per million tokens or a cumulative difference), or <see langword="null"/>.</summary>
    /// <remarks>The break-evens may be +∞ (never), a cost per million tokens NaN (no tokens); nothing else may leave the finite range.</remarks>
    public string? FirstNonFinite()
    {
        // Unchecked: indices bounded by the arrays' lengths, in a loop run per trial (see ScenarioPlan).
        unchecked
        {
            for (var o = 0; o < Npv.Length; o++)
            {
                if (!double.IsFinite(Npv[o]) || double.IsInfinity(CostPerMillionTokensAtHorizon[o]))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"option {o}'s NPV ({Npv[o]}) or cost per million tokens ({CostPerMillionTokensAtHorizon[o]})");
                }
            }

            foreach (var d in CumulativeDifference)
            {
                if (!double.IsFinite(d))
                {
                    return string.Create(CultureInfo.InvariantCulture, $"a cumulative difference ({d})");
                }
            }

            for (var p = 0; p < BreakEvenMonth.Length; p++)
            {
                if (double.IsNaN(BreakEvenMonth[p]) || double.IsNaN(BreakEvenVolume[p]))
                {
                    return "a break-even (NaN)";
                }
            }

            return null;
        }
    }
}
