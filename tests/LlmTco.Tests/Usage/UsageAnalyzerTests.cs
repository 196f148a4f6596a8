using System.Globalization;
using System.Text;
using LlmTco.Api;
using LlmTco.Pricing;
using LlmTco.SelfHosted;
using LlmTco.Usage;
using LlmTco.Workloads;
using static LlmTco.Tests.Usage.UsageExportBuilder;

namespace LlmTco.Tests.Usage;

/// <summary>Bills and workloads of hand-made exports, on the bundled catalog (gpt-4o: 2.5 input, 1.25 cached input,
/// 10 output per 1M tokens, 50 % batch discount, from 2025-07-04).</summary>
public sealed class UsageAnalyzerTests
{
    private static UsageAnalyzer Analyze(string openAiJson)
    {
        var analyzer = new UsageAnalyzer(PricingCatalog.Default);
        analyzer.AddRange(OpenAiUsageExport.Read(Stream(openAiJson), "test.json"));
        return analyzer;
    }

    [Fact]
    public void Bill_ConstantWorkload_CostsTheSameEveryMonth()
    {
        // Given 26,040 requests a month (28 × 30 × 31, so every month splits into whole days) for January to April 2026,
        // each 1,000 input (200 cached) and 500 output tokens of gpt-4o
        var analyzer = Analyze(OpenAiDaily(new DateOnly(2026, 1, 1), 4, _ => 26_040));

        // When
        var bill = analyzer.Bill();

        // Then a request costs (800 × 2.5 + 200 × 1.25 + 500 × 10) / 1e6 = (2,000 + 250 + 5,000) / 1e6 = 0.00725,
        // a month 26,040 × 0.00725 = 188.79, four months 755.16
        bill.Months.Should().HaveCount(4);
        bill.Months.Should().AllSatisfy(m => m.Cost.Should().BeApproximately(188.79, 1e-9));
        bill.TotalCost.Should().BeApproximately(755.16, 1e-9);
        bill.Lines.Should().AllSatisfy(l => l.Requests.Should().Be(26_040));
        bill.Unpriced.Should().BeEmpty();

        // and the result's lists cannot be changed through a cast
        ((ICollection<UsageBillLine>)bill.Lines).IsReadOnly.Should().BeTrue();
        ((ICollection<UsageBillMonth>)bill.Months).IsReadOnly.Should().BeTrue();
        ((ICollection<double>)analyzer.DeriveWorkload().Profiles[0].MonthlyRequestsObserved).IsReadOnly.Should().BeTrue();
    }

    [Fact]
    public void DeriveWorkload_ConstantWorkload_NoGrowthAndTheMonthlyVolume()
    {
        // Given the constant workload above
        var analyzer = Analyze(OpenAiDaily(new DateOnly(2026, 1, 1), 4, _ => 26_040));

        // When
        var workload = analyzer.DeriveWorkload();

        // Then ln(26,040) is the same every month: slope 0, no residual, and month 5 is 26,040 again
        var profile = workload.Profiles.Should().ContainSingle().Subject;
        profile.Name.Should().Be("gpt-4o");
        profile.MonthlyRequestsObserved.Should().Equal(26_040, 26_040, 26_040, 26_040);
        profile.Growth.MonthlyRate.Should().BeApproximately(0, 1e-12);
        profile.Growth.StandardError.Should().BeApproximately(0, 1e-12);
        profile.Growth.NextMonthRequests.Should().BeApproximately(26_040, 1e-6);
        profile.InputTokensPerRequest.Should().Be(1000);
        profile.OutputTokensPerRequest.Should().Be(500);
        profile.CacheReadShare.Should().Be(0.2);                  // 200 of 1,000 input tokens
        profile.BatchShare.Should().Be(0);
        workload.FullMonths.Should().Equal(new DateOnly(2026, 1, 1), new DateOnly(2026, 2, 1), new DateOnly(2026, 3, 1), new DateOnly(2026, 4, 1));
        workload.DataEnd.Should().Be(new DateOnly(2026, 5, 1));
        workload.PeakToAverageRatio.Should().Be(1);               // daily buckets: no hourly detail
        workload.Notes.Should().Contain(n => n.Contains("no hourly detail", StringComparison.Ordinal));
    }

