namespace LlmTco.Usage;

/// <summary>How usage is split into traffic profiles.</summary>
public enum ProfileGrouping
{
    /// <summary>One profile per provider and model.</summary>
    Model = 0,

    /// <summary>One profile per project (OpenAI <c>project_id</c>, Anthropic <c>workspace_id</c>, CSV <c>project</c>)
    /// and model; usage without a project goes to a profile named after the model.</summary>
    Project = 1,
}
