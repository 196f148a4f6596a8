using System.Globalization;
using LlmTco.Api;
using LlmTco.Pricing;
using MathNet.Numerics;
using MathNet.Numerics.Statistics;

namespace LlmTco.Usage;

/// <summary>
/// Takes the entries of one or more usage exports, one by one, and gives the reconstructed bill
/// (<see cref="Bill"/>) and the workload they imply (<see cref="DeriveWorkload"/>). Memory grows with the number of
/// months, models and hours, never with the number of entries, so a per-request file can be streamed through it.
/// </summary>
/// <remarks>
/// Each entry is priced by <see cref="UsagePricer"/>: the price row in force on the entry's day, its service tier,
/// the context tier its input per request selects, cache read and write prices, the batch discount and the
/// per-request fee. Entries the catalog cannot price are counted in <see cref="UsageBill.Unpriced"/> with the nearest
/// catalog ids, and their cost is left out; 1-hour cache writes whose price row has no 1-hour price are billed at the
/// 5-minute price and counted in <see cref="UsageBill.OneHourCacheWritesAtFiveMinutePrice"/>.
/// <threadsafety>Not thread-safe: add entries from one thread.</threadsafety>
/// </remarks>
public sealed class UsageAnalyzer
{
    private const double PeakPercentile = 95;

    /// <summary>The mean days of a month (365.2425 ÷ 12), to scale data shorter than a month.</summary>
    private const double DaysPerMonth = 30.436875;

    private static readonly int Tiers = Enum.GetValues<ServiceTier>().Max(t => (int)t) + 1;

