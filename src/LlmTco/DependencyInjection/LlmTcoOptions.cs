using LlmTco.Scenarios;

namespace LlmTco;

/// <summary>
/// Settings for LlmTco in an application: where the pricing tables come from and, optionally, a scenario. Bind them
/// from configuration (the <c>LlmTco</c> section of <c>appsettings.json</c>) with
/// <see cref="LlmTcoServiceCollectionExtensions.AddLlmTco(Microsoft.Extensions.DependencyInjection.IServiceCollection, Microsoft.Extensions.Configuration.IConfiguration)"/>.
/// </summary>
public sealed class LlmTcoOptions
{
    /// <summary>The configuration section these options are read from by convention: <c>LlmTco</c>.</summary>
    public const string SectionName = "LlmTco";

    /// <summary>Gets or sets a folder of pricing CSVs, or <see langword="null"/> to use the tables bundled in the package.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public string? PricingFolder { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether the folder's rows are laid over the bundled tables (the folder may hold
    /// any subset of the tables) rather than replacing them (the folder must hold every table).
    /// </summary>
    /// <value>The default value is <see langword="true"/>.</value>
    public bool OverlayOnDefaults { get; set; } = true;

    /// <summary>Gets or sets a scenario to evaluate, or <see langword="null"/>. Enum values take the CSV words (<c>on-demand</c>, <c>bf16</c>) or the C# names.</summary>
    /// <value>The default value is <see langword="null"/>.</value>
    public Scenario? Scenario { get; set; }
}
