using CsCheck;
using LlmTco.Evaluation;
using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Scenarios;
using LlmTco.Tests.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Tests.Evaluation;

/// <summary>
/// The one cost model: evaluating a compiled scenario with every parameter treated as varied — so that every input is
/// read from the parameter vector and every quantity recomputed (volumes, growth and decline factors, batch discounts,
/// fine-tuning runs, tiers and memory fit) — gives, at the scenario's own values, exactly what the plan gives with its
/// precomputed baseline, and what <see cref="TcoEngine.Evaluate"/> reports.
/// </summary>
public sealed class ScenarioPlanTests
{
    public static TheoryData<string> Bundled => new(BundledScenarios.Names);

    [Theory]
    [MemberData(nameof(Bundled))]
    public void Evaluate_EveryParameterVariedAtItsBaseline_EqualsTheBaselineBitForBit(string name)
    {
        // Given a bundled scenario compiled against the bundled catalog
        var scenario = BundledScenarios.Load(name);

        // When / Then
        AssertEveryParameterAtBaselineEqualsBaseline(PricingCatalog.Default, scenario);
    }

    [Fact]
    public void Evaluate_GeneratedScenarios_EveryParameterVariedAtItsBaselineEqualsTheBaseline()
    {
        // Given the Monte Carlo test scenario (two profiles, two API options with a decline and a commitment, a rented and
        // an owned option with storage and people) with generated growth, tokens, shares, declines, utilisation, lead time
        // and fine-tuning
        var gen = Gen.Select(Gen.Double[-0.05, 0.1], Gen.Double[100, 8_000], Gen.Double[10, 2_000], Gen.Double[0, 0.5], Gen.Double[0, 0.4], Gen.Int[0, 5], Gen.Double[0, 1e8]);
        gen.Sample((rate, input, output, read, decline, lead, trainingTokens) =>
        {
            var s = UncertaintyScenarios.Growing();
            var profiles = s.Workload.Profiles.Select(p => p with { Growth = GrowthRule.Compound(rate), InputTokensPerRequest = input, OutputTokensPerRequest = output, CacheReadShare = read }).ToList();
            var scenario = s with
            {
                Uncertainty = null,
                Workload = s.Workload with { Profiles = profiles },
                ApiOptions = [s.ApiOptions[0] with { YearlyPriceDecline = decline }, .. s.ApiOptions.Skip(1)],
                SelfHostedOptions =
                [
                    s.SelfHostedOptions[0] with
                    {
                        LeadTimeMonths = lead,
                        BridgeApiOption = s.ApiOptions[0].Name,
                        FineTuning = new LlmTco.SelfHosted.FineTuningSchedule { TrainingTokens = trainingTokens, EveryMonths = 4, PricePerGpuHour = 2.5 },
                    },
                    .. s.SelfHostedOptions.Skip(1),
                ],
            };

            // Then
            AssertEveryParameterAtBaselineEqualsBaseline(TestScenarios.Catalog, scenario);
        }, iter: 60);
    }

    private static void AssertEveryParameterAtBaselineEqualsBaseline(PricingCatalog catalog, Scenario scenario)
    {
        var result = new TcoEngine(catalog).Evaluate(scenario);
        var plan = ScenarioPlan.Compile(catalog, scenario, describe: false);
        var varied = plan.Vary(Enumerable.Range(0, plan.Parameters.Count));
        var ws = new PlanWorkspace(plan);

        plan.Evaluate(ws.Parameters, ws, varied).Should().BeTrue();

        // Every total, cumulative and discounted cost, month by month, is the engine's to the last bit
        for (var o = 0; o < plan.OptionCount; o++)
        {
            var months = result.Options[o].Months;
            ws.Totals[o].Should().Equal(months.Select(m => m.Total), $"totals of {result.Options[o].Name}");
            ws.Cumulative[o].Should().Equal(months.Select(m => m.Cumulative));
            ws.Discounted[o].Should().Equal(months.Select(m => m.DiscountedCumulative));
        }

        for (var s = 0; s < plan.Selves.Length; s++)
        {
            ws.Gpus[s].Should().Equal(result.Options[plan.Selves[s].OptionIndex].Months.Select(m => m.Gpus));
        }
    }
}
