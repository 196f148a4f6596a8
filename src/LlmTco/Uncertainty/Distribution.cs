using System.Globalization;
using System.Text.Json.Serialization;
using MathNet.Numerics.Distributions;

namespace LlmTco.Uncertainty;

/// <summary>
/// A probability distribution for one uncertain scenario input: a point, uniform, triangular, PERT, normal (optionally
/// truncated) or lognormal (optionally truncated). Build one with the factory methods (<see cref="Uniform"/>,
/// <see cref="Triangular"/>, ...), which check their parameters, or with an object initializer (as scenario JSON does),
/// which is checked when the scenario is validated or simulated.
/// </summary>
/// <remarks>
/// Only the parameters of the <see cref="Kind"/> may be set; any other parameter is an error, so that a misplaced
/// <c>mode</c> on a uniform distribution is reported rather than ignored. Quantiles and samples come from
/// MathNet.Numerics' distributions (<c>ContinuousUniform</c>, <c>Triangular</c>, <c>BetaScaled</c>, <c>Normal</c>,
/// <c>LogNormal</c>).
/// <threadsafety>Immutable; safe to share between threads.</threadsafety>
/// </remarks>
public sealed record Distribution
{
    /// <summary>The smallest probability mass a truncation interval must hold for sampling from it to be meaningful.</summary>
    private const double MinTruncatedMass = 1e-9;

    /// <summary>Gets the shape of the distribution.</summary>
    /// <value>The default value is <see cref="DistributionKind.Point"/>; scenario JSON must give it.</value>
    [JsonRequired]
    public DistributionKind Kind { get; init; }

    /// <summary>Gets the fixed value of a <see cref="DistributionKind.Point"/> distribution, in the input's unit.</summary>
    public double? Value { get; init; }

    /// <summary>Gets the lower bound (uniform, triangular, PERT), or the lower truncation point (normal, lognormal, optional), in the input's unit.</summary>
    public double? Min { get; init; }

    /// <summary>Gets the most likely value of a triangular or PERT distribution, in the input's unit.</summary>
    public double? Mode { get; init; }

    /// <summary>Gets the upper bound (uniform, triangular, PERT), or the upper truncation point (normal, lognormal, optional), in the input's unit.</summary>
    public double? Max { get; init; }

    /// <summary>Gets the mean of a normal distribution (before truncation), in the input's unit.</summary>
    public double? Mean { get; init; }

    /// <summary>Gets the standard deviation of a normal distribution (before truncation), greater than 0, in the input's unit.</summary>
    public double? StandardDeviation { get; init; }

    /// <summary>Gets the mean of ln(x) for a lognormal distribution: the median is e^mu.</summary>
    public double? Mu { get; init; }

    /// <summary>Gets the standard deviation of ln(x) for a lognormal distribution, greater than 0.</summary>
    public double? Sigma { get; init; }

    /// <summary>Gets the smallest value the distribution can take, or <see cref="double.NegativeInfinity"/> when it is unbounded below.</summary>
    /// <remarks>A lognormal distribution without <see cref="Min"/> is bounded below by 0, which it never takes.</remarks>
    [JsonIgnore]
    public double SupportMinimum => Kind switch
    {
        DistributionKind.Point => Value ?? double.NaN,
        DistributionKind.Uniform or DistributionKind.Triangular or DistributionKind.Pert => Min ?? double.NaN,
        DistributionKind.Normal => Min ?? double.NegativeInfinity,
        DistributionKind.LogNormal => Math.Max(0, Min ?? 0),
        _ => double.NaN,
    };

    /// <summary>Gets the largest value the distribution can take, or <see cref="double.PositiveInfinity"/> when it is unbounded above.</summary>
    [JsonIgnore]
    public double SupportMaximum => Kind switch
    {
        DistributionKind.Point => Value ?? double.NaN,
        DistributionKind.Uniform or DistributionKind.Triangular or DistributionKind.Pert => Max ?? double.NaN,
        DistributionKind.Normal or DistributionKind.LogNormal => Max ?? double.PositiveInfinity,
        _ => double.NaN,
    };

    /// <summary>Creates a fixed value.</summary>
    /// <param name="value">The value, finite.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">The value is not finite.</exception>
    public static Distribution Point(double value) => Checked(new Distribution { Kind = DistributionKind.Point, Value = value });

    /// <summary>Creates a uniform distribution: every value from <paramref name="min"/> to <paramref name="max"/> equally likely.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="max">The upper bound, greater than <paramref name="min"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A bound is not finite, or <paramref name="min"/> is not below <paramref name="max"/>.</exception>
    public static Distribution Uniform(double min, double max) => Checked(new Distribution { Kind = DistributionKind.Uniform, Min = min, Max = max });

    /// <summary>Creates a triangular distribution.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="mode">The most likely value, from <paramref name="min"/> to <paramref name="max"/>.</param>
    /// <param name="max">The upper bound, greater than <paramref name="min"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A parameter is not finite, <paramref name="min"/> is not below <paramref name="max"/>, or the mode lies outside them.</exception>
    public static Distribution Triangular(double min, double mode, double max) => Checked(new Distribution { Kind = DistributionKind.Triangular, Min = min, Mode = mode, Max = max });

