using LlmTco.Timeline;
using MathNet.Numerics.Statistics;

namespace LlmTco.Uncertainty;

/// <summary>The outcome summaries: the percentiles, means and shares of every output over the trials.</summary>
public sealed partial class MonteCarloSimulator
{
    /// <summary>Every pair's and option's summaries, computed on the run's cores, each into its own slot.</summary>
    private static (List<PairOutcomes> Pairs, List<OptionOutcomes> Options) Summarize(TrialLayout layout, TrialOutputs outputs, List<double> percentiles, ParallelOptions parallel)
    {
        var months = layout.Months;
        var pairCount = layout.Pairs.Length;
        var optionCount = layout.OptionNames.Length;
        var trials = outputs.Trials;
        var keptTrials = outputs.KeptTrials;

        // Every summary is independent of the others: compute them on the run's cores, each into its own slot.
        var jobs = new List<(double[] Values, int Offset, int Length, double Limit)>();
        for (var p = 0; p < pairCount; p++)
        {
            jobs.Add((outputs.BreakEvenMonth[p], 0, trials, months));
            jobs.Add((outputs.BreakEvenVolume[p], 0, trials, 1e300));
            jobs.Add((outputs.NpvDifference[p], 0, trials, double.PositiveInfinity));
            for (var m = 0; m < months; m++)
            {
                jobs.Add((outputs.Kept[p], m * keptTrials, keptTrials, double.PositiveInfinity));
            }
        }

        for (var o = 0; o < optionCount; o++)
        {
            jobs.Add((outputs.Npv[o], 0, trials, double.PositiveInfinity));
            jobs.Add((outputs.CostPerMillion[o], 0, trials, double.PositiveInfinity));
        }

        // Each worker reuses its scratch arrays (MathNet's selection reorders them) rather than allocate one per summary.
        var summaries = new PercentileSummary[jobs.Count];
        Parallel.For(
            0,
            jobs.Count,
            parallel,
            () => new Scratch(),
            (int j, ParallelLoopState _, Scratch scratch) =>
            {
                var (values, offset, length, limit) = jobs[j];
                summaries[j] = Summarize(values.AsSpan(offset, length), percentiles, limit, scratch);
                return scratch;
            },
            _ => { });
        var next = 0;
        var pairs = new List<PairOutcomes>(pairCount);
        for (var p = 0; p < pairCount; p++)
        {
            var (self, api) = layout.Pairs[p];
            var times = outputs.BreakEvenMonth[p];
            var timeSummary = summaries[next++];
            var volumeSummary = summaries[next++];
            var npvSummary = summaries[next++];
            var fan = summaries.AsSpan(next, months).ToArray();
            next += months;
            pairs.Add(new PairOutcomes(
                layout.OptionNames[self],
                layout.OptionNames[api],
                timeSummary,
                Share(times, double.IsPositiveInfinity),
                Share(times, x => x == 0),
                volumeSummary,
                npvSummary,
                Enumerable.Range(0, months).Select(m => (double)outputs.Cheaper[(p * months) + m] / trials).ToArray(),
                fan,
                Array.AsReadOnly(times),
                Array.AsReadOnly(outputs.BreakEvenVolume[p]),
                Array.AsReadOnly(outputs.NpvDifference[p])));
        }

        var optionOutcomes = new List<OptionOutcomes>(optionCount);
        for (var o = 0; o < optionCount; o++)
        {
            optionOutcomes.Add(new OptionOutcomes(layout.OptionNames[o], layout.OptionKinds[o], summaries[next], summaries[next + 1]));
            next += 2;
        }

        return (pairs, optionOutcomes);
    }

    /// <summary>
    /// Summarises one output over the trials with MathNet's percentiles (R-8, by selection: <c>ArrayStatistics.QuantileInplace</c>
    /// gives the same order statistics and interpolation as sorting and <c>SortedArrayStatistics.Quantile</c>). +∞ stands for
    /// "no finite answer": it ranks after every finite value (as <see cref="double.MaxValue"/>, so that interpolation stays
    /// finite) and a percentile above <paramref name="finiteLimit"/> is reported as <see langword="null"/>. NaN (no value)
    /// is left out. The mean is taken in trial order.
    /// </summary>
    internal static PercentileSummary Summarize(ReadOnlySpan<double> values, IReadOnlyList<double> percentiles, double finiteLimit, Scratch? scratch = null)
    {
        var infinite = false;
        var count = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                count++;
                infinite |= double.IsInfinity(v);
            }
        }

        var data = scratch?.Get(count) ?? new double[count];
        var k = 0;
        foreach (var v in values)
        {
            if (!double.IsNaN(v))
            {
                data[k++] = double.IsPositiveInfinity(v) ? double.MaxValue : v;
            }
        }

        double? mean = count > 0 && !infinite ? Mean(data) : null;
        var summary = new List<PercentileValue>(percentiles.Count);
        foreach (var p in percentiles)
        {
            double? q = count == 0 ? null : ArrayStatistics.QuantileInplace(data, p);
            summary.Add(new PercentileValue(p, q > finiteLimit ? null : q));
        }

        return new PercentileSummary(summary, mean, count);
    }

    /// <summary>
    /// The arithmetic mean as the sum ÷ the count (MathNet's running mean divides once per value, which made it a tenth
    /// of a 100,000-trial summary); MathNet's where the sum would overflow.
    /// </summary>
    private static double Mean(double[] data)
    {
        var sum = 0.0;
        foreach (var v in data)
        {
            sum += v;
        }

        return double.IsFinite(sum) ? sum / data.Length : ArrayStatistics.Mean(data);
    }

    /// <summary>Scratch arrays of the lengths a run summarises, reused by one worker.</summary>
    internal sealed class Scratch
    {
        private readonly Dictionary<int, double[]> arrays = [];

        public double[] Get(int length)
        {
            if (!arrays.TryGetValue(length, out var array))
            {
                array = new double[length];
                arrays[length] = array;
            }

            return array;
        }
    }

    private static double Share(double[] values, Func<double, bool> predicate)
    {
        var count = 0;
        foreach (var v in values)
        {
            if (predicate(v))
            {
                count++;
            }
        }

        return values.Length == 0 ? 0 : (double)count / values.Length;
    }

}
