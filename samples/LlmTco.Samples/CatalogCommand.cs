using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using Spectre.Console;

namespace LlmTco.Samples;

/// <summary>
/// <c>catalog [api|gpus|rentals|models|benchmarks] [filters] [--json]</c>: with no subcommand, a summary of the bundled
/// tables; with one, the ids a scenario can name (API provider and model, GPU, rental provider and plan, open model,
/// benchmark), one row each, as aligned columns or as a JSON array.
/// </summary>
internal static class CatalogCommand
{
    private const string Synopsis = "catalog [api [--provider <p>] | gpus | rentals [--gpu <g>] [--provider <p>] | models | benchmarks [--model <m>]] [--json]";

    private const string JsonDescription = "Print the list as a JSON array.";

    public static AppCommand Create(TextWriter stdout, TextWriter stderr)
    {
        string[] lists = ["api", "gpus", "rentals", "models", "benchmarks"];
        var command = new AppCommand(
            "catalog",
            "Summarise the bundled pricing catalog; with a list, what a scenario can name, one row each.",
            Synopsis,
            sub => $"unknown catalog list '{sub}'{CommandLineChecks.DidYouMeanOrStop(sub!, lists.Where(c => char.ToUpperInvariant(c[0]) == char.ToUpperInvariant(sub!.FirstOrDefault())))} Lists: {string.Join(", ", lists)}");
        command.SetAction(_ => Summary(stdout));

        var provider = CommandOptions.Text("--provider", "p", "Only this provider (any case).");
        command.Subcommands.Add(List("api", "API providers and models, with aliases and the latest prices.", r => Api(PricingCatalog.Default, r.GetValue(provider)), provider));
        command.Subcommands.Add(List("gpus", "GPU ids with their memory, speed, power and purchase price.", _ => Gpus(PricingCatalog.Default)));
        var gpu = CommandOptions.Text("--gpu", "g", "Only this GPU (any case).");
        var rentalProvider = CommandOptions.Text("--provider", "p", "Only this provider (any case).");
        command.Subcommands.Add(List("rentals", "GPU rental offers: provider, plan, region and price per GPU-hour.", r => Rentals(PricingCatalog.Default, r.GetValue(gpu), r.GetValue(rentalProvider)), gpu, rentalProvider));
        command.Subcommands.Add(List("models", "Open models with their aliases, size and context length.", _ => Models(PricingCatalog.Default)));
        var model = CommandOptions.Text("--model", "m", "Only this model (any case).");
        command.Subcommands.Add(List("benchmarks", "Throughput benchmarks by model, GPU and precision.", r => Benchmarks(PricingCatalog.Default, r.GetValue(model)), model));
        return command;

        AppCommand List(string name, string description, Func<ParseResult, Listing> list, params Option[] filters)
        {
            var json = CommandOptions.Flag("--json", JsonDescription);
            var sub = new AppCommand(name, description, Synopsis, extra => $"catalog {name} takes no argument '{extra}'");
            foreach (var filter in filters)
            {
                sub.Options.Add(filter);
            }

            sub.Options.Add(json);
            sub.SetAction(r => Write(list(r), r.GetValue(json), stdout, stderr));
            return sub;
        }
    }

    private static int Write(Listing list, bool json, TextWriter stdout, TextWriter stderr)
    {
        if (list.Error is not null)
        {
            stderr.WriteLine($"error: {list.Error}.");
            return SampleApp.Failure;
        }

        if (json)
        {
            WriteJson(list, stdout);
        }
        else
        {
            WriteColumns(list, stdout);
        }

        return SampleApp.Success;
    }

