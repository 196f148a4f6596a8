using System.Globalization;
using System.Runtime.CompilerServices;
using LlmTco.Pricing.Csv;

namespace LlmTco.Pricing;

/// <summary>
/// The pricing tables, loaded and validated: API prices with their history, GPUs, GPU rental offers, open-weights
/// models, throughput benchmarks, storage, egress, electricity, hosting and PUE figures, and monthly exchange rates.
/// </summary>
/// <remarks>
/// <para>Load the bundled defaults with <see cref="Default"/>, a folder of your own with <see cref="LoadFolder"/>, or
/// your rows on top of the defaults with <see cref="LoadEmbeddedWithOverrides"/> (a row with the same key replaces the
/// default row; new rows are added). A table with any error is never loaded partly: the load throws
/// <see cref="PricingDataException"/> listing every problem.</para>
/// <para>Lookups never return a silent zero: an unknown id throws <see cref="PricingLookupException"/> naming the
/// nearest known ids.</para>
/// <threadsafety>Immutable once built; every member is safe to call from many threads at once.</threadsafety>
/// </remarks>
public sealed partial class PricingCatalog
{
    private static readonly Lazy<PricingCatalog> DefaultCatalog = new(() => Load(PricingSource.Embedded), LazyThreadSafetyMode.ExecutionAndPublication);

    // Lookup indexes, built once by the constructor and never changed (lookups allocate nothing and scan no LINQ):
    // provider -> model id or alias -> the model's rows by service tier; GPU id -> its rental offers in table order;
    // each throughput benchmark row's open model, resolved by id or alias.
    private readonly Dictionary<string, Dictionary<string, (string ModelId, ApiModelRows Rows)>> apiModelsByProvider;
    private readonly Dictionary<string, Gpu> gpusById;
    private readonly Dictionary<string, OpenModel> modelsByName;
    private readonly Dictionary<string, GpuRentalOffer[]> rentalOffersByGpu;
    private readonly OpenModel?[] benchmarkModels;

    internal PricingCatalog(
        IReadOnlyList<ApiPrice> apiPrices,
        IReadOnlyList<Gpu> gpus,
        IReadOnlyList<GpuRentalOffer> gpuRentalOffers,
        IReadOnlyList<OpenModel> openModels,
        IReadOnlyList<ThroughputBenchmark> throughputBenchmarks,
        IReadOnlyList<StoragePrice> storagePrices,
        IReadOnlyList<EgressPrice> egressPrices,
        IReadOnlyList<ElectricityPrice> electricityPrices,
        IReadOnlyList<HostingPrice> hostingPrices,
        IReadOnlyList<PueFigure> pueFigures,
        IReadOnlyList<ExchangeRate> exchangeRates)
    {
        ApiPrices = apiPrices;
        Gpus = gpus;
        GpuRentalOffers = gpuRentalOffers;
        OpenModels = openModels;
        ThroughputBenchmarks = throughputBenchmarks;
        StoragePrices = storagePrices;
        EgressPrices = egressPrices;
        ElectricityPrices = electricityPrices;
        HostingPrices = hostingPrices;
        PueFigures = pueFigures;
        ExchangeRates = exchangeRates;
        ratesByPair = IndexExchangeRates(exchangeRates);

        // A model's rows: every row of the same provider and model id (case-insensitive), oldest first (a stable sort,
        // so rows with the same date keep their table order), split by service tier.
        var rowsByModel = apiPrices
            .GroupBy(p => (Provider: p.Provider.ToUpperInvariant(), ModelId: p.ModelId.ToUpperInvariant()))
            .ToDictionary(g => g.Key, g => new ApiModelRows(g.OrderBy(p => p.EffectiveFrom).ToList()));
        apiModelsByProvider = new Dictionary<string, Dictionary<string, (string ModelId, ApiModelRows Rows)>>(StringComparer.OrdinalIgnoreCase);
        Dictionary<string, (string ModelId, ApiModelRows Rows)> Names(string provider)
        {
            if (!apiModelsByProvider.TryGetValue(provider, out var names))
            {
                names = new Dictionary<string, (string ModelId, ApiModelRows Rows)>(StringComparer.OrdinalIgnoreCase);
                apiModelsByProvider.Add(provider, names);
            }

            return names;
        }

        // Model ids first, then aliases: an alias never hides a model id.
        foreach (var p in apiPrices)
        {
            Names(p.Provider).TryAdd(p.ModelId, (p.ModelId, rowsByModel[(p.Provider.ToUpperInvariant(), p.ModelId.ToUpperInvariant())]));
        }

        foreach (var p in apiPrices)
        {
            foreach (var alias in p.Aliases)
            {
                Names(p.Provider).TryAdd(alias, (p.ModelId, rowsByModel[(p.Provider.ToUpperInvariant(), p.ModelId.ToUpperInvariant())]));
            }
        }

        gpusById = gpus.ToDictionary(g => g.GpuModel, StringComparer.OrdinalIgnoreCase);
        modelsByName = openModels.ToDictionary(m => m.ModelId, StringComparer.OrdinalIgnoreCase);
        foreach (var m in openModels)
        {
            foreach (var alias in m.Aliases)
            {
                modelsByName.TryAdd(alias, m);
            }
        }

        rentalOffersByGpu = gpuRentalOffers
            .GroupBy(o => o.GpuModel, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToArray(), StringComparer.OrdinalIgnoreCase);
        benchmarkModels = throughputBenchmarks.Select(b => modelsByName.GetValueOrDefault(b.ModelId)).ToArray();
    }

