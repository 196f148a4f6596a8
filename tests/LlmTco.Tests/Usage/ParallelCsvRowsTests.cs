using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using LlmTco.Usage;

namespace LlmTco.Tests.Usage;

/// <summary>How <see cref="ParallelCsvRows{T}"/> cuts a text into chunks that several parsers read.</summary>
public sealed class ParallelCsvRowsTests
{
    [Theory]
    [InlineData("a,b\n")]
    [InlineData("\"a\",\"b\"\n")]
    [InlineData("\"a\",\"b\"\r\n")]
    [InlineData("\"a \"\"x\"\", y\",b\n")]
    public void Read_WellFormedHeader_CutsTheRestIntoChunksAndKeepsEveryRowAndLine(string header)
    {
        // Given a header (plain, quoted, quoted with CRLF, or with a doubled quote and a comma inside a quoted cell)
        // and 40,000 rows "n,n" of 3 to 11 characters: about 400,000 characters, more than one 262,144-character chunk
        var text = WithRows(header);

        // When every row is read back
        var (headerCells, read, chunksCut) = ReadAll(text);
        headerCells.Should().HaveCount(2);

        // Then row n is value n on line n + 1 (the header is line 1), all 40,000 in order, and the text was cut at
        // line ends into more than one chunk: the quotes of the header did not keep it on one parser
        read.Should().HaveCount(40_000);
        read.Select((r, i) => r.Value == i + 1 && r.Line == i + 2).Should().AllSatisfy(ok => ok.Should().BeTrue());
        chunksCut.Should().BeGreaterThan(0);
    }

    [Theory]
    [InlineData("\"a\nb\",c\n")]
    [InlineData("a\"b,c\n")]
    [InlineData("\"a\"b,c\n")]
    [InlineData("a\rb,c\n")]
    public void Read_HeaderThatIsNotWellFormed_IsReadByOneParserAsCsvHelperReadsIt(string header)
    {
        // Given a header with a line break inside quotes, a quote inside an unquoted cell, text after a closing quote or
        // a lone CR, then 40,000 rows
        var text = WithRows(header);

        // When every row is read back
        var (headerCells, read, chunksCut) = ReadAll(text);

        // Then nothing was cut, and the rows are exactly those one CsvParser reads from the same text
        chunksCut.Should().Be(0);
        using var parser = new CsvParser(new StringReader(text), Configuration);
        parser.Read();
        parser.Record.Should().Equal(headerCells);
        var expected = new List<(long Line, int Value)>();
        while (parser.Read())
        {
            expected.Add((parser.RawRow, int.TryParse(parser[0], CultureInfo.InvariantCulture, out var value) ? value : -1));
        }

        read.Should().Equal(expected);
    }

    private static CsvConfiguration Configuration => new(CultureInfo.InvariantCulture) { BadDataFound = null };

    /// <summary>The header, then 40,000 rows "n,n".</summary>
    private static string WithRows(string header)
    {
        var text = new StringBuilder(header);
        for (var n = 1; n <= 40_000; n++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{n},{n}\n");
        }

        return text.ToString();
    }

    private static (string[]? Header, List<(long Line, int Value)> Rows, int ChunksCut) ReadAll(string text)
    {
        using var rows = new ParallelCsvRows<(long Line, int Value)>(new StringReader(text), Configuration);
        var header = rows.ReadHeader();
        rows.Start(() => new LineAndValue());
        var read = new List<(long Line, int Value)>();
        while (rows.Next() is { } batch)
        {
            read.AddRange(batch.Values.Take(batch.Count));
        }

        return (header, read, rows.ChunksCut);
    }

    private sealed class LineAndValue : ParallelCsvRows<(long Line, int Value)>.IRowConverter
    {
        // A first cell that is not a number (the second line of a header cut by a lone CR) reads as −1.
        public (long Line, int Value) Convert(CsvParser parser, long line, List<string> problems) =>
            (line, int.TryParse(parser[0], CultureInfo.InvariantCulture, out var value) ? value : -1);
    }
}
