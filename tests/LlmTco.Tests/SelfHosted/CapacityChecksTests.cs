using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;
using Xunit.Abstractions;

namespace LlmTco.Tests.SelfHosted;

/// <summary>
/// The capacity rules checked against published figures and the bundled benchmark table (issue "Serving capacity that
/// holds for real traffic", docs/methodology.md "Capacity").
/// </summary>
public sealed class CapacityChecksTests(ITestOutputHelper output)
{
    private static readonly PricingCatalog Catalog = PricingCatalog.Default;

    /// <summary>A replica's capacity as a self-hosted option with the defaults (BF16 KV cache, MBU 0.6, MFU 0.4, batch 32, 90 % usable memory) sees it.</summary>
    private static ReplicaCapacity CapacityOf(string model, string gpuModel, NumericPrecision precision, int gpus, IReadOnlyList<ThroughputBenchmark> rows)
    {
        var m = Catalog.GetOpenModel(model);
        var gpu = Catalog.GetGpu(gpuModel);
        return new ReplicaCapacity(
            CapacityMath.WeightBytes(m, precision),
            tokens => CapacityMath.KvCacheBytesPerSequence(m, NumericPrecision.Bf16, tokens),
            gpus * (double)gpu.MemoryBandwidthTbPerSecond * 1e12,
            gpus * CapacityMath.PeakFlopsPerSecond(gpu, precision),
            (double)m.ActiveParametersBillions * 1e9,
            0.6,
            0.4,
            32,
            gpus * (double)gpu.MemoryGb * 1e9 * 0.9,
            rows);
    }

    /// <summary>One month of 1e6 chat requests of 1,000 in / 1,000 out on Llama 3.3 70B FP8, 2 × H100 per replica.</summary>
    private static Scenario Chat70B(LatencyTarget? latency) => new()
    {
        Name = "chat",
        StartDate = new DateOnly(2027, 1, 1),
        HorizonMonths = 1,
        Workload = new Workload { Profiles = [new TrafficProfile { Name = "chat", MonthlyRequests = 1e6, InputTokensPerRequest = 1000, OutputTokensPerRequest = 1000, Latency = latency }] },
        SelfHostedOptions =
        [
            new SelfHostedOption
            {
                Name = "70B", Model = "llama-3.3-70b", Gpu = "H100-SXM", Precision = NumericPrecision.Fp8, GpusPerReplica = 2,
                Rented = new RentedCompute { Provider = "lambda", PricePerGpuHour = 2.5 },
            },
        ],
    };

    [Fact]
    public void LeaveOneOut_OnTheBundledTable_MedianErrorIsAtMostATwentyFifthPercent()
    {
        // For every model / GPU / precision / group with offline rows at several shapes, each offline row is predicted
        // from the group's other rows (rows at its own shape left out too) and compared with what it measured.
        var errors = new List<double>();
        var nearestErrors = new List<double>();
        foreach (var group in Catalog.ThroughputBenchmarks.Where(r => !r.HasLatency).GroupBy(r => (r.ModelId, r.GpuModel, r.Precision, r.GpusPerReplica)))
        {
            foreach (var target in group.Where(r => r.Concurrency == 0))
            {
                var others = group.Where(r => (r.InputTokens, r.OutputTokens) != (target.InputTokens, target.OutputTokens)).ToList();
                if (others.Count == 0)
                {
                    continue;
                }

                var capacity = CapacityOf(group.Key.ModelId, group.Key.GpuModel, group.Key.Precision, group.Key.GpusPerReplica, others);
                var predicted = capacity.Offline(target.InputTokens, target.OutputTokens);
                var actual = (double)target.OutputTokensPerSecondPerReplica;
                errors.Add(predicted.TokensPerSecond / actual - 1);

                // The rule before: the nearest row's figure as is
                var nearest = others.OrderBy(r => Math.Abs(Math.Log((double)r.InputTokens / target.InputTokens)) + Math.Abs(Math.Log((double)r.OutputTokens / target.OutputTokens))).First();
                nearestErrors.Add((double)nearest.OutputTokensPerSecondPerReplica / actual - 1);
                output.WriteLine($"{target.ModelId} {target.GpusPerReplica}x{target.GpuModel} {target.InputTokens}/{target.OutputTokens}: {predicted.TokensPerSecond:F0} ({predicted.Basis}) vs {actual:F0}: {predicted.TokensPerSecond / actual - 1:P1}; nearest row {nearestErrors[^1]:P1}");
            }
        }

        static double Median(List<double> xs) => xs.Select(Math.Abs).Order().ElementAt(xs.Count / 2);
        output.WriteLine($"{errors.Count} rows: median |error| {Median(errors):P1}, largest {errors.Max(Math.Abs):P1}; nearest row: {Median(nearestErrors):P1}, largest {nearestErrors.Max(Math.Abs):P1}");

        errors.Should().HaveCountGreaterThan(20, "the bundled table has rows at several shapes for many groups");
        Median(errors).Should().BeLessThanOrEqualTo(0.25);
        Median(errors).Should().BeLessThan(Median(nearestErrors), "carrying a row over by the roofline must beat taking the nearest row as is");
    }

