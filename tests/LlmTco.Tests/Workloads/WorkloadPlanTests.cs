using LlmTco.Workloads;

namespace LlmTco.Tests.Workloads;

public sealed class WorkloadPlanTests
{
    private static readonly Workload TwoProfiles = new()
    {
        Profiles =
        [
            new TrafficProfile { Name = "short", MonthlyRequests = 3_000, InputTokensPerRequest = 1_000, OutputTokensPerRequest = 100 },
            new TrafficProfile { Name = "long", MonthlyRequests = 1_000, InputTokensPerRequest = 3_000, OutputTokensPerRequest = 500 },
        ],
    };

    [Fact]
    public void MeanRequestShape_MonthWithTraffic_WeighsTheProfilesByRequests()
    {
        var (plan, parameters, volumes) = Compute(TwoProfiles);

        // (3,000 × 1,000 + 1,000 × 3,000) ÷ 4,000 = 1,500 input; (3,000 × 100 + 1,000 × 500) ÷ 4,000 = 200 output
        plan.MeanRequestShape(parameters, volumes, 0).Should().Be((1_500.0, 200.0));
    }

    [Fact]
    public void MeanRequestShape_MonthWithoutTraffic_WeighsTheProfilesEqually()
    {
        // Given no requests at all, so that capacity can still be sized from a request shape
        var idle = TwoProfiles with { Profiles = [.. TwoProfiles.Profiles.Select(p => p with { MonthlyRequests = 0 })] };
        var (plan, parameters, volumes) = Compute(idle);

        // (1,000 + 3,000) ÷ 2 = 2,000 input; (100 + 500) ÷ 2 = 300 output
        plan.MeanRequestShape(parameters, volumes, 1).Should().Be((2_000.0, 300.0));
    }

    private static (WorkloadPlan Plan, double[] Parameters, WorkloadVolumes Volumes) Compute(Workload workload)
    {
        var parameters = new LlmTco.Evaluation.PlanParameters();
        var plan = new WorkloadPlan(workload, 2, parameters);
        var volumes = new WorkloadVolumes(workload.Profiles.Count, 2);
        var baseline = parameters.Baseline;
        plan.Compute(baseline, volumes, [], null).Should().BeTrue();
        return (plan, baseline, volumes);
    }
}
