namespace LlmTco.Tests;

/// <summary>
/// A minimal, valid set of the eleven pricing tables as CSV text, for tests that break one table at a time.
/// The figures are small made-up test values, not prices: they never reach the bundled data.
/// </summary>
internal static class TestTables
{
    public const string ApiHeader = "provider,model_id,aliases,service_tier,context_threshold_tokens,effective_from,effective_to,currency,input_per_mtok,cached_input_per_mtok,cache_write_per_mtok,output_per_mtok,reasoning_output_per_mtok,batch_discount,per_request_fee,notes,source_url,checked_on";
    /// <summary>The api_prices.csv header with its optional columns, as the tables are written.</summary>
    public const string ApiHeaderFull = "provider,model_id,aliases,service_tier,context_threshold_tokens,effective_from,effective_from_basis,effective_to,currency,input_per_mtok,cached_input_per_mtok,cache_write_per_mtok,output_per_mtok,reasoning_output_per_mtok,batch_discount,per_request_fee,notes,source_url,source_kind,checked_on";
    /// <summary>The api_prices.csv header the importers write: every column, <c>cache_write_1h_per_mtok</c> included.</summary>
    public const string ApiHeaderWritten = "provider,model_id,aliases,service_tier,context_threshold_tokens,effective_from,effective_from_basis,effective_to,currency,input_per_mtok,cached_input_per_mtok,cache_write_per_mtok,cache_write_1h_per_mtok,output_per_mtok,reasoning_output_per_mtok,batch_discount,per_request_fee,notes,source_url,source_kind,checked_on";
    /// <summary>The api_prices.csv header of <see cref="ApiHeader"/> with the optional <c>cache_write_1h_per_mtok</c> after <c>cache_write_per_mtok</c> (column 12).</summary>
    public const string ApiHeaderOneHour = "provider,model_id,aliases,service_tier,context_threshold_tokens,effective_from,effective_to,currency,input_per_mtok,cached_input_per_mtok,cache_write_per_mtok,cache_write_1h_per_mtok,output_per_mtok,reasoning_output_per_mtok,batch_discount,per_request_fee,notes,source_url,checked_on";
    public const string GpuHeader = "gpu_model,vendor,memory_gb,memory_bandwidth_tbps,bf16_dense_tflops,fp8_dense_tflops,tdp_watts,purchase_price_per_gpu,purchase_currency,purchase_source_url,purchase_checked_on,notes,source_url,checked_on";
    public const string RentalHeader = "provider,sku,gpu_model,gpus_per_instance,plan,region,currency,price_per_gpu_hour,effective_from,notes,source_url,checked_on";
    public const string ModelHeader = "model_id,aliases,architecture,total_parameters_billions,active_parameters_billions,layers,hidden_size,attention_heads,kv_heads,head_dim,context_length_tokens,licence,notes,source_url,checked_on";
    public const string ExchangeRateHeader = "base_currency,quote_currency,month,quote_per_base,rate_date,notes,source_url,checked_on";
    public const string BenchmarkHeader = "model_id,gpu_model,gpus_per_replica,precision,engine,input_tokens,output_tokens,concurrency,output_tokens_per_second_per_replica,notes,source_url,checked_on";

    public static Dictionary<string, string> Valid() => new(StringComparer.Ordinal)
    {
        ["api_prices.csv"] = Lines(
            ApiHeader,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-01-01,2025-06-10,USD,10,2.5,,40,,0.5,,launch,https://example.com/acme,2026-11-29",
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-06-10,,USD,2,0.5,,8,,0.5,,cut,https://example.com/acme,2026-11-29",
            "acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,,,,https://example.com/acme,2026-11-29",
            "acme,acme-mini,,standard,200000,2025-01-01,,USD,0.15,,,0.6,,,,long context,https://example.com/acme,2026-11-29"),
        ["gpus.csv"] = Lines(
            GpuHeader,
            "GPU-A,nvidia,80,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29"),
        ["gpu_rentals.csv"] = Lines(
            RentalHeader,
            "cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,2.5,2025-01-01,,https://example.com/cloudy,2026-11-29"),
        ["open_models.csv"] = Lines(
            ModelHeader,
            "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,131072,apache-2.0,,https://example.com/model,2026-11-29"),
        ["throughput_benchmarks.csv"] = Lines(
            BenchmarkHeader,
            "org/Model-8B,GPU-A,1,bf16,vllm,1000,500,64,2000,,https://example.com/bench,2026-11-29"),
        ["storage_prices.csv"] = Lines(
            "provider,service,region,currency,price_per_gb_month,notes,source_url,checked_on",
            "cloudy,Object Storage,us-east-1,USD,0.023,,https://example.com/storage,2026-11-29"),
        ["egress_prices.csv"] = Lines(
            "provider,service,region,currency,price_per_gb,notes,source_url,checked_on",
            "cloudy,internet-egress,us-east-1,USD,0.09,,https://example.com/egress,2026-11-29"),
        ["electricity_prices.csv"] = Lines(
            "region,sector,currency,price_per_kwh,period,notes,source_url,checked_on",
            "US-VA,industrial,USD,0.0892,2023,,https://example.com/power,2026-11-29"),
        ["hosting_prices.csv"] = Lines(
            "provider,region,currency,price_per_kw_month,notes,source_url,checked_on",
            "colo,North America,USD,184.06,,https://example.com/colo,2026-11-29"),
        ["pue_figures.csv"] = Lines(
            "name,pue,notes,source_url,checked_on",
            "survey-2023,1.58,,https://example.com/pue,2026-11-29"),

        // Round made-up rates for hand calculations: 1 USD = 1 ÷ 1.25 = 0.8 EUR in 2025-05, 1 ÷ 1.5625 = 0.64 in 2025-06,
        // 1 ÷ 1.6 = 0.625 from 2025-07 on (the last rate, held); 1 EUR = 0.8 GBP, so 1 USD = 0.64, 0.512 and 0.5 GBP through EUR.
        ["exchange_rates.csv"] = Lines(
            ExchangeRateHeader,
            "EUR,USD,2025-05,1.25,2025-05-02,,https://example.com/fx,2026-11-29",
            "EUR,USD,2025-06,1.5625,2025-06-02,,https://example.com/fx,2026-11-29",
            "EUR,USD,2025-07,1.6,2025-07-01,,https://example.com/fx,2026-11-29",
            "EUR,GBP,2025-05,0.8,,,https://example.com/fx,2026-11-29",
            "EUR,GBP,2025-06,0.8,,,https://example.com/fx,2026-11-29",
            "EUR,GBP,2025-07,0.8,,,https://example.com/fx,2026-11-29"),
    };

    /// <summary>The valid tables with one table's text replaced.</summary>
    public static Dictionary<string, string> With(string fileName, string csv)
    {
        var tables = Valid();
        tables[fileName] = csv;
        return tables;
    }

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";
}
