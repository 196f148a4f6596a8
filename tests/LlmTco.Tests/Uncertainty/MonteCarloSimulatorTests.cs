using CsCheck;
using LlmTco.Scenarios;
using LlmTco.Timeline;
using LlmTco.Uncertainty;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Uncertainty;

public sealed class MonteCarloSimulatorTests
{
    // Built per use: a static field would run the code under test once per test process, out of sight of Stryker's per-test coverage.
    private static MonteCarloSimulator Simulator => new(Engine);

    [Fact]
    public void Run_UniformSetupCost_BreakEvenPercentilesMatchTheClosedForm()
    {
        // Given a setup cost uniform on [30,400, 152,000] and a constant saving of 15,200 a month: break-even comes
        // setup ÷ 15,200 months from the start, uniform on [2, 10], so P10 = 2.8, P50 = 6, P90 = 9.2; the NPV difference
        // is setup − 12 × 15,200 = setup − 182,400 (no discounting), so P50 = 91,200 − 182,400 = −91,200
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 4_000);

        // When
        var result = Simulator.Run(scenario);

        // Then within 4 standard errors of a sample quantile of 4,000 draws: √(p(1 − p) ÷ 4,000) × range
        var pair = result.Pair("Model-8B", "Acme Mini");
        double Tolerance(double p, double range) => 4 * Math.Sqrt(p * (1 - p) / 4_000) * range;
        pair.BreakEvenMonth.P10!.Value.Should().BeApproximately(2.8, Tolerance(0.1, 8));
        pair.BreakEvenMonth.P50!.Value.Should().BeApproximately(6, Tolerance(0.5, 8));
        pair.BreakEvenMonth.P90!.Value.Should().BeApproximately(9.2, Tolerance(0.1, 8));
        pair.NpvDifference.P50!.Value.Should().BeApproximately(-91_200, Tolerance(0.5, 121_600));
        pair.NeverBreaksEvenShare.Should().Be(0);
        pair.CheaperFromStartShare.Should().Be(0);

        // And the chance of being cheaper by the end of month 6 is P(setup ≤ 6 × 15,200) = (91,200 − 30,400) ÷ 121,600 = 0.5
        pair.ProbabilityCheaperByMonth[5].Should().BeApproximately(0.5, Tolerance(0.5, 1));
        pair.ProbabilityCheaperByMonth[0].Should().Be(0, "the setup cost is above one month's saving in every trial");
        pair.ProbabilityCheaperByMonth[10].Should().Be(1, "every setup cost is paid back by month 10");

