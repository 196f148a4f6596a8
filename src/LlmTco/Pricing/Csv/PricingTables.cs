using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>The eleven pricing tables: file names, class maps and row keys.</summary>
internal static class PricingTables
{
    public static readonly CsvTable<ApiPrice> ApiPrices = new(
        "api_prices.csv",
        c => new ApiPriceMap(c),
        r => Key(r.Provider, r.ModelId, Words.ToWord(r.ServiceTier), r.ContextThresholdTokens.ToString(CultureInfo.InvariantCulture), Date(r.EffectiveFrom)),
        "provider, model_id, service_tier, context_threshold_tokens, effective_from");

    public static readonly CsvTable<Gpu> Gpus = new("gpus.csv", c => new GpuMap(c), r => Key(r.GpuModel), "gpu_model");

    public static readonly CsvTable<GpuRentalOffer> GpuRentals = new(
        "gpu_rentals.csv",
        c => new GpuRentalOfferMap(c),
        r => Key(r.Provider, r.Sku, Words.ToWord(r.Plan), r.Region, Date(r.EffectiveFrom)),
        "provider, sku, plan, region, effective_from");

    public static readonly CsvTable<OpenModel> OpenModels = new("open_models.csv", c => new OpenModelMap(c), r => Key(r.ModelId), "model_id");

    public static readonly CsvTable<ThroughputBenchmark> Benchmarks = new(
        "throughput_benchmarks.csv",
        c => new ThroughputBenchmarkMap(c),
        r => Key(
            r.ModelId,
            r.GpuModel,
            r.GpusPerReplica.ToString(CultureInfo.InvariantCulture),
            Words.ToWord(r.Precision),
            r.Engine,
            r.InputTokens.ToString(CultureInfo.InvariantCulture),
            r.OutputTokens.ToString(CultureInfo.InvariantCulture),
            r.Concurrency.ToString(CultureInfo.InvariantCulture)),
        "model_id, gpu_model, gpus_per_replica, precision, engine, input_tokens, output_tokens, concurrency");

    public static readonly CsvTable<StoragePrice> Storage = new(
        "storage_prices.csv", c => new StoragePriceMap(c), r => Key(r.Provider, r.Service, r.Region), "provider, service, region");

    public static readonly CsvTable<EgressPrice> Egress = new(
        "egress_prices.csv", c => new EgressPriceMap(c), r => Key(r.Provider, r.Service, r.Region), "provider, service, region");

    public static readonly CsvTable<ElectricityPrice> Electricity = new(
        "electricity_prices.csv", c => new ElectricityPriceMap(c), r => Key(r.Region, r.Sector, r.Period), "region, sector, period");

    public static readonly CsvTable<HostingPrice> Hosting = new(
        "hosting_prices.csv", c => new HostingPriceMap(c), r => Key(r.Provider, r.Region), "provider, region");

    public static readonly CsvTable<PueFigure> Pue = new("pue_figures.csv", c => new PueFigureMap(c), r => Key(r.Name), "name");

    public static readonly CsvTable<ExchangeRate> ExchangeRates = new(
        "exchange_rates.csv",
        c => new ExchangeRateMap(c),
        r => Key(r.BaseCurrency, r.QuoteCurrency, r.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        "base_currency, quote_currency, month");

    public static IReadOnlyList<string> FileNames { get; } =
    [
        ApiPrices.FileName, Gpus.FileName, GpuRentals.FileName, OpenModels.FileName, Benchmarks.FileName,
        Storage.FileName, Egress.FileName, Electricity.FileName, Hosting.FileName, Pue.FileName, ExchangeRates.FileName,
    ];

    /// <summary>Keys compare case-insensitively, so "GPT-4o" and "gpt-4o" are one row.</summary>
    private static string Key(params string[] parts) => string.Join('\u001f', parts).ToUpperInvariant();

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
