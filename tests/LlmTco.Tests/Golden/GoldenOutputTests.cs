using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Scenarios;
using LlmTco.Tests.Docs;
using LlmTco.Uncertainty;

namespace LlmTco.Tests.Golden;

/// <summary>
/// The whole JSON result (<c>run &lt;name&gt; --json</c>: the deterministic result, and the Monte Carlo ranges and tornado
/// where the scenario has an uncertainty section) of every bundled scenario and of the README's example, byte for byte
/// against the files in this folder. They were written by the code before the cost model was made one implementation
/// (issue 14), so any change of a figure, a word or an assumption shows here. A change that moves figures on purpose
/// regenerates them in the same commit (<c>LLMTCO_UPDATE_GOLDEN=1 dotnet test --filter GoldenOutputTests</c>) and says
/// which figures moved and why.
/// </summary>
/// <remarks>
/// The stale-price warnings depend on the day the result is computed: the clock is fixed at 2026-12-05, the day the files
/// were first written, so the same catalog gives the same warnings on any later day.
/// </remarks>
public sealed class GoldenOutputTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases => new([.. BundledScenarios.Names, "readme-example"]);

    [Theory]
    [MemberData(nameof(Cases))]
    public void RunJson_IsByteIdenticalToTheGoldenFile(string name)
    {
        // Given the scenario as the run command loads it, and the engine with the clock fixed
        var scenario = name == "readme-example" ? ScenarioJson.Parse(ReadmeExample.ScenarioJson()) : BundledScenarios.Load(name);
        var engine = new TcoEngine(PricingCatalog.Default) { TimeProvider = new FixedClock(Today) };

        // When it is evaluated as `run <name> --json` evaluates it (RunCommand, UncertaintyRunner)
        var result = engine.Evaluate(scenario);
        MonteCarloResult? monteCarlo = null;
        TornadoResult? tornado = null;
        if (scenario.Uncertainty is not null)
        {
            var simulator = new MonteCarloSimulator(engine);
            monteCarlo = simulator.Run(scenario, new MonteCarloOptions());
            tornado = simulator.Tornado(scenario);
        }

        var json = ScenarioResultJson.Serialize(result, monteCarlo, tornado) + "\n";

        // Then it is the golden file, byte for byte
        var file = Path.Combine(RepositoryRoot.Path, "tests", "LlmTco.Tests", "Golden", name + ".json");
        if (Environment.GetEnvironmentVariable("LLMTCO_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(file, json);
        }

        json.Should().Be(File.ReadAllText(file), $"{name}.json is the output before the change; regenerate it only for a change of figures made on purpose");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