        // And each trial's break-even is its own setup ÷ 15,200, so the whole sample lies in [2, 10]
        pair.BreakEvenMonths.Should().OnlyContain(t => t >= 2 - 1e-9 && t <= 10 + 1e-9);
    }

    [Fact]
    public void Run_BreakEvenBeyondTheHorizonInSomeTrials_CountsThemAsNeverAndReportsNullPercentiles()
    {
        // Given setup ÷ 15,200 uniform on [6, 16] months, over a 12-month horizon: 40 % of trials never break even, so P50
        // (6 + 5 = 11) is within the horizon but P90 (15) is not
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(91_200, 243_200), trials: 4_000);

        var pair = Simulator.Run(scenario).Pair("Model-8B", "Acme Mini");

        pair.NeverBreaksEvenShare.Should().BeApproximately(0.4, 4 * Math.Sqrt(0.24 / 4_000));
        pair.BreakEvenMonth.P50!.Value.Should().BeApproximately(11, 4 * Math.Sqrt(0.25 / 4_000) * 10);
        pair.BreakEvenMonth.P90.Should().BeNull("the 90th percentile falls among the trials that never break even");
        pair.BreakEvenMonth.Mean.Should().BeNull();
    }

    [Fact]
    public void Run_PercentilesAreOrdered_ForAnyDistributionAndSeed()
    {
        // Given generated setup-cost distributions (reaching from cheaper-from-the-start to never within the horizon)
        var gen = Gen.Select(Gen.Double[0, 200_000], Gen.Double[1, 200_000], Gen.Int[0, 3], Gen.Long);

        gen.Sample((low, width, kind, seed) =>
        {
            var distribution = kind switch
            {
                0 => Distribution.Uniform(low, low + width),
                1 => Distribution.Triangular(low, low + (width / 3), low + width),
                2 => Distribution.Pert(low, low + (width / 2), low + width),
                _ => Distribution.Normal(low + (width / 2), width / 4, min: 0),
            };
            var result = Simulator.Run(UncertaintyScenarios.ConstantSaving(distribution, trials: 60, seed: seed), new MonteCarloOptions { Percentiles = [0.05, 0.95] });

            // Then every summary's percentiles never decrease (a null, "not finite", only ever follows)
            var pair = result.Pairs[0];
            var summaries = new[] { pair.BreakEvenMonth, pair.BreakEvenVolumeTokensPerMonth, pair.NpvDifference }
                .Concat(result.Options.SelectMany(o => new[] { o.Npv, o.CostPerMillionTokensAtHorizon }))
                .Concat(pair.CumulativeDifferenceByMonth);
            return summaries.All(Ordered);
        }, iter: 25);
    }

    [Fact]
    public void Run_AnyDegreeOfParallelism_GivesBitIdenticalResults()
    {
        // Given a scenario with six uncertain inputs of five kinds
        var scenario = UncertaintyScenarios.Growing(trials: 240);

        // When run on 1, 2 and 8 threads
        var runs = new[] { 1, 2, 8 }.Select(n => Simulator.Run(scenario, new MonteCarloOptions { MaxDegreeOfParallelism = n })).ToList();

        // Then every trial's outputs and every percentile are the same to the last bit
        foreach (var other in runs.Skip(1))
        {
            Fingerprint(other).Should().Equal(Fingerprint(runs[0]));
        }
    }

    [Fact]
    public void Run_SameSeed_SameResults_OtherSeed_OtherResults()
    {
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 200);

        var first = Fingerprint(Simulator.Run(scenario));
        var again = Fingerprint(Simulator.Run(scenario));
        var other = Fingerprint(Simulator.Run(scenario, new MonteCarloOptions { Seed = 8 }));

        again.Should().Equal(first);
        other.Should().NotEqual(first);
    }

    [Theory]
    [InlineData(TrialEvaluation.Engine)]
    [InlineData(TrialEvaluation.Automatic)]
    public void Run_PointDistributions_EqualTheDeterministicEngineExactly(TrialEvaluation evaluation)
    {
        // Given every uncertain input as a point, at values other than the scenario's
        var growing = UncertaintyScenarios.Growing();
        var points = growing.Uncertainty!.Inputs.Select((input, i) => input with { Distribution = Distribution.Point(input.Distribution.InverseCumulativeDistribution(0.3 + (0.05 * i))) }).ToList();
        var scenario = growing with { Uncertainty = growing.Uncertainty with { Inputs = points, Trials = 20 } };
        var deterministic = Engine.Evaluate(points.Aggregate(scenario with { Uncertainty = null }, (s, input) => Apply(s, input.Path, input.Distribution.Value!.Value)));

        // When
        var result = Simulator.Run(scenario, new MonteCarloOptions { Evaluation = evaluation });

        // Then every trial, and so every percentile, is the engine's answer to the last bit
        for (var p = 0; p < deterministic.BreakEvens.Count; p++)
        {
            var b = deterministic.BreakEvens[p];
            var pair = result.Pair(b.SelfHostedOption, b.ApiOption);
            var months = b.Nominal.Outcome switch { BreakEvenOutcome.CheaperFromStart => 0, BreakEvenOutcome.BreaksEven => b.Nominal.MonthsFromStart!.Value, _ => double.PositiveInfinity };
            pair.BreakEvenMonths.Should().AllSatisfy(t => t.Should().Be(months));
            pair.BreakEvenVolumes.Should().AllSatisfy(v => v.Should().Be(b.Volume.SelfHostedCheaperAboveTokensPerMonth ?? double.PositiveInfinity));
            var npv = deterministic.Option(b.SelfHostedOption).Npv - deterministic.Option(b.ApiOption).Npv;
            pair.NpvDifferences.Should().AllSatisfy(d => d.Should().Be(npv));
            pair.NpvDifference.P10.Should().Be(npv);
            pair.NpvDifference.P90.Should().Be(npv);
            var cumulative = deterministic.Option(b.SelfHostedOption).Months.Zip(deterministic.Option(b.ApiOption).Months, (s, a) => s.Cumulative - a.Cumulative).ToList();
            pair.CumulativeDifferenceByMonth.Select(m => m.P50).Should().Equal(cumulative.Select(c => (double?)c));
            pair.ProbabilityCheaperByMonth.Should().Equal(cumulative.Select(c => c <= 0 ? 1.0 : 0.0));
        }

        foreach (var option in deterministic.Options)
        {
            result.Option(option.Name).Npv.P50.Should().Be(option.Npv);
            result.Option(option.Name).CostPerMillionTokensAtHorizon.P50.Should().Be(option.Months[^1].CostPerMillionTokens);
        }
    }

    [Fact]
    public void Run_DrawOutsideTheValidRange_NamesTheTrialAndTheValues()
    {
        // Given an untruncated normal target utilisation, which some trials draw above 1
        var scenario = UncertaintyScenarios.Growing(trials: 400, inputs: new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Normal(0.7, 0.2) });

        var act = () => Simulator.Run(scenario);

        act.Should().Throw<ScenarioValidationException>()
            .WithMessage("*$.selfHostedOptions[0].targetUtilization: must be greater than 0 and at most 1*in Monte Carlo trial*selfHostedOptions[0].targetUtilization = *narrow the distribution or truncate it*");
    }

    [Fact]
    public void Run_Cancelled_Throws()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();

        var act = () => Simulator.Run(UncertaintyScenarios.Growing(), cancellationToken: cancel.Token);

        act.Should().Throw<OperationCanceledException>();
    }

    [Fact]
    public void Run_Progress_ReachesEveryTrial()
    {
        var reports = new List<MonteCarloProgress>();
        var progress = new SynchronousProgress(reports);

        Simulator.Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 300), progress: progress);

        reports.Should().NotBeEmpty();
        reports.Max(r => r.CompletedTrials).Should().Be(300);
        reports.Should().OnlyContain(r => r.TotalTrials == 300);
    }

    [Fact]
    public void Run_ScenarioWithoutUncertainty_SaysSo()
    {
        var act = () => Simulator.Run(ThreeMonths(RentedModel8B));

        act.Should().Throw<ArgumentException>().WithMessage("*has no uncertainty section*");
    }

    public static TheoryData<string, string> BadOptions => new()
    {
        { "no trials", "Trials must be from 1 to 10,000,000 (value: 0).*" },
        { "too many trials", "Trials must be from 1 to 10,000,000 (value: 10000001).*" },
        { "zero cores", "MaxDegreeOfParallelism must be −1 (every core) or at least 1.*" },
        { "minus two cores", "MaxDegreeOfParallelism must be −1 (every core) or at least 1.*" },
        { "negative fan trials", "MonthlyPercentileTrials must not be negative.*" },
        { "percentile 1", "Percentiles are fractions strictly between 0 and 1 (value: 1).*" },
        { "percentile 0", "Percentiles are fractions strictly between 0 and 1 (value: 0).*" },
    };

    [Theory]
    [MemberData(nameof(BadOptions))]
    public void Run_InvalidOptions_NamesTheOptionAndItsRange(string name, string message)
    {
        var options = name switch
        {
            "no trials" => new MonteCarloOptions { Trials = 0 },
            "too many trials" => new MonteCarloOptions { Trials = 10_000_001 },
            "zero cores" => new MonteCarloOptions { MaxDegreeOfParallelism = 0 },
            "minus two cores" => new MonteCarloOptions { MaxDegreeOfParallelism = -2 },
            "negative fan trials" => new MonteCarloOptions { MonthlyPercentileTrials = -1 },
            "percentile 1" => new MonteCarloOptions { Percentiles = [0.25, 1] },
            "percentile 0" => new MonteCarloOptions { Percentiles = [0] },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        var act = () => Simulator.Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 10), options);

        act.Should().Throw<ArgumentException>().WithMessage(message).Which.ParamName.Should().Be("options");
    }

    [Fact]
    public async Task RunAsync_GivesTheSameResultAsRun()
    {
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 200);

        var result = await Simulator.RunAsync(scenario);

        Fingerprint(result).Should().Equal(Fingerprint(Simulator.Run(scenario)));
        await FluentActions.Awaiting(() => Simulator.RunAsync(null!)).Should().ThrowAsync<ArgumentNullException>();
    }

    internal static Scenario Apply(Scenario scenario, string path, double value)
    {
        ScenarioPath.TryResolve(scenario, path, out var resolved, out var error).Should().BeTrue(error);
        return resolved!.Apply(scenario, value);
    }

    /// <summary>Every number a result holds, in a fixed order, for bit-for-bit comparison.</summary>
    internal static List<double> Fingerprint(MonteCarloResult result)
    {
        var numbers = new List<double>();
        void Add(PercentileSummary s) => numbers.AddRange(s.Values.Select(v => v.Value ?? double.NaN).Append(s.Mean ?? double.NaN));
        foreach (var pair in result.Pairs)
        {
            numbers.AddRange(pair.BreakEvenMonths);
            numbers.AddRange(pair.BreakEvenVolumes);
            numbers.AddRange(pair.NpvDifferences);
            numbers.AddRange(pair.ProbabilityCheaperByMonth);
            Add(pair.BreakEvenMonth);
            Add(pair.BreakEvenVolumeTokensPerMonth);
            Add(pair.NpvDifference);
            pair.CumulativeDifferenceByMonth.ToList().ForEach(Add);
        }

        foreach (var option in result.Options)
        {
            Add(option.Npv);
            Add(option.CostPerMillionTokensAtHorizon);
        }

        return numbers;
    }

    private static bool Ordered(PercentileSummary summary)
    {
        var values = summary.Values.Select(v => v.Value ?? double.PositiveInfinity).ToList();
        return values.Zip(values.Skip(1)).All(x => x.First <= x.Second);
    }

    private sealed class SynchronousProgress(List<MonteCarloProgress> reports) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value)
        {
            lock (reports)
            {
                reports.Add(value);
            }
        }
    }
}
