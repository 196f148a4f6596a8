using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>Checks that span rows or tables: date ranges, aliases, references between tables.</summary>
internal static class TableRules
{
    public static void CheckApiPrices(IReadOnlyList<LoadedRow<ApiPrice>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var r in rows.Where(r => r.Row.EffectiveTo is { } to && to <= r.Row.EffectiveFrom))
        {
            diagnostics.Add(r.Error("effective_to", Iso(r.Row.EffectiveTo), $"effective_to ({Iso(r.Row.EffectiveTo)}) must be after effective_from ({Iso(r.Row.EffectiveFrom)}); effective_to is the first day the price no longer applies"));
        }

        var groups = rows.GroupBy(
            r => (Provider: r.Row.Provider.ToUpperInvariant(), Model: r.Row.ModelId.ToUpperInvariant(), r.Row.ServiceTier, r.Row.ContextThresholdTokens));
        foreach (var group in groups)
        {
            var ordered = group.OrderBy(r => r.Row.EffectiveFrom).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                var previous = ordered[i - 1];
                var next = ordered[i];
                var what = $"'{next.Row.ModelId}' ({Words.ToWord(next.Row.ServiceTier)}, context tier {next.Row.ContextThresholdTokens.ToString(CultureInfo.InvariantCulture)})";
                if (previous.Row.EffectiveTo is null)
                {
                    diagnostics.Add(next.Error("effective_from", Iso(next.Row.EffectiveFrom), $"the price of {what} from {Iso(next.Row.EffectiveFrom)} overlaps the open-ended row at {previous.File}:{previous.Line}; set that row's effective_to to {Iso(next.Row.EffectiveFrom)}"));
                }
                else if (previous.Row.EffectiveTo.Value > next.Row.EffectiveFrom)
                {
                    diagnostics.Add(next.Error("effective_from", Iso(next.Row.EffectiveFrom), $"the price of {what} from {Iso(next.Row.EffectiveFrom)} overlaps the row at {previous.File}:{previous.Line}, which runs to {Iso(previous.Row.EffectiveTo)}"));
                }
                else if (previous.Row.EffectiveTo.Value < next.Row.EffectiveFrom)
                {
                    diagnostics.Add(next.Error("effective_from", Iso(next.Row.EffectiveFrom), $"the prices of {what} leave a gap: the row at {previous.File}:{previous.Line} ends on {Iso(previous.Row.EffectiveTo)} but this one starts on {Iso(next.Row.EffectiveFrom)}; make them meet"));
                }
            }
        }

        // A context-tier row needs a base row for the same model and service tier.
        var baseRows = rows.Where(r => r.Row.ContextThresholdTokens == 0)
            .Select(r => (r.Row.Provider.ToUpperInvariant(), r.Row.ModelId.ToUpperInvariant(), r.Row.ServiceTier))
            .ToHashSet();
        foreach (var r in rows.Where(r => r.Row.ContextThresholdTokens > 0
            && !baseRows.Contains((r.Row.Provider.ToUpperInvariant(), r.Row.ModelId.ToUpperInvariant(), r.Row.ServiceTier))))
        {
            diagnostics.Add(r.Error("context_threshold_tokens", r.Row.ContextThresholdTokens.ToString(CultureInfo.InvariantCulture), $"'{r.Row.ModelId}' has a context tier above {r.Row.ContextThresholdTokens.ToString(CultureInfo.InvariantCulture)} tokens but no base row (context_threshold_tokens 0) for the same service tier"));
        }

        CheckTierCachePrices(rows, diagnostics);

        // Within a provider, every id and alias names one model.
        foreach (var provider in rows.GroupBy(r => r.Row.Provider, StringComparer.OrdinalIgnoreCase))
        {
            var owner = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var live = new HashSet<(string Model, string Alias)>();
            foreach (var r in provider)
            {
                owner.TryAdd(r.Row.ModelId, r.Row.ModelId);
                if (r.Row.EffectiveTo is null)
                {
                    live.UnionWith(r.Row.Aliases.Select(a => (r.Row.ModelId.ToUpperInvariant(), a.ToUpperInvariant())));
                }
            }

            foreach (var r in provider)
            {
                foreach (var alias in r.Row.Aliases)
                {
                    if (owner.TryGetValue(alias, out var model) && !string.Equals(model, r.Row.ModelId, StringComparison.OrdinalIgnoreCase))
                    {
                        // Two live models with one alias is the alias left behind when it moved to a newer model.
                        var bothLive = r.Row.EffectiveTo is null && live.Contains((model.ToUpperInvariant(), alias.ToUpperInvariant()));
                        diagnostics.Add(r.Error("aliases", alias, bothLive
                            ? $"alias '{alias}' is claimed by two live (open-ended) models at provider '{r.Row.Provider}', '{model}' and '{r.Row.ModelId}'; an alias names one model: if it moved to the newer model, remove it from the older one (and end that row with effective_to if the model was retired)"
                            : $"alias '{alias}' of '{r.Row.ModelId}' already names '{model}' at provider '{r.Row.Provider}'"));
                    }
                    else
                    {
                        owner[alias] = r.Row.ModelId;
                    }
                }
            }
        }
    }

    /// <summary>
    /// A context-tier row bills the whole request at its prices, so a cache price its base row has and it leaves blank
    /// bills cached tokens at the full long-context input price: an error.
    /// </summary>
    private static void CheckTierCachePrices(IReadOnlyList<LoadedRow<ApiPrice>> rows, List<PricingDiagnostic> diagnostics)
    {
        var bases = rows.Where(r => r.Row.ContextThresholdTokens == 0)
            .ToLookup(r => (r.Row.Provider.ToUpperInvariant(), r.Row.ModelId.ToUpperInvariant(), r.Row.ServiceTier));
        foreach (var tier in rows.Where(r => r.Row.ContextThresholdTokens > 0))
        {
            var t = tier.Row;
            var overlapping = bases[(t.Provider.ToUpperInvariant(), t.ModelId.ToUpperInvariant(), t.ServiceTier)]
                .Where(b => Overlap(b.Row, t))
                .ToList();
            foreach (var (column, price, blankBillsAt) in CachePriceColumns)
            {
                if (price(t) is not null || overlapping.FirstOrDefault(b => price(b.Row) is not null) is not { } withPrice)
                {
                    continue;
                }

                var threshold = t.ContextThresholdTokens.ToString(CultureInfo.InvariantCulture);
                diagnostics.Add(tier.Error(column, string.Empty, $"{column} of '{t.ModelId}' ({Words.ToWord(t.ServiceTier)}, context tier {threshold}) from {Iso(t.EffectiveFrom)} is blank, but its base row at {withPrice.File}:{withPrice.Line} has one ({Num(price(withPrice.Row)!.Value)}); a blank cell bills those tokens at {blankBillsAt(t)}: give the long-context {column}"));
            }
        }
    }

    /// <summary>The cache price columns a tier row must not leave blank where its base row has them, and what a blank
    /// cell of each bills its tokens at instead.</summary>
    private static readonly (string Column, Func<ApiPrice, decimal?> Price, Func<ApiPrice, string> BlankBillsAt)[] CachePriceColumns =
    [
        ("cached_input_per_mtok", p => p.CachedInputPricePerMillionTokens, FullInputPrice),
        ("cache_write_per_mtok", p => p.CacheWritePricePerMillionTokens, FullInputPrice),
        ("cache_write_1h_per_mtok", p => p.OneHourCacheWritePricePerMillionTokens, p => $"this tier's 5-minute cache-write price ({Num(p.CacheWritePricePerMillionTokens ?? p.InputPricePerMillionTokens)})"),
    ];

    private static string FullInputPrice(ApiPrice p) => $"this tier's full input price ({Num(p.InputPricePerMillionTokens)})";

    /// <summary>Whether two rows' date ranges share a day (effective_to is exclusive, blank is open-ended).</summary>
    private static bool Overlap(ApiPrice a, ApiPrice b) =>
        (a.EffectiveTo is null || a.EffectiveTo.Value > b.EffectiveFrom) && (b.EffectiveTo is null || b.EffectiveTo.Value > a.EffectiveFrom);

    public static void CheckGpus(IReadOnlyList<LoadedRow<Gpu>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var r in rows)
        {
            var g = r.Row;
            var given = new[] { g.PurchasePricePerGpu is not null, g.PurchaseCurrency is not null, g.PurchaseSourceUrl is not null, g.PurchaseCheckedOn is not null };
            if (given.Any(x => x) && !given.All(x => x))
            {
                diagnostics.Add(r.Error("purchase_price_per_gpu", g.PurchasePricePerGpu?.ToString(CultureInfo.InvariantCulture), $"GPU '{g.GpuModel}': purchase_price_per_gpu, purchase_currency, purchase_source_url and purchase_checked_on go together: fill all four or none"));
            }

            var idle = new[] { g.IdleWatts is not null, g.IdleSourceUrl is not null, g.IdleCheckedOn is not null };
            if (idle.Any(x => x) && !idle.All(x => x))
            {
                diagnostics.Add(r.Error("idle_watts", g.IdleWatts?.ToString(CultureInfo.InvariantCulture), $"GPU '{g.GpuModel}': idle_watts, idle_source_url and idle_checked_on go together: fill all three or none"));
            }
            else if (g.IdleWatts > g.TdpWatts)
            {
                diagnostics.Add(r.Error("idle_watts", g.IdleWatts?.ToString(CultureInfo.InvariantCulture), $"GPU '{g.GpuModel}': idle_watts ({g.IdleWatts}) is above tdp_watts ({g.TdpWatts})"));
            }

            var server = new[] { g.ServerWatts is not null, g.ServerGpus is not null, g.ServerSourceUrl is not null, g.ServerCheckedOn is not null };
            if (server.Any(x => x) && !server.All(x => x))
            {
                diagnostics.Add(r.Error("server_watts", g.ServerWatts?.ToString(CultureInfo.InvariantCulture), $"GPU '{g.GpuModel}': server_watts, server_gpus, server_source_url and server_checked_on go together: fill all four or none"));
            }
            else if (g.ServerWatts is { } watts && g.ServerGpus is { } count && watts < count * g.TdpWatts)
            {
                diagnostics.Add(r.Error("server_watts", watts.ToString(CultureInfo.InvariantCulture), $"GPU '{g.GpuModel}': a server of {count} GPUs rated {watts} W draws less than its GPUs' TDP ({count} × {g.TdpWatts} W)"));
            }
        }
    }

    public static void CheckOpenModels(IReadOnlyList<LoadedRow<OpenModel>> rows, List<PricingDiagnostic> diagnostics)
    {
        var owner = rows.ToDictionary(r => r.Row.ModelId, r => r.Row.ModelId, StringComparer.OrdinalIgnoreCase);
        foreach (var r in rows)
        {
            var m = r.Row;
            if (m.ActiveParametersBillions > m.TotalParametersBillions)
            {
                diagnostics.Add(r.Error("active_parameters_billions", Num(m.ActiveParametersBillions), $"'{m.ModelId}' has more active parameters ({Num(m.ActiveParametersBillions)}B) than total ({Num(m.TotalParametersBillions)}B)"));
            }

            if (m.Architecture == ModelArchitecture.Dense && m.ActiveParametersBillions != m.TotalParametersBillions)
            {
                diagnostics.Add(r.Error("active_parameters_billions", Num(m.ActiveParametersBillions), $"'{m.ModelId}' is dense, so its active parameters must equal its total ({Num(m.TotalParametersBillions)}B); use architecture 'moe' for a mixture of experts"));
            }

            if (m.KvHeads > m.AttentionHeads)
            {
                diagnostics.Add(r.Error("kv_heads", m.KvHeads.ToString(CultureInfo.InvariantCulture), $"'{m.ModelId}' has more key/value heads ({m.KvHeads.ToString(CultureInfo.InvariantCulture)}) than attention heads ({m.AttentionHeads.ToString(CultureInfo.InvariantCulture)})"));
            }

            if ((m.KvLoraRank is null) != (m.QkRopeHeadDim is null))
            {
                var (given, missing) = m.KvLoraRank is null ? ("qk_rope_head_dim", "kv_lora_rank") : ("kv_lora_rank", "qk_rope_head_dim");
                diagnostics.Add(r.Error(missing, string.Empty, $"'{m.ModelId}': {given} is given but {missing} is blank; multi-head latent attention caches kv_lora_rank + qk_rope_head_dim numbers per token and layer, so give both (or neither, for ordinary attention)"));
            }

            if ((m.SlidingWindowTokens is null) != (m.SlidingWindowLayers is null))
            {
                var (given, missing) = m.SlidingWindowTokens is null ? ("sliding_window_layers", "sliding_window_tokens") : ("sliding_window_tokens", "sliding_window_layers");
                diagnostics.Add(r.Error(missing, string.Empty, $"'{m.ModelId}': {given} is given but {missing} is blank; a sliding window needs its width in tokens and the number of layers that use it (or neither)"));
            }
            else if (m.SlidingWindowLayers is { } swLayers && swLayers > m.Layers)
            {
                diagnostics.Add(r.Error("sliding_window_layers", swLayers.ToString(CultureInfo.InvariantCulture), $"'{m.ModelId}' has more sliding-window layers ({swLayers.ToString(CultureInfo.InvariantCulture)}) than layers ({m.Layers.ToString(CultureInfo.InvariantCulture)})"));
            }
            else if (m.SlidingWindowTokens is { } window && window >= m.ContextLengthTokens)
            {
                diagnostics.Add(r.Warning("sliding_window_tokens", window.ToString(CultureInfo.InvariantCulture), $"'{m.ModelId}': the sliding window ({window.ToString(CultureInfo.InvariantCulture)} tokens) is not shorter than the context ({m.ContextLengthTokens.ToString(CultureInfo.InvariantCulture)} tokens), so it never shortens the KV cache; check the figures"));
            }

            foreach (var alias in m.Aliases)
            {
                if (owner.TryGetValue(alias, out var model) && !string.Equals(model, m.ModelId, StringComparison.OrdinalIgnoreCase))
                {
                    diagnostics.Add(r.Error("aliases", alias, $"alias '{alias}' of '{m.ModelId}' already names '{model}'"));
                }
                else
                {
                    owner[alias] = m.ModelId;
                }
            }
        }
    }

    /// <summary>
    /// Exchange rates: two different currencies; a rate date within its month; one direction per pair and month; and,
    /// as warnings, a month missing inside a pair's run of months and a rate that moved by more than a quarter in a month
    /// (usually an inverted rate).
    /// </summary>
    public static void CheckExchangeRates(IReadOnlyList<LoadedRow<ExchangeRate>> rows, List<PricingDiagnostic> diagnostics)
    {
        foreach (var r in rows)
        {
            var x = r.Row;
            if (x.BaseCurrency == x.QuoteCurrency)
            {
                diagnostics.Add(r.Error("quote_currency", x.QuoteCurrency, $"the base and quote currencies are both {x.BaseCurrency}; a row gives the rate between two different currencies"));
            }

            if (x.RateDate is { } day && (day < x.Month || day >= x.Month.AddMonths(1)))
            {
                diagnostics.Add(r.Error("rate_date", Iso(day), $"the rate date {Iso(day)} is not in the row's month {Month(x.Month)}"));
            }
        }

        var byPair = rows.GroupBy(r => (r.Row.BaseCurrency, r.Row.QuoteCurrency)).ToDictionary(g => g.Key, g => g.OrderBy(r => r.Row.Month).ToList());
        foreach (var ((from, to), ordered) in byPair)
        {
            if (byPair.TryGetValue((to, from), out var reverse))
            {
                var reverseMonths = reverse.Select(r => r.Row.Month).ToHashSet();
                foreach (var r in ordered.Where(r => reverseMonths.Contains(r.Row.Month) && string.CompareOrdinal(from, to) > 0))
                {
                    diagnostics.Add(r.Error("base_currency", from, $"{Month(r.Row.Month)} has a {from}/{to} rate and a {to}/{from} rate; give each pair and month in one direction only (to replace a bundled rate, use its direction: base {to}, quote {from})"));
                }
            }

            for (var i = 1; i < ordered.Count; i++)
            {
                var previous = ordered[i - 1].Row;
                var next = ordered[i];
                if (next.Row.Month > previous.Month.AddMonths(1))
                {
                    diagnostics.Add(next.Warning("month", Month(next.Row.Month), $"{from}/{to} has no rate from {Month(previous.Month.AddMonths(1))} to {Month(next.Row.Month.AddMonths(-1))}: a scenario month in that gap cannot be converted"));
                }
                // Compared by dividing: a rate near decimal's largest times 1.25 would overflow.
                else if (next.Row.QuotePerBase / 1.25m > previous.QuotePerBase || next.Row.QuotePerBase < previous.QuotePerBase / 1.25m)
                {
                    diagnostics.Add(next.Warning("quote_per_base", Num(next.Row.QuotePerBase), $"{from}/{to} moved from {Num(previous.QuotePerBase)} in {Month(previous.Month)} to {Num(next.Row.QuotePerBase)} in {Month(next.Row.Month)}, more than 25 % in a month: check that the rate is not inverted ({to} per {from} is wanted)"));
                }
            }
        }
    }

    public static void CheckReferences(
        IReadOnlyList<LoadedRow<Gpu>>? gpus,
        IReadOnlyList<LoadedRow<OpenModel>>? models,
        IReadOnlyList<LoadedRow<GpuRentalOffer>> rentals,
        IReadOnlyList<LoadedRow<ThroughputBenchmark>> benchmarks,
        List<PricingDiagnostic> diagnostics)
    {
        var gpuIds = gpus?.Select(g => g.Row.GpuModel).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var modelNames = models?.SelectMany(m => m.Row.Aliases.Append(m.Row.ModelId)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var r in gpuIds is null ? [] : rentals.Where(r => !gpuIds.Contains(r.Row.GpuModel)))
        {
            diagnostics.Add(r.Error("gpu_model", r.Row.GpuModel, $"GPU '{r.Row.GpuModel}' is not in gpus.csv{NameSuggester.DidYouMean(r.Row.GpuModel, gpuIds!)}"));
        }

        foreach (var r in benchmarks)
        {
            if ((r.Row.TimeToFirstTokenSecondsP50 is null) != (r.Row.TimePerOutputTokenSecondsP50 is null))
            {
                var (given, missing) = r.Row.TimeToFirstTokenSecondsP50 is null ? ("tpot_seconds_p50", "ttft_seconds_p50") : ("ttft_seconds_p50", "tpot_seconds_p50");
                diagnostics.Add(r.Error(missing, string.Empty, $"{given} is given but {missing} is blank; a latency-bounded result needs both medians (or neither, for a throughput-only result)"));
            }

            if (modelNames is not null && !modelNames.Contains(r.Row.ModelId))
            {
                diagnostics.Add(r.Error("model_id", r.Row.ModelId, $"model '{r.Row.ModelId}' is not in open_models.csv{NameSuggester.DidYouMean(r.Row.ModelId, modelNames)}"));
            }

            if (gpuIds is not null && !gpuIds.Contains(r.Row.GpuModel))
            {
                diagnostics.Add(r.Error("gpu_model", r.Row.GpuModel, $"GPU '{r.Row.GpuModel}' is not in gpus.csv{NameSuggester.DidYouMean(r.Row.GpuModel, gpuIds)}"));
            }
        }
    }

    private static string Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private static string Month(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string Num(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
