using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CsvHelper;
using CsvHelper.Configuration;

namespace LlmTco.Usage;

/// <summary>
/// Reads a large CSV on several cores with CsvHelper: the text is cut into chunks of <see cref="ChunkChars"/>
/// characters at line ends, each chunk is split into cells by a <see cref="CsvParser"/> of its own on one of up to
/// <see cref="MaxWorkers"/> worker threads, whose caller-supplied <see cref="IRowConverter"/> turns each row into a
/// value or its problems; the calling thread takes the values back with <see cref="Next"/> in file order. At most
/// <see cref="ChunksAhead"/> times the workers + 2 chunks exist at once and their blocks and batches are reused: memory
/// does not grow with the file (about 1 MB a chunk: its 512 KB block and up to <see cref="QueuedBatches"/> batches).
/// </summary>
/// <remarks>
/// <para>A cut is only made where it cannot fall inside a record: after a <c>\n</c>, in a chunk with no <c>"</c> (so
/// no quoted cell can span the cut) and no <c>\r</c> other than in <c>\r\n</c> (so every record is one line ending
/// with <c>\n</c>, and the lines before a chunk are its <c>\n</c>s); quotes in the first line are allowed when it is a
/// well-formed record (see <see cref="HeaderLength"/>), as quoted headers are common. From the first chunk that does not qualify — a
/// quote, a lone <c>\r</c>, or a line longer than a chunk — the rest of the text is one chunk read by one parser, as a
/// single <see cref="CsvParser"/> would read it. This holds for the default RFC 4180 mode with <c>"</c> as quote and
/// escape and no fixed new-line string, which <see cref="UsageCsv"/> uses.</para>
/// <para>Each row's line is the lines before its chunk plus the chunk parser's <see cref="CsvParser.RawRow"/>, so
/// problems keep their file lines. An exception of the caller's reader or of a parser is thrown by <see cref="Next"/>
/// after the rows read before it. <see cref="Dispose"/> stops the workers and waits for them, so the caller's reader
/// is never read after the enumeration ends.</para>
/// </remarks>
/// <typeparam name="T">What a row is converted to.</typeparam>
internal sealed class ParallelCsvRows<T> : IDisposable
{
    /// <summary>Characters a chunk (about 2,700 rows of a usage CSV). A chunk's parser, converter and batches cost
    /// about as much as a hundred rows, so a chunk much smaller would spend a noticeable share on them.</summary>
    private const int ChunkChars = 1 << 18;

    /// <summary>Rows a batch: 512 usage entries (136 bytes each) stay under the large-object heap's 85,000 bytes.</summary>
    private const int BatchRows = 512;

    /// <summary>Batches of a chunk converted and not yet taken, at most: a whole chunk of ordinary rows fits, so a
    /// worker can finish its chunk while the caller is still on an earlier one.</summary>
    private const int QueuedBatches = 8;

    /// <summary>Worker threads at most: beyond a few, the caller's thread (pricing) is the bottleneck.</summary>
    private const int MaxWorkers = 4;

    /// <summary>Chunks cut and not yet taken by the caller, at most, a worker. On a machine shared with other work a
    /// thread that waits is not run again at once, so the workers need room to run ahead of the caller: 4 chunks a
    /// worker took 1.8–2.3 s for 2 million rows where 1 chunk a worker took 2.3–2.9 s (load average 17–20 on 2 cores).</summary>
    private const int ChunksAhead = 4;

    private readonly TextReader input;
    private readonly CsvConfiguration configuration;
    private readonly object gate = new();
    private readonly BlockingCollection<Chunk> order;
    private readonly ConcurrentQueue<Batch> freeBatches = new();
    private readonly CancellationTokenSource stop = new();
    private readonly List<Thread> workers = [];
    private Chunk? first;
    private Chunk? current;
    private Batch? taken;

    // Guarded by gate: the caller's reader and what has been cut from it.
    private char[]? carry;
    private int carryLength;
    private long linesBefore;
    private bool ended;

    /// <summary>Initializes a new instance; nothing is read until <see cref="ReadHeader"/>.</summary>
    /// <param name="input">The text; read only by this object until <see cref="Dispose"/>.</param>
    /// <param name="configuration">The parsers' configuration.</param>
    public ParallelCsvRows(TextReader input, CsvConfiguration configuration)
    {
        this.input = input;
        this.configuration = configuration;
        order = new BlockingCollection<Chunk>(new ConcurrentQueue<Chunk>(), (ChunksAhead * WorkerCount) + 1);
    }

