using System.Globalization;
using System.Text;
using System.Text.Json;
using LlmTco.Timeline;
using LlmTco.Uncertainty;

namespace LlmTco.Output;

/// <summary>
/// Writes a <see cref="ScenarioResult"/> as JSON, in the documented format of docs/output.md.
/// The output is culture-invariant: the same result gives byte-identical JSON on any machine.
/// </summary>
public static class ScenarioResultJson
{
    /// <summary>Gets the format version written in <c>formatVersion</c>; it changes only when a field is removed or renamed.</summary>
    public const int FormatVersion = 1;

    /// <summary>Serialises a result to indented JSON text.</summary>
    /// <param name="result">The result.</param>
    /// <returns>The JSON text (UTF-8 when written to a file).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A figure of the result is not a finite number.</exception>
    public static string Serialize(ScenarioResult result) => Serialize(result, null, null);

    /// <summary>
    /// Serialises a result and, in an <c>uncertainty</c> property, a Monte Carlo run and a tornado analysis of the same
    /// scenario, to indented JSON text.
    /// </summary>
    /// <param name="result">The result.</param>
    /// <param name="monteCarlo">The Monte Carlo run, or <see langword="null"/> to leave out <c>uncertainty</c> (and the tornado).</param>
    /// <param name="tornado">The tornado analysis, or <see langword="null"/> to write <c>"tornado": null</c>.</param>
    /// <returns>The JSON text (UTF-8 when written to a file).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A figure of the result is not a finite number.</exception>
    public static string Serialize(ScenarioResult result, MonteCarloResult? monteCarlo, TornadoResult? tornado)
    {
        using var stream = new MemoryStream();
        Write(stream, result, monteCarlo, tornado);
        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>Writes a result as indented UTF-8 JSON to a stream.</summary>
    /// <param name="stream">Where to write; it is left open.</param>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A figure of the result is not a finite number.</exception>
    public static void Write(Stream stream, ScenarioResult result) => Write(stream, result, null, null);

    /// <summary>Writes a result and, in an <c>uncertainty</c> property, a Monte Carlo run and a tornado analysis, as indented UTF-8 JSON to a stream.</summary>
    /// <param name="stream">Where to write; it is left open.</param>
    /// <param name="result">The result.</param>
    /// <param name="monteCarlo">The Monte Carlo run, or <see langword="null"/> to leave out <c>uncertainty</c> (and the tornado).</param>
    /// <param name="tornado">The tornado analysis, or <see langword="null"/> to write <c>"tornado": null</c>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> or <paramref name="result"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A figure of the result is not a finite number (nothing is written then).</exception>
    public static void Write(Stream stream, ScenarioResult result, MonteCarloResult? monteCarlo, TornadoResult? tornado)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(result);
        ScenarioResultCsv.ThrowIfNotFinite(result);
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        var s = result.Scenario;
        w.WriteStartObject();
        w.WriteNumber("formatVersion", FormatVersion);
        w.WriteString("scenario", s.Name);
        w.WriteString("startDate", Iso(s.StartDate));
        w.WriteNumber("horizonMonths", s.HorizonMonths);
        w.WriteString("currency", s.Currency);
        w.WriteNumber("yearlyDiscountRate", s.YearlyDiscountRate);
        w.WriteString("costView", s.CostView.ToString().ToLowerInvariant());

        w.WriteStartArray("options");
        foreach (var o in result.Options)
        {
            w.WriteStartObject();
            w.WriteString("name", o.Name);
            w.WriteString("kind", o.Kind == OptionKind.Api ? "api" : "self-hosted");
            w.WriteNumber("totalCost", o.TotalCost);
            w.WriteNumber("npv", o.Npv);
            w.WriteNumber("residualValue", o.ResidualValue);
            w.WriteNumber("gpusPerReplica", o.GpusPerReplica);
            w.WriteNumber("replicaThroughputTokensPerSecond", o.ReplicaThroughputTokensPerSecond);
            w.WriteString("throughputSource", ThroughputWord(o.ThroughputSource));
            w.WriteStartArray("months");
            foreach (var m in o.Months)
            {
                w.WriteStartObject();
                w.WriteNumber("month", m.Month);
                w.WriteString("startDate", Iso(m.StartDate));
                w.WriteStartObject("lines");
                foreach (var line in Enum.GetValues<CostLine>())
                {
                    w.WriteNumber(LineName(line), m.Cost(line));
                }

                w.WriteEndObject();
                w.WriteNumber("total", m.Total);
                w.WriteNumber("cumulative", m.Cumulative);
                w.WriteNumber("discountedTotal", m.DiscountedTotal);
                w.WriteNumber("discountedCumulative", m.DiscountedCumulative);
                w.WriteNumber("inputTokens", m.InputTokens);
                w.WriteNumber("outputTokens", m.OutputTokens);
                NumberOrNull(w, "costPerMillionTokens", m.CostPerMillionTokens);
                w.WriteNumber("gpus", m.Gpus);
                w.WriteNumber("gpusNeeded", m.GpusNeeded);
                w.WriteNumber("replicas", m.Replicas);
                NumberOrNull(w, "utilization", m.Utilization);
                w.WriteBoolean("servedByBridge", m.ServedByBridge);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("breakEvens");
        foreach (var b in result.BreakEvens)
        {
            w.WriteStartObject();
            w.WriteString("selfHostedOption", b.SelfHostedOption);
            w.WriteString("apiOption", b.ApiOption);
            WritePoint(w, "nominal", b.Nominal);
            WritePoint(w, "discounted", b.Discounted);
            w.WriteStartObject("volume");
            w.WriteStartArray("crossings");
            foreach (var c in b.Volume.Crossings)
            {
                w.WriteStartObject();
                w.WriteNumber("tokensPerMonth", c.TokensPerMonth);
                w.WriteBoolean("selfHostedCheaperAbove", c.SelfHostedCheaperAbove);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            NumberOrNull(w, "selfHostedCheaperAboveTokensPerMonth", b.Volume.SelfHostedCheaperAboveTokensPerMonth);
            w.WriteNumber("searchedUpToTokensPerMonth", b.Volume.SearchedUpToTokensPerMonth);
            w.WriteString("priceDate", Iso(b.Volume.PriceDate));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("assumptions");
        foreach (var a in result.Assumptions)
        {
            w.WriteStartObject();
            if (a.Option is null)
            {
                w.WriteNull("option");
            }
            else
            {
                w.WriteString("option", a.Option);
            }

            w.WriteString("kind", AssumptionWord(a.Kind));
            w.WriteString("text", a.Text);
            if (a.SourceUrl is null)
            {
                w.WriteNull("sourceUrl");
            }
            else
            {
                w.WriteString("sourceUrl", a.SourceUrl.OriginalString);
            }

            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (monteCarlo is not null)
        {
            WriteUncertainty(w, monteCarlo, tornado);
        }

        w.WriteEndObject();
    }

    /// <summary>Gets the name a cost line has in the JSON and CSV outputs, e.g. <c>apiUsage</c>.</summary>
    /// <param name="line">The line.</param>
    /// <returns>The camelCase name.</returns>
    public static string LineName(CostLine line)
    {
        var name = line.ToString();
        return char.ToLowerInvariant(name[0]) + name[1..];
    }

    /// <summary>Gets the word for an outcome: <c>cheaper-from-start</c>, <c>breaks-even</c> or <c>never-within-horizon</c>.</summary>
    /// <param name="outcome">The outcome.</param>
    /// <returns>The word.</returns>
    public static string OutcomeWord(BreakEvenOutcome outcome) => outcome switch
    {
        BreakEvenOutcome.CheaperFromStart => "cheaper-from-start",
        BreakEvenOutcome.BreaksEven => "breaks-even",
        _ => "never-within-horizon",
    };

    private static void WritePoint(Utf8JsonWriter w, string name, BreakEvenPoint point)
    {
        w.WriteStartObject(name);
        w.WriteString("outcome", OutcomeWord(point.Outcome));
        NumberOrNull(w, "monthsFromStart", point.MonthsFromStart);
        NumberOrNull(w, "month", point.Month);
        NumberOrNull(w, "cumulativeCost", point.CumulativeCost);
        w.WriteEndObject();
    }

    private static void WriteUncertainty(Utf8JsonWriter w, MonteCarloResult mc, TornadoResult? tornado)
    {
        w.WriteStartObject("uncertainty");
        w.WriteNumber("trials", mc.Trials);
        w.WriteNumber("seed", mc.Seed);
        w.WriteString("evaluation", mc.Evaluation == TrialEvaluation.Engine ? "engine" : "kernel");
        w.WriteNumber("monthlyPercentileTrials", mc.MonthlyPercentileTrials);
        w.WriteStartArray("percentiles");
        foreach (var p in mc.Percentiles)
        {
            w.WriteNumberValue(p);
        }

        w.WriteEndArray();
        w.WriteStartArray("inputs");
        foreach (var input in mc.Inputs)
        {
            w.WriteStartObject();
            w.WriteString("path", input.Path);
            w.WriteString("label", input.Label ?? input.Path);
            var d = input.Distribution;
            w.WriteStartObject("distribution");
            w.WriteString("kind", d.Kind.ToString().ToLowerInvariant());
            foreach (var (name, value) in new (string, double?)[] { ("value", d.Value), ("min", d.Min), ("mode", d.Mode), ("max", d.Max), ("mean", d.Mean), ("standardDeviation", d.StandardDeviation), ("mu", d.Mu), ("sigma", d.Sigma) })
            {
                if (value is { } v)
                {
                    w.WriteNumber(name, v);
                }
            }

            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("pairs");
        foreach (var pair in mc.Pairs)
        {
            w.WriteStartObject();
            w.WriteString("selfHostedOption", pair.SelfHostedOption);
            w.WriteString("apiOption", pair.ApiOption);
            WriteSummary(w, "breakEvenMonthsFromStart", pair.BreakEvenMonth);
            w.WriteNumber("neverBreaksEvenShare", pair.NeverBreaksEvenShare);
            w.WriteNumber("cheaperFromStartShare", pair.CheaperFromStartShare);
            WriteSummary(w, "breakEvenVolumeTokensPerMonth", pair.BreakEvenVolumeTokensPerMonth);
            WriteSummary(w, "npvDifference", pair.NpvDifference);
            w.WriteStartArray("probabilityCheaperByMonth");
            foreach (var share in pair.ProbabilityCheaperByMonth)
            {
                w.WriteNumberValue(share);
            }

            w.WriteEndArray();
            w.WriteStartArray("cumulativeDifferenceByMonth");
            foreach (var month in pair.CumulativeDifferenceByMonth)
            {
                WriteSummary(w, null, month);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("options");
        foreach (var option in mc.Options)
        {
            w.WriteStartObject();
            w.WriteString("name", option.Name);
            WriteSummary(w, "npv", option.Npv);
            WriteSummary(w, "costPerMillionTokensAtHorizon", option.CostPerMillionTokensAtHorizon);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (tornado is null)
        {
            w.WriteNull("tornado");
        }
        else
        {
            w.WriteStartArray("tornado");
            foreach (var pair in tornado.Pairs)
            {
                w.WriteStartObject();
                w.WriteString("selfHostedOption", pair.SelfHostedOption);
                w.WriteString("apiOption", pair.ApiOption);
                NumberOrNull(w, "baselineBreakEvenMonthsFromStart", pair.BaselineBreakEvenMonth);
                w.WriteNumber("baselineNpvDifference", pair.BaselineNpvDifference);
                WriteBars(w, "byBreakEvenMonth", pair.ByBreakEvenMonth);
                WriteBars(w, "byNpvDifference", pair.ByNpvDifference);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void WriteSummary(Utf8JsonWriter w, string? name, PercentileSummary summary)
    {
        if (name is null)
        {
            w.WriteStartObject();
        }
        else
        {
            w.WriteStartObject(name);
        }

        w.WriteNumber("count", summary.Count);
        NumberOrNull(w, "mean", summary.Mean);
        w.WriteStartArray("percentiles");
        foreach (var value in summary.Values)
        {
            w.WriteStartObject();
            w.WriteNumber("p", value.Percentile);
            NumberOrNull(w, "value", value.Value);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteBars(Utf8JsonWriter w, string name, IReadOnlyList<TornadoBar> bars)
    {
        w.WriteStartArray(name);
        foreach (var bar in bars)
        {
            w.WriteStartObject();
            w.WriteString("path", bar.Path);
            w.WriteString("label", bar.Label);
            w.WriteNumber("lowInputValue", bar.LowInputValue);
            w.WriteNumber("highInputValue", bar.HighInputValue);
            NumberOrNull(w, "breakEvenMonthsFromStartAtLow", bar.BreakEvenMonthAtLow);
            NumberOrNull(w, "breakEvenMonthsFromStartAtHigh", bar.BreakEvenMonthAtHigh);
            w.WriteNumber("npvDifferenceAtLow", bar.NpvDifferenceAtLow);
            w.WriteNumber("npvDifferenceAtHigh", bar.NpvDifferenceAtHigh);
            w.WriteNumber("breakEvenMonthSwing", bar.BreakEvenMonthSwing);
            w.WriteNumber("npvDifferenceSwing", bar.NpvDifferenceSwing);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    private static void NumberOrNull(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static string ThroughputWord(ThroughputSource source) => source switch
    {
        ThroughputSource.Benchmark => "benchmark",
        ThroughputSource.RooflineEstimate => "roofline-estimate",
        ThroughputSource.Given => "given",
        ThroughputSource.BenchmarkAdjusted => "benchmark-adjusted",
        _ => "none",
    };

    private static string AssumptionWord(AssumptionKind kind) => kind switch
    {
        AssumptionKind.TableRow => "table-row",
        AssumptionKind.Estimate => "estimate",
        AssumptionKind.Choice => "choice",
        _ => "warning",
    };

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
