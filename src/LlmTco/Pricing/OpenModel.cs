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
