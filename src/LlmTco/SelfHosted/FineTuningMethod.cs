namespace LlmTco.SelfHosted;

/// <summary>How a model is fine-tuned, which sets the FLOPs per parameter per training token (k).</summary>
public enum FineTuningMethod
{
    /// <summary>All weights trained: k = 6 (2 forward + 4 backward), Kaplan et al. 2020, "Scaling Laws for Neural Language Models".</summary>
    Full = 0,

    /// <summary>
    /// Low-rank adapters on frozen weights: k = 4. Kaplan et al. (2020) split the 6 FLOPs per parameter per token of
    /// training into 2 forward and 4 backward, the backward half for activation gradients and half for weight
    /// gradients; Hu et al. (2021, "LoRA", section 4) note that frozen weights need no gradient, which removes the
    /// weight-gradient 2. Adapter FLOPs (under 1 % of parameters) are ignored.
    /// </summary>
    Lora = 1,

    /// <summary>LoRA on 4-bit quantised frozen weights: k = 4, as <see cref="Lora"/>; dequantisation overhead is not counted.</summary>
    Qlora = 2,
}
