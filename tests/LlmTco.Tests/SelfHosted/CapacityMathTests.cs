using LlmTco.Pricing;
using LlmTco.SelfHosted;

namespace LlmTco.Tests.SelfHosted;

/// <summary>
/// The capacity formulas of <see cref="CapacityMath"/> checked against published figures and hand calculations.
/// Every expected number is derived in the comment next to it; tolerances are stated in the assertion.
/// </summary>
public sealed class CapacityMathTests
{
    /// <summary>Llama-2-70B as published: 80 layers, 64 attention heads, 8 KV heads (grouped-query attention), head dim 128.</summary>
    private static readonly OpenModel Llama2_70B = new()
    {
        ModelId = "meta-llama/Llama-2-70b-hf",
        Architecture = ModelArchitecture.Dense,
        TotalParametersBillions = 70m,
        ActiveParametersBillions = 70m,
        Layers = 80,
        HiddenSize = 8192,
        AttentionHeads = 64,
        KvHeads = 8,
        HeadDim = 128,
        ContextLengthTokens = 4096,
        Licence = "llama2",
        SourceUrl = new Uri("https://huggingface.co/meta-llama/Llama-2-70b-hf/blob/main/config.json"),
        CheckedOn = new DateOnly(2026, 11, 29),
    };

    /// <summary>An H100-SXM-like GPU: 989.5 dense BF16 TFLOPS, 1,979 dense FP8 TFLOPS, 3.35 TB/s (NVIDIA H100 datasheet).</summary>
    private static readonly Gpu H100 = new()
    {
        GpuModel = "H100-SXM",
        Vendor = "nvidia",
        MemoryGb = 80m,
        MemoryBandwidthTbPerSecond = 3.35m,
        Bf16DenseTflops = 989.5m,
        Fp8DenseTflops = 1979m,
        TdpWatts = 700m,
        SourceUrl = new Uri("https://www.nvidia.com/en-us/data-center/h100/"),
        CheckedOn = new DateOnly(2026, 11, 29),
    };

    /// <summary>An A100-80GB-like GPU: 312 dense BF16 TFLOPS and no FP8 tensor cores (NVIDIA A100 datasheet).</summary>
    private static readonly Gpu A100 = H100 with
    {
        GpuModel = "A100-80GB",
        MemoryBandwidthTbPerSecond = 2.039m,
        Bf16DenseTflops = 312m,
        Fp8DenseTflops = null,
        TdpWatts = 400m,
    };

    [Fact]
    public void TrainingGpuHours_Llama2_7B_IsWithinFivePercentOfThePublishedFigure()
    {
        // Given Llama 2 7B pre-training: k = 6, N = 7e9 parameters, D = 2e12 tokens, on A100 (312 TFLOPS BF16) at MFU 0.4
        // Published: Touvron et al. 2023, "Llama 2: Open Foundation and Fine-Tuned Chat Models", Table 2:
        // 184,320 GPU-hours for the 7B model on A100-80GB.

        // When
        var hours = CapacityMath.TrainingGpuHours(6, 7e9, 2e12, 312e12, 0.4);

        // Then, by hand: 6 × 7e9 × 2e12 = 8.4e22 FLOPs; 312e12 × 0.4 = 1.248e14 FLOPS;
        // 8.4e22 / 1.248e14 = 6.730769e8 s; / 3,600 = 186,965.8 GPU-hours (1.4 % above 184,320).
        hours.Should().BeApproximately(184_320, 184_320 * 0.05, "within 5 % of the Llama 2 paper's 184,320 GPU-hours");
        hours.Should().BeApproximately(186_965.8, 0.1, "the hand calculation 8.4e22 / 1.248e14 / 3,600");
    }

    [Fact]
    public void TrainingGpuHours_LoraFactorFour_IsTwoThirdsOfFullTraining()
    {
        // Given the same run with k = 4 (LoRA: no weight gradients) instead of 6
        var full = CapacityMath.TrainingGpuHours(6, 7e9, 2e12, 312e12, 0.4);

        // When
        var lora = CapacityMath.TrainingGpuHours(4, 7e9, 2e12, 312e12, 0.4);

        // Then 4 / 6 × 186,965.8 = 124,643.9 GPU-hours
        lora.Should().BeApproximately(124_643.9, 0.1);
        (lora / full).Should().BeApproximately(2.0 / 3, 1e-12);
    }

