using LlmTco.Timeline;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Timeline;

/// <summary>The grouping of cost lines that reports and the sample's charts show.</summary>
public sealed class CostLineCategoryTests
{
    [Fact]
    public void All_EveryCostLine_IsInExactlyOneCategory()
    {
        // Given every line of the enum
        foreach (var line in Enum.GetValues<CostLine>())
        {
            // Then exactly one category holds it: none is left out of a report's total, none is counted twice
            CostLineCategory.All.Where(c => c.Lines.Contains(line)).Should().ContainSingle(because: $"{line} belongs to one category");
        }

        CostLineCategory.All.Sum(c => c.Lines.Count).Should().Be(CostLines.Count);
    }

    [Fact]
    public void All_NamesAndOrder_AreThoseTheChartsShow()
    {
        // The breakdown chart's legend and the HTML report's columns, left to right
        CostLineCategory.All.Select(c => c.Name).Should().Equal(
            "API usage", "Compute", "Power & hosting", "Storage & network", "Fine-tuning", "People");
        CostLineCategory.All.Select(c => c.ToString()).Should().Equal(CostLineCategory.All.Select(c => c.Name));
    }

    [Fact]
    public void All_Lines_AreTheDocumentedGroups()
    {
        CostLineCategory.All.Select(c => c.Lines).Should().BeEquivalentTo(
            new[]
            {
                new[] { CostLine.ApiUsage, CostLine.ApiCommitmentShortfall, CostLine.ApiFees, CostLine.BridgeApi },
                [CostLine.GpuRental, CostLine.CommitmentBeyondHorizon, CostLine.Capital, CostLine.Depreciation, CostLine.ResidualValue],
                [CostLine.Power, CostLine.Hosting, CostLine.Maintenance],
                [CostLine.Storage, CostLine.Egress],
                [CostLine.FineTuning, CostLine.ApiFineTuning],
                [CostLine.People, CostLine.LicencesAndSupport, CostLine.Setup],
            },
            o => o.WithStrictOrdering());
    }

    [Fact]
    public void All_CategoryCostsOfAMonth_AddUpToItsTotal()
    {
        // Given an API option and a rented self-hosted option over three months
        var result = Engine.Evaluate(ThreeMonths(RentedModel8B));

        // Then each month's category sums add up to its total (to rounding: the order of the additions differs)
        foreach (var month in result.Options.SelectMany(o => o.Months))
        {
            CostLineCategory.All.Sum(c => c.Lines.Sum(month.Cost)).Should().BeApproximately(month.Total, 1e-9 * Math.Max(1, month.Total));
        }
    }

    [Fact]
    public void All_IsReadOnly_NeitherTheListNorALinesListCanBeChangedByACast()
    {
        // Shared by every caller, so a cast back to a writable collection must not let one caller change it for all
        CostLineCategory.All.Should().NotBeAssignableTo<CostLineCategory[]>();
        ((ICollection<CostLineCategory>)CostLineCategory.All).IsReadOnly.Should().BeTrue();
        foreach (var category in CostLineCategory.All)
        {
            category.Lines.Should().NotBeAssignableTo<CostLine[]>();
            ((ICollection<CostLine>)category.Lines).IsReadOnly.Should().BeTrue();
        }
    }
}
