using LlmTco.Pricing;
using LlmTco.Scenarios;

namespace LlmTco.Samples;

/// <summary>The sample app's commands. Each returns the process exit code: 0 on success, non-zero otherwise.</summary>
internal static class SampleApp
{
    public const int Success = 0;
    public const int Failure = 1;
    public const int UsageError = 2;

    public static Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        ArgumentNullException.ThrowIfNull(args);
        try
        {
            return Task.FromResult(AppCommandLine.Run(args, stdout, stderr));
        }
        catch (PricingDataException ex)
        {
            stderr.WriteLine(ex.Message);
            return Task.FromResult(Failure);
        }
        catch (ScenarioValidationException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
        catch (PricingLookupException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
        catch (IOException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
        catch (UnauthorizedAccessException ex)
        {
            stderr.WriteLine("error: " + ex.Message);
            return Task.FromResult(Failure);
        }
    }
}
