namespace LlmTco.Scenarios;

/// <summary>How owned hardware's capital cost enters the monthly totals. JSON words: <c>cash</c>, <c>accounting</c>.</summary>
public enum CostView
{
    /// <summary>Capital is paid in the month the hardware is bought.</summary>
    Cash = 0,

    /// <summary>Capital is spread straight-line over the hardware's useful life (depreciation).</summary>
    Accounting = 1,
}
