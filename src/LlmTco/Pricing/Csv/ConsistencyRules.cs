using System.Globalization;
using System.Text.RegularExpressions;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// Checks for values that are allowed but unusual enough to be a mistake, reported as warnings: a price that moved
/// more than tenfold between two dated rows (the per-1K vs per-1M slip), a cached price above the uncached one, a cache-write price below it, a 1-hour cache-write price below the
/// 5-minute one, output
/// cheaper than input, and a GPU whose FP8 figure is not about twice its BF16 figure (a sparse figure suspected).
/// </summary>
internal static partial class ConsistencyRules
{
    /// <summary>A price change bigger than this factor, up or down, between two dated rows is suspicious.</summary>
    public const decimal MaxPriceChangeFactor = 10m;

    /// <summary>
    /// Words in the later row's <c>notes</c> that say a change of more than <see cref="MaxPriceChangeFactor"/>× is real
    /// (a provider did raise or cut a price that much), so that it is not reported as a unit slip.
    /// </summary>
    public const string RealChangeMarker = "not a per-1K slip";

    /// <summary>The lowest dense FP8 ÷ dense BF16 ratio that is not suspicious.</summary>
    public const decimal MinFp8ToBf16Ratio = 1.6m;

    /// <summary>The highest dense FP8 ÷ dense BF16 ratio that is not suspicious.</summary>
    public const decimal MaxFp8ToBf16Ratio = 2.4m;

