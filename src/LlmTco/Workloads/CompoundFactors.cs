namespace LlmTco.Workloads;

/// <summary>
/// Compound factors as running products, the one implementation of compound growth and of the discount weights: (1 + rate)^m for m = 0, 1, 2, ... as 1, (1 + rate), (1 + rate)², ... multiplied month by month.
/// </summary>
internal static class CompoundFactors
{
    /// <summary>Fills <paramref name="into"/>[m] with (1 + rate)^m as a running product.</summary>
    public static void Growth(double rate, Span<double> into)
    {
        var factor = 1.0;
        var step = 1 + rate;
        for (var m = 0; m < into.Length; m++)
        {
            into[m] = factor;
            factor *= step;
        }
    }

    /// <summary>Fills <paramref name="into"/>[m] with the NPV weight of month m + 1, (1 + r)^(−(m + 1)/12), as q^(m + 1) with q = (1 + r)^(−1/12).</summary>
    public static void Discount(double yearlyRate, Span<double> into)
    {
        var q = Math.Pow(1 + yearlyRate, -1 / 12.0);
        var factor = q;
        for (var m = 0; m < into.Length; m++)
        {
            into[m] = factor;
            factor *= q;
        }
    }
}
