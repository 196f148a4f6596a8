namespace LlmTco.Pricing;

/// <summary>Whether every parameter takes part in each token. CSV words: <c>dense</c>, <c>moe</c>.</summary>
public enum ModelArchitecture
{
    /// <summary>Every parameter is used for every token: active parameters equal total parameters.</summary>
    Dense = 0,

    /// <summary>Mixture of experts: only the routed experts' parameters (the active parameters) are used per token.</summary>
    MixtureOfExperts = 1,
}