    /// <summary>Converts the rows of one worker thread, which has a converter of its own.</summary>
    internal interface IRowConverter
    {
        /// <summary>Converts the parser's current row.</summary>
        /// <param name="parser">The parser, on the row.</param>
        /// <param name="line">The row's line in the file (1-based).</param>
        /// <param name="problems">An empty list to which the row's problems are added, each a whole message.</param>
        /// <returns>The value; ignored when a problem was added.</returns>
        T Convert(CsvParser parser, long line, List<string> problems);
    }

    private static int WorkerCount => Math.Clamp(Environment.ProcessorCount, 1, MaxWorkers);

    /// <summary>Reads the first row (the header) on the calling thread.</summary>
    /// <returns>The header's cells, or <see langword="null"/> when the text is empty.</returns>
    /// <exception cref="Exception">What the reader or the parser threw.</exception>
    public string[]? ReadHeader()
    {
        first = NextChunk();
        if (first is null)
        {
            return null;
        }

        first.Parser = new CsvParser(first.Reader(), configuration);
        if (first.Parser.Read())
        {
            return first.Parser.Record;
        }

        if (first.ReadFailure is { } failure)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return null;
    }

    /// <summary>Starts the workers on the rows after the header.</summary>
    /// <param name="converter">Makes one converter for each worker thread.</param>
    public void Start(Func<IRowConverter> converter)
    {
        var chunk = first!;
        first = null;
        order.Add(chunk);
        for (var i = 0; i < WorkerCount; i++)
        {
            var start = i == 0 ? chunk : null;
            var worker = new Thread(() => Work(start, converter())) { IsBackground = true, Name = "LlmTco CSV chunk" };
            workers.Add(worker);
            worker.Start();
        }
    }

    /// <summary>Takes the next batch of rows; the one taken before goes back to be refilled.</summary>
    /// <returns>The batch, or <see langword="null"/> at the end of the text.</returns>
    /// <exception cref="Exception">What the reader or a parser threw, as it threw it, after the rows before it.</exception>
    public Batch? Next()
    {
        if (taken is not null)
        {
            taken.Clear();
            freeBatches.Enqueue(taken);
            taken = null;
        }

        while (true)
        {
            if (current is null && !order.TryTake(out current, Timeout.Infinite))
            {
                return null;
            }

            if (current.Output.TryTake(out var batch, Timeout.Infinite))
            {
                taken = batch;
                return batch;
            }

            if (current.Failure is { } failure)
            {
                ExceptionDispatchInfo.Throw(failure);
            }

            // Not disposed: the worker's CompleteAdding may still be running after this thread saw it complete.
            current = null;
        }
    }

    /// <summary>Stops the workers and waits for them.</summary>
    public void Dispose()
    {
        stop.Cancel();
        foreach (var worker in workers)
        {
            worker.Join();
        }

        first?.Dispose();
        lock (gate)
        {
            Return(ref carry);
        }

        order.Dispose();
        stop.Dispose();
    }

    private static void Return(ref char[]? block)
    {
        if (block is not null)
        {
            ArrayPool<char>.Shared.Return(block);
            block = null;
        }
    }

    /// <summary>Gets the chunks cut at a line end so far (the chunks that could be read in parallel).</summary>
    internal int ChunksCut { get; private set; }

