using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;

namespace LlmTco.Uncertainty.Kernel;

/// <summary>The API and self-hosted options of the kernel: their catalog lookups, done once, and their per-trial arithmetic.</summary>
internal sealed partial class CompiledTrialEvaluator
{
    /// <summary>SelfHostedCostModel for one option and trial: throughput, replicas, every cost line, totals and steady state. False when the trial needs the engine.</summary>
    private bool EvaluateSelf(int s, double[] p, Workspace ws, Volumes v)
    {
        unchecked
        {
            var self = selves[s];
            var o = selfOption[s];
            var lines = ws.SelfLines[s];
            lines.Clear(self.Rented);
            var gpus = ws.Gpus[s];
            var lead = self.Lead;
            var utilization = p[self.UtilizationSlot];
            var minReplicas = (int)p[self.MinReplicasSlot];
            var redundancy = (int)p[self.RedundancySlot];
            var capacity = ws.Capacity[s];
            var twin = self.CapacityTwin;
            if (twin >= 0 && SameCapacityInputs(selves[twin], self, p))
            {
                // Same model, GPU, lead time and capacity inputs as an earlier option: the same replicas, to the last bit.
                ws.Capacity[twin].AsSpan(0, months).CopyTo(capacity);
                ws.ReplicasPerUnitScale[s] = ws.ReplicasPerUnitScale[twin];
            }
            else if (!Capacity(self, p, v, ws, capacity, out ws.ReplicasPerUnitScale[s]))
            {
                return false;
            }

            capacity.AsSpan(0, months).CopyTo(gpus);
            ws.MinReplicas[s] = minReplicas;
            ws.Redundancy[s] = redundancy;
            var ok = self.Rented ? BillRented(self, p, ws, lines, gpus) : BillOwned(self, p, ws, lines, gpus, utilization);
            if (!ok)
            {
                return false;
            }

            double storage = 0, egress = 0, fixedCost = 0;
            if (self.HasStorage)
            {
                var gb = p[self.GbHeldSlot];
                var egressGb = p[self.EgressGbSlot];
                var storagePrice = !double.IsNaN(p[self.StoragePriceSlot]) ? p[self.StoragePriceSlot] : gb > 0 ? self.StoragePriceLookup : 0;
                var egressPrice = !double.IsNaN(p[self.EgressPriceSlot]) ? p[self.EgressPriceSlot] : egressGb > 0 ? self.EgressPriceLookup : 0;
                if (double.IsNaN(storagePrice) || double.IsNaN(egressPrice))
                {
                    return false;
                }

                storage = gb * storagePrice;
                egress = egressGb * egressPrice;
                fixedCost += storage + egress;
            }

            if (!double.IsNaN(self.FineTuningSteady))
            {
                fixedCost += self.FineTuningSteady;
            }

            double people = 0, licences = 0, setup = 0;
            if (self.HasPeople)
            {
                people = p[self.FtesSlot] * p[self.YearlyCostSlot] / 12;
                licences = p[self.LicencesSlot] + p[self.SupportSlot];
                setup = p[self.SetupSlot];
                fixedCost += people + licences;
            }

            ws.SteadyFixedCost[s] = fixedCost;
            if (self.Bridge >= 0)
            {
                var fee = p[apis[self.Bridge].FeeSlot];
                for (var m = 0; m < lead; m++)
                {
                    lines.Bridge[m] = ws.Usage[self.Bridge][m] + ws.Shortfall[self.Bridge][m] + fee;
                }
            }

            var totals = ws.Totals[o];
            SumLines(lines, self.FineTuning, storage, egress, people, licences, setup, totals);
            return true;
        }
    }

    /// <summary>SelfHostedCostModel's replicas and GPUs month by month, and its replicas per unit of scale; false when the engine must decide.</summary>
    private bool Capacity(SelfModel self, double[] p, Volumes v, Workspace ws, int[] gpus, out double replicasPerUnitScale)
    {
        unchecked
        {
            replicasPerUnitScale = 0;
            var lead = self.Lead;
            var utilization = p[self.UtilizationSlot];
            var minReplicas = (int)p[self.MinReplicasSlot];
            var redundancy = (int)p[self.RedundancySlot];
            var ratio = p[ratioSlot];
            var tps = Throughput(self, p, v);
            if (double.IsNaN(tps))
            {
                return false;
            }

            Array.Clear(gpus, 0, Math.Min(lead, months));
            var perReplica = tps * utilization;
            var output = v.TotalOutput;
            var fractions = ws.Fractions;
            var ceilings = ws.Ceilings;
            var m = lead;
            if (Vector256.IsHardwareAccelerated)
            {
                // required = output ÷ seconds × ratio; fractional = required ÷ (tps × utilisation), 0 without traffic; and
                // ceil(fractional − 10⁻⁹): lane by lane the scalar operations.
                var seconds = Vector256.Create(CapacityMath.SecondsPerMonth);
                var vRatio = Vector256.Create(ratio);
                var vPerReplica = Vector256.Create(perReplica);
                var tolerance = Vector256.Create(ReplicaCount.Tolerance);
                ref var ou = ref MemoryMarshal.GetArrayDataReference(output);
                ref var fr = ref MemoryMarshal.GetArrayDataReference(fractions);
                ref var ce = ref MemoryMarshal.GetArrayDataReference(ceilings);
                for (; m <= months - 4; m += 4)
                {
                    var at = (nuint)m;
                    var required = Vector256.LoadUnsafe(ref ou, at) / seconds * vRatio;
                    var fractional = Vector256.ConditionalSelect(Vector256.LessThanOrEqual(required, Vector256<double>.Zero), Vector256<double>.Zero, required / vPerReplica);
                    fractional.StoreUnsafe(ref fr, at);
                    Vector256.Ceiling(fractional - tolerance).StoreUnsafe(ref ce, at);
                }
            }

            for (; m < months; m++)
            {
                var required = output[m] / CapacityMath.SecondsPerMonth * ratio;
                fractions[m] = required <= 0 ? 0 : required / perReplica;
                ceilings[m] = Math.Ceiling(fractions[m] - ReplicaCount.Tolerance);
            }

            for (m = lead; m < months; m++)
            {
                var fractional = fractions[m];
                if (!(fractional <= ReplicaCount.Max))
                {
                    return false;
                }

                // ReplicaCount.Of, with the ceilings computed above in vectors.
                // Unchecked: fractional ≤ ReplicaCount.Max was just checked, so the ceiling fits an int.
                var needed = fractional <= 0 ? 0 : Math.Max(1, unchecked((int)ceilings[m]));
                gpus[m] = checked((Math.Max(minReplicas, needed) + redundancy) * self.GpusPerReplica);
            }

            replicasPerUnitScale = tps <= 0 ? 0 : output[lead] / CapacityMath.SecondsPerMonth * ratio / perReplica;
            return true;
        }
    }

