using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace LlmTco.SelfHosted;

/// <summary>The line items of a self-hosted option that vary by month, reused from one evaluation to the next.</summary>
internal sealed class SelfHostedLines(int months)
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

    /// <summary>
    /// Each month's total: its line items added one by one from 0 in <see cref="Timeline.CostLine"/> order (the API lines,
    /// and set-up after month 1, are 0 and change nothing). Four months at a time where the CPU has 256-bit vectors: each
    /// lane performs the same additions in the same order.
    /// </summary>
    public void Sum(double[] fineTuning, RecurringCosts costs, double[] totals)
    {
        unchecked
        {
            var (storage, egress, people, licences) = (costs.Storage, costs.Egress, costs.People, costs.Licences);
            double Month(int m) => 0.0 + Bridge[m] + Rental[m] + Capital[m] + Depreciation[m] + Power[m] + Hosting[m]
                + Maintenance[m] + storage + egress + fineTuning[m] + people + licences;
            var months = totals.Length;
            totals[0] = Month(0) + costs.Setup;
            var m = 1;
            if (Vector256.IsHardwareAccelerated)
            {
                var vStorage = Vector256.Create(storage);
                var vEgress = Vector256.Create(egress);
                var vPeople = Vector256.Create(people);
                var vLicences = Vector256.Create(licences);
                ref var br = ref MemoryMarshal.GetArrayDataReference(Bridge);
                ref var re = ref MemoryMarshal.GetArrayDataReference(Rental);
                ref var ca = ref MemoryMarshal.GetArrayDataReference(Capital);
                ref var de = ref MemoryMarshal.GetArrayDataReference(Depreciation);
                ref var po = ref MemoryMarshal.GetArrayDataReference(Power);
                ref var ho = ref MemoryMarshal.GetArrayDataReference(Hosting);
                ref var ma = ref MemoryMarshal.GetArrayDataReference(Maintenance);
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

    /// <summary>Month <paramref name="m"/>'s line items in <see cref="Timeline.CostLine"/> order, into <paramref name="into"/> (the API lines left 0).</summary>
    public void CopyMonth(int m, double[] fineTuning, RecurringCosts costs, double[] into)
    {
        into[(int)Timeline.CostLine.BridgeApi] = Bridge[m];
        into[(int)Timeline.CostLine.GpuRental] = Rental[m];
        into[(int)Timeline.CostLine.Capital] = Capital[m];
        into[(int)Timeline.CostLine.Depreciation] = Depreciation[m];
        into[(int)Timeline.CostLine.Power] = Power[m];
        into[(int)Timeline.CostLine.Hosting] = Hosting[m];
        into[(int)Timeline.CostLine.Maintenance] = Maintenance[m];
        into[(int)Timeline.CostLine.Storage] = costs.Storage;
        into[(int)Timeline.CostLine.Egress] = costs.Egress;
        into[(int)Timeline.CostLine.FineTuning] = fineTuning[m];
        into[(int)Timeline.CostLine.People] = costs.People;
        into[(int)Timeline.CostLine.LicencesAndSupport] = costs.Licences;
        into[(int)Timeline.CostLine.Setup] = m == 0 ? costs.Setup : 0;
    }
}
