using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Workloads;

namespace LlmTco.Api;

/// <summary>
/// An API option compiled for evaluation: the price row in force for every profile and month (row in force on the month's
/// start date, context tier by input size), looked up once with its currency checked and its assumption written; the
/// slots of its numeric inputs; and the one implementation of the API bill (usage, commitment shortfall, fees,
/// fine-tuning) over them.
/// </summary>
internal sealed class ApiPlan
{
    private readonly int months;

    private ApiPlan(ApiOption option, int index, PlanParameters prm, int profiles, int months)
    {
        Option = option;
        Index = index;
        this.months = months;
        var at = string.Create(CultureInfo.InvariantCulture, $"apiOptions[{index}]");
        DeclineSlot = prm.Add(at + ".yearlyPriceDecline", option.YearlyPriceDecline, ParameterRule.Decline);
        FeeSlot = prm.Add(at + ".monthlyFee", option.MonthlyFee, ParameterRule.NonNegative);
        CommitmentSlot = prm.Add(at + ".monthlyCommitment", option.MonthlyCommitment, ParameterRule.NonNegative);
        BatchDiscountSlot = prm.Add(at + ".batchDiscountFraction", option.BatchDiscountFraction, ParameterRule.Share);
        Rows = new PriceTable(profiles, months);
        BaseFactors = WorkloadVolumes.Rows(profiles, months);
        BatchDiscounts = WorkloadVolumes.Rows(profiles, months);
        YearsIndex = new int[profiles][];
        FineTuningFee = new double[months];
    }

    public ApiOption Option { get; }

    /// <summary>Gets the option's index among the scenario's API options (and so among all options).</summary>
    public int Index { get; }

    public int DeclineSlot { get; }

    public int FeeSlot { get; }

    public int CommitmentSlot { get; }

    public int BatchDiscountSlot { get; }

    /// <summary>Gets the months after the horizon that the last commitment term still binds and that are counted (0 when none).</summary>
    public int BeyondMonths { get; private set; }

    /// <summary>Gets the fine-tuning fee of each month.</summary>
    public double[] FineTuningFee { get; }

    /// <summary>Gets the table rows' prices, before any decline.</summary>
    public PriceTable Rows { get; }

    /// <summary>Gets the decline factor of each profile and month at the scenario's own yearly decline (1 where the row is not the last one).</summary>
    public double[][] BaseFactors { get; }

    /// <summary>Gets the batch discount of each profile and month: the option's own, or the row's.</summary>
    public double[][] BatchDiscounts { get; }

    /// <summary>Gets, per profile and month, the index of the row's days since its date in <see cref="DistinctDays"/>, or −1 when the row is not the last one (no decline).</summary>
    public int[][] YearsIndex { get; }

    /// <summary>Gets the distinct whole days from a declining row's date to a month's start.</summary>
    public long[] DistinctDays { get; private set; } = [];

    /// <summary>Gets the context thresholds (input tokens per request) of the model's tiers above the base tier.</summary>
    private double[] Thresholds { get; set; } = [];

    /// <summary>Gets each profile's context tier with the scenario's own tokens per request: how many thresholds its requests exceed.</summary>
    private int[] BaseTiers { get; set; } = [];

    /// <summary>
    /// Whether every profile's requests with the input tokens in <paramref name="p"/> fall in the same context tier as with
    /// the scenario's own (a request is priced by the highest tier whose threshold its input exceeds), so that the prices
    /// looked up for the scenario apply.
    /// </summary>
    public bool SameTiers(double[] p, WorkloadPlan workload)
    {
        for (var i = 0; i < BaseTiers.Length; i++)
        {
            if (Tier(p[workload.Profiles[i].InputSlot]) != BaseTiers[i])
            {
                return false;
            }
        }

        return true;
    }

    private int Tier(double inputTokens)
    {
        var tier = 0;
        foreach (var threshold in Thresholds)
        {
            tier += inputTokens > threshold ? 1 : 0;
        }

        return tier;
    }