    private static bool SameCapacityInputs(SelfModel a, SelfModel b, double[] p) =>
        p[a.UtilizationSlot].Equals(p[b.UtilizationSlot]) && p[a.MinReplicasSlot].Equals(p[b.MinReplicasSlot])
        && p[a.RedundancySlot].Equals(p[b.RedundancySlot]) && p[a.ThroughputSlot].Equals(p[b.ThroughputSlot]);

    /// <summary>
    /// A self-hosted month's total: its line items in CostLine order, added one by one from 0 as TcoEngine.Months sums
    /// them (the API lines, and setup after month 1, are 0 and change nothing). Four months at a time where the CPU has
    /// 256-bit vectors: each lane performs the same additions in the same order.
    /// </summary>
    private void SumLines(SelfLines lines, double[] fineTuning, double storage, double egress, double people, double licences, double setup, double[] totals)
    {
        unchecked
        {
            double Month(int m) => 0.0 + lines.Bridge[m] + lines.Rental[m] + lines.Capital[m] + lines.Depreciation[m] + lines.Power[m] + lines.Hosting[m]
                + lines.Maintenance[m] + storage + egress + fineTuning[m] + people + licences;
            totals[0] = Month(0) + setup;
            var m = 1;
            if (Vector256.IsHardwareAccelerated)
            {
                var vStorage = Vector256.Create(storage);
                var vEgress = Vector256.Create(egress);
                var vPeople = Vector256.Create(people);
                var vLicences = Vector256.Create(licences);
                ref var br = ref MemoryMarshal.GetArrayDataReference(lines.Bridge);
                ref var re = ref MemoryMarshal.GetArrayDataReference(lines.Rental);
                ref var ca = ref MemoryMarshal.GetArrayDataReference(lines.Capital);
                ref var de = ref MemoryMarshal.GetArrayDataReference(lines.Depreciation);
                ref var po = ref MemoryMarshal.GetArrayDataReference(lines.Power);
                ref var ho = ref MemoryMarshal.GetArrayDataReference(lines.Hosting);
                ref var ma = ref MemoryMarshal.GetArrayDataReference(lines.Maintenance);
                ref var ft = ref MemoryMarshal.GetArrayDataReference(fineTuning);
                ref var to = ref MemoryMarshal.GetArrayDataReference(totals);
                for (; m <= months - 4; m += 4)
                {
                    var at = (nuint)m;
                    var total = Vector256<double>.Zero + Vector256.LoadUnsafe(ref br, at) + Vector256.LoadUnsafe(ref re, at) + Vector256.LoadUnsafe(ref ca, at)
                        + Vector256.LoadUnsafe(ref de, at) + Vector256.LoadUnsafe(ref po, at) + Vector256.LoadUnsafe(ref ho, at) + Vector256.LoadUnsafe(ref ma, at)
                        + vStorage + vEgress + Vector256.LoadUnsafe(ref ft, at) + vPeople + vLicences;
                    total.StoreUnsafe(ref to, at);
                }
            }

            for (; m < months; m++)
            {
                totals[m] = Month(m);
            }
        }
    }

    /// <summary>
    /// Every option's cumulative and discounted cumulative costs, two options at a time: each option's sums are added in
    /// the engine's order, and the two options' independent chains of additions overlap in the CPU.
    /// </summary>
    private void AccumulateAll(Workspace ws, double[] factors)
    {
        var options = ws.Totals.Length;
        var o = 0;
        for (; o + 1 < options; o += 2)
        {
            Accumulate(ws.Totals[o], ws.Totals[o + 1], factors, ws.Cumulative[o], ws.Discounted[o], ws.Cumulative[o + 1], ws.Discounted[o + 1]);
        }

        if (o < options)
        {
            Accumulate(ws.Totals[o], factors, ws.Cumulative[o], ws.Discounted[o]);
        }
    }