    [Fact]
    public void NearestRowRule_MissedTwoThousandFromOneThousandByMoreThanSixtyPercent_TheCarriedRowDoesNot()
    {
        // The example: Llama 3.1 8B FP8 on one H100, 2,048 / 2,048 (9,305 tokens/s measured) from the
        // 1,000 / 1,000 row (15,220): the nearest-row rule says 15,220, +64 %.
        var rows = Catalog.FindThroughputBenchmarks("llama-3.1-8b", "H100-SXM", NumericPrecision.Fp8, 1).Where(r => r.Engine == "tensorrt-llm-pytorch" && r.InputTokens == 1000).ToList();
        rows.Should().ContainSingle().Which.OutputTokensPerSecondPerReplica.Should().Be(15_220);
        var capacity = CapacityOf("llama-3.1-8b", "H100-SXM", NumericPrecision.Fp8, 1, rows);

        var predicted = capacity.Offline(2048, 2048);

        (15_220.0 / 9_305 - 1).Should().BeGreaterThan(0.63);
        predicted.Basis.Should().Be(CapacityBasis.Carried);
        Math.Abs(predicted.TokensPerSecond / 9_305 - 1).Should().BeLessThan(0.25);
    }

    [Fact]
    public void RetrievalWorkload_LongPrompts_NeedsAtLeastTwoH100s()
    {
        // 20 million requests a month × 8,000 input / 200 output tokens, peak-to-average 2, Llama 3.1 8B FP8 on H100.
        // Reading the prompts at the peak alone: 2e7 × 8,000 / 2,628,000 s × 2 = 121,766 input tokens/s × 2 × 8e9
        // FLOPs = 1.948e15 FLOP/s, nearly the H100's whole FP8 dense peak of 1.979e15. At most 1.979e15 / (2 × 8e9) ×
        // 200 / 8,000 = 3,092.2 output tokens/s per H100, and the peak needs 2e7 × 200 / 2,628,000 × 2 = 3,044.1:
        // 3,044.1 / (3,092.2 × 0.7) = 1.41 → at least 2 (the nearest-row rule took 15,220 tokens/s: 1 H100 at 20 %).
        var profile = new TrafficProfile { Name = "retrieval", MonthlyRequests = 20e6, InputTokensPerRequest = 8000, OutputTokensPerRequest = 200 };
        var scenario = new Scenario
        {
            Name = "retrieval",
            StartDate = new DateOnly(2027, 1, 1),
            HorizonMonths = 1,
            Workload = new Workload { Profiles = [profile], PeakToAverageRatio = 2 },
            SelfHostedOptions =
            [
                new SelfHostedOption
                {
                    Name = "8B on H100", Model = "llama-3.1-8b", Gpu = "H100-SXM", Precision = NumericPrecision.Fp8,
                    Rented = new RentedCompute { Provider = "lambda", PricePerGpuHour = 2.5 },
                },
            ],
        };

        var self = new TcoEngine(Catalog).Evaluate(scenario).Option("8B on H100");

        self.Months[0].Gpus.Should().BeGreaterThanOrEqualTo(2);
        self.ReplicaThroughputTokensPerSecond.Should().BeLessThanOrEqualTo(1.979e15 / (2 * 8e9) * 200 / 8000);
    }

