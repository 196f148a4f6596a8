namespace LlmTco.Timeline;

/// <summary>A line item of a month's cost. Every line is in the scenario currency; the lines of a month add up to its total.</summary>
public enum CostLine
{
    /// <summary>API token and request charges after batch discounts: (uncached in × p_in + cache read × p_cache_read + cache write × p_cache_write + out × p_out) ÷ 10⁶ × (1 − batch share × batch discount) + requests × p_request.</summary>
    ApiUsage = 0,

    /// <summary>The part of a committed monthly spend not used: max(usage, commitment) − usage.</summary>
    ApiCommitmentShortfall = 1,

    /// <summary>Fixed API fees per month (platform subscription, compliance add-ons).</summary>
    ApiFees = 2,

    /// <summary>A fine-tuning job bought from the API provider.</summary>
    ApiFineTuning = 3,

    /// <summary>API charges of the bridge option serving a self-hosted option's traffic during its lead time.</summary>
    BridgeApi = 4,

    /// <summary>Rented GPUs: GPUs × 730 h × price per GPU-hour (a reserved plan bills its committed GPUs).</summary>
    GpuRental = 5,

    /// <summary>Cash view: GPUs bought this month × (unit price + server overhead).</summary>
    Capital = 6,

    /// <summary>Accounting view: straight-line depreciation of every purchase still within its useful life.</summary>
    Depreciation = 7,

    /// <summary>Owned GPUs × TDP in kW × average load × PUE × 730 h × price per kWh.</summary>
    Power = 8,

    /// <summary>Owned GPUs × TDP in kW × colocation price per kW-month.</summary>
    Hosting = 9,

    /// <summary>Capital bought so far × yearly maintenance fraction ÷ 12.</summary>
    Maintenance = 10,

    /// <summary>GB held × price per GB-month.</summary>
    Storage = 11,

    /// <summary>GB sent out × price per GB.</summary>
    Egress = 12,

    /// <summary>Self-hosted fine-tuning runs: GPU-hours × price per GPU-hour.</summary>
    FineTuning = 13,

    /// <summary>FTEs × yearly loaded cost ÷ 12.</summary>
    People = 14,

    /// <summary>Licences and support contracts per month.</summary>
    LicencesAndSupport = 15,

    /// <summary>One-off setup cost, in month 1.</summary>
    Setup = 16,

    /// <summary>
    /// The committed payments of a term's months after the horizon, in the last month: a reserved term's rent (committed
    /// GPUs × 730 h × the term's price, each such month) or an API option's committed spend (the monthly commitment, each
    /// such month of its <see cref="Api.ApiOption.CommitmentTermMonths"/> term). A commitment is paid in full; in the NPV
    /// each of those payments is discounted at its own month. Left out with
    /// <see cref="SelfHosted.RentedCompute.CountCommitmentBeyondHorizon"/> or
    /// <see cref="Api.ApiOption.CountCommitmentBeyondHorizon"/> set to <see langword="false"/>.
    /// </summary>
    CommitmentBeyondHorizon = 17,

    /// <summary>
    /// The owned GPUs' resale value at the horizon, as a negative cost in the last month: minus (all capital bought ×
    /// <see cref="SelfHosted.OwnedHardware.ResidualValueFraction"/>), in the cash and in the accounting view.
    /// </summary>
    ResidualValue = 18,
}
