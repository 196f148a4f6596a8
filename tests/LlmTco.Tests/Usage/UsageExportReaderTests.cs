using System.Globalization;
using LlmTco.Pricing;
using LlmTco.Usage;
using static LlmTco.Tests.Usage.UsageExportBuilder;

namespace LlmTco.Tests.Usage;

/// <summary>The three export readers: the fields they map, and malformed exports giving every problem with its place.</summary>
public sealed class UsageExportReaderTests
{
    private static readonly string SampleFolder = Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", "UsageExports");

    [Fact]
    public void OpenAiRead_BucketResult_MapsEveryField()
    {
        // Given one 1-hour bucket with a batch result of 4 requests
        var json = Page([Bucket(1_772_323_200, 1_772_326_800, """
            {"object": "organization.usage.completions.result", "input_tokens": 4000, "output_tokens": 800, "input_cached_tokens": 1000,
             "num_model_requests": 4, "project_id": "proj_a", "model": "gpt-4o-2024-08-06", "batch": true, "service_tier": "flex"}
            """)]);

        // When
        var entry = OpenAiUsageExport.Read(Stream(json), "a.json").Should().ContainSingle().Subject;

        // Then (1,772,323,200 s = 2026-03-01T00:00:00Z)
        entry.Start.Should().Be(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero));
        entry.Width.Should().Be(TimeSpan.FromHours(1));
        entry.Should().BeEquivalentTo(new { Provider = "openai", Model = "gpt-4o-2024-08-06", Project = "proj_a", Requests = 4L, InputTokens = 4000L, CachedInputTokens = 1000L, OutputTokens = 800L, Batch = true, ServiceTier = ServiceTier.Flex, TierInputTokensPerRequest = 1000L });
    }

    [Fact]
    public void OpenAiRead_TruncatedJson_NamesTheFileAndLine()
    {
        // Given a page cut off in its second line
        var json = "{\"object\": \"page\",\n \"data\": [{\"object\": \"bucket\", \"start_ti";

        // When
        var act = () => OpenAiUsageExport.Read(Stream(json), "cut.json");

        // Then
        act.Should().Throw<UsageImportException>().WithMessage("cut.json:2:*not valid JSON*");
    }

    [Fact]
    public void OpenAiRead_NegativeTokensAndMissingModel_EveryProblemWithItsJsonPath()
    {
        // Given a bucket with negative input tokens and a result without a model
        var json = Page([Bucket(1_772_323_200, 1_772_409_600, Result(1, -5, 0, 10), """{"input_tokens": 5, "output_tokens": 1, "num_model_requests": 1}""")]);

        // When
        var act = () => OpenAiUsageExport.Read(Stream(json), "bad.json");

        // Then nothing is returned and both problems are named
        var problems = act.Should().Throw<UsageImportException>().Which.Problems;
        problems.Should().Contain("bad.json: $.data[0].results[0].input_tokens: must not be negative; got -5.");
        problems.Should().Contain(p => p.StartsWith("bad.json: $.data[0].results[1].model: is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void OpenAiRead_BucketOfTwoHours_IsRejected()
    {
        var json = Page([Bucket(0, 7200, Result(1, 5, 0, 1))]);
        var act = () => OpenAiUsageExport.Read(Stream(json), "w.json");
        act.Should().Throw<UsageImportException>().WithMessage("*$.data[0]: a bucket must be 1 minute, 1 hour or 1 day wide*");
    }

    [Fact]
    public void OpenAiCostsRead_Result_IsADaysCostInItsCurrency()
    {
        // Given the Costs API's documented shape (1,772,323,200 s = 2026-03-01T00:00:00Z)
        var json = """
            {"object": "page", "data": [{"object": "bucket", "start_time": 1772323200, "end_time": 1772409600, "results": [
              {"object": "organization.costs.result", "amount": {"value": 0.06, "currency": "usd"}, "line_item": "Image models", "project_id": "proj_abc"}]}],
             "has_more": false, "next_page": null}
            """;

        // When / Then
        OpenAiCostsExport.Read(Stream(json), "c.json").Should().ContainSingle()
            .Which.Should().Be(new ReportedCost(new DateOnly(2026, 3, 1), "openai", 0.06, "USD", "Image models", "proj_abc"));
    }

    [Fact]
    public void OpenAiCostsRead_NegativeAmountAndNoCurrency_EveryProblemWithItsJsonPath()
    {
        var json = """{"object": "page", "data": [{"start_time": 1772323200, "end_time": 1772409600, "results": [{"amount": {"value": -1}}]}]}""";
        var act = () => OpenAiCostsExport.Read(Stream(json), "c.json");
        act.Should().Throw<UsageImportException>().Which.Problems.Should().Equal(
            "c.json: $.data[0].results[0].amount.value: must be a number of 0 or more.",
            "c.json: $.data[0].results[0].amount.currency: must be a 3-letter ISO 4217 code, e.g. usd.");
    }

    [Fact]
    public void AnthropicRead_Result_SumsCacheWritesKeepsTheOneHourPartAndMapsBatchAndLongContext()
    {
        // Given Anthropic's documented result shape, on the batch tier and the 200k-1M context window
        var json = """
            {"data": [{"starting_at": "2026-03-01T00:00:00Z", "ending_at": "2026-03-02T00:00:00Z", "results": [
              {"uncached_input_tokens": 1500, "cache_creation": {"ephemeral_1h_input_tokens": 1000, "ephemeral_5m_input_tokens": 500},
               "cache_read_input_tokens": 200, "output_tokens": 500, "server_tool_use": {"web_search_requests": 0},
               "api_key_id": null, "workspace_id": "wrkspc_1", "model": "claude-sonnet-4-20250514", "service_tier": "batch", "context_window": "200k-1M"}]}],
             "has_more": false, "next_page": null}
            """;

        // When
        var entry = AnthropicUsageExport.Read(Stream(json), "a.json").Should().ContainSingle().Subject;

        // Then cache writes = 500 (5 minutes) + 1,000 (1 hour) = 1,500, of which 1,000 for 1 hour;
        // input = 1,500 + 200 + 1,500 = 3,200; the report counts no requests
        entry.Should().BeEquivalentTo(new { Provider = "anthropic", Project = "wrkspc_1", InputTokens = 3200L, CachedInputTokens = 200L, CacheWriteTokens = 1500L, OneHourCacheWriteTokens = 1000L, OutputTokens = 500L, Batch = true, ServiceTier = ServiceTier.Standard, TierInputTokensPerRequest = 200_001L });
        entry.Requests.Should().BeNull();
        entry.Width.Should().Be(TimeSpan.FromDays(1));
    }

    [Fact]
    public void AnthropicRead_BadServiceTierAndTime_EveryProblemWithItsJsonPath()
    {
        var json = """{"data": [{"starting_at": "yesterday", "ending_at": "2026-03-02T00:00:00Z", "results": [{"uncached_input_tokens": 1, "output_tokens": 1, "model": "m", "service_tier": "gold"}]}]}""";
        var act = () => AnthropicUsageExport.Read(Stream(json), "r.json");
        var problems = act.Should().Throw<UsageImportException>().Which.Problems;
        problems.Should().Contain(p => p.StartsWith("r.json: $.data[0].starting_at: must be an RFC 3339 time", StringComparison.Ordinal));
        problems.Should().Contain(p => p.StartsWith("r.json: $.data[0].results[0].service_tier: 'gold'", StringComparison.Ordinal));
    }

    [Fact]
    public void CsvRead_MalformedCells_EveryProblemWithFileLineAndColumn()
    {
        // Given a negative count, a comma decimal, a bad flag and cached tokens over the input
        var csv = """
            timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier,cost
            2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,-1,false,standard,
            2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,1,maybe,standard,"0,5"
            2026-03-01T10:00:00Z,openai,gpt-4o,100,90,20,1,false,standard,
            2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,1,false,standard,
            """;

        // When the rows are streamed
        var read = new List<UsageEntry>();
        var act = () => read.AddRange(UsageCsv.Read(new StringReader(csv), "log.csv"));

        // Then the good row was seen, but the enumeration ends in every problem
        var problems = act.Should().Throw<UsageImportException>().Which.Problems;
        problems.Should().Equal(
            "log.csv:2: output_tokens: must not be negative; got -1.",
            "log.csv:3: batch: 'maybe' must be true, false, 1, 0 or blank.",
            "log.csv:3: cost: '0,5' must be a number of 0 or more, with a '.' decimal point.",
            "log.csv:4: cached_input_tokens: cached (90) plus cache-write (20) tokens exceed input_tokens (100), which include them.");
        read.Should().ContainSingle();
    }

    [Fact]
    public void CsvRead_OneHourCacheWriteColumn_IsThePartOfTheCacheWritesKeptAnHour()
    {
        // Given the optional cache_write_1h_tokens column: 600 of 1,000 cache writes for 1 hour, a blank cell (0),
        // and 1,200 1-hour writes against 1,000 cache writes
        var csv = """
            timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier,cache_write_1h_tokens
            2026-03-01T10:00:00Z,anthropic,claude-haiku-4-5,2000,0,1000,10,false,standard,600
            2026-03-01T10:00:01Z,anthropic,claude-haiku-4-5,2000,0,1000,10,false,standard,
            2026-03-01T10:00:02Z,anthropic,claude-haiku-4-5,2000,0,1000,10,false,standard,1200
            """;

        // When the rows are streamed
        var read = new List<UsageEntry>();
        var act = () => read.AddRange(UsageCsv.Read(new StringReader(csv), "log.csv"));

        // Then the first two rows carry 600 and 0, and the third is the one problem
        act.Should().Throw<UsageImportException>().Which.Problems.Should().Equal(
            "log.csv:4: cache_write_1h_tokens: 1-hour cache writes (1200) exceed cache_write_tokens (1000), which include them.");
        read.Select(e => (e.CacheWriteTokens, e.OneHourCacheWriteTokens)).Should().Equal((1000L, 600L), (1000L, 0L));
    }

    [Fact]
    public void CsvRead_WithoutTheOneHourColumn_HasNoOneHourWrites()
    {
        var csv = """
            timestamp,provider,model,input_tokens,cached_input_tokens,cache_write_tokens,output_tokens,batch,service_tier
            2026-03-01T10:00:00Z,anthropic,claude-haiku-4-5,2000,0,1000,10,false,standard
            """;

        UsageCsv.Read(new StringReader(csv), "log.csv").Should().ContainSingle().Which.OneHourCacheWriteTokens.Should().Be(0);
    }

    [Theory]
    [InlineData("2026-03-01T10:00:00Z")]
    [InlineData("2026-03-01T12:00:00+02:00")]
    [InlineData("2026-03-01T10:00:00.000Z")]
    [InlineData("2026-03-01 10:00:00")]
    public void CsvRead_IsoTimes_AreReadAsUtc(string timestamp)
    {
        var entry = UsageCsv.Read(new StringReader($"{UsageCsv.Header}\n{timestamp},openai,gpt-4o,1,0,0,1,,\n"), "t.csv").Single();
        entry.Start.Should().Be(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero));
    }

    [Theory]
    [InlineData("2026-02-30T10:00:00Z")]
    [InlineData("2026-03-01T25:00:00Z")]
    [InlineData("yesterday")]
    public void CsvRead_BadTime_IsAProblem(string timestamp)
    {
        var act = () => UsageCsv.Read(new StringReader($"{UsageCsv.Header}\n{timestamp},openai,gpt-4o,1,0,0,1,,\n"), "t.csv").ToList();
        act.Should().Throw<UsageImportException>().WithMessage($"t.csv:2: timestamp: '{timestamp}' is not an ISO 8601 time*");
    }

    [Fact]
    public void CsvRead_MissingColumn_NamesItAndTheHeader()
    {
        var act = () => UsageCsv.Read(new StringReader("timestamp,provider,model,input_tokens,output_tokens\n"), "h.csv").ToList();
        act.Should().Throw<UsageImportException>().WithMessage("h.csv:1: missing column(s) cached_input_tokens, cache_write_tokens, batch, service_tier;*");
    }

    [Theory]
    [InlineData("de-DE")]
    [InlineData("tr-TR")]
    [InlineData("fr-FR")]
    public void CsvRead_AnyCulture_ReadsTheSameNumbers(string culture)
    {
        var before = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo(culture);
            var entry = UsageCsv.Read(new StringReader($"{UsageCsv.Header},cost\n2026-03-01T10:00:00Z,openai,gpt-4o,1000,200,0,500,TRUE,Standard,0.125\n"), "c.csv").Single();
            entry.ReportedCost.Should().Be(0.125);
            entry.Batch.Should().BeTrue();
            entry.InputTokens.Should().Be(1000);
        }
        finally
        {
            CultureInfo.CurrentCulture = before;
        }
    }

    [Fact]
    public void BundledSamples_ReadWithoutProblems()
    {
        using (var openAi = File.OpenRead(Path.Combine(SampleFolder, "openai-usage-completions.json")))
        {
            // 4 pages of 1-day buckets (August to November 2026: 122 days), 2 results each
            OpenAiUsageExport.Read(openAi, "openai").Should().HaveCount(244);
        }

        using (var anthropic = File.OpenRead(Path.Combine(SampleFolder, "anthropic-usage-report.json")))
        {
            AnthropicUsageExport.Read(anthropic, "anthropic").Should().HaveCount(60);
        }

        using var csv = new StreamReader(Path.Combine(SampleFolder, "gateway-requests.csv"));
        UsageCsv.Read(csv, "csv").Count().Should().BeGreaterThan(100);
    }

    [Fact]
    public void CsvRead_ProblemsFarIntoALongFile_KeepTheirLinesAndOrder()
    {
        // Given 5,000 good rows (the reader hands rows over in batches of 1,024) with a negative count on line 1,500, a
        // row of 3 cells on line 3,000 and a bad flag on line 4,999 (the header is line 1, row i is line i + 2)
        var csv = new System.Text.StringBuilder(UsageCsv.Header + "\n");
        for (var i = 0; i < 5_000; i++)
        {
            csv.Append(i switch
            {
                1_498 => "2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,-5,false,standard\n",
                2_998 => "2026-03-01T10:00:00Z,openai,gpt-4o\n",
                4_997 => "2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,5,sometimes,standard\n",
                _ => "2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,5,false,standard\n",
            });
        }

        // When it is read to the end
        var read = 0;
        var act = () =>
        {
            foreach (var entry in UsageCsv.Read(new StringReader(csv.ToString()), "long.csv"))
            {
                read++;
            }
        };

        // Then every other row was read and the three problems come in file order with their lines
        act.Should().Throw<UsageImportException>().Which.Problems.Should().Equal(
            "long.csv:1500: output_tokens: must not be negative; got -5.",
            "long.csv:3000: has 3 cells; the header has 9.",
            "long.csv:4999: batch: 'sometimes' must be true, false, 1, 0 or blank.");
        read.Should().Be(4_997);
    }

    [Fact]
    public void CsvRead_CrlfAndBlankLinesAcrossManyChunks_ProblemsKeepTheirLines()
    {
        // Given 20,000 rows of about 60 characters (1.2 million characters: the reader cuts the text into chunks of
        // 262,144 characters, each parsed by a parser of its own) ending in CRLF, a blank line after every 1,000th row,
        // and a negative output on rows 4,999, 9,999 and 17,777 (counted from 0; every other row has 1 output token)
        var csv = new System.Text.StringBuilder(UsageCsv.Header + "\r\n");
        for (var i = 0; i < 20_000; i++)
        {
            var output = i is 4_999 or 9_999 or 17_777 ? -1 : 1;
            csv.Append(CultureInfo.InvariantCulture, $"2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,{output},false,standard\r\n");
            if (i % 1_000 == 999)
            {
                csv.Append("\r\n");
            }
        }

        // When it is read to the end
        long outputTokens = 0;
        var act = () =>
        {
            foreach (var entry in UsageCsv.Read(new StringReader(csv.ToString()), "crlf.csv"))
            {
                outputTokens += entry.OutputTokens;
            }
        };

        // Then row i is on line 2 + i + ⌊i / 1,000⌋ (the header, then one blank line per full thousand before it):
        // 2 + 4,999 + 4 = 5,005; 2 + 9,999 + 9 = 10,010; 2 + 17,777 + 17 = 17,796; and the other 19,997 rows were read
        act.Should().Throw<UsageImportException>().Which.Problems.Should().Equal(
            "crlf.csv:5005: output_tokens: must not be negative; got -1.",
            "crlf.csv:10010: output_tokens: must not be negative; got -1.",
            "crlf.csv:17796: output_tokens: must not be negative; got -1.");
        outputTokens.Should().Be(19_997);
    }

    [Fact]
    public void CsvRead_QuotedLineBreakAndLoneCarriageReturnFarIntoTheFile_ReadAsOneRecordEach()
    {
        // Given 20,000 rows (several chunks) where row 10,000 (counted from 0) has a quoted model with a line break in
        // it, row 12,000 ends with a lone CR, and rows 5,000 and 15,000 have a negative output
        var csv = new System.Text.StringBuilder(UsageCsv.Header + "\n");
        for (var i = 0; i < 20_000; i++)
        {
            var model = i == 10_000 ? "\"gpt-4o\nmini\"" : "gpt-4o";
            var output = i is 5_000 or 15_000 ? -1 : 1;
            csv.Append(CultureInfo.InvariantCulture, $"2026-03-01T10:00:00Z,openai,{model},100,0,0,{output},false,standard{(i == 12_000 ? "\r" : "\n")}");
        }

        // When it is read to the end
        var models = new List<string>();
        var act = () =>
        {
            foreach (var entry in UsageCsv.Read(new StringReader(csv.ToString()), "quoted.csv"))
            {
                models.Add(entry.Model);
            }
        };

        // Then row 5,000 is on line 5,002 (after the header); row 15,000 on line 15,003, one more for the line break
        // inside row 10,000's cell (the lone CR ends row 12,000's line as a LF would); row 10,000 is one record, read
        // as the 10,000th entry (index 9,999, after the 5,000th row's problem), and 19,998 rows were read
        act.Should().Throw<UsageImportException>().Which.Problems.Should().Equal(
            "quoted.csv:5002: output_tokens: must not be negative; got -1.",
            "quoted.csv:15003: output_tokens: must not be negative; got -1.");
        models.Should().HaveCount(19_998);
        models[9_999].Should().Be("gpt-4o\nmini");
        models.Count(m => m == "gpt-4o").Should().Be(19_997);
    }

    [Fact]
    public void CsvRead_OverAThousandRowsOfTheWrongWidth_StopsAfterTheThousandth()
    {
        // Given 3,000 rows of 3 cells
        var rows = Enumerable.Repeat("2026-03-01T10:00:00Z,openai,gpt-4o", 3_000);
        var csv = UsageCsv.Header + "\n" + string.Join("\n", rows);

        // When
        var act = () => UsageCsv.Read(new StringReader(csv), "narrow.csv").ToList();

        // Then they count towards the limit like any other problem: 1,000 (lines 2 to 1,001), then the note
        var problems = act.Should().Throw<UsageImportException>().Which.Problems;
        problems.Should().HaveCount(1_001);
        problems[999].Should().Be("narrow.csv:1001: has 3 cells; the header has 9.");
        problems[1_000].Should().Be("narrow.csv: stopped after 1000 problems.");
    }

    [Fact]
    public void CsvRead_CostsAndTokens_AreTheValuesTheFrameworkParses()
    {
        // Given 5,000 rows with random costs of 1 to 17 digits, a point anywhere or none, and random token counts
        // (the reader reads short decimals and plain digits itself, as a fast path)
        var random = new Random(19);
        var costs = new List<string>();
        var tokens = new List<long>();
        var csv = new System.Text.StringBuilder(UsageCsv.Header + ",cost\n");
        for (var i = 0; i < 5_000; i++)
        {
            var digits = string.Concat(Enumerable.Range(0, random.Next(1, 18)).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(-1, digits.Length + 1);
            var cost = point < 0 ? digits : digits.Insert(point, ".");
            var input = random.NextInt64(0, 1_000_000_000_000_000_000);
            costs.Add(cost);
            tokens.Add(input);
            csv.Append(CultureInfo.InvariantCulture, $"2026-03-01T10:00:00Z,openai,gpt-4o,{input},0,0,1,false,standard,{cost}\n");
        }

        // When
        var entries = UsageCsv.Read(new StringReader(csv.ToString()), "costs.csv").ToList();

        // Then every cost is bit for bit what double.Parse gives, and every count what long.Parse gives
        entries.Select(e => e.ReportedCost!.Value).Should().Equal(costs.Select(c => double.Parse(c, CultureInfo.InvariantCulture)));
        entries.Select(e => e.InputTokens).Should().Equal(tokens);
    }

    [Fact]
    public void CsvRead_OverAThousandProblems_StopsAfterTheThousandth()
    {
        // Given 3,000 rows whose output is negative
        var rows = Enumerable.Repeat("2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,-1,false,standard", 3_000);
        var csv = UsageCsv.Header + "\n" + string.Join("\n", rows);

        // When
        var act = () => UsageCsv.Read(new StringReader(csv), "bad.csv").ToList();

        // Then the first 1,000 (lines 2 to 1,001) are reported, then a note that the reader stopped
        var problems = act.Should().Throw<UsageImportException>().Which.Problems;
        problems.Should().HaveCount(1_001);
        problems[999].Should().Be("bad.csv:1001: output_tokens: must not be negative; got -1.");
        problems[1_000].Should().Be("bad.csv: stopped after 1000 problems.");
    }

    [Fact]
    public void CsvRead_ReaderFailsMidFile_ThrowsItsExceptionAfterTheRowsBefore()
    {
        // Given a reader that fails with an I/O error after the header and 3 rows
        var csv = UsageCsv.Header + "\n" + string.Concat(Enumerable.Repeat("2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,5,false,standard\n", 3));
        using var reader = new FailingReader(csv);

        // When
        var read = 0;
        var act = () =>
        {
            foreach (var entry in UsageCsv.Read(reader, "disk.csv"))
            {
                read++;
            }
        };

        // Then the I/O error reaches the caller as it was thrown
        act.Should().Throw<IOException>().WithMessage("disk gone");
        read.Should().Be(3);
    }

    [Fact]
    public void CsvRead_StoppedEarly_NoLongerReadsTheCallersReader()
    {
        // Given a long file
        var csv = UsageCsv.Header + "\n" + string.Concat(Enumerable.Repeat("2026-03-01T10:00:00Z,openai,gpt-4o,100,0,0,5,false,standard\n", 100_000));
        using var reader = new CountingReader(csv);

        // When the caller takes three entries and stops
        UsageCsv.Read(reader, "long.csv").Take(3).Should().HaveCount(3);
        var readsWhenStopped = reader.Reads;
        Thread.Sleep(100);

        // Then the reading stopped with the enumeration (the caller may dispose its reader now), well before the end
        reader.Reads.Should().Be(readsWhenStopped);
        reader.Position.Should().BeLessThan(csv.Length);
    }

    /// <summary>Reads a text, then throws an <see cref="IOException"/>.</summary>
    private sealed class FailingReader(string text) : TextReader
    {
        private readonly StringReader inner = new(text);

        public override int Read(char[] buffer, int index, int count)
        {
            var read = inner.Read(buffer, index, count);
            return read > 0 ? read : throw new IOException("disk gone");
        }

        public override int Read(Span<char> buffer)
        {
            var read = inner.Read(buffer);
            return read > 0 ? read : throw new IOException("disk gone");
        }
    }

    /// <summary>Counts the reads of a text, a few characters at a time.</summary>
    private sealed class CountingReader(string text) : TextReader
    {
        private int reads;

        public int Reads => Volatile.Read(ref reads);

        public int Position { get; private set; }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            Interlocked.Increment(ref reads);
            var n = Math.Min(Math.Min(buffer.Length, 256), text.Length - Position);
            text.AsSpan(Position, n).CopyTo(buffer);
            Position += n;
            return n;
        }
    }
}