    /// <summary>Gets the catalog of the tables bundled in the package, loaded once on first use.</summary>
    /// <exception cref="PricingDataException">The bundled tables are invalid (a packaging bug).</exception>
    public static PricingCatalog Default => DefaultCatalog.Value;

    /// <summary>Gets every row of <c>api_prices.csv</c>.</summary>
    public IReadOnlyList<ApiPrice> ApiPrices { get; }

    /// <summary>Gets every row of <c>gpus.csv</c>.</summary>
    public IReadOnlyList<Gpu> Gpus { get; }

    /// <summary>Gets every row of <c>gpu_rentals.csv</c>.</summary>
    public IReadOnlyList<GpuRentalOffer> GpuRentalOffers { get; }

    /// <summary>Gets every row of <c>open_models.csv</c>.</summary>
    public IReadOnlyList<OpenModel> OpenModels { get; }

    /// <summary>Gets every row of <c>throughput_benchmarks.csv</c>.</summary>
    public IReadOnlyList<ThroughputBenchmark> ThroughputBenchmarks { get; }

    /// <summary>Gets every row of <c>storage_prices.csv</c>.</summary>
    public IReadOnlyList<StoragePrice> StoragePrices { get; }

    /// <summary>Gets every row of <c>egress_prices.csv</c>.</summary>
    public IReadOnlyList<EgressPrice> EgressPrices { get; }

    /// <summary>Gets every row of <c>electricity_prices.csv</c>.</summary>
    public IReadOnlyList<ElectricityPrice> ElectricityPrices { get; }

    /// <summary>Gets every row of <c>hosting_prices.csv</c>.</summary>
    public IReadOnlyList<HostingPrice> HostingPrices { get; }

    /// <summary>Gets every row of <c>pue_figures.csv</c>.</summary>
    public IReadOnlyList<PueFigure> PueFigures { get; }

    /// <summary>Gets every row of <c>exchange_rates.csv</c>.</summary>
    public IReadOnlyList<ExchangeRate> ExchangeRates { get; }

    /// <summary>Gets the file names of the pricing tables, e.g. <c>api_prices.csv</c>.</summary>
    public static IReadOnlyList<string> TableFileNames => PricingTables.FileNames;

    /// <summary>Loads the tables bundled in the package. Prefer <see cref="Default"/>, which loads them once.</summary>
    /// <returns>A new catalog.</returns>
    /// <exception cref="PricingDataException">The bundled tables are invalid.</exception>
    public static PricingCatalog LoadEmbedded() => Load(PricingSource.Embedded);

    /// <summary>Loads a folder that holds every table file, instead of the defaults.</summary>
    /// <param name="folder">The folder with <c>api_prices.csv</c>, <c>gpus.csv</c> and the other tables.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="PricingDataException">A table is missing or has errors; the message lists every one.</exception>
    public static PricingCatalog LoadFolder(string folder) => Load(PricingSource.Folder(folder));

    /// <summary>
    /// Loads the bundled defaults, then the tables found in <paramref name="folder"/> on top: a row with the same key
    /// replaces the default row, a new row is added. The folder may hold any subset of the table files.
    /// </summary>
    /// <param name="folder">The folder with the user's tables.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="PricingDataException">A table has errors; the message lists every one.</exception>
    public static PricingCatalog LoadEmbeddedWithOverrides(string folder) => Load(PricingSource.Embedded, PricingSource.Folder(folder));

