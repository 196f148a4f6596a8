using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// Checks for values that are allowed but unusual enough to be a mistake, reported as warnings: a price that moved
/// more than tenfold between two dated rows (the per-1K vs per-1M slip), a cached price above the uncached one, output
/// cheaper than input, and a GPU whose FP8 figure is not about twice its BF16 figure (a sparse figure suspected).
/// </summary>
internal static class ConsistencyRules
{
    /// <summary>A price change bigger than this factor, up or down, between two dated rows is suspicious.</summary>
    public const decimal MaxPriceChangeFactor = 10m;

    /// <summary>The lowest dense FP8 ÷ dense BF16 ratio that is not suspicious.</summary>
    public const decimal MinFp8ToBf16Ratio = 1.6m;

    /// <summary>The highest dense FP8 ÷ dense BF16 ratio that is not suspicious.</summary>
    public const decimal MaxFp8ToBf16Ratio = 2.4m;

    private static readonly (string Column, Func<ApiPrice, decimal?> Price)[] PriceColumns =
    [
        ("input_per_mtok", p => p.InputPricePerMillionTokens),
        ("cached_input_per_mtok", p => p.CachedInputPricePerMillionTokens),
        ("cache_write_per_mtok", p => p.CacheWritePricePerMillionTokens),
        ("output_per_mtok", p => p.OutputPricePerMillionTokens),
    ];

    public static void CheckApiPrices(IReadOnlyList<LoadedRow<ApiPrice>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var r in rows)
        {
            var p = r.Row;
            if (p.CachedInputPricePerMillionTokens is { } cached && cached > p.InputPricePerMillionTokens)
            {
                diagnostics.Add(r.Warning("cached_input_per_mtok", Num(cached), $"cached_input_per_mtok ({Num(cached)}) of {What(p)} is above its input_per_mtok ({Num(p.InputPricePerMillionTokens)}); reading from a prompt cache costs less than uncached input: check the two columns"));
            }

            if (p.OutputPricePerMillionTokens < p.InputPricePerMillionTokens)
            {
                diagnostics.Add(r.Warning("output_per_mtok", Num(p.OutputPricePerMillionTokens), $"output_per_mtok ({Num(p.OutputPricePerMillionTokens)}) of {What(p)} is below its input_per_mtok ({Num(p.InputPricePerMillionTokens)}); output tokens usually cost at least as much as input tokens: check that the columns are not swapped"));
            }
        }

        var series = rows.GroupBy(r => (Provider: r.Row.Provider.ToUpperInvariant(), Model: r.Row.ModelId.ToUpperInvariant(), r.Row.ServiceTier, r.Row.ContextThresholdTokens));
        foreach (var group in series)
        {
            var ordered = group.OrderBy(r => r.Row.EffectiveFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previous = ordered[i - 1];
                var next = ordered[i];
                foreach (var (column, price) in PriceColumns)
                {
                    // A missing price and a price of 0 both leave nothing to compare.
                    var before = price(previous.Row).GetValueOrDefault();
                    var after = price(next.Row).GetValueOrDefault();
                    if (before == 0m || after == 0m)
                    {
                        continue;
                    }

                    var change = after > before ? $"×{Num(Round(after / before))}" : $"÷{Num(Round(before / after))}";
                    if (after > before * MaxPriceChangeFactor || before > after * MaxPriceChangeFactor)
                    {
                        diagnostics.Add(next.Warning(column, Num(after), string.Create(CultureInfo.InvariantCulture, $"{column} of {What(next.Row)} changed from {Num(before)} to {Num(after)} ({change}) against the row from {RowKeys.Iso(previous.Row.EffectiveFrom)} at {previous.File}:{previous.Line}; a change of more than {MaxPriceChangeFactor}× is usually a per-1K vs per-1M slip: prices here are per 1,000,000 tokens")));
                    }
                }
            }
        }
    }

    public static void CheckGpus(IReadOnlyList<LoadedRow<Gpu>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var r in rows)
        {
            var g = r.Row;
            if (g.Fp8DenseTflops is null || g.Bf16DenseTflops == 0m)
            {
                continue;
            }

            var fp8 = g.Fp8DenseTflops.Value;
            var ratio = fp8 / g.Bf16DenseTflops;
            if (ratio < MinFp8ToBf16Ratio || ratio > MaxFp8ToBf16Ratio)
            {
                diagnostics.Add(r.Warning("fp8_dense_tflops", Num(fp8), $"fp8_dense_tflops ({Num(fp8)}) of '{g.GpuModel}' is {Num(Round(ratio))}× its bf16_dense_tflops ({Num(g.Bf16DenseTflops)}); dense FP8 is about twice dense BF16 ({Num(MinFp8ToBf16Ratio)}× to {Num(MaxFp8ToBf16Ratio)}× expected), so one of the two may be a 2:4-sparse datasheet figure: use the dense figures"));
            }
        }
    }

    private static string What(ApiPrice p) =>
        string.Create(CultureInfo.InvariantCulture, $"'{p.ModelId}' ({Words.ToWord(p.ServiceTier)}, context tier {p.ContextThresholdTokens}) from {RowKeys.Iso(p.EffectiveFrom)}");

    private static decimal Round(decimal value) => Math.Round(value, 2, MidpointRounding.AwayFromZero);

    private static string Num(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
