using System.Globalization;
using System.Text;
using CsCheck;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.SelfHosted;
using LlmTco.Timeline;
using LlmTco.Workloads;
using static LlmTco.Tests.TestScenarios;

namespace LlmTco.Tests.Timeline;

/// <summary>
/// Invariants of <see cref="TcoEngine.Evaluate"/> over generated scenarios (CsCheck), with bounded inputs so that each
/// property runs in well under two seconds: more usage never costs less on the API, cumulative costs never fall,
/// break-even points agree on both sides, prices scale costs linearly, and results do not depend on the culture.
/// </summary>
public sealed class EnginePropertyTests
{
    private const long Iterations = 100;

    private static readonly string[] ApiModels = ["acme-large", "acme-mini"];

    /// <summary>
    /// A generated traffic profile: requests, token counts, cache and batch shares. Requests and output tokens below 0.001
    /// are 0: CsCheck draws values as small as 10⁻⁸⁰, and a month of 10⁻¹⁰⁰ tokens is out of a scenario's limits.
    /// </summary>
    private static readonly Gen<TrafficProfile> GenProfile =
        Gen.Select(Gen.Double[0, 1e7], Gen.Double[1, 400_000], Gen.Double[0, 5_000], Gen.Double[0, 0.5], Gen.Double[0, 0.5], Gen.Double[0, 1])
            .Select((requests, input, output, read, write, batch) => new TrafficProfile
            {
                Name = "p",
                MonthlyRequests = Floored(requests),
                InputTokensPerRequest = input,
                OutputTokensPerRequest = Floored(output),
                CacheReadShare = read,
                CacheWriteShare = write,
                BatchShare = batch,
            });

    /// <summary>0 for a generated volume below 0.001 (see <see cref="GenProfile"/>), else the volume.</summary>
    private static double Floored(double volume) => volume < 1e-3 ? 0 : volume;

    /// <summary>A growth rule bounded so that volumes stay within a factor of about 500 over 24 months.</summary>
    private static readonly Gen<Func<double, int, GrowthRule>> GenGrowth = Gen.Int[0, 3].SelectMany(kind => kind switch
    {
        0 => Gen.Const<Func<double, int, GrowthRule>>((_, _) => GrowthRule.None),
        1 => Gen.Double[-0.3, 0.3].Select<double, Func<double, int, GrowthRule>>(rate => (_, _) => GrowthRule.Compound(rate)),
        2 => Gen.Double[-0.1, 0.5].Select<double, Func<double, int, GrowthRule>>(share => (requests, _) => GrowthRule.Linear(share * requests)),
        _ => Gen.Double[0.01, 1].Array[24].Select<double[], Func<double, int, GrowthRule>>(factors => (requests, _) => GrowthRule.Series(factors.Select(f => f * requests).ToArray())),
    });