    [Fact]
    public void DeriveWorkload_GrowingFivePercentAMonth_FitsTheGrowthWithinItsStandardError()
    {
        // Given 12 months of 100,000 × 1.05^m × e^(±0.02) requests, the noise alternating +, −, +, ...
        // Hand calculation: the slope of ln V on m is ln 1.05 + Σ(m − 5.5)·ε_m / Σ(m − 5.5)²
        //   = 0.048790 + 0.02 × (−6) / 143 = 0.048790 − 0.000839 = 0.047951, so the fitted rate is e^0.047951 − 1 = 0.04912;
        // the residuals leave Σr² = 12 × 0.02² − 0.12² / 143 = 0.0048 − 0.0001 = 0.0047, so their standard deviation is
        // √(0.0047 / 10) = 0.02168, SE(b) = 0.02168 / √143 = 0.001813 and SE(rate) = e^b × SE(b) = 1.0491 × 0.001813 = 0.00190.
        var analyzer = Analyze(OpenAiDaily(new DateOnly(2026, 1, 1), 12, m => (long)Math.Round(100_000 * Math.Pow(1.05, m) * Math.Exp(m % 2 == 0 ? 0.02 : -0.02))));

        // When
        var growth = analyzer.DeriveWorkload().Profiles.Single().Growth;

        // Then
        growth.Months.Should().Be(12);
        growth.MonthlyRate.Should().BeApproximately(0.04912, 0.00005);
        growth.StandardError.Should().BeApproximately(0.00190, 0.00001);
        Math.Abs(growth.MonthlyRate - 0.05).Should().BeLessThan(growth.StandardError);
        growth.ResidualStandardDeviation.Should().BeApproximately(0.02168, 0.00001);
    }

    [Fact]
    public void DeriveWorkload_DailyPeakPattern_PeakToAverageIsTheHighHourOverTheMeanHour()
    {
        // Given 1-hour buckets over 10 days: 22 hours a day of 1 request (800 input + 200 output tokens = 1,000) and
        // 2 hours (12:00 and 13:00) of 6 requests (6,000 tokens)
        var buckets = new List<string>();
        var start = new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero).ToUnixTimeSeconds();
        for (var h = 0; h < 240; h++)
        {
            var requests = h % 24 is 12 or 13 ? 6 : 1;
            buckets.Add(Bucket(start + (h * 3600), start + ((h + 1) * 3600), Result(requests, 800, 0, 200)));
        }

        // When
        var workload = Analyze(Page(buckets)).DeriveWorkload();

        // Then 2 of 24 hours (8.3 %) are 6,000 tokens, so the 95th-percentile hour is 6,000; the mean hour is
        // (22 × 1,000 + 2 × 6,000) / 24 = 1,416.67; the ratio 6,000 / 1,416.67 = 4.2353
        workload.PeakToAverageRatio.Should().BeApproximately(6000.0 / (34_000.0 / 24), 1e-9);
        workload.FullMonths.Should().BeEmpty();
        workload.Notes.Should().Contain(n => n.Contains("no full calendar month", StringComparison.Ordinal));

