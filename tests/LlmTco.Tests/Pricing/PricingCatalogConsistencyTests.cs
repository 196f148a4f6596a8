using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// The consistency checks of <c>validate-pricing</c>: values that load but look like mistakes are warnings, each at its
/// cell, and never stop the catalog from loading.
/// </summary>
public sealed class PricingCatalogConsistencyTests
{
    private const string Tail = ",https://example.com/acme,2026-11-29";

    [Fact]
    public void Validate_ValidTables_HaveNoConsistencyWarnings()
    {
        PricingCatalog.Validate(PricingSource.InMemory(Valid())).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_PricePerThousandSlip_WarnsAtEveryPriceThatMovedMoreThanTenfold()
    {
        // Given a price change where per-1K prices (0.002, 0.0005, 0.008) were typed instead of per-1M (2, 0.5, 8)
        var csv = Lines(
            ApiHeader,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-01-01,2025-06-10,USD,10,2.5,,40,,0.5,,launch" + Tail,
            "acme,acme-large-2025-01-01,acme-large,standard,0,2025-06-10,,USD,0.002,0.0005,,0.008,,0.5,,cut" + Tail);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv)));

        // Then the tables still load, with one warning per price: 10 / 0.002 = 5000, 2.5 / 0.0005 = 5000, 40 / 0.008 = 5000
        report.IsValid.Should().BeTrue();
        report.Warnings.Select(w => (w.Line, w.Column, w.ColumnName)).Should().Equal((3, 9, "input_per_mtok"), (3, 10, "cached_input_per_mtok"), (3, 12, "output_per_mtok"));
        report.Warnings.First().Should().Be(new PricingDiagnostic(
            "api_prices.csv", 3, 9, "input_per_mtok", "0.002",
            "input_per_mtok of 'acme-large-2025-01-01' (standard, context tier 0) from 2025-06-10 changed from 10 to 0.002 (÷5000) against the row from 2025-01-01 at api_prices.csv:2; a change of more than 10× is usually a per-1K vs per-1M slip: prices here are per 1,000,000 tokens",
            DiagnosticSeverity.Warning));
        report.Warnings.First().ToString().Should().StartWith("api_prices.csv:3:9: warning: input_per_mtok of");
    }

    [Fact]
    public void Validate_PriceRaisedMoreThanTenfold_ShowsTheFactorAsATimes()
    {
        // Given 10 input and 40 output typed as 10,000 and 40,000: ×1000 each
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-10,USD,10,,,40,,,," + Tail,
            "acme,acme-large,,standard,0,2025-06-10,,USD,10000,,,40000,,,," + Tail);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv)));

        report.Warnings.Select(w => w.ColumnName).Should().Equal("input_per_mtok", "output_per_mtok");
        report.Warnings.First().Message.Should().Be(
            "input_per_mtok of 'acme-large' (standard, context tier 0) from 2025-06-10 changed from 10 to 10000 (×1000) against the row from 2025-01-01 at api_prices.csv:2; a change of more than 10× is usually a per-1K vs per-1M slip: prices here are per 1,000,000 tokens");
    }

    [Fact]
    public void Validate_CachePricesMovedMoreThanTenfold_WarnAtTheirOwnColumns()
    {
        // Given cached input 0.5 → 6 (×12) and cache writes 12.5 → 1 (÷12.5), input and output unchanged
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-10,USD,10,0.5,12.5,40,,,," + Tail,
            "acme,acme-large,,standard,0,2025-06-10,,USD,10,6,1,40,,,," + Tail);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv)));

        // (the write price of 1 is also below the input price of 10: a warning of its own at the same cell)
        report.Warnings.Select(w => (w.ColumnName, w.Column)).Should().Equal(("cached_input_per_mtok", 10), ("cache_write_per_mtok", 11), ("cache_write_per_mtok", 11));
        report.Warnings.ElementAt(1).Message.Should().StartWith("cache_write_per_mtok (1) of 'acme-large' (standard, context tier 0) from 2025-06-10 is below its input_per_mtok (10)");
        report.Warnings.Last().Message.Should().StartWith("cache_write_per_mtok of 'acme-large' (standard, context tier 0) from 2025-06-10 changed from 12.5 to 1 (÷12.5)");
    }

    [Fact]
    public void Validate_ChangeMoreThanTenfoldThatNotesCallReal_IsNotReportedAsASlip()
    {
        // Given cached input 0.5 → 6 (×12, above the 10× limit), the later row's notes saying the change is real
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-10,USD,10,0.5,12.5,40,,,," + Tail,
            "acme,acme-large,,standard,0,2025-06-10,,USD,10,6,12.5,40,,,,cache reads 12x dearer: a real change, not a per-1K slip" + Tail);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv)));

        // Then no warning: the same ×12 without the words warns (Validate_CachePricesMovedMoreThanTenfold_WarnAtTheirOwnColumns)
        report.Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_PriceOfZeroOnEitherSide_IsNotComparedForAChange()
    {
        // Given a cached-input price going from 0 to 5 and then back to 0: no factor can be formed either way
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-10,USD,10,0,,40,,,," + Tail,
            "acme,acme-large,,standard,0,2025-06-10,2025-09-01,USD,10,5,,40,,,," + Tail,
            "acme,acme-large,,standard,0,2025-09-01,,USD,10,0,,40,,,," + Tail);

        PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv))).Warnings.Should().BeEmpty();
    }

    [Theory]
    [InlineData("100", "400", 0)] // exactly ×10 on both: allowed
    [InlineData("1", "4", 0)] // exactly ÷10 on both: allowed
    [InlineData("100.01", "400", 1)] // ×10.001 on input only
    [InlineData("0.99", "4", 1)] // ÷10.1 on input only
    public void Validate_PriceChange_WarnsOnlyAboveTenfold(string input, string output, int expectedWarnings)
    {
        // Given a first row of 10 input / 40 output, and a second row of the given prices
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-10,USD,10,,,40,,,," + Tail,
            $"acme,acme-large,,standard,0,2025-06-10,,USD,{input},,,{output},,,," + Tail);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv)));

        report.Warnings.Should().HaveCount(expectedWarnings);
    }

    [Fact]
    public void Validate_PriceChangeInAnotherContextTier_IsNotComparedAcrossTiers()
    {
        // Given a base row at 1 and a long-context row at 20: different series, so no ×20 warning
        var csv = Lines(
            ApiHeader,
            "acme,acme-mini,,standard,0,2025-01-01,,USD,1,,,2,,,," + Tail,
            "acme,acme-mini,,standard,200000,2025-01-01,,USD,20,,,40,,,," + Tail);

        PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv))).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_CachedPriceAboveInput_WarnsAtTheCachedCell()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,0.1,,0.3,,,," + Tail);

        var warning = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv))).Warnings.Single();

        warning.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 10, "cached_input_per_mtok", "0.1",
            "cached_input_per_mtok (0.1) of 'acme-mini' (standard, context tier 0) from 2025-01-01 is above its input_per_mtok (0.075); reading from a prompt cache costs less than uncached input: check the two columns",
            DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Validate_OutputCheaperThanInput_WarnsAtTheOutputCell()
    {
        // Given input and output swapped: 0.3 in, 0.075 out
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0.3,,,0.075,,,," + Tail);

        var warning = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv))).Warnings.Single();

        warning.ToString().Should().Be("api_prices.csv:2:12: warning: output_per_mtok (0.075) of 'acme-mini' (standard, context tier 0) from 2025-01-01 is below its input_per_mtok (0.3); output tokens usually cost at least as much as input tokens: check that the columns are not swapped");
    }

    [Fact]
    public void Validate_OutputEqualToInput_IsNotUnusual()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0.9,0.9,,0.9,,,," + Tail);

        PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv))).Warnings.Should().BeEmpty();
    }

    [Fact]
    public void Validate_SparseFp8Figure_WarnsAtTheFp8Cell()
    {
        // Given the H100 datasheet's sparse FP8 headline (3958) next to the dense BF16 figure (989.5): 3958 / 989.5 = 4
        var csv = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,3958,700,,,,,,https://example.com/gpu-a,2026-11-29");

        var warning = PricingCatalog.Validate(PricingSource.InMemory(With("gpus.csv", csv))).Warnings.Single();

        warning.Should().Be(new PricingDiagnostic(
            "gpus.csv", 2, 6, "fp8_dense_tflops", "3958",
            "fp8_dense_tflops (3958) of 'GPU-A' is 4× its bf16_dense_tflops (989.5); dense FP8 is about twice dense BF16 (1.6× to 2.4× expected), so one of the two may be a 2:4-sparse datasheet figure: use the dense figures",
            DiagnosticSeverity.Warning));
    }

    [Theory]
    [InlineData("160", 0)] // 1.6×: the lowest ratio accepted
    [InlineData("240", 0)] // 2.4×: the highest ratio accepted
    [InlineData("159", 1)] // 1.59×
    [InlineData("241", 1)] // 2.41×
    [InlineData("", 0)] // no FP8 (A100): nothing to compare
    public void Validate_Fp8ToBf16Ratio_WarnsOutsideOnePointSixToTwoPointFour(string fp8, int expectedWarnings)
    {
        var csv = Lines(GpuHeader, $"GPU-A,nvidia,80,3.35,100,{fp8},700,,,,,,https://example.com/gpu-a,2026-11-29");

        PricingCatalog.Validate(PricingSource.InMemory(With("gpus.csv", csv))).Warnings.Should().HaveCount(expectedWarnings);
    }
}
