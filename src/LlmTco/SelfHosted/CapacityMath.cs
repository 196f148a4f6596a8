using LlmTco.Pricing;

namespace LlmTco.SelfHosted;

/// <summary>
/// The formulas behind self-hosted capacity and fine-tuning, public so that every figure can be checked by hand.
/// Units are SI: bytes, seconds, FLOPs, FLOPS (FLOPs per second).
/// </summary>
public static class CapacityMath
{
    /// <summary>Hours in a billing month: 8,760 ÷ 12 = 730, the cloud billing convention.</summary>
    public const double HoursPerMonth = 730;

    /// <summary>Seconds in a billing month: 730 × 3,600 = 2,628,000.</summary>
    public const double SecondsPerMonth = HoursPerMonth * 3600;

    /// <summary>Gets the bytes one parameter (or KV element) takes: BF16/FP16 2, FP8/INT8 1, INT4/FP4 0.5.</summary>
    /// <param name="precision">The number format.</param>
    /// <returns>Bytes per parameter.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The precision is not defined.</exception>
    public static double BytesPerParameter(NumericPrecision precision) => precision switch
    {
        NumericPrecision.Bf16 or NumericPrecision.Fp16 => 2,
        NumericPrecision.Fp8 or NumericPrecision.Int8 => 1,
        NumericPrecision.Int4 or NumericPrecision.Fp4 => 0.5,
        _ => throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown precision."),
    };

