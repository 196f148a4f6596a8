using LlmTco.Pricing;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>The pricing API's argument checks and the text and data of its exceptions.</summary>
public sealed class PricingErrorsTests
{
    private static PricingCatalog Catalog => PricingCatalog.Load(PricingSource.InMemory(Valid()));

    [Fact]
    public void Lookups_NullArguments_ThrowNamingTheArgument()
    {
        var catalog = Catalog;
        var day = new DateOnly(2025, 7, 1);

        FluentActions.Invoking(() => catalog.GetApiPriceHistory(null!, "acme-mini")).Should().Throw<ArgumentNullException>().WithParameterName("provider");
        FluentActions.Invoking(() => catalog.GetApiPriceHistory("acme", null!)).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => catalog.GetGpu(null!)).Should().Throw<ArgumentNullException>().WithParameterName("gpuModel");
        FluentActions.Invoking(() => catalog.GetOpenModel(null!)).Should().Throw<ArgumentNullException>().WithParameterName("model");
        FluentActions.Invoking(() => catalog.FindRentalOffer(null!, "GPU-A", RentalPlan.OnDemand, day)).Should().Throw<ArgumentNullException>().WithParameterName("provider");
        FluentActions.Invoking(() => PricingCatalog.Validate(null!)).Should().Throw<ArgumentNullException>().WithParameterName("sources");
        FluentActions.Invoking(() => PricingCatalog.Validate()).Should().Throw<ArgumentException>().WithParameterName("sources")
            .WithMessage("At least one pricing source is needed.*");
        FluentActions.Invoking(() => PricingSource.Folder(string.Empty)).Should().Throw<ArgumentException>().WithParameterName("path");
        FluentActions.Invoking(() => PricingSource.InMemory(null!)).Should().Throw<ArgumentNullException>().WithParameterName("csvByFileName");
    }

    [Fact]
    public void Lookups_EnumValueNamingNoMember_ThrowNamingTheArgument()
    {
        // Given values cast from numbers that name no member (ServiceTier and RentalPlan have fewer than 99 members)
        var catalog = Catalog;
        var day = new DateOnly(2025, 7, 1);

        // Then each lookup refuses the argument by name, before looking anything up
        FluentActions.Invoking(() => catalog.GetApiPriceHistory("acme", "acme-mini", (ServiceTier)99)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("serviceTier").WithMessage("Not a defined ServiceTier value.*");
        FluentActions.Invoking(() => catalog.FindApiPrice("acme", "acme-mini", day, serviceTier: (ServiceTier)99)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("serviceTier");
        FluentActions.Invoking(() => catalog.FindRentalOffer("cloudy", "GPU-A", (RentalPlan)99, day)).Should().Throw<ArgumentOutOfRangeException>()
            .WithParameterName("plan").WithMessage("Not a defined RentalPlan value.*");
    }

    [Fact]
    public void UnknownName_NothingNear_ListsTheKnownNames()
    {
        var act = () => Catalog.GetGpu("zzzzzzzzzz");

        var ex = act.Should().Throw<PricingLookupException>().Which;
        ex.Message.Should().Be("Unknown GPU 'zzzzzzzzzz'; known: GPU-A");
        ex.Suggestions.Should().BeEmpty();
    }

    [Fact]
    public void UnknownModel_NothingNear_ListsEachModelIdBeforeItsAliases()
    {
        // 12 z's are more than max(3, 12 / 2) = 6 edits from every name, so nothing is suggested and the names are listed:
        // acme-large-2025-01-01 (id) then acme-large (its alias), then acme-mini, each once
        var act = () => Catalog.GetApiPriceHistory("acme", "zzzzzzzzzzzz");

        act.Should().Throw<PricingLookupException>().Which.Message.Should().Be(
            "Unknown model 'zzzzzzzzzzzz' at provider 'acme'; known: acme-large-2025-01-01, acme-large, acme-mini");
    }

    [Fact]
    public void KnownModel_ServiceTierWithoutPrices_NamesTheTier()
    {
        var act = () => Catalog.GetApiPriceHistory("acme", "ACME-MINI", ServiceTier.Flex);

        act.Should().Throw<PricingLookupException>().WithMessage("'acme-mini' at 'acme' has no price for the flex service tier.");
    }

    [Fact]
    public void UnknownName_SomethingNear_IsSuggested()
    {
        var act = () => Catalog.GetApiPriceHistory("acme", "acme-mimi");

        var ex = act.Should().Throw<PricingLookupException>().Which;
        ex.Message.Should().Be("Unknown model 'acme-mimi' at provider 'acme'; did you mean 'acme-mini'?");
        ex.Suggestions.Should().Equal("acme-mini");
    }

    [Fact]
    public void LookupException_Constructors_KeepTheirSuggestionsOrNone()
    {
        new PricingLookupException("x", (IReadOnlyList<string>)null!).Suggestions.Should().BeEmpty();
        new PricingLookupException("x", ["a", "b"]).Suggestions.Should().Equal("a", "b");
        new PricingLookupException().Suggestions.Should().BeEmpty();
        new PricingLookupException("x").Suggestions.Should().BeEmpty();
        new PricingLookupException("x", new InvalidOperationException()).Suggestions.Should().BeEmpty();
    }

    [Fact]
    public void DataException_Message_CountsAndListsTheErrorsOnly()
    {
        var nl = Environment.NewLine;
        var error = new PricingDiagnostic("gpus.csv", 2, 3, "memory_gb", "x", "bad", DiagnosticSeverity.Error);
        var warning = new PricingDiagnostic("gpus.csv", 3, 3, "memory_gb", "y", "odd", DiagnosticSeverity.Warning);

        var ex = new PricingDataException([error, warning]);

        ex.Message.Should().Be($"The pricing tables have 1 error(s):{nl}gpus.csv:2:3: error: bad");
        ex.Diagnostics.Should().Equal(error, warning);
        new PricingDataException([warning]).Message.Should().Be("The pricing tables could not be loaded.");
        new PricingDataException().Diagnostics.Should().BeEmpty();
        new PricingDataException("x").Diagnostics.Should().BeEmpty();
        new PricingDataException("x", new IOException()).Diagnostics.Should().BeEmpty();
        FluentActions.Invoking(() => new PricingDataException((IReadOnlyList<PricingDiagnostic>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("diagnostics");
    }

    [Fact]
    public void Load_BadTables_ThrowsTheDataExceptionWithEveryDiagnostic()
    {
        var act = () => PricingCatalog.Load(PricingSource.InMemory(With("gpus.csv", Lines(GpuHeader, "GPU-A,nvidia,eighty,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29"))));

        act.Should().Throw<PricingDataException>().Which.Diagnostics.Should().ContainSingle().Which.Line.Should().Be(2);
    }
}