    [Fact]
    public void Evaluate_YearlyDecline_NeverRaisesAPrice()
    {
        // Given any profile, start month and decline, on both test API models
        var gen = Gen.Select(GenProfile, Gen.Int[0, 1], Gen.Int[0, 36], Gen.Double[0, 0.9]);

        gen.Sample((profile, model, startOffset, decline) =>
        {
            var scenario = ThreeMonths() with { StartDate = new DateOnly(2025, 1, 1).AddMonths(startOffset), HorizonMonths = 24, Workload = new Workload { Profiles = [profile] } };
            double[] Totals(double d) => Engine.Evaluate(scenario with { ApiOptions = [new ApiOption { Name = "api", Provider = "acme", Model = ApiModels[model], YearlyPriceDecline = d }] })
                .Option("api").Months.Select(m => m.Total).ToArray();

            // Then no month costs more with the decline than without it
            Totals(decline).Zip(Totals(0)).Should().OnlyContain(pair => pair.First <= pair.Second);
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_CountingACommitmentBeyondTheHorizon_NeverLowersATotal()
    {
        // Given a reserved plan over any horizon, lead time and traffic
        var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("gpu_rentals.csv", TestTables.Valid()["gpu_rentals.csv"]
            + "cloudy,big.1x,GPU-A,1,reserved-1y,us-east-1,USD,1.5,2025-01-01,,https://example.com/cloudy,2026-11-29\n"))));
        var gen = Gen.Select(Gen.Int[1, 40], Gen.Int[0, 5], Gen.Double[0, 2e7], Gen.Double[0, 0.2]);

        gen.Sample((horizon, lead, requests, rate) =>
        {
            var counted = RentedModel8B with { Rented = new RentedCompute { Provider = "cloudy", Plan = RentalPlan.Reserved1Year }, LeadTimeMonths = Math.Min(lead, horizon - 1), BridgeApiOption = "Acme Large" };
            var scenario = ThreeMonths(counted) with { HorizonMonths = horizon, YearlyDiscountRate = rate, Workload = new Workload { Profiles = [Chat with { MonthlyRequests = requests }] } };
            var withIt = engine.Evaluate(scenario).Option(counted.Name);
            var without = engine.Evaluate(scenario with { SelfHostedOptions = [counted with { Rented = counted.Rented! with { CountCommitmentBeyondHorizon = false } }] }).Option(counted.Name);

            // Then the total and the NPV are at least those without it, and differ only by the last month's line
            withIt.TotalCost.Should().BeGreaterThanOrEqualTo(without.TotalCost);
            withIt.Npv.Should().BeGreaterThanOrEqualTo(without.Npv - 1e-6);
            withIt.TotalCost.Should().BeApproximately(without.TotalCost + withIt.Months[^1].Cost(CostLine.CommitmentBeyondHorizon), 1e-6 * Math.Max(1, withIt.TotalCost));
        }, iter: 50);
    }

    [Fact]
    public void Evaluate_CountingAnApiCommitmentBeyondTheHorizon_NeverLowersATotal()
    {
        // Given an API option with a committed spend on a term of any length, over any horizon, traffic and discount rate
        var gen = Gen.Select(Gen.Int[1, 40], Gen.Int[0, 36], Gen.Double[0, 2e7], Gen.Double[0, 1e5], Gen.Double[0, 0.2]);

        gen.Sample((horizon, term, requests, commitment, rate) =>
        {
            var counted = new ApiOption { Name = "api", Provider = "acme", Model = "acme-mini", MonthlyCommitment = commitment, CommitmentTermMonths = term };
            var scenario = ThreeMonths() with { HorizonMonths = horizon, YearlyDiscountRate = rate, Workload = new Workload { Profiles = [Chat with { MonthlyRequests = requests }] }, ApiOptions = [counted] };
            var withIt = Engine.Evaluate(scenario).Option("api");
            var without = Engine.Evaluate(scenario with { ApiOptions = [counted with { CountCommitmentBeyondHorizon = false }] }).Option("api");

            // Then the total and the NPV are at least those without it, and differ only by the last month's line
            withIt.TotalCost.Should().BeGreaterThanOrEqualTo(without.TotalCost);
            withIt.Npv.Should().BeGreaterThanOrEqualTo(without.Npv - 1e-6);
            withIt.TotalCost.Should().BeApproximately(without.TotalCost + withIt.Months[^1].Cost(CostLine.CommitmentBeyondHorizon), 1e-6 * Math.Max(1, withIt.TotalCost));
        }, iter: 50);
    }

