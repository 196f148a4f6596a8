namespace LlmTco.Pricing;

/// <summary>The look-ups of the small tables (PUE, electricity, hosting, storage, egress), so that cost models compute and never search a table.</summary>
public sealed partial class PricingCatalog
{
    /// <summary>The PUE figure named <paramref name="name"/> (case-insensitive); throws, listing the known ones, when there is none.</summary>
    internal PueFigure GetPueFigure(string name) =>
        PueFigures.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new PricingLookupException($"Unknown PUE figure '{name}'; known: {string.Join(", ", PueFigures.Select(p => p.Name))}.");

    /// <summary>The latest period's electricity price of a region and sector (case-insensitive); throws, listing the known regions, when there is none.</summary>
    internal ElectricityPrice GetElectricityPrice(string? region, string sector) =>
        ElectricityPrices
            .Where(p => string.Equals(p.Region, region, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Sector, sector, StringComparison.OrdinalIgnoreCase))
            .OrderByDescending(p => p.Period, StringComparer.Ordinal)
            .FirstOrDefault()
        ?? throw new PricingLookupException($"No {sector} electricity price for region '{region}'; known regions: {string.Join(", ", ElectricityPrices.Select(p => p.Region).Distinct(StringComparer.OrdinalIgnoreCase))}.");

    /// <summary>The hosting (colocation) price of a provider (case-insensitive); throws, listing the known ones, when there is none.</summary>
    internal HostingPrice GetHostingPrice(string provider) =>
        HostingPrices.FirstOrDefault(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase))
        ?? throw new PricingLookupException($"Unknown hosting provider '{provider}'; known: {string.Join(", ", HostingPrices.Select(p => p.Provider))}.");

    /// <summary>The storage price of a provider's service (case-insensitive), or <see langword="null"/>.</summary>
    internal StoragePrice? FindStoragePrice(string? provider, string? service) =>
        StoragePrices.FirstOrDefault(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Service, service, StringComparison.OrdinalIgnoreCase));

    /// <summary>The error for a storage service without a price, listing the known ones.</summary>
    internal PricingLookupException NoStoragePrice(string? provider, string? service) =>
        new($"No storage price for '{provider}' '{service}'; known: {string.Join("; ", StoragePrices.Select(p => $"{p.Provider} {p.Service}"))}.");

    /// <summary>The egress price of a provider's service (case-insensitive), or <see langword="null"/>.</summary>
    internal EgressPrice? FindEgressPrice(string? provider, string? service) =>
        EgressPrices.FirstOrDefault(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase) && string.Equals(p.Service, service, StringComparison.OrdinalIgnoreCase));

    /// <summary>The error for an egress service without a price, listing the known ones.</summary>
    internal PricingLookupException NoEgressPrice(string? provider, string? service) =>
        new($"No egress price for '{provider}' '{service}'; known: {string.Join("; ", EgressPrices.Select(p => $"{p.Provider} {p.Service}"))}.");
}