    /// <summary>
    /// Looks the option's prices up for every profile and month. Throws as <see cref="PricingCatalog.FindApiPrice"/> does
    /// for an unknown provider, model or tier, or a month without a price, and for a row in another currency without an
    /// exchange rate in its month; a row in another currency is converted at its month's rate.
    /// </summary>
    public static ApiPlan Compile(PricingCatalog catalog, ApiOption option, int index, Scenario scenario, DateOnly[] monthStarts, PlanParameters prm, string path, List<Assumption>? assumptions, CurrencyConverter fx)
    {
        var profiles = scenario.Workload.Profiles;
        var months = monthStarts.Length;
        var plan = new ApiPlan(option, index, prm, profiles.Count, months);
        var seen = new HashSet<ApiPrice>();
        var batchWarned = false;
        var distinct = new List<long>();

        // The model's price history is looked up once; each month's row is then chosen from it exactly as FindApiPrice chooses.
        var history = catalog.GetApiPriceHistory(option.Provider, option.Model, option.ServiceTier);
        ApiPrice? previousRow = null;
        for (var p = 0; p < profiles.Count; p++)
        {
            var profile = profiles[p];
            var inputTokens = (long)Math.Ceiling(profile.InputTokensPerRequest);
            plan.YearsIndex[p] = new int[months];
            for (var m = 0; m < months; m++)
            {
                var date = monthStarts[m];
                var row = PricingCatalog.FindApiPriceInHistory(history, date, inputTokens)
                    ?? throw PricingCatalog.NoApiPrice(history, option.Provider, option.Model, date);

                // A row in another currency is converted at the rate of its month.
                var changed = !ReferenceEquals(row, previousRow);
                plan.Rows.Set(p, m, row, fx.Factor(row.Currency, m));
                plan.BatchDiscounts[p][m] = option.BatchDiscountFraction ?? (double)(row.BatchDiscountFraction ?? 0m);
                var slot = -1;
                if (row.EffectiveTo is null)
                {
                    var days = DeclineFactor.Days(date, DeclineFactor.ReferenceDate(row.EffectiveFrom, row.CheckedOn, scenario.StartDate));
                    slot = distinct.IndexOf(days);
                    if (slot < 0)
                    {
                        slot = distinct.Count;
                        distinct.Add(days);
                    }
                }

                plan.YearsIndex[p][m] = slot;
                if (profile.BatchShare > 0 && option.BatchDiscountFraction is null && row.BatchDiscountFraction is null && !batchWarned)
                {
                    batchWarned = true;
                    assumptions?.Add(new Assumption(option.Name, AssumptionKind.Warning, $"'{row.ModelId}' has no published batch discount: batch-eligible traffic is billed at the standard price."));
                }

                if (changed && seen.Add(row))
                {
                    assumptions?.Add(new Assumption(option.Name, AssumptionKind.TableRow, Describe(row), row.SourceUrl) { Row = row });
                }

                previousRow = row;
            }

            if (option.YearlyPriceDecline > 0 && p == 0)
            {
                var last = history.Where(h => h.ContextThresholdTokens == 0).MaxBy(h => h.EffectiveFrom)!;
                var from = DeclineFactor.ReferenceDate(last.EffectiveFrom, last.CheckedOn, scenario.StartDate);
                assumptions?.Add(new Assumption(option.Name, AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"Prices decline {option.YearlyPriceDecline:P1} a year from {Iso(from)}, the last date the price is known to hold (the latest of its effective date {Iso(last.EffectiveFrom)}, the date it was checked {Iso(last.CheckedOn)} and the scenario's start): price × (1 − {option.YearlyPriceDecline})^(years since {Iso(from)}); before that date the table price.")));
            }
        }

        plan.DistinctDays = [.. distinct];
        plan.Thresholds = history.Where(h => h.ContextThresholdTokens > 0).Select(h => (double)h.ContextThresholdTokens).Distinct().ToArray();
        plan.BaseTiers = profiles.Select(p => plan.Tier(p.InputTokensPerRequest)).ToArray();
        var factors = new double[plan.DistinctDays.Length];
        plan.Factors(option.YearlyPriceDecline, factors);
        for (var p = 0; p < profiles.Count; p++)
        {
            for (var m = 0; m < months; m++)
            {
                plan.BaseFactors[p][m] = option.YearlyPriceDecline > 0 && plan.YearsIndex[p][m] >= 0 ? factors[plan.YearsIndex[p][m]] : 1.0;
            }
        }

