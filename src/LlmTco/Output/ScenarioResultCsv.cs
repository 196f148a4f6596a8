using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using LlmTco.Timeline;

namespace LlmTco.Output;

/// <summary>
/// Writes a <see cref="ScenarioResult"/> as CSV, one row per option and month, through CsvHelper with the invariant
/// culture. Text cells that a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>,
/// tab or carriage return) are escaped.
/// </summary>
public static class ScenarioResultCsv
{
    /// <summary>Gets the header of the CSV, in column order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
    [
        "option", "kind", "month", "start_date",
        .. Enum.GetValues<CostLine>().Select(l => Snake(l.ToString())),
        "total", "cumulative", "discounted_total", "discounted_cumulative", "input_tokens", "output_tokens",
        "cost_per_mtok", "gpus", "replicas", "utilization", "served_by_bridge", "gpus_needed",
    ];

    /// <summary>Writes the result's months as CSV with a header row.</summary>
    /// <param name="writer">Where to write; it is left open.</param>
    /// <param name="result">The result.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A figure of the result is not a finite number (nothing is written then).</exception>
    public static void Write(TextWriter writer, ScenarioResult result)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(result);
        ThrowIfNotFinite(result);
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            NewLine = "\n",
            InjectionOptions = InjectionOptions.Escape,
        };
        using var csv = new CsvWriter(writer, config, leaveOpen: true);
        foreach (var column in Columns)
        {
            csv.WriteField(column);
        }

        csv.NextRecord();
        foreach (var o in result.Options)
        {
            foreach (var m in o.Months)
            {
                csv.WriteField(o.Name);
                csv.WriteField(o.Kind == OptionKind.Api ? "api" : "self-hosted");
                csv.WriteField(Int(m.Month));
                csv.WriteField(m.StartDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                foreach (var line in Enum.GetValues<CostLine>())
                {
                    csv.WriteField(Number(m.Cost(line)));
                }

                csv.WriteField(Number(m.Total));
                csv.WriteField(Number(m.Cumulative));
                csv.WriteField(Number(m.DiscountedTotal));
                csv.WriteField(Number(m.DiscountedCumulative));
                csv.WriteField(Number(m.InputTokens));
                csv.WriteField(Number(m.OutputTokens));
                csv.WriteField(m.CostPerMillionTokens is { } c ? Number(c) : string.Empty);
                csv.WriteField(Int(m.Gpus));
                csv.WriteField(Int(m.Replicas));
                csv.WriteField(m.Utilization is { } u ? Number(u) : string.Empty);
                csv.WriteField(m.ServedByBridge ? "true" : "false");
                csv.WriteField(Int(m.GpusNeeded));
                csv.NextRecord();
            }
        }
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Snake(string name) =>
        string.Concat(name.Select((ch, i) => i > 0 && char.IsUpper(ch) ? "_" + char.ToLowerInvariant(ch) : char.ToLowerInvariant(ch).ToString()));

    /// <summary>Refuses a result with a figure that is not finite, before anything is written: CSV would hold "Infinity", JSON cannot hold it at all.</summary>
    internal static void ThrowIfNotFinite(ScenarioResult result)
    {
        if (ResultFigures.FirstNonFinite(result) is { } bad)
        {
            throw new ArgumentException(bad.ToString(), nameof(result));
        }
    }
}
