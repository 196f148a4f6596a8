using FluentAssertions;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Workloads;
using Xunit;

namespace LlmTco.Tests.Scenarios;

/// <summary>
/// Every rule of the scenario validator, one invalid value at a time on an otherwise valid scenario: the evaluation
/// stops with a <see cref="ScenarioValidationException"/> whose single error names the JSON path, the value and what is
/// wrong, before any price is looked up.
/// </summary>
public class ScenarioValidatorTests
{
    private static readonly SelfHostedOption Owned = new()
    {
        Name = "Model-8B owned",
        Model = "model-8b",
        Gpu = "GPU-A",
        Owned = new OwnedHardware { PricePerGpu = 20_000, Pue = 1.3, ElectricityPricePerKwh = 0.12, HostingPricePerKwMonth = 150 },
    };

    private static readonly Scenario Valid = TestScenarios.ThreeMonths(TestScenarios.RentedModel8B, Owned);

    /// <summary>A change that makes the scenario invalid, the path of the error and the message expected there.</summary>
    public static TheoryData<string, string, string?, string> Cases => new()
    {
        { "currency in lower case", "$.currency", "usd", "must be an ISO 4217 code in capitals, e.g. USD" },
        { "no options", "$", null, "the scenario needs at least one API option or self-hosted option" },
        { "no workload", "$.workload", null, "a workload is required" },
        { "peak below average", "$.workload.peakToAverageRatio", "0.5", "must be a finite number of at least 1 (peak throughput ÷ average throughput)" },
        { "infinite peak", "$.workload.peakToAverageRatio", "Infinity", "must be a finite number of at least 1 (peak throughput ÷ average throughput)" },
        { "no profiles", "$.workload.profiles", null, "the workload needs at least one traffic profile" },
        { "null profile", "$.workload.profiles[0]", null, "a traffic profile is required" },
        { "two profiles with one name", "$.workload.profiles[1].name", "chat", "another traffic profile has this name" },
        { "cache shares above the whole input", "$.workload.profiles[0].cacheWriteShare", "0.9", "cache-read and cache-write shares add up to more than 1 (1.1); together they are at most the whole input" },
        { "short series", "$.workload.profiles[0].growth.requestsPerMonth", "2 entries", "the series must give requests for every month of the horizon (3)" },
        { "negative series entry", "$.workload.profiles[0].growth.requestsPerMonth[1]", "-5", "must not be negative" },
        { "infinite linear growth", "$.workload.profiles[0].growth.requestsAddedPerMonth", "-Infinity", "must be a finite number" },
        { "undefined growth kind", "$.workload.profiles[0].growth.kind", "9", "is not a valid GrowthKind" },
        { "null API option", "$.apiOptions[0]", null, "an API option is required" },
        { "blank API model", "$.apiOptions[0].model", " ", "is required" },
        { "batch discount above 1", "$.apiOptions[0].batchDiscountFraction", "1.5", "must be a fraction from 0 to 1 (0.5 = 50 % off)" },
        { "decline of 100 %", "$.apiOptions[0].yearlyPriceDecline", "1", "must be below 1: a 100 % yearly decline would make prices zero" },
        { "API fine-tuning in month 4 of 3", "$.apiOptions[0].fineTuning.month", "4", "must be a month from 1 to the horizon (3)" },
        { "API fine-tuning with 0 epochs", "$.apiOptions[0].fineTuning.epochs", "0", "must be greater than 0" },
        { "null self-hosted option", "$.selfHostedOptions[0]", null, "a self-hosted option is required" },
        { "three GPUs a replica", "$.selfHostedOptions[0].gpusPerReplica", "3", "must be a power of two from 1 to 1,024" },
        { "no replicas of concurrency", "$.selfHostedOptions[0].servingConcurrency", "0", "must be at least 1" },
        { "two billion minimum replicas", "$.selfHostedOptions[0].minReplicas", "2000000000", "must be from 0 to 1,000,000" },
        { "two billion spare replicas", "$.selfHostedOptions[0].redundancyReplicas", "2000000000", "must be from 0 to 1,000,000" },
        { "a replica of 2^30 GPUs", "$.selfHostedOptions[0].gpusPerReplica", "1073741824", "must be a power of two from 1 to 1,024" },
        { "groups of up to 2^31 − 1 GPUs", "$.selfHostedOptions[0].maxGpusPerReplica", "2147483647", "must be from 1 to 1,024" },
        { "utilisation above 1", "$.selfHostedOptions[0].targetUtilization", "1.2", "must be greater than 0 and at most 1" },
        { "zero committed GPUs", "$.selfHostedOptions[0].rented.committedGpus", "0", "must be at least 1" },
        { "storage without a price", "$.selfHostedOptions[0].storage.pricePerGbMonth", null, "give a price per GB-month, or a storageProvider and storageService from storage_prices.csv" },
        { "egress without a price", "$.selfHostedOptions[0].storage.egressPricePerGb", null, "give a price per GB, or an egressProvider and egressService from egress_prices.csv" },
        { "owned fine-tuning without a GPU price", "$.selfHostedOptions[1].fineTuning.pricePerGpuHour", null, "owned hardware: give the fine-tuning GPUs' pricePerGpuHour or a rental provider" },
        { "fine-tuning with a negative GPU-hour count", "$.selfHostedOptions[0].fineTuning.measuredGpuHoursPerRun", "-1", "must not be negative" },
        { "people with a negative set-up cost", "$.selfHostedOptions[0].people.setupCost", "-100", "must not be negative" },
        { "lead time as long as the horizon", "$.selfHostedOptions[0].leadTimeMonths", "3", "must be from 0 to one less than the horizon" },
        { "lead time without a bridge", "$.selfHostedOptions[0].bridgeApiOption", null, "a lead time needs the name of the API option that serves the traffic meanwhile" },
        { "bridge naming no API option", "$.selfHostedOptions[0].bridgeApiOption", "Acme Small", "names no API option of this scenario; the API options are: Acme Large" },
        { "PUE below 1", "$.selfHostedOptions[1].owned.pue", "0.9", "must be a finite number of at least 1 (facility power ÷ IT power)" },
        { "no PUE", "$.selfHostedOptions[1].owned.pue", null, "give a pue, or a pueFigure name from pue_figures.csv" },
        { "no electricity price", "$.selfHostedOptions[1].owned.electricityPricePerKwh", null, "give an electricity price per kWh, or an electricityRegion from electricity_prices.csv" },
        { "zero useful life", "$.selfHostedOptions[1].owned.usefulLifeMonths", "0", "must be at least 1" },
        { "residual value above 1", "$.selfHostedOptions[1].owned.residualValueFraction", "1.5", "must be a fraction of the capital cost from 0 to 1" },
        { "negative hosting price", "$.selfHostedOptions[1].owned.hostingPricePerKwMonth", "-1", "must not be negative" },
        { "zero GPU price", "$.selfHostedOptions[1].owned.pricePerGpu", "0", "must be greater than 0" },
        { "NaN load", "$.selfHostedOptions[1].owned.averageLoadFraction", "NaN", "must be a finite number" },
        { "decline above 1", "$.apiOptions[0].yearlyPriceDecline", "1.5", "must be a yearly fraction from 0 to below 1" },
        { "infinite decline", "$.apiOptions[0].yearlyPriceDecline", "Infinity", "must be a finite number" },
        { "bridge naming none of two API options", "$.selfHostedOptions[0].bridgeApiOption", "Acme Tiny", "names no API option of this scenario; the API options are: Acme Large, Acme Mini" },
        { "compound growth of −100 %", "$.workload.profiles[0].growth.monthlyRate", "-1", "must be a finite growth rate above −1 (−100 % a month would leave no traffic)" },
        { "series without a list", "$.workload.profiles[0].growth.requestsPerMonth", "0 entries", "the series must give requests for every month of the horizon (3)" },
        { "null profile list", "$.workload.profiles", null, "the workload needs at least one traffic profile" },
        { "null option lists", "$", null, "the scenario needs at least one API option or self-hosted option" },
        { "NaN requests", "$.workload.profiles[0].monthlyRequests", "NaN", "must be a finite number" },
        { "NaN output tokens", "$.workload.profiles[0].outputTokensPerRequest", "NaN", "must be a finite number" },
        { "negative input tokens beside a huge output", "$.workload.profiles[0].inputTokensPerRequest", "-1", "must not be negative" },
        { "volume over the limit in the last month only", "$.workload.profiles[0].monthlyRequests", "1000000", "the profile reaches 1.5E+30 tokens in month 3, above the limit of 1E+18 tokens per month; check the volume, the token counts and the growth" },
        { "volume over the limit without growth", "$.workload.profiles[0].monthlyRequests", "1E+27", "the profile reaches 1.5E+30 tokens in month 1, above the limit of 1E+18 tokens per month; check the volume, the token counts and the growth" },
        { "volume over the limit with a null growth rule", "$.workload.profiles[0].monthlyRequests", "1E+27", "the profile reaches 1.5E+30 tokens in month 1, above the limit of 1E+18 tokens per month; check the volume, the token counts and the growth" },
        { "API fine-tuning in month 2 of 1", "$.apiOptions[0].fineTuning.month", "2", "must be a month from 1 to the horizon (1)" },
        { "short series over 600 months", "$.workload.profiles[0].growth.requestsPerMonth", "2 entries", "the series must give requests for every month of the horizon (600)" },
        { "horizon of 601 months beside a short series", "$.horizonMonths", "601", "must be a whole number of months from 1 to 600" },
        { "horizon of 0 months beside API fine-tuning in month 1", "$.horizonMonths", "0", "must be a whole number of months from 1 to 600" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Evaluate_OneInvalidValue_ReportsItsPathValueAndReason(string name, string path, string? value, string message)
    {
        // Given a valid scenario with one value made invalid
        var scenario = Invalid(name);

        // When
        var act = () => TestScenarios.Engine.Evaluate(scenario);

        // Then exactly that value is reported, with its path and what is wrong
        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new ScenarioError(path, value, message));
    }

    /// <summary>One out-of-range value per field with a plain rule (required text, defined word, sign, fraction, lower bound):
    /// the field's JSON path, the value as shown, and the rule's message.</summary>
    public static TheoryData<string, string, string?, string> FieldCases => new()
    {
        { "name", "$.name", "", "is required" },
        { "discount rate", "$.yearlyDiscountRate", "1.5", "must be a yearly rate as a fraction from 0 to 1 (0.08 = 8 %)" },
        { "cost view", "$.costView", "7", "is not a valid CostView" },
        { "profile name", "$.workload.profiles[0].name", "", "is required" },
        { "input tokens", "$.workload.profiles[0].inputTokensPerRequest", "-1", "must not be negative" },
        { "output tokens", "$.workload.profiles[0].outputTokensPerRequest", "-1", "must not be negative" },
        { "cache write share", "$.workload.profiles[0].cacheWriteShare", "1.5", "must be a share from 0 to 1" },
        { "batch share", "$.workload.profiles[0].batchShare", "-0.5", "must be a share from 0 to 1" },
        { "latency without bounds", "$.workload.profiles[0].latency", null, "a latency target needs maxTimeToFirstTokenSeconds, minOutputTokensPerSecondPerRequest or both" },
        { "latency first token", "$.workload.profiles[0].latency.maxTimeToFirstTokenSeconds", "0", "must be greater than 0" },
        { "latency speed", "$.workload.profiles[0].latency.minOutputTokensPerSecondPerRequest", "-5", "must be greater than 0" },
        { "API name", "$.apiOptions[0].name", "", "is required" },
        { "API provider", "$.apiOptions[0].provider", "", "is required" },
        { "API service tier", "$.apiOptions[0].serviceTier", "9", "is not a valid ServiceTier" },
        { "API monthly fee", "$.apiOptions[0].monthlyFee", "-1", "must not be negative" },
        { "API commitment", "$.apiOptions[0].monthlyCommitment", "-1", "must not be negative" },
        { "API training tokens", "$.apiOptions[0].fineTuning.trainingTokens", "-1", "must not be negative" },
        { "API training price", "$.apiOptions[0].fineTuning.trainingPricePerMillionTokens", "-1", "must not be negative" },
        { "API tuning interval", "$.apiOptions[0].fineTuning.everyMonths", "-1", "must be at least 0" },
        { "self-hosted name", "$.selfHostedOptions[0].name", "", "is required" },
        { "self-hosted model", "$.selfHostedOptions[0].model", "", "is required" },
        { "self-hosted GPU", "$.selfHostedOptions[0].gpu", "", "is required" },
        { "precision", "$.selfHostedOptions[0].precision", "99", "is not a valid NumericPrecision" },
        { "KV-cache precision", "$.selfHostedOptions[0].kvCachePrecision", "99", "is not a valid NumericPrecision" },
        { "usable memory", "$.selfHostedOptions[0].usableMemoryFraction", "0", "must be greater than 0 and at most 1" },
        { "replica throughput", "$.selfHostedOptions[0].replicaThroughputTokensPerSecond", "0", "must be greater than 0" },
        { "MBU", "$.selfHostedOptions[0].mbu", "2", "must be greater than 0 and at most 1" },
        { "MFU", "$.selfHostedOptions[0].mfu", "0", "must be greater than 0 and at most 1" },
        { "rental provider", "$.selfHostedOptions[0].rented.provider", "", "is required" },
        { "rental plan", "$.selfHostedOptions[0].rented.plan", "9", "is not a valid RentalPlan" },
        { "rental price", "$.selfHostedOptions[0].rented.pricePerGpuHour", "0", "must be greater than 0" },
        { "GB held", "$.selfHostedOptions[0].storage.gbHeld", "-1", "must not be negative" },
        { "egress GB", "$.selfHostedOptions[0].storage.egressGbPerMonth", "-1", "must not be negative" },
        { "storage price", "$.selfHostedOptions[0].storage.pricePerGbMonth", "-1", "must not be negative" },
        { "egress price", "$.selfHostedOptions[0].storage.egressPricePerGb", "-1", "must not be negative" },
        { "tuning tokens", "$.selfHostedOptions[0].fineTuning.trainingTokens", "-1", "must not be negative" },
        { "tuning epochs", "$.selfHostedOptions[0].fineTuning.epochs", "0", "must be greater than 0" },
        { "tuning method", "$.selfHostedOptions[0].fineTuning.method", "9", "is not a valid FineTuningMethod" },
        { "tuning precision", "$.selfHostedOptions[0].fineTuning.precision", "99", "is not a valid NumericPrecision" },
        { "FLOPs per parameter", "$.selfHostedOptions[0].fineTuning.flopsPerParameterPerToken", "0", "must be greater than 0" },
        { "tuning MFU", "$.selfHostedOptions[0].fineTuning.mfu", "0", "must be greater than 0 and at most 1" },
        { "tuning GPU price", "$.selfHostedOptions[0].fineTuning.pricePerGpuHour", "0", "must be greater than 0" },
        { "tuning first month", "$.selfHostedOptions[0].fineTuning.firstMonth", "0", "must be a month from 1 to the horizon (3)" },
        { "tuning interval", "$.selfHostedOptions[0].fineTuning.everyMonths", "-1", "must be at least 0" },
        { "FTEs", "$.selfHostedOptions[0].people.ftes", "-1", "must not be negative" },
        { "loaded cost", "$.selfHostedOptions[0].people.yearlyLoadedCostPerFte", "-1", "must not be negative" },
        { "licences", "$.selfHostedOptions[0].people.licencesPerMonth", "-1", "must not be negative" },
        { "support", "$.selfHostedOptions[0].people.supportPerMonth", "-1", "must not be negative" },
        { "server overhead", "$.selfHostedOptions[1].owned.serverOverheadPerGpu", "-1", "must not be negative" },
        { "electricity price", "$.selfHostedOptions[1].owned.electricityPricePerKwh", "-1", "must not be negative" },
        { "per-server hosting", "$.selfHostedOptions[1].owned.hostingPricePerServerMonth", "-1", "must not be negative" },
        { "GPUs per server", "$.selfHostedOptions[1].owned.gpusPerServer", "0", "must be at least 1" },
        { "maintenance", "$.selfHostedOptions[1].owned.maintenanceYearlyFraction", "-1", "must not be negative" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public void Evaluate_OneFieldOutOfRange_ReportsThatFieldsPath(string name, string path, string? value, string message)
    {
        var s = Valid;
        var api = TestScenarios.AcmeLarge;
        var tuningApi = new ApiFineTuning { TrainingTokens = 1e6, TrainingPricePerMillionTokens = 3 };
        var tuning = new FineTuningSchedule { TrainingTokens = 1e6, MeasuredGpuHoursPerRun = 5 };
        var rented = s.SelfHostedOptions[0];
        var owned = s.SelfHostedOptions[1];
        Scenario Profile(Func<TrafficProfile, TrafficProfile> f) => s with { Workload = s.Workload with { Profiles = [f(TestScenarios.Chat)] } };
        Scenario Api(ApiOption o) => s with { ApiOptions = [o] };
        Scenario Rented(SelfHostedOption o) => s with { SelfHostedOptions = [o, owned] };
        Scenario Owned(Func<OwnedHardware, OwnedHardware> f) => s with { SelfHostedOptions = [rented, owned with { Owned = f(owned.Owned!) }] };
        var scenario = name switch
        {
            "name" => s with { Name = "" },
            "discount rate" => s with { YearlyDiscountRate = 1.5 },
            "cost view" => s with { CostView = (CostView)7 },
            "profile name" => Profile(p => p with { Name = "" }),
            "input tokens" => Profile(p => p with { InputTokensPerRequest = -1 }),
            "output tokens" => Profile(p => p with { OutputTokensPerRequest = -1 }),
            "cache write share" => Profile(p => p with { CacheReadShare = 0, CacheWriteShare = 1.5 }),
            "batch share" => Profile(p => p with { BatchShare = -0.5 }),
            "latency without bounds" => Profile(p => p with { Latency = new LatencyTarget() }),
            "latency first token" => Profile(p => p with { Latency = new LatencyTarget { MaxTimeToFirstTokenSeconds = 0 } }),
            "latency speed" => Profile(p => p with { Latency = new LatencyTarget { MinOutputTokensPerSecondPerRequest = -5 } }),
            "API name" => Api(api with { Name = "" }),
            "API provider" => Api(api with { Provider = "" }),
            "API service tier" => Api(api with { ServiceTier = (ServiceTier)9 }),
            "API monthly fee" => Api(api with { MonthlyFee = -1 }),
            "API commitment" => Api(api with { MonthlyCommitment = -1 }),
            "API training tokens" => Api(api with { FineTuning = tuningApi with { TrainingTokens = -1 } }),
            "API training price" => Api(api with { FineTuning = tuningApi with { TrainingPricePerMillionTokens = -1 } }),
            "API tuning interval" => Api(api with { FineTuning = tuningApi with { EveryMonths = -1 } }),
            "self-hosted name" => Rented(rented with { Name = "" }),
            "self-hosted model" => Rented(rented with { Model = "" }),
            "self-hosted GPU" => Rented(rented with { Gpu = "" }),
            "precision" => Rented(rented with { Precision = (NumericPrecision)99 }),
            "KV-cache precision" => Rented(rented with { KvCachePrecision = (NumericPrecision)99 }),
            "usable memory" => Rented(rented with { UsableMemoryFraction = 0 }),
            "replica throughput" => Rented(rented with { ReplicaThroughputTokensPerSecond = 0 }),
            "MBU" => Rented(rented with { Mbu = 2 }),
            "MFU" => Rented(rented with { Mfu = 0 }),
            "rental provider" => Rented(rented with { Rented = rented.Rented! with { Provider = "" } }),
            "rental plan" => Rented(rented with { Rented = rented.Rented! with { Plan = (RentalPlan)9 } }),
            "rental price" => Rented(rented with { Rented = rented.Rented! with { PricePerGpuHour = 0 } }),
            "GB held" => Rented(rented with { Storage = new StorageCosts { GbHeld = -1 } }),
            "egress GB" => Rented(rented with { Storage = new StorageCosts { EgressGbPerMonth = -1 } }),
            "storage price" => Rented(rented with { Storage = new StorageCosts { PricePerGbMonth = -1 } }),
            "egress price" => Rented(rented with { Storage = new StorageCosts { EgressPricePerGb = -1 } }),
            "tuning tokens" => Rented(rented with { FineTuning = tuning with { TrainingTokens = -1 } }),
            "tuning epochs" => Rented(rented with { FineTuning = tuning with { Epochs = 0 } }),
            "tuning method" => Rented(rented with { FineTuning = tuning with { Method = (FineTuningMethod)9 } }),
            "tuning precision" => Rented(rented with { FineTuning = tuning with { Precision = (NumericPrecision)99 } }),
            "FLOPs per parameter" => Rented(rented with { FineTuning = tuning with { FlopsPerParameterPerToken = 0 } }),
            "tuning MFU" => Rented(rented with { FineTuning = tuning with { Mfu = 0 } }),
            "tuning GPU price" => Rented(rented with { FineTuning = tuning with { PricePerGpuHour = 0 } }),
            "tuning first month" => Rented(rented with { FineTuning = tuning with { FirstMonth = 0 } }),
            "tuning interval" => Rented(rented with { FineTuning = tuning with { EveryMonths = -1 } }),
            "FTEs" => Rented(rented with { People = new PeopleCosts { Ftes = -1 } }),
            "loaded cost" => Rented(rented with { People = new PeopleCosts { YearlyLoadedCostPerFte = -1 } }),
            "licences" => Rented(rented with { People = new PeopleCosts { LicencesPerMonth = -1 } }),
            "support" => Rented(rented with { People = new PeopleCosts { SupportPerMonth = -1 } }),
            "server overhead" => Owned(h => h with { ServerOverheadPerGpu = -1 }),
            "electricity price" => Owned(h => h with { ElectricityPricePerKwh = -1 }),
            "per-server hosting" => Owned(h => h with { HostingPricePerServerMonth = -1 }),
            "GPUs per server" => Owned(h => h with { GpusPerServer = 0 }),
            "maintenance" => Owned(h => h with { MaintenanceYearlyFraction = -1 }),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        var act = () => TestScenarios.Engine.Evaluate(scenario);

        act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle()
            .Which.Should().Be(new ScenarioError(path, value, message));
    }

    [Fact]
    public void Evaluate_TheScenarioBeforeTheChanges_IsValid()
    {
        // The cases above break one value each of this scenario, so it must pass by itself.
        var act = () => TestScenarios.Engine.Evaluate(Valid);

        act.Should().NotThrow();
    }

    /// <summary>A value exactly on the edge of its allowed range; each one is valid.</summary>
    public static TheoryData<string> BoundaryCases => new()
    {
        "horizon of 600 months",
        "cache shares adding up to exactly 1",
        "cache shares adding up to 1 + 1e-12",
        "1,024 GPUs a replica",
        "a million minimum replicas",
        "utilisation of 1",
        "PUE of 1",
    };

    [Theory]
    [MemberData(nameof(BoundaryCases))]
    public void Validate_ValueOnTheEdgeOfItsRange_IsValid(string name)
    {
        // Given a valid scenario with one value moved to the edge of what its rule allows
        var s = Valid;
        var rented = s.SelfHostedOptions[0];
        var owned = s.SelfHostedOptions[1];
        const double readShare = 0.5;
        const double allowance = 1 + 1e-12; // the sum the validator still lets through, for rounding in shares that add up to 1
        var scenario = name switch
        {
            "horizon of 600 months" => s with { HorizonMonths = 600 },
            "cache shares adding up to exactly 1" => s with { Workload = s.Workload with { Profiles = [TestScenarios.Chat with { CacheReadShare = 0.5, CacheWriteShare = 0.5 }] } },
            "cache shares adding up to 1 + 1e-12" => s with { Workload = s.Workload with { Profiles = [TestScenarios.Chat with { CacheReadShare = readShare, CacheWriteShare = allowance - readShare }] } },
            "1,024 GPUs a replica" => s with { SelfHostedOptions = [rented with { GpusPerReplica = 1024 }, owned] },
            "a million minimum replicas" => s with { SelfHostedOptions = [rented with { MinReplicas = 1_000_000 }, owned] },
            "utilisation of 1" => s with { SelfHostedOptions = [rented with { TargetUtilization = 1 }, owned] },
            "PUE of 1" => s with { SelfHostedOptions = [rented, owned with { Owned = owned.Owned! with { Pue = 1 } }] },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };

        // When
        var errors = ScenarioValidator.Validate(scenario);

        // Then
        errors.Should().BeEmpty();
        (readShare + (allowance - readShare)).Should().Be(allowance, "0.5 + (1 + 1e-12 − 0.5) is exact in binary floating point, so the sum is on the edge");
    }

    [Fact]
    public void Validate_ConfigurationStyleWithoutARoot_WritesKeysFromTheScenarioItself()
    {
        // Given two invalid values, one at the top and one nested
        var scenario = Valid with { HorizonMonths = 0, Workload = Valid.Workload with { Profiles = [TestScenarios.Chat with { CacheReadShare = 2 }] } };

        // When checked with configuration keys and no section above the scenario
        var errors = ScenarioValidator.Validate(scenario, PathStyle.Configuration);

        // Then the keys start at the scenario's own properties, with no '$' and no leading ':'
        errors.Select(e => e.Path).Should().Equal("HorizonMonths", "Workload:Profiles:0:CacheReadShare");
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("EUR")]
    [InlineData("GBP")]
    [InlineData("JPY")]
    [InlineData("CNY")]
    [InlineData("CAD")]
    [InlineData("AUD")]
    [InlineData("CHF")]
    [InlineData("INR")]
    [InlineData("SGD")]
    [InlineData("KRW")]
    [InlineData("SEK")]
    [InlineData("NOK")]
    [InlineData("DKK")]
    [InlineData("PLN")]
    [InlineData("BRL")]
    public void Validate_EachListedCurrency_IsValid(string currency)
    {
        // The ISO 4217 codes docs/methodology.md lists for a scenario's currency
        ScenarioValidator.Validate(Valid with { Currency = currency }).Should().BeEmpty();
    }

    [Fact]
    public void Validate_StartDateWhoseMonthsLeaveTheCalendar_IsAnErrorNamingTheLatestStart()
    {
        // Given 3 months from 9999-12-01 (issue 20: DateOnly.AddMonths threw), and 3 months from 9999-10-01, the latest
        // start whose third month, 9999-12-01, is still a date
        var tooLate = Valid with { StartDate = new DateOnly(9999, 12, 1) };
        var latest = Valid with { StartDate = new DateOnly(9999, 10, 1) };

        // Then the first is one error at the start date; the second is valid
        ScenarioValidator.Validate(tooLate).Should().Equal(
            new ScenarioError("$.startDate", "9999-12-01", "leaves the calendar: 3 months from it run past 9999-12-31; start on 9999-10-31 at the latest"));
        ScenarioValidator.Validate(latest).Should().BeEmpty();
    }

    private static Scenario Invalid(string name)
    {
        var s = Valid;
        var chat = TestScenarios.Chat;
        var api = TestScenarios.AcmeLarge;
        var rented = s.SelfHostedOptions[0];
        var owned = s.SelfHostedOptions[1];
        var hardware = owned.Owned!;
        Scenario WithProfiles(params TrafficProfile[] profiles) => s with { Workload = s.Workload with { Profiles = profiles } };
        Scenario WithApi(ApiOption option) => s with { ApiOptions = [option] };
        Scenario WithRented(SelfHostedOption option) => s with { SelfHostedOptions = [option, owned] };
        Scenario WithOwned(OwnedHardware h) => s with { SelfHostedOptions = [rented, owned with { Owned = h }] };
        return name switch
        {
            "currency in lower case" => s with { Currency = "usd" },
            "no options" => s with { ApiOptions = [], SelfHostedOptions = [] },
            "no workload" => s with { Workload = null! },
            "peak below average" => s with { Workload = s.Workload with { PeakToAverageRatio = 0.5 } },
            "infinite peak" => s with { Workload = s.Workload with { PeakToAverageRatio = double.PositiveInfinity } },
            "no profiles" => WithProfiles(),
            "null profile" => WithProfiles(new TrafficProfile[] { null! }),
            "two profiles with one name" => WithProfiles(chat, chat),
            "cache shares above the whole input" => WithProfiles(chat with { CacheReadShare = 0.2, CacheWriteShare = 0.9 }),
            "short series" => WithProfiles(chat with { Growth = GrowthRule.Series(1, 2) }),
            "negative series entry" => WithProfiles(chat with { Growth = GrowthRule.Series(1, -5, 3) }),
            "infinite linear growth" => WithProfiles(chat with { Growth = GrowthRule.Linear(double.NegativeInfinity) }),
            "undefined growth kind" => WithProfiles(chat with { Growth = new GrowthRule { Kind = (GrowthKind)9 } }),
            "null API option" => WithApi(null!),
            "blank API model" => WithApi(api with { Model = " " }),
            "batch discount above 1" => WithApi(api with { BatchDiscountFraction = 1.5 }),
            "decline of 100 %" => WithApi(api with { YearlyPriceDecline = 1 }),
            "API fine-tuning in month 4 of 3" => WithApi(api with { FineTuning = new ApiFineTuning { TrainingTokens = 1e6, TrainingPricePerMillionTokens = 3, Month = 4 } }),
            "API fine-tuning with 0 epochs" => WithApi(api with { FineTuning = new ApiFineTuning { TrainingTokens = 1e6, TrainingPricePerMillionTokens = 3, Epochs = 0 } }),
            "null self-hosted option" => s with { SelfHostedOptions = [null!, owned] },
            "three GPUs a replica" => WithRented(rented with { GpusPerReplica = 3 }),
            "no replicas of concurrency" => WithRented(rented with { ServingConcurrency = 0 }),
            "two billion minimum replicas" => WithRented(rented with { MinReplicas = 2_000_000_000 }),
            "two billion spare replicas" => WithRented(rented with { RedundancyReplicas = 2_000_000_000 }),
            "a replica of 2^30 GPUs" => WithRented(rented with { GpusPerReplica = 1 << 30 }),
            "groups of up to 2^31 − 1 GPUs" => WithRented(rented with { MaxGpusPerReplica = int.MaxValue }),
            "utilisation above 1" => WithRented(rented with { TargetUtilization = 1.2 }),
            "zero committed GPUs" => WithRented(rented with { Rented = rented.Rented! with { Plan = RentalPlan.Reserved1Year, CommittedGpus = 0 } }),
            "storage without a price" => WithRented(rented with { Storage = new StorageCosts { GbHeld = 100, StorageProvider = "aws" } }),
            "egress without a price" => WithRented(rented with { Storage = new StorageCosts { EgressGbPerMonth = 100, EgressService = "internet" } }),
            "owned fine-tuning without a GPU price" => s with { SelfHostedOptions = [rented, owned with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e6 } }] },
            "fine-tuning with a negative GPU-hour count" => WithRented(rented with { FineTuning = new FineTuningSchedule { TrainingTokens = 1e6, MeasuredGpuHoursPerRun = -1 } }),
            "people with a negative set-up cost" => WithRented(rented with { People = new PeopleCosts { SetupCost = -100 } }),
            "lead time as long as the horizon" => WithRented(rented with { LeadTimeMonths = 3, BridgeApiOption = api.Name }),
            "lead time without a bridge" => WithRented(rented with { LeadTimeMonths = 1 }),
            "bridge naming no API option" => WithRented(rented with { LeadTimeMonths = 1, BridgeApiOption = "Acme Small" }),
            "PUE below 1" => WithOwned(hardware with { Pue = 0.9 }),
            "no PUE" => WithOwned(hardware with { Pue = null }),
            "no electricity price" => WithOwned(hardware with { ElectricityPricePerKwh = null }),
            "zero useful life" => WithOwned(hardware with { UsefulLifeMonths = 0 }),
            "residual value above 1" => WithOwned(hardware with { ResidualValueFraction = 1.5 }),
            "negative hosting price" => WithOwned(hardware with { HostingPricePerKwMonth = -1 }),
            "zero GPU price" => WithOwned(hardware with { PricePerGpu = 0 }),
            "NaN load" => WithOwned(hardware with { AverageLoadFraction = double.NaN }),
            "decline above 1" => WithApi(api with { YearlyPriceDecline = 1.5 }),
            "infinite decline" => WithApi(api with { YearlyPriceDecline = double.PositiveInfinity }),
            "bridge naming none of two API options" => s with
            {
                ApiOptions = [api, new ApiOption { Name = "Acme Mini", Provider = "acme", Model = "acme-mini" }],
                SelfHostedOptions = [rented with { LeadTimeMonths = 1, BridgeApiOption = "Acme Tiny" }, owned],
            },
            "compound growth of −100 %" => WithProfiles(chat with { Growth = GrowthRule.Compound(-1) }),
            "series without a list" => WithProfiles(chat with { Growth = new GrowthRule { Kind = GrowthKind.Series, RequestsPerMonth = null } }),
            "null profile list" => s with { Workload = s.Workload with { Profiles = null! } },
            "null option lists" => s with { ApiOptions = null!, SelfHostedOptions = null! },
            "NaN requests" => WithProfiles(chat with { MonthlyRequests = double.NaN }),
            "NaN output tokens" => WithProfiles(chat with { OutputTokensPerRequest = double.NaN }),
            // 1e6 requests × (−1 + 1e13) tokens ≈ 1e19 a month would be over the limit, but a profile with an invalid token count is not checked against it
            "negative input tokens beside a huge output" => WithProfiles(chat with { InputTokensPerRequest = -1, OutputTokensPerRequest = 1e13 }),
            // 1e27 requests × (1,000 + 500) tokens = 1.5e30 in month 3, the last one; months 1 and 2 are 1.5e9
            "volume over the limit in the last month only" => WithProfiles(chat with { Growth = GrowthRule.Series(1e6, 1e6, 1e27) }),
            "volume over the limit without growth" => WithProfiles(chat with { MonthlyRequests = 1e27 }),
            "volume over the limit with a null growth rule" => WithProfiles(chat with { MonthlyRequests = 1e27, Growth = null! }),
            "API fine-tuning in month 2 of 1" => WithApi(api with { FineTuning = new ApiFineTuning { TrainingTokens = 1e6, TrainingPricePerMillionTokens = 3, Month = 2 } }) with { HorizonMonths = 1 },
            "short series over 600 months" => WithProfiles(chat with { Growth = GrowthRule.Series(1, 2) }) with { HorizonMonths = 600 },
            // An invalid horizon is not used for the checks that depend on it: neither the series length nor the fine-tuning month is reported
            "horizon of 601 months beside a short series" => WithProfiles(chat with { Growth = GrowthRule.Series(1, 2) }) with { HorizonMonths = 601 },
            "horizon of 0 months beside API fine-tuning in month 1" => WithApi(api with { FineTuning = new ApiFineTuning { TrainingTokens = 1e6, TrainingPricePerMillionTokens = 3, Month = 1 } }) with { HorizonMonths = 0 },
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no such case"),
        };
    }
}
