using System.Globalization;
using System.Text.Json.Nodes;
using LlmTco.Output;
using LlmTco.Pricing;
using LlmTco.Samples;
using LlmTco.Scenarios;
using LlmTco.Uncertainty;

namespace LlmTco.Tests.Golden;

/// <summary>
/// Monte Carlo and tornado of every bundled scenario with many inputs uncertain at once — volumes, tokens per request,
/// utilisation, price declines, lead time, fine-tuning tokens, rental and purchase prices, per-server hosting, people —
/// byte for byte against the files in this folder, written before the cost model was made one implementation (issue 14).
/// Several of these inputs change which catalog rows apply (a context tier, a benchmark row, the months served by the
/// bridge API), so they check every path a trial can take, not only the arithmetic. Regenerate as
/// <see cref="GoldenOutputTests"/> says, only for a change of figures made on purpose.
/// </summary>
public sealed class GoldenMonteCarloTests
{
    private static readonly DateTimeOffset Today = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Cases => new(BundledScenarios.Names);

    [Theory]
    [MemberData(nameof(Cases))]
    public void ManyUncertainInputs_AreByteIdenticalToTheGoldenFile(string name)
    {
        // Given the bundled scenario with a lead time bridged by its first API option and an uncertainty section over
        // most of its numeric inputs (each distribution around the scenario's own value)
        var scenario = ScenarioJson.Parse(Variant(BundledScenarios.Text(name)));
        var engine = new TcoEngine(PricingCatalog.Default) { TimeProvider = new FixedClock(Today) };
        var simulator = new MonteCarloSimulator(engine);

        // When it is evaluated, simulated and its tornado worked out
        var json = ScenarioResultJson.Serialize(engine.Evaluate(scenario), simulator.Run(scenario), simulator.Tornado(scenario)) + "\n";

        // Then the result is the golden file, byte for byte
        var file = Path.Combine(RepositoryRoot.Path, "tests", "LlmTco.Tests", "Golden", name + ".monte-carlo.json");
        if (Environment.GetEnvironmentVariable("LLMTCO_UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(file, json);
        }

        json.Should().Be(File.ReadAllText(file));

        // And evaluating every trial from its own scenario gives the same figures (only the evaluation's name differs)
        var ownScenarios = ScenarioResultJson.Serialize(engine.Evaluate(scenario), simulator.Run(scenario, new MonteCarloOptions { Evaluation = TrialEvaluation.Engine }), simulator.Tornado(scenario)) + "\n";
        ownScenarios.Replace("\"evaluation\": \"engine\"", "\"evaluation\": \"kernel\"", StringComparison.Ordinal).Should().Be(json);
    }

    private static string Variant(string text)
    {
        var root = JsonNode.Parse(text)!.AsObject();
        var inputs = new JsonArray();
        void Add(string path, double min, double mode, double max) => inputs.Add(new JsonObject
        {
            ["path"] = path,
            ["distribution"] = new JsonObject { ["kind"] = "triangular", ["min"] = min, ["mode"] = mode, ["max"] = max },
        });

        var profile = root["workload"]!["profiles"]![0]!;
        var requests = profile["monthlyRequests"]!.GetValue<double>();
        var input = profile["inputTokensPerRequest"]!.GetValue<double>();
        var output = profile["outputTokensPerRequest"]!.GetValue<double>();
        Add("workload.profiles[0].monthlyRequests", requests / 2, requests, requests * 2);
        Add("workload.profiles[0].inputTokensPerRequest", input / 2, input, input * 3);
        Add("workload.profiles[0].outputTokensPerRequest", output / 2, output, output * 2);
        Add("apiOptions[*].yearlyPriceDecline", 0, 0.1, 0.3);
        Add("selfHostedOptions[*].targetUtilization", 0.5, 0.7, 0.85);

        var self = root["selfHostedOptions"]![0]!.AsObject();
        self["leadTimeMonths"] = 1;
        self["bridgeApiOption"] = root["apiOptions"]![0]!["name"]!.GetValue<string>();
        Add("selfHostedOptions[0].leadTimeMonths", 0, 1, 3.4);
        if (self["rented"] is JsonObject)
        {
            Add("selfHostedOptions[0].rented.pricePerGpuHour", 1.5, 2.5, 4);
        }

        if (self["owned"] is JsonObject)
        {
            Add("selfHostedOptions[0].owned.hostingPricePerServerMonth", 0, 200, 1000);
            Add("selfHostedOptions[0].owned.pricePerGpu", 20_000, 30_000, 40_000);
        }

        if (self["fineTuning"] is JsonObject ft)
        {
            var tokens = ft["trainingTokens"]!.GetValue<double>();
            Add("selfHostedOptions[0].fineTuning.trainingTokens", tokens / 2, tokens, tokens * 2);
        }

        if (self["people"] is JsonObject)
        {
            Add("selfHostedOptions[0].people.ftes", 0.25, 1, 2);
        }

        root["uncertainty"] = new JsonObject { ["trials"] = 300, ["seed"] = 7, ["inputs"] = inputs };
        return root.ToJsonString();
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
