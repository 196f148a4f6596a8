namespace LlmTco.Pricing;

/// <summary>How serious a <see cref="PricingDiagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The table is wrong and cannot be loaded.</summary>
    Error = 0,

    /// <summary>The table loads, but a value looks suspicious or stale and deserves a look.</summary>
    Warning = 1,
}
