using System.Globalization;
using System.Reflection;
using System.Runtime.Loader;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace LlmTco.Tests.Docs;

/// <summary>Snippets change the process's current folder and console, so they run alone, after the parallel tests.</summary>
[CollectionDefinition(nameof(DocSnippetCollection), DisableParallelization = true)]
public sealed class DocSnippetCollection;

/// <summary>
/// Docs that compile: every <c>```csharp</c> block of README.md and docs/*.md is compiled as pasted into a fresh
/// <c>dotnet new console</c> app (C# 14, nullable on, the console template's implicit usings) that references the
/// package and its dependencies only, and fails on any error or warning. A block followed by a paragraph saying it
/// "prints" and a <c>```text</c> block is then run, and must print exactly that text. The run happens in a fresh
/// folder holding copies of the repository's <c>pricing-data/</c> and the sample app's <c>Scenarios/</c> and
/// <c>UsageExports/</c> (at their repository paths, as in a clone), plus every block of the same document whose
/// paragraph says "save this as `name`", written to that name; the culture is en-US, as a reader's console would be.
/// </summary>
[Collection(nameof(DocSnippetCollection))]
public sealed partial class DocSnippetTests
{
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp14);

    public static TheoryData<string, int> Snippets
    {
        get
        {
            var data = new TheoryData<string, int>();
            foreach (var doc in Documents())
            {
                foreach (var snippet in MarkdownBlocks.Read(doc).Snippets)
                {
                    data.Add(doc, snippet.Line);
                }
            }

            return data;
        }
    }

    [Fact]
    public void Docs_HoldTheSnippetsThisTestRuns()
    {
        // Given the README's blocks
        var readme = MarkdownBlocks.Read("README.md");

        // Then the README has a C# example, and it is run against the output the README states under it
        readme.Snippets.Should().NotBeEmpty("the README's example is C#");
        readme.Snippets.Should().Contain(s => s.ExpectedOutput != null, "the README's example states what it prints");
        readme.Files.Should().ContainKey("my-scenario.json", "the README's example scenario is saved to the file the C# loads");
    }

    [Theory]
    [MemberData(nameof(Snippets))]
    public async Task Snippet_CompilesAsPasted_AndPrintsWhatTheDocSays(string document, int line)
    {
        // Given the block at that line of the document, and the files the document tells the reader to save
        var blocks = MarkdownBlocks.Read(document);
        var snippet = blocks.Snippets.Single(s => s.Line == line);

        // When it is compiled as a console app's Program.cs
        var compilation = CSharpCompilation.Create(
            "Snippet",
            [
                CSharpSyntaxTree.ParseText(ImplicitUsings, ParseOptions, path: "GlobalUsings.cs"),
                CSharpSyntaxTree.ParseText(snippet.Code, ParseOptions, path: "Program.cs"),
            ],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);

        // Then it compiles with no error and no warning (reported at the document's line)
        var problems = emitted.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{document}:{line + d.Location.GetLineSpan().StartLinePosition.Line + 1}: {d.Id}: {d.GetMessage(CultureInfo.InvariantCulture)}")
            .ToList();
        problems.Should().BeEmpty($"the C# block at {document}:{line} must compile as pasted");
        emitted.Success.Should().BeTrue();

        // And, when the document states its output, running it prints exactly that
        if (snippet.ExpectedOutput is null)
        {
            return;
        }

        var printed = await RunAsync(image, blocks.Files);
        Normalise(printed).Should().Be(Normalise(snippet.ExpectedOutput), $"{document}:{line} prints what the document says under it; it printed:\n{printed}");
    }

    private static IEnumerable<string> Documents()
    {
        yield return "README.md";
        foreach (var doc in Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            yield return Path.GetRelativePath(RepositoryRoot.Path, doc).Replace('\\', '/');
        }
    }

    private static async Task<string> RunAsync(MemoryStream image, IReadOnlyDictionary<string, string> files)
    {
        var work = Directory.CreateTempSubdirectory("llmtco-snippet-").FullName;
        CopyFolder(RepositoryRoot.PricingData, Path.Combine(work, "pricing-data"));
        foreach (var folder in new[] { "Scenarios", "UsageExports" })
        {
            CopyFolder(Path.Combine(RepositoryRoot.Path, "samples", "LlmTco.Samples", folder), Path.Combine(work, "samples", "LlmTco.Samples", folder));
        }

        foreach (var (name, text) in files)
        {
            var path = Path.Combine(work, name);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            await File.WriteAllTextAsync(path, text + "\n");
        }

        var context = new AssemblyLoadContext("snippet", isCollectible: true);
        var output = new StringWriter(CultureInfo.InvariantCulture);
        var (previousOut, previousFolder, previousCulture) = (Console.Out, Environment.CurrentDirectory, CultureInfo.CurrentCulture);
        try
        {
            image.Position = 0;
            var entry = context.LoadFromStream(image).EntryPoint!;
            Console.SetOut(output);
            Environment.CurrentDirectory = work;
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("en-US");
            var returned = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            if (returned is Task task)
            {
                await task;
            }
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            throw new InvalidOperationException($"the snippet threw; it printed:\n{output}", e.InnerException);
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousFolder;
            CultureInfo.CurrentCulture = previousCulture;
            context.Unload();
            Directory.Delete(work, recursive: true);
        }

        return output.ToString();
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }

    private static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd();

    /// <summary>
    /// What a reader's app compiles against: the shared framework, the package and the packages it depends on (plus
    /// Microsoft.Extensions' configuration and DI, which a host app has), not the test or sample assemblies.
    /// </summary>
    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(() =>
    {
        var framework = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var package = new[] { "LlmTco.dll", "CsvHelper.dll", "MathNet.Numerics.dll" };
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(path => Path.GetDirectoryName(path) == framework
                || package.Contains(Path.GetFileName(path), StringComparer.Ordinal)
                || Path.GetFileName(path).StartsWith("Microsoft.Extensions.", StringComparison.Ordinal))
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToList();
    });

    /// <summary>A document's fenced blocks: C# snippets with their stated output, and files the reader saves.</summary>
    private sealed partial record MarkdownBlocks(IReadOnlyList<Snippet> Snippets, IReadOnlyDictionary<string, string> Files)
    {
        public static MarkdownBlocks Read(string document)
        {
            var lines = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, document));
            var blocks = new List<(string Language, int Line, string Text, string Paragraph)>();
            for (var i = 0; i < lines.Length; i++)
            {
                if (!lines[i].StartsWith("```", StringComparison.Ordinal))
                {
                    continue;
                }

                // The paragraph above the block, past the blank lines between them.
                var paragraph = new List<string>();
                var above = i - 1;
                while (above >= 0 && lines[above].Trim().Length == 0)
                {
                    above--;
                }

                for (var p = above; p >= 0 && lines[p].Trim().Length > 0 && !lines[p].StartsWith("```", StringComparison.Ordinal); p--)
                {
                    paragraph.Insert(0, lines[p]);
                }

                var end = Array.FindIndex(lines, i + 1, l => l.StartsWith("```", StringComparison.Ordinal));
                end.Should().BeGreaterThan(i, $"the block at {document}:{i + 1} is closed");
                blocks.Add((lines[i][3..].Trim(), i + 1, string.Join('\n', lines[(i + 1)..end]), string.Join(' ', paragraph)));
                i = end;
            }

            var snippets = new List<Snippet>();
            var files = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var b = 0; b < blocks.Count; b++)
            {
                var saveAs = SaveAs().Match(blocks[b].Paragraph);
                if (saveAs.Success)
                {
                    files[saveAs.Groups["name"].Value] = blocks[b].Text;
                }

                if (blocks[b].Language is "csharp" or "cs" or "c#")
                {
                    var next = b + 1 < blocks.Count ? blocks[b + 1] : default;
                    var states = next.Language == "text" && next.Paragraph.Contains("prints", StringComparison.OrdinalIgnoreCase);
                    snippets.Add(new Snippet(blocks[b].Line, blocks[b].Text, states ? next.Text : null));
                }
            }

            return new MarkdownBlocks(snippets, files);
        }

        [GeneratedRegex("save (?:this|it) as `(?<name>[^`]+)`", RegexOptions.IgnoreCase)]
        private static partial Regex SaveAs();
    }

    private sealed record Snippet(int Line, string Code, string? ExpectedOutput);
}