    [Fact]
    public void KvCacheBytesPerToken_Llama2_70B_Bf16_Is327680Bytes()
    {
        // Given Llama-2-70B: 80 layers, 8 KV heads, head dim 128, KV cache in BF16 (2 bytes)

        // When
        var bytes = CapacityMath.KvCacheBytesPerToken(Llama2_70B, NumericPrecision.Bf16);

        // Then 2 (K and V) × 80 × 8 × 128 × 2 bytes = 327,680 bytes per token (exact in binary floating point)
        bytes.Should().Be(327_680);
    }

    [Fact]
    public void KvCacheBytesPerToken_Llama2_70B_Fp8_IsHalfOfBf16()
    {
        // Given the KV cache in FP8 (1 byte per element)

        // When
        var bytes = CapacityMath.KvCacheBytesPerToken(Llama2_70B, NumericPrecision.Fp8);

        // Then 2 × 80 × 8 × 128 × 1 = 163,840 bytes per token
        bytes.Should().Be(163_840);
    }

    /// <summary>
    /// DeepSeek-V3 as in its config.json (deepseek-ai/DeepSeek-V3 inference/configs/config_671B.json and the Hugging Face
    /// config): 61 layers, 128 heads, num_key_value_heads 128, kv_lora_rank 512, qk_rope_head_dim 64; the head_dim column
    /// holds 56 (hidden 7,168 ÷ 128 heads) by the table's rule for configs without one.
    /// </summary>
    private static readonly OpenModel DeepSeekV3 = Llama2_70B with
    {
        ModelId = "deepseek-ai/DeepSeek-V3",
        Architecture = ModelArchitecture.MixtureOfExperts,
        TotalParametersBillions = 671m,
        ActiveParametersBillions = 37m,
        Layers = 61,
        HiddenSize = 7168,
        AttentionHeads = 128,
        KvHeads = 128,
        HeadDim = 56,
        KvLoraRank = 512,
        QkRopeHeadDim = 64,
        ContextLengthTokens = 163840,
    };

    /// <summary>gpt-oss-120b as in its config.json: 36 layers, 8 KV heads, head_dim 64, sliding_window 128 on the 18 "sliding_attention" layers of layer_types.</summary>
    private static readonly OpenModel GptOss120B = Llama2_70B with
    {
        ModelId = "openai/gpt-oss-120b",
        Architecture = ModelArchitecture.MixtureOfExperts,
        TotalParametersBillions = 117m,
        ActiveParametersBillions = 5.1m,
        Layers = 36,
        HiddenSize = 2880,
        AttentionHeads = 64,
        KvHeads = 8,
        HeadDim = 64,
        SlidingWindowTokens = 128,
        SlidingWindowLayers = 18,
        ContextLengthTokens = 131072,
    };

    [Fact]
    public void KvCacheBytesPerToken_DeepSeekV3_LatentAttention_Caches576NumbersPerLayer()
    {
        // Given DeepSeek-V3 with multi-head latent attention, KV cache in BF16

        // When
        var bytes = CapacityMath.KvCacheBytesPerToken(DeepSeekV3, NumericPrecision.Bf16);
        var plain = 2.0 * 61 * 128 * 56 * 2;

        // Then (512 + 64) × 61 layers × 2 bytes = 576 × 122 = 70,272 bytes per token, where the plain formula
        // 2 × 61 × 128 × 56 × 2 = 1,748,992 bytes would be 24.9 times as much
        bytes.Should().Be(70_272);
        (plain / bytes).Should().BeApproximately(24.89, 0.01);
    }