    [Fact]
    public void NoBundledRow_ReadsPromptsFasterThanTheDensePeak()
    {
        // Whatever a row says, carried to any shape: output tokens/s ≤ peak FLOPS ÷ (2 × active parameters) × output ÷ input
        foreach (var group in Catalog.ThroughputBenchmarks.GroupBy(r => (r.ModelId, r.GpuModel, r.Precision, r.GpusPerReplica)))
        {
            var model = Catalog.GetOpenModel(group.Key.ModelId);
            var gpu = Catalog.GetGpu(group.Key.GpuModel);
            var capacity = CapacityOf(group.Key.ModelId, group.Key.GpuModel, group.Key.Precision, group.Key.GpusPerReplica, group.ToList());
            foreach (var (input, outputTokens) in new[] { (128.0, 128.0), (8000.0, 200.0), (32000.0, 100.0), (1000.0, 1000.0) })
            {
                var limit = group.Key.GpusPerReplica * CapacityMath.PeakFlopsPerSecond(gpu, group.Key.Precision) / (2 * (double)model.ActiveParametersBillions * 1e9) * outputTokens / input;
                capacity.Offline(input, outputTokens).TokensPerSecond.Should().BeLessThanOrEqualTo(limit * (1 + 1e-12), $"{group.Key} at {input}/{outputTokens}");
            }
        }
    }

    [Fact]
    public void MlPerfServerScenario_LatencyBoundedFigureIsBelowTheOfflineOneAndNeverAboveIt()
    {
        // MLPerf Inference v4.1, Llama-2-70B on 8 × H100 (NVIDIA's submission, mlcommons/inference_results_v4.1):
        // offline 24,525 tokens/s, server 21,605.8 tokens/s under the server latency bounds (first token ≤ 2 s, 200 ms per
        // token at p99). Modelled here as Llama 3.1 70B (the same shape: 80 layers, 8 KV heads × 128), FP8, one
        // replica of 8 GPUs, at an assumed 300 in / 300 out request shape for both rows; the server row's medians are
        // put at its p99 bounds, which the medians are below.
        var offline = Row(0, 24_525m, null, null);
        var server = Row(1, 21_605.8m, 2m, 0.2m);
        var capacity = CapacityOf("llama-3.1-70b", "H100-SXM", NumericPrecision.Fp8, 8, [offline, server]);
        var target = new LatencyTarget { MaxTimeToFirstTokenSeconds = 2, MinOutputTokensPerSecondPerRequest = 5 };

        var off = capacity.Offline(300, 300);
        var interactive = capacity.Interactive(300, 300, target, off, out _, out _);

        off.TokensPerSecond.Should().Be(24_525);
        interactive.Basis.Should().Be(CapacityBasis.LatencyRow);
        interactive.TokensPerSecond.Should().Be(21_605.8);

        // A latency-bounded row claiming more than the offline figure is capped at it
        var optimistic = CapacityOf("llama-3.1-70b", "H100-SXM", NumericPrecision.Fp8, 8, [offline, Row(1, 30_000m, 2m, 0.2m)]);
        optimistic.Interactive(300, 300, target, optimistic.Offline(300, 300), out _, out _).TokensPerSecond.Should().Be(24_525);

        // And the roofline path never exceeds the offline figure, for any target
        var rooflineOnly = CapacityOf("llama-3.1-70b", "H100-SXM", NumericPrecision.Fp8, 8, [offline]);
        foreach (var speed in new[] { 1.0, 5, 10, 20, 40, 60 })
        {
            var figure = rooflineOnly.Interactive(300, 300, new LatencyTarget { MinOutputTokensPerSecondPerRequest = speed }, rooflineOnly.Offline(300, 300), out _, out _);
            figure.TokensPerSecond.Should().BeLessThanOrEqualTo(24_525, $"{speed} tokens/s per request");
        }

        static ThroughputBenchmark Row(int concurrency, decimal tokens, decimal? ttft, decimal? tpot) => new()
        {
            ModelId = "meta-llama/Llama-3.1-70B-Instruct", GpuModel = "H100-SXM", GpusPerReplica = 8, Precision = NumericPrecision.Fp8,
            Engine = "tensorrt-llm", InputTokens = 300, OutputTokens = 300, Concurrency = concurrency, OutputTokensPerSecondPerReplica = tokens,
            TimeToFirstTokenSecondsP50 = ttft, TimePerOutputTokenSecondsP50 = tpot,
            SourceUrl = new Uri("https://github.com/mlcommons/inference_results_v4.1"), CheckedOn = new DateOnly(2026, 12, 5),
        };
    }