    /// <summary>
    /// The length of the first line of the text, its <c>\n</c> included, when that line is a well-formed record of quoted
    /// and unquoted cells (a quoted cell is <c>"</c>, characters or <c>""</c>, <c>"</c>, then a comma or the line's end;
    /// an unquoted cell has no <c>"</c>; no <c>\r</c> but one before the <c>\n</c>): the record ends at that <c>\n</c>,
    /// so quotes in a header do not keep the rest of the file off the cut. Else 0, and the whole chunk is checked.
    /// </summary>
    private static int HeaderLength(ReadOnlySpan<char> text)
    {
        var newLine = text.IndexOf('\n');
        if (newLine < 0)
        {
            return 0;
        }

        var line = text[..newLine];
        if (line.EndsWith('\r'))
        {
            line = line[..^1];
        }

        if (line.Contains('\r'))
        {
            return 0;
        }

        var i = 0;
        while (true)
        {
            if (i < line.Length && line[i] == '"')
            {
                // A quoted cell: up to the quote that is not doubled, which must end the cell.
                i++;
                while (true)
                {
                    var close = line[i..].IndexOf('"');
                    if (close < 0)
                    {
                        return 0;
                    }

                    i += close + 1;
                    if (i < line.Length && line[i] == '"')
                    {
                        i++;
                        continue;
                    }

                    break;
                }
            }
            else
            {
                var end = line[i..].IndexOfAny(',', '"');
                if (end >= 0 && line[i + end] == '"')
                {
                    return 0;
                }

                i = end < 0 ? line.Length : i + end;
            }

            if (i == line.Length)
            {
                return newLine + 1;
            }

            if (line[i] != ',')
            {
                return 0;
            }

            i++;
        }
    }

    /// <summary>Whether the text after a cut at this chunk's end starts a record: see the remarks.</summary>
    private static bool CanCutAfter(ReadOnlySpan<char> text)
    {
        int at;
        while ((at = text.IndexOfAny('"', '\r')) >= 0)
        {
            if (text[at] == '"' || at + 1 >= text.Length || text[at + 1] != '\n')
            {
                return false;
            }

            text = text[(at + 2)..];
        }

        return true;
    }

