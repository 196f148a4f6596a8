using LlmTco.Pricing;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.SelfHosted;

/// <summary>A reservation fixes its price for the term, even when the table's reserved price changes mid-term.</summary>
public sealed class ReservedPriceLockTests
{
    [Fact]
    public void Evaluate_ReservedPriceCutMidTerm_KeepsTheTermsPrice()
    {
        // Given cloudy's reserved-1y GPU-A at 2.0 from 2025-01-01 and at 1.0 from 2025-06-01
        var tables = TestTables.Valid();
        tables["gpu_rentals.csv"] += "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,2.0,2025-01-01,,https://example.com/r,2026-11-29\n"
            + "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,1.0,2025-06-01,,https://example.com/r,2026-11-29\n";
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(tables)));
        var option = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year } };

        // When a term starts in May 2025 (before the cut)
        var self = engine.Evaluate(ThreeMonths(option)).Option(option.Name);

        // Then all three months bill 1 committed GPU × 730 h × 2.0 = 1,460, not 730 in June and July
        self.Months.Select(m => m.Cost(CostLine.GpuRental)).Should().Equal([1_460, 1_460, 1_460], (a, b) => Math.Abs(a - b) < 1e-9);
    }
}