    [Fact]
    public void BundledLatencyRows_MiniMaxM25OnEightH200_TheFastestRowThatMeetsTheTargetSetsTheCapacity()
    {
        // Given the bundled latency-bounded rows of MiniMax-M2.5 FP8 on one 8 × H200 replica (SemiAnalysis InferenceX, vLLM,
        // 8,192 in / 128 out), of which at this shape (median TTFT s, median TPOT s, output tokens/s):
        //   concurrency 4: 1.4346, 0.01916 (52.2 tokens/s per request), 142.9
        //   concurrency 8: 1.4712, 0.02515 (39.8 tokens/s per request), 234.2
        //   concurrency 16: 3.4446, 0.01997, 269.0 (first token too late for a 2 s target)
        var rows = Catalog.FindThroughputBenchmarks("MiniMaxAI/MiniMax-M2.5", "H200", NumericPrecision.Fp8, 8);
        var capacity = CapacityOf("MiniMaxAI/MiniMax-M2.5", "H200", NumericPrecision.Fp8, 8, rows);

        // When
        var offline = capacity.Offline(8192, 128);
        var chat = capacity.Interactive(8192, 128, new LatencyTarget { MaxTimeToFirstTokenSeconds = 2, MinOutputTokensPerSecondPerRequest = 30 }, offline, out _, out _);
        var fast = capacity.Interactive(8192, 128, new LatencyTarget { MaxTimeToFirstTokenSeconds = 2, MinOutputTokensPerSecondPerRequest = 50 }, offline, out _, out _);

        // Then the offline figure is the roofline (no offline row for this group), at the serving concurrency 32:
        //   KV per token 62 × 2 × 8 × 128 × 2 = 253,952 B; memory time (230e9 + 32 × 8,256 × 253,952) ÷ (8 × 4.8e12 × 0.6)
        //   = 12.8946 ms; compute 2 × 10e9 × 32 ÷ (8 × 1,978.9e12 × 0.4) = 0.101 ms; prefill 2 × 10e9 × 8,192 ÷ 6.33248e15
        //   = 25.873 ms; per request 25.873 + 128 × 12.8946 ÷ 32 = 77.452 ms → 128 ÷ 0.077452 = 1,652.6 tokens/s
        offline.Basis.Should().Be(CapacityBasis.Roofline);
        offline.TokensPerSecond.Should().BeApproximately(1_652.6, 0.1);

        // ≥ 30 tokens/s and first token ≤ 2 s: concurrency 4 and 8 qualify, the faster (8, 234.2 tokens/s) is used as measured
        chat.Basis.Should().Be(CapacityBasis.LatencyRow);
        chat.TokensPerSecond.Should().Be(234.2);
        capacity.Rows[chat.Row].Concurrency.Should().Be(8);

        // ≥ 50 tokens/s: only concurrency 4 (52.2 tokens/s per request) qualifies
        fast.Basis.Should().Be(CapacityBasis.LatencyRow);
        fast.TokensPerSecond.Should().Be(142.9);
    }

