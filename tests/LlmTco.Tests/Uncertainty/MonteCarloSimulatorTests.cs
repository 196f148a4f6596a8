using System.Globalization;
using System.Text.RegularExpressions;
using CsCheck;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
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
        { "percentiles 0 and 1.5", "Percentiles are fractions strictly between 0 and 1 (value: 0).*" },
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
            "percentiles 0 and 1.5" => new MonteCarloOptions { Percentiles = [0, 1.5] },
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

    [Fact]
    public void Constructors_NullEngineOrCatalog_Throw()
    {
        FluentActions.Invoking(() => new MonteCarloSimulator((TcoEngine)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("engine");
        FluentActions.Invoking(() => new MonteCarloSimulator((PricingCatalog)null!)).Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("catalog");
    }

    [Fact]
    public void RunAndRunAsync_NullScenario_ThrowAtOnce()
    {
        // When
        var run = () => Simulator.Run(null!);
        Action runAsync = () => Simulator.RunAsync(null!);

        // Then RunAsync throws before it starts a task, not from the task
        run.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("scenario");
        runAsync.Should().Throw<ArgumentNullException>().Which.ParamName.Should().Be("scenario");
    }

    [Fact]
    public void MonteCarloOptions_Defaults_AreTheDocumentedOnes()
    {
        var options = new MonteCarloOptions();

        options.Trials.Should().BeNull();
        options.Seed.Should().BeNull();
        options.Percentiles.Should().BeEmpty();
        options.MaxDegreeOfParallelism.Should().Be(-1, "every core");
        options.MonthlyPercentileTrials.Should().Be(2_000);
        options.Evaluation.Should().Be(TrialEvaluation.Automatic);
    }

    [Fact]
    public void Run_PercentilesFromScenarioAndOptions_AreMergedSortedAndDeduplicated()
    {
        // Given P25 and P5 in the scenario, and P75 and P25 + 10⁻¹³ (the same percentile, within 10⁻¹²) in the options
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 20);
        var scenario = constant with { Uncertainty = constant.Uncertainty! with { Percentiles = [0.25, 0.05] } };

        // When
        var result = Simulator.Run(scenario, new MonteCarloOptions { Percentiles = [0.75, 0.25 + 1e-13] });

        // Then P10, P50 and P90 always, plus each requested one once, lowest first, in the result and in every summary
        result.Percentiles.Should().Equal(0.05, 0.1, 0.25, 0.5, 0.75, 0.9);
        result.Pairs[0].BreakEvenMonth.Values.Select(v => v.Percentile).Should().Equal(0.05, 0.1, 0.25, 0.5, 0.75, 0.9);
    }

    [Fact]
    public void Run_ScenarioPercentilesNull_GivesTheStandardOnes()
    {
        // Given a scenario whose percentile list is null (as a configuration binder may leave it)
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 20);
        var scenario = constant with { Uncertainty = constant.Uncertainty! with { Percentiles = null! } };

        // Then
        Simulator.Run(scenario).Percentiles.Should().Equal(0.1, 0.5, 0.9);
    }

    [Fact]
    public void Run_PercentilesExactly1e12Apart_CountAsOne()
    {
        // Given 1e−12 and 2e−12: 2e−12 is exactly twice 1e−12 in binary, so they differ by exactly 1e−12, which is not more
        // than the tolerance
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 20);

        // When
        var result = Simulator.Run(scenario, new MonteCarloOptions { Percentiles = [1e-12, 2e-12] });

        // Then
        result.Percentiles.Should().Equal(1e-12, 0.1, 0.5, 0.9);
    }

    [Fact]
    public void Run_OneTrialAndNoMonthlyTrials_AreAllowed()
    {
        // Given the smallest run the options allow: 1 trial, and no trials kept for the month-by-month percentiles
        var scenario = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 10);

        // When
        var result = Simulator.Run(scenario, new MonteCarloOptions { Trials = 1, MonthlyPercentileTrials = 0 });

        // Then
        result.Trials.Should().Be(1);
        result.MonthlyPercentileTrials.Should().Be(0);
        var pair = result.Pairs[0];
        pair.BreakEvenMonths.Should().ContainSingle();
        pair.CumulativeDifferenceByMonth.Should().HaveCount(12).And.OnlyContain(s => s.Count == 0 && s.P50 == null && s.Mean == null);
    }

    [Fact]
    public void Run_MaximumTrialsOnAnInvalidScenario_ReportsTheScenarioNotTheTrials()
    {
        // Given 10,000,000 trials (the most allowed) of a scenario whose uncertain path is misspelt
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 10);
        var scenario = constant with
        {
            Uncertainty = constant.Uncertainty! with { Inputs = [new UncertainInput { Path = "selfHostedOptions[0].people.setupCots", Distribution = Distribution.Uniform(30_400, 152_000) }] },
        };

        // When
        var act = () => Simulator.Run(scenario, new MonteCarloOptions { Trials = UncertaintySettings.MaxTrials });

        // Then the trial count passes and the scenario's error is reported
        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new ScenarioError("$.uncertainty.inputs[0].path", "selfHostedOptions[0].people.setupCots", "'setupCots' is not a property of 'selfHostedOptions[0].people'; did you mean 'setupCost'?"));
    }

    [Fact]
    public void Run_Progress_FewTrials_ReportsOneChunk()
    {
        // Given 15 trials: less than the smallest chunk of 16, so one chunk, reported once
        var reports = new List<MonteCarloProgress>();

        // When
        Simulator.Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 15), progress: new SynchronousProgress(reports));

        // Then
        reports.Should().Equal(new MonteCarloProgress(15, 15));
    }

    [Fact]
    public void Run_Progress_ComesInChunksOfAtMost18Trials_For300Trials()
    {
        // Given 300 trials: chunks of 300 ÷ (16 × cores) trials, at least 16: 18 on one core, 16 on more, so at least
        // ⌈300 ÷ 18⌉ = 17 reports, each at most 18 trials after another
        var reports = new List<MonteCarloProgress>();

        // When
        Simulator.Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 300), progress: new SynchronousProgress(reports));

        // Then
        var done = reports.Select(r => r.CompletedTrials).Order().ToList();
        done.Should().HaveCountGreaterThanOrEqualTo(17);
        done[^1].Should().Be(300);
        done.Prepend(0).Zip(done, (a, b) => b - a).Should().OnlyContain(step => step >= 1 && step <= 18);
    }

    [Fact]
    public void Run_OneThread_RunsEveryTrialOnOneThread()
    {
        // Given 2,000 trials on at most one thread, and a progress handler that holds up its first report for 100 ms, time
        // enough for other threads to take chunks were they allowed to
        var threads = new HashSet<int>();
        var first = 1;
        var progress = new CallbackProgress(_ =>
        {
            lock (threads)
            {
                threads.Add(Environment.CurrentManagedThreadId);
            }

            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                Thread.Sleep(100);
            }
        });

        // When
        Simulator.Run(UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 2_000), new MonteCarloOptions { MaxDegreeOfParallelism = 1 }, progress);

        // Then
        threads.Should().ContainSingle();
    }

    [Fact]
    public void Run_FailingTrialOnOneThread_EvaluatesNoLaterChunk()
    {
        // Given the untruncated normal target utilisation of Run_DrawOutsideTheValidRange (above 1 in 6.7 % of trials), on
        // one thread, which takes the chunks in order
        var reports = new List<MonteCarloProgress>();
        var scenario = UncertaintyScenarios.Growing(trials: 400, inputs: new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Normal(0.7, 0.2) });

        // When
        var act = () => Simulator.Run(scenario, new MonteCarloOptions { MaxDegreeOfParallelism = 1 }, new SynchronousProgress(reports));

        // Then the run stops at the failing trial's chunk: the trials reported done all come before it
        var message = act.Should().Throw<ScenarioValidationException>().Which.Message;
        var trial = int.Parse(Regex.Match(message, @"in Monte Carlo trial (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        reports.Select(r => r.CompletedTrials).DefaultIfEmpty(0).Max().Should().BeLessThanOrEqualTo(trial);
    }

    [Fact]
    public void Run_FailingTrialWithTwoInputs_ListsBothDrawnValues()
    {
        // Given two uncertain inputs, one of which sometimes leaves the valid range
        var scenario = UncertaintyScenarios.Growing(
            trials: 400,
            inputs:
            [
                new UncertainInput { Path = "selfHostedOptions[0].targetUtilization", Distribution = Distribution.Normal(0.7, 0.2) },
                new UncertainInput { Path = "workload.peakToAverageRatio", Distribution = Distribution.Uniform(1.5, 3) },
            ]);

        // When
        var act = () => Simulator.Run(scenario);

        // Then
        act.Should().Throw<ScenarioValidationException>()
            .WithMessage("*(in Monte Carlo trial *, with selfHostedOptions[0].targetUtilization = *, workload.peakToAverageRatio = *; narrow the distribution or truncate it)*");
    }

    [Fact]
    public void Run_DrawOutsideTheWholeNumbers_IsReportedAsAnUncertaintyError()
    {
        // Given a whole-number input drawn from N(0, 10¹²): |x| < 2³¹ ≈ 2.1 × 10⁹ in only 0.2 % of trials, so a trial soon draws a
        // value no int can hold
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 20);
        var scenario = constant with
        {
            Uncertainty = constant.Uncertainty! with { Inputs = [new UncertainInput { Path = "selfHostedOptions[0].redundancyReplicas", Distribution = Distribution.Normal(0, 1e12) }] },
        };

        // When
        var act = () => Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });

        // Then
        var error = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("$.uncertainty");
        error.Value.Should().BeNull();
        error.Message.Should().Match("'selfHostedOptions[0].redundancyReplicas' is a whole number; * is out of range.*(in Monte Carlo trial *, with selfHostedOptions[0].redundancyReplicas = *)");
    }

    [Fact]
    public void Run_TrialNeedingAPriceTheCatalogLacks_ThrowsTheLookupError()
    {
        // Given storage of 0 GB in the scenario (no price needed) but 1 to 100 GB in every trial, with a provider the
        // catalog does not list
        var constant = UncertaintyScenarios.ConstantSaving(Distribution.Uniform(30_400, 152_000), trials: 20);
        var scenario = constant with
        {
            SelfHostedOptions = [constant.SelfHostedOptions[0] with { Storage = new StorageCosts { GbHeld = 0, StorageProvider = "nowhere", StorageService = "vault" } }],
            Uncertainty = constant.Uncertainty! with { Inputs = [new UncertainInput { Path = "selfHostedOptions[0].storage.gbHeld", Distribution = Distribution.Uniform(1, 100) }] },
        };

        // When
        var act = () => Simulator.Run(scenario);

        // Then
        act.Should().Throw<PricingLookupException>().WithMessage("*No storage price for 'nowhere' 'vault'*");
    }

    [Fact]
    public void Run_NoTrafficWithARooflineThroughput_IsEvaluatedInPlaceAsInEachTrialsOwnScenario()
    {
        // Given no traffic in any trial and fp8 weights (the one benchmark row is bf16): the roofline throughput takes the
        // request shape from the traffic and, without any, the profiles' mean — in place as in each trial's own scenario
        // (issue 14: before the cost model was one implementation, the kernel handed every such trial to the engine)
        var growing = UncertaintyScenarios.Growing(trials: 50, inputs: new UncertainInput { Path = "workload.profiles[*].monthlyRequests", Distribution = Distribution.Point(0) });
        var scenario = growing with { SelfHostedOptions = growing.SelfHostedOptions.Select(o => o with { Precision = NumericPrecision.Fp8 }).ToList() };

        // When
        var kernel = Simulator.Run(scenario);
        var engine = Simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine });

        // Then
        kernel.Evaluation.Should().Be(TrialEvaluation.Kernel);
        kernel.TrialsEvaluatedByEngine.Should().Be(0);
        engine.TrialsEvaluatedByEngine.Should().Be(0, "the engine evaluated every trial by choice");
        Fingerprint(kernel).Should().Equal(Fingerprint(engine));
    }

    [Fact]
    public void Summarize_NoValues_HasNoMeanAndNoPercentiles()
    {
        // Given only NaN ("no value"), which is left out
        var summary = MonteCarloSimulator.Summarize(new[] { double.NaN, double.NaN }, [0.1, 0.5, 0.9], double.PositiveInfinity);

        // Then
        summary.Count.Should().Be(0);
        summary.Mean.Should().BeNull();
        summary.Values.Should().Equal(new PercentileValue(0.1, null), new PercentileValue(0.5, null), new PercentileValue(0.9, null));
    }

    [Fact]
    public void Summarize_PercentileAtTheFiniteLimit_IsKept_AboveIt_IsNull()
    {
        // Given [12, 13, 13] with the limit 12 (a 12-month horizon). R-8: h = (n + ⅓) p + ⅓, so P10 has h = 0.667 (below the
        // first: x₁ = 12) and P50 has h = 2 (x₂ = 13)
        var summary = MonteCarloSimulator.Summarize(new double[] { 13, 12, 13 }, [0.1, 0.5], 12);

        // Then
        summary.P10.Should().Be(12);
        summary.At(0.5).Should().BeNull();
    }

    [Fact]
    public void Summarize_Mean_IsTheSumInTrialOrderOverTheCount()
    {
        // Given [0.1, 0.2, 0.3]: in double arithmetic 0.1 + 0.2 = 0.30000000000000004, + 0.3 = 0.6000000000000001, ÷ 3 =
        // 0.20000000000000004 (a running mean would give 0.2)
        var summary = MonteCarloSimulator.Summarize(new[] { 0.1, 0.2, 0.3 }, [0.5], double.PositiveInfinity);

        // Then
        summary.Mean.Should().Be((0.1 + 0.2 + 0.3) / 3).And.Be(0.20000000000000004);
    }

    [Fact]
    public void Summarize_SumOverflows_TakesARunningMean()
    {
        // Given [10³⁰⁸, 10³⁰⁸], whose sum overflows to ∞: the running mean is 10³⁰⁸ + (10³⁰⁸ − 10³⁰⁸) ÷ 2 = 10³⁰⁸
        var summary = MonteCarloSimulator.Summarize(new[] { 1e308, 1e308 }, [0.5], double.PositiveInfinity);

        // Then
        summary.Mean.Should().Be(1e308);
    }

    [Fact]
    public void Scratch_Get_ReusesTheArrayOfEachLength()
    {
        // Given
        var scratch = new MonteCarloSimulator.Scratch();

        // When
        var three = scratch.Get(3);

        // Then
        three.Should().HaveCount(3);
        scratch.Get(3).Should().BeSameAs(three);
        scratch.Get(4).Should().HaveCount(4).And.NotBeSameAs(three);
    }

    [Theory]
    [InlineData(new[] { -1.0, 0, 1 }, new long[] { 6, 6, 5 })]
    [InlineData(new[] { 1.0, -1, double.NaN, 0, -2, 0, 3 }, new long[] { 5, 6, 5, 6, 6, 6, 5 })]
    [InlineData(new[] { 0.0, 0, 0, 0, 0, 0, 0, 0, -0.5 }, new long[] { 6, 6, 6, 6, 6, 6, 6, 6, 6 })]
    [InlineData(new[] { 0.0, 0, 0, 0, 1, double.NaN }, new long[] { 6, 6, 6, 6, 5, 5 })]
    public void CountCheaper_AddsOneWhereTheDifferenceIsAtMostZero(double[] differences, long[] expected)
    {
        // Given counts of 5 everywhere: each month at most 0 (self-hosting cheaper or equal) becomes 6; above 0 or NaN stays
        // 5 — in the four-wide vector part and in the remainder alike
        var counts = Enumerable.Repeat(5L, differences.Length).ToArray();

        // When
        MonteCarloSimulator.CountCheaper(differences, counts);

        // Then
        counts.Should().Equal(expected);
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

    private sealed class CallbackProgress(Action<MonteCarloProgress> report) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value) => report(value);
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