    /// <summary>The API price rows in force at the end of each price history (the latest per provider, model, tier and context tier).</summary>
    private static Listing Api(PricingCatalog catalog, string? provider)
    {
        var rows = catalog.ApiPrices
            .GroupBy(p => (p.Provider, p.ModelId, p.ServiceTier, p.ContextThresholdTokens))
            .Select(g => g.MaxBy(p => p.EffectiveFrom)!)
            .OrderBy(p => p.Provider, StringComparer.OrdinalIgnoreCase).ThenBy(p => p.ModelId, StringComparer.OrdinalIgnoreCase)
            .ThenBy(p => p.ServiceTier).ThenBy(p => p.ContextThresholdTokens)
            .ToList();
        var error = Filter(ref rows, provider, p => p.Provider, "provider", "--provider");
        return new Listing(
            error,
            [
                new("provider", "provider"),
                new("model", "modelId"),
                new("aliases", "aliases"),
                new("tier", "serviceTier"),
                new("above tokens", "contextThresholdTokens"),
                new("from", "effectiveFrom"),
                new("input /1M", "inputPricePerMillionTokens"),
                new("output /1M", "outputPricePerMillionTokens"),
                new("currency", "currency"),
            ],
            rows.Select(p => new object?[]
            {
                p.Provider, p.ModelId, p.Aliases, Words.ToWord(p.ServiceTier), p.ContextThresholdTokens, p.EffectiveFrom,
                p.InputPricePerMillionTokens, p.OutputPricePerMillionTokens, p.Currency,
            }).ToList(),
            "A scenario names these as apiOptions[].provider and apiOptions[].model (the model id or an alias).");
    }

    private static Listing Gpus(PricingCatalog catalog) => new(
        null,
        [
            new("gpu", "gpuModel"),
            new("vendor", "vendor"),
            new("memory GB", "memoryGb"),
            new("TB/s", "memoryBandwidthTbPerSecond"),
            new("BF16 TFLOPS", "bf16DenseTflops"),
            new("TDP W", "tdpWatts"),
            new("price per GPU", "purchasePricePerGpu"),
            new("currency", "purchaseCurrency"),
        ],
        catalog.Gpus.OrderBy(g => g.GpuModel, StringComparer.OrdinalIgnoreCase).Select(g => new object?[]
        {
            g.GpuModel, g.Vendor, g.MemoryGb, g.MemoryBandwidthTbPerSecond, g.Bf16DenseTflops, g.TdpWatts, g.PurchasePricePerGpu, g.PurchaseCurrency,
        }).ToList(),
        "A scenario names these as selfHostedOptions[].gpu; a GPU with a price can be owned.");