    [Fact]
    public void Interactive70B_FiftyTokensPerSecondPerRequest_GetsAtMostHalfTheOfflineThroughput()
    {
        // Llama 3.3 70B FP8 on 2 × H100 (bundled row: 1,000 / 1,000 offline, 4,205 tokens/s: at the offline batch of 256
        // each request sees 4,205 / 256 = 16 tokens/s). A chat profile asking 50 tokens/s per request:
        var scenario = Chat70B(new LatencyTarget { MinOutputTokensPerSecondPerRequest = 50 });
        var offlineOnly = Chat70B(null);

        var engine = new TcoEngine(Catalog);
        var interactive = engine.Evaluate(scenario);
        var offline = engine.Evaluate(offlineOnly).Option("70B").ReplicaThroughputTokensPerSecond;

        // Then the roofline (70e9 B FP8 weights, KV 327,680 B/token in BF16, 2 × 3.35 TB/s × 0.6, 2 × 1,979 TFLOPS × 0.4):
        //   offline batch floor((144e9 − 70e9) / (2,000 × 327,680)) = 112; roofline there 2,731 < 4,205 (k = 1: the row's
        //   extra speed is put down to larger batches, not faster steps); prefill 2 × 70e9 × 1,000 / 1.5832e15 = 88.43 ms
        //   batch 12: step (70e9 + 12 × 1,500 × 327,680) / 4.02e12 = 18.880 ms; per request 88.43 + 1,000 × 18.880 / 12
        //   = 1,661.8 ms per 12 requests' share → 1,000 / 1.6618 = 601.8 tokens/s, 50.15 per request ≥ 50
        //   batch 13: step 19.002 ms → 645.1 tokens/s, 49.62 per request < 50
        // so 601.8 tokens/s, 14 % of the offline 4,205 (at most half, as the check asks)
        offline.Should().Be(4_205);
        interactive.Option("70B").ReplicaThroughputTokensPerSecond.Should().BeApproximately(601.8, 0.1);
        interactive.Option("70B").ReplicaThroughputTokensPerSecond.Should().BeLessThanOrEqualTo(offline / 2);
        interactive.Assumptions.Should().ContainSingle(a => a.Text.StartsWith("Latency target of profile 'chat'", StringComparison.Ordinal))
            .Which.Text.Should().ContainAll("at least 50 output tokens/s per request", "up to batch 12");
    }

    [Fact]
    public void LatencyTargetNoBatchMeets_IsAnErrorNamingTheFastestSpeed()
    {
        // Llama 3.3 70B FP8 on 2 × H100 cannot give one request 500 tokens/s: one decode step reads 70 GB of weights at
        // 6.7 TB/s × 0.6 = 17.4 ms at least, under 60 tokens/s alone (calibrated to the 4,205 row)
        var scenario = Chat70B(new LatencyTarget { MinOutputTokensPerSecondPerRequest = 500 });

        var act = () => new TcoEngine(Catalog).Evaluate(scenario);

        var error = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be("workload.profiles[0].latency.minOutputTokensPerSecondPerRequest");
        error.Message.Should().ContainAll("cannot meet the latency target of profile 'chat'", "output tokens/s per request", "at best");
    }
}

/// <summary>Rentals billed in whole instances (docs/methodology.md, "Whole instances").</summary>
public sealed class WholeInstanceTests
{
    private static Scenario OneMonth(TrafficProfile profile, SelfHostedOption option) => new()
    {
        Name = "instances", StartDate = new DateOnly(2027, 1, 1), HorizonMonths = 1,
        Workload = new Workload { Profiles = [profile] }, SelfHostedOptions = [option],
    };

    private static readonly TrafficProfile Small = new() { Name = "small", MonthlyRequests = 1000, InputTokensPerRequest = 1000, OutputTokensPerRequest = 1000 };

