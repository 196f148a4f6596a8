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

    /// <summary>Gets or sets the months of a reserved term after the horizon that are counted (0 when none).</summary>
    public int BeyondMonths { get; set; }

    /// <summary>Gets or sets the committed rent of each such month.</summary>
    public double BeyondPayment { get; set; }

    /// <summary>Gets the committed rent of all the months after the horizon, counted in the last month.</summary>
    public double BeyondNominal => BeyondMonths * BeyondPayment;

    /// <summary>Gets or sets the owned GPUs' resale value at the horizon as a cost of the last month (0 or negative).</summary>
    public double ResidualLine { get; set; }

    /// <summary>Gets the last month's total without <see cref="BeyondNominal"/> and <see cref="ResidualLine"/> (its other lines), as <see cref="Sum"/> last wrote it.</summary>
    public double LastMonthBeforeBeyond { get; private set; }

    /// <summary>Clears the lines an option of that kind writes (the others stay 0).</summary>
    public void Clear(bool rented)
    {
        Array.Clear(Bridge);
        BeyondMonths = 0;
        BeyondPayment = 0;
        ResidualLine = 0;
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
    /// and set-up after month 1, are 0 and change nothing).
    /// </summary>
    public void Sum(double[] fineTuning, RecurringCosts costs, double[] totals)
    {
        unchecked
        {
            for (var m = 0; m < totals.Length; m++)
            {
                totals[m] = 0.0 + Bridge[m] + Rental[m] + Capital[m] + Depreciation[m] + Power[m] + Hosting[m] + Maintenance[m]
                    + costs.StorageIn(m) + costs.EgressIn(m) + fineTuning[m] + costs.People + costs.Licences;
            }

            totals[0] += costs.Setup;
            LastMonthBeforeBeyond = totals[^1];
            totals[^1] += BeyondNominal;
            totals[^1] += ResidualLine;
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
        into[(int)Timeline.CostLine.Storage] = costs.StorageIn(m);
        into[(int)Timeline.CostLine.Egress] = costs.EgressIn(m);
        into[(int)Timeline.CostLine.FineTuning] = fineTuning[m];
        into[(int)Timeline.CostLine.People] = costs.People;
        into[(int)Timeline.CostLine.LicencesAndSupport] = costs.Licences;
        into[(int)Timeline.CostLine.Setup] = m == 0 ? costs.Setup : 0;
        into[(int)Timeline.CostLine.CommitmentBeyondHorizon] = m == Bridge.Length - 1 ? BeyondNominal : 0;
        into[(int)Timeline.CostLine.ResidualValue] = m == Bridge.Length - 1 ? ResidualLine : 0;
    }
}
