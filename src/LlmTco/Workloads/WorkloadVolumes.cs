namespace LlmTco.Workloads;

/// <summary>Month-by-month token volumes of every traffic profile, split as the cost formulas need them.</summary>
internal sealed class WorkloadVolumes
{
    public WorkloadVolumes(Workload workload, int horizonMonths, DateOnly startDate)
    {
        Months = horizonMonths;
        MonthStarts = new DateOnly[horizonMonths];
        for (var m = 0; m < horizonMonths; m++)
        {
            MonthStarts[m] = startDate.AddMonths(m);
        }

        Profiles = workload.Profiles;
        var count = Profiles.Count;
        Requests = new double[count][];
        Uncached = new double[count][];
        CacheRead = new double[count][];
        CacheWrite = new double[count][];
        Output = new double[count][];
        TotalInput = new double[horizonMonths];
        TotalOutput = new double[horizonMonths];
        for (var p = 0; p < count; p++)
        {
            var profile = Profiles[p];
            Requests[p] = new double[horizonMonths];
            Uncached[p] = new double[horizonMonths];
            CacheRead[p] = new double[horizonMonths];
            CacheWrite[p] = new double[horizonMonths];
            Output[p] = new double[horizonMonths];
            var growth = profile.Growth ?? GrowthRule.None;
            var compound = growth.Kind == GrowthKind.Compound ? new double[horizonMonths] : null;
            if (compound is not null)
            {
                CompoundFactors.Growth(growth.MonthlyRate, compound);
            }

            for (var m = 0; m < horizonMonths; m++)
            {
                var requests = compound is not null ? profile.MonthlyRequests * compound[m] : growth.RequestsInMonth(profile.MonthlyRequests, m + 1);
                var input = requests * profile.InputTokensPerRequest;
                Requests[p][m] = requests;
                CacheRead[p][m] = input * profile.CacheReadShare;
                CacheWrite[p][m] = input * profile.CacheWriteShare;
                Uncached[p][m] = input - CacheRead[p][m] - CacheWrite[p][m];
                Output[p][m] = requests * profile.OutputTokensPerRequest;
                TotalInput[m] += input;
                TotalOutput[m] += Output[p][m];
            }
        }
    }

    public int Months { get; }

    /// <summary>Gets each month's first day (the start date plus m months), on which its prices are looked up.</summary>
    public DateOnly[] MonthStarts { get; }

    public IReadOnlyList<TrafficProfile> Profiles { get; }

    public double[][] Requests { get; }

    public double[][] Uncached { get; }

    public double[][] CacheRead { get; }

    public double[][] CacheWrite { get; }

    public double[][] Output { get; }

    public double[] TotalInput { get; }

    public double[] TotalOutput { get; }

    /// <summary>Gets the request-weighted mean input and output tokens per request in a month (month 1 when it has no requests).</summary>
    public (double Input, double Output) MeanRequestShape(int monthIndex)
    {
        double requests = 0, input = 0, output = 0;
        for (var p = 0; p < Profiles.Count; p++)
        {
            requests += Requests[p][monthIndex];
            input += Requests[p][monthIndex] * Profiles[p].InputTokensPerRequest;
            output += Requests[p][monthIndex] * Profiles[p].OutputTokensPerRequest;
        }

        if (requests > 0)
        {
            return (input / requests, output / requests);
        }

        // No traffic: weigh the profiles equally, so that capacity can still be sized.
        return (Profiles.Average(p => p.InputTokensPerRequest), Profiles.Average(p => p.OutputTokensPerRequest));
    }
}