    [Fact]
    public void OneH100Replica_AtAwsOnDemand_BillsTheWholeEightGpuInstance()
    {
        // gpu_rentals.csv: aws p5.48xlarge (8 × H100-SXM), on-demand, us-east-1, 6.88 per GPU-hour; AWS sells no smaller
        // H100 instance. One replica of one GPU: 8 GPUs billed × 730 h × 6.88 = 40,179.20 (per GPU it was 5,022.40)
        var option = new SelfHostedOption
        {
            Name = "8B on H100", Model = "llama-3.1-8b", Gpu = "H100-SXM", Precision = NumericPrecision.Fp8,
            Rented = new RentedCompute { Provider = "aws", Region = "us-east-1" },
        };

        var month = new TcoEngine(PricingCatalog.Default).Evaluate(OneMonth(Small, option)).Option("8B on H100").Months[0];

        month.Replicas.Should().Be(1);
        month.GpusNeeded.Should().Be(1);
        month.Gpus.Should().Be(8);
        month.Cost(CostLine.GpuRental).Should().BeApproximately(8 * 730 * 6.88, 1e-9);
    }

    [Theory]
    // Lambda's H100 SXM offers from 2026-09-20 (lambda-labs transcription): 1x 4.29, 2x 4.19, 4x 4.09, 8x 3.99 per GPU-hour.
    [InlineData(1, 1, 3_131.7)] // 1x: 730 × 4.29 = 3,131.70; the 2x would bill 2 × 730 × 4.19 = 6,117.40
    [InlineData(2, 2, 6_117.4)] // 2x: 2 × 730 × 4.19 = 6,117.40; two 1x would bill 2 × 730 × 4.29 = 6,263.40
    [InlineData(4, 4, 11_942.8)] // 4x: 4 × 730 × 4.09 = 11,942.80; two 2x 12,234.80, four 1x 12,526.80
    [InlineData(8, 8, 23_301.6)] // 8x: 8 × 730 × 3.99 = 23,301.60; two 4x would bill 8 × 730 × 4.09 = 23,885.60
    public void Lambda_TakesTheOfferWhoseInstancesCostLeastForTheReplicas(int replicas, int gpusBilled, double rent)
    {
        // Lambda sells H100s as 1x, 2x, 4x and 8x instances at falling per-GPU prices: which is cheapest depends on the GPUs needed.
        // Each replica is one GPU (given 5,000 tokens/s); replicas = ceil(peak ÷ (5,000 × 0.7)) with 2,628,000 s a month.
        var tokens = (replicas - 0.5) * 5_000 * 0.7 * 2_628_000;
        var profile = Small with { MonthlyRequests = tokens / 1000 };
        var option = new SelfHostedOption
        {
            Name = "8B", Model = "llama-3.1-8b", Gpu = "H100-SXM", Precision = NumericPrecision.Fp8, GpusPerReplica = 1,
            ReplicaThroughputTokensPerSecond = 5_000, Rented = new RentedCompute { Provider = "lambda" },
        };

        var month = new TcoEngine(PricingCatalog.Default).Evaluate(OneMonth(profile, option)).Option("8B").Months[0];

        month.Replicas.Should().Be(replicas);
        month.Gpus.Should().Be(gpusBilled);
        month.Cost(CostLine.GpuRental).Should().BeApproximately(rent, 1e-6);
    }

    [Theory]
    [InlineData(5, 2, 8, 16)] // 2-GPU replicas, 4 to an 8-GPU instance: 5 replicas → 2 instances
    [InlineData(4, 2, 8, 8)]
    [InlineData(3, 16, 8, 48)] // 16-GPU replicas on 8-GPU instances: 2 instances each
    [InlineData(3, 3, 8, 16)] // 3-GPU replicas, 2 to an instance (2 GPUs idle in each): 3 replicas → 2 instances
    [InlineData(0, 1, 8, 0)]
    public void GpusBilled_PacksReplicasIntoWholeInstances(int replicas, int gpusPerReplica, int gpusPerInstance, long billed)
    {
        SelfHostedPlan.GpusBilled(replicas, gpusPerReplica, gpusPerInstance).Should().Be(billed);
        SelfHostedPlan.ReplicasIn(billed, gpusPerReplica, gpusPerInstance).Should().BeGreaterThanOrEqualTo(replicas);
    }
}