    /// <summary>
    /// Loads a stack of sources: the first must hold every table; each later one overlays its rows by key.
    /// </summary>
    /// <param name="sources">The sources, defaults first.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentException">No source was given.</exception>
    /// <exception cref="PricingDataException">A table is missing or has errors; the message lists every one.</exception>
    public static PricingCatalog Load(params PricingSource[] sources)
    {
        var report = Validate(sources);
        return report.Catalog ?? throw new PricingDataException(report.Diagnostics);
    }

    /// <summary>
    /// Reads and checks a stack of sources without throwing for bad data: the report lists every error and warning
    /// and holds the catalog when there was no error. This is what <c>validate-pricing</c> runs.
    /// </summary>
    /// <param name="sources">The sources, defaults first.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentException">No source was given.</exception>
    public static PricingValidationReport Validate(params PricingSource[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        if (sources.Length == 0)
        {
            throw new ArgumentException("At least one pricing source is needed.", nameof(sources));
        }

        return CatalogLoader.Load(sources);
    }

    /// <summary>
    /// Finds the API price in force on <paramref name="date"/> for a model, by id or alias, for a request with
    /// <paramref name="inputTokensPerRequest"/> input tokens: the row of the highest context tier whose threshold the
    /// input exceeds, else the base row.
    /// </summary>
    /// <param name="provider">The provider slug, e.g. <c>openai</c> (case-insensitive).</param>
    /// <param name="model">The model id or an alias (case-insensitive).</param>
    /// <param name="date">The day the price must be in force.</param>
    /// <param name="inputTokensPerRequest">Input tokens per request, to select a context tier.</param>
    /// <param name="serviceTier">The service tier.</param>
    /// <returns>The price row.</returns>
    /// <exception cref="PricingLookupException">The provider or model is unknown, or no price is in force on the date.</exception>
    public ApiPrice FindApiPrice(string provider, string model, DateOnly date, long inputTokensPerRequest = 0, ServiceTier serviceTier = ServiceTier.Standard)
    {
        var history = GetApiPriceHistory(provider, model, serviceTier);
        return FindApiPriceInHistory(history, date, inputTokensPerRequest) ?? throw NoApiPrice(history, provider, model, date);
    }

    /// <summary>Gets every price row of one model and service tier, all context tiers, oldest first.</summary>
    /// <param name="provider">The provider slug (case-insensitive).</param>
    /// <param name="model">The model id or an alias (case-insensitive).</param>
    /// <param name="serviceTier">The service tier.</param>
    /// <returns>The rows, ordered by effective date.</returns>
    /// <exception cref="PricingLookupException">The provider or model is unknown, or has no row for the tier.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="serviceTier"/> is not a defined value.</exception>
    public IReadOnlyList<ApiPrice> GetApiPriceHistory(string provider, string model, ServiceTier serviceTier = ServiceTier.Standard)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ArgumentNullException.ThrowIfNull(model);
        ThrowIfUndefined(serviceTier);
        if (!apiModelsByProvider.TryGetValue(provider, out var modelsOfProvider))
        {
            var providers = ApiPrices.Select(p => p.Provider).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            throw Unknown($"Unknown API provider '{provider}'", provider, providers);
        }

        if (!modelsOfProvider.TryGetValue(model, out var found))
        {
            var names = ApiPrices
                .Where(p => string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase))
                .SelectMany(p => p.Aliases.Prepend(p.ModelId));
            throw Unknown($"Unknown model '{model}' at provider '{provider}'", model, names);
        }