    /// <summary>Creates a PERT distribution: a beta distribution scaled to [<paramref name="min"/>, <paramref name="max"/>] with its mode at <paramref name="mode"/>.</summary>
    /// <param name="min">The lower bound.</param>
    /// <param name="mode">The most likely value, from <paramref name="min"/> to <paramref name="max"/>.</param>
    /// <param name="max">The upper bound, greater than <paramref name="min"/>.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A parameter is not finite, <paramref name="min"/> is not below <paramref name="max"/>, or the mode lies outside them.</exception>
    public static Distribution Pert(double min, double mode, double max) => Checked(new Distribution { Kind = DistributionKind.Pert, Min = min, Mode = mode, Max = max });

    /// <summary>Creates a normal distribution, optionally truncated to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="mean">The mean before truncation.</param>
    /// <param name="standardDeviation">The standard deviation before truncation, greater than 0.</param>
    /// <param name="min">The lower truncation point, or <see langword="null"/> for none.</param>
    /// <param name="max">The upper truncation point, or <see langword="null"/> for none.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A parameter is not finite, the standard deviation is not positive, or the truncation interval is empty or holds almost no probability.</exception>
    public static Distribution Normal(double mean, double standardDeviation, double? min = null, double? max = null) =>
        Checked(new Distribution { Kind = DistributionKind.Normal, Mean = mean, StandardDeviation = standardDeviation, Min = min, Max = max });

    /// <summary>Creates a lognormal distribution, optionally truncated to [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <param name="mu">The mean of ln(x); the median is e^mu.</param>
    /// <param name="sigma">The standard deviation of ln(x), greater than 0.</param>
    /// <param name="min">The lower truncation point, or <see langword="null"/> for none.</param>
    /// <param name="max">The upper truncation point, or <see langword="null"/> for none.</param>
    /// <returns>The distribution.</returns>
    /// <exception cref="ArgumentException">A parameter is not finite, sigma is not positive, or the truncation interval is empty or holds almost no probability.</exception>
    public static Distribution LogNormal(double mu, double sigma, double? min = null, double? max = null) =>
        Checked(new Distribution { Kind = DistributionKind.LogNormal, Mu = mu, Sigma = sigma, Min = min, Max = max });