    /// <summary>Two options' cumulative and discounted cumulative costs, as TcoEngine.Months accumulates each.</summary>
    private void Accumulate(double[] totalsA, double[] totalsB, double[] factors, double[] cumulativeA, double[] discountedA, double[] cumulativeB, double[] discountedB)
    {
        unchecked
        {
            double sumA = 0, discountA = 0, sumB = 0, discountB = 0;
            for (var m = 0; m < months; m++)
            {
                var factor = factors[m];
                var a = totalsA[m];
                var b = totalsB[m];
                sumA += a;
                discountA += a * factor;
                sumB += b;
                discountB += b * factor;
                cumulativeA[m] = sumA;
                discountedA[m] = discountA;
                cumulativeB[m] = sumB;
                discountedB[m] = discountB;
            }
        }
    }

    /// <summary>The cumulative and discounted cumulative costs, as TcoEngine.Months accumulates them.</summary>
    private static void Accumulate(double[] totals, double[] factors, double[] cumulativeRow, double[] discountedRow)
    {
        unchecked
        {
            double cumulative = 0, discounted = 0;
            for (var m = 0; m < totals.Length; m++)
            {
                var total = totals[m];
                cumulative += total;
                discounted += total * factors[m];
                cumulativeRow[m] = cumulative;
                discountedRow[m] = discounted;
            }
        }
    }

    /// <summary>The replica throughput, resolved as SelfHostedCostModel.ResolveThroughput does; NaN when the engine must decide.</summary>
    private double Throughput(SelfModel self, double[] p, Volumes v)
    {
        var given = p[self.ThroughputSlot];
        if (!double.IsNaN(given))
        {
            return given;
        }

        if (self.RowThroughput.Length == 1)
        {
            return self.RowThroughput[0];
        }

        var (ok, input, output) = Shape(self.Lead, v);
        if (!ok)
        {
            return double.NaN;
        }

        if (input.Equals(self.BaseShapeInput) && output.Equals(self.BaseShapeOutput))
        {
            return self.BaseThroughput;
        }

        if (self.RowThroughput.Length == 0)
        {
            return CapacityMath.RooflineOutputTokensPerSecond(self.WeightBytes, self.Concurrency, input, output, self.KvBytesPerToken, self.Bandwidth, self.Mbu, self.ActiveParameters, self.Flops, self.Mfu);
        }

        // The row whose request shape is nearest (log distance), the slower one on a tie, the first on a full tie.
        var best = -1;
        var bestDistance = 0.0;
        for (var i = 0; i < self.RowThroughput.Length; i++)
        {
            var distance = Math.Abs(Math.Log(self.RowInput[i] / Math.Max(input, 1))) + Math.Abs(Math.Log(self.RowOutput[i] / Math.Max(output, 1)));
            if (best < 0 || distance < bestDistance || (distance == bestDistance && self.RowThroughputExact[i] < self.RowThroughputExact[best]))
            {
                best = i;
                bestDistance = distance;
            }
        }

        return self.RowThroughput[best];
    }

    /// <summary>WorkloadVolumes.MeanRequestShape of the first month from the lead time with output (false when that month has no requests).</summary>
    private (bool Ok, double Input, double Output) Shape(int lead, Volumes v)
    {
        var month = lead;
        for (var m = lead; m < months; m++)
        {
            if (v.TotalOutput[m] > 0)
            {
                month = m;
                break;
            }
        }

        double requests = 0, input = 0, output = 0;
        for (var i = 0; i < profiles.Length; i++)
        {
            requests += v.Requests[i][month];
            input += v.Requests[i][month] * profiles[i].InputTokens;
            output += v.Requests[i][month] * profiles[i].OutputTokens;
        }

        return requests > 0 ? (true, input / requests, output / requests) : (false, 0, 0);
    }

    private bool BillRented(SelfModel self, double[] p, Workspace ws, SelfLines lines, int[] gpus)
    {
        unchecked
        {
            var given = p[self.RentalPriceSlot];
            var first = Math.Min(self.Lead, months);
            var term = self.Term;
            var rental = lines.Rental;
            var plan = self.PlanPrice;
            var onDemand = self.OnDemandPrice;
            var hasPrice = !double.IsNaN(given);
            if (term == 0)
            {
                for (var m = first; m < months; m++)
                {
                    var price = hasPrice ? given : plan[m];
                    if (double.IsNaN(price))
                    {
                        return false;
                    }

                    rental[m] = gpus[m] * Hours * price;
                }
            }
            else if (self.CommittedGpus is null)
            {
                if (!hasPrice && !self.PlanPricedFromLead)
                {
                    return false;
                }

                // Each term commits to its busiest month, so no month overflows it: the month-by-month loop below, a term
                // at a time (the same products, plus the same 0 for the overflow that never happens).
                for (var termStart = first; termStart < months; termStart += term)
                {
                    var count = Math.Min(term, months - termStart);
                    var committed = MaxOver(gpus, termStart, count);
                    var termPrice = hasPrice ? given : plan[termStart];
                    Array.Fill(rental, (committed * Hours * termPrice) + 0, termStart, count);
                    Array.Fill(gpus, committed, termStart, count);
                }
            }
            else
            {
                var committed = 0;
                var termPrice = 0.0;
                var termStart = first;
                var fixedCommitment = self.CommittedGpus;
                for (var m = first; m < months; m++)
                {
                    var price = hasPrice ? given : plan[m];
                    if (double.IsNaN(price))
                    {
                        return false;
                    }

                    // first + ((m − first) / term × term), kept up month by month.
                    if (m - termStart >= term)
                    {
                        termStart += term;
                    }

                    if (m == termStart)
                    {
                        committed = fixedCommitment ?? MaxOver(gpus, termStart, Math.Min(term, months - termStart));
                        termPrice = price;
                    }

                    var overflow = Math.Max(0, gpus[m] - committed);
                    if (overflow > 0 && double.IsNaN(onDemand[m]))
                    {
                        return false;
                    }

                    // A reservation fixes its price for the term: the price in force on the term's first month.
                    rental[m] = (committed * Hours * termPrice) + (overflow > 0 ? overflow * Hours * onDemand[m] : 0);
                    gpus[m] = Math.Max(gpus[m], committed);
                }
            }

            var steadyPrice = hasPrice ? given : plan[self.Lead];
            if (double.IsNaN(steadyPrice))
            {
                return false;
            }

            ws.SteadyCostPerReplica[self.Index] = self.GpusPerReplica * Hours * steadyPrice;
            return true;
        }
    }

