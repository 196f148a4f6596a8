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

    private RentalCandidate[][] planCandidates = [];
    private RentalCandidate[][] onDemandCandidates = [];
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
        planCandidates = new RentalCandidate[months][];
        onDemandCandidates = new RentalCandidate[months][];
        for (var m = 0; m < months; m++)
        {
            planCandidates[m] = Candidates(forPlan, rented.Plan, monthStarts[m], m, scenario.StartDate, rented.YearlyPriceDecline, m > 0 ? planCandidates[m - 1] : null);
            onDemandCandidates[m] = term == 0 ? [] : Candidates(forOnDemand, RentalPlan.OnDemand, monthStarts[m], m, scenario.StartDate, rented.YearlyPriceDecline, m > 0 ? onDemandCandidates[m - 1] : null);
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

        if (rented.PricePerGpuHour is not null)
        {
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"The rental price given in the scenario ({rented.PricePerGpuHour} per GPU-hour) bills each GPU the replicas use, not whole instances."));
        }
        else
        {
            Add(AssumptionKind.Choice, "Rentals are billed per instance, as providers sell them: GPUs billed = instances × the offer's GPUs per instance, with replicas packed into instances (a replica larger than an instance takes whole instances); each month takes the offer whose instances cost least for the replicas needed. The break-even volume's steady state uses the price per GPU of that offer, so it assumes full instances.");
        }

        if (rented.YearlyPriceDecline > 0 && planCandidates[Math.Min(Lead, months - 1)] is [{ Offer: var offer }, ..])
        {
            var from = DeclineFactor.ReferenceDate(offer.EffectiveFrom, offer.CheckedOn, scenario.StartDate);
            Add(AssumptionKind.Choice, string.Create(CultureInfo.InvariantCulture, $"GPU rental prices decline {rented.YearlyPriceDecline:P1} a year from the last date each offer's price is known to hold ({Iso(from)} for {offer.Provider} {offer.Sku}: the latest of its effective date, the date it was checked and the scenario's start): price × (1 − {rented.YearlyPriceDecline})^(years since that date); a reserved term keeps its first month's price{(rented.PricePerGpuHour is null ? string.Empty : "; the price given in the scenario does not decline")}."));
        }

        if (term > 0)
        {
            Add(AssumptionKind.Choice, rented.CommittedGpus is { } c
                ? string.Create(CultureInfo.InvariantCulture, $"Reserved plan: {c} GPUs committed and billed every month of each {term}-month term; GPUs needed above that bill on demand.")
                : string.Create(CultureInfo.InvariantCulture, $"Reserved plan: each {term}-month term commits the instances its busiest month needs, billed every month of the term."));
        }
    }

    /// <summary>
    /// The yearly decline's factor for an offer in a month (<see cref="DeclineFactor"/>): only for the latest offer of its
    /// SKU, plan and region (a price a later row replaces does not decline), 1 otherwise or without a decline.
    /// </summary>
    private static double DeclineOf(GpuRentalOffer offer, GpuRentalOffer[] offers, double decline, DateOnly monthStart, DateOnly start) =>
        decline > 0 && !offers.Any(o => o.EffectiveFrom > offer.EffectiveFrom && o.Plan == offer.Plan && string.Equals(o.Sku, offer.Sku, StringComparison.OrdinalIgnoreCase) && string.Equals(o.Region, offer.Region, StringComparison.OrdinalIgnoreCase))
            ? DeclineFactor.Of(decline, DeclineFactor.Days(monthStart, DeclineFactor.ReferenceDate(offer.EffectiveFrom, offer.CheckedOn, start)))
            : 1;

    /// <summary>
    /// The offers in force on a day among <paramref name="offers"/> (one provider, plan and GPU, already filtered by
    /// region and SKU): for each SKU and region the one with the latest <c>effective_from</c> on or before the day (the
    /// first in table order on a tie), cheapest per GPU-hour in the scenario's currency first (converted at month
    /// <paramref name="month"/>'s rate), then by SKU (ordinal), then in table order, as
    /// <see cref="PricingCatalog.SelectRentalOffer"/> ranks them. An offer without an exchange rate has no price (NaN) and comes last.
    /// </summary>
    private RentalCandidate[] Candidates(GpuRentalOffer[] offers, RentalPlan plan, DateOnly day, int month, DateOnly start, double decline, RentalCandidate[]? previous)
    {
        var latest = new List<(GpuRentalOffer Offer, int Order)>();
        for (var i = 0; i < offers.Length; i++)
        {
            var o = offers[i];
            if (o.Plan != plan || o.EffectiveFrom > day)
            {
                continue;
            }

            var at = latest.FindIndex(x => string.Equals(x.Offer.Sku, o.Sku, StringComparison.OrdinalIgnoreCase) && string.Equals(x.Offer.Region, o.Region, StringComparison.OrdinalIgnoreCase));
            if (at < 0)
            {
                latest.Add((o, latest.Count));
            }
            else if (o.EffectiveFrom > latest[at].Offer.EffectiveFrom)
            {
                latest[at] = (o, latest[at].Order);
            }
        }

        // The month before's candidates when nothing changed (the same offers at the same prices): most months.
        if (previous is not null && previous.Length == latest.Count && latest.TrueForAll(x => Array.Exists(previous, c => ReferenceEquals(c.Offer, x.Offer) && c.Price.Equals(PriceOf(x.Offer, month) * DeclineOf(x.Offer, offers, decline, day, start)))))
        {
            return previous;
        }

        return latest
            .Select(x => (x.Offer, x.Order, Price: PriceOf(x.Offer, month)))
            .OrderBy(x => double.IsNaN(x.Price)).ThenBy(x => x.Price).ThenBy(x => x.Offer.Sku, StringComparer.Ordinal).ThenBy(x => x.Order)
            .Select(x => new RentalCandidate(x.Offer, x.Price * DeclineOf(x.Offer, offers, decline, day, start)))
            .ToArray();
    }

    /// <summary>An offer's price in the scenario's currency in month <paramref name="month"/> (converted at its rate), or NaN without an offer or a rate.</summary>
    private double PriceOf(GpuRentalOffer? offer, int month) =>
        offer is not null && fx.TryFactor(offer.Currency, month, out var toScenarioCurrency) ? (double)offer.PricePerGpuHour * toScenarioCurrency : double.NaN;

    /// <summary>
    /// The GPUs billed for <paramref name="replicas"/> replicas of <paramref name="gpusPerReplica"/> GPUs on instances of
    /// <paramref name="gpusPerInstance"/>: replicas packed ⌊instance ÷ replica⌋ to an instance, or ⌈replica ÷ instance⌉
    /// instances to a replica, × the GPUs of an instance.
    /// </summary>
    internal static long GpusBilled(int replicas, int gpusPerReplica, int gpusPerInstance)
    {
        if (replicas <= 0)
        {
            return 0;
        }

        long instances = gpusPerReplica <= gpusPerInstance
            ? ((long)replicas + (gpusPerInstance / gpusPerReplica) - 1) / (gpusPerInstance / gpusPerReplica)
            : (long)replicas * ((gpusPerReplica + gpusPerInstance - 1) / gpusPerInstance);
        return instances * gpusPerInstance;
    }

    /// <summary>How many whole replicas <paramref name="gpus"/> GPUs bought as instances of <paramref name="gpusPerInstance"/> hold.</summary>
    internal static int ReplicasIn(long gpus, int gpusPerReplica, int gpusPerInstance) =>
        (int)Math.Min(int.MaxValue, gpusPerReplica <= gpusPerInstance
            ? (gpus / gpusPerInstance * (gpusPerInstance / gpusPerReplica)) + (gpus % gpusPerInstance / gpusPerReplica)
            : gpus / ((long)((gpusPerReplica + gpusPerInstance - 1) / gpusPerInstance) * gpusPerInstance));

    /// <summary>The candidate whose instances cost least for the replicas (the first in rank on a tie), or −1 when none has a price.</summary>
    private int Cheapest(RentalCandidate[] candidates, int replicas, out long gpus)
    {
        var best = -1;
        gpus = 0;
        var bestCost = double.PositiveInfinity;
        for (var i = 0; i < candidates.Length; i++)
        {
            var c = candidates[i];
            if (double.IsNaN(c.Price))
            {
                continue;
            }

            var billed = GpusBilled(replicas, GpusPerReplica, c.Offer.GpusPerInstance);
            var cost = billed * c.Price;
            if (best < 0 || cost < bestCost)
            {
                (best, bestCost, gpus) = (i, cost, billed);
            }
        }

        return best;
    }

    /// <summary>
    /// The rental line of every month from the lead time, in whole instances: on demand, the GPUs billed × 730 h × the
    /// month's price of the offer whose instances cost least; on a reserved plan, each term commits, at the price in force
    /// on its first month, the instances of its busiest month (or the committed GPUs given), and replicas above a given
    /// commitment bill on demand in instances of their own. Also the steady cost of a replica at the first month served.
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
            var replicas = ws.Replicas[Index];
            var choice = ws.OfferChoice[Index];
            var odChoice = ws.OnDemandChoice[Index];
            Array.Fill(choice, -1);
            Array.Fill(odChoice, -1);
            if (term == 0)
            {
                for (var m = first; m < months; m++)
                {
                    long billed;
                    if (replicas[m] == 0)
                    {
                        billed = 0;
                    }
                    else if (hasPrice)
                    {
                        billed = (long)replicas[m] * GpusPerReplica;
                        rental[m] = billed * Hours * given;
                    }
                    else
                    {
                        var c = Cheapest(planCandidates[m], replicas[m], out billed);
                        if (c < 0)
                        {
                            return Fail(ws, m, onDemand: false);
                        }

                        choice[m] = c;
                        rental[m] = billed * Hours * planCandidates[m][c].Price;
                    }

                    gpus[m] = (int)billed;
                }
            }
            else
            {
                long committed = 0;
                var termPrice = 0.0;
                var termStart = first;
                for (; termStart < months; termStart += term)
                {
                    var count = Math.Min(term, months - termStart);
                    var busiest = MaxOver(replicas, termStart, count);
                    int served;
                    if (!double.IsNaN(fixedCommitment))
                    {
                        // The committed GPUs given, at the offer cheapest per GPU-hour (the first ranked with a price).
                        committed = (long)fixedCommitment;
                        var c = hasPrice ? -1 : Array.FindIndex(planCandidates[termStart], x => !double.IsNaN(x.Price));
                        if (!hasPrice && c < 0)
                        {
                            return Fail(ws, termStart, onDemand: false);
                        }

                        termPrice = hasPrice ? given : planCandidates[termStart][c].Price;
                        served = ReplicasIn(committed, GpusPerReplica, hasPrice ? 1 : planCandidates[termStart][c].Offer.GpusPerInstance);
                        choice[termStart] = c;
                    }
                    else if (busiest == 0)
                    {
                        (committed, termPrice, served) = (0, 0, 0);
                    }
                    else if (hasPrice)
                    {
                        (committed, termPrice, served) = ((long)busiest * GpusPerReplica, given, busiest);
                    }
                    else
                    {
                        var c = Cheapest(planCandidates[termStart], busiest, out committed);
                        if (c < 0)
                        {
                            return Fail(ws, termStart, onDemand: false);
                        }

                        (termPrice, served) = (planCandidates[termStart][c].Price, busiest);
                        choice[termStart] = c;
                    }

                    for (var m = termStart; m < termStart + count; m++)
                    {
                        // A reservation fixes its price for the term: the price in force on the term's first month.
                        var overflow = Math.Max(0, replicas[m] - served);
                        long overflowGpus = 0;
                        var overflowCost = 0.0;
                        if (overflow > 0)
                        {
                            var od = Cheapest(onDemandCandidates[m], overflow, out overflowGpus);
                            if (od < 0)
                            {
                                return Fail(ws, m, onDemand: true);
                            }

                            odChoice[m] = od;
                            overflowCost = overflowGpus * Hours * onDemandCandidates[m][od].Price;
                        }

                        rental[m] = (committed * Hours * termPrice) + overflowCost;
                        gpus[m] = (int)Math.Min(int.MaxValue, committed + overflowGpus);
                    }
                }

                // The last term's committed months after the horizon: paid in full unless the scenario cuts them.
                if (first < months && Option.Rented!.CountCommitmentBeyondHorizon)
                {
                    lines.BeyondMonths = termStart - months;
                    lines.BeyondPayment = committed * Hours * termPrice;
                }
            }

            // The steady state: a replica at the price per GPU-hour of the offer the first month served would take for
            // many replicas (full instances), as a staircase of replicas.
            double steadyPrice;
            if (hasPrice)
            {
                steadyPrice = given;
            }
            else
            {
                var c = Cheapest(planCandidates[lead], ReplicaCount.Max, out _);
                if (c < 0)
                {
                    return Fail(ws, lead, onDemand: false);
                }

                steadyPrice = planCandidates[lead][c].Price;
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
        var candidates = onDemand ? onDemandCandidates[month] : planCandidates[month];
        return candidates.Length == 0
            ? catalog.NoRentalOffer(rented.Provider, rentalGpu!, plan, monthStarts[month], rented.Region)
            : fx.Missing(candidates[0].Offer.Currency, month);
    }

    /// <summary>The table rows of the rental offers the bill in <paramref name="ws"/> used, in the order it first used them.</summary>
    private IEnumerable<Assumption> UsedOffers(PlanWorkspace ws)
    {
        var rented = Option.Rented!;
        var seen = new HashSet<GpuRentalOffer>();
        var choice = ws.OfferChoice[Index];
        var odChoice = ws.OnDemandChoice[Index];
        for (var m = Math.Min(Lead, months); m < months; m++)
        {
            if (choice[m] >= 0 && seen.Add(planCandidates[m][choice[m]].Offer))
            {
                yield return OfferRow(planCandidates[m][choice[m]].Offer, rented.Plan);
            }

            if (odChoice[m] >= 0 && seen.Add(onDemandCandidates[m][odChoice[m]].Offer))
            {
                yield return OfferRow(onDemandCandidates[m][odChoice[m]].Offer, RentalPlan.OnDemand);
            }
        }
    }

    private Assumption OfferRow(GpuRentalOffer offer, RentalPlan plan) =>
        new(Option.Name, AssumptionKind.TableRow, string.Create(CultureInfo.InvariantCulture, $"gpu_rentals.csv: {offer.Provider} {offer.Sku} ({offer.GpusPerInstance} × {offer.GpuModel}), {Words.ToWord(plan)}, {offer.Region}, from {Iso(offer.EffectiveFrom)}: {offer.PricePerGpuHour} {offer.Currency} per GPU-hour; checked {Iso(offer.CheckedOn)}."), offer.SourceUrl) { Row = offer };
}

/// <summary>A rental offer in force in a month, with its price per GPU-hour in the scenario's currency after any decline (NaN in another currency).</summary>
internal readonly record struct RentalCandidate(GpuRentalOffer Offer, double Price);
