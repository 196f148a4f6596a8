using System.Globalization;

namespace LlmTco.Uncertainty;

/// <summary>
/// Percentiles of one Monte Carlo output over the trials, from MathNet.Numerics' <c>ArrayStatistics.QuantileInplace</c>
/// (the R-8 definition, approximately median-unbiased; the same values as sorting and <c>SortedArrayStatistics.Quantile</c>).
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed class PercentileSummary
{
    internal PercentileSummary(IReadOnlyList<PercentileValue> values, double? mean, int count)
    {
        Values = values;
        Mean = mean;
        Count = count;
    }

    /// <summary>Gets every percentile reported, lowest first (always P10, P50 and P90).</summary>
    public IReadOnlyList<PercentileValue> Values { get; }

    /// <summary>Gets the mean over the trials, or <see langword="null"/> when some trial has no finite value.</summary>
    public double? Mean { get; }

    /// <summary>Gets the number of trials summarised.</summary>
    public int Count { get; }

    /// <summary>Gets P10: a tenth of the trials lie below it.</summary>
    public double? P10 => At(0.1);

    /// <summary>Gets P50, the median.</summary>
    public double? P50 => At(0.5);

    /// <summary>Gets P90: nine tenths of the trials lie below it.</summary>
    public double? P90 => At(0.9);

    /// <summary>Gets one of the reported percentiles.</summary>
    /// <param name="percentile">The percentile as a fraction, e.g. 0.1 for P10.</param>
    /// <returns>Its value, or <see langword="null"/> when it falls among trials without a finite value.</returns>
    /// <exception cref="KeyNotFoundException">That percentile was not requested.</exception>
    public double? At(double percentile)
    {
        foreach (var v in Values)
        {
            if (Math.Abs(v.Percentile - percentile) < 1e-12)
            {
                return v.Value;
            }
        }

        throw new KeyNotFoundException(string.Create(CultureInfo.InvariantCulture, $"P{percentile * 100:G} was not requested; the percentiles are {string.Join(", ", Values.Select(v => (v.Percentile * 100).ToString("G", CultureInfo.InvariantCulture)))}."));
    }
}