        // A commitment term that runs past the horizon: its later months pay the commitment, unless the scenario cuts them.
        var term = option.CommitmentTermMonths;
        var past = term > 0 && months % term != 0 ? term - (months % term) : 0;
        if (past > 0 && option.MonthlyCommitment > 0)
        {
            plan.BeyondMonths = option.CountCommitmentBeyondHorizon ? past : 0;
            assumptions?.Add(new Assumption(option.Name, AssumptionKind.Warning, option.CountCommitmentBeyondHorizon
                ? string.Create(CultureInfo.InvariantCulture, $"The {term}-month commitment term that starts in month {months - (months % term) + 1} runs {past} month(s) past the horizon; its committed spend for those months ({past} × {option.MonthlyCommitment:N0} {scenario.Currency}) is counted in full, in month {months}'s 'commitment beyond horizon' line, each payment discounted at its own month in the NPV (countCommitmentBeyondHorizon: false leaves it out).")
                : string.Create(CultureInfo.InvariantCulture, $"The {term}-month commitment term that starts in month {months - (months % term) + 1} runs {past} month(s) past the horizon; those committed months are not counted (countCommitmentBeyondHorizon is false).")));
        }

        // A fine-tuning run's fee in its month: training tokens × epochs ÷ 10⁶ × the price per 1M training tokens.
        if (option.FineTuning is { } ft)
        {
            for (var m = 0; m < months; m++)
            {
                var month = m + 1;
                var due = month == ft.Month || (ft.EveryMonths > 0 && month > ft.Month && (month - ft.Month) % ft.EveryMonths == 0);
                plan.FineTuningFee[m] = due ? ft.TrainingTokens * ft.Epochs / 1e6 * ft.TrainingPricePerMillionTokens : 0;
            }
        }