        return found.Rows.OfTier(serviceTier)
            ?? throw new PricingLookupException($"'{found.ModelId}' at '{provider}' has no price for the {Words.ToWord(serviceTier)} service tier.");
    }

    /// <summary>Gets a GPU by its id, e.g. <c>H100-SXM</c> (case-insensitive).</summary>
    /// <param name="gpuModel">The GPU id.</param>
    /// <returns>The GPU.</returns>
    /// <exception cref="PricingLookupException">No GPU has that id.</exception>
    public Gpu GetGpu(string gpuModel)
    {
        ArgumentNullException.ThrowIfNull(gpuModel);
        return gpusById.TryGetValue(gpuModel, out var gpu) ? gpu : throw Unknown($"Unknown GPU '{gpuModel}'", gpuModel, gpusById.Keys);
    }

    /// <summary>Gets an open-weights model by its id or an alias (case-insensitive).</summary>
    /// <param name="model">The model id (Hugging Face repository id) or an alias.</param>
    /// <returns>The model.</returns>
    /// <exception cref="PricingLookupException">No model has that id or alias.</exception>
    public OpenModel GetOpenModel(string model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return modelsByName.TryGetValue(model, out var found) ? found : throw Unknown($"Unknown open model '{model}'", model, modelsByName.Keys);
    }

    /// <summary>
    /// Finds the rental offer in force on <paramref name="date"/> (the latest <c>effective_from</c> on or before it)
    /// for a GPU at a provider on a plan. Without a region or SKU, the cheapest matching offer is taken.
    /// </summary>
    /// <param name="provider">The provider slug (case-insensitive).</param>
    /// <param name="gpuModel">The GPU id.</param>
    /// <param name="plan">The pricing plan.</param>
    /// <param name="date">The day the price must be in force.</param>
    /// <param name="region">The region, or <see langword="null"/> for any.</param>
    /// <param name="sku">The instance type, or <see langword="null"/> for any.</param>
    /// <returns>The offer.</returns>
    /// <exception cref="PricingLookupException">No offer matches.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="plan"/> is not a defined value.</exception>
    public GpuRentalOffer FindRentalOffer(string provider, string gpuModel, RentalPlan plan, DateOnly date, string? region = null, string? sku = null)
    {
        ArgumentNullException.ThrowIfNull(provider);
        ThrowIfUndefined(plan);
        var gpu = GetGpu(gpuModel);
        return SelectRentalOffer(RentalOffersOf(gpu), provider, plan, date, region, sku) ?? throw NoRentalOffer(provider, gpu, plan, date, region);
    }

    /// <summary>
    /// The API price in force on <paramref name="date"/> among a model's <paramref name="history"/> (one service tier,
    /// oldest first), as <see cref="FindApiPrice"/> chooses it: of the rows in force, the one of the highest context tier
    /// whose threshold the input exceeds (the base tier, threshold 0, always qualifies), the oldest on a tie; or
    /// <see langword="null"/> when no row is in force.
    /// </summary>
    internal static ApiPrice? FindApiPriceInHistory(IReadOnlyList<ApiPrice> history, DateOnly date, long inputTokensPerRequest)
    {
        ApiPrice? best = null;
        for (var i = 0; i < history.Count; i++)
        {
            var p = history[i];
            if ((p.ContextThresholdTokens == 0 || inputTokensPerRequest > p.ContextThresholdTokens)
                && p.IsInForceOn(date)
                && (best is null || p.ContextThresholdTokens > best.ContextThresholdTokens))
            {
                best = p;
            }
        }

        return best;
    }

    /// <summary>Rejects an enum value cast from a number that names no member, e.g. <c>(ServiceTier)9</c>.</summary>
    private static void ThrowIfUndefined<T>(T value, [CallerArgumentExpression(nameof(value))] string? name = null)
        where T : struct, Enum
    {
        if (!Enum.IsDefined(value))
        {
            throw new ArgumentOutOfRangeException(name, value, $"Not a defined {typeof(T).Name} value.");
        }
    }

    /// <summary>The error of <see cref="FindApiPrice"/> when no price of <paramref name="history"/> is in force on the date.</summary>
    internal static PricingLookupException NoApiPrice(IReadOnlyList<ApiPrice> history, string provider, string model, DateOnly date)
    {
        var baseRows = history.Where(p => p.ContextThresholdTokens == 0).ToList();
        var range = baseRows.Count == 0
            ? "it has no base price row"
            : $"its prices run from {baseRows[0].EffectiveFrom:yyyy-MM-dd}" + (baseRows[^1].EffectiveTo is { } end ? $" to {end:yyyy-MM-dd} (exclusive)" : " with no end");
        return new PricingLookupException(string.Create(
            CultureInfo.InvariantCulture,
            $"No price for '{model}' at '{provider}' on {date:yyyy-MM-dd}: {range}."));
    }

    /// <summary>Every rental offer of a GPU, in table order.</summary>
    internal GpuRentalOffer[] RentalOffersOf(Gpu gpu) =>
        rentalOffersByGpu.TryGetValue(gpu.GpuModel, out var offers) ? offers : [];

    /// <summary>
    /// The offers among <paramref name="offers"/> of a provider, plan, region and SKU (a <see langword="null"/> region or
    /// SKU matches any), in the same order: the only ones <see cref="SelectRentalOffer"/> can choose with these filters.
    /// </summary>
    internal static GpuRentalOffer[] FilterRentalOffers(GpuRentalOffer[] offers, string provider, RentalPlan plan, string? region, string? sku) =>
        Array.FindAll(offers, o => o.Plan == plan
            && string.Equals(o.Provider, provider, StringComparison.OrdinalIgnoreCase)
            && (region is null || string.Equals(o.Region, region, StringComparison.OrdinalIgnoreCase))
            && (sku is null || string.Equals(o.Sku, sku, StringComparison.OrdinalIgnoreCase)));

    /// <summary>
    /// The offer <see cref="FindRentalOffer"/> chooses among <paramref name="offers"/> (all of one GPU, in table order):
    /// of the offers of the provider, plan, region and SKU, for each SKU and region the one with the latest
    /// <c>effective_from</c> on or before <paramref name="date"/> (the first in table order on a tie), then the cheapest
    /// of those, by SKU (ordinal) on a tie, and the first SKU and region in table order after that; or
    /// <see langword="null"/> when none is in force.
    /// </summary>
    internal static GpuRentalOffer? SelectRentalOffer(ReadOnlySpan<GpuRentalOffer> offers, string provider, RentalPlan plan, DateOnly date, string? region, string? sku)
    {
        bool Matches(GpuRentalOffer o) =>
            o.Plan == plan
            && o.EffectiveFrom <= date
            && string.Equals(o.Provider, provider, StringComparison.OrdinalIgnoreCase)
            && (region is null || string.Equals(o.Region, region, StringComparison.OrdinalIgnoreCase))
            && (sku is null || string.Equals(o.Sku, sku, StringComparison.OrdinalIgnoreCase));

        static bool SameSkuAndRegion(GpuRentalOffer a, GpuRentalOffer b) =>
            string.Equals(a.Sku, b.Sku, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Region, b.Region, StringComparison.OrdinalIgnoreCase);

        GpuRentalOffer? best = null;
        for (var i = 0; i < offers.Length; i++)
        {
            var first = offers[i];
            if (!Matches(first))
            {
                continue;
            }

            // Visit each SKU and region once, at its first offer in force, so that ties keep table order.
            var seenBefore = false;
            for (var j = 0; j < i && !seenBefore; j++)
            {
                seenBefore = SameSkuAndRegion(offers[j], first) && Matches(offers[j]);
            }

            if (seenBefore)
            {
                continue;
            }

            var latest = first;
            for (var k = i + 1; k < offers.Length; k++)
            {
                var o = offers[k];
                if (o.EffectiveFrom > latest.EffectiveFrom && SameSkuAndRegion(o, first) && Matches(o))
                {
                    latest = o;
                }
            }

            if (best is null
                || latest.PricePerGpuHour < best.PricePerGpuHour
                || (latest.PricePerGpuHour == best.PricePerGpuHour && string.CompareOrdinal(latest.Sku, best.Sku) < 0))
            {
                best = latest;
            }
        }

        return best;
    }

    /// <summary>The error of <see cref="FindRentalOffer"/> when no offer matches.</summary>
    internal PricingLookupException NoRentalOffer(string provider, Gpu gpu, RentalPlan plan, DateOnly date, string? region)
    {
        var offers = GpuRentalOffers
            .Where(o => string.Equals(o.GpuModel, gpu.GpuModel, StringComparison.OrdinalIgnoreCase))
            .Select(o => string.Create(CultureInfo.InvariantCulture, $"{o.Provider} {Words.ToWord(o.Plan)} {o.Region} from {o.EffectiveFrom:yyyy-MM-dd}"))
            .Distinct()
            .ToList();
        var known = offers.Count == 0 ? "there are no offers for this GPU" : "known offers for this GPU: " + string.Join("; ", offers);
        return new PricingLookupException(string.Create(
            CultureInfo.InvariantCulture,
            $"No {Words.ToWord(plan)} offer for '{gpu.GpuModel}' at '{provider}'{(region is null ? string.Empty : $" in '{region}'")} on {date:yyyy-MM-dd}; {known}."));
    }

    /// <summary>Gets the throughput benchmarks measured for a model on a GPU group at a precision.</summary>
    /// <param name="model">The model id or alias.</param>
    /// <param name="gpuModel">The GPU id.</param>
    /// <param name="precision">The serving precision.</param>
    /// <param name="gpusPerReplica">The GPUs in one replica.</param>
    /// <returns>The matching rows; empty when none was measured (the engine then estimates by roofline).</returns>
    /// <exception cref="PricingLookupException">The model or GPU is unknown.</exception>
    public IReadOnlyList<ThroughputBenchmark> FindThroughputBenchmarks(string model, string gpuModel, NumericPrecision precision, int gpusPerReplica)
    {
        var openModel = GetOpenModel(model);
        var gpu = GetGpu(gpuModel);
        var rows = new List<ThroughputBenchmark>();
        for (var i = 0; i < ThroughputBenchmarks.Count; i++)
        {
            var b = ThroughputBenchmarks[i];

            // A loaded catalog resolves every row's model; GetOpenModel throws as before for one that does not.
            if (ReferenceEquals(benchmarkModels[i] ?? GetOpenModel(b.ModelId), openModel)
                && string.Equals(b.GpuModel, gpu.GpuModel, StringComparison.OrdinalIgnoreCase)
                && b.Precision == precision
                && b.GpusPerReplica == gpusPerReplica)
            {
                rows.Add(b);
            }
        }

        return rows;
    }

    /// <summary>Writes every table of this catalog into <paramref name="folder"/>, in the documented CSV format.</summary>
    /// <param name="folder">The folder to write into; it is created if needed and existing table files are replaced.</param>
    /// <exception cref="ArgumentException"><paramref name="folder"/> is null or empty.</exception>
    /// <exception cref="IOException">A file cannot be written.</exception>
    public void WriteFolder(string folder)
    {
        ArgumentException.ThrowIfNullOrEmpty(folder);
        Directory.CreateDirectory(folder);
        WriteTable(folder, PricingTables.ApiPrices, ApiPrices);
        WriteTable(folder, PricingTables.Gpus, Gpus);
        WriteTable(folder, PricingTables.GpuRentals, GpuRentalOffers);
        WriteTable(folder, PricingTables.OpenModels, OpenModels);
        WriteTable(folder, PricingTables.Benchmarks, ThroughputBenchmarks);
        WriteTable(folder, PricingTables.Storage, StoragePrices);
        WriteTable(folder, PricingTables.Egress, EgressPrices);
        WriteTable(folder, PricingTables.Electricity, ElectricityPrices);
        WriteTable(folder, PricingTables.Hosting, HostingPrices);
        WriteTable(folder, PricingTables.Pue, PueFigures);
        WriteTable(folder, PricingTables.ExchangeRates, ExchangeRates);
    }

    /// <summary>Writes API price rows in the <c>api_prices.csv</c> format, with its header.</summary>
    /// <param name="writer">Where to write; it is left open.</param>
    /// <param name="rows">The rows.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static void WriteApiPrices(TextWriter writer, IEnumerable<ApiPrice> rows)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(rows);
        PricingTables.ApiPrices.Write(writer, rows);
    }

    private static void WriteTable<T>(string folder, CsvTable<T> table, IEnumerable<T> rows)
        where T : class
    {
        using var writer = new StreamWriter(Path.Combine(folder, table.FileName), append: false, new System.Text.UTF8Encoding(false));
        table.Write(writer, rows);
    }


    private static PricingLookupException Unknown(string message, string wanted, IEnumerable<string> known)
    {
        var knownList = known.ToList();
        var nearest = NameSuggester.Nearest(wanted, knownList);
        var hint = nearest.Count > 0
            ? $"; did you mean {string.Join(" or ", nearest.Select(n => $"'{n}'"))}?"
            : $"; known: {string.Join(", ", knownList.Distinct(StringComparer.OrdinalIgnoreCase).Take(12))}";
        return new PricingLookupException(message + hint, nearest);
    }

    /// <summary>One API model's price rows, oldest first, split by service tier into read-only lists built once.</summary>
    private sealed class ApiModelRows
    {
        private readonly Dictionary<ServiceTier, IReadOnlyList<ApiPrice>> byTier;

        public ApiModelRows(List<ApiPrice> rowsOldestFirst)
        {
            byTier = rowsOldestFirst
                .GroupBy(p => p.ServiceTier)
                .ToDictionary(g => g.Key, g => (IReadOnlyList<ApiPrice>)g.ToList().AsReadOnly());
        }

        /// <summary>The rows of one service tier, or <see langword="null"/> when it has none.</summary>
        public IReadOnlyList<ApiPrice>? OfTier(ServiceTier tier) => byTier.GetValueOrDefault(tier);
    }
}
