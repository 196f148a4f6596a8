using CsvHelper.Configuration;

namespace LlmTco.Pricing.Csv;

// One CsvHelper class map per table. The column names here are the public CSV interface documented in
// pricing-data/README.md: renaming one breaks every user's edited copy.

/// <summary>Maps <c>api_prices.csv</c>.</summary>
internal sealed class ApiPriceMap : ClassMap<ApiPrice>
{
    public ApiPriceMap(ReadContext c)
    {
        Map(r => r.Provider).Name("provider").TypeConverter(Cells.Slug(c));
        Map(r => r.ModelId).Name("model_id").TypeConverter(Cells.Id(c));
        Map(r => r.Aliases).Name("aliases").TypeConverter(Cells.List(c));
        Map(r => r.ServiceTier).Name("service_tier").TypeConverter(Cells.Word(c, Words.ServiceTiers, "service tier"));
        Map(r => r.ContextThresholdTokens).Name("context_threshold_tokens").TypeConverter(Cells.Int64(c, 0));
        Map(r => r.EffectiveFrom).Name("effective_from").TypeConverter(Cells.Date(c));
        Map(r => r.EffectiveFromBasis).Name("effective_from_basis").Optional().TypeConverter(Cells.Word(c, Words.EffectiveDateBases, "effective-date basis", required: false));
        Map(r => r.EffectiveTo).Name("effective_to").TypeConverter(Cells.Date(c, required: false));
        Map(r => r.Currency).Name("currency").TypeConverter(Cells.Currency(c));
        Map(r => r.InputPricePerMillionTokens).Name("input_per_mtok").TypeConverter(Cells.Decimal(c));
        Map(r => r.CachedInputPricePerMillionTokens).Name("cached_input_per_mtok").TypeConverter(Cells.Decimal(c, required: false));
        Map(r => r.CacheWritePricePerMillionTokens).Name("cache_write_per_mtok").TypeConverter(Cells.Decimal(c, required: false));
        Map(r => r.OneHourCacheWritePricePerMillionTokens).Name("cache_write_1h_per_mtok").Optional().TypeConverter(Cells.Decimal(c, required: false));
        Map(r => r.OutputPricePerMillionTokens).Name("output_per_mtok").TypeConverter(Cells.Decimal(c));
        Map(r => r.ReasoningOutputPricePerMillionTokens).Name("reasoning_output_per_mtok").TypeConverter(Cells.Decimal(c, required: false));
        Map(r => r.BatchDiscountFraction).Name("batch_discount").TypeConverter(Cells.Decimal(c, required: false, max: 1m));
        Map(r => r.PricePerRequest).Name("per_request_fee").TypeConverter(Cells.Decimal(c, required: false));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>gpus.csv</c>.</summary>
internal sealed class GpuMap : ClassMap<Gpu>
{
    public GpuMap(ReadContext c)
    {
        Map(r => r.GpuModel).Name("gpu_model").TypeConverter(Cells.Id(c));
        Map(r => r.Vendor).Name("vendor").TypeConverter(Cells.Slug(c));
        Map(r => r.MemoryGb).Name("memory_gb").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.MemoryBandwidthTbPerSecond).Name("memory_bandwidth_tbps").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.Bf16DenseTflops).Name("bf16_dense_tflops").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.Fp8DenseTflops).Name("fp8_dense_tflops").TypeConverter(Cells.Decimal(c, required: false, positive: true));
        Map(r => r.TdpWatts).Name("tdp_watts").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.PurchasePricePerGpu).Name("purchase_price_per_gpu").TypeConverter(Cells.Decimal(c, required: false, positive: true));
        Map(r => r.PurchaseCurrency).Name("purchase_currency").TypeConverter(Cells.Currency(c, required: false));
        Map(r => r.PurchaseSourceUrl).Name("purchase_source_url").TypeConverter(Cells.Url(c, required: false));
        Map(r => r.PurchaseCheckedOn).Name("purchase_checked_on").TypeConverter(Cells.Date(c, required: false));
        Map(r => r.IdleWatts).Name("idle_watts").Optional().TypeConverter(Cells.Decimal(c, required: false, positive: true));
        Map(r => r.IdleSourceUrl).Name("idle_source_url").Optional().TypeConverter(Cells.Url(c, required: false));
        Map(r => r.IdleCheckedOn).Name("idle_checked_on").Optional().TypeConverter(Cells.Date(c, required: false));
        Map(r => r.ServerWatts).Name("server_watts").Optional().TypeConverter(Cells.Decimal(c, required: false, positive: true));
        Map(r => r.ServerGpus).Name("server_gpus").Optional().TypeConverter(Cells.Int32(c, min: 1, required: false));
        Map(r => r.ServerSourceUrl).Name("server_source_url").Optional().TypeConverter(Cells.Url(c, required: false));
        Map(r => r.ServerCheckedOn).Name("server_checked_on").Optional().TypeConverter(Cells.Date(c, required: false));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>gpu_rentals.csv</c>.</summary>
