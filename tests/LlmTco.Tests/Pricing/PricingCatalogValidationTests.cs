using System.Text;
using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using static LlmTco.Tests.TestTables;

namespace LlmTco.Tests.Pricing;

/// <summary>
/// One hand-made bad table per validation rule. Each asserts the exact file, line, column and message, because those
/// are what a person fixing a CSV reads. Line 1 is the header; column numbers count from 1.
/// </summary>
public sealed class PricingCatalogValidationTests
{
    private const string Ok = ",https://example.com/x,2026-11-29";

    [Fact]
    public void Validate_ValidTables_LoadsEveryTable()
    {
        var report = PricingCatalog.Validate(PricingSource.InMemory(Valid()));

        report.Diagnostics.Should().BeEmpty();
        report.IsValid.Should().BeTrue();
        report.Catalog!.ApiPrices.Should().HaveCount(4);
        report.Tables.Select(t => t.RowCount).Should().Equal(4, 1, 1, 1, 1, 1, 1, 1, 1, 1, 6);
    }

    [Fact]
    public void Validate_MissingColumn_ReportsTheColumnAndTheExpectedHeader()
    {
        // Given a GPU table without its tdp_watts column
        var csv = Lines(GpuHeader.Replace(",tdp_watts", string.Empty, StringComparison.Ordinal), "GPU-A,nvidia,80,3.35,989.5,1979,,,,,,https://example.com/gpu-a,2026-11-29");

        // When it is validated
        var error = SingleError(With("gpus.csv", csv));

        // Then the missing column is named, with the full header that was expected
        error.File.Should().Be("gpus.csv");
        error.Line.Should().Be(1);
        error.Column.Should().Be(0);
        error.Message.Should().Be($"missing column 'tdp_watts'; the header must contain: {GpuHeader} (and may contain: idle_watts,idle_source_url,idle_checked_on,server_watts,server_gpus,server_source_url,server_checked_on,source_kind)");
    }

