using System.Globalization;
using LlmTco.Workloads;
using static LlmTco.Scenarios.ScenarioErrors;

namespace LlmTco.Scenarios;

// The workload: its traffic profiles, their growth, and the volume they reach over the horizon.
internal sealed partial class ScenarioValidator
{
    private void CheckWorkload(Workload? w, string at, int horizon)
    {
        if (w is null)
        {
            errors.Add(at, null, "a workload is required");
            return;
        }

        if (!double.IsFinite(w.PeakToAverageRatio) || w.PeakToAverageRatio < 1)
        {
            errors.Add(Prop(at, "PeakToAverageRatio"), w.PeakToAverageRatio, "must be a finite number of at least 1 (peak throughput ÷ average throughput)");
        }

        var profiles = w.Profiles ?? [];
        if (profiles.Count == 0)
        {
            errors.Add(Prop(at, "Profiles"), null, "the workload needs at least one traffic profile");
        }

        var names = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < profiles.Count; i++)
        {
            var p = profiles[i];
            var path = errors.Path(Index(Prop(at, "Profiles"), i));
            if (p is null)
            {
                errors.Add(path, null, "a traffic profile is required");
                continue;
            }

            Text(p.Name, Prop(path, "Name"));
            if (p.Name is not null && !names.Add(p.Name))
            {
                errors.Add(Prop(path, "Name"), p.Name, "another traffic profile has this name");
            }

            var requestsOk = NonNegative(p.MonthlyRequests, Prop(path, "MonthlyRequests"), capped: false);
            var inputOk = NonNegative(p.InputTokensPerRequest, Prop(path, "InputTokensPerRequest"));
            var outputOk = NonNegative(p.OutputTokensPerRequest, Prop(path, "OutputTokensPerRequest"));
            var readOk = Range(p.CacheReadShare, Prop(path, "CacheReadShare"), 0, 1, "a share from 0 to 1");
            var writeOk = Range(p.CacheWriteShare, Prop(path, "CacheWriteShare"), 0, 1, "a share from 0 to 1");
            if (readOk && writeOk && p.CacheReadShare + p.CacheWriteShare > 1 + 1e-12)
            {
                errors.Add(Prop(path, "CacheWriteShare"), p.CacheWriteShare, $"cache-read and cache-write shares add up to more than 1 ({Num(p.CacheReadShare + p.CacheWriteShare)}); together they are at most the whole input");
            }

            Range(p.BatchShare, Prop(path, "BatchShare"), 0, 1, "a share from 0 to 1");
            if (p.Latency is { } latency)
            {
                var latencyAt = errors.Path(Prop(path, "Latency"));
                if (latency.MaxTimeToFirstTokenSeconds is null && latency.MinOutputTokensPerSecondPerRequest is null)
                {
                    errors.Add(latencyAt, null, "a latency target needs maxTimeToFirstTokenSeconds, minOutputTokensPerSecondPerRequest or both");
                }

                if (latency.MaxTimeToFirstTokenSeconds is { } ttft)
                {
                    Positive(ttft, Prop(latencyAt, "MaxTimeToFirstTokenSeconds"));
                }

                if (latency.MinOutputTokensPerSecondPerRequest is { } speed)
                {
                    Positive(speed, Prop(latencyAt, "MinOutputTokensPerSecondPerRequest"));
                }
            }

            var growthOk = CheckGrowth(p.Growth, errors.Path(Prop(path, "Growth")), horizon);
            if (requestsOk && inputOk && outputOk && growthOk && horizon > 0)
            {
                CheckVolumes(p, path, horizon);
            }
        }
    }

    /// <summary>Every month's tokens of a profile within the limits: input and output each 0 or from <see cref="MinTokensPerMonth"/>, and all at most <see cref="MaxTokensPerMonth"/>.</summary>
    private void CheckVolumes(TrafficProfile p, string path, int horizon)
    {
        for (var m = 1; m <= horizon; m++)
        {
            var requests = (p.Growth ?? GrowthRule.None).RequestsInMonth(p.MonthlyRequests, m);
            var tokens = requests * (p.InputTokensPerRequest + p.OutputTokensPerRequest);
            if (!double.IsFinite(tokens) || tokens > MaxTokensPerMonth)
            {
                errors.Add(Prop(path, "MonthlyRequests"), p.MonthlyRequests, string.Create(CultureInfo.InvariantCulture, $"the profile reaches {tokens:G3} tokens in month {m}, above the limit of {MaxTokensPerMonth:G1} tokens per month; check the volume, the token counts and the growth"));
                return;
            }

            if (TooFew(p, path, m, requests, p.InputTokensPerRequest, "InputTokensPerRequest", "input") || TooFew(p, path, m, requests, p.OutputTokensPerRequest, "OutputTokensPerRequest", "output"))
            {
                return;
            }
        }
    }

    /// <summary>Reports month <paramref name="m"/>'s input or output tokens when they are above 0 but below <see cref="MinTokensPerMonth"/>, at the growth when it takes them there, else at the value that is too small.</summary>
    private bool TooFew(TrafficProfile p, string path, int m, double requests, double perRequest, string name, string what)
    {
        var tokens = requests * perRequest;
        if (!(tokens > 0 && tokens < MinTokensPerMonth))
        {
            return false;
        }

        var at = m > 1 && p.Growth is not null ? Prop(path, "Growth") : Prop(path, requests >= MinTokensPerMonth ? name : "MonthlyRequests");
        errors.Add(at, null, string.Create(CultureInfo.InvariantCulture, $"the profile's {what} tokens {(m == 1 ? "are" : "fall to")} {tokens:G3} in month {m}, above 0 but below the limit of {MinTokensPerMonth:G1} tokens per month (figures per token would overflow); make them 0 or larger, or shorten the horizon"));
        return true;
    }

    private bool CheckGrowth(GrowthRule? g, string at, int horizon)
    {
        if (g is null)
        {
            return true;
        }

        var before = errors.Count;
        Defined(g.Kind, Prop(at, "Kind"));
        switch (g.Kind)
        {
            case GrowthKind.Compound:
                if (!double.IsFinite(g.MonthlyRate) || g.MonthlyRate <= -1)
                {
                    errors.Add(Prop(at, "MonthlyRate"), g.MonthlyRate, "must be a finite growth rate above −1 (−100 % a month would leave no traffic)");
                }

                break;
            case GrowthKind.Linear:
                Finite(g.RequestsAddedPerMonth, Prop(at, "RequestsAddedPerMonth"));
                break;
            case GrowthKind.Series:
                var series = g.RequestsPerMonth ?? [];
                if (series.Count < horizon)
                {
                    errors.Add(Prop(at, "RequestsPerMonth"), series.Count.ToString(CultureInfo.InvariantCulture) + " entries", string.Create(CultureInfo.InvariantCulture, $"the series must give requests for every month of the horizon ({horizon})"));
                }

                for (var i = 0; i < series.Count; i++)
                {
                    NonNegative(series[i], Index(Prop(at, "RequestsPerMonth"), i), capped: false);
                }

                break;
        }

        return errors.Count == before;
    }
}