    private static readonly (string Column, Func<ApiPrice, decimal?> Price)[] PriceColumns =
    [
        ("input_per_mtok", p => p.InputPricePerMillionTokens),
        ("cached_input_per_mtok", p => p.CachedInputPricePerMillionTokens),
        ("cache_write_per_mtok", p => p.CacheWritePricePerMillionTokens),
        ("cache_write_1h_per_mtok", p => p.OneHourCacheWritePricePerMillionTokens),
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

            if (p.CacheWritePricePerMillionTokens is { } write && write < p.InputPricePerMillionTokens)
            {
                diagnostics.Add(r.Warning("cache_write_per_mtok", Num(write), $"cache_write_per_mtok ({Num(write)}) of {What(p)} is below its input_per_mtok ({Num(p.InputPricePerMillionTokens)}); writing to a prompt cache costs at least as much as uncached input (often 1.25× it): check that it is not the cached-read price"));
            }

            if (p.OneHourCacheWritePricePerMillionTokens is { } hour && hour < (p.CacheWritePricePerMillionTokens ?? p.InputPricePerMillionTokens))
            {
                var shorter = p.CacheWritePricePerMillionTokens is { } five ? $"its 5-minute cache_write_per_mtok ({Num(five)})" : $"its input_per_mtok ({Num(p.InputPricePerMillionTokens)}), which blank cache writes bill at";
                diagnostics.Add(r.Warning("cache_write_1h_per_mtok", Num(hour), $"cache_write_1h_per_mtok ({Num(hour)}) of {What(p)} is below {shorter}; a cache entry kept an hour costs more to write than one kept 5 minutes (Anthropic: 2× input against 1.25×): check that the two columns are not swapped"));
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
                if (next.Row.Notes?.Contains(RealChangeMarker, StringComparison.OrdinalIgnoreCase) == true)
                {
                    continue;
                }

                foreach (var (column, price) in PriceColumns)
                {
                    // A missing price and a price of 0 both leave nothing to compare.
                    var before = price(previous.Row).GetValueOrDefault();
                    var after = price(next.Row).GetValueOrDefault();
                    if (before == 0m || after == 0m)
                    {
                        continue;
                    }

                    // Compared by dividing, and the factor written from doubles: a price of 10²⁸ or 10⁻²⁸ would overflow decimal.
                    var change = after > before ? $"×{Factor(after, before)}" : $"÷{Factor(before, after)}";
                    if (after / MaxPriceChangeFactor > before || before / MaxPriceChangeFactor > after)
                    {
                        diagnostics.Add(next.Warning(column, Num(after), string.Create(CultureInfo.InvariantCulture, $"{column} of {What(next.Row)} changed from {Num(before)} to {Num(after)} ({change}) against the row from {RowKeys.Iso(previous.Row.EffectiveFrom)} at {previous.File}:{previous.Line}; a change of more than {MaxPriceChangeFactor}× is usually a per-1K vs per-1M slip: prices here are per 1,000,000 tokens")));
                    }
                }
            }
        }
    }

    /// <summary>
    /// An open-ended row of a model whose newer version is priced under another id (the same id but for its date stamp)
    /// from a later day: the older model may have been retired or replaced, and its row left open by mistake. (An alias
    /// that moved to a newer id while staying on the old one is already an error of the alias rule.)
    /// </summary>
    public static void CheckSupersededModels(IReadOnlyList<LoadedRow<ApiPrice>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var provider in rows.GroupBy(r => r.Row.Provider, StringComparer.OrdinalIgnoreCase))
        {
            // Only date-stamped ids with the same stem can be versions of each other: grouped by stem, so that the check
            // stays linear in the rows (a provider with 100,000 models took minutes when every pair was compared).
            var stamped = provider.GroupBy(r => r.Row.ModelId, StringComparer.OrdinalIgnoreCase)
                .Where(g => DateStamp().IsMatch(g.Key))
                .Select(g => (Id: g.First().Row.ModelId,
                    Stem: DateStamp().Replace(g.Key, string.Empty),
                    FirstFrom: g.Min(r => r.Row.EffectiveFrom),
                    Rows: g.ToList()))
                .GroupBy(m => m.Stem, StringComparer.OrdinalIgnoreCase);
            foreach (var versions in stamped)
            {
                // The newest version of the stem (the first listed on a tie) is the newer version of every earlier one.
                var newer = versions.MaxBy(m => m.FirstFrom);
                foreach (var old in versions.Where(m => m.FirstFrom < newer.FirstFrom))
                {

                    foreach (var r in old.Rows.Where(r => r.Row.EffectiveTo is null))
                    {
                        var first = newer.Rows.OrderBy(n => n.Row.EffectiveFrom).First();
                        diagnostics.Add(r.Warning("effective_to", string.Empty, $"{What(r.Row)} is open-ended, but '{newer.Id}' (from {RowKeys.Iso(newer.FirstFrom)} at {first.File}:{first.Line}) looks like a newer version of it; if '{old.Id}' was retired or replaced, set this row's effective_to to the day it ended"));
                    }
                }
            }
        }
    }

    /// <summary>
    /// A rental row from a snapshot of prices (such as SkyPilot's catalog) whose <c>effective_from</c> is its
    /// <c>checked_on</c>: the snapshot's own date is unknown, so an old price looks current.
    /// </summary>
    public static void CheckRentals(IReadOnlyList<LoadedRow<GpuRentalOffer>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var r in rows.Where(r => r.Row.EffectiveFrom == r.Row.CheckedOn && IsSnapshot(r.Row)))
        {
            var o = r.Row;
            diagnostics.Add(r.Warning("effective_from", RowKeys.Iso(o.EffectiveFrom), $"the {Words.ToWord(o.Plan)} price of '{o.Sku}' at '{o.Provider}' ({o.Region}) comes from a snapshot of prices but is dated on the day it was read ({RowKeys.Iso(o.CheckedOn)}), so an old price looks current: date it from the provider's own page, or give the snapshot's date"));
        }
    }

    /// <summary>Whether a rental row's figures come from a snapshot copy of prices rather than the provider's page.</summary>
    internal static bool IsSnapshot(GpuRentalOffer offer) =>
        offer.SourceUrl.AbsoluteUri.Contains("skypilot-catalog", StringComparison.OrdinalIgnoreCase)
        || (offer.Notes?.Contains("snapshot", StringComparison.OrdinalIgnoreCase) ?? false);

    /// <summary>A trailing date stamp of a model id: <c>-2024-08-06</c>, <c>-20240806</c>, <c>@20240806</c>, or a 4-digit <c>-2505</c>.</summary>
    [GeneratedRegex(@"[-@](\d{4}-\d{2}-\d{2}|\d{8}|\d{4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DateStamp();

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
            if (fp8 / MinFp8ToBf16Ratio < g.Bf16DenseTflops || fp8 / MaxFp8ToBf16Ratio > g.Bf16DenseTflops)
            {
                diagnostics.Add(r.Warning("fp8_dense_tflops", Num(fp8), $"fp8_dense_tflops ({Num(fp8)}) of '{g.GpuModel}' is {Factor(fp8, g.Bf16DenseTflops)}× its bf16_dense_tflops ({Num(g.Bf16DenseTflops)}); dense FP8 is about twice dense BF16 ({Num(MinFp8ToBf16Ratio)}× to {Num(MaxFp8ToBf16Ratio)}× expected), so one of the two may be a 2:4-sparse datasheet figure: use the dense figures"));
            }
        }
    }

    private static string What(ApiPrice p) =>
        string.Create(CultureInfo.InvariantCulture, $"'{p.ModelId}' ({Words.ToWord(p.ServiceTier)}, context tier {p.ContextThresholdTokens}) from {RowKeys.Iso(p.EffectiveFrom)}");

    /// <summary><paramref name="a"/> ÷ <paramref name="b"/> (both above 0) to two decimals, e.g. 11.53; computed in doubles, whose range holds any ratio of two decimals.</summary>
    private static string Factor(decimal a, decimal b) =>
        Math.Round((double)a / (double)b, 2, MidpointRounding.AwayFromZero).ToString("0.##", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => (value / 1.0000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);
}
