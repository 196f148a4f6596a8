using LlmTco.Scenarios;
using LlmTco.Uncertainty;
using Spectre.Console;

namespace LlmTco.Samples;

/// <summary>Runs a scenario's Monte Carlo simulation (with a progress bar on a terminal) and its tornado analysis.</summary>
internal static class UncertaintyRunner
{
    public static UncertaintyRun Run(TcoEngine engine, Scenario scenario, int? trials, long? seed, TextWriter stdout)
    {
        var simulator = new MonteCarloSimulator(engine);
        var options = new MonteCarloOptions { Trials = trials, Seed = seed };
        var total = trials ?? scenario.Uncertainty!.Trials;
        MonteCarloResult result;
        if (ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive)
        {
            result = AnsiConsole.Progress()
                .AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
                .Start(context =>
                {
                    var task = context.AddTask($"Monte Carlo: {total:N0} trials", maxValue: total);
                    var outcome = simulator.Run(scenario, options, new TaskProgress(task));
                    task.Value = total;
                    return outcome;
                });
        }
        else
        {
            result = simulator.Run(scenario, options);
        }

        return new UncertaintyRun(result, simulator.Tornado(scenario));
    }

    /// <summary>Moves a progress bar forward; reports come from worker threads, possibly out of order.</summary>
    private sealed class TaskProgress(ProgressTask task) : IProgress<MonteCarloProgress>
    {
        public void Report(MonteCarloProgress value)
        {
            lock (task)
            {
                task.Value = Math.Max(task.Value, value.CompletedTrials);
            }
        }
    }
}
