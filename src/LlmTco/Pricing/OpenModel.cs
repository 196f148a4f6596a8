namespace LlmTco.Pricing;

/// <summary>One row of <c>open_models.csv</c>: an open-weights model's size and attention shape, from its config.</summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record OpenModel : ISourcedRow
{
    /// <summary>Gets the model id, the Hugging Face repository id (column <c>model_id</c>).</summary>
    public required string ModelId { get; init; }

    /// <summary>Gets short names of the model, e.g. <c>llama-3.3-70b</c> (column <c>aliases</c>, separated by <c>;</c>).</summary>
    /// <value>The default value is empty.</value>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Gets whether the model is dense or a mixture of experts (column <c>architecture</c>).</summary>
    public required ModelArchitecture Architecture { get; init; }

    /// <summary>Gets the total parameter count in billions; it sets the weight bytes (column <c>total_parameters_billions</c>).</summary>
    public required decimal TotalParametersBillions { get; init; }

    /// <summary>Gets the parameters used per token in billions; it sets the FLOPs (column <c>active_parameters_billions</c>).</summary>
    public required decimal ActiveParametersBillions { get; init; }

    /// <summary>Gets the number of transformer layers (column <c>layers</c>).</summary>
    public required int Layers { get; init; }

    /// <summary>Gets the hidden size (column <c>hidden_size</c>).</summary>
    public required int HiddenSize { get; init; }

    /// <summary>Gets the number of attention (query) heads (column <c>attention_heads</c>).</summary>
    public required int AttentionHeads { get; init; }

    /// <summary>Gets the number of key/value heads (column <c>kv_heads</c>); fewer than attention heads under grouped-query attention.</summary>
    public required int KvHeads { get; init; }

    /// <summary>Gets the dimension of one attention head (column <c>head_dim</c>).</summary>
    public required int HeadDim { get; init; }

    /// <summary>
    /// Gets the rank of the compressed key/value latent of multi-head latent attention (MLA, DeepSeek-V3 and models built
    /// on it), the config's <c>kv_lora_rank</c> (column <c>kv_lora_rank</c>); <see langword="null"/> for ordinary
    /// (multi-head or grouped-query) attention. With it, a layer caches <c>kv_lora_rank + qk_rope_head_dim</c> numbers
    /// per token instead of <c>2 × kv_heads × head_dim</c>.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; given together with <see cref="QkRopeHeadDim"/>.</value>
    public int? KvLoraRank { get; init; }

    /// <summary>
    /// Gets the width of the rotary-position key part that multi-head latent attention caches next to the latent, the
    /// config's <c>qk_rope_head_dim</c> (column <c>qk_rope_head_dim</c>); <see langword="null"/> without MLA.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; given together with <see cref="KvLoraRank"/>.</value>
    public int? QkRopeHeadDim { get; init; }

    /// <summary>
    /// Gets the attention window in tokens of the model's sliding-window (local) layers, the config's
    /// <c>sliding_window</c> (column <c>sliding_window_tokens</c>): such a layer caches at most this many tokens of a
    /// sequence. <see langword="null"/> when every layer attends to the whole context.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; given together with <see cref="SlidingWindowLayers"/>.</value>
    public int? SlidingWindowTokens { get; init; }

    /// <summary>
    /// Gets how many of the <see cref="Layers"/> use the sliding window (column <c>sliding_window_layers</c>), counted from
    /// the config's <c>layer_types</c> or its sliding-window pattern; the other layers cache the whole context.
    /// </summary>
    /// <value>The default value is <see langword="null"/>; given together with <see cref="SlidingWindowTokens"/>.</value>
    public int? SlidingWindowLayers { get; init; }

    /// <summary>Gets the longest context the model supports, in tokens (column <c>context_length_tokens</c>).</summary>
    public required int ContextLengthTokens { get; init; }

    /// <summary>Gets the licence id, e.g. <c>apache-2.0</c> (column <c>licence</c>).</summary>
    public required string Licence { get; init; }

    /// <inheritdoc/>
    public string? Notes { get; init; }

    /// <inheritdoc/>
    public required Uri SourceUrl { get; init; }

    /// <inheritdoc/>
    public SourceKind? SourceKind { get; init; }

    /// <inheritdoc/>
    public required DateOnly CheckedOn { get; init; }
}