    [Fact]
    public void KvCacheBytesPerSequence_DeepSeekV3_8000Tokens_IsTokensTimesBytesPerToken()
    {
        // Given a sequence of 8,000 tokens in an FP8 KV cache (no sliding window: every layer keeps every token)

        // When
        var bytes = CapacityMath.KvCacheBytesPerSequence(DeepSeekV3, NumericPrecision.Fp8, 8000);

        // Then 8,000 × 576 × 61 × 1 byte = 281,088,000 bytes (≈ 0.28 GB; the plain formula would say 7.0 GB)
        bytes.Should().Be(281_088_000);
    }

    [Fact]
    public void KvCacheBytesPerSequence_GptOss120B_SlidingLayersStopAtTheWindow()
    {
        // Given gpt-oss-120b in a BF16 KV cache: 2 × 8 KV heads × 64 = 1,024 numbers per token per layer = 2,048 bytes

        // When
        var short100 = CapacityMath.KvCacheBytesPerSequence(GptOss120B, NumericPrecision.Bf16, 100);
        var long10000 = CapacityMath.KvCacheBytesPerSequence(GptOss120B, NumericPrecision.Bf16, 10_000);

        // Then, within the 128-token window all 36 layers hold every token: 100 × 36 × 2,048 = 7,372,800 bytes;
        // at 10,000 tokens the 18 full layers hold 10,000 and the 18 sliding ones 128:
        // (18 × 10,000 + 18 × 128) × 2,048 = 182,304 × 2,048 = 373,358,592 bytes (the plain formula: 737,280,000)
        short100.Should().Be(7_372_800);
        long10000.Should().Be(373_358_592);
        CapacityMath.KvCacheBytesPerToken(GptOss120B, NumericPrecision.Bf16).Should().Be(36 * 2048, "a token inside the window costs every layer");
    }

    [Fact]
    public void KvCacheBytesPerSequence_Llama2_70B_IsTokensTimesBytesPerToken()
    {
        // Given ordinary grouped-query attention, 1,500 tokens, BF16

        // When
        var bytes = CapacityMath.KvCacheBytesPerSequence(Llama2_70B, NumericPrecision.Bf16, 1500);

        // Then 1,500 × 327,680 = 491,520,000 bytes
        bytes.Should().Be(491_520_000);
    }

    [Fact]
    public void KvCacheBytesPerSequence_NegativeContext_Throws()
    {
        // Given a negative context
        var act = () => CapacityMath.KvCacheBytesPerSequence(Llama2_70B, NumericPrecision.Bf16, -1);

        // When/Then
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("contextTokens");
    }

    [Fact]
    public void WeightBytes_Llama2_70B_IsParametersTimesBytesPerParameter()
    {
        // Given 70e9 parameters
        // When / Then: BF16 70e9 × 2 = 140e9 bytes; FP8 70e9; INT4 35e9 (tolerance: 1 byte in 1.4e11)
        CapacityMath.WeightBytes(Llama2_70B, NumericPrecision.Bf16).Should().BeApproximately(140e9, 1);
        CapacityMath.WeightBytes(Llama2_70B, NumericPrecision.Fp8).Should().BeApproximately(70e9, 1);
        CapacityMath.WeightBytes(Llama2_70B, NumericPrecision.Int4).Should().BeApproximately(35e9, 1);
    }

    [Fact]
    public void WeightBytes_MixtureOfExperts_UsesTotalNotActiveParameters()
    {
        // Given a mixture of experts with 47B total and 13B active parameters (Mixtral-8x7B-like)
        var moe = Llama2_70B with { Architecture = ModelArchitecture.MixtureOfExperts, TotalParametersBillions = 47m, ActiveParametersBillions = 13m };

        // When
        var bytes = CapacityMath.WeightBytes(moe, NumericPrecision.Bf16);

        // Then every expert must be held in memory: 47e9 × 2 = 94e9 bytes (not 13e9 × 2)
        bytes.Should().BeApproximately(94e9, 1);
    }

