namespace LlmTco.SelfHosted;

/// <summary>
/// GPUs bought and run in a data centre: capital cost, depreciation, power, hosting, maintenance and residual value.
/// Each input may be given directly, or looked up in the catalog's tables.
/// </summary>
/// <remarks><threadsafety>Immutable; safe to share between threads.</threadsafety></remarks>
public sealed record OwnedHardware
{
    /// <summary>Gets the price of one GPU, or <see langword="null"/> to use <c>purchase_price_per_gpu</c> in <c>gpus.csv</c>.</summary>
    public double? PricePerGpu { get; init; }

    /// <summary>Gets the server, networking and installation cost added per GPU bought.</summary>
    /// <value>The default value is 0.</value>
    public double ServerOverheadPerGpu { get; init; }

    /// <summary>Gets the months over which capital is depreciated straight-line (accounting view).</summary>
    /// <value>The default value is 60.</value>
    public int UsefulLifeMonths { get; init; } = 60;

    /// <summary>
    /// Gets the share of (TDP − idle power) a serving GPU draws on average, or <see langword="null"/> to use each month's
    /// utilisation (load ÷ replicas), and the target utilisation in the steady state.
    /// </summary>
    public double? AverageLoadFraction { get; init; }

    /// <summary>Gets the power usage effectiveness (facility ÷ IT power, at least 1), or <see langword="null"/> to use <see cref="PueFigure"/>.</summary>
    public double? Pue { get; init; }

    /// <summary>Gets the <c>name</c> of a row in <c>pue_figures.csv</c>, used when <see cref="Pue"/> is not given.</summary>
    public string? PueFigure { get; init; }

    /// <summary>Gets the electricity price per kWh, or <see langword="null"/> to look it up by <see cref="ElectricityRegion"/>.</summary>
    public double? ElectricityPricePerKwh { get; init; }

    /// <summary>Gets the <c>region</c> of a row in <c>electricity_prices.csv</c> (the latest period is used).</summary>
    public string? ElectricityRegion { get; init; }

    /// <summary>Gets the <c>sector</c> of that row.</summary>
    /// <value>The default value is <c>industrial</c>.</value>
    public string ElectricitySector { get; init; } = "industrial";

    /// <summary>Gets the colocation price per kW of IT load per month, or <see langword="null"/> to look it up by <see cref="HostingProvider"/>.</summary>
    public double? HostingPricePerKwMonth { get; init; }

    /// <summary>Gets the <c>provider</c> of a row in <c>hosting_prices.csv</c>; with neither this nor a price, hosting costs nothing.</summary>
    public string? HostingProvider { get; init; }

    /// <summary>
    /// Gets a hosting price per server per month (rack space, power delivery and cooling billed by the server), added to
    /// any per-kW price; servers = ceil(GPUs installed ÷ <see cref="GpusPerServer"/>).
    /// </summary>
    /// <value>The default value is 0.</value>
    public double HostingPricePerServerMonth { get; init; }

    /// <summary>
    /// Gets the GPUs one server holds: hardware is bought in whole servers (the replicas packed into them, a replica larger
    /// than a server taking whole servers), and power and hosting are counted per server.
    /// </summary>
    /// <value>The default value is 8.</value>
    public int GpusPerServer { get; init; } = 8;

    /// <summary>
    /// Gets the power one GPU draws when idle, in watts, or <see langword="null"/> to use <c>idle_watts</c> in
    /// <c>gpus.csv</c> (0 with a warning when that is blank).
    /// </summary>
    public double? IdleWattsPerGpu { get; init; }

    /// <summary>
    /// Gets the rated power of one server of <see cref="GpusPerServer"/> GPUs, in watts, or <see langword="null"/> to
    /// scale <c>server_watts</c> in <c>gpus.csv</c> per GPU slot (the GPUs' TDP alone, with a warning, when that is
    /// blank). What it exceeds the GPUs' TDP by is the server's own power; hosting per kW is charged on it whole.
    /// </summary>
    public double? ServerPowerWatts { get; init; }

    /// <summary>Gets the yearly maintenance as a fraction of the capital bought so far (0.1 = 10 % a year).</summary>
    /// <value>The default value is 0.</value>
    public double MaintenanceYearlyFraction { get; init; }

    /// <summary>Gets the share of capital cost recovered by selling the hardware at the end of the horizon.</summary>
    /// <value>The default value is 0.</value>
    public double ResidualValueFraction { get; init; }
}