        // and with no full month, the requests a month are the 10 days' scaled to 30.436875 days:
        // (10 × (22 × 1 + 2 × 6)) × 30.436875 / 10 = 340 × 3.0436875 = 1,034.85375
        workload.Profiles.Single().Growth.NextMonthRequests.Should().BeApproximately(1034.85375, 1e-9);
        workload.Profiles.Single().MonthlyRequestsObserved.Should().BeEmpty();
    }

    [Fact]
    public void Bill_PerRequestCsv_EqualsTheSumOfUsagePricerOnTheSameRecords()
    {
        // Given requests of several models, cached and cache-write tokens, batch, and both sides of two context tiers
        var csv = """
            timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier
            2026-03-01T10:00:00Z,openai,gpt-4o,12000,8000,0,600,false,standard
            2026-03-01T10:00:01Z,openai,gpt-4o,1000,0,0,50,true,standard
            2026-03-02T11:00:00Z,openai,o3,5000,1000,0,2000,false,standard
            2026-03-31T23:59:59Z,anthropic,claude-sonnet-4-5,30000,10000,5000,800,false,standard
            2026-04-01T00:00:00Z,anthropic,claude-sonnet-4-20250514,250000,0,0,1000,false,
            2026-04-02T00:00:00Z,anthropic,claude-sonnet-4-20250514,150000,0,0,1000,false,standard
            2026-08-02T00:00:00Z,openai,gpt-5.6-terra,300000,0,0,1000,,
            2026-08-03T00:00:00Z,openai,gpt-5.6-terra,100000,0,0,1000,,
            """;
        var analyzer = new UsageAnalyzer(PricingCatalog.Default);
        analyzer.AddRange(UsageCsv.Read(new StringReader(csv), "requests.csv"));
        var pricer = new UsagePricer(PricingCatalog.Default);
        var expected = UsageCsv.Read(new StringReader(csv), "requests.csv")
            .Select(e => pricer.Price(new UsageRecord(e.Provider, e.Model, DateOnly.FromDateTime(e.Start.UtcDateTime), e.InputTokens, e.CachedInputTokens, e.CacheWriteTokens, e.OutputTokens, e.Batch, e.ServiceTier)))
            .ToList();

        // When
        var bill = analyzer.Bill();

        // Then the bill is the same sum, by month: March has the first four requests, April two and August two
        bill.TotalCost.Should().BeApproximately(expected.Sum(), 1e-12);
        bill.Months.Select(m => m.Cost).Should().Equal([expected.Take(4).Sum(), expected.Skip(4).Take(2).Sum(), expected.Skip(6).Sum()], (a, b) => Math.Abs(a - b) < 1e-12);
        bill.Lines.Should().HaveCount(5);                       // March: 3 models; April and August: 1 each
        bill.Unpriced.Should().BeEmpty();

        // and one line by hand: the first two gpt-4o requests,
        // (4,000 × 2.5 + 8,000 × 1.25 + 600 × 10) / 1e6 = 0.026 and (1,000 × 2.5 + 50 × 10) / 1e6 × 0.5 = 0.0015
        bill.Lines.Single(l => l.Model == "gpt-4o").Cost.Should().BeApproximately(0.0275, 1e-15);
    }

    [Fact]
    public void Bill_ReportedCost_GivesTheDifferenceAndTheLargestContributors()
    {
        // Given two gpt-4o requests of 0.00725 each (see above) reported at 0.01 each, and a gpt-4o-mini request of
        // (800 × 0.15 + 200 × 0.075 + 500 × 0.6) / 1e6 = 0.000435 reported at exactly that
        var csv = """
            timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier,cost
            2026-05-01T10:00:00Z,openai,gpt-4o,1000,200,0,500,false,standard,0.01
            2026-05-02T10:00:00Z,openai,gpt-4o,1000,200,0,500,false,standard,0.01
            2026-05-03T10:00:00Z,openai,gpt-4o-mini,1000,200,0,500,false,standard,0.000435
            """;
        var analyzer = new UsageAnalyzer(PricingCatalog.Default);
        analyzer.AddRange(UsageCsv.Read(new StringReader(csv), "costed.csv"));

        // When
        var month = analyzer.Bill().Months.Single();

        // Then reported 0.020435, reconstructed 0.014935, difference 2 × (0.01 − 0.00725) = 0.0055, all of it gpt-4o
        month.ReportedCost.Should().BeApproximately(0.020435, 1e-12);
        month.Cost.Should().BeApproximately(0.014935, 1e-12);
        month.ReportedDifference.Should().BeApproximately(0.0055, 1e-12);
        month.LargestDifferences[0].Model.Should().Be("gpt-4o");
        month.LargestDifferences[1].ReportedDifference.Should().BeApproximately(0, 1e-12);
    }

    [Fact]
    public void Bill_CostsReportedByDay_AreComparedWithTheProvidersMonth()
    {
        // Given the constant workload's January and February (188.79 a month at the catalog's prices, see above) and
        // the provider's daily costs: January 31 × 6.09 = 188.79, February 28 × 7.0 = 196.00
        var analyzer = Analyze(OpenAiDaily(new DateOnly(2026, 1, 1), 2, _ => 26_040));
        analyzer.AddReportedCosts(Enumerable.Range(0, 31).Select(d => new ReportedCost(new DateOnly(2026, 1, 1).AddDays(d), "openai", 6.09, "USD", null, null))
            .Concat(Enumerable.Range(0, 28).Select(d => new ReportedCost(new DateOnly(2026, 2, 1).AddDays(d), "openai", 7.0, "USD", null, null))));

        // When
        var months = analyzer.Bill().Months;

        // Then January matches; February was billed 196.00 − 188.79 = 7.21 more than the catalog predicts
        months[0].ReportedCost.Should().BeApproximately(188.79, 1e-9);
        months[0].ReportedDifference.Should().BeApproximately(0, 1e-9);
        months[1].ReportedCost.Should().BeApproximately(196.0, 1e-9);
        months[1].ReportedDifference.Should().BeApproximately(7.21, 1e-9);
    }

    [Fact]
    public void Bill_UnknownModel_IsListedWithTheNearestCatalogIdsNotDropped()
    {
        // Given a misspelt model next to a known one
        var json = Page([Bucket(1_775_000_000, 1_775_086_400, Result(10, 1000, 0, 100, "gpt-4o-mni"), Result(10, 1000, 0, 100))]);

        // When
        var bill = Analyze(json).Bill();

        // Then its usage is counted, not priced, and the catalog's nearest ids are named
        var unknown = bill.Unpriced.Should().ContainSingle().Subject;
        unknown.Model.Should().Be("gpt-4o-mni");
        unknown.Entries.Should().Be(1);
        unknown.Suggestions.Should().Contain("gpt-4o-mini");
        unknown.Reason.Should().Contain("gpt-4o-mini");
        var line = bill.Lines.Single(l => l.Model == "gpt-4o-mni");
        line.UnpricedEntries.Should().Be(1);
        line.Requests.Should().Be(10);
        line.Cost.Should().Be(0);
    }

    [Fact]
    public void Bill_OneHourCacheWrites_BillAtTheOneHourPriceOrAreListedWhereTheRowHasNone()
    {
        // Given two Claude-like models, both input 3, 5-minute write 3.75 and output 15 per 1M; claude-hour also sells
        // 1-hour writes at 6 (2 × 3), claude-nohour publishes no 1-hour price
        var catalog = PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Lines(
            TestTables.ApiHeaderOneHour,
            "anthropic,claude-hour,,standard,0,2025-01-01,,USD,3,0.3,3.75,6,15,,,,,https://example.com/a,2026-11-29",
            "anthropic,claude-nohour,,standard,0,2025-01-01,,USD,3,0.3,3.75,,15,,,,,https://example.com/a,2026-11-29"))));

        // and one day of Anthropic's report in which each wrote 1,000,000 tokens for 5 minutes and 1,000,000 for 1 hour
        var json = """
            {"data": [{"starting_at": "2026-03-01T00:00:00Z", "ending_at": "2026-03-02T00:00:00Z", "results": [
              {"uncached_input_tokens": 0, "cache_creation": {"ephemeral_5m_input_tokens": 1000000, "ephemeral_1h_input_tokens": 1000000},
               "cache_read_input_tokens": 0, "output_tokens": 0, "model": "claude-hour", "service_tier": "standard"},
              {"uncached_input_tokens": 0, "cache_creation": {"ephemeral_5m_input_tokens": 1000000, "ephemeral_1h_input_tokens": 1000000},
               "cache_read_input_tokens": 0, "output_tokens": 0, "model": "claude-nohour", "service_tier": "standard"}]}]}
            """;

        // When
        var analyzer = new UsageAnalyzer(catalog);
        analyzer.AddRange(AnthropicUsageExport.Read(Stream(json), "a.json"));
        var bill = analyzer.Bill();

        // Then claude-hour costs 1,000,000 × 3.75 ÷ 1e6 + 1,000,000 × 6 ÷ 1e6 = 3.75 + 6 = 9.75;
        // claude-nohour bills both at 3.75: 7.5, and its 1,000,000 1-hour tokens are listed, not silent
        bill.Lines.Single(l => l.Model == "claude-hour").Cost.Should().BeApproximately(9.75, 1e-12);
        bill.Lines.Single(l => l.Model == "claude-nohour").Cost.Should().BeApproximately(7.5, 1e-12);
        bill.OneHourCacheWritesAtFiveMinutePrice.Should().Equal(new OneHourCacheWriteFallback("anthropic", "claude-nohour", 1_000_000));
    }

    [Fact]
    public void DeriveWorkload_OneHourCacheWrites_SaysTheScenarioBillsThemAtTheFiveMinutePrice()
    {
        // Given the claude-hour row of the test above (1-hour writes at 6, 5-minute ones at 3.75 per 1M) and a day of
        // 10 requests with 10,000 input tokens, 4,000 of them written to the cache, 1,000 of those for 1 hour
        var catalog = PricingCatalog.Load(PricingSource.InMemory(TestTables.With("api_prices.csv", TestTables.Lines(
            TestTables.ApiHeaderOneHour,
            "anthropic,claude-hour,,standard,0,2025-01-01,,USD,3,0.3,3.75,6,15,,,,,https://example.com/a,2026-11-29"))));
        var analyzer = new UsageAnalyzer(catalog);
        analyzer.Add(new UsageEntry(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), "anthropic", "claude-hour", null, 10, 10_000, 0, 4_000, 500, false, ServiceTier.Standard, 1_000, null, 1_000));

        // When
        var workload = analyzer.DeriveWorkload();
        var scenario = workload.ToScenario("derived", []);

        // Then the profile keeps one cache-write share, 4,000 ÷ 10,000 = 0.4, and the notes — and the scenario's
        // description, which its reports print — say that 1,000 ÷ 4,000 = 25.0 % of those writes are billed there at
        // the 5-minute price
        workload.Profiles.Single().CacheWriteShare.Should().Be(0.4);
        const string expected = "'claude-hour': 1,000 of its 4,000 cache-write tokens (25.0 %) were 1-hour writes; a scenario has one cache-write price, so the derived scenario bills them at the 5-minute price";
        workload.Notes.Should().ContainSingle(n => n.Contains(expected, StringComparison.Ordinal));
        scenario.Description.Should().Contain(expected);
    }

    [Fact]
    public void ToScenario_GrowingWorkload_StartsAfterTheDataWithTheFittedVolumeAndUncertainty()
    {
        // Given the 5 %-a-month workload of 12 months from 2026-01 (data to 2026-12-31)
        var workload = Analyze(OpenAiDaily(new DateOnly(2026, 1, 1), 12, m => (long)Math.Round(100_000 * Math.Pow(1.05, m) * Math.Exp(m % 2 == 0 ? 0.02 : -0.02)))).DeriveWorkload();

        // When
        var selfHosted = new SelfHostedOption
        {
            Name = "Llama 3.1 8B on an L40S",
            Model = "llama-3.1-8b",
            Gpu = "L40S",
            Precision = NumericPrecision.Fp8,
            Rented = new RentedCompute { Provider = "aws", Plan = RentalPlan.OnDemand, Region = "us-east-1" },
        };
        var scenario = workload.ToScenario("derived", [selfHosted]);

        // Then month 1 is 2027-01, its requests the fit at m = 12, the growth the fitted rate, and both are uncertain
        scenario.StartDate.Should().Be(new DateOnly(2027, 1, 1));
        var growth = workload.Profiles[0].Growth;
        scenario.Workload.Profiles[0].MonthlyRequests.Should().Be(Math.Round(growth.NextMonthRequests));
        scenario.Workload.Profiles[0].Growth.Kind.Should().Be(GrowthKind.Compound);
        scenario.Workload.Profiles[0].Growth.MonthlyRate.Should().BeApproximately(growth.MonthlyRate, 1e-5);
        scenario.ApiOptions.Should().ContainSingle().Which.Model.Should().Be("gpt-4o");
        scenario.Uncertainty!.Inputs.Select(i => i.Path).Should().Equal("workload.profiles[0].growth.monthlyRate", "workload.profiles[0].monthlyRequests");
        var result = new TcoEngine(PricingCatalog.Default).Evaluate(scenario);
        result.BreakEvens.Should().NotBeEmpty();
    }

    [Fact]
    public void DeriveWorkload_PerProject_OneProfilePerProjectAndModel()
    {
        // Given two projects on one model
        var csv = string.Create(CultureInfo.InvariantCulture, $"""
            timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier,project
            2026-02-01T00:00:00Z,openai,gpt-4o,100,0,0,10,false,standard,alpha
            2026-02-28T00:00:00Z,openai,gpt-4o,300,0,0,30,true,standard,beta
            """);
        var analyzer = new UsageAnalyzer(PricingCatalog.Default, ProfileGrouping.Project);
        analyzer.AddRange(UsageCsv.Read(new StringReader(csv), "p.csv"));

        // When
        var profiles = analyzer.DeriveWorkload().Profiles;

        // Then February is covered from its first to its last day, and each project is a profile
        profiles.Select(p => p.Name).Should().Equal("alpha/gpt-4o", "beta/gpt-4o");
        profiles[1].BatchShare.Should().Be(1);
        profiles[1].InputTokensPerRequest.Should().Be(300);
    }

    [Fact]
    public void Bill_ThousandsOfGeneratedRequests_EqualTheSumOfUsagePricerPerRequestByLine()
    {
        // Given 5,000 generated requests (ten batches of the CSV reader's workers) over 2026, in six models:
        // both sides of two context tiers (200,000 tokens), cache reads and writes, batch and flex rows, a quoted project
        // with a comma, and requests no row prices (claude-sonnet-4-20250514 after 2026-06-15, claude-sonnet-4-5 after
        // 2026-11-30, gemini-2.5-pro from its 2026-12-01 shutdown, flex gpt-4o where none is published)
        (string Provider, string Model)[] models =
        [
            ("openai", "gpt-4o"), ("openai", "o3"), ("anthropic", "claude-sonnet-4-5"), ("google", "gemini-2.5-pro"),
            ("openai", "gpt-4.1-mini"), ("anthropic", "claude-sonnet-4-20250514"),
        ];
        var random = new Random(19);
        var start = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        var requests = new List<UsageRecord>();
        var csv = new StringBuilder(UsageCsv.Header + ",project,cost\n");
        for (var i = 0; i < 5_000; i++)
        {
            var (provider, model) = models[random.Next(models.Length)];
            var time = start.AddSeconds(i * 6_300L);                      // 5,000 × 6,300 s ≈ 364.6 days
            var input = random.Next(1, 400_000);
            var cached = random.Next(0, input / 2);
            var written = provider == "anthropic" ? random.Next(0, input / 4) : 0;
            var output = random.Next(0, 8_000);
            var batch = random.Next(4) == 0;
            var tier = model == "gpt-4o" && random.Next(10) == 0 ? ServiceTier.Flex : ServiceTier.Standard;
            requests.Add(new UsageRecord(provider, model, DateOnly.FromDateTime(time), input, cached, written, output, batch, tier));
            csv.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-ddTHH:mm:ssZ},{provider},{model},{input},{cached},{written},{output},{(batch ? "true" : "false")},{tier.ToString().ToLowerInvariant()},\"team, {i % 3}\",\n");
        }

        // and each request priced on its own by UsagePricer, summed by month, provider and model in file order (the
        // order the bill adds them in, so the sums are the same to the last bit); a request it cannot price is counted
        var pricer = new UsagePricer(PricingCatalog.Default);
        var expected = new Dictionary<(DateOnly Month, string Provider, string Model), (double Cost, long Unpriced)>();
        var reasons = new Dictionary<string, string>();
        foreach (var request in requests)
        {
            var key = (new DateOnly(request.Date.Year, request.Date.Month, 1), request.Provider, request.Model);
            var (cost, unpriced) = expected.GetValueOrDefault(key);
            try
            {
                cost += pricer.Price(request);
            }
            catch (PricingLookupException ex)
            {
                unpriced++;
                reasons.TryAdd(request.Model, ex.Message);
            }

            expected[key] = (cost, unpriced);
        }

        // When the file goes through the CSV reader and the analyzer
        var analyzer = new UsageAnalyzer(PricingCatalog.Default);
        analyzer.AddRange(UsageCsv.Read(new StringReader(csv.ToString()), "generated.csv"));
        var bill = analyzer.Bill();

        // Then every request is there, and every line of the bill is the sum of its requests' prices
        analyzer.Count.Should().Be(5_000);
        bill.Lines.Should().HaveCount(expected.Count);
        foreach (var line in bill.Lines)
        {
            var (cost, unpriced) = expected[(line.Month, line.Provider, line.Model)];
            line.Cost.Should().Be(cost, $"the line {line.Month:yyyy-MM} {line.Model} is the sum of its requests' prices");
            line.UnpricedEntries.Should().Be(unpriced);
        }

        // and the unpriced requests are counted by model; a model priced on other dates has the reason UsagePricer gives
        // for its first unpriced request (a tier never published is reported by the catalog's look-up instead)
        bill.Unpriced.Select(u => (u.Model, u.Entries)).Should().BeEquivalentTo(
            reasons.Keys.Select(m => (m, expected.Where(e => e.Key.Model == m).Sum(e => e.Value.Unpriced))));
        bill.Unpriced.Single(u => u.Model == "claude-sonnet-4-20250514").Reason.Should().Be(reasons["claude-sonnet-4-20250514"]);
        reasons.Keys.Should().BeEquivalentTo(["claude-sonnet-4-20250514", "claude-sonnet-4-5", "gemini-2.5-pro", "gpt-4o"]);   // both kinds

        // (about 5,000 × (1/6 × 200/365 + 1/6 × 1/10 + 1/6 × 31/365) ≈ 457 + 83 + 71 ≈ 611 requests unpriced)
        expected.Values.Sum(e => e.Unpriced).Should().BeInRange(500, 750);
    }
}