    [Fact]
    public void Validate_RenamedColumn_SuggestsTheDocumentedName()
    {
        // Given a user who wrote input_usd_per_mtok instead of input_per_mtok
        var csv = Lines(ApiHeader.Replace(",input_per_mtok,", ",input_usd_per_mtok,", StringComparison.Ordinal), "acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", csv)));

        // Then the unknown column is reported at its position with the documented name, and the missing one too
        var unknown = report.Errors.Single(d => d.Message.StartsWith("unknown column", StringComparison.Ordinal));
        unknown.Should().Be(new PricingDiagnostic("api_prices.csv", 1, 9, null, null, "unknown column 'input_usd_per_mtok'; did you mean 'input_per_mtok'?", DiagnosticSeverity.Error));
        report.Errors.Should().Contain(d => d.Message.StartsWith("missing column 'input_per_mtok'", StringComparison.Ordinal));
        report.Catalog.Should().BeNull();
    }

    [Fact]
    public void Validate_TextInNumberColumn_ReportsCellValueAndExpectation()
    {
        var csv = Lines(GpuHeader, "GPU-A,nvidia,eighty,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29");

        var error = SingleError(With("gpus.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "gpus.csv", 2, 3, "memory_gb", "eighty",
            "column 'memory_gb': 'eighty' is not a finite number; expected digits with an optional decimal point (e.g. 0.15)",
            DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("-0.5", "must not be negative")]
    [InlineData("-0", "must not be negative")]
    [InlineData("NaN", "is not a finite number; expected digits with an optional decimal point (e.g. 0.15)")]
    [InlineData("Infinity", "is not a finite number; expected digits with an optional decimal point (e.g. 0.15)")]
    [InlineData("1e400", "is out of range for a price or quantity")]
    [InlineData("\"1,500\"", "has a comma, which is either a thousands separator or a decimal comma: write plain digits with a decimal point (e.g. 1500 or 1.5)")]
    [InlineData("\"1 500\"", "has a thousands separator; write plain digits with a decimal point (e.g. 1500 or 0.15)")]
    [InlineData("\"0,15\"", "uses a decimal comma; write a decimal point instead: 0.15")]
    public void Validate_BadPrice_ReportsWhyAtTheCell(string cell, string reason)
    {
        // Given an input price cell of the acme-mini row (line 2, column 9 input_per_mtok)
        var csv = Lines(ApiHeader, $"acme,acme-mini,,standard,0,2025-01-01,,USD,{cell},,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        var value = cell.Trim('"');
        error.Should().Be(new PricingDiagnostic("api_prices.csv", 2, 9, "input_per_mtok", value, $"column 'input_per_mtok': '{value}' {reason}", DiagnosticSeverity.Error));
    }

    /// <summary>One bad cell or row per rule: the table, its text, and the single error expected (line, column, column name, value, message).</summary>
    public static TheoryData<string, string, int, int, string?, string?, string> BadRows => new()
    {
        { "api_prices.csv", Lines(ApiHeader, "Acme Inc,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok), 2, 1, "provider", "Acme Inc", "column 'provider': 'Acme Inc' is not a valid id: use lower-case letters, digits, '.', '_' and '-' (e.g. openai)" },
        { "api_prices.csv", Lines(ApiHeader, "acme,acme mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok), 2, 2, "model_id", "acme mini", "column 'model_id': 'acme mini' is not a valid id: ids contain no spaces or ';'" },
        { "api_prices.csv", Lines(ApiHeader, "acme,acme-mini,,standard,-1,2025-01-01,,USD,0.075,,,0.3,,,," + Ok), 2, 5, "context_threshold_tokens", "-1", "column 'context_threshold_tokens': '-1' must not be negative" },
        { "api_prices.csv", Lines(ApiHeader, "acme,acme-mini,,standard,1.5,2025-01-01,,USD,0.075,,,0.3,,,," + Ok), 2, 5, "context_threshold_tokens", "1.5", "column 'context_threshold_tokens': '1.5' is not a whole number (e.g. 200000)" },
        { "api_prices.csv", Lines(ApiHeader, "acme,acme-mini,,standard,99999999999999999999,2025-01-01,,USD,0.075,,,0.3,,,," + Ok), 2, 5, "context_threshold_tokens", "99999999999999999999", "column 'context_threshold_tokens': '99999999999999999999' is too large" },
        { "api_prices.csv", Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,1.5,," + Ok), 2, 14, "batch_discount", "1.5", "column 'batch_discount': '1.5' must be at most 1" },
        { "gpu_rentals.csv", Lines(RentalHeader, "cloudy,big.8x,GPU-A,-8,on-demand,us-east-1,USD,2.5,2025-01-01," + Ok), 2, 4, "gpus_per_instance", "-8", "column 'gpus_per_instance': '-8' must not be negative" },
        { "gpu_rentals.csv", Lines(RentalHeader, "cloudy,big.8x,GPU-A,8.5,on-demand,us-east-1,USD,2.5,2025-01-01," + Ok), 2, 4, "gpus_per_instance", "8.5", "column 'gpus_per_instance': '8.5' is not a whole number (e.g. 8)" },
        { "gpu_rentals.csv", Lines(RentalHeader, "cloudy,big.8x,GPU-A,99999999999,on-demand,us-east-1,USD,2.5,2025-01-01," + Ok), 2, 4, "gpus_per_instance", "99999999999", "column 'gpus_per_instance': '99999999999' is too large" },
        { "gpus.csv", Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,700,30000,,,,,https://example.com/gpu-a,2026-11-29"), 2, 8, "purchase_price_per_gpu", "30000", "GPU 'GPU-A': purchase_price_per_gpu, purchase_currency, purchase_source_url and purchase_checked_on go together: fill all four or none" },
        { "open_models.csv", Lines(ModelHeader, "org/Model-8B,model-8b,moe,8,9,32,4096,32,8,128,131072,apache-2.0," + Ok), 2, 5, "active_parameters_billions", "9", "'org/Model-8B' has more active parameters (9B) than total (8B)" },
        { "open_models.csv", Lines(ModelHeader, "org/Model-8B,model-8b,dense,8,7,32,4096,32,8,128,131072,apache-2.0," + Ok), 2, 5, "active_parameters_billions", "7", "'org/Model-8B' is dense, so its active parameters must equal its total (8B); use architecture 'moe' for a mixture of experts" },
        { "open_models.csv", Lines(ModelHeader, "org/Model-8B,model-8b,dense,8,8,32,4096,32,64,128,131072,apache-2.0," + Ok), 2, 9, "kv_heads", "64", "'org/Model-8B' has more key/value heads (64) than attention heads (32)" },
        { "open_models.csv", Lines(ModelHeader, "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,131072,apache-2.0," + Ok, "org/Model-8B-v2,model-8b,dense,8,8,32,4096,32,8,128,131072,apache-2.0," + Ok), 3, 2, "aliases", "model-8b", "alias 'model-8b' of 'org/Model-8B-v2' already names 'org/Model-8B'" },
        { "api_prices.csv", Lines(ApiHeader, "acme,alpha,shared,standard,0,2025-01-01,,USD,1,,,2,,,," + Ok, "acme,beta,shared,standard,0,2025-01-01,,USD,1,,,2,,,," + Ok), 3, 3, "aliases", "shared", "alias 'shared' is claimed by two live (open-ended) models at provider 'acme', 'alpha' and 'beta'; an alias names one model: if it moved to the newer model, remove it from the older one (and end that row with effective_to if the model was retired)" },
        { "pue_figures.csv", Lines("name,pue,notes,source_url,checked_on,pue", "survey-2023,1.58,,https://example.com/pue,2026-11-29,1.6"), 1, 6, null, null, "column 'pue' appears twice in the header" },
    };

    [Theory]
    [MemberData(nameof(BadRows))]
    public void Validate_BadCellOrRow_ReportsItsPlaceValueAndRule(string file, string csv, int line, int column, string? columnName, string? value, string message)
    {
        var error = SingleError(With(file, csv));

        error.Should().Be(new PricingDiagnostic(file, line, column, columnName, value, message, DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_UnquotedDecimalComma_ReportsTheSplitCell()
    {
        // Given 0,15 written unquoted: the comma splits the row into one field too many
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0,15,,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Line.Should().Be(2);
        error.Column.Should().Be(19);
        error.Message.Should().Be("the row has 19 fields but the header has 18; '0,15' looks like a number with a decimal comma, which splits the cell in two: write a decimal point (0.15); quote any text cell that contains a comma");
    }

    [Fact]
    public void Validate_StrayQuoteInTheHeader_IsReportedOnLine1()
    {
        var csv = Lines("name,p\"ue,notes,source_url,checked_on", "survey-2023,1.58,,https://example.com/pue,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        report.Errors.Should().Contain(e => e.Line == 1 && e.Message.StartsWith("malformed CSV: a quote is unbalanced or misplaced in the record starting 'name,p\"ue,notes", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_StrayQuoteAfterAMultiLineCell_NamesTheLineTheRecordStartsOn()
    {
        // Given a record on lines 2 and 3 whose quoted two-line note is followed by a stray character before the comma
        var csv = Lines(PueHeader, "survey-2023,1.58,\"two", "lines\"x,https://example.com/pue,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        report.Errors.Should().Contain(e => e.Line == 2 && e.Message.StartsWith("malformed CSV: a quote is unbalanced or misplaced in the record starting 'survey-2023,1.58,\"two'", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_TwoDecimalCommasInOneRow_HintsAtTheFirst()
    {
        // Given 0,15 and 0,3 written unquoted: two fields too many, one hint is enough to see the mistake
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0,15,,,0,3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Message.Should().Be("the row has 20 fields but the header has 18; '0,15' looks like a number with a decimal comma, which splits the cell in two: write a decimal point (0.15); quote any text cell that contains a comma");
    }

    [Fact]
    public void Validate_ExtraWholeNumberAtTheEndOfARow_ReportsTheFieldCount()
    {
        // The last field "7" is a whole number with nothing after it: no pair to hint at, and nothing read past the end
        var csv = Lines(PueHeader, "survey-2023,1.58,,https://example.com/pue,2026-11-29,7");

        var error = SingleError(With("pue_figures.csv", csv));

        error.Message.Should().Be("the row has 6 fields but the header has 5; quote any text cell that contains a comma");
    }

    [Fact]
    public void Validate_ExtraFieldAfterAWholeNumberAndABlankCell_GivesNoDecimalCommaHint()
    {
        // "2" followed by a blank cell is not a number split at a decimal comma: the blank has no digits
        var csv = Lines(PueHeader, "survey-2023,2,,https://example.com/pue,2026-11-29,extra");

        var error = SingleError(With("pue_figures.csv", csv));

        error.Message.Should().Be("the row has 6 fields but the header has 5; quote any text cell that contains a comma");
    }

    [Theory]
    [InlineData("name,pue,notes,source_url,checked_on,pue", "survey-2023,1.58,,https://example.com/pue,2026-11-29,1.6")] // a column twice
    [InlineData("name,pue,notes,source_url,checked_on,colour", "survey-2023,1.58,,https://example.com/pue,2026-11-29,blue")] // an unknown column
    [InlineData("name,pue,source_url,checked_on", "survey-2023,1.58,https://example.com/pue,2026-11-29")] // the optional notes column missing
    public void Validate_BadHeader_ReadsNoRowsOfTheTable(string header, string row)
    {
        // A header that does not match the documented one leaves every cell's meaning in doubt: the rows are not read
        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", Lines(header, row))));

        report.Errors.Should().ContainSingle().Which.Line.Should().Be(1);
        report.Tables.Single(t => t.FileName == "pue_figures.csv").RowCount.Should().Be(0);
    }

    [Fact]
    public void Validate_TruncatedRow_ReportsTheFieldCount()
    {
        var csv = Lines(GpuHeader, "GPU-A,nvidia,80,3.35");

        var error = SingleError(With("gpus.csv", csv));

        error.Should().Be(new PricingDiagnostic("gpus.csv", 2, 5, null, null, "the row has 4 fields but the header has 14: the row is truncated or a column is missing", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_UnknownPlanWord_ListsTheAllowedWords()
    {
        var csv = Lines(RentalHeader, "cloudy,big.8x,GPU-A,8,ondemand,us-east-1,USD,2.5,2025-01-01," + Ok);

        var error = SingleError(With("gpu_rentals.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "gpu_rentals.csv", 2, 5, "plan", "ondemand",
            "column 'plan': 'ondemand' is not a known plan; expected one of: on-demand, spot, reserved-1y, reserved-3y",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_UnknownServiceTier_ListsTheAllowedWords()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,batch,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 4, "service_tier", "batch",
            "column 'service_tier': 'batch' is not a known service tier; expected one of: standard, flex, priority",
            DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("open_models.csv", 3, "architecture", "sparse", "dense, moe")]
    [InlineData("throughput_benchmarks.csv", 4, "precision", "fp32", "bf16, fp16, fp8, int8, int4, fp4")]
    public void Validate_UnknownModelWord_ListsTheAllowedWords(string file, int column, string name, string word, string allowed)
    {
        var tables = WithLastRowCell(file, column, word); // each of these tables has one row, on line 2

        var error = SingleError(tables);

        error.Should().Be(new PricingDiagnostic(file, 2, column, name, word, $"column '{name}': '{word}' is not a known {name}; expected one of: {allowed}", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_UnknownCurrency_ReportsTheCell()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,usd,0.075,,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Line.Should().Be(2);
        error.Column.Should().Be(8);
        error.ColumnName.Should().Be("currency");
        error.Message.Should().StartWith("column 'currency': 'usd' is not a known currency; expected an ISO 4217 code in capitals: USD, EUR");
    }

    [Fact]
    public void Validate_BadDate_ReportsTheExpectedFormat()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,10/06/2025,,USD,0.075,,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 6, "effective_from", "10/06/2025",
            "column 'effective_from': '10/06/2025' is not a date; expected yyyy-MM-dd (e.g. 2025-06-10)",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_EmptyRequiredCell_SaysItIsRequired()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic("api_prices.csv", 2, 12, "output_per_mtok", string.Empty, "column 'output_per_mtok' is required but the cell is empty", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_OverlappingDateRanges_PointsAtBothRows()
    {
        // Given a June price that starts before the January row ends
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-07-01,USD,10,,,40,,,," + Ok,
            "acme,acme-large,,standard,0,2025-06-10,,USD,2,,,8,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 3, 6, "effective_from", "2025-06-10",
            "the price of 'acme-large' (standard, context tier 0) from 2025-06-10 overlaps the row at api_prices.csv:2, which runs to 2025-07-01",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_OpenEndedRowFollowedByAnother_AsksToCloseIt()
    {
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,,USD,10,,,40,,,," + Ok,
            "acme,acme-large,,standard,0,2025-06-10,,USD,2,,,8,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Message.Should().Be("the price of 'acme-large' (standard, context tier 0) from 2025-06-10 overlaps the open-ended row at api_prices.csv:2; set that row's effective_to to 2025-06-10");
        (error.Line, error.Column).Should().Be((3, 6));
    }

    [Fact]
    public void Validate_GappedDateRanges_ReportsTheGap()
    {
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,2025-06-01,USD,10,,,40,,,," + Ok,
            "acme,acme-large,,standard,0,2025-06-10,,USD,2,,,8,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 3, 6, "effective_from", "2025-06-10",
            "the prices of 'acme-large' (standard, context tier 0) leave a gap: the row at api_prices.csv:2 ends on 2025-06-01 but this one starts on 2025-06-10; make them meet",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_EffectiveToBeforeEffectiveFrom_IsAnError()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-06-10,2025-06-10,USD,0.075,,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "api_prices.csv", 2, 7, "effective_to", "2025-06-10",
            "effective_to (2025-06-10) must be after effective_from (2025-06-10); effective_to is the first day the price no longer applies",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_DuplicateKey_LeavesTheDuplicateOutOfTheSummary()
    {
        // Given a second GPU-A row checked later: it is an error, not an override of the first
        var row = "GPU-A,nvidia,80,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29";
        var csv = Lines(GpuHeader, row, row.Replace("2026-11-29", "2026-12-01", StringComparison.Ordinal));

        var summary = PricingCatalog.Validate(PricingSource.InMemory(With("gpus.csv", csv))).Tables.Single(t => t.FileName == "gpus.csv");

        (summary.RowCount, summary.OverriddenRowCount, summary.OldestCheckedOn, summary.NewestCheckedOn).Should().Be((1, 0, new DateOnly(2026, 11, 29), new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void Validate_ErrorInAnEarlierTable_DoesNotStopTheReferenceChecksOfALaterOne()
    {
        // Given a bad price in api_prices.csv (read first) and a rental naming an unknown GPU: gpus.csv itself is clean,
        // so the rental is still checked against it
        var tables = With("api_prices.csv", Lines(ApiHeader, "acme,acme-mini,,standard,0,2025-01-01,,USD,cheap,,,0.3,,,," + Ok));
        tables["gpu_rentals.csv"] = Lines(RentalHeader, "cloudy,big.8x,GPU-Z,8,on-demand,us-east-1,USD,2.5,2025-01-01," + Ok);

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Select(e => (e.File, e.Line, e.Column)).Should().Equal(("api_prices.csv", 2, 9), ("gpu_rentals.csv", 2, 3));
    }

    [Fact]
    public void Validate_DuplicateKey_NamesTheFirstLine()
    {
        var row = "GPU-A,nvidia,80,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29";
        var csv = Lines(GpuHeader, row, row.Replace("GPU-A,", "gpu-a,", StringComparison.Ordinal));

        var error = SingleError(With("gpus.csv", csv));

        error.Should().Be(new PricingDiagnostic("gpus.csv", 3, 1, null, null, "duplicate row: line 2 has the same gpu_model", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_BenchmarkOfUnknownModelAndGpu_ReportsBothWithTheNearestNames()
    {
        // org/Model-9B is 1 edit from org/Model-8B (its alias model-8b is 5 away, more than one edit further); GPU-B is 1 from GPU-A
        var csv = Lines(BenchmarkHeader, "org/Model-9B,GPU-B,1,bf16,vllm,1000,1000,64,2000,,https://example.com/bench,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("throughput_benchmarks.csv", csv)));

        report.Errors.Should().Equal(
            new PricingDiagnostic("throughput_benchmarks.csv", 2, 1, "model_id", "org/Model-9B", "model 'org/Model-9B' is not in open_models.csv; did you mean 'org/Model-8B'?", DiagnosticSeverity.Error),
            new PricingDiagnostic("throughput_benchmarks.csv", 2, 2, "gpu_model", "GPU-B", "GPU 'GPU-B' is not in gpus.csv; did you mean 'GPU-A'?", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_RentalOfUnknownGpu_SuggestsTheNearestGpu()
    {
        var csv = Lines(RentalHeader, "cloudy,big.8x,GPU-B,8,on-demand,us-east-1,USD,2.5,2025-01-01," + Ok);

        var error = SingleError(With("gpu_rentals.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "gpu_rentals.csv", 2, 3, "gpu_model", "GPU-B",
            "GPU 'GPU-B' is not in gpus.csv; did you mean 'GPU-A'?",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_BenchmarkOfUnknownModel_IsAnError()
    {
        var csv = Lines(BenchmarkHeader, "org/Model-9B,GPU-A,1,bf16,vllm,1000,1000,64,2000," + Ok);

        var error = SingleError(With("throughput_benchmarks.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "throughput_benchmarks.csv", 2, 1, "model_id", "org/Model-9B",
            "model 'org/Model-9B' is not in open_models.csv; did you mean 'org/Model-8B'?",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_BenchmarkWithoutTheLatencyColumns_LoadsAsAThroughputResult()
    {
        // A copy edited before the latency columns existed (TestTables' header has neither) keeps loading.
        var report = PricingCatalog.Validate(PricingSource.InMemory(Valid()));

        report.Diagnostics.Should().BeEmpty();
        var row = report.Catalog!.ThroughputBenchmarks.Should().ContainSingle().Subject;
        row.TimeToFirstTokenSecondsP50.Should().BeNull();
        row.HasLatency.Should().BeFalse();
    }

    [Fact]
    public void Validate_BenchmarkWithLatencies_ReadsBothMedians()
    {
        var header = BenchmarkHeader.Replace("_per_replica,notes", "_per_replica,ttft_seconds_p50,tpot_seconds_p50,notes", StringComparison.Ordinal);
        var csv = Lines(header, "org/Model-8B,GPU-A,1,bf16,vllm,1000,1000,64,2000,0.25,0.02," + Ok);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("throughput_benchmarks.csv", csv)));

        report.Diagnostics.Should().BeEmpty();
        var row = report.Catalog!.ThroughputBenchmarks.Should().ContainSingle().Subject;
        row.TimeToFirstTokenSecondsP50.Should().Be(0.25m);
        row.TimePerOutputTokenSecondsP50.Should().Be(0.02m);
        row.HasLatency.Should().BeTrue();
    }

    [Fact]
    public void Validate_BenchmarkWithOneLatencyOnly_NamesTheBlankColumn()
    {
        var header = BenchmarkHeader.Replace("_per_replica,notes", "_per_replica,ttft_seconds_p50,tpot_seconds_p50,notes", StringComparison.Ordinal);
        var csv = Lines(header, "org/Model-8B,GPU-A,1,bf16,vllm,1000,1000,64,2000,0.25,," + Ok);

        var error = SingleError(With("throughput_benchmarks.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "throughput_benchmarks.csv", 2, 11, "tpot_seconds_p50", string.Empty,
            "ttft_seconds_p50 is given but tpot_seconds_p50 is blank; a latency-bounded result needs both medians (or neither, for a throughput-only result)",
            DiagnosticSeverity.Error));
    }

    private static readonly string ModelHeaderWithAttention = ModelHeader.Replace("head_dim,context", "head_dim,kv_lora_rank,qk_rope_head_dim,sliding_window_tokens,sliding_window_layers,context", StringComparison.Ordinal);

    [Fact]
    public void Validate_ModelWithLatentAndSlidingColumns_ReadsThem()
    {
        var csv = Lines(ModelHeaderWithAttention, "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,512,64,1024,24,131072,apache-2.0," + Ok);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("open_models.csv", csv)));

        report.Diagnostics.Should().BeEmpty();
        var model = report.Catalog!.OpenModels.Should().ContainSingle().Subject;
        model.KvLoraRank.Should().Be(512);
        model.QkRopeHeadDim.Should().Be(64);
        model.SlidingWindowTokens.Should().Be(1024);
        model.SlidingWindowLayers.Should().Be(24);
    }

    [Fact]
    public void Validate_ModelWithoutAttentionColumns_LoadsWithNone()
    {
        // An old copy of open_models.csv, without the optional columns, still loads
        var report = PricingCatalog.Validate(PricingSource.InMemory(With("open_models.csv", Lines(ModelHeader, "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,131072,apache-2.0," + Ok))));

        report.Diagnostics.Should().BeEmpty();
        var model = report.Catalog!.OpenModels.Should().ContainSingle().Subject;
        (model.KvLoraRank, model.QkRopeHeadDim, model.SlidingWindowTokens, model.SlidingWindowLayers).Should().Be((null, null, null, null));
    }

    [Theory]
    [InlineData("512,,,", 12, "qk_rope_head_dim", "'org/Model-8B': kv_lora_rank is given but qk_rope_head_dim is blank; multi-head latent attention caches kv_lora_rank + qk_rope_head_dim numbers per token and layer, so give both (or neither, for ordinary attention)")]
    [InlineData(",,1024,", 14, "sliding_window_layers", "'org/Model-8B': sliding_window_tokens is given but sliding_window_layers is blank; a sliding window needs its width in tokens and the number of layers that use it (or neither)")]
    public void Validate_ModelWithHalfAPair_NamesTheBlankColumn(string cells, int column, string missing, string message)
    {
        var csv = Lines(ModelHeaderWithAttention, "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128," + cells + ",131072,apache-2.0," + Ok);

        var error = SingleError(With("open_models.csv", csv));

        error.Should().Be(new PricingDiagnostic("open_models.csv", 2, column, missing, string.Empty, message, DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_ModelWithMoreSlidingLayersThanLayers_IsAnError()
    {
        var csv = Lines(ModelHeaderWithAttention, "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,,,1024,33,131072,apache-2.0," + Ok);

        var error = SingleError(With("open_models.csv", csv));

        error.Should().Be(new PricingDiagnostic("open_models.csv", 2, 14, "sliding_window_layers", "33", "'org/Model-8B' has more sliding-window layers (33) than layers (32)", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_ModelWithWindowAsLongAsTheContext_Warns()
    {
        var csv = Lines(ModelHeaderWithAttention, "org/Model-8B,model-8b,dense,8,8,32,4096,32,8,128,,,131072,16,131072,apache-2.0," + Ok);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("open_models.csv", csv)));

        report.Diagnostics.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "open_models.csv", 2, 13, "sliding_window_tokens", "131072",
            "'org/Model-8B': the sliding window (131072 tokens) is not shorter than the context (131072 tokens), so it never shortens the KV cache; check the figures",
            DiagnosticSeverity.Warning));
    }

    [Fact]
    public void Validate_EmptyFile_ExpectsAHeader()
    {
        var error = SingleError(With("pue_figures.csv", string.Empty));

        error.Should().Be(new PricingDiagnostic("pue_figures.csv", 0, 0, null, null, "the file is empty; expected a header row: name,pue,notes,source_url,source_kind,checked_on", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_HeaderOnly_IsAnError()
    {
        var error = SingleError(With("pue_figures.csv", "name,pue,notes,source_url,checked_on\n"));

        error.Should().Be(new PricingDiagnostic("pue_figures.csv", 1, 0, null, null, "the file has a header but no rows; delete the file to use the defaults, or add rows", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_ByteOrderMarkAndCrlf_AreAccepted()
    {
        // Given the valid GPU table saved by a spreadsheet: UTF-8 BOM and CRLF line endings, in a folder
        var folder = Directory.CreateTempSubdirectory("llmtco-bom-").FullName;
        try
        {
            foreach (var (file, text) in Valid())
            {
                File.WriteAllText(Path.Combine(folder, file), text.Replace("\n", "\r\n", StringComparison.Ordinal), new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
            }

            var catalog = PricingCatalog.LoadFolder(folder);

            catalog.Gpus.Single().GpuModel.Should().Be("GPU-A");
            catalog.Gpus.Single().CheckedOn.Should().Be(new DateOnly(2026, 11, 29));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("pue_figures.csv", "name,pue,notes,source_url,checked_on\nsurvey-2023,1.58,caf")]
    [InlineData("gpus.csv", GpuHeader + "\nGPU-A,nvidia,80,3.35,989.5,1979,700,,,,,caf")] // the rental and the benchmark name GPU-A
    public void Validate_InvalidUtf8_IsOneErrorNotAGarbledValue(string file, string textBeforeTheBadByte)
    {
        // Given a folder of the ten tables, one of which has a Latin-1 "é" (0xE9), not UTF-8. A table that fails like
        // this must not also make the rows that name its rows look dangling.
        var folder = Directory.CreateTempSubdirectory("llmtco-utf8-").FullName;
        try
        {
            foreach (var (name, text) in Valid())
            {
                File.WriteAllText(Path.Combine(folder, name), text);
            }

            File.WriteAllBytes(Path.Combine(folder, file), [.. Encoding.UTF8.GetBytes(textBeforeTheBadByte), 0xE9, .. ",https://example.com/x,2026-11-29\n"u8]);

            var report = PricingCatalog.Validate(PricingSource.Folder(folder));

            report.Errors.Should().ContainSingle().Which.Should().BeEquivalentTo(new { File = Path.Combine(folder, file), Message = "the file is not valid UTF-8; save it as UTF-8 (with or without a byte-order mark)" });
            report.Catalog.Should().BeNull();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Validate_SeveralBadCells_ReportsEveryOneNotJustTheFirst()
    {
        var csv = Lines(
            GpuHeader,
            "GPU-A,nvidia,-80,3.35,989.5,1979,700,,,,,,https://example.com/gpu-a,2026-11-29",
            "GPU-B,nvidia,80,fast,989.5,1979,700,,,,,,not-a-url,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("gpus.csv", csv)));

        report.Errors.Select(e => (e.Line, e.Column, e.ColumnName)).Should().Equal(
            (2, 3, "memory_gb"),
            (3, 4, "memory_bandwidth_tbps"),
            (3, 13, "source_url"));
    }

    [Fact]
    public void Load_BadTable_ThrowsWithEveryErrorAndLoadsNothing()
    {
        var csv = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,0,,,,,,https://example.com/gpu-a,2026-11-29");

        var act = () => PricingCatalog.Load(PricingSource.InMemory(With("gpus.csv", csv)));

        act.Should().Throw<PricingDataException>()
            .Where(e => e.Diagnostics.Count == 1)
            .WithMessage("*gpus.csv:2:7: error: column 'tdp_watts': '0' must be greater than 0*");
    }

    [Fact]
    public void Validate_MissingTableInFullLoad_NamesTheFile()
    {
        var tables = Valid();
        tables.Remove("hosting_prices.csv");

        var error = SingleError(tables);

        error.File.Should().Be("hosting_prices.csv");
        error.Message.Should().Be("the table file is missing from in-memory tables; expected a CSV file with the header: provider,region,currency,price_per_kw_month,notes,source_url,source_kind,checked_on");
    }

    [Fact]
    public void Validate_ContextTierWithoutBaseRow_IsAnError()
    {
        var csv = Lines(ApiHeader, "acme,acme-mini,,standard,200000,2025-01-01,,USD,0.15,,,0.6,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Message.Should().Be("'acme-mini' has a context tier above 200000 tokens but no base row (context_threshold_tokens 0) for the same service tier");
        (error.Line, error.Column).Should().Be((2, 5));
    }

    [Fact]
    public void Validate_AliasNamingAnotherModel_IsAnError()
    {
        var csv = Lines(
            ApiHeader,
            "acme,acme-large,,standard,0,2025-01-01,,USD,10,,,40,,,," + Ok,
            "acme,acme-mini,acme-large,standard,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok);

        var error = SingleError(With("api_prices.csv", csv));

        error.Should().Be(new PricingDiagnostic("api_prices.csv", 3, 3, "aliases", "acme-large", "alias 'acme-large' of 'acme-mini' already names 'acme-large' at provider 'acme'", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_DenseModelWithFewerActiveParameters_IsAnError()
    {
        var csv = Lines(ModelHeader, "org/Model-8B,model-8b,dense,8,7,32,4096,32,8,128,131072,apache-2.0," + Ok);

        var error = SingleError(With("open_models.csv", csv));

        error.Message.Should().Be("'org/Model-8B' is dense, so its active parameters must equal its total (8B); use architecture 'moe' for a mixture of experts");
        (error.Line, error.Column).Should().Be((2, 5));
    }

    [Fact]
    public void Validate_UnbalancedQuote_IsReported()
    {
        // Given a note whose opening quote is never closed: the parser runs on to the end of the file
        var csv = Lines(
            "name,pue,notes,source_url,checked_on",
            "survey-2023,1.58,\"unclosed note,https://example.com/pue,2026-11-29",
            "survey-2024,1.56,,https://example.com/pue,2026-11-29");

        var error = SingleError(With("pue_figures.csv", csv));

        // Then one error points at the line where the broken record starts
        error.Should().Be(new PricingDiagnostic(
            "pue_figures.csv", 2, 0, null, null,
            "malformed CSV: a quote is unbalanced or misplaced in the record starting 'survey-2023,1.58,\"unclosed note,https://example.com/pue,2026-11-29'; a cell containing a quote must be wholly quoted and its quotes doubled",
            DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_UnknownFileInFolder_IsAWarningThatSuggestsTheTable()
    {
        var tables = Valid();
        tables["gpu_rental.csv"] = "x\n1\n";

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.IsValid.Should().BeTrue();
        report.Warnings.Should().ContainSingle().Which.Message.Should().Be("'gpu_rental.csv' in in-memory tables is not a pricing table and is ignored; did you mean 'gpu_rentals.csv'?");
    }

    [Fact]
    public void Diagnostic_ToString_IsCompilerStyle()
    {
        var diagnostic = new PricingDiagnostic("pricing-data/gpus.csv", 4, 7, "tdp_watts", "x", "column 'tdp_watts': 'x' is not a finite number", DiagnosticSeverity.Error);

        diagnostic.ToString().Should().Be("pricing-data/gpus.csv:4:7: error: column 'tdp_watts': 'x' is not a finite number");
    }

    [Theory]
    [InlineData("gpus.csv", 3, "memory_gb")]
    [InlineData("gpus.csv", 4, "memory_bandwidth_tbps")]
    [InlineData("gpus.csv", 5, "bf16_dense_tflops")]
    [InlineData("gpus.csv", 6, "fp8_dense_tflops")]
    [InlineData("gpus.csv", 7, "tdp_watts")]
    [InlineData("gpus.csv", 8, "purchase_price_per_gpu")] // a GPU bought for nothing
    [InlineData("gpu_rentals.csv", 8, "price_per_gpu_hour")]
    [InlineData("open_models.csv", 4, "total_parameters_billions")]
    [InlineData("open_models.csv", 5, "active_parameters_billions")]
    [InlineData("throughput_benchmarks.csv", 9, "output_tokens_per_second_per_replica")]
    [InlineData("electricity_prices.csv", 4, "price_per_kwh")]
    [InlineData("hosting_prices.csv", 4, "price_per_kw_month")]
    public void Validate_ZeroWhereOnlyAPositiveNumberMakesSense_IsAnError(string file, int column, string name)
    {
        // Given the valid table with 0 in a column that the cost model divides by or multiplies a bill with: a GPU without
        // memory or bandwidth, a free rental hour, a model without parameters, a replica that generates nothing
        var tables = WithLastRowCell(file, column, "0"); // each of these tables has one row, on line 2

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Should().ContainEquivalentOf(new PricingDiagnostic(file, 2, column, name, "0", $"column '{name}': '0' must be greater than 0", DiagnosticSeverity.Error));
    }

    [Theory]
    [InlineData("gpus.csv", "GPU-A,nvidia,80,3.35,989.5,1979,hot,,,,,,https://example.com/gpu-a,2026-11-29")]
    [InlineData("open_models.csv", "org/Model-8B,model-8b,dense,eight,8,32,4096,32,8,128,131072,apache-2.0,,https://example.com/model,2026-11-29")]
    public void Validate_TableWithAnError_IsNotAlsoBlamedForTheRowsThatNameIt(string file, string badRow)
    {
        // Given a GPU or model row with a bad cell: the rental offer and the benchmark that name it must not also be
        // reported as naming an unknown GPU or model
        var tables = Valid();
        tables[file] = Lines(tables[file].Split('\n')[0], badRow);

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Should().ContainSingle().Which.File.Should().Be(file);
    }

    [Fact]
    public void Validate_Summary_GivesEachTablesOldestAndNewestCheckedOnDate()
    {
        var tables = With("pue_figures.csv", Lines(
            "name,pue,notes,source_url,checked_on",
            "survey-2023,1.58,,https://example.com/pue,2026-05-01",
            "survey-2024,1.56,,https://example.com/pue,2026-11-29",
            "survey-2025,1.55,,https://example.com/pue,2026-08-15"));

        var summary = PricingCatalog.Validate(PricingSource.InMemory(tables)).Tables.Single(t => t.FileName == "pue_figures.csv");

        (summary.RowCount, summary.OldestCheckedOn, summary.NewestCheckedOn).Should().Be((3, new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 29)));
    }

    [Fact]
    public void TableSummary_ToString_MentionsOverridesAndDatesOnlyWhenThereAreAny()
    {
        new PricingTableSummary("gpus.csv", 3, 0, new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 29)).ToString()
            .Should().Be("gpus.csv: 3 rows, sources checked 2026-05-01 to 2026-11-29");
        new PricingTableSummary("gpus.csv", 3, 1, new DateOnly(2026, 5, 1), new DateOnly(2026, 11, 29)).ToString()
            .Should().Be("gpus.csv: 3 rows (1 overridden), sources checked 2026-05-01 to 2026-11-29");
        new PricingTableSummary("gpus.csv", 0, 0, null, null).ToString().Should().Be("gpus.csv: 0 rows");
    }

    [Fact]
    public void Validate_ManyProblems_AreListedByFileThenLineThenColumn()
    {
        var tables = Valid();
        tables["pue_figures.csv"] = Lines("name,pue,notes,source_url,checked_on", "a,x,,https://example.com/pue,2026-11-29", "b,1.5,,not-a-url,2026-11-29", "c,y,,also-not-a-url,2026-11-29");
        tables["gpus.csv"] = Lines(GpuHeader, "GPU-A,nvidia,80,3.35,989.5,1979,hot,,,,,,https://example.com/gpu-a,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Select(e => (e.File, e.Line, e.Column)).Should().Equal(
            ("gpus.csv", 2, 7), ("pue_figures.csv", 2, 2), ("pue_figures.csv", 3, 4), ("pue_figures.csv", 4, 2), ("pue_figures.csv", 4, 4));
    }

    [Theory]
    [InlineData("api_prices.csv", 1, "provider")] // a slug
    [InlineData("api_prices.csv", 2, "model_id")] // an id
    [InlineData("api_prices.csv", 4, "service_tier")] // a word
    [InlineData("api_prices.csv", 5, "context_threshold_tokens")] // a whole number
    [InlineData("gpu_rentals.csv", 5, "plan")]
    public void Validate_BlankRequiredCell_NamesTheColumn(string file, int column, string name)
    {
        var tables = WithLastRowCell(file, column, string.Empty);
        var lines = tables[file].Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        report.Errors.Should().ContainEquivalentOf(new PricingDiagnostic(file, lines.Length, column, name, string.Empty, $"column '{name}' is required but the cell is empty", DiagnosticSeverity.Error));
    }

    [Fact]
    public void Validate_CellOf4096Characters_IsReadAndOneMoreIsAnError()
    {
        var longest = new string('n', Cells.MaxCellLength);
        var tables = With("pue_figures.csv", Lines(PueHeader, $"a,1.5,{longest},https://example.com/pue,2026-11-29", $"b,1.5,{longest}x,https://example.com/pue,2026-11-29"));

        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));

        // The value is shown as its first 40 characters and "..."; the count is written with a thousands separator
        report.Errors.Should().ContainSingle().Which.Should().Be(new PricingDiagnostic(
            "pue_figures.csv", 3, 3, "notes", new string('n', 40) + "...", "column 'notes': the cell is 4,097 characters long; a cell holds at most 4,096", DiagnosticSeverity.Error));
        report.Tables.Single(t => t.FileName == "pue_figures.csv").RowCount.Should().Be(1);
    }

    [Theory]
    [InlineData(" mini-1 ; ;mini-2;", new[] { "mini-1", "mini-2" })]
    [InlineData("", new string[0])]
    public void Validate_AliasList_IsTrimmedWithoutEmptyEntries(string aliases, string[] expected)
    {
        var tables = With("api_prices.csv", Lines(ApiHeader, $"acme,acme-mini,{aliases},standard,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok));

        PricingCatalog.Load(PricingSource.InMemory(tables)).ApiPrices.Single().Aliases.Should().Equal(expected);
    }

    [Fact]
    public void Validate_AliasWithASpace_IsAnError()
    {
        var tables = With("api_prices.csv", Lines(ApiHeader, "acme,acme-mini,mini-1;mini 2,standard,0,2025-01-01,,USD,0.075,,,0.3,,,," + Ok));

        SingleError(tables).Message.Should().Be("column 'aliases': 'mini-1;mini 2' is not a valid list: separate entries with ';', and entries contain no spaces");
    }

    [Theory]
    [InlineData("1", null)] // the lowest PUE, a facility that spends nothing beyond the IT load
    [InlineData("0.99", "column 'pue': '0.99' must be at least 1")]
    public void Validate_PueAtAndBelowItsMinimum(string pue, string? error)
    {
        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", Lines(PueHeader, $"a,{pue},,https://example.com/pue,2026-11-29"))));

        report.Errors.Select(e => e.Message).Should().Equal(error is null ? [] : [error]);
    }

    [Theory]
    [InlineData("1", null)] // everything off: a free batch tier is allowed
    [InlineData("1.01", "column 'batch_discount': '1.01' must be at most 1")]
    public void Validate_BatchDiscountAtAndAboveItsMaximum(string discount, string? error)
    {
        var report = PricingCatalog.Validate(PricingSource.InMemory(With("api_prices.csv", Lines(ApiHeader, $"acme,acme-mini,,standard,0,2025-01-01,,USD,0.075,,,0.3,,{discount},," + Ok))));

        report.Errors.Select(e => e.Message).Should().Equal(error is null ? [] : [error]);
    }

    [Theory]
    [InlineData("http://example.com/pue", null)] // plain http is a web page too
    [InlineData("https://example.com/pue", null)]
    [InlineData("ftp://example.com/pue", "column 'source_url': 'ftp://example.com/pue' is not an absolute http(s) URL")]
    [InlineData("example.com/pue", "column 'source_url': 'example.com/pue' is not an absolute http(s) URL")]
    public void Validate_SourceUrl_MustBeAnAbsoluteWebUrl(string url, string? error)
    {
        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", Lines(PueHeader, $"a,1.5,,{url},2026-11-29"))));

        report.Errors.Select(e => e.Message).Should().Equal(error is null ? [] : [error]);
    }

    private const string PueHeader = "name,pue,notes,source_url,checked_on";

    [Fact]
    public void Validate_QuoteInsideUnquotedCells_ReportsEachBrokenRecordOnItsLine()
    {
        // Given quotes inside two unquoted notes, on lines 3 and 5, between good rows
        var csv = Lines(
            PueHeader,
            "survey-2022,1.59,,https://example.com/pue,2026-11-29",
            "survey-2023,1.58,the \"typical\" figure,https://example.com/pue,2026-11-29",
            "survey-2024,1.57,,https://example.com/pue,2026-11-29",
            "survey-2025,1.56,a \"new\" survey,https://example.com/pue,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        // Then each broken record is one error at its own line, quoting the record
        report.Errors.Select(e => (e.Line, e.Column, e.Message)).Should().Equal(
            (3, 0, "malformed CSV: a quote is unbalanced or misplaced in the record starting 'survey-2023,1.58,the \"typical\" figure,https://example.com/pue,2026-11-29'; a cell containing a quote must be wholly quoted and its quotes doubled"),
            (5, 0, "malformed CSV: a quote is unbalanced or misplaced in the record starting 'survey-2025,1.56,a \"new\" survey,https://example.com/pue,2026-11-29'; a cell containing a quote must be wholly quoted and its quotes doubled"));
    }

    [Theory]
    [InlineData("B,B,B", "2,3,4", 0)]
    [InlineData("G,B,B,G", "3,4", 2)]
    [InlineData("B,G,B", "2,4", 1)]
    [InlineData("G,B,G,B,B", "3,5,6", 2)]
    public void Validate_BrokenRecordsNextToGoodOnes_ReportsEveryBrokenOneAndKeepsEveryGoodOne(string shape, string brokenLines, int goodRows)
    {
        // Given good rows (G) and rows with a stray quote in a note (B), one per line from line 2 on. A row after a broken
        // one used to be dropped without a word, good or broken, because the parser reports a stray quote only when the
        // record is read into a row.
        var csv = Lines([PueHeader, .. shape.Split(',').Select((kind, i) => kind == "G"
            ? $"survey-{2000 + i},1.5,,https://example.com/pue,2026-11-29"
            : $"survey-{2000 + i},1.5,a \"stray\" quote,https://example.com/pue,2026-11-29")]);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        // Then each broken row is one error on its line, and each good row is read
        report.Errors.Select(e => e.Line).Should().Equal(brokenLines.Split(',').Select(int.Parse));
        report.Errors.Should().AllSatisfy(e => e.Message.Should().StartWith("malformed CSV: a quote is unbalanced or misplaced"));
        report.Tables.Single(t => t.FileName == "pue_figures.csv").RowCount.Should().Be(goodRows);
    }

    [Fact]
    public void Validate_TwoStrayQuotesInOneRecord_AreOneError()
    {
        var csv = Lines(PueHeader, "survey-2023,1.58,a \"stray\" quote,https://example.com/\"pue\",2026-11-29", "survey-2024,1.57,,https://example.com/pue,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        report.Errors.Should().ContainSingle().Which.Line.Should().Be(2);
        report.Tables.Single(t => t.FileName == "pue_figures.csv").RowCount.Should().Be(1);
    }

    [Fact]
    public void Validate_BrokenRecordLongerThan80Characters_IsQuotedShortenedTo77AndAnEllipsis()
    {
        // Given a broken record of 81 characters (and one of exactly 80, which is quoted whole)
        var longRecord = "survey-2023,1.58,the \"typical\" figure,https://example.com/pue/path/abc,2026-11-29";
        var exactRecord = "survey-2024,1.58,the \"typical\" figure,https://example.com/pue/path/ab,2026-11-29";
        longRecord.Length.Should().Be(81);
        exactRecord.Length.Should().Be(80);

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", Lines(PueHeader, longRecord, exactRecord))));

        report.Errors.Select(e => e.Message).Should().Equal(
            $"malformed CSV: a quote is unbalanced or misplaced in the record starting '{longRecord[..77]}...'; a cell containing a quote must be wholly quoted and its quotes doubled",
            $"malformed CSV: a quote is unbalanced or misplaced in the record starting '{exactRecord}'; a cell containing a quote must be wholly quoted and its quotes doubled");
    }

    [Fact]
    public void Validate_BlankLinesAndAMultiLineCell_AreReadAndLinesCountedInTheFile()
    {
        // Given a blank line after the header and between rows, a quoted note over lines 4 and 5, and a bad PUE on line 7
        var csv = Lines(
            PueHeader,
            string.Empty,
            "survey-2022,1.59,,https://example.com/pue,2026-11-29",
            "survey-2023,1.58,\"two",
            "lines\",https://example.com/pue,2026-11-29",
            string.Empty,
            "survey-2024,fast,,https://example.com/pue,2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        // Then the blank lines are skipped, the two-line note is one cell, and the error names line 7, column 2
        var error = report.Errors.Should().ContainSingle().Subject;
        (error.Line, error.Column, error.Value).Should().Be((7, 2, "fast"));

        // And without the bad row the file loads: two rows, the note with its line break
        var fixedTables = With("pue_figures.csv", csv.Replace("survey-2024,fast,", "survey-2024,1.57,", StringComparison.Ordinal));
        var catalog = PricingCatalog.Load(PricingSource.InMemory(fixedTables));
        catalog.PueFigures.Select(p => p.Notes).Should().Equal(null, "two\nlines", null);
    }

    [Fact]
    public void Validate_BadCellInAMultiLineRecord_PointsAtTheLineTheRecordStartsOn()
    {
        var csv = Lines(PueHeader, "survey-2023,fast,\"two", "lines\",https://example.com/pue,2026-11-29");

        var error = SingleError(With("pue_figures.csv", csv));

        (error.Line, error.Column, error.Value).Should().Be((2, 2, "fast"));
    }

    [Fact]
    public void Validate_SemicolonSeparatedFile_IsNotGuessedButReportedAsOneErrorNamingTheSeparator()
    {
        // Given the same table saved by a spreadsheet that separates with semicolons
        var csv = Lines(PueHeader.Replace(',', ';'), "survey-2023;1.58;;https://example.com/pue;2026-11-29");

        var report = PricingCatalog.Validate(PricingSource.InMemory(With("pue_figures.csv", csv)));

        // Then one error on the header names the cause, instead of an unknown column and five missing ones
        report.Catalog.Should().BeNull();
        report.Errors.Should().ContainSingle().Which.Message.Should().Be("the header is separated by semicolons, not commas; save the file as comma-separated CSV (UTF-8)");
    }

    [Fact]
    public void Validate_ExtraTextCell_ReportsTheFieldCountWithoutADecimalCommaHint()
    {
        var csv = Lines(PueHeader, "survey-2023,1.58,,https://example.com/pue,2026-11-29,extra");

        var error = SingleError(With("pue_figures.csv", csv));

        error.Should().Be(new PricingDiagnostic(
            "pue_figures.csv", 2, 6, null, null, "the row has 6 fields but the header has 5; quote any text cell that contains a comma", DiagnosticSeverity.Error));
    }

    /// <summary>The valid tables with one cell of <paramref name="file"/>'s last row (column counted from 1) replaced.</summary>
    private static Dictionary<string, string> WithLastRowCell(string file, int column, string value)
    {
        var tables = Valid();
        var lines = tables[file].Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var cells = lines[^1].Split(',');
        cells[column - 1] = value;
        tables[file] = Lines([.. lines[..^1], string.Join(',', cells)]);
        return tables;
    }

    private static PricingDiagnostic SingleError(Dictionary<string, string> tables)
    {
        var report = PricingCatalog.Validate(PricingSource.InMemory(tables));
        report.Catalog.Should().BeNull("a table with an error must not load");
        return report.Errors.Should().ContainSingle().Subject;
    }
}
