using LlmTco.SelfHosted;
using LlmTco.Timeline;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.SelfHosted;

/// <summary>Hosting billed per server-month beside per kW-month, as docs/methodology.md gives the Hosting line (section 5.3, "Owned").</summary>
public sealed class OwnedHostingPerServerTests
{
    [Fact]
    public void Evaluate_HostingPerServerMonth_BillsWholeServers()
    {
        // Given one owned GPU-A (the test workload needs 1 replica of 1 GPU) in servers of 8 GPUs at 1,200 a server-month,
        // plus 100 per kW-month on 700 W
        var option = RentedModel8B with
        {
            Rented = null,
            Owned = new OwnedHardware { PricePerGpu = 25_000, Pue = 1.5, ElectricityPricePerKwh = 0.1, HostingPricePerKwMonth = 100, HostingPricePerServerMonth = 1_200 },
        };

        var self = Engine.Evaluate(ThreeMonths(option)).Option(option.Name);

        // Then the server is bought whole: 1 server × 1,200 + its rated power × 100 per kW, where GPU-A has no server
        // rating so the server is rated at its GPUs' TDP, 8 × 0.7 kW = 5.6 kW: 1,200 + 560 = 1,760 every month
        self.Months.Select(m => m.Gpus).Should().OnlyContain(g => g == 8);
        self.Months.Select(m => m.Cost(CostLine.Hosting)).Should().OnlyContain(h => Math.Abs(h - 1_760) < 1e-9);
    }
}