        return plan;
    }

    /// <summary>
    /// The bill of every month into <paramref name="usage"/>, <paramref name="shortfall"/> and <paramref name="totals"/>:
    /// usage = Σ over profiles of (uncached × input + cache reads × cached + cache writes × cache-write + output × output
    /// prices, each × the decline factor) ÷ 10⁶ × (1 − batch share × batch discount) + requests × the per-request price
    /// × the decline factor; shortfall = max(0, commitment − usage); total = usage + shortfall + fee + fine-tuning; the
    /// last month's total also holds the commitment of each counted month after the horizon (<see cref="BeyondMonths"/>).
    /// </summary>
    /// <param name="p">The parameter values.</param>
    /// <param name="workload">The workload, for its profiles' batch-share slots.</param>
    /// <param name="v">The month's volumes.</param>
    /// <param name="varied">Which of this option's inputs may differ from the scenario's.</param>
    /// <param name="scratch">Scratch buffers.</param>
    /// <param name="usage">The usage of each month (written).</param>
    /// <param name="shortfall">The commitment shortfall of each month (written).</param>
    /// <param name="totals">The total of each month (written).</param>
    public void Bill(double[] p, WorkloadPlan workload, WorkloadVolumes v, (bool Decline, bool Batch) varied, ApiScratch scratch, double[] usage, double[] shortfall, double[] totals)
    {
        unchecked
        {
            var fee = p[FeeSlot];
            var commitment = p[CommitmentSlot];
            var decline = p[DeclineSlot];
            if (varied.Decline)
            {
                Factors(decline, scratch.DeclineFactors);
            }

            // A drawn batch discount is the same for every profile and month (an unset one, NaN, leaves the rows').
            var drawnDiscount = varied.Batch && !double.IsNaN(p[BatchDiscountSlot]);
            if (drawnDiscount)
            {
                Array.Fill(scratch.BatchDiscounts, p[BatchDiscountSlot]);
            }

            var prices = Rows;
            Array.Clear(usage);
            var profiles = workload.Profiles;
            for (var i = 0; i < profiles.Length; i++)
            {
                var discount = drawnDiscount ? scratch.BatchDiscounts : BatchDiscounts[i];

                // The decline factor of each month (1 where the row is not the last one or nothing declines).
                var factorRow = BaseFactors[i];
                if (varied.Decline)
                {
                    factorRow = scratch.Ones;
                    if (decline > 0)
                    {
                        factorRow = scratch.FactorRow;
                        var years = YearsIndex[i];
                        for (var m = 0; m < months; m++)
                        {
                            factorRow[m] = years[m] >= 0 ? scratch.DeclineFactors[years[m]] : 1.0;
                        }
                    }
                }

                AccumulateUsage(p[profiles[i].BatchSlot], v.Uncached[i], v.CacheRead[i], v.CacheWrite[i], v.Output[i], v.Requests[i], prices.Input[i], prices.CacheRead[i], prices.CacheWrite[i], prices.Output[i], prices.PerRequest[i], discount, factorRow, usage);
            }

            var month = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vCommitment = Vector256.Create(commitment);
                var vFee = Vector256.Create(fee);
                ref var us = ref MemoryMarshal.GetArrayDataReference(usage);
                ref var sh = ref MemoryMarshal.GetArrayDataReference(shortfall);
                ref var ft = ref MemoryMarshal.GetArrayDataReference(FineTuningFee);
                ref var to = ref MemoryMarshal.GetArrayDataReference(totals);
                for (; month <= months - 4; month += 4)
                {
                    var at = (nuint)month;
                    var use = Vector256.LoadUnsafe(ref us, at);
                    var missing = Vector256.Max(Vector256<double>.Zero, vCommitment - use);
                    missing.StoreUnsafe(ref sh, at);
                    (Vector256<double>.Zero + use + missing + vFee + Vector256.LoadUnsafe(ref ft, at)).StoreUnsafe(ref to, at);
                }
            }

            for (; month < months; month++)
            {
                var use = usage[month];
                var missing = Math.Max(0, commitment - use);
                shortfall[month] = missing;
                totals[month] = 0.0 + use + missing + fee + FineTuningFee[month];
            }

            // The committed months after the horizon: each pays at least the commitment.
            scratch.LastMonthBeforeBeyond = totals[months - 1];
            scratch.BeyondPayment = commitment;
            scratch.BeyondNominal = BeyondMonths * commitment;
            totals[months - 1] += scratch.BeyondNominal;
        }
    }

    /// <summary>The steady-state cost curve at month <paramref name="m"/>'s prices and request mix: the fee, the usage per 1M tokens and the commitment.</summary>
    public SteadyStateCost SteadyState(double[] p, double[] usage, WorkloadVolumes v, int m, DateOnly priceDate) =>
        new(OptionKind.Api, p[FeeSlot], CostPerMillionTokens(usage, v, m), p[CommitmentSlot], 0, 0, 0, 0, priceDate);

    /// <summary>Month <paramref name="m"/>'s usage per 1M tokens (0 without tokens).</summary>
    public static double CostPerMillionTokens(double[] usage, WorkloadVolumes v, int m)
    {
        var tokens = v.TotalInput[m] + v.TotalOutput[m];
        return tokens > 0 ? usage[m] / (tokens / 1e6) : 0;
    }

    /// <summary>The decline factor of each distinct number of days (<see cref="DeclineFactor"/>; only when d &gt; 0).</summary>
    public void Factors(double decline, double[] into)
    {
        if (decline > 0)
        {
            Span<double> powers = stackalloc double[DeclineFactor.PowerCount];
            DeclineFactor.Powers(decline, powers);
            DeclineFactor.Of(powers, DistinctDays, into);
        }
    }

    /// <summary>
    /// One profile's usage charges (<see cref="Charge(double, double, double, double, double, double, double, double, double, double, double, double, double)"/>) added to each month's usage. Four months at a time where the CPU
    /// has 256-bit vectors: lane by lane the same IEEE operations as <see cref="Charge(double, double, double, double, double, double, double, double, double, double, double, double, double)"/>.
    /// </summary>
    private void AccumulateUsage(double share, double[] uncached, double[] cacheRead, double[] cacheWrite, double[] output, double[] requests, double[] input, double[] readPrice, double[] writePrice, double[] outputPrice, double[] requestPrice, double[] discount, double[] factor, double[] usage)
    {
        unchecked
        {
            var m = 0;
            if (Vector256.IsHardwareAccelerated)
            {
                var vShare = Vector256.Create(share);
                var million = Vector256.Create(1e6);
                var one = Vector256.Create(1.0);
                ref var un = ref MemoryMarshal.GetArrayDataReference(uncached);
                ref var cr = ref MemoryMarshal.GetArrayDataReference(cacheRead);
                ref var cw = ref MemoryMarshal.GetArrayDataReference(cacheWrite);
                ref var ou = ref MemoryMarshal.GetArrayDataReference(output);
                ref var rq = ref MemoryMarshal.GetArrayDataReference(requests);
                ref var pin = ref MemoryMarshal.GetArrayDataReference(input);
                ref var pcr = ref MemoryMarshal.GetArrayDataReference(readPrice);
                ref var pcw = ref MemoryMarshal.GetArrayDataReference(writePrice);
                ref var pou = ref MemoryMarshal.GetArrayDataReference(outputPrice);
                ref var prq = ref MemoryMarshal.GetArrayDataReference(requestPrice);
                ref var dis = ref MemoryMarshal.GetArrayDataReference(discount);
                ref var fac = ref MemoryMarshal.GetArrayDataReference(factor);
                ref var use = ref MemoryMarshal.GetArrayDataReference(usage);
                for (; m <= months - 4; m += 4)
                {
                    var at = (nuint)m;
                    var f = Vector256.LoadUnsafe(ref fac, at);
                    var tokens = (Vector256.LoadUnsafe(ref un, at) * (Vector256.LoadUnsafe(ref pin, at) * f))
                        + (Vector256.LoadUnsafe(ref cr, at) * (Vector256.LoadUnsafe(ref pcr, at) * f))
                        + (Vector256.LoadUnsafe(ref cw, at) * (Vector256.LoadUnsafe(ref pcw, at) * f))
                        + (Vector256.LoadUnsafe(ref ou, at) * (Vector256.LoadUnsafe(ref pou, at) * f));
                    var batch = one - (vShare * Vector256.LoadUnsafe(ref dis, at));
                    var charge = (tokens / million * batch) + (Vector256.LoadUnsafe(ref rq, at) * (Vector256.LoadUnsafe(ref prq, at) * f));
                    (Vector256.LoadUnsafe(ref use, at) + charge).StoreUnsafe(ref use, at);
                }
            }

            for (; m < months; m++)
            {
                usage[m] += Charge(uncached[m], cacheRead[m], cacheWrite[m], output[m], requests[m], input[m], readPrice[m], writePrice[m], outputPrice[m], requestPrice[m], share, discount[m], factor[m]);
            }
        }
    }

    /// <summary>
    /// The usage charge of tokens and requests at one price row, with no 1-hour cache writes (a scenario's workload has
    /// one cache-write share): <see cref="Charge(double, double, double, double, double, double, double, double, double, double, double, double, double, double, double)"/>
    /// with none, which adds an exact 0 and so gives the same IEEE result as the formula without that term.
    /// </summary>
    internal static double Charge(double uncached, double cacheRead, double cacheWrite, double output, double requests, double input, double readPrice, double writePrice, double outputPrice, double requestPrice, double batchShare, double batchDiscount, double factor) =>
        Charge(uncached, cacheRead, cacheWrite, 0, output, requests, input, readPrice, writePrice, 0, outputPrice, requestPrice, batchShare, batchDiscount, factor);

    /// <summary>
    /// The usage charge of tokens and requests at one price row: (uncached × input + cache reads × cached + 5-minute cache
    /// writes × cache-write + 1-hour cache writes × 1-hour cache-write + output × output price, each price × the decline
    /// factor) ÷ 10⁶ × (1 − batch share × batch discount) + requests × the per-request price × the decline factor. Prices
    /// are per 1M tokens.
    /// </summary>
    internal static double Charge(double uncached, double cacheRead, double cacheWrite, double oneHourCacheWrite, double output, double requests, double input, double readPrice, double writePrice, double oneHourWritePrice, double outputPrice, double requestPrice, double batchShare, double batchDiscount, double factor)
    {
        var tokens = (uncached * (input * factor)) + (cacheRead * (readPrice * factor)) + (cacheWrite * (writePrice * factor)) + (oneHourCacheWrite * (oneHourWritePrice * factor)) + (output * (outputPrice * factor));
        return (tokens / 1e6 * (1 - (batchShare * batchDiscount))) + (requests * (requestPrice * factor));
    }

    private static string Describe(ApiPrice row)
    {
        var tier = row.ContextThresholdTokens > 0 ? string.Create(CultureInfo.InvariantCulture, $", requests over {row.ContextThresholdTokens:N0} input tokens") : string.Empty;
        var cached = row.CachedInputPricePerMillionTokens is { } c ? string.Create(CultureInfo.InvariantCulture, $", cached input {c}") : string.Empty;
        var to = row.EffectiveTo is { } end ? " to " + Iso(end) : string.Empty;
        return string.Create(CultureInfo.InvariantCulture, $"api_prices.csv: {row.Provider} {row.ModelId} ({row.ServiceTier.ToString().ToLowerInvariant()}{tier}) from {Iso(row.EffectiveFrom)}{to}: input {row.InputPricePerMillionTokens}{cached}, output {row.OutputPricePerMillionTokens} {row.Currency} per 1M tokens; checked {Iso(row.CheckedOn)}.");
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>An API option's prices per profile and month, per 1M tokens (and per request), converted to double once.</summary>
    internal sealed class PriceTable(int profiles, int months)
    {
        public double[][] Input { get; } = WorkloadVolumes.Rows(profiles, months);

        public double[][] CacheRead { get; } = WorkloadVolumes.Rows(profiles, months);

        public double[][] CacheWrite { get; } = WorkloadVolumes.Rows(profiles, months);

        public double[][] Output { get; } = WorkloadVolumes.Rows(profiles, months);

        public double[][] PerRequest { get; } = WorkloadVolumes.Rows(profiles, months);

        /// <summary>
        /// Sets a profile's month from a price row, each price × <paramref name="toScenarioCurrency"/> (the month's exchange
        /// rate, 1 in the scenario's currency): a missing cached or cache-write price is the input price, a missing
        /// per-request price 0.
        /// </summary>
        public void Set(int p, int m, ApiPrice row, double toScenarioCurrency)
        {
            Input[p][m] = (double)row.InputPricePerMillionTokens * toScenarioCurrency;
            CacheRead[p][m] = (double)(row.CachedInputPricePerMillionTokens ?? row.InputPricePerMillionTokens) * toScenarioCurrency;
            CacheWrite[p][m] = (double)(row.CacheWritePricePerMillionTokens ?? row.InputPricePerMillionTokens) * toScenarioCurrency;
            Output[p][m] = (double)row.OutputPricePerMillionTokens * toScenarioCurrency;
            PerRequest[p][m] = (double)(row.PricePerRequest ?? 0m) * toScenarioCurrency;
        }
    }
}

/// <summary>The scratch buffers of one API option's bill, reused from one evaluation to the next.</summary>
internal sealed class ApiScratch(ApiPlan plan, int months)
{
    public double[] DeclineFactors { get; } = new double[plan.DistinctDays.Length];

    public double[] BatchDiscounts { get; } = new double[months];

    public double[] FactorRow { get; } = new double[months];

    public double[] Ones { get; } = Enumerable.Repeat(1.0, months).ToArray();

    /// <summary>Gets or sets the last month's total without the commitment after the horizon, as the last bill wrote it.</summary>
    public double LastMonthBeforeBeyond { get; set; }

    /// <summary>Gets or sets the commitment each month after the horizon pays.</summary>
    public double BeyondPayment { get; set; }

    /// <summary>Gets or sets the commitment of all the counted months after the horizon, held by the last month's total.</summary>
    public double BeyondNominal { get; set; }
}