    private void Work(Chunk? chunk, IRowConverter converter)
    {
        var problems = new List<string>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                if (chunk is null)
                {
                    lock (gate)
                    {
                        chunk = NextChunk();
                        if (chunk is null)
                        {
                            order.CompleteAdding();
                            return;
                        }

                        order.Add(chunk, stop.Token);
                    }
                }

                Convert(chunk, converter, problems);
                chunk = null;
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed: the caller stopped reading.
        }
        finally
        {
            chunk?.Dispose();
        }
    }

    private void Convert(Chunk chunk, IRowConverter converter, List<string> problems)
    {
        var parser = chunk.Parser ??= new CsvParser(chunk.Reader(), configuration);
        var batch = RentBatch();
        try
        {
            while (parser.Read())
            {
                problems.Clear();
                var value = converter.Convert(parser, chunk.LinesBefore + parser.RawRow, problems);
                if (problems.Count == 0)
                {
                    batch.Values[batch.Count++] = value;
                }
                else
                {
                    batch.Problems.Add(new ProblemRow(batch.Count, [.. problems]));
                }

                if (batch.Count == BatchRows)
                {
                    chunk.Output.Add(batch, stop.Token);
                    batch = RentBatch();
                }
            }

            chunk.Failure = chunk.ReadFailure;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // Any exception of the reader, the parser or the converter is handed to the caller's thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            chunk.Failure = ex;
        }

        if (batch.Count > 0 || batch.Problems.Count > 0)
        {
            chunk.Output.Add(batch, stop.Token);
        }

        chunk.Dispose();
    }

    private Batch RentBatch() => freeBatches.TryDequeue(out var batch) ? batch : new Batch();

    /// <summary>Cuts the next chunk from the reader; called with <see cref="gate"/> held, or before the workers start.</summary>
    /// <returns>The chunk, or <see langword="null"/> when the text has ended.</returns>
    private Chunk? NextChunk()
    {
        if (ended)
        {
            return null;
        }

        var block = ArrayPool<char>.Shared.Rent(ChunkChars);
        var length = carryLength;
        carry?.AsSpan(0, carryLength).CopyTo(block);
        Return(ref carry);
        carryLength = 0;
        Exception? failure = null;
        var atEnd = false;
        try
        {
            while (length < block.Length)
            {
                var read = input.Read(block, length, block.Length - length);
                if (read == 0)
                {
                    atEnd = true;
                    break;
                }

                length += read;
            }
        }
#pragma warning disable CA1031 // The reader's exception is thrown on the caller's thread after the rows before it.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
        }

        var chunk = new Chunk(block, length, linesBefore);
        if (failure is not null)
        {
            // The rows on complete lines, then the reader's exception, as a parser reading on would have stopped.
            ended = true;
            chunk.Length = block.AsSpan(0, length).LastIndexOf('\n') + 1;
            chunk.ReadFailure = failure;
            return chunk;
        }

        if (atEnd)
        {
            ended = true;
            return chunk.Length == 0 ? chunk.DisposeAndNull() : chunk;
        }

        var cut = block.AsSpan(0, length).LastIndexOf('\n') + 1;
        var checkedFrom = linesBefore == 0 ? HeaderLength(block.AsSpan(0, cut)) : 0;
        if (cut == 0 || !CanCutAfter(block.AsSpan(checkedFrom, cut - checkedFrom)))
        {
            // No safe cut: the rest of the text is this chunk, read on by one parser.
            ended = true;
            chunk.Rest = input;
            return chunk;
        }

        ChunksCut++;
        chunk.Length = cut;
        carryLength = length - cut;
        carry = ArrayPool<char>.Shared.Rent(Math.Max(carryLength, 1));
        block.AsSpan(cut, carryLength).CopyTo(carry);
        linesBefore += block.AsSpan(0, cut).Count('\n');
        return chunk;
    }

    /// <summary>A row with problems, after <paramref name="ValuesBefore"/> values of its batch.</summary>
    /// <param name="ValuesBefore">The batch's values read before the row.</param>
    /// <param name="Messages">The row's problems.</param>
    internal readonly record struct ProblemRow(int ValuesBefore, string[] Messages);

    /// <summary>Up to <see cref="BatchRows"/> converted rows and the rows with problems between them, in file order.</summary>
    internal sealed class Batch
    {
        /// <summary>Gets the values; the first <see cref="Count"/> are filled.</summary>
        public T[] Values { get; } = new T[BatchRows];

        /// <summary>Gets or sets the values filled.</summary>
        public int Count { get; set; }

        /// <summary>Gets the rows with problems, in file order.</summary>
        public List<ProblemRow> Problems { get; } = [];

        /// <summary>Empties the batch for reuse.</summary>
        public void Clear()
        {
            Count = 0;
            Problems.Clear();
        }
    }

    /// <summary>A run of whole lines of the text (or, with <see cref="Rest"/>, all of the text from here on).</summary>
    private sealed class Chunk(char[] block, int length, long linesBefore) : IDisposable
    {
        private char[]? block = block;

        public int Length { get; set; } = length;

        /// <summary>Gets the lines of the text before the chunk.</summary>
        public long LinesBefore { get; } = linesBefore;

        /// <summary>Gets or sets the caller's reader, read on after the block when the text could not be cut.</summary>
        public TextReader? Rest { get; set; }

        /// <summary>Gets or sets the reader's exception after the block, thrown after its rows.</summary>
        public Exception? ReadFailure { get; set; }

        /// <summary>Gets or sets the parser of the chunk; the first chunk's has read the header.</summary>
        public CsvParser? Parser { get; set; }

        /// <summary>Gets the converted rows, in order; completed when the chunk is done. Never disposed (it holds no
        /// handle until one is asked for): disposing it could race with the worker's <c>CompleteAdding</c>.</summary>
        public BlockingCollection<Batch> Output { get; } = new(new ConcurrentQueue<Batch>(), QueuedBatches);

        /// <summary>Gets or sets what the chunk's reading ended with; set before <see cref="Output"/> completes.</summary>
        public Exception? Failure { get; set; }

        public TextReader Reader() => new BlockReader(block!, Length, Rest);

        public Chunk? DisposeAndNull()
        {
            Dispose();
            return null;
        }

        /// <summary>Releases the parser and the block; completes <see cref="Output"/>.</summary>
        public void Dispose()
        {
            Parser?.Dispose();
            Parser = null;
            Return(ref this.block);
            Output.CompleteAdding();
        }
    }

    /// <summary>Reads a block's characters, then optionally another reader (left open).</summary>
    private sealed class BlockReader(char[] block, int length, TextReader? rest) : TextReader
    {
        private int position;

        public override int Peek() => position < length ? block[position] : rest?.Peek() ?? -1;

        public override int Read() => position < length ? block[position++] : rest?.Read() ?? -1;

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            if (position < length)
            {
                var n = Math.Min(buffer.Length, length - position);
                block.AsSpan(position, n).CopyTo(buffer);
                position += n;
                return n;
            }

            return rest?.Read(buffer) ?? 0;
        }
    }
}
