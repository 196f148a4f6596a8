using Microsoft.Extensions.Options;
using LlmTco.Scenarios;

namespace LlmTco;

/// <summary>Validates <see cref="LlmTcoOptions"/>, reporting every problem with its configuration key.</summary>
internal sealed class LlmTcoOptionsValidator : IValidateOptions<LlmTcoOptions>
{
    public ValidateOptionsResult Validate(string? name, LlmTcoOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.PricingFolder is { } folder && !Directory.Exists(folder))
        {
            failures.Add($"{LlmTcoOptions.SectionName}:{nameof(LlmTcoOptions.PricingFolder)}: the folder '{folder}' does not exist");
        }

        if (options.Scenario is not null)
        {
            var root = $"{LlmTcoOptions.SectionName}:{nameof(LlmTcoOptions.Scenario)}";
            failures.AddRange(ScenarioValidator.Validate(options.Scenario, PathStyle.Configuration, root).Select(e => e.ToString()));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