internal sealed class GpuRentalOfferMap : ClassMap<GpuRentalOffer>
{
    public GpuRentalOfferMap(ReadContext c)
    {
        Map(r => r.Provider).Name("provider").TypeConverter(Cells.Slug(c));
        Map(r => r.Sku).Name("sku").TypeConverter(Cells.Text(c));
        Map(r => r.GpuModel).Name("gpu_model").TypeConverter(Cells.Id(c));
        Map(r => r.GpusPerInstance).Name("gpus_per_instance").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.Plan).Name("plan").TypeConverter(Cells.Word(c, Words.RentalPlans, "plan"));
        Map(r => r.Region).Name("region").TypeConverter(Cells.Text(c));
        Map(r => r.Currency).Name("currency").TypeConverter(Cells.Currency(c));
        Map(r => r.PricePerGpuHour).Name("price_per_gpu_hour").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.EffectiveFrom).Name("effective_from").TypeConverter(Cells.Date(c));
        Map(r => r.EffectiveFromBasis).Name("effective_from_basis").Optional().TypeConverter(Cells.Word(c, Words.EffectiveDateBases, "effective-date basis", required: false));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>open_models.csv</c>.</summary>
internal sealed class OpenModelMap : ClassMap<OpenModel>
{
    public OpenModelMap(ReadContext c)
    {
        Map(r => r.ModelId).Name("model_id").TypeConverter(Cells.Id(c));
        Map(r => r.Aliases).Name("aliases").TypeConverter(Cells.List(c));
        Map(r => r.Architecture).Name("architecture").TypeConverter(Cells.Word(c, Words.Architectures, "architecture"));
        Map(r => r.TotalParametersBillions).Name("total_parameters_billions").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.ActiveParametersBillions).Name("active_parameters_billions").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.Layers).Name("layers").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.HiddenSize).Name("hidden_size").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.AttentionHeads).Name("attention_heads").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.KvHeads).Name("kv_heads").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.HeadDim).Name("head_dim").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.KvLoraRank).Name("kv_lora_rank").Optional().TypeConverter(Cells.Int32(c, min: 1, required: false));
        Map(r => r.QkRopeHeadDim).Name("qk_rope_head_dim").Optional().TypeConverter(Cells.Int32(c, min: 1, required: false));
        Map(r => r.SlidingWindowTokens).Name("sliding_window_tokens").Optional().TypeConverter(Cells.Int32(c, min: 1, required: false));
        Map(r => r.SlidingWindowLayers).Name("sliding_window_layers").Optional().TypeConverter(Cells.Int32(c, min: 1, required: false));
        Map(r => r.ContextLengthTokens).Name("context_length_tokens").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.Licence).Name("licence").TypeConverter(Cells.Id(c));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>throughput_benchmarks.csv</c>.</summary>
internal sealed class ThroughputBenchmarkMap : ClassMap<ThroughputBenchmark>
{
    public ThroughputBenchmarkMap(ReadContext c)
    {
        Map(r => r.ModelId).Name("model_id").TypeConverter(Cells.Id(c));
        Map(r => r.GpuModel).Name("gpu_model").TypeConverter(Cells.Id(c));
        Map(r => r.GpusPerReplica).Name("gpus_per_replica").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.Precision).Name("precision").TypeConverter(Cells.Word(c, Words.Precisions, "precision"));
        Map(r => r.Engine).Name("engine").TypeConverter(Cells.Slug(c));
        Map(r => r.InputTokens).Name("input_tokens").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.OutputTokens).Name("output_tokens").TypeConverter(Cells.Int32(c, min: 1));
        Map(r => r.Concurrency).Name("concurrency").TypeConverter(Cells.Int32(c, min: 0));
        Map(r => r.OutputTokensPerSecondPerReplica).Name("output_tokens_per_second_per_replica").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.TimeToFirstTokenSecondsP50).Name("ttft_seconds_p50").Optional().TypeConverter(Cells.Decimal(c, required: false, positive: true));
        Map(r => r.TimePerOutputTokenSecondsP50).Name("tpot_seconds_p50").Optional().TypeConverter(Cells.Decimal(c, required: false, positive: true));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>storage_prices.csv</c>.</summary>
