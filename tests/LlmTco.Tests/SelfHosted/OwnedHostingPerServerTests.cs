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

        // Then hosting = ceil(1 / 8) = 1 server × 1,200 + 1 GPU × 0.7 kW × 100 = 1,270 every month
        self.Months.Select(m => m.Cost(CostLine.Hosting)).Should().OnlyContain(h => Math.Abs(h - 1_270) < 1e-9);
    }
}