    /// <summary>Gets the weight bytes: total parameters × bytes per parameter.</summary>
    /// <param name="model">The model.</param>
    /// <param name="precision">The serving precision.</param>
    /// <returns>Bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public static double WeightBytes(OpenModel model, NumericPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(model);
        return (double)model.TotalParametersBillions * 1e9 * BytesPerParameter(precision);
    }

    /// <summary>
    /// Gets the KV-cache numbers one layer keeps per token: <c>kv_lora_rank + qk_rope_head_dim</c> under multi-head latent
    /// attention (one compressed latent and the shared rotary key), else 2 (key and value) × KV heads × head dimension.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <returns>Numbers (elements) per token per layer.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public static double KvCacheElementsPerTokenPerLayer(OpenModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model is { KvLoraRank: { } rank, QkRopeHeadDim: { } rope }
            ? (double)rank + rope
            : 2.0 * model.KvHeads * model.HeadDim;
    }

    /// <summary>
    /// Gets the KV-cache bytes per token of a sequence that every layer holds (no longer than any sliding window):
    /// layers × <see cref="KvCacheElementsPerTokenPerLayer"/> × bytes per element. Beyond a sliding window the cost of a
    /// further token is lower; <see cref="KvCacheBytesPerSequence"/> gives the exact figure.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="kvCachePrecision">The KV cache's number format.</param>
    /// <returns>Bytes per token of context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    public static double KvCacheBytesPerToken(OpenModel model, NumericPrecision kvCachePrecision)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Layers * KvCacheElementsPerTokenPerLayer(model) * BytesPerParameter(kvCachePrecision);
    }

    /// <summary>
    /// Gets the KV-cache bytes of one sequence of <paramref name="contextTokens"/> tokens: <see cref="KvCacheElementsPerTokenPerLayer"/>
    /// × bytes per element × (full-attention layers × tokens + sliding-window layers × min(tokens, window)).
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="kvCachePrecision">The KV cache's number format.</param>
    /// <param name="contextTokens">Tokens of the sequence (prompt and output so far), 0 or more.</param>
    /// <returns>Bytes.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="contextTokens"/> is negative or not a number.</exception>
    public static double KvCacheBytesPerSequence(OpenModel model, NumericPrecision kvCachePrecision, double contextTokens)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (!(contextTokens >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(contextTokens), contextTokens, "The context must be 0 or more tokens.");
        }

        var slidingLayers = model.SlidingWindowTokens is null ? 0 : Math.Min(model.SlidingWindowLayers ?? 0, model.Layers);
        var slidingTokens = model.SlidingWindowTokens is { } window ? Math.Min(contextTokens, window) : contextTokens;
        var layerTokens = ((model.Layers - slidingLayers) * contextTokens) + (slidingLayers * slidingTokens);
        return layerTokens * KvCacheElementsPerTokenPerLayer(model) * BytesPerParameter(kvCachePrecision);
    }

    /// <summary>
    /// Gets the peak dense tensor FLOPS of one GPU for a precision: the FP8 figure for FP8, INT8 and FP4 where the GPU
    /// has one, else the BF16 figure (INT4 weights are computed in BF16).
    /// </summary>
    /// <param name="gpu">The GPU.</param>
    /// <param name="precision">The precision computed in.</param>
    /// <returns>FLOPs per second.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="gpu"/> is <see langword="null"/>.</exception>
    public static double PeakFlopsPerSecond(Gpu gpu, NumericPrecision precision)
    {
        ArgumentNullException.ThrowIfNull(gpu);
        var useFp8 = precision is NumericPrecision.Fp8 or NumericPrecision.Int8 or NumericPrecision.Fp4 && gpu.Fp8DenseTflops is not null;
        return (double)(useFp8 ? gpu.Fp8DenseTflops!.Value : gpu.Bf16DenseTflops) * 1e12;
    }

    /// <summary>
    /// Gets the roofline time of one decode step at batch B, in seconds: the larger of the memory time,
    /// (weights + B × context × KV bytes per token) ÷ (bandwidth × MBU), and the compute time,
    /// 2 × active parameters × B ÷ (FLOPS × MFU).
    /// </summary>
    /// <param name="weightBytes">Weight bytes of the replica.</param>
    /// <param name="batch">Sequences decoded together (B).</param>
    /// <param name="contextTokens">Context tokens held per sequence.</param>
    /// <param name="kvBytesPerToken">KV-cache bytes per token.</param>
    /// <param name="bandwidthBytesPerSecond">Memory bandwidth of the replica (all its GPUs).</param>
    /// <param name="mbu">Memory bandwidth utilisation, 0 to 1.</param>
    /// <param name="activeParameters">Parameters used per token.</param>
    /// <param name="flopsPerSecond">Peak FLOPS of the replica (all its GPUs).</param>
    /// <param name="mfu">Model FLOPs utilisation, 0 to 1.</param>
    /// <returns>Seconds per decode step; each step yields one token per sequence.</returns>
    public static double DecodeStepSeconds(double weightBytes, int batch, double contextTokens, double kvBytesPerToken, double bandwidthBytesPerSecond, double mbu, double activeParameters, double flopsPerSecond, double mfu)
    {
        var memory = (weightBytes + (batch * contextTokens * kvBytesPerToken)) / (bandwidthBytesPerSecond * mbu);
        var compute = 2 * activeParameters * batch / (flopsPerSecond * mfu);
        return Math.Max(memory, compute);
    }

    /// <summary>Gets the roofline prefill time of one request: 2 × active parameters × input tokens ÷ (FLOPS × MFU).</summary>
    /// <param name="activeParameters">Parameters used per token.</param>
    /// <param name="inputTokens">Input tokens of the request.</param>
    /// <param name="flopsPerSecond">Peak FLOPS of the replica.</param>
    /// <param name="mfu">Model FLOPs utilisation, 0 to 1.</param>
    /// <returns>Seconds.</returns>
    public static double PrefillSeconds(double activeParameters, double inputTokens, double flopsPerSecond, double mfu) =>
        2 * activeParameters * inputTokens / (flopsPerSecond * mfu);

    /// <summary>
    /// Gets a replica's output tokens per second by roofline, counting prefill: output tokens ÷ (prefill seconds +
    /// output tokens × decode step seconds ÷ B) per request, with the mean decode context = input + output ÷ 2.
    /// </summary>
    /// <param name="weightBytes">Weight bytes of the replica.</param>
    /// <param name="batch">Sequences decoded together (B).</param>
    /// <param name="inputTokens">Mean input tokens per request.</param>
    /// <param name="outputTokens">Mean output tokens per request.</param>
    /// <param name="kvBytesPerToken">KV-cache bytes per token.</param>
    /// <param name="bandwidthBytesPerSecond">Memory bandwidth of the replica.</param>
    /// <param name="mbu">Memory bandwidth utilisation.</param>
    /// <param name="activeParameters">Parameters used per token.</param>
    /// <param name="flopsPerSecond">Peak FLOPS of the replica.</param>
    /// <param name="mfu">Model FLOPs utilisation.</param>
    /// <returns>Output tokens per second.</returns>
    public static double RooflineOutputTokensPerSecond(double weightBytes, int batch, double inputTokens, double outputTokens, double kvBytesPerToken, double bandwidthBytesPerSecond, double mbu, double activeParameters, double flopsPerSecond, double mfu)
    {
        var step = DecodeStepSeconds(weightBytes, batch, inputTokens + (outputTokens / 2), kvBytesPerToken, bandwidthBytesPerSecond, mbu, activeParameters, flopsPerSecond, mfu);
        var secondsPerRequest = PrefillSeconds(activeParameters, inputTokens, flopsPerSecond, mfu) + (outputTokens * step / batch);
        return outputTokens / secondsPerRequest;
    }

    /// <summary>Gets training GPU-hours: k × parameters × tokens ÷ (GPU FLOPS × MFU) ÷ 3,600.</summary>
    /// <param name="flopsPerParameterPerToken">k: 6 for full training, 4 for LoRA.</param>
    /// <param name="parameters">N, the parameters (active parameters for a mixture of experts).</param>
    /// <param name="tokens">D, training tokens × epochs.</param>
    /// <param name="gpuFlopsPerSecond">Peak FLOPS of one GPU.</param>
    /// <param name="mfu">Model FLOPs utilisation.</param>
    /// <returns>GPU-hours.</returns>
    public static double TrainingGpuHours(double flopsPerParameterPerToken, double parameters, double tokens, double gpuFlopsPerSecond, double mfu) =>
        flopsPerParameterPerToken * parameters * tokens / (gpuFlopsPerSecond * mfu) / 3600;
}