internal sealed class StoragePriceMap : ClassMap<StoragePrice>
{
    public StoragePriceMap(ReadContext c)
    {
        Map(r => r.Provider).Name("provider").TypeConverter(Cells.Slug(c));
        Map(r => r.Service).Name("service").TypeConverter(Cells.Text(c));
        Map(r => r.Region).Name("region").TypeConverter(Cells.Text(c));
        Map(r => r.Currency).Name("currency").TypeConverter(Cells.Currency(c));
        Map(r => r.PricePerGbMonth).Name("price_per_gb_month").TypeConverter(Cells.Decimal(c));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>egress_prices.csv</c>.</summary>
internal sealed class EgressPriceMap : ClassMap<EgressPrice>
{
    public EgressPriceMap(ReadContext c)
    {
        Map(r => r.Provider).Name("provider").TypeConverter(Cells.Slug(c));
        Map(r => r.Service).Name("service").TypeConverter(Cells.Text(c));
        Map(r => r.Region).Name("region").TypeConverter(Cells.Text(c));
        Map(r => r.Currency).Name("currency").TypeConverter(Cells.Currency(c));
        Map(r => r.PricePerGb).Name("price_per_gb").TypeConverter(Cells.Decimal(c));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>electricity_prices.csv</c>.</summary>
internal sealed class ElectricityPriceMap : ClassMap<ElectricityPrice>
{
    public ElectricityPriceMap(ReadContext c)
    {
        Map(r => r.Region).Name("region").TypeConverter(Cells.Text(c));
        Map(r => r.Sector).Name("sector").TypeConverter(Cells.Slug(c));
        Map(r => r.Currency).Name("currency").TypeConverter(Cells.Currency(c));
        Map(r => r.PricePerKwh).Name("price_per_kwh").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.Period).Name("period").TypeConverter(Cells.Text(c));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>hosting_prices.csv</c>.</summary>
internal sealed class HostingPriceMap : ClassMap<HostingPrice>
{
    public HostingPriceMap(ReadContext c)
    {
        Map(r => r.Provider).Name("provider").TypeConverter(Cells.Slug(c));
        Map(r => r.Region).Name("region").TypeConverter(Cells.Text(c));
        Map(r => r.Currency).Name("currency").TypeConverter(Cells.Currency(c));
        Map(r => r.PricePerKwMonth).Name("price_per_kw_month").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>pue_figures.csv</c>.</summary>
internal sealed class PueFigureMap : ClassMap<PueFigure>
{
    public PueFigureMap(ReadContext c)
    {
        Map(r => r.Name).Name("name").TypeConverter(Cells.Id(c));
        Map(r => r.Pue).Name("pue").TypeConverter(Cells.Decimal(c, min: 1m));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}

/// <summary>Maps <c>exchange_rates.csv</c>.</summary>
internal sealed class ExchangeRateMap : ClassMap<ExchangeRate>
{
    public ExchangeRateMap(ReadContext c)
    {
        Map(r => r.BaseCurrency).Name("base_currency").TypeConverter(Cells.Currency(c));
        Map(r => r.QuoteCurrency).Name("quote_currency").TypeConverter(Cells.Currency(c));
        Map(r => r.Month).Name("month").TypeConverter(Cells.Month(c));
        Map(r => r.QuotePerBase).Name("quote_per_base").TypeConverter(Cells.Decimal(c, positive: true));
        Map(r => r.RateDate).Name("rate_date").TypeConverter(Cells.Date(c, required: false));
        Map(r => r.Notes).Name("notes").TypeConverter(Cells.Text(c, required: false));
        Map(r => r.SourceUrl).Name("source_url").TypeConverter(Cells.Url(c));
        Map(r => r.SourceKind).Name("source_kind").Optional().TypeConverter(Cells.Word(c, Words.SourceKinds, "source kind", required: false));
        Map(r => r.CheckedOn).Name("checked_on").TypeConverter(Cells.Date(c));
    }
}