    private bool BillOwned(SelfModel self, double[] p, Workspace ws, SelfLines lines, int[] gpus, double utilization)
    {
        var unitPrice = !double.IsNaN(p[self.UnitPriceSlot]) ? p[self.UnitPriceSlot] : self.ListedUnitPrice;
        var pue = !double.IsNaN(p[self.PueSlot]) ? p[self.PueSlot] : self.PueLookup;
        var kwh = !double.IsNaN(p[self.KwhSlot]) ? p[self.KwhSlot] : self.KwhLookup;
        var hostingPerKw = !double.IsNaN(p[self.HostingSlot]) ? p[self.HostingSlot] : self.HostingLookup;
        if (double.IsNaN(unitPrice) || double.IsNaN(pue) || double.IsNaN(kwh) || double.IsNaN(hostingPerKw))
        {
            return false;
        }

        var capitalPerGpu = unitPrice + p[self.OverheadSlot];
        var load = !double.IsNaN(p[self.LoadSlot]) ? p[self.LoadSlot] : utilization;
        var maintenance = p[self.MaintenanceSlot];
        var life = self.UsefulLifeMonths;
        var kw = self.KwPerGpu;
        var purchaseMonths = ws.PurchaseMonths;
        var purchaseCapital = ws.PurchaseCapital;
        var purchases = 0;
        var installed = 0;
        var capitalSoFar = 0.0;
        for (var m = Math.Min(self.Lead, months); m < months; m++)
        {
            if (gpus[m] > installed)
            {
                var capital = (gpus[m] - installed) * capitalPerGpu;
                purchaseMonths[purchases] = m;
                purchaseCapital[purchases] = capital;
                purchases++;
                capitalSoFar += capital;
                installed = gpus[m];
                if (self.CashView)
                {
                    lines.Capital[m] = capital;
                }
            }

            gpus[m] = installed;
            if (!self.CashView)
            {
                var depreciation = 0.0;
                for (var k = 0; k < purchases; k++)
                {
                    if (m < purchaseMonths[k] + life)
                    {
                        depreciation += purchaseCapital[k] / life;
                    }
                }

                lines.Depreciation[m] = depreciation;
            }

            lines.Power[m] = installed * kw * load * pue * Hours * kwh;
            lines.Hosting[m] = (installed * kw * hostingPerKw) + (Math.Ceiling(installed / (double)self.GpusPerServer) * self.HostingPerServerMonth);
            lines.Maintenance[m] = capitalSoFar * maintenance / 12;
        }

        ws.SteadyCostPerReplica[self.Index] = self.GpusPerReplica * ((capitalPerGpu / life) + (kw * load * pue * Hours * kwh) + (kw * hostingPerKw) + (self.HostingPerServerMonth / self.GpusPerServer) + (capitalPerGpu * maintenance / 12));
        return true;
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

    /// <summary>An API option's prices per profile and month, as ApiCostModel resolves them.</summary>
    internal sealed class PriceTable
    {
        public PriceTable(int profiles, int months)
        {
            Input = Rows(profiles, months);
            CacheRead = Rows(profiles, months);
            CacheWrite = Rows(profiles, months);
            Output = Rows(profiles, months);
            PerRequest = Rows(profiles, months);
            BatchDiscount = Rows(profiles, months);
        }

        public double[][] Input { get; }

        public double[][] CacheRead { get; }

        public double[][] CacheWrite { get; }

        public double[][] Output { get; }

        public double[][] PerRequest { get; }

        public double[][] BatchDiscount { get; }
    }

    /// <summary>
    /// One API option: the price row in force for every profile and month, looked up once. ApiCostModel multiplies each
    /// price by the decline factor (Math.Pow(1 − d, years since the row's date), 1 when the row is not the last one) before
    /// multiplying by the volume; the kernel does the same, taking the factor from a per-trial table of the distinct years.
    /// </summary>
    private sealed class ApiModel
    {
        public ApiModel(PricingCatalog catalog, Scenario scenario, Api.ApiOption option, int index, KernelParameters prm, OptionResult result)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"apiOptions[{index}]");
            DeclineSlot = prm.Add(at + ".yearlyPriceDecline", option.YearlyPriceDecline, ParameterRule.Decline);
            FeeSlot = prm.Add(at + ".monthlyFee", option.MonthlyFee, ParameterRule.NonNegative);
            CommitmentSlot = prm.Add(at + ".monthlyCommitment", option.MonthlyCommitment, ParameterRule.NonNegative);
            BatchDiscountSlot = prm.Add(at + ".batchDiscountFraction", option.BatchDiscountFraction, ParameterRule.Share);
            var profiles = scenario.Workload.Profiles;
            var months = scenario.HorizonMonths;
            Rows = new PriceTable(profiles.Count, months);
            BasePrices = new PriceTable(profiles.Count, months);
            YearsIndex = new int[profiles.Count][];
            var distinct = new List<long>();
            for (var p = 0; p < profiles.Count; p++)
            {
                YearsIndex[p] = new int[months];
                for (var m = 0; m < months; m++)
                {
                    var date = scenario.StartDate.AddMonths(m);
                    var row = catalog.FindApiPrice(option.Provider, option.Model, date, (long)Math.Ceiling(profiles[p].InputTokensPerRequest), option.ServiceTier);
                    Rows.Input[p][m] = (double)row.InputPricePerMillionTokens;
                    Rows.CacheRead[p][m] = (double)(row.CachedInputPricePerMillionTokens ?? row.InputPricePerMillionTokens);
                    Rows.CacheWrite[p][m] = (double)(row.CacheWritePricePerMillionTokens ?? row.InputPricePerMillionTokens);
                    Rows.Output[p][m] = (double)row.OutputPricePerMillionTokens;
                    Rows.PerRequest[p][m] = (double)(row.PricePerRequest ?? 0m);
                    Rows.BatchDiscount[p][m] = (double)(row.BatchDiscountFraction ?? 0m);
                    var slot = -1;
                    if (row.EffectiveTo is null)
                    {
                        var days = DeclineFactor.Days(date, row.EffectiveFrom);
                        slot = distinct.IndexOf(days);
                        if (slot < 0)
                        {
                            slot = distinct.Count;
                            distinct.Add(days);
                        }
                    }

                    YearsIndex[p][m] = slot;
                }
            }

            DistinctDays = [.. distinct];
            var factors = new double[DistinctDays.Length];
            Factors(option.YearlyPriceDecline, factors);
            for (var p = 0; p < profiles.Count; p++)
            {
                for (var m = 0; m < months; m++)
                {
                    var factor = Factor(option.YearlyPriceDecline, factors, YearsIndex[p][m]);
                    BasePrices.Input[p][m] = Rows.Input[p][m] * factor;
                    BasePrices.CacheRead[p][m] = Rows.CacheRead[p][m] * factor;
                    BasePrices.CacheWrite[p][m] = Rows.CacheWrite[p][m] * factor;
                    BasePrices.Output[p][m] = Rows.Output[p][m] * factor;
                    BasePrices.PerRequest[p][m] = Rows.PerRequest[p][m] * factor;
                    BasePrices.BatchDiscount[p][m] = option.BatchDiscountFraction ?? Rows.BatchDiscount[p][m];
                }
            }

            FineTuningFee = result.Months.Select(m => m.Cost(CostLine.ApiFineTuning)).ToArray();
        }