    [Fact]
    public void DecodeStepSeconds_8BBf16Batch1OnH100_IsWeightsOverBandwidth()
    {
        // Given an 8B model in BF16 (16e9 bytes of weights), batch 1, no KV context, H100 at 3.35 TB/s and MBU 1

        // When
        var step = CapacityMath.DecodeStepSeconds(16e9, 1, 0, 131_072, 3.35e12, 1.0, 8e9, 989.5e12, 0.4);

        // Then memory time = 16e9 / 3.35e12 = 4.776119 ms; compute time = 2 × 8e9 / (989.5e12 × 0.4) = 0.0404 ms;
        // the larger, 4.776119 ms, is the step (tolerance 1e-12 s)
        step.Should().BeApproximately(16e9 / 3.35e12, 1e-12);
        step.Should().BeApproximately(4.776119e-3, 1e-9);
    }

    [Fact]
    public void DecodeStepSeconds_LargeBatchOnLowFlops_IsComputeBound()
    {
        // Given batch 1,024 on the A100 (312 TFLOPS) at MFU 0.4, 16e9 bytes of weights, no context, MBU 1

        // When
        var step = CapacityMath.DecodeStepSeconds(16e9, 1024, 0, 131_072, 2.039e12, 1.0, 8e9, 312e12, 0.4);

        // Then memory time = 16e9 / 2.039e12 = 7.847 ms; compute time = 2 × 8e9 × 1,024 / (312e12 × 0.4)
        // = 1.6384e13 / 1.248e14 = 131.282 ms, the larger (tolerance 1e-6 s)
        step.Should().BeApproximately(0.131282, 1e-6);
    }

    [Fact]
    public void RooflineOutputTokensPerSecond_8BBf16Batch1OnH100_IsAtMost209TokensPerSecond()
    {
        // Given batch-1 BF16 decode of an 8B model on an H100 (3.35 TB/s), no prompt, KV cache ignored

        // When at MBU 1 and at the default MBU 0.6
        var ideal = CapacityMath.RooflineOutputTokensPerSecond(16e9, 1, 0, 100, 0, 3.35e12, 1.0, 8e9, 989.5e12, 0.4);
        var realistic = CapacityMath.RooflineOutputTokensPerSecond(16e9, 1, 0, 100, 0, 3.35e12, 0.6, 8e9, 989.5e12, 0.4);

        // Then 1 / 4.776119 ms = 3.35e12 / 16e9 = 209.375 tokens/s is the ceiling;
        // at MBU 0.6: 0.6 × 209.375 = 125.625 tokens/s (tolerance 1e-9 tokens/s)
        ideal.Should().BeApproximately(209.375, 1e-9);
        ideal.Should().BeLessThanOrEqualTo(209.4);
        realistic.Should().BeApproximately(125.625, 1e-9);
    }

    [Fact]
    public void RooflineOutputTokensPerSecond_WithPromptAndKvCache_CountsPrefillAndContext()
    {
        // Given 1,000 input and 200 output tokens per request, KV 131,072 bytes per token (Llama-3-8B-like), batch 1, MBU 1
        var tokensPerSecond = CapacityMath.RooflineOutputTokensPerSecond(16e9, 1, 1000, 200, 131_072, 3.35e12, 1.0, 8e9, 989.5e12, 0.4);

        // Then, by hand: mean context 1,000 + 200 / 2 = 1,100 tokens → KV 1,100 × 131,072 = 144,179,200 bytes;
        // step = (16e9 + 0.1441792e9) / 3.35e12 = 4.819158 ms; prefill = 2 × 8e9 × 1,000 / (989.5e12 × 0.4)
        // = 1.6e13 / 3.958e14 = 40.4245 ms; per request 40.4245 + 200 × 4.819158 = 1,004.2561 ms;
        // 200 / 1.0042561 s = 199.1524 tokens/s (tolerance 1e-3), below the 209.4 ceiling
        tokensPerSecond.Should().BeApproximately(199.1524, 1e-3);
        tokensPerSecond.Should().BeLessThan(209.375);
    }

    [Fact]
    public void PrefillSeconds_IsTwoFlopsPerActiveParameterPerInputToken()
    {
        // Given 8e9 active parameters, 10,000 input tokens, 989.5 TFLOPS at MFU 0.4
        var seconds = CapacityMath.PrefillSeconds(8e9, 10_000, 989.5e12, 0.4);

        // Then 2 × 8e9 × 1e4 / 3.958e14 = 1.6e14 / 3.958e14 = 0.404245 s (tolerance 1e-6 s)
        seconds.Should().BeApproximately(0.404245, 1e-6);
    }

