using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using CsvHelper;

namespace LlmTco.Usage;

/// <summary>
/// Runs a <see cref="CsvParser"/> on a thread of its own and hands its rows' cells over in batches, in file order, so
/// that splitting a large file into cells (CsvHelper) and converting, checking and pricing them (the caller) use two
/// cores. At most <see cref="InFlight"/> + 2 batches exist at once, reused: memory does not grow with the file.
/// </summary>
/// <remarks>
/// The parser belongs to this object's thread from construction until <see cref="Dispose"/>, which stops the thread
/// and waits for it, so the caller's reader is never read after the enumeration ends. An exception of the parser or
/// the reader (an I/O error) is thrown by <see cref="Next"/> after the batches read before it.
/// </remarks>
internal sealed class CsvCellBatches : IDisposable
{
    /// <summary>Rows a batch. Few cells in flight keep the garbage collector's work small (the cells of batches not yet
    /// converted survive a collection): 1,024 rows and 4 batches in flight took 30 % more processor time in all than
    /// 256 rows and 2; 128 rows spent the gain on handing over.</summary>
    private const int BatchRows = 256;

    /// <summary>Batches filled and not yet taken, at most.</summary>
    private const int InFlight = 2;

    private readonly CsvParser parser;
    private readonly int width;
    private readonly BlockingCollection<Batch> full = new(InFlight);
    private readonly ConcurrentQueue<Batch> free = new();
    private readonly CancellationTokenSource stop = new();
    private readonly Thread thread;
    private volatile Exception? failure;
    private Batch? current;

    /// <summary>Initializes a new instance and starts reading.</summary>
    /// <param name="parser">The parser, positioned after the header; used only by this object's thread from now on.</param>
    /// <param name="width">The header's number of cells: a row's cells are kept when it has exactly this many.</param>
    public CsvCellBatches(CsvParser parser, int width)
    {
        this.parser = parser;
        this.width = width;
        thread = new Thread(Produce) { IsBackground = true, Name = "LlmTco CSV cells" };
        thread.Start();
    }

    /// <summary>Takes the next batch; the one taken before goes back to be refilled.</summary>
    /// <returns>The batch, or <see langword="null"/> at the end of the file.</returns>
    /// <exception cref="Exception">What the parser or the reader threw, as it threw it.</exception>
    public Batch? Next()
    {
        if (current is not null)
        {
            free.Enqueue(current);
            current = null;
        }

        if (full.TryTake(out var batch, Timeout.Infinite))
        {
            current = batch;
            return batch;
        }

        if (failure is not null)
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return null;
    }

    /// <summary>Stops the reading thread and waits for it.</summary>
    public void Dispose()
    {
        stop.Cancel();
        thread.Join();
        full.Dispose();
        stop.Dispose();
    }

    private void Produce()
    {
        try
        {
            var more = true;
            while (more && !stop.IsCancellationRequested)
            {
                if (!free.TryDequeue(out var batch))
                {
                    batch = new Batch(width);
                }

                more = Fill(batch);
                if (batch.Rows > 0)
                {
                    full.Add(batch, stop.Token);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Disposed before the end of the file: the consumer stopped reading.
        }
        finally
        {
            full.CompleteAdding();
        }
    }

    /// <summary>Fills a batch with the next rows.</summary>
    /// <returns>Whether the file may have more rows: <see langword="false"/> at its end or when reading failed (the
    /// rows before the failure are in the batch, as the caller would have seen them reading row by row).</returns>
    private bool Fill(Batch batch)
    {
        var rows = 0;
        try
        {
            while (rows < BatchRows)
            {
                if (!parser.Read())
                {
                    return false;
                }

                var count = parser.Count;
                batch.Lines[rows] = parser.RawRow;
                batch.Counts[rows] = count;
                if (count == width)
                {
                    var first = rows * width;
                    for (var i = 0; i < width; i++)
                    {
                        batch.Cells[first + i] = parser[i];
                    }
                }

                rows++;
            }

            return true;
        }
#pragma warning disable CA1031 // Any exception of the parser or the reader is handed to the consumer's thread.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            failure = ex;
            return false;
        }
        finally
        {
            batch.Rows = rows;
        }
    }

    /// <summary>Up to <see cref="BatchRows"/> rows of cells, row after row.</summary>
    internal sealed class Batch(int width)
    {
        /// <summary>Gets the cells, <c>width</c> a row; a row of another width has none.</summary>
        public string[] Cells { get; } = new string[BatchRows * width];

        /// <summary>Gets each row's line in the file (CsvHelper's raw row, 1-based).</summary>
        public int[] Lines { get; } = new int[BatchRows];

        /// <summary>Gets each row's number of cells.</summary>
        public int[] Counts { get; } = new int[BatchRows];

        /// <summary>Gets or sets the rows filled.</summary>
        public int Rows { get; set; }
    }
}
