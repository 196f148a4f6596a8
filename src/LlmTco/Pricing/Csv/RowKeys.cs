using System.Globalization;

namespace LlmTco.Pricing.Csv;

/// <summary>
/// How a row is named in messages: its table's file name and the values of its key columns, in the order
/// <c>pricing-data/README.md</c> lists them (e.g. <c>openai, o3-2025-04-16, standard, 0, 2025-06-10</c>).
/// </summary>
internal static class RowKeys
{
    public static string FileName(object row) => row switch
    {
        ApiPrice => PricingTables.ApiPrices.FileName,
        Gpu => PricingTables.Gpus.FileName,
        GpuRentalOffer => PricingTables.GpuRentals.FileName,
        OpenModel => PricingTables.OpenModels.FileName,
        ThroughputBenchmark => PricingTables.Benchmarks.FileName,
        StoragePrice => PricingTables.Storage.FileName,
        EgressPrice => PricingTables.Egress.FileName,
        ElectricityPrice => PricingTables.Electricity.FileName,
        HostingPrice => PricingTables.Hosting.FileName,
        PueFigure => PricingTables.Pue.FileName,
        ExchangeRate => PricingTables.ExchangeRates.FileName,
        _ => throw new ArgumentException($"'{row.GetType().Name}' is not a pricing table row.", nameof(row)),
    };

    public static string Describe(object row) => row switch
    {
        ApiPrice p => Join(p.Provider, p.ModelId, Words.ToWord(p.ServiceTier), Int(p.ContextThresholdTokens), Iso(p.EffectiveFrom)),
        Gpu g => g.GpuModel,
        GpuRentalOffer o => Join(o.Provider, o.Sku, Words.ToWord(o.Plan), o.Region, Iso(o.EffectiveFrom)),
        OpenModel m => m.ModelId,
        ThroughputBenchmark b => Join(b.ModelId, b.GpuModel, Int(b.GpusPerReplica), Words.ToWord(b.Precision), b.Engine, Int(b.InputTokens), Int(b.OutputTokens), Int(b.Concurrency)),
        StoragePrice s => Join(s.Provider, s.Service, s.Region),
        EgressPrice e => Join(e.Provider, e.Service, e.Region),
        ElectricityPrice e => Join(e.Region, e.Sector, e.Period),
        HostingPrice h => Join(h.Provider, h.Region),
        PueFigure f => f.Name,
        ExchangeRate x => Join(x.BaseCurrency, x.QuoteCurrency, x.Month.ToString("yyyy-MM", CultureInfo.InvariantCulture)),
        _ => throw new ArgumentException($"'{row.GetType().Name}' is not a pricing table row.", nameof(row)),
    };

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Join(params string[] parts) => string.Join(", ", parts);
}
