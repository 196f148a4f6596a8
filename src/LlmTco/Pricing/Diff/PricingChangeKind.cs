namespace LlmTco.Pricing.Diff;

/// <summary>How a row differs between two versions of the pricing tables.</summary>
public enum PricingChangeKind
{
    /// <summary>The row's key is only in the new tables.</summary>
    Added = 0,

    /// <summary>The row's key is only in the old tables.</summary>
    Removed = 1,

    /// <summary>The row's key is in both, with at least one different cell.</summary>
    Changed = 2,
}