    private static Listing Rentals(PricingCatalog catalog, string? gpu, string? provider)
    {
        var rows = catalog.GpuRentalOffers
            .OrderBy(o => o.Provider, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.GpuModel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(o => o.Plan).ThenBy(o => o.Region, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.EffectiveFrom)
            .ToList();
        var error = Filter(ref rows, gpu, o => o.GpuModel, "GPU", "--gpu") ?? Filter(ref rows, provider, o => o.Provider, "provider", "--provider");
        return new Listing(
            error,
            [
                new("provider", "provider"),
                new("gpu", "gpuModel"),
                new("plan", "plan"),
                new("region", "region"),
                new("sku", "sku"),
                new("GPUs", "gpusPerInstance"),
                new("from", "effectiveFrom"),
                new("per GPU-hour", "pricePerGpuHour"),
                new("currency", "currency"),
            ],
            rows.Select(o => new object?[]
            {
                o.Provider, o.GpuModel, Words.ToWord(o.Plan), o.Region, o.Sku, o.GpusPerInstance, o.EffectiveFrom, o.PricePerGpuHour, o.Currency,
            }).ToList(),
            "A scenario names these as selfHostedOptions[].gpu and rented.provider, rented.plan, rented.region.");
    }

    private static Listing Models(PricingCatalog catalog) => new(
        null,
        [
            new("model", "modelId"),
            new("aliases", "aliases"),
            new("architecture", "architecture"),
            new("total B", "totalParametersBillions"),
            new("active B", "activeParametersBillions"),
            new("context tokens", "contextLengthTokens"),
            new("licence", "licence"),
        ],
        catalog.OpenModels.OrderBy(m => m.ModelId, StringComparer.OrdinalIgnoreCase).Select(m => new object?[]
        {
            m.ModelId, m.Aliases, Words.ToWord(Words.Architectures, m.Architecture), m.TotalParametersBillions, m.ActiveParametersBillions,
            m.ContextLengthTokens, m.Licence,
        }).ToList(),
        "A scenario names these as selfHostedOptions[].model (the model id or an alias).");

    private static Listing Benchmarks(PricingCatalog catalog, string? model)
    {
        var rows = catalog.ThroughputBenchmarks
            .OrderBy(b => b.ModelId, StringComparer.OrdinalIgnoreCase).ThenBy(b => b.GpuModel, StringComparer.OrdinalIgnoreCase)
            .ThenBy(b => b.Precision).ThenBy(b => b.GpusPerReplica).ThenBy(b => b.Concurrency)
            .ToList();
        // Scenarios name models by id or alias: an alias filters by its model's id.
        var open = model is null ? null : catalog.OpenModels.FirstOrDefault(m => m.Aliases.Contains(model, StringComparer.OrdinalIgnoreCase));
        var error = Filter(ref rows, open?.ModelId ?? model, b => b.ModelId, "model", "--model");
        return new Listing(
            error,
            [
                new("model", "modelId"),
                new("gpu", "gpuModel"),
                new("precision", "precision"),
                new("GPUs/replica", "gpusPerReplica"),
                new("engine", "engine"),
                new("in tokens", "inputTokens"),
                new("out tokens", "outputTokens"),
                new("concurrency", "concurrency"),
                new("output tok/s per replica", "outputTokensPerSecondPerReplica"),
            ],
            rows.Select(b => new object?[]
            {
                b.ModelId, b.GpuModel, Words.ToWord(b.Precision), b.GpusPerReplica, b.Engine, b.InputTokens, b.OutputTokens, b.Concurrency,
                b.OutputTokensPerSecondPerReplica,
            }).ToList(),
            "A self-hosted option with this model, GPU and precision takes its throughput from the nearest row; without one it is estimated.");
    }

    /// <summary>Keeps the rows whose key equals the filter in any case; a filter that matches nothing is an error with a suggestion.</summary>
    private static string? Filter<T>(ref List<T> rows, string? wanted, Func<T, string> key, string what, string option)
    {
        if (wanted is null)
        {
            return null;
        }

        var known = rows.Select(key).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToList();
        rows = rows.Where(r => string.Equals(key(r), wanted, StringComparison.OrdinalIgnoreCase)).ToList();
        if (rows.Count > 0)
        {
            return null;
        }

        return $"{option}: no {what} '{wanted}' in this list{CommandLineChecks.DidYouMeanOrStop(wanted, known)} Known: {string.Join(", ", known)}";
    }

    private static void WriteColumns(Listing list, TextWriter stdout)
    {
        var cells = list.Rows.Select(r => r.Select(Text).ToArray()).ToList();
        var widths = list.Columns.Select((c, i) => Math.Max(c.Header.Length, cells.Count == 0 ? 0 : cells.Max(r => r[i].Length))).ToArray();
        stdout.WriteLine(Line(list.Columns.Select(c => c.Header).ToArray()));
        stdout.WriteLine(Line(widths.Select(w => new string('-', w)).ToArray()));
        foreach (var row in cells)
        {
            stdout.WriteLine(Line(row));
        }

        stdout.WriteLine();
        stdout.WriteLine($"{cells.Count.ToString(CultureInfo.InvariantCulture)} rows. {list.Note}");

        string Line(string[] values) => string.Join("  ", values.Select((v, i) => v.PadRight(widths[i]))).TrimEnd();
    }

    private static string Text(object? value) => value switch
    {
        null => "-",
        IReadOnlyList<string> list => list.Count == 0 ? "-" : string.Join(", ", list),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable number => number.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static void WriteJson(Listing list, TextWriter stdout)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartArray();
            foreach (var row in list.Rows)
            {
                json.WriteStartObject();
                for (var i = 0; i < row.Length; i++)
                {
                    json.WritePropertyName(list.Columns[i].JsonName);
                    switch (row[i])
                    {
                        case null: json.WriteNullValue(); break;
                        case string s: json.WriteStringValue(s); break;
                        case IReadOnlyList<string> l:
                            json.WriteStartArray();
                            foreach (var item in l)
                            {
                                json.WriteStringValue(item);
                            }

                            json.WriteEndArray();
                            break;
                        case DateOnly d: json.WriteStringValue(d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)); break;
                        case decimal m: json.WriteNumberValue(m); break;
                        case long n: json.WriteNumberValue(n); break;
                        case int n: json.WriteNumberValue(n); break;
                        default: json.WriteStringValue(Text(row[i])); break;
                    }
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        stdout.WriteLine(System.Text.Encoding.UTF8.GetString(stream.ToArray()));
    }

    private static int Summary(TextWriter stdout)
    {
        var catalog = PricingCatalog.Default;
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout) });
        var table = new Table().Title("Bundled pricing catalog").AddColumns("Table", "Rows", "What it holds");
        table.AddRow("api_prices.csv", Count(catalog.ApiPrices.Count), Describe(catalog.ApiPrices.Select(p => p.Provider), "providers", catalog.ApiPrices.Select(p => p.ModelId), "models"));
        table.AddRow("gpus.csv", Count(catalog.Gpus.Count), string.Join(", ", catalog.Gpus.Select(g => g.GpuModel)));
        table.AddRow("gpu_rentals.csv", Count(catalog.GpuRentalOffers.Count), Describe(catalog.GpuRentalOffers.Select(o => o.Provider), "providers", catalog.GpuRentalOffers.Select(o => o.GpuModel), "GPU types"));
        table.AddRow("open_models.csv", Count(catalog.OpenModels.Count), $"{catalog.OpenModels.Count(m => m.Architecture == ModelArchitecture.MixtureOfExperts)} mixture-of-experts");
        table.AddRow("throughput_benchmarks.csv", Count(catalog.ThroughputBenchmarks.Count), Describe(catalog.ThroughputBenchmarks.Select(b => b.ModelId), "models", catalog.ThroughputBenchmarks.Select(b => b.GpuModel), "GPU types"));
        table.AddRow("storage_prices.csv", Count(catalog.StoragePrices.Count), string.Empty);
        table.AddRow("egress_prices.csv", Count(catalog.EgressPrices.Count), string.Empty);
        table.AddRow("electricity_prices.csv", Count(catalog.ElectricityPrices.Count), string.Empty);
        table.AddRow("hosting_prices.csv", Count(catalog.HostingPrices.Count), string.Empty);
        table.AddRow("pue_figures.csv", Count(catalog.PueFigures.Count), string.Empty);
        console.Write(table);
        stdout.WriteLine("List what a scenario can name: catalog api|gpus|rentals|models|benchmarks [--json] (filters: --provider, --gpu, --model).");
        return SampleApp.Success;
    }

    private static string Count(int count) => count.ToString(CultureInfo.InvariantCulture);

    private static string Describe(IEnumerable<string> first, string firstLabel, IEnumerable<string> second, string secondLabel) =>
        string.Create(
            CultureInfo.InvariantCulture,
            $"{first.Distinct(StringComparer.OrdinalIgnoreCase).Count()} {firstLabel}, {second.Distinct(StringComparer.OrdinalIgnoreCase).Count()} {secondLabel}");

    private sealed record Column(string Header, string JsonName);

    private sealed record Listing(string? Error, IReadOnlyList<Column> Columns, IReadOnlyList<object?[]> Rows, string Note);
}
