using System.Globalization;
using System.Text;
using LlmTco.Pricing;
using LlmTco.Scenarios;
using LlmTco.Timeline;

namespace LlmTco.Tests.Reliability;

/// <summary>
/// The hostile-input corpus in <c>tests/LlmTco.Tests/HostileInputs</c>: every file must give a clear error that says
/// where (file, line, column or JSON path) and what, never an unhandled exception, and never a NaN, an infinity or a
/// negative cost. CSV files are named <c>case.table.csv</c> and replace that table in an otherwise valid folder.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private static readonly string Corpus = Path.Combine(AppContext.BaseDirectory, "HostileInputs");
    private readonly string folder = Directory.CreateTempSubdirectory("llmtco-hostile-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [InlineData("empty.gpus.csv", 0, 0, "the file is empty; expected a header row: gpu_model,vendor,")]
    [InlineData("header-only.gpus.csv", 1, 0, "the file has a header but no rows")]
    [InlineData("truncated-mid-row.gpus.csv", 2, 5, "the row has 4 fields but the header has 14: the row is truncated")]
    [InlineData("unbalanced-quotes.pue_figures.csv", 2, 0, "malformed CSV: a quote is unbalanced or misplaced")]
    [InlineData("extra-column.pue_figures.csv", 1, 6, "unknown column 'comment'")]
    [InlineData("missing-column.pue_figures.csv", 1, 0, "missing column 'notes'")]
    [InlineData("number-NaN.pue_figures.csv", 2, 2, "column 'pue': 'NaN' is not a finite number")]
    [InlineData("number-Infinity.pue_figures.csv", 2, 2, "column 'pue': 'Infinity' is not a finite number")]
    [InlineData("number-1e400.pue_figures.csv", 2, 2, "column 'pue': '1e400' is out of range")]
    [InlineData("number--0.pue_figures.csv", 2, 2, "column 'pue': '-0' must not be negative")]
    [InlineData("thousands-separator.storage_prices.csv", 2, 5, "column 'price_per_gb_month': '1,000.5' has a comma")]
    [InlineData("decimal-comma.storage_prices.csv", 2, 9, "the row has 9 fields but the header has 8; '0,15' looks like a number with a decimal comma")]
    [InlineData("invalid-utf8.pue_figures.csv", 2, 0, "the file is not valid UTF-8")]
    [InlineData("tab-separated.pue_figures.csv", 1, 0, "the header is separated by tabs, not commas; save the file as comma-separated CSV (UTF-8)")]
    [InlineData("semicolon-separated.pue_figures.csv", 1, 0, "the header is separated by semicolons, not commas")]
    [InlineData("utf-16.pue_figures.csv", 1, 0, "the file looks UTF-16-encoded (a UTF-16 byte-order mark or zero bytes); save it as UTF-8")]
    [InlineData("double-bom.pue_figures.csv", 1, 0, "the file starts with two UTF-8 byte-order marks")]
    [InlineData("bidi-in-id.pue_figures.csv", 2, 1, "column 'name': 'survey\u202e' is not a valid id: it holds U+202E, an invisible or direction-changing character")]
    public void CsvCorpus_EachFile_GivesOneClearErrorAtItsPlace(string file, int line, int column, string message)
    {
        var error = ValidateWith(file, File.ReadAllBytes(Path.Combine(Corpus, "csv", file)));

        (error.Line, error.Column).Should().Be((line, column));
        error.Message.Should().StartWith(message);
        error.File.Should().EndWith(file.Split('.', 2)[1]);
    }

    [Fact]
    public void Csv_VeryLongField_IsRejectedWithItsLength()
    {
        var note = new string('x', 100_000);
        var error = ValidateWith("long.pue_figures.csv", Encoding.UTF8.GetBytes($"name,pue,notes,source_url,checked_on\nsurvey,1.5,{note},https://example.com,2026-11-29\n"));

        (error.Line, error.Column, error.ColumnName).Should().Be((2, 3, "notes"));
        error.Message.Should().Be("column 'notes': the cell is 100,000 characters long; a cell holds at most 4,096");
    }

    [Fact]
    public void Csv_HundredThousandRows_Load()
    {
        // Given 100,000 distinct API models, one price row each
        var csv = new StringBuilder(TestTables.ApiHeader).Append('\n');
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"bulk,model-{i},,standard,0,2025-01-01,,USD,0.{i % 1000 + 1:000},,,1.5,,,,,https://example.com/bulk,2026-11-29\n");
        }

        var tables = TestTables.Valid();
        tables["api_prices.csv"] = csv.ToString();

        var catalog = PricingCatalog.Load(PricingSource.InMemory(tables));

        catalog.ApiPrices.Should().HaveCount(100_000);
        // model-99999 was written with input price "0.{99999 % 1000 + 1:000}" = "0.1000"
        catalog.FindApiPrice("bulk", "model-99999", new DateOnly(2026, 1, 1)).InputPricePerMillionTokens.Should().Be(0.1000m);
    }

    [Fact]
    public void Csv_HundredThousandBadRows_AreEachReported()
    {
        // Given 100,000 rows whose PUE is below 1 (an error each); this took minutes while each row recounted every error
        var csv = new StringBuilder("name,pue,notes,source_url,checked_on\n");
        for (var i = 0; i < 100_000; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"site-{i},0.5,,https://example.com,2026-11-29\n");
        }

        var report = PricingCatalog.Validate(PricingSource.InMemory(TestTables.With("pue_figures.csv", csv.ToString())));

        report.Errors.Should().HaveCount(100_000).And.OnlyContain(e => e.ColumnName == "pue");
        report.Errors.Last().Line.Should().Be(100_001);
    }

    [Theory]
    [InlineData("missing-required.json", "$.workload.profiles[0]", "missing required properties: monthlyRequests")]
    [InlineData("missing-workload.json", "$", "missing required properties: workload")]
    [InlineData("wrong-type.json", "$.horizonMonths", "expected a whole number")]
    [InlineData("number-in-quotes.json", "$.workload.profiles[0].monthlyRequests", "expected a number")]
    [InlineData("unknown-property.json", "$.horizonMonth", "unknown property 'horizonMonth'; did you mean 'horizonMonths'?")]
    [InlineData("share-above-one.json", "$.workload.profiles[0].cacheReadShare", "must be a share from 0 to 1")]
    [InlineData("growth-below-minus-100-percent.json", "$.workload.profiles[0].growth.monthlyRate", "must be a finite growth rate above −1")]
    [InlineData("horizon-zero.json", "$.horizonMonths", "must be a whole number of months from 1 to 600")]
    [InlineData("horizon-10000.json", "$.horizonMonths", "must be a whole number of months from 1 to 600")]
    [InlineData("tokens-1e30.json", "$.workload.profiles[0].monthlyRequests", "the profile reaches 1.5E+30 tokens in month 1, above the limit")]
    [InlineData("negative-requests.json", "$.workload.profiles[0].monthlyRequests", "must not be negative")]
    [InlineData("duplicate-option-names.json", "$.selfHostedOptions[0].name", "another option has this name")]
    [InlineData("rented-and-owned.json", "$.selfHostedOptions[0]", "give exactly one of 'rented' and 'owned' GPUs")]
    [InlineData("unknown-plan.json", "$.selfHostedOptions[0].rented.plan", "'monthly' is not one of: on-demand, spot, reserved-1y, reserved-3y")]
    [InlineData("bad-date.json", "$.startDate", "expected a date as \"yyyy-MM-dd\"")]
    [InlineData("truncated.json", "$.workload.profiles[0]", "Expected end of string, but instead reached end of data. (line 10")]
    [InlineData("nan-literal.json", "$.horizonMonths", "'N' is an invalid start of a value. (line 4")]
    [InlineData("not-json.csv.json", "$", "'name,pue")]
    [InlineData("model-does-not-fit.json", "$.selfHostedOptions[0].model", "'org/Model-8B' in BF16 needs 19,676.8 GB")]
    // 10^6 requests × 500 output tokens × 0.25^(m − 1) < 10^-100 first at m − 1 = ceil(log(2e-109) / log(0.25)) = 181:
    // 5e8 × 2^-362 = 5.32e-101 (the input tokens, twice as many, are then 1.06e-100, still above the limit)
    [InlineData("decline-75-percent-600-months.json", "$.workload.profiles[0].growth", "the profile's output tokens fall to 5.32E-101 in month 182, above 0 but below the limit of 1E-100")]
    [InlineData("output-tokens-1e-300.json", "$.workload.profiles[0].outputTokensPerRequest", "the profile's output tokens are 1E-294 in month 1, above 0 but below the limit of 1E-100")]
    [InlineData("staff-cost-1e300.json", "$.selfHostedOptions[0].people.yearlyLoadedCostPerFte", "is above the limit of 1E+15 for any number in a scenario")]
    [InlineData("gpu-price-1e300.json", "$.selfHostedOptions[0].rented.pricePerGpuHour", "is above the limit of 1E+15 for any number in a scenario")]
    [InlineData("utilization-1e-300.json", "$.selfHostedOptions[0].targetUtilization", "is below the limit of 1E-09")]
    // Month 2 of a start on 9999-12-01 would begin on 10000-01-01; the latest start whose month 2 is a date is 9999-11-30.
    [InlineData("duplicate-property-case.json", "$.HorizonMonths", "the property 'horizonMonths' is given twice (names are compared without case); give it once")]
    [InlineData("growth-without-kind.json", "$.workload.profiles[0].growth", "missing required properties: kind")]
    [InlineData("distribution-without-kind.json", "$.uncertainty.inputs[0].distribution", "missing required properties: kind")]
    [InlineData("star-on-empty-list.json", "$.uncertainty.inputs[0].path", "'apiOptions[*]' matches no entry: the scenario's apiOptions is empty")]
    [InlineData("bidi-in-name.json", "$.apiOptions[0].name", "holds U+202E, an invisible or direction-changing character")]
    [InlineData("zero-width-in-model.json", "$.selfHostedOptions[0].model", "holds U+200B, an invisible or direction-changing character")]
    // 1,000 profiles × 2 options × 600 months = 1,200,000 and 1 × 1 pair × 600 months = 600
    [InlineData("too-large.json", "$", "the scenario is too large: 1,000 profiles × 2 options × 600 months = 1,200,000, and 1 self-hosted × 1 API options × 600 months = 600; each may be at most 1,000,000")]
    // (found by the mutation fuzzer: with no requests the token limit passed, and the API plan's cast to long overflowed)
    [InlineData("input-tokens-1e300-no-requests.json", "$.workload.profiles[0].inputTokensPerRequest", "is above the limit of 1E+15 for any number in a scenario")]
    [InlineData("start-9999-12-01.json", "$.startDate", "leaves the calendar: 2 months from it run past 9999-12-31; start on 9999-11-30 at the latest")]
    public void JsonCorpus_EachFile_GivesAClearErrorWithItsPath(string file, string path, string message)
    {
        var act = () => TestScenarios.Engine.Evaluate(ScenarioJson.Load(Path.Combine(Corpus, "json", file)));

        var error = act.Should().Throw<ScenarioValidationException>().Which.Errors.Should().ContainSingle().Subject;
        error.Path.Should().Be(path);
        error.Message.Should().StartWith(message);
    }

    [Fact]
    public void JsonCorpus_UnknownModel_NamesTheOptionAndTheNearestModel()
    {
        var act = () => TestScenarios.Engine.Evaluate(ScenarioJson.Load(Path.Combine(Corpus, "json", "unknown-model.json")));

        act.Should().Throw<PricingLookupException>().WithMessage("$.selfHostedOptions[0]: Unknown open model 'model-9b'; did you mean 'model-8b'?");
    }

    [Fact]
    public void JsonCorpus_ValidFile_GivesOnlyFiniteNonNegativeCosts()
    {
        var result = TestScenarios.Engine.Evaluate(ScenarioJson.Load(Path.Combine(Corpus, "json", "valid.json")));

        result.Options.SelectMany(o => o.Months).SelectMany(m => m.Lines.Append(m.Total).Append(m.Cumulative))
            .Should().OnlyContain(v => double.IsFinite(v) && v >= 0);
    }

    [Fact]
    public void InputFile_EndlessDevice_IsRefusedInsteadOfReadUntilMemoryRunsOut()
    {
        // /dev/zero reports a length of 0 and never ends: on Linux it is refused as a device before it is opened; Windows
        // has no such path, and there a file above the limit stands for it
        var device = OperatingSystem.IsWindows() ? WriteBytes("endless.bin", 2 << 20) : "/dev/zero";

        var act = () => InputFile.ReadAllBytes(device, maxBytes: 1 << 20);

        act.Should().Throw<IOException>().WithMessage(OperatingSystem.IsLinux()
            ? "'/dev/zero' is a character device, not a regular file; an input must be a file (save the data to one first)"
            : $"'{device}' is larger than 1 MiB, the limit for an input file; is it the right file (not a device or a stream)?");
    }

    [Fact]
    public void PricingFolder_TableAboveTheLimit_IsOneErrorNamingIt()
    {
        // Given a pue_figures.csv of 257 MiB (sparse: no disk is used), above the 256 MiB limit
        foreach (var (file, text) in TestTables.Valid())
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        using (var big = File.Create(Path.Combine(folder, "pue_figures.csv")))
        {
            big.SetLength(InputFile.MaxBytes + (1 << 20));
        }

        var report = PricingCatalog.Validate(PricingSource.Folder(folder));

        var error = report.Errors.Should().ContainSingle().Subject;
        (error.File, error.Line).Should().Be((Path.Combine(folder, "pue_figures.csv"), 0));
        error.Message.Should().EndWith("is larger than 256 MiB, the limit for an input file; is it the right file (not a device or a stream)?");
    }

    private string WriteBytes(string name, int length)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllBytes(path, new byte[length]);
        return path;
    }

    private PricingDiagnostic ValidateWith(string caseFile, byte[] content)
    {
        foreach (var (file, text) in TestTables.Valid())
        {
            File.WriteAllText(Path.Combine(folder, file), text);
        }

        File.WriteAllBytes(Path.Combine(folder, caseFile.Split('.', 2)[1]), content);
        var report = PricingCatalog.Validate(PricingSource.Folder(folder));
        report.Catalog.Should().BeNull();
        return report.Errors.Should().ContainSingle().Subject;
    }
}