    [Theory]
    [InlineData(NumericPrecision.Bf16, 2.0)]
    [InlineData(NumericPrecision.Fp16, 2.0)]
    [InlineData(NumericPrecision.Fp8, 1.0)]
    [InlineData(NumericPrecision.Int8, 1.0)]
    [InlineData(NumericPrecision.Int4, 0.5)]
    [InlineData(NumericPrecision.Fp4, 0.5)]
    public void BytesPerParameter_EveryPrecision_IsItsWidthInBytes(NumericPrecision precision, double expected)
    {
        // Given a 16-, 8- or 4-bit format; When / Then: 16 bits = 2 bytes, 8 bits = 1, 4 bits = 0.5 (exact)
        CapacityMath.BytesPerParameter(precision).Should().Be(expected);
    }

    [Fact]
    public void BytesPerParameter_UndefinedPrecision_Throws()
    {
        // Given a value outside the enum
        var act = () => CapacityMath.BytesPerParameter((NumericPrecision)99);

        // Then
        act.Should().Throw<ArgumentOutOfRangeException>().Which.ParamName.Should().Be("precision");
        act.Should().Throw<ArgumentOutOfRangeException>().WithMessage("Unknown precision*");
    }

    [Fact]
    public void ModelAndGpuFormulas_NullArgument_ThrowArgumentNull()
    {
        var weights = () => CapacityMath.WeightBytes(null!, NumericPrecision.Bf16);
        var kv = () => CapacityMath.KvCacheBytesPerToken(null!, NumericPrecision.Bf16);
        var flops = () => CapacityMath.PeakFlopsPerSecond(null!, NumericPrecision.Bf16);

        weights.Should().Throw<ArgumentNullException>().WithParameterName("model");
        kv.Should().Throw<ArgumentNullException>().WithParameterName("model");
        flops.Should().Throw<ArgumentNullException>().WithParameterName("gpu");
    }

    [Theory]
    [InlineData(NumericPrecision.Fp8, 1979e12)]
    [InlineData(NumericPrecision.Int8, 1979e12)]
    [InlineData(NumericPrecision.Fp4, 1979e12)]
    [InlineData(NumericPrecision.Bf16, 989.5e12)]
    [InlineData(NumericPrecision.Fp16, 989.5e12)]
    [InlineData(NumericPrecision.Int4, 989.5e12)]
    public void PeakFlopsPerSecond_GpuWithFp8_PicksFp8ForEightBitAndBelow(NumericPrecision precision, double expected)
    {
        // Given the H100: 1,979 dense FP8 TFLOPS, 989.5 dense BF16 TFLOPS
        // Then FP8, INT8 and FP4 compute on the FP8 tensor cores; BF16, FP16 and INT4 (dequantised to BF16) on BF16 ones
        CapacityMath.PeakFlopsPerSecond(H100, precision).Should().BeApproximately(expected, 1);
    }

    [Theory]
    [InlineData(NumericPrecision.Fp8)]
    [InlineData(NumericPrecision.Int8)]
    [InlineData(NumericPrecision.Fp4)]
    [InlineData(NumericPrecision.Bf16)]
    public void PeakFlopsPerSecond_GpuWithoutFp8_FallsBackToBf16(NumericPrecision precision)
    {
        // Given the A100: 312 dense BF16 TFLOPS and no FP8 figure
        // Then every precision computes at 312e12 FLOPS
        CapacityMath.PeakFlopsPerSecond(A100, precision).Should().BeApproximately(312e12, 1);
    }

    [Fact]
    public void Constants_AreTheCloudBillingMonth()
    {
        // 8,760 h / 12 = 730 h; 730 × 3,600 = 2,628,000 s
        CapacityMath.HoursPerMonth.Should().Be(730);
        CapacityMath.SecondsPerMonth.Should().Be(2_628_000);
    }
}