    private readonly PricingCatalog catalog;
    private readonly UsagePricer pricer;
    private readonly ProfileGrouping grouping;
    private readonly Dictionary<(DateOnly Month, string Provider, string Model), LineTotals> lines = [];
    private readonly Dictionary<(string Provider, string Model, string? Project), ProfileTotals> profiles = [];
    private readonly Dictionary<(string Provider, string Model, ServiceTier Tier), PricingLookupException?> lookups = [];
    private readonly Dictionary<(string Provider, string Model), UnpricedTotals> unpriced = [];
    private readonly Dictionary<(string Provider, string Model), long> oneHourAtFiveMinutePrice = [];
    private readonly Dictionary<long, double> tokensByHour = [];
    private readonly Dictionary<(DateOnly Month, string Provider), double> providerCosts = [];
    private readonly ProfileTotals?[] recentProfiles = new ProfileTotals?[8];
    private LineTotals? lastLine;
    private int nextRecent;
    private long pendingHour = -1;
    private double pendingHourTokens;
    private DateOnly dataStart = DateOnly.MaxValue;
    private DateOnly dataEnd = DateOnly.MinValue;
    private TimeSpan widest;
    private long count;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="catalog">The pricing catalog whose API prices reconstruct the bill.</param>
    /// <param name="grouping">How usage is split into traffic profiles.</param>
    /// <value>The default grouping is <see cref="ProfileGrouping.Model"/>.</value>
    /// <exception cref="ArgumentNullException"><paramref name="catalog"/> is <see langword="null"/>.</exception>
    public UsageAnalyzer(PricingCatalog catalog, ProfileGrouping grouping = ProfileGrouping.Model)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        this.catalog = catalog;
        pricer = new UsagePricer(catalog);
        this.grouping = grouping;
    }

    /// <summary>Gets the number of entries added.</summary>
    public long Count => count;

    /// <summary>Adds every entry of a sequence, e.g. <see cref="UsageCsv.Read"/> as it streams.</summary>
    /// <param name="entries">The entries.</param>
    /// <exception cref="ArgumentNullException"><paramref name="entries"/> is <see langword="null"/>.</exception>
    /// <exception cref="UsageImportException">The sequence's reader found problems; the analyzer should then be discarded.</exception>
    public void AddRange(IEnumerable<UsageEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        foreach (var entry in entries)
        {
            Add(entry);
        }
    }

    /// <summary>
    /// Adds costs the provider reports by day rather than by entry (OpenAI's Costs API). The bill compares them, by
    /// month and provider, with the reconstructed cost of all that provider's entries of the month.
    /// </summary>
    /// <param name="costs">The costs.</param>
    /// <exception cref="ArgumentNullException"><paramref name="costs"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A cost is negative or not finite, or its provider is empty.</exception>
    public void AddReportedCosts(IEnumerable<ReportedCost> costs)
    {
        ArgumentNullException.ThrowIfNull(costs);
        foreach (var cost in costs)
        {
            if (cost is null || string.IsNullOrEmpty(cost.Provider) || !double.IsFinite(cost.Amount) || cost.Amount < 0)
            {
                throw new ArgumentException("A reported cost needs a provider and a finite amount of 0 or more.", nameof(costs));
            }

            var key = (new DateOnly(cost.Day.Year, cost.Day.Month, 1), cost.Provider);
            providerCosts[key] = providerCosts.GetValueOrDefault(key) + cost.Amount;
        }
    }

    /// <summary>Adds one entry.</summary>
    /// <param name="entry">The entry.</param>
    /// <exception cref="ArgumentException">The entry's provider or model is empty, a token count is negative, cached
    /// plus cache-write tokens exceed the input, 1-hour cache writes exceed the cache writes, or the service tier is not
    /// defined.</exception>
    public void Add(in UsageEntry entry)
    {
        if (string.IsNullOrEmpty(entry.Provider) || string.IsNullOrEmpty(entry.Model))
        {
            throw new ArgumentException("A usage entry needs a provider and a model.", nameof(entry));
        }

        if (entry.InputTokens < 0 || entry.CachedInputTokens < 0 || entry.CacheWriteTokens < 0 || entry.OutputTokens < 0
            || entry.CachedInputTokens + entry.CacheWriteTokens > entry.InputTokens || entry.OneHourCacheWriteTokens < 0 || entry.OneHourCacheWriteTokens > entry.CacheWriteTokens
            || entry.Requests < 0 || (uint)entry.ServiceTier >= (uint)Tiers)
        {
            throw new ArgumentException("Token and request counts must not be negative, cached plus cache-write tokens are part of the input tokens, 1-hour cache writes are part of the cache writes, and the service tier must be defined.", nameof(entry));
        }

        count++;
        var utc = entry.Start.UtcDateTime;
        var day = DateOnly.FromDateTime(utc);
        var month = new DateOnly(day.Year, day.Month, 1);
        dataStart = day < dataStart ? day : dataStart;
        var lastDay = DateOnly.FromDateTime(entry.Width > TimeSpan.Zero ? utc + entry.Width - TimeSpan.FromTicks(1) : utc).AddDays(1);
        dataEnd = lastDay > dataEnd ? lastDay : dataEnd;
        widest = entry.Width > widest ? entry.Width : widest;
        if (entry.Width <= TimeSpan.FromHours(1))
        {
            var hour = utc.Ticks / TimeSpan.TicksPerHour;
            if (hour != pendingHour)
            {
                FlushHour();
                pendingHour = hour;
            }

            pendingHourTokens += entry.InputTokens + entry.OutputTokens;
        }

        var profile = Profile(entry);
        var line = profile.LineMonth == month && profile.Line is { } cached ? cached : Line(month, entry);
        (profile.LineMonth, profile.Line) = (month, line);
        line.Add(entry);
        var record = new UsageRecord(entry.Provider, entry.Model, day, entry.InputTokens, entry.CachedInputTokens, entry.CacheWriteTokens, entry.OutputTokens, entry.Batch, entry.ServiceTier, entry.OneHourCacheWriteTokens);
        var cost = Price(profile, record, entry);
        if (cost is { } c)
        {
            line.Cost += c;
            if (entry.ReportedCost is { } reported)
            {
                line.Reported += reported;
                line.ReconstructedOfReported += c;
                line.HasReported = true;
            }
        }
        else
        {
            line.Unpriced++;
        }

        profile.Add(entry, month);
    }

    /// <summary>Reconstructs the bill of the entries added so far.</summary>
    /// <returns>The bill by month, provider and model, with the differences to the exports' own costs.</returns>
    public UsageBill Bill()
    {
        var billLines = lines
            .OrderBy(l => l.Key.Month).ThenBy(l => l.Key.Provider, StringComparer.Ordinal).ThenBy(l => l.Key.Model, StringComparer.Ordinal)
            .Select(l => l.Value.ToLine(l.Key.Month, l.Key.Provider, l.Key.Model))
            .ToList().AsReadOnly();
        var months = billLines
            .GroupBy(l => l.Month)
            .Select(g =>
            {
                var withCost = g.Where(l => l.ReportedDifference is not null).ToList();
                double? reported = withCost.Count == 0 ? null : withCost.Sum(l => l.ReportedCost!.Value);
                double? difference = withCost.Count == 0 ? null : withCost.Sum(l => l.ReportedDifference!.Value);
                foreach (var provider in g.Select(l => l.Provider).Distinct(StringComparer.Ordinal))
                {
                    if (providerCosts.TryGetValue((g.Key, provider), out var byDay))
                    {
                        // The provider's own total of the month against the reconstructed cost of all its entries.
                        reported = (reported ?? 0) + byDay;
                        difference = (difference ?? 0) + byDay - g.Where(l => l.Provider == provider).Sum(l => l.Cost);
                    }
                }

                return new UsageBillMonth(
                    g.Key,
                    g.Sum(l => l.Cost),
                    reported,
                    difference,
                    withCost.OrderByDescending(l => Math.Abs(l.ReportedDifference!.Value)).Take(3).ToList().AsReadOnly());
            })
            .ToList().AsReadOnly();
        var unknown = unpriced
            .OrderBy(u => u.Key.Provider, StringComparer.Ordinal).ThenBy(u => u.Key.Model, StringComparer.Ordinal)
            .Select(u => new UnpricedUsage(u.Key.Provider, u.Key.Model, u.Value.Entries, u.Value.Reason, u.Value.Suggestions))
            .ToList().AsReadOnly();
        var fallbacks = oneHourAtFiveMinutePrice
            .OrderBy(f => f.Key.Provider, StringComparer.Ordinal).ThenBy(f => f.Key.Model, StringComparer.Ordinal)
            .Select(f => new OneHourCacheWriteFallback(f.Key.Provider, f.Key.Model, f.Value))
            .ToList().AsReadOnly();
        return new UsageBill(billLines, months, unknown, fallbacks);
    }

    /// <summary>
    /// Derives the workload of the entries added so far: per profile, the requests of each full month, the growth
    /// fitted on them, the mean tokens per request, cache and batch shares and the share of requests over each context
    /// threshold; and the peak-to-average ratio of the hourly tokens.
    /// </summary>
    /// <returns>The workload; what could not be derived is in <see cref="DerivedWorkload.Notes"/>.</returns>
    /// <exception cref="InvalidOperationException">No entry was added.</exception>
    public DerivedWorkload DeriveWorkload()
    {
        if (count == 0)
        {
            throw new InvalidOperationException("No usage was added.");
        }

        var notes = new List<string>();
        var fullMonths = new List<DateOnly>();
        for (var m = new DateOnly(dataStart.Year, dataStart.Month, 1); m < dataEnd; m = m.AddMonths(1))
        {
            if (m >= dataStart && m.AddMonths(1) <= dataEnd)
            {
                fullMonths.Add(m);
            }
        }

        if (fullMonths.Count == 0)
        {
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"The data ({dataStart:yyyy-MM-dd} to {dataEnd.AddDays(-1):yyyy-MM-dd}) covers no full calendar month: requests a month are its requests scaled from {DataDays} day(s) to {DaysPerMonth} days, and no growth is fitted."));
        }
        else if (fullMonths.Count < 3)
        {
            notes.Add($"Only {fullMonths.Count} full month(s): the growth is fitted on fewer than 3 months and has no standard error.");
        }

        var derived = new List<DerivedProfile>();
        foreach (var ((provider, model, project), totals) in profiles.OrderBy(p => p.Key.Provider, StringComparer.Ordinal).ThenBy(p => p.Key.Model, StringComparer.Ordinal).ThenBy(p => p.Key.Project, StringComparer.Ordinal))
        {
            var name = project is null ? model : $"{project}/{model}";
            if (totals.RequestsUnknown)
            {
                notes.Add($"'{name}': the export counts no requests (Anthropic's usage report does not), so no requests a month or tokens per request can be derived; add a per-request CSV of the same traffic.");
                continue;
            }

            if (totals.Requests == 0)
            {
                continue;
            }

            if (totals.OneHourCacheWriteTokens > 0)
            {
                // A scenario's profile has one cache-write share, billed at the 5-minute price (issue 17).
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"'{name}': {totals.OneHourCacheWriteTokens:N0} of its {totals.CacheWriteTokens:N0} cache-write tokens ({(double)totals.OneHourCacheWriteTokens / totals.CacheWriteTokens:P1}) were 1-hour writes; a scenario has one cache-write price, so the derived scenario bills them at the 5-minute price and understates this API's cost by their 1-hour premium (the bill above prices them right)."));
            }

            var observed = fullMonths.Select(m => (double)totals.RequestsByMonth.GetValueOrDefault(m)).ToArray();
            var fit = fullMonths.Count > 0 ? Fit(observed, name, notes) : new GrowthFit(0, 0, 0, 0, totals.Requests * DaysPerMonth / DataDays);
            var thresholds = totals.Thresholds.Select((t, i) => (t, Share: (double)totals.RequestsOverThreshold[i] / totals.Requests)).ToDictionary(x => x.t, x => x.Share).AsReadOnly();
            derived.Add(new DerivedProfile(
                name,
                provider,
                model,
                Array.AsReadOnly(observed),
                fit,
                (double)totals.InputTokens / totals.Requests,
                (double)totals.OutputTokens / totals.Requests,
                totals.InputTokens == 0 ? 0 : (double)totals.CachedInputTokens / totals.InputTokens,
                totals.InputTokens == 0 ? 0 : (double)totals.CacheWriteTokens / totals.InputTokens,
                (double)totals.BatchRequests / totals.Requests,
                thresholds));
        }

        var options = lookups
            .Where(l => l.Value is null)
            .Select(l => l.Key)
            .OrderBy(k => k.Provider, StringComparer.Ordinal).ThenBy(k => k.Model, StringComparer.Ordinal).ThenBy(k => k.Tier)
            .Select(k => new ApiOption
            {
                Name = k.Tier == ServiceTier.Standard ? $"{k.Model} ({k.Provider})" : $"{k.Model} ({k.Provider}, {k.Tier.ToString().ToLowerInvariant()})",
                Provider = k.Provider,
                Model = k.Model,
                ServiceTier = k.Tier,
            })
            .ToList().AsReadOnly();
        var peak = PeakToAverage(notes);

        // Read-only views, so that no caller can change a result through a cast.
        return new DerivedWorkload(derived.AsReadOnly(), peak, dataStart, dataEnd, fullMonths.AsReadOnly(), options, notes.AsReadOnly());
    }

    private int DataDays => dataEnd.DayNumber - dataStart.DayNumber;

    private static GrowthFit Fit(double[] observed, string name, List<string> notes)
    {
        var n = observed.Length;
        if (observed.Any(v => v <= 0))
        {
            notes.Add($"'{name}': a full month without requests; its growth is not fitted (0) and month 1 takes the last month's requests.");
            return new GrowthFit(n, 0, 0, 0, observed[^1]);
        }

        if (n == 1)
        {
            return new GrowthFit(1, 0, 0, 0, observed[0]);
        }

        var x = Enumerable.Range(0, n).Select(i => (double)i).ToArray();
        var y = observed.Select(v => Math.Log(v)).ToArray();
        var (a, b) = MathNet.Numerics.Fit.Line(x, y);
        var rate = Math.Exp(b) - 1;
        var next = Math.Exp(a + (b * n));
        if (n < 3)
        {
            return new GrowthFit(n, rate, 0, 0, next);
        }

        var residuals = x.Select((xi, i) => y[i] - (a + (b * xi))).ToArray();
        var residualSd = Math.Sqrt(residuals.Sum(r => r * r) / (n - 2));
        var sxx = x.Sum(xi => (xi - x.Mean()) * (xi - x.Mean()));
        var slopeError = residualSd / Math.Sqrt(sxx);
        return new GrowthFit(n, rate, Math.Exp(b) * slopeError, residualSd, next);
    }

    private void FlushHour()
    {
        if (pendingHour >= 0)
        {
            tokensByHour[pendingHour] = tokensByHour.GetValueOrDefault(pendingHour) + pendingHourTokens;
        }

        pendingHour = -1;
        pendingHourTokens = 0;
    }

    private double PeakToAverage(List<string> notes)
    {
        FlushHour();
        if (widest > TimeSpan.FromHours(1) || tokensByHour.Count == 0)
        {
            notes.Add("The data has no hourly detail (buckets wider than 1 hour), so the peak-to-average ratio is 1; export 1-hour or 1-minute buckets, or per-request rows, to measure it.");
            return 1;
        }

        var first = tokensByHour.Keys.Min();
        var last = tokensByHour.Keys.Max();
        var hours = new double[last - first + 1];
        foreach (var (hour, tokens) in tokensByHour)
        {
            hours[hour - first] = tokens;
        }

        var mean = hours.Mean();
        var peak = hours.Percentile((int)PeakPercentile);
        return mean > 0 ? Math.Max(1, peak / mean) : 1;
    }

    private double? Price(ProfileTotals profile, in UsageRecord record, in UsageEntry entry)
    {
        var tier = (int)entry.ServiceTier;
        if (!profile.Checked[tier])
        {
            PricingLookupException? found = null;
            try
            {
                catalog.GetApiPriceHistory(entry.Provider, entry.Model, entry.ServiceTier);
                profile.Rows[tier] = pricer.RowsOf(record);
            }
            catch (PricingLookupException ex)
            {
                found = ex;
            }

            lookups[(entry.Provider, entry.Model, entry.ServiceTier)] = found;
            profile.Errors[tier] = found;
            profile.Checked[tier] = true;
        }

        var error = profile.Errors[tier];
        if (error is null && UsagePricer.TryPrice(profile.Rows[tier]!, record, entry.Requests ?? 0, entry.TierInputTokensPerRequest, out var cost, out var row))
        {
            if (record.OneHourCacheWriteTokens > 0 && row!.OneHourCacheWritePricePerMillionTokens is null)
            {
                var key = (entry.Provider, entry.Model);
                oneHourAtFiveMinutePrice[key] = oneHourAtFiveMinutePrice.GetValueOrDefault(key) + record.OneHourCacheWriteTokens;
            }

            return cost;
        }

        var unknown = (entry.Provider, entry.Model);
        if (!unpriced.TryGetValue(unknown, out var totals))
        {
            // The reason is written once per model: no price on the date costs no exception per entry.
            error ??= UsagePricer.NoPrice(record);
            totals = new UnpricedTotals(error.Message, error.Suggestions);
            unpriced[unknown] = totals;
        }

        totals.Entries++;
        return null;
    }

    private LineTotals Line(DateOnly month, in UsageEntry entry)
    {
        if (lastLine is { } last && last.Month == month && ReferenceEquals(last.Provider, entry.Provider) && ReferenceEquals(last.Model, entry.Model))
        {
            return last;
        }

        var key = (month, entry.Provider, entry.Model);
        if (!lines.TryGetValue(key, out var line))
        {
            line = new LineTotals(month, entry.Provider, entry.Model);
            lines[key] = line;
        }

        lastLine = line;
        return line;
    }

    private ProfileTotals Profile(in UsageEntry entry)
    {
        var project = grouping == ProfileGrouping.Project ? entry.Project : null;
        foreach (var recent in recentProfiles)
        {
            // The CSV reader hands out one string per distinct name, so the profiles of a file are found by reference.
            if (recent is not null && ReferenceEquals(recent.Provider, entry.Provider) && ReferenceEquals(recent.Model, entry.Model) && ReferenceEquals(recent.Project, project))
            {
                return recent;
            }
        }

        var key = (entry.Provider, entry.Model, project);
        if (!profiles.TryGetValue(key, out var profile))
        {
            var (provider, model) = (entry.Provider, entry.Model);
            var thresholds = catalog.ApiPrices
                .Where(p => p.ContextThresholdTokens > 0 && string.Equals(p.Provider, provider, StringComparison.OrdinalIgnoreCase)
                    && (string.Equals(p.ModelId, model, StringComparison.OrdinalIgnoreCase) || p.Aliases.Contains(model, StringComparer.OrdinalIgnoreCase)))
                .Select(p => p.ContextThresholdTokens)
                .Distinct()
                .Order()
                .ToArray();
            profile = new ProfileTotals(entry.Provider, entry.Model, project, thresholds);
            profiles[key] = profile;
        }

        recentProfiles[nextRecent] = profile;
        nextRecent = (nextRecent + 1) % recentProfiles.Length;
        return profile;
    }

    private sealed class LineTotals(DateOnly month, string provider, string model)
    {
        public DateOnly Month { get; } = month;

        public string Provider { get; } = provider;

        public string Model { get; } = model;

        public double Cost { get; set; }

        public double Reported { get; set; }

        public double ReconstructedOfReported { get; set; }

        public bool HasReported { get; set; }

        public long Unpriced { get; set; }

        private long Requests { get; set; }

        private bool RequestsUnknown { get; set; }

        private long Input { get; set; }

        private long Cached { get; set; }

        private long Written { get; set; }

        private long Output { get; set; }

        public void Add(in UsageEntry entry)
        {
            if (entry.Requests is { } r)
            {
                Requests += r;
            }
            else
            {
                RequestsUnknown = true;
            }

            Input += entry.InputTokens;
            Cached += entry.CachedInputTokens;
            Written += entry.CacheWriteTokens;
            Output += entry.OutputTokens;
        }

        public UsageBillLine ToLine(DateOnly month, string provider, string model) => new(
            month, provider, model, RequestsUnknown ? null : Requests, Input, Cached, Written, Output, Cost,
            HasReported ? Reported : null, HasReported ? Reported - ReconstructedOfReported : null, Unpriced);
    }

    private sealed class ProfileTotals(string provider, string model, string? project, long[] thresholds)
    {
        public string Provider { get; } = provider;

        public string Model { get; } = model;

        public string? Project { get; } = project;

        public long[] Thresholds { get; } = thresholds;

        public bool[] Checked { get; } = new bool[Tiers];

        public ApiPrice[]?[] Rows { get; } = new ApiPrice[]?[Tiers];

        public PricingLookupException?[] Errors { get; } = new PricingLookupException?[Tiers];

        public DateOnly LineMonth { get; set; }

        public LineTotals? Line { get; set; }

        public long[] RequestsOverThreshold { get; } = new long[thresholds.Length];

        public Dictionary<DateOnly, long> RequestsByMonth { get; } = [];

        public bool RequestsUnknown { get; private set; }

        public long Requests { get; private set; }

        public long BatchRequests { get; private set; }

        public long InputTokens { get; private set; }

        public long CachedInputTokens { get; private set; }

        public long CacheWriteTokens { get; private set; }

        public long OneHourCacheWriteTokens { get; private set; }

        public long OutputTokens { get; private set; }

        public void Add(in UsageEntry entry, DateOnly month)
        {
            if (entry.Requests is not { } requests)
            {
                RequestsUnknown = true;
                return;
            }

            Requests += requests;
            BatchRequests += entry.Batch ? requests : 0;
            RequestsByMonth[month] = RequestsByMonth.GetValueOrDefault(month) + requests;
            InputTokens += entry.InputTokens;
            CachedInputTokens += entry.CachedInputTokens;
            CacheWriteTokens += entry.CacheWriteTokens;
            OneHourCacheWriteTokens += entry.OneHourCacheWriteTokens;
            OutputTokens += entry.OutputTokens;
            for (var i = 0; i < Thresholds.Length; i++)
            {
                if (entry.TierInputTokensPerRequest > Thresholds[i])
                {
                    RequestsOverThreshold[i] += requests;
                }
            }
        }
    }

    private sealed class UnpricedTotals(string reason, IReadOnlyList<string> suggestions)
    {
        public string Reason { get; } = reason;

        public IReadOnlyList<string> Suggestions { get; } = suggestions;

        public long Entries { get; set; }
    }
}
