using LlmTco.Pricing;
using LlmTco.Scenarios;

namespace LlmTco.Uncertainty.Kernel;

/// <summary>The compiled numeric kernel (placeholder until it is written).</summary>
internal sealed class CompiledTrialEvaluator : ITrialEvaluator
{
    private CompiledTrialEvaluator()
    {
    }

    public static CompiledTrialEvaluator? TryCreate(PricingCatalog catalog, Scenario baseline, IReadOnlyList<ScenarioPath> paths, TrialLayout layout, EngineTrialEvaluator engine, out string? reason)
    {
        _ = (catalog, baseline, paths, layout, engine);
        reason = "the kernel is not written yet";
        return null;
    }

    public object CreateWorkspace() => new Workspace();

    public void Evaluate(ReadOnlySpan<double> values, object workspace, TrialRecord record) => throw new NotSupportedException();

    /// <summary>A worker's scratch state.</summary>
    public sealed class Workspace
    {
        public int TrialsHandedToEngine { get; set; }
    }
}
