using LlmTco.Pricing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace LlmTco;

/// <summary>Registers LlmTco in a service collection: options, their validation, the pricing catalog and the engine.</summary>
public static class LlmTcoServiceCollectionExtensions
{
    /// <summary>
    /// Adds LlmTco with options bound from a configuration section, e.g. <c>configuration.GetSection("LlmTco")</c>.
    /// Options are validated when the host starts, and every problem is reported with its configuration key.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">The section to bind <see cref="LlmTcoOptions"/> from.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddLlmTco(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<LlmTcoOptions>().Bind(configuration).ValidateOnStart();

        // The binder leaves a missing Kind at its default; scenario JSON requires it, so configuration does too.
        services.AddSingleton<IValidateOptions<LlmTcoOptions>>(new RequiredKeysValidator(configuration));
        return AddCore(services);
    }

    /// <summary>Adds LlmTco with the default options: the pricing tables bundled in the package, no scenario.</summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    public static IServiceCollection AddLlmTco(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<LlmTcoOptions>().ValidateOnStart();
        return AddCore(services);
    }

    /// <summary>Adds LlmTco with options set in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options.</param>
    /// <returns>The service collection, for chaining.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    public static IServiceCollection AddLlmTco(this IServiceCollection services, Action<LlmTcoOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        services.AddOptions<LlmTcoOptions>().Configure(configure).ValidateOnStart();
        return AddCore(services);
    }

    private static IServiceCollection AddCore(IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LlmTcoOptions>, LlmTcoOptionsValidator>());
        services.TryAddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<LlmTcoOptions>>().Value;
            return options.PricingFolder switch
            {
                null => PricingCatalog.Default,
                var folder when options.OverlayOnDefaults => PricingCatalog.LoadEmbeddedWithOverrides(folder),
                var folder => PricingCatalog.LoadFolder(folder),
            };
        });
        services.TryAddSingleton(sp => new TcoEngine(sp.GetRequiredService<PricingCatalog>()));
        return services;
    }

    /// <summary>Reports the required keys missing from the bound section, by configuration path.</summary>
    private sealed class RequiredKeysValidator(IConfiguration configuration) : IValidateOptions<LlmTcoOptions>
    {
        public ValidateOptionsResult Validate(string? name, LlmTcoOptions options)
        {
            if (name != Options.DefaultName)
            {
                return ValidateOptionsResult.Skip;
            }

            var root = configuration is IConfigurationSection section ? section.Path : LlmTcoOptions.SectionName;
            var failures = RequiredConfigurationKeys.Missing(configuration, typeof(LlmTcoOptions), root).ToList();
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }
    }
}
