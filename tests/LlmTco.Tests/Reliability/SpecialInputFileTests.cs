using System.Diagnostics;
using LlmTco.Pricing;
using LlmTco.Samples;

namespace LlmTco.Tests.Reliability;

/// <summary>
/// Inputs must be regular files (issue 20, item 5): a FIFO, a device or a file above the limit given to any command that
/// reads a file is an error naming it, before anything blocks or is read. Opening a FIFO for reading blocks until a
/// writer comes, so each command runs with a deadline and the FIFO is opened for writing to free it if the deadline
/// passes. FIFOs and <c>/dev/zero</c> are Linux cases; elsewhere these tests check the size limit alone.
/// </summary>
public sealed class SpecialInputFileTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("llmtco-special-").FullName;

    public static TheoryData<string, string[]> Commands => new()
    {
        { "scenario.json", ["run", "{0}", "--no-charts"] },
        { "litellm.json", ["import-prices", "--from", "litellm", "{0}"] },
        { "genai-prices.json", ["import-prices", "--from", "genai-prices", "{0}"] },
        { "data.json", ["compare-prices", "--with", "genai-prices", "{0}", "--date", "2025-07-01"] },
        { "openai-usage.json", ["usage", "{0}"] },
        { "requests.csv", ["usage", "{0}"] },
    };

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_InputIsAFifo_IsAnErrorNamingItWithoutBlocking(string name, string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Given a FIFO where the command expects a file: nothing will ever write to it
        var fifo = MakeFifo(name);

        // When the command is run with it
        var (exit, stdout, stderr) = await RunWithDeadline(fifo, [.. args.Select(a => a.Replace("{0}", fifo, StringComparison.Ordinal))]);

        // Then it is refused before it is opened (which would block), naming it: exit 1 (invalid data), nothing printed
        exit.Should().Be(1, stderr);
        stdout.Should().BeEmpty();
        stderr.Should().Contain($"'{fifo}' is a FIFO (named pipe), not a regular file; an input must be a file (save the data to one first)");
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Command_InputIsACharacterDevice_IsAnErrorNamingIt(string name, string[] args)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Given /dev/zero, which reports a size of 0 and never ends (the name decides nothing here)
        _ = name;
        const string device = "/dev/zero";

        // When
        var (exit, _, stderr) = await RunWithDeadline(null, [.. args.Select(a => a.Replace("{0}", device, StringComparison.Ordinal))]);

        // Then it is refused as a device, not read until memory runs out
        exit.Should().Be(1, stderr);
        stderr.Should().Contain("'/dev/zero' is a character device, not a regular file");
    }

    [Theory]
    [InlineData("litellm.json", "import-prices", "--from", "litellm")]
    [InlineData("openai-usage.json", "usage")]
    [InlineData("scenario.json", "run")]
    public async Task Command_JsonInputOf4GiB_IsRefusedAtTheLimitBeforeItIsRead(string name, params string[] command)
    {
        // Given a JSON input of 4 GiB (sparse: no disk is used), above the 256 MiB limit of a file read whole
        var big = Path.Combine(folder, name);
        using (var file = File.Create(big))
        {
            file.SetLength(4L << 30);
        }

        // When
        var (exit, _, stderr) = await RunWithDeadline(null, [.. command, big]);

        // Then
        exit.Should().Be(1, stderr);
        stderr.Should().Contain($"'{big}' is larger than 256 MiB, the limit for an input file");
    }

    [Fact]
    public void RefuseUnlessRegular_LargeFileWithoutLimit_IsAccepted()
    {
        // Given a per-request usage CSV of 300 MiB (sparse), above the limit of a file read whole: a CSV of 10 million
        // requests is gigabytes and is read as a stream, so it has no size limit
        var csv = Path.Combine(folder, "requests.csv");
        using (var file = File.Create(csv))
        {
            file.SetLength(300L << 20);
        }

        // When / Then
        var withoutLimit = () => InputFile.RefuseUnlessRegular(csv, maxBytes: null);
        var withLimit = () => InputFile.RefuseUnlessRegular(csv);
        withoutLimit.Should().NotThrow();
        withLimit.Should().Throw<IOException>().WithMessage($"'{csv}' is larger than 256 MiB*");
    }

    [Fact]
    public async Task PricingFolder_TableIsAFifo_IsOneErrorNamingIt()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Given a valid folder of tables whose pue_figures.csv is a FIFO
        foreach (var (file, text) in TestTables.Valid())
        {
            if (file != "pue_figures.csv")
            {
                File.WriteAllText(Path.Combine(folder, file), text);
            }
        }

        var fifo = MakeFifo("pue_figures.csv");

        // When
        var validation = Task.Run(() => PricingCatalog.Validate(PricingSource.Folder(folder)));
        var finished = await Task.WhenAny(validation, Task.Delay(TimeSpan.FromSeconds(60))) == validation;
        Release(finished, fifo);

        // Then one error names the table and says what it is
        finished.Should().BeTrue("the FIFO must not be opened");
        var error = (await validation).Errors.Should().ContainSingle().Subject;
        (error.File, error.Line).Should().Be((fifo, 0));
        error.Message.Should().Contain("is a FIFO (named pipe), not a regular file");
    }

    [Fact]
    public void RefuseUnlessRegular_Directory_SaysItIsADirectory()
    {
        var act = () => InputFile.RefuseUnlessRegular(folder);

        act.Should().Throw<IOException>().WithMessage($"'{folder}' is a directory, not a regular file*");
    }

    [Fact]
    public void RefuseUnlessRegular_UnixSocket_SaysItIsASocket()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Given a Unix domain socket bound to a path in the folder
        var path = Path.Combine(folder, "usage.sock");
        using var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.Unix, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Unspecified);
        socket.Bind(new System.Net.Sockets.UnixDomainSocketEndPoint(path));

        // When / Then
        var act = () => InputFile.RefuseUnlessRegular(path);
        act.Should().Throw<IOException>().WithMessage($"'{path}' is a socket, not a regular file*");
    }

    [Fact]
    public void RefuseUnlessRegular_SymbolicLinkToAFile_FollowsItAndAccepts()
    {
        // Given a link to a small regular file: the file it names is what is read
        var target = Path.Combine(folder, "scenario.json");
        File.WriteAllText(target, "{}");
        var link = Path.Combine(folder, "link.json");
        File.CreateSymbolicLink(link, target);

        // When / Then
        var act = () => InputFile.RefuseUnlessRegular(link);
        act.Should().NotThrow();
        InputFile.ReadAllText(link).Should().Be("{}");
    }

    private static void Release(bool finished, string fifo)
    {
        // A reader stuck in open(2) is freed by a writer.
        if (!finished)
        {
            using var writer = new FileStream(fifo, FileMode.Open, FileAccess.Write);
        }
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> RunWithDeadline(string? fifo, string[] args)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        var run = Task.Run(() => SampleApp.RunAsync(args, stdout, stderr));
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(60))) == run;
        if (fifo is not null)
        {
            Release(finished, fifo);
        }

        finished.Should().BeTrue("the command must refuse the input, not block on it");
        return (await run, stdout.ToString(), stderr.ToString());
    }

    private string MakeFifo(string name)
    {
        var path = Path.Combine(folder, name);
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })!;
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0, "mkfifo makes the FIFO");
        return path;
    }
}
