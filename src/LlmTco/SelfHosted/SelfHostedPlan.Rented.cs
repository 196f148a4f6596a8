using System.Globalization;
using LlmTco.Api;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.SelfHosted;

/// <summary>Rented GPUs: the offers of every month looked up once, and the rental bill (on demand, or reserved terms with on-demand overflow).</summary>
internal sealed partial class SelfHostedPlan
{
    private const double Hours = CapacityMath.HoursPerMonth;

    private GpuRentalOffer?[] planOffers = [];
    private GpuRentalOffer?[] onDemandOffers = [];
    private double[] planPrice = [];
    private double[] onDemandPrice = [];
    private int term;
    private int? committedGpus;

    public int CommittedSlot { get; private set; }
    private PricingCatalog? rentalCatalog;
    private Gpu? rentalGpu;

    /// <summary>Gets whether the GPUs are rented (otherwise owned).</summary>
    public bool Rented { get; private set; }

    public int RentalPriceSlot { get; private set; }

    private void CompileRented(PricingCatalog catalog, RentedCompute rented, Gpu gpu, Scenario scenario, DateOnly[] monthStarts, PlanParameters prm, string at, bool describe)
    {
        Rented = true;
        rentalCatalog = catalog;
        rentalGpu = gpu;
        RentalPriceSlot = prm.Add(at + ".rented.pricePerGpuHour", rented.PricePerGpuHour, ParameterRule.Positive);
        term = rented.Plan switch
        {
            RentalPlan.Reserved1Year => 12,
            RentalPlan.Reserved3Year => 36,
            _ => 0,
        };
        committedGpus = rented.CommittedGpus;
        CommittedSlot = prm.Add(at + ".rented.committedGpus", rented.CommittedGpus, ParameterRule.Gpus);

        // The GPU's offers of the provider and region on the two plans this option can bill, found once; each month's offer
        // is then chosen among them exactly as catalog.FindRentalOffer chooses among all offers. A month without an offer
        // in the scenario's currency has no price (NaN): an error only if the bill needs it.
        var offersOfGpu = catalog.RentalOffersOf(gpu);
        var forPlan = PricingCatalog.FilterRentalOffers(offersOfGpu, rented.Provider, rented.Plan, rented.Region, rented.Sku);
        var forOnDemand = PricingCatalog.FilterRentalOffers(offersOfGpu, rented.Provider, RentalPlan.OnDemand, rented.Region, null);
        planOffers = new GpuRentalOffer?[months];
        onDemandOffers = new GpuRentalOffer?[months];
        planPrice = new double[months];
        onDemandPrice = new double[months];
        for (var m = 0; m < months; m++)
        {
            planOffers[m] = PricingCatalog.SelectRentalOffer(forPlan, rented.Provider, rented.Plan, monthStarts[m], rented.Region, rented.Sku);
            planPrice[m] = PriceOf(planOffers[m], m) * DeclineOf(planOffers[m], forPlan, rented.YearlyPriceDecline, monthStarts[m], scenario.StartDate);
            onDemandOffers[m] = term == 0 ? null : PricingCatalog.SelectRentalOffer(forOnDemand, rented.Provider, RentalPlan.OnDemand, monthStarts[m], rented.Region, null);
            onDemandPrice[m] = PriceOf(onDemandOffers[m], m) * DeclineOf(onDemandOffers[m], forOnDemand, rented.YearlyPriceDecline, monthStarts[m], scenario.StartDate);
        }

        if (!describe)
        {
            return;
        }

        // Where the offers used go: known only once the months' GPUs are (see UsedOffers).
        assumptions.Add(null);
        var first = Math.Min(Lead, months);
        if (term > 0 && first < months)
        {
            var lastTermStart = first + ((months - 1 - first) / term * term);
            if (lastTermStart + term > months)
            {
                Add(AssumptionKind.Warning, rented.CountCommitmentBeyondHorizon
                    ? string.Create(CultureInfo.InvariantCulture, $"The reserved term that starts in month {lastTermStart + 1} runs {lastTermStart + term - months} month(s) past the horizon; its committed rent for those months is counted in full, in month {months}'s 'commitment beyond horizon' line, each payment discounted at its own month in the NPV (rented.countCommitmentBeyondHorizon: false leaves it out).")
                    : string.Create(CultureInfo.InvariantCulture, $"The reserved term that starts in month {lastTermStart + 1} runs {lastTermStart + term - months} month(s) past the horizon; those committed months are not counted (rented.countCommitmentBeyondHorizon is false)."));
            }
        }

        if (rented.YearlyPriceDecline > 0 && planOffers[Math.Min(Lead, months - 1)] is { } offer)
        {
            var from = DeclineFactor.ReferenceDate(offer.EffectiveFrom, offer.CheckedOn, scenario.StartDate);
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"GPU rental prices decline {rented.YearlyPriceDecline:P1} a year from the last date each offer's price is known to hold ({Iso(from)} for {offer.Provider} {offer.Sku}: the latest of its effective date, the date it was checked and the scenario's start): price × (1 − {rented.YearlyPriceDecline})^(years since that date); a reserved term keeps its first month's price{(rented.PricePerGpuHour is null ? string.Empty : "; the price given in the scenario does not decline")}."));
        }

        if (term > 0)
        {
            Add(AssumptionKind.Choice, rented.CommittedGpus is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"Reserved plan: {c} GPUs committed and billed every month of each {term}-month term; GPUs needed above that bill on demand.")
                : string.Create(CultureInfo.InvariantCulture, $"Reserved plan: each {term}-month term commits the most GPUs needed during that term, billed every month of the term."));
        }
    }

    /// <summary>
    /// The yearly decline's factor for an offer in a month (<see cref="DeclineFactor"/>): only for the latest offer of its
    /// SKU, plan and region (a price a later row replaces does not decline), 1 otherwise or without a decline.
    /// </summary>
    private static double DeclineOf(GpuRentalOffer? offer, GpuRentalOffer[] offers, double decline, DateOnly monthStart, DateOnly start) =>
        offer is not null && decline > 0 && !offers.Any(o => o.EffectiveFrom > offer.EffectiveFrom && o.Plan == offer.Plan && string.Equals(o.Sku, offer.Sku, StringComparison.OrdinalIgnoreCase) && string.Equals(o.Region, offer.Region, StringComparison.OrdinalIgnoreCase))
            ? DeclineFactor.Of(decline, DeclineFactor.Days(monthStart, DeclineFactor.ReferenceDate(offer.EffectiveFrom, offer.CheckedOn, start)))
            : 1;

    /// <summary>An offer's price in the scenario's currency in month <paramref name="month"/> (converted at its rate), or NaN without an offer or a rate.</summary>
    private double PriceOf(GpuRentalOffer? offer, int month) =>
        offer is not null && fx.TryFactor(offer.Currency, month, out var toScenarioCurrency) ? (double)offer.PricePerGpuHour * toScenarioCurrency : double.NaN;

    /// <summary>
    /// The rental line of every month from the lead time: on demand, GPUs × 730 h × the month's price; on a reserved plan,
    /// each term commits its busiest month's GPUs (or the committed GPUs given) at the price in force on the term's first
    /// month, and GPUs above a given commitment bill on demand. Also the steady cost of a replica at the first month served.
    /// </summary>
    private bool BillRented(double[] p, PlanWorkspace ws, SelfHostedLines lines, int[] gpus, int lead)
    {
        unchecked
        {
            var given = p[RentalPriceSlot];
            var hasPrice = !double.IsNaN(given);
            var fixedCommitment = p[CommittedSlot];
            var first = Math.Min(lead, months);
            var rental = lines.Rental;
            if (term == 0)
            {
                for (var m = first; m < months; m++)
                {
                    var price = hasPrice ? given : planPrice[m];
                    if (double.IsNaN(price))
                    {
                        return Fail(ws, m, onDemand: false);
                    }

                    rental[m] = gpus[m] * Hours * price;
                }
            }
            else
            {
                var committed = 0;
                var termPrice = 0.0;
                var termStart = first;
                for (; termStart < months; termStart += term)
                {
                    var count = Math.Min(term, months - termStart);
                    termPrice = hasPrice ? given : planPrice[termStart];
                    if (double.IsNaN(termPrice))
                    {
                        return Fail(ws, termStart, onDemand: false);
                    }

                    committed = double.IsNaN(fixedCommitment) ? MaxOver(gpus, termStart, count) : (int)fixedCommitment;
                    for (var m = termStart; m < termStart + count; m++)
                    {
                        var overflow = Math.Max(0, gpus[m] - committed);
                        if (overflow > 0 && double.IsNaN(onDemandPrice[m]))
                        {
                            return Fail(ws, m, onDemand: true);
                        }

                        // A reservation fixes its price for the term: the price in force on the term's first month.
                        rental[m] = (committed * Hours * termPrice) + (overflow > 0 ? overflow * Hours * onDemandPrice[m] : 0);
                        gpus[m] = Math.Max(gpus[m], committed);
                    }
                }

                // The last term's committed months after the horizon: paid in full unless the scenario cuts them.
                if (first < months && Option.Rented!.CountCommitmentBeyondHorizon)
                {
                    lines.BeyondMonths = termStart - months;
                    lines.BeyondPayment = committed * Hours * termPrice;
                }
            }

            var steadyPrice = hasPrice ? given : planPrice[lead];
            if (double.IsNaN(steadyPrice))
            {
                return Fail(ws, lead, onDemand: false);
            }

            ws.SteadyCostPerReplica[Index] = GpusPerReplica * Hours * steadyPrice;
            return true;
        }
    }

    private bool Fail(PlanWorkspace ws, int month, bool onDemand)
    {
        ws.Failure = new PlanFailure(PlanFailureKind.NoRentalPrice, OptionIndex, month, onDemand, 0, 0, 0);
        return false;
    }

    private static int MaxOver(int[] values, int start, int count)
    {
        unchecked
        {
            var max = int.MinValue;
            for (var i = start; i < start + count; i++)
            {
                max = Math.Max(max, values[i]);
            }

            return max;
        }
    }

    /// <summary>The error for a month without a rental price: no offer on the date, or an offer in another currency without an exchange rate.</summary>
    private Exception RentalPriceException(PricingCatalog catalog, Scenario scenario, bool onDemand, int month, DateOnly[] monthStarts)
    {
        var rented = Option.Rented!;
        var plan = onDemand ? RentalPlan.OnDemand : rented.Plan;
        var offer = onDemand ? onDemandOffers[month] : planOffers[month];
        return offer is null
            ? catalog.NoRentalOffer(rented.Provider, rentalGpu!, plan, monthStarts[month], rented.Region)
            : fx.Missing(offer.Currency, month);
    }

    /// <summary>The table rows of the rental offers the bill in <paramref name="ws"/> used, in the order it first used them.</summary>
    private IEnumerable<Assumption> UsedOffers(PlanWorkspace ws)
    {
        var rented = Option.Rented!;
        if (rented.PricePerGpuHour is not null && term == 0)
        {
            yield break;
        }

        var seen = new HashSet<GpuRentalOffer>();
        var capacity = ws.Replicas[Index];
        var first = Math.Min(Lead, months);
        for (var m = first; m < months; m++)
        {
            var termStart = term == 0 ? m : first + ((m - first) / term * term);
            if (rented.PricePerGpuHour is null && seen.Add(planOffers[termStart]!))
            {
                yield return OfferRow(planOffers[termStart]!, rented.Plan);
            }

            if (term > 0 && committedGpus is { } committed && (capacity[m] * GpusPerReplica) - committed > 0 && seen.Add(onDemandOffers[m]!))
            {
                yield return OfferRow(onDemandOffers[m]!, RentalPlan.OnDemand);
            }
        }
    }

    private Assumption OfferRow(GpuRentalOffer offer, RentalPlan plan) =>
        new(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpu_rentals.csv: {offer.Provider} {offer.Sku} ({offer.GpusPerInstance} × {offer.GpuModel}), {Words.ToWord(plan)}, {offer.Region}, from {Iso(offer.EffectiveFrom)}: {offer.PricePerGpuHour} {offer.Currency} per GPU-hour; checked {Iso(offer.CheckedOn)}."), offer.SourceUrl) { Row = offer };
}