        public int DeclineSlot { get; }

        public int FeeSlot { get; }

        public int CommitmentSlot { get; }

        public int BatchDiscountSlot { get; }

        public double[] FineTuningFee { get; }

        /// <summary>Gets the table rows' prices, before any decline.</summary>
        public PriceTable Rows { get; }

        /// <summary>Gets the prices with the scenario's own decline and batch discount.</summary>
        public PriceTable BasePrices { get; }

        /// <summary>Gets, per profile and month, the index of the row's days since its date in <see cref="DistinctDays"/>, or −1 when the row is not the last one (no decline).</summary>
        public int[][] YearsIndex { get; }

        /// <summary>Gets the distinct whole days from a declining row's date to a month's start.</summary>
        public long[] DistinctDays { get; }

        public bool DeclineDirty { get; private set; }

        public bool BatchDirty { get; private set; }

        public void MarkDirty(HashSet<int> dirty)
        {
            DeclineDirty = dirty.Contains(DeclineSlot);
            BatchDirty = dirty.Contains(BatchDiscountSlot);
        }

        /// <summary>The decline factor of each distinct number of days, as ApiCostModel computes it (<see cref="DeclineFactor"/>; only when d &gt; 0).</summary>
        public void Factors(double decline, double[] into)
        {
            if (decline > 0)
            {
                Span<double> powers = stackalloc double[DeclineFactor.PowerCount];
                DeclineFactor.Powers(decline, powers);
                DeclineFactor.Of(powers, DistinctDays, into);
            }
        }