    [Fact]
    public void Evaluate_MoreUsage_NeverLowersTheApiCost()
    {
        // Given any profile and model, with or without a commitment; and the same profile with more requests,
        // more input tokens per request, or more output tokens per request
        var gen = Gen.Select(GenProfile, Gen.Int[0, 1], Gen.Double[0, 1e5], Gen.Double[0, 1e7], Gen.Double[0, 300_000], Gen.Double[0, 5_000]);

        gen.Sample((profile, model, commitment, moreRequests, moreInput, moreOutput) =>
        {
            (moreRequests, moreOutput) = (Floored(moreRequests), Floored(moreOutput));
            var option = new ApiOption { Name = "api", Provider = "acme", Model = ApiModels[model], MonthlyCommitment = commitment };
            double[] Totals(TrafficProfile p) => Engine.Evaluate(ThreeMonths() with { Workload = new Workload { Profiles = [p] }, ApiOptions = [option] })
                .Option("api").Months.Select(m => m.Total).ToArray();

            // When
            var baseline = Totals(profile);
            var bigger = new[]
            {
                Totals(profile with { MonthlyRequests = profile.MonthlyRequests + moreRequests }),
                Totals(profile with { InputTokensPerRequest = profile.InputTokensPerRequest + moreInput }),
                Totals(profile with { OutputTokensPerRequest = profile.OutputTokensPerRequest + moreOutput }),
            };

            // Then every month of every bigger workload costs at least as much (1e-12 relative for rounding)
            return bigger.All(totals => totals.Zip(baseline).All(x => x.First >= x.Second - (1e-12 * Math.Abs(x.Second))));
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_AnyScenario_CumulativeCostsNeverDecreaseButByTheResaleAndEveryOtherCostIsFiniteAndNonNegative()
    {
        // Given generated scenarios: an API option, a rented and an owned self-hosted option with random prices,
        // growth, lead time, people, storage and fine-tuning, over 1 to 24 months
        var gen = Gen.Select(
            Gen.Select(Gen.Double[1e4, 1e7], Gen.Double[100, 3_000], Gen.Double[10, 2_000], GenGrowth, Gen.Int[1, 24], Gen.Int[0, 1]),
            Gen.Select(Gen.Double[0, 1e5], Gen.Double[1_000, 50_000], Gen.Double[0, 0.3], Gen.Int[0, 3], Gen.Double[0, 1e5], Gen.Int[0, 1]),
            Gen.Select(Gen.Double[0, 0.2], Gen.Double[0, 5e4], Gen.Double[1, 3]));

        gen.Sample((workload, costs, more) =>
        {
            var (requests, input, output, growth, horizon, model) = workload;
            var (commitment, gpuPrice, maintenance, lead, setup, view) = costs;
            var (decline, fee, peak) = more;
            var scenario = RandomScenario(requests, input, output, growth(requests, horizon), horizon, ApiModels[model], commitment, gpuPrice, maintenance, Math.Min(lead, horizon - 1), setup, (CostView)view, decline, fee, peak);

            // When
            var result = Engine.Evaluate(scenario);

            // Then, for every option: each line finite and ≥ 0 but the resale at the horizon (≤ 0, in the last month only),
            // totals add up, cumulative never falls but by the resale
            foreach (var option in result.Options)
            {
                var previous = 0.0;
                foreach (var month in option.Months)
                {
                    var resale = month.Cost(CostLine.ResidualValue);
                    var last = month.Month == option.Months.Count;
                    if (month.Lines.Where((_, i) => i != (int)CostLine.ResidualValue).Any(c => !double.IsFinite(c) || c < 0) || !double.IsFinite(month.Cumulative)
                        || resale > 0 || (!last && resale != 0))
                    {
                        return false;
                    }

                    if (month.Cumulative - resale < previous || Math.Abs(month.Total - month.Lines.Sum()) > 1e-9 * Math.Max(1, Math.Abs(month.Total)))
                    {
                        return false;
                    }

                    previous = month.Cumulative;
                }
            }

            return true;
        }, iter: Iterations);
    }

    [Fact]
    public void Evaluate_BreaksEven_BothInterpolatedCumulativeCostsAgree()
    {
        // Given the chat workload with random volume and growth, and a rented option with a random setup cost, so that
        // self-hosting often starts dearer and catches up
        var breaksEven = 0;
        var gen = Gen.Select(Gen.Double[1e5, 3e6], GenGrowth, Gen.Int[2, 24], Gen.Double[0, 1e5], Gen.Double[0, 0.2], Gen.Double[0, 20_000]);

        gen.Sample((requests, growth, horizon, setup, discountRate, ftes) =>
        {
            var option = RentedModel8B with { People = new PeopleCosts { SetupCost = setup, Ftes = 1, YearlyLoadedCostPerFte = ftes } };
            var scenario = ThreeMonths(option) with
            {
                HorizonMonths = horizon,
                YearlyDiscountRate = discountRate,
                Workload = new Workload { Profiles = [Chat with { MonthlyRequests = requests, Growth = growth(requests, horizon) }] },
            };

            // When
            var result = Engine.Evaluate(scenario);
            var pair = result.BreakEvens.Single();
            var self = result.Option(option.Name);
            var api = result.Option("Acme Large");

            // Then at a reported break-even, the API's cumulative cost interpolated at the same time equals the
            // reported cumulative cost and the self-hosted one (1e-6 relative), nominal and discounted
            var ok = true;
            foreach (var (point, cumulative) in new[] { (pair.Nominal, (Func<MonthResult, double>)(m => m.Cumulative)), (pair.Discounted, m => m.DiscountedCumulative) })
            {
                if (point.Outcome != BreakEvenOutcome.BreaksEven)
                {
                    continue;
                }

                Interlocked.Increment(ref breaksEven);
                var t = point.MonthsFromStart!.Value;
                var selfAt = Interpolate(self.Months.Select(cumulative).ToArray(), t);
                var apiAt = Interpolate(api.Months.Select(cumulative).ToArray(), t);
                var scale = Math.Max(1, Math.Abs(apiAt));
                ok &= Math.Abs(selfAt - apiAt) <= 1e-6 * scale && Math.Abs(point.CumulativeCost!.Value - apiAt) <= 1e-6 * scale;

                // And self-hosting stays at or below the API at every month end from then on
                var months = self.Months.Count;
                for (var m = (int)Math.Ceiling(t); m <= months; m++)
                {
                    ok &= cumulative(self.Months[m - 1]) <= cumulative(api.Months[m - 1]);
                }
            }

            return ok;
        }, iter: Iterations);

        breaksEven.Should().BePositive("the generator must produce break-evens for the property to mean anything");
    }

    [Fact]
    public void Evaluate_AllApiPricesTimesK_MultipliesEveryApiCostByK()
    {
        // Given the API price table with every price column (input, cached, cache write, output, reasoning, per request)
        // multiplied by k, and any workload with no commitment (a commitment is not a price)
        var extraRows = TestTables.Lines(
            "acme,acme-cachy,,standard,0,2025-01-01,,USD,3,0.3,3.75,15,,,,,https://example.com/acme,2026-11-29",
            "acme,acme-search,,standard,0,2025-01-01,,USD,1,,,2,,0.5,0.01,,https://example.com/acme,2026-11-29");
        var baseCsv = TestTables.Valid()["api_prices.csv"] + extraRows;
        var baseEngine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", baseCsv))));
        string[] models = ["acme-large", "acme-mini", "acme-cachy", "acme-search"];
        var gen = Gen.Select(GenProfile, Gen.Int[0, 3], Gen.Int[1, 40], Gen.Double[0, 0.3], Gen.Double[0, 1e4]);

        gen.Sample((profile, model, quarters, decline, fee) =>
        {
            var k = quarters / 4m;
            var scaled = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", ScaleApiPrices(baseCsv, k)))));
            var option = new ApiOption { Name = "api", Provider = "acme", Model = models[model], YearlyPriceDecline = decline, MonthlyFee = fee };
            var scenario = ThreeMonths() with { HorizonMonths = 14, Workload = new Workload { Profiles = [profile] }, ApiOptions = [option] };

            // When
            var before = baseEngine.Evaluate(scenario).Option("api");
            var after = scaled.Evaluate(scenario).Option("api");

            // Then usage × k exactly (1e-12 relative), and the fee unchanged
            return before.Months.Zip(after.Months).All(x =>
                Math.Abs(x.Second.Cost(CostLine.ApiUsage) - ((double)k * x.First.Cost(CostLine.ApiUsage))) <= 1e-12 * Math.Max(1e-9, (double)k * x.First.Cost(CostLine.ApiUsage))
                && x.Second.Cost(CostLine.ApiFees) == x.First.Cost(CostLine.ApiFees));
        }, iter: 40);
    }

    [Fact]
    public void Evaluate_DoubledApiPrices_DoubleApiCostsExactly()
    {
        // Given every API price doubled (a power of two: the doubled doubles are exact)
        var doubled = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", ScaleApiPrices(TestTables.Valid()["api_prices.csv"], 2m)))));

        // When
        var before = Engine.Evaluate(ThreeMonths()).Option("Acme Large");
        var after = doubled.Evaluate(ThreeMonths()).Option("Acme Large");

        // Then 2 × 21,375 = 42,750, 42,750, 2 × 4,275 = 8,550: bit for bit twice the original
        after.Months.Select(m => m.Total).Should().Equal(before.Months.Select(m => 2 * m.Total));
        after.Months.Select(m => m.Total).Should().Equal(42_750, 42_750, 8_550);
    }

    [Fact]
    public void Evaluate_RentalPriceTimesK_MultipliesTheGpuRentalLineByK()
    {
        // Given the rental price 2.5 multiplied by k = n / 4 for n = 1..40, and any volume
        var gen = Gen.Select(Gen.Int[1, 40], Gen.Double[1e4, 1e8]);

        gen.Sample((quarters, requests) =>
        {
            var k = quarters / 4m;
            var rentals = TestTables.Lines(TestTables.RentalHeader, string.Create(CultureInfo.InvariantCulture, $"cloudy,big.1x,GPU-A,1,on-demand,us-east-1,USD,{2.5m * k},2025-01-01,,https://example.com/cloudy,2026-11-29"));
            var scaled = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.With("gpu_rentals.csv", rentals))));
            var scenario = ThreeMonths(RentedModel8B) with { Workload = new Workload { Profiles = [Chat with { MonthlyRequests = requests }] } };

            // When
            var before = Engine.Evaluate(scenario).Option(RentedModel8B.Name);
            var after = scaled.Evaluate(scenario).Option(RentedModel8B.Name);

            // Then GPUs × 730 × 2.5k = k × the original (1e-12 relative)
            return before.Months.Zip(after.Months).All(x =>
                Math.Abs(x.Second.Cost(CostLine.GpuRental) - ((double)k * x.First.Cost(CostLine.GpuRental))) <= 1e-12 * (double)k * x.First.Cost(CostLine.GpuRental));
        }, iter: 40);
    }