    /// <summary>Creates a lognormal distribution from its median and the standard deviation of ln(x).</summary>
    /// <param name="median">The median, greater than 0.</param>
    /// <param name="sigma">The standard deviation of ln(x), greater than 0.</param>
    /// <returns>The distribution, with <see cref="Mu"/> = ln(median).</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="median"/> is not positive.</exception>
    /// <exception cref="ArgumentException">Sigma is not positive.</exception>
    public static Distribution LogNormalFromMedian(double median, double sigma)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(median);
        return LogNormal(Math.Log(median), sigma);
    }

    /// <summary>Lists every problem with the parameters, each naming the parameter as it is written in scenario JSON.</summary>
    /// <returns>The problems; empty when the distribution is valid.</returns>
    public IReadOnlyList<string> Problems() => Check().Select(p => p.Parameter is null ? p.Message : $"{p.Parameter}: {p.Message}").ToList();

    /// <summary>Gets the value below which a share <paramref name="probability"/> of the distribution lies (the inverse cumulative distribution; P10 is 0.1).</summary>
    /// <param name="probability">The probability, 0 to 1.</param>
    /// <returns>The quantile, in the input's unit; within the truncation interval when truncated.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="probability"/> is outside 0 to 1.</exception>
    /// <exception cref="InvalidOperationException">The distribution's parameters are not valid; the message lists the problems.</exception>
    public double InverseCumulativeDistribution(double probability)
    {
        if (!(probability is >= 0 and <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(probability), probability, "A probability is from 0 to 1.");
        }

        return Prepare().InverseCumulative(probability);
    }

    /// <summary>Checks the parameters and returns a sampler, or throws naming every problem.</summary>
    internal DistributionSampler Prepare()
    {
        var problems = Problems();
        if (problems.Count > 0)
        {
            throw new InvalidOperationException($"The {Word(Kind)} distribution is not valid: {string.Join("; ", problems)}.");
        }

        return new DistributionSampler(this);
    }

    /// <summary>Every problem with the parameters: (parameter as written in JSON, or <see langword="null"/> for the whole distribution; message).</summary>
    internal IEnumerable<(string? Parameter, string Message)> Check()
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return ("kind", $"'{Kind}' is not a distribution kind; use point, uniform, triangular, pert, normal or lognormal");
            yield break;
        }

        var used = Kind switch
        {
            DistributionKind.Point => new[] { "value" },
            DistributionKind.Uniform => ["min", "max"],
            DistributionKind.Triangular or DistributionKind.Pert => ["min", "mode", "max"],
            DistributionKind.Normal => ["mean", "standardDeviation", "min", "max"],
            _ => ["mu", "sigma", "min", "max"],
        };
        foreach (var (name, value) in Parameters())
        {
            if (value is { } v && !used.Contains(name))
            {
                yield return (name, $"is not a parameter of a {Word(Kind)} distribution (which takes {string.Join(", ", used)}) (value: {Num(v)})");
            }
            else if (value is { } w && !double.IsFinite(w))
            {
                yield return (name, $"must be a finite number (value: {Num(w)})");
            }
        }

        switch (Kind)
        {
            case DistributionKind.Point:
                if (Value is null)
                {
                    yield return ("value", "a point distribution needs a value");
                }

                break;
            case DistributionKind.Uniform:
                foreach (var p in Bounds(needed: true))
                {
                    yield return p;
                }

                break;
            case DistributionKind.Triangular or DistributionKind.Pert:
                foreach (var p in Bounds(needed: true))
                {
                    yield return p;
                }

                if (Mode is null)
                {
                    yield return ("mode", $"a {Word(Kind)} distribution needs its most likely value, mode");
                }
                else if (Min is { } lo && Max is { } hi && lo < hi && (Mode < lo || Mode > hi))
                {
                    yield return ("mode", $"the mode ({Num(Mode.Value)}) must lie from min ({Num(lo)}) to max ({Num(hi)})");
                }

                break;
            case DistributionKind.Normal:
                if (Mean is null)
                {
                    yield return ("mean", "a normal distribution needs a mean");
                }

                if (StandardDeviation is null)
                {
                    yield return ("standardDeviation", "a normal distribution needs a standard deviation");
                }
                else if (StandardDeviation <= 0)
                {
                    yield return ("standardDeviation", $"must be greater than 0 (value: {Num(StandardDeviation.Value)}); use a point distribution for a fixed value");
                }

                foreach (var p in Truncation())
                {
                    yield return p;
                }

                break;
            default:
                if (Mu is null)
                {
                    yield return ("mu", "a lognormal distribution needs mu, the mean of ln(x) (the median is e^mu)");
                }

                if (Sigma is null)
                {
                    yield return ("sigma", "a lognormal distribution needs sigma, the standard deviation of ln(x)");
                }
                else if (Sigma <= 0)
                {
                    yield return ("sigma", $"must be greater than 0 (value: {Num(Sigma.Value)}); use a point distribution for a fixed value");
                }

                if (Max is { } top && top <= 0)
                {
                    yield return ("max", $"a lognormal value is always above 0, so max must be too (value: {Num(top)})");
                }

                foreach (var p in Truncation())
                {
                    yield return p;
                }

                break;
        }
    }

    internal static string Word(DistributionKind kind) => kind switch
    {
        DistributionKind.LogNormal => "lognormal",
        DistributionKind.Pert => "PERT",
        _ => kind.ToString().ToLowerInvariant(),
    };

    internal static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static Distribution Checked(Distribution distribution)
    {
        var problems = distribution.Problems();
        return problems.Count == 0
            ? distribution
            : throw new ArgumentException($"The {Word(distribution.Kind)} distribution is not valid: {string.Join("; ", problems)}.");
    }

    private IEnumerable<(string Name, double? Value)> Parameters()
    {
        yield return ("value", Value);
        yield return ("min", Min);
        yield return ("mode", Mode);
        yield return ("max", Max);
        yield return ("mean", Mean);
        yield return ("standardDeviation", StandardDeviation);
        yield return ("mu", Mu);
        yield return ("sigma", Sigma);
    }

    private IEnumerable<(string? Parameter, string Message)> Bounds(bool needed)
    {
        if (needed && Min is null)
        {
            yield return ("min", $"a {Word(Kind)} distribution needs a lower bound, min");
        }

        if (needed && Max is null)
        {
            yield return ("max", $"a {Word(Kind)} distribution needs an upper bound, max");
        }

        if (Min is { } lo && Max is { } hi && double.IsFinite(lo) && double.IsFinite(hi) && lo >= hi)
        {
            yield return ("max", lo == hi
                ? $"min and max are both {Num(lo)}; use a point distribution for a fixed value"
                : $"min ({Num(lo)}) is greater than max ({Num(hi)}); swap them");
        }
    }

    private IEnumerable<(string? Parameter, string Message)> Truncation()
    {
        var any = false;
        foreach (var p in Bounds(needed: false))
        {
            any = true;
            yield return p;
        }

        var finite = Parameters().All(p => p.Value is null || double.IsFinite(p.Value.Value));
        var shaped = Kind == DistributionKind.Normal ? Mean is not null && StandardDeviation > 0 : Mu is not null && Sigma > 0 && !(Max <= 0);
        if (!any && finite && shaped && (Min is not null || Max is not null))
        {
            var sampler = new DistributionSampler(this);
            if (!(sampler.TruncatedMass >= MinTruncatedMass))
            {
                yield return (null, $"the truncation interval [{(Min is { } lo ? Num(lo) : "-∞")}, {(Max is { } hi ? Num(hi) : "∞")}] holds almost none of the distribution (probability {sampler.TruncatedMass:G3}); widen it or move the distribution");
            }
        }
    }
}