        public static double Factor(double decline, double[] factors, int index) => decline > 0 && index >= 0 ? factors[index] : 1.0;
    }

    /// <summary>The line items of a self-hosted option that vary by month.</summary>
    internal sealed class SelfLines(int months)
    {
        public double[] Bridge { get; } = new double[months];

        public double[] Rental { get; } = new double[months];

        public double[] Capital { get; } = new double[months];

        public double[] Depreciation { get; } = new double[months];

        public double[] Power { get; } = new double[months];

        public double[] Hosting { get; } = new double[months];

        public double[] Maintenance { get; } = new double[months];

        /// <summary>Clears the lines an option of that kind writes (the others stay 0).</summary>
        public void Clear(bool rented)
        {
            Array.Clear(Bridge);
            if (rented)
            {
                Array.Clear(Rental);
                return;
            }

            Array.Clear(Capital);
            Array.Clear(Depreciation);
            Array.Clear(Power);
            Array.Clear(Hosting);
            Array.Clear(Maintenance);
        }
    }

    /// <summary>One self-hosted option: memory fit, benchmark rows, roofline inputs, rental prices and table lookups, all resolved once.</summary>
    private sealed class SelfModel
    {
        public SelfModel(PricingCatalog catalog, Scenario scenario, SelfHostedOption o, int index, KernelParameters prm, OptionResult result)
        {
            var at = string.Create(CultureInfo.InvariantCulture, $"selfHostedOptions[{index}]");
            var months = scenario.HorizonMonths;
            Index = index;
            Lead = o.LeadTimeMonths;
            CapacityKey = (o.Model, o.Gpu, o.Precision, o.KvCachePrecision, o.ServingConcurrency, o.Mbu, o.Mfu, o.UsableMemoryFraction, o.GpusPerReplica, o.MaxGpusPerReplica, o.LeadTimeMonths);
            Bridge = Lead > 0 ? scenario.ApiOptions.Select((a, i) => (a, i)).First(x => string.Equals(x.a.Name, o.BridgeApiOption, StringComparison.Ordinal)).i : -1;
            GpusPerReplica = result.GpusPerReplica;
            BaseThroughput = result.ReplicaThroughputTokensPerSecond;
            UtilizationSlot = prm.Add(at + ".targetUtilization", o.TargetUtilization, ParameterRule.Fraction);
            MinReplicasSlot = prm.Add(at + ".minReplicas", o.MinReplicas, ParameterRule.Replicas);
            RedundancySlot = prm.Add(at + ".redundancyReplicas", o.RedundancyReplicas, ParameterRule.Replicas);
            ThroughputSlot = prm.Add(at + ".replicaThroughputTokensPerSecond", o.ReplicaThroughputTokensPerSecond, ParameterRule.Positive);

            var model = catalog.GetOpenModel(o.Model);
            var gpu = catalog.GetGpu(o.Gpu);
            var rows = catalog.FindThroughputBenchmarks(model.ModelId, gpu.GpuModel, o.Precision, GpusPerReplica);
            RowInput = rows.Select(r => (double)r.InputTokens).ToArray();
            RowOutput = rows.Select(r => (double)r.OutputTokens).ToArray();
            RowThroughputExact = rows.Select(r => r.OutputTokensPerSecondPerReplica).ToArray();
            RowThroughput = rows.Select(r => (double)r.OutputTokensPerSecondPerReplica).ToArray();
            WeightBytes = CapacityMath.WeightBytes(model, o.Precision);
            KvBytesPerToken = CapacityMath.KvCacheBytesPerToken(model, o.KvCachePrecision);
            Bandwidth = GpusPerReplica * (double)gpu.MemoryBandwidthTbPerSecond * 1e12;
            Flops = GpusPerReplica * CapacityMath.PeakFlopsPerSecond(gpu, o.Precision);
            ActiveParameters = (double)model.ActiveParametersBillions * 1e9;
            Concurrency = o.ServingConcurrency;
            Mbu = o.Mbu;
            Mfu = o.Mfu;

            PlanPrice = new double[months];
            OnDemandPrice = new double[months];
            if (o.Rented is { } rented)
            {
                Rented = true;
                RentalPriceSlot = prm.Add(at + ".rented.pricePerGpuHour", rented.PricePerGpuHour, ParameterRule.Positive);
                Term = rented.Plan switch
                {
                    RentalPlan.Reserved1Year => 12,
                    RentalPlan.Reserved3Year => 36,
                    _ => 0,
                };
                CommittedGpus = rented.CommittedGpus;
                for (var m = 0; m < months; m++)
                {
                    var date = scenario.StartDate.AddMonths(m);
                    PlanPrice[m] = Lookup(() => catalog.FindRentalOffer(rented.Provider, gpu.GpuModel, rented.Plan, date, rented.Region, rented.Sku), scenario.Currency);
                    OnDemandPrice[m] = Term == 0 ? double.NaN : Lookup(() => catalog.FindRentalOffer(rented.Provider, gpu.GpuModel, RentalPlan.OnDemand, date, rented.Region, null), scenario.Currency);
                }

                PlanPricedFromLead = true;
                for (var m = Math.Min(Lead, months); m < months; m++)
                {
                    PlanPricedFromLead &= !double.IsNaN(PlanPrice[m]);
                }
            }
            else
            {
                var owned = o.Owned!;
                UnitPriceSlot = prm.Add(at + ".owned.pricePerGpu", owned.PricePerGpu, ParameterRule.Positive);
                ListedUnitPrice = gpu.PurchasePricePerGpu is { } listed && string.Equals(gpu.PurchaseCurrency, scenario.Currency, StringComparison.Ordinal) ? (double)listed : double.NaN;
                OverheadSlot = prm.Add(at + ".owned.serverOverheadPerGpu", owned.ServerOverheadPerGpu, ParameterRule.NonNegative);
                LoadSlot = prm.Add(at + ".owned.averageLoadFraction", owned.AverageLoadFraction, ParameterRule.Fraction);
                PueSlot = prm.Add(at + ".owned.pue", owned.Pue, ParameterRule.AtLeastOne);
                KwhSlot = prm.Add(at + ".owned.electricityPricePerKwh", owned.ElectricityPricePerKwh, ParameterRule.NonNegative);
                HostingSlot = prm.Add(at + ".owned.hostingPricePerKwMonth", owned.HostingPricePerKwMonth, ParameterRule.NonNegative);
                MaintenanceSlot = prm.Add(at + ".owned.maintenanceYearlyFraction", owned.MaintenanceYearlyFraction, ParameterRule.NonNegative);
                prm.Add(at + ".owned.residualValueFraction", owned.ResidualValueFraction, ParameterRule.Share);
                UsefulLifeMonths = owned.UsefulLifeMonths;
                HostingPerServerMonth = owned.HostingPricePerServerMonth;
                GpusPerServer = owned.GpusPerServer;
                KwPerGpu = (double)gpu.TdpWatts / 1000;
                CashView = scenario.CostView == CostView.Cash;
                PueLookup = owned.PueFigure is { } figure
                    ? catalog.PueFigures.FirstOrDefault(r => string.Equals(r.Name, figure, StringComparison.OrdinalIgnoreCase)) is { } pue ? (double)pue.Pue : double.NaN
                    : double.NaN;
                KwhLookup = owned.ElectricityRegion is not null
                    ? catalog.ElectricityPrices
                        .Where(r => string.Equals(r.Region, owned.ElectricityRegion, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Sector, owned.ElectricitySector, StringComparison.OrdinalIgnoreCase))
                        .OrderByDescending(r => r.Period, StringComparer.Ordinal)
                        .FirstOrDefault() is { } power && string.Equals(power.Currency, scenario.Currency, StringComparison.Ordinal) ? (double)power.PricePerKwh : double.NaN
                    : double.NaN;
                HostingLookup = owned.HostingProvider is { } provider
                    ? catalog.HostingPrices.FirstOrDefault(r => string.Equals(r.Provider, provider, StringComparison.OrdinalIgnoreCase)) is { } hosting && string.Equals(hosting.Currency, scenario.Currency, StringComparison.Ordinal) ? (double)hosting.PricePerKwMonth : double.NaN
                    : 0;
            }

            if (o.Storage is { } storage)
            {
                HasStorage = true;
                GbHeldSlot = prm.Add(at + ".storage.gbHeld", storage.GbHeld, ParameterRule.NonNegative);
                StoragePriceSlot = prm.Add(at + ".storage.pricePerGbMonth", storage.PricePerGbMonth, ParameterRule.NonNegative);
                EgressGbSlot = prm.Add(at + ".storage.egressGbPerMonth", storage.EgressGbPerMonth, ParameterRule.NonNegative);
                EgressPriceSlot = prm.Add(at + ".storage.egressPricePerGb", storage.EgressPricePerGb, ParameterRule.NonNegative);
                StoragePriceLookup = catalog.StoragePrices.FirstOrDefault(r => string.Equals(r.Provider, storage.StorageProvider, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Service, storage.StorageService, StringComparison.OrdinalIgnoreCase)) is { } sp && string.Equals(sp.Currency, scenario.Currency, StringComparison.Ordinal) ? (double)sp.PricePerGbMonth : double.NaN;
                EgressPriceLookup = catalog.EgressPrices.FirstOrDefault(r => string.Equals(r.Provider, storage.EgressProvider, StringComparison.OrdinalIgnoreCase) && string.Equals(r.Service, storage.EgressService, StringComparison.OrdinalIgnoreCase)) is { } ep && string.Equals(ep.Currency, scenario.Currency, StringComparison.Ordinal) ? (double)ep.PricePerGb : double.NaN;
            }

            if (o.People is { } people)
            {
                HasPeople = true;
                FtesSlot = prm.Add(at + ".people.ftes", people.Ftes, ParameterRule.NonNegative);
                YearlyCostSlot = prm.Add(at + ".people.yearlyLoadedCostPerFte", people.YearlyLoadedCostPerFte, ParameterRule.NonNegative);
                LicencesSlot = prm.Add(at + ".people.licencesPerMonth", people.LicencesPerMonth, ParameterRule.NonNegative);
                SupportSlot = prm.Add(at + ".people.supportPerMonth", people.SupportPerMonth, ParameterRule.NonNegative);
                SetupSlot = prm.Add(at + ".people.setupCost", people.SetupCost, ParameterRule.NonNegative);
            }

            // Fine-tuning does not depend on any input the kernel varies: its lines are the engine's, and the steady state
            // adds the last run's cost ÷ the interval, as SelfHostedCostModel.BillFineTuning does.
            FineTuning = result.Months.Select(m => m.Cost(CostLine.FineTuning)).ToArray();
            FineTuningSteady = double.NaN;
            if (o.FineTuning is { EveryMonths: > 0 } ft)
            {
                var last = ft.FirstMonth - 1;
                while (last + ft.EveryMonths < months)
                {
                    last += ft.EveryMonths;
                }

                FineTuningSteady = FineTuning[last] / ft.EveryMonths;
            }
        }

        public int Index { get; }

        public int Lead { get; }

        public int Bridge { get; }

        /// <summary>Gets an earlier option with the same model, GPU, precision, serving settings, lead time and baseline throughput, or −1.</summary>
        public int CapacityTwin { get; set; } = -1;

        /// <summary>Gets what the replicas depend on besides the trial's capacity inputs.</summary>
        public (string Model, string Gpu, NumericPrecision Precision, NumericPrecision KvPrecision, int Concurrency, double Mbu, double Mfu, double UsableMemory, int? GroupSize, int MaxGroup, int Lead) CapacityKey { get; init; }

        public int GpusPerReplica { get; }

        public double BaseThroughput { get; }

        public double BaseShapeInput { get; set; }

        public double BaseShapeOutput { get; set; }

        public int UtilizationSlot { get; }

        public int MinReplicasSlot { get; }

        public int RedundancySlot { get; }

        public int ThroughputSlot { get; }

        public double[] RowInput { get; }

        public double[] RowOutput { get; }

        public decimal[] RowThroughputExact { get; }

        public double[] RowThroughput { get; }

        public double WeightBytes { get; }

        public double KvBytesPerToken { get; }

        public double Bandwidth { get; }

        public double Flops { get; }

        public double ActiveParameters { get; }

        public int Concurrency { get; }

        public double Mbu { get; }

        public double Mfu { get; }

        public bool Rented { get; }

        public int RentalPriceSlot { get; }

        public int Term { get; }

        public int? CommittedGpus { get; }

        public double[] PlanPrice { get; }

        public double[] OnDemandPrice { get; }

        /// <summary>Gets whether the plan has a price in every month from the lead time on.</summary>
        public bool PlanPricedFromLead { get; }

        public int UnitPriceSlot { get; }

        public double ListedUnitPrice { get; }

        public int OverheadSlot { get; }

        public int LoadSlot { get; }

        public int PueSlot { get; }

        public int KwhSlot { get; }

        public int HostingSlot { get; }

        public int MaintenanceSlot { get; }

        public int UsefulLifeMonths { get; }

        public double HostingPerServerMonth { get; }

        public int GpusPerServer { get; } = 8;

        public double KwPerGpu { get; }

        public bool CashView { get; }

        public double PueLookup { get; }

        public double KwhLookup { get; }

        public double HostingLookup { get; }

        public bool HasStorage { get; }

        public int GbHeldSlot { get; }

        public int StoragePriceSlot { get; }

        public int EgressGbSlot { get; }

        public int EgressPriceSlot { get; }

        public double StoragePriceLookup { get; }

        public double EgressPriceLookup { get; }

        public bool HasPeople { get; }

        public int FtesSlot { get; }

        public int YearlyCostSlot { get; }

        public int LicencesSlot { get; }

        public int SupportSlot { get; }

        public int SetupSlot { get; }

        public double[] FineTuning { get; }

        public double FineTuningSteady { get; }

        private static double Lookup(Func<GpuRentalOffer> find, string currency)
        {
            try
            {
                var offer = find();
                return string.Equals(offer.Currency, currency, StringComparison.Ordinal) ? (double)offer.PricePerGpuHour : double.NaN;
            }
            catch (PricingLookupException)
            {
                return double.NaN;
            }
        }
    }

    /// <summary>The buffers one worker thread reuses for all its trials.</summary>
    public sealed class Workspace
    {
        internal Workspace(CompiledTrialEvaluator kernel)
        {
            var months = kernel.months;
            var options = kernel.layout.OptionNames.Length;
            var pairs = kernel.layout.Pairs.Length;
            var selves = kernel.selves.Length;
            Parameters = new double[kernel.parameters.Count];
            Factors = new double[months];
            Volumes = new Volumes(kernel.profiles.Length, months);
            Growth = Rows(kernel.profiles.Length, months);
            DeclineFactors = kernel.apis.Select(a => new double[a.DistinctDays.Length]).ToArray();
            BatchDiscounts = new double[months];
            FactorRow = new double[months];
            Fractions = new double[months];
            Ceilings = new double[months];
            Usage = Rows(kernel.apis.Length, months);
            Shortfall = Rows(kernel.apis.Length, months);
            Totals = Rows(options, months);
            Cumulative = Rows(options, months);
            Discounted = Rows(options, months);
            Gpus = Enumerable.Range(0, selves).Select(_ => new int[months]).ToArray();
            Capacity = Enumerable.Range(0, selves).Select(_ => new int[months]).ToArray();
            SelfLines = Enumerable.Range(0, selves).Select(_ => new SelfLines(months)).ToArray();
            PurchaseMonths = new int[months];
            PurchaseCapital = new double[months];
            ReplicasPerUnitScale = new double[selves];
            SteadyFixedCost = new double[selves];
            SteadyCostPerReplica = new double[selves];
            MinReplicas = new double[selves];
            Redundancy = new double[selves];
            VolumeKeys = Rows(pairs, 9);
            VolumeKnown = new bool[pairs];
            VolumeAnswers = new double[pairs];
            VolumeSolver = new VolumeSolver();
            EngineWorkspace = kernel.engine.CreateWorkspace();
        }

        /// <summary>Gets or sets the trials this worker handed to the full engine.</summary>
        public int TrialsHandedToEngine { get; set; }

        internal double[] Parameters { get; }

        internal double[] Factors { get; }

        internal Volumes Volumes { get; }

        internal double[][] Growth { get; }

        internal double[][] DeclineFactors { get; }

        internal double[] BatchDiscounts { get; }

        internal double[] FactorRow { get; }

        internal double[] Fractions { get; }

        internal double[] Ceilings { get; }

        internal double[][] Usage { get; }

        internal double[][] Shortfall { get; }

        internal double[][] Totals { get; }

        internal double[][] Cumulative { get; }

        internal double[][] Discounted { get; }

        internal int[][] Gpus { get; }

        internal int[][] Capacity { get; }

        internal SelfLines[] SelfLines { get; }

        internal int[] PurchaseMonths { get; }

        internal double[] PurchaseCapital { get; }

        internal double[] ReplicasPerUnitScale { get; }

        internal double[] SteadyFixedCost { get; }

        internal double[] SteadyCostPerReplica { get; }

        internal double[] MinReplicas { get; }

        internal double[] Redundancy { get; }

        internal double[][] VolumeKeys { get; }

        internal bool[] VolumeKnown { get; }

        internal double[] VolumeAnswers { get; }

        internal VolumeSolver VolumeSolver { get; }

        internal object EngineWorkspace { get; }
    }
}