    [Fact]
    public void Evaluate_UnderAnyCulture_GivesByteIdenticalResults()
    {
        // Given a fixed scenario exercising every line, decimals in every table, and an assumption of every kind;
        // the catalog parsed and the scenario evaluated under each culture
        var fingerprints = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var culture in new[] { "en-US", "de-DE", "fr-FR", "tr-TR" })
        {
            fingerprints[culture] = RunUnder(culture, () =>
            {
                var engine = new TcoEngine(PricingCatalog.Load(PricingSource.InMemory(TestTables.Valid())));
                return Fingerprint(engine.Evaluate(CultureScenario()));
            });
        }

        // Then every culture's text is the en-US one, character for character
        fingerprints["en-US"].Should().Contain("0.0892", "the electricity row is cited with a decimal point");
        foreach (var culture in fingerprints.Keys)
        {
            fingerprints[culture].Should().Be(fingerprints["en-US"], $"{culture} must give the same result as en-US");
        }
    }

    /// <summary>The cumulative cost at time t (months from the start) by linear interpolation between month ends, 0 at t = 0.</summary>
    private static double Interpolate(double[] cumulative, double t)
    {
        double At(int monthEnd) => monthEnd == 0 ? 0 : cumulative[monthEnd - 1];
        var whole = (int)Math.Floor(t);
        var fraction = t - whole;
        return whole >= cumulative.Length ? At(cumulative.Length) : At(whole) + (fraction * (At(whole + 1) - At(whole)));
    }

    private static Scenario RandomScenario(double requests, double input, double output, GrowthRule growth, int horizon, string apiModel, double commitment, double gpuPrice, double maintenance, int lead, double setup, CostView view, double decline, double fee, double peak)
    {
        var api = new ApiOption { Name = "api", Provider = "acme", Model = apiModel, MonthlyCommitment = commitment, YearlyPriceDecline = decline, MonthlyFee = fee };
        var people = new PeopleCosts { Ftes = 0.5, YearlyLoadedCostPerFte = 150_000, LicencesPerMonth = 100, SupportPerMonth = 50, SetupCost = setup };
        var storage = new StorageCosts { GbHeld = 200, PricePerGbMonth = 0.023, EgressGbPerMonth = 50, EgressPricePerGb = 0.09 };
        var fineTuning = new FineTuningSchedule { TrainingTokens = 1e8, Method = FineTuningMethod.Lora, FirstMonth = 1, EveryMonths = 3 };
        var rented = RentedModel8B with { Name = "rented", People = people, Storage = storage, FineTuning = fineTuning, LeadTimeMonths = lead, BridgeApiOption = lead > 0 ? "api" : null };
        var owned = new SelfHostedOption
        {
            Name = "owned",
            Model = "model-8b",
            Gpu = "GPU-A",
            Owned = new OwnedHardware { PricePerGpu = gpuPrice, ServerOverheadPerGpu = 5_000, UsefulLifeMonths = 12, Pue = 1.3, ElectricityPricePerKwh = 0.12, HostingPricePerKwMonth = 150, MaintenanceYearlyFraction = maintenance, ResidualValueFraction = 0.1 },
            People = people,
            FineTuning = fineTuning with { Provider = "cloudy" },
            LeadTimeMonths = lead,
            BridgeApiOption = lead > 0 ? "api" : null,
        };
        return new Scenario
        {
            Name = "random",
            StartDate = new DateOnly(2025, 5, 1),
            HorizonMonths = horizon,
            CostView = view,
            YearlyDiscountRate = 0.08,
            Workload = new Workload
            {
                Profiles = [new TrafficProfile { Name = "p", MonthlyRequests = requests, InputTokensPerRequest = input, OutputTokensPerRequest = output, CacheReadShare = 0.2, BatchShare = 0.3, Growth = growth }],
                PeakToAverageRatio = peak,
            },
            ApiOptions = [api],
            SelfHostedOptions = [rented, owned],
        };
    }

    /// <summary>Multiplies the price columns of api_prices.csv (input, cached, cache write, output, reasoning, per request) by k.</summary>
    private static string ScaleApiPrices(string csv, decimal k)
    {
        int[] priceColumns = [8, 9, 10, 11, 12, 14];
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var scaled = lines.Skip(1).Select(line =>
        {
            var cells = line.Split(',');
            foreach (var c in priceColumns)
            {
                if (cells[c].Length > 0)
                {
                    cells[c] = (decimal.Parse(cells[c], CultureInfo.InvariantCulture) * k).ToString(CultureInfo.InvariantCulture);
                }
            }

            return string.Join(',', cells);
        });
        return TestTables.Lines([lines[0], .. scaled]);
    }

    private static Scenario CultureScenario()
    {
        var api = AcmeLarge with { YearlyPriceDecline = 0.15, MonthlyFee = 99.5, MonthlyCommitment = 20_000.25, FineTuning = new ApiFineTuning { TrainingTokens = 1.5e7, Epochs = 2.5, TrainingPricePerMillionTokens = 8.75 } };
        var rented = RentedModel8B with
        {
            Precision = NumericPrecision.Fp8,
            Storage = new StorageCosts { GbHeld = 123.4, StorageProvider = "cloudy", StorageService = "Object Storage", EgressGbPerMonth = 56.7, EgressProvider = "cloudy", EgressService = "internet-egress" },
            FineTuning = new FineTuningSchedule { TrainingTokens = 2.5e8, Epochs = 1.5, Method = FineTuningMethod.Qlora, EveryMonths = 2 },
            People = new PeopleCosts { Ftes = 1.5, YearlyLoadedCostPerFte = 123_456.78, LicencesPerMonth = 10.5, SetupCost = 9_999.99 },
            LeadTimeMonths = 1,
            BridgeApiOption = "Acme Large",
        };
        var owned = new SelfHostedOption
        {
            Name = "owned",
            Model = "model-8b",
            Gpu = "GPU-A",
            Owned = new OwnedHardware { PricePerGpu = 31_234.5, ServerOverheadPerGpu = 4_321.1, PueFigure = "survey-2023", ElectricityRegion = "US-VA", HostingProvider = "colo", MaintenanceYearlyFraction = 0.085, ResidualValueFraction = 0.125 },
        };
        return ThreeMonths(rented, owned) with
        {
            HorizonMonths = 15,
            YearlyDiscountRate = 0.075,
            CostView = CostView.Accounting,
            ApiOptions = [api],
            Workload = new Workload { Profiles = [Chat with { Growth = GrowthRule.Compound(0.125) }], PeakToAverageRatio = 1.75 },
        };
    }

    /// <summary>Every number of a result as its exact bits, and every assumption's text, in one string.</summary>
    private static string Fingerprint(ScenarioResult result)
    {
        var text = new StringBuilder();
        static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("X16", CultureInfo.InvariantCulture);
        static string NullableBits(double? value) => value is { } v ? Bits(v) : "null";
        foreach (var option in result.Options)
        {
            text.Append(option.Name).Append('|').Append(Bits(option.TotalCost)).Append('|').Append(Bits(option.Npv)).Append('|')
                .Append(Bits(option.ResidualValue)).Append('|').Append(Bits(option.ReplicaThroughputTokensPerSecond)).Append('\n');
            foreach (var month in option.Months)
            {
                text.Append(string.Join(',', month.Lines.Select(Bits))).Append('|').Append(Bits(month.Cumulative)).Append('|')
                    .Append(Bits(month.DiscountedCumulative)).Append('|').Append(month.Gpus.ToString(CultureInfo.InvariantCulture)).Append('|')
                    .Append(NullableBits(month.Utilization)).Append('\n');
            }
        }

        foreach (var pair in result.BreakEvens)
        {
            text.Append(pair.Nominal.Outcome).Append('|').Append(NullableBits(pair.Nominal.MonthsFromStart)).Append('|')
                .Append(pair.Discounted.Outcome).Append('|').Append(NullableBits(pair.Discounted.MonthsFromStart)).Append('|')
                .Append(string.Join(',', pair.Volume.Crossings.Select(c => Bits(c.TokensPerMonth) + c.SelfHostedCheaperAbove))).Append('\n');
        }

        foreach (var assumption in result.Assumptions)
        {
            text.Append(assumption.Option).Append('|').Append(assumption.Kind).Append('|').Append(assumption.Text).Append('|').Append(assumption.SourceUrl).Append('\n');
        }

        return text.ToString();
    }

    private static T RunUnder<T>(string culture, Func<T> action)
    {
        var (previous, previousUi) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(culture);
            return action();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (previous, previousUi);
        }
    }
}
