using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using LlmTco.Pricing;
using LlmTco.Pricing.Csv;
using LlmTco.SelfHosted;
using LlmTco.Uncertainty;
using LlmTco.Workloads;

namespace LlmTco.Scenarios;

/// <summary>
/// Reads and writes scenario files (JSON, documented in <c>docs/scenario-json.md</c>). Every problem is reported with
/// its JSON path, the value and the reason: syntax errors, unknown properties (with a "did you mean"), wrong types,
/// missing required properties, and values out of range.
/// </summary>
public static partial class ScenarioJson
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    /// <summary>Parses a scenario from JSON text and checks every value.</summary>
    /// <param name="json">The JSON text.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ScenarioValidationException">The JSON is malformed or a value is missing, unknown, of the wrong type or out of range.</exception>
    public static Scenario Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        Scenario? scenario;
        try
        {
            scenario = JsonSerializer.Deserialize<Scenario>(json, Options);
        }
        catch (JsonException ex)
        {
            throw new ScenarioValidationException([Describe(ex)]);
        }
        catch (ArgumentException ex)
        {
            // A string with a lone surrogate (never from a file, whose decoding replaces one) cannot be read as JSON.
            throw new ScenarioValidationException([new ScenarioError("$", null, $"the text cannot be read as JSON: {ex.Message}")]);
        }

        var errors = ScenarioValidator.Validate(scenario);
        return errors.Count > 0 ? throw new ScenarioValidationException(errors) : scenario!;
    }

    /// <summary>Reads and parses a scenario file.</summary>
    /// <param name="path">The file's path.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="IOException">The file is larger than 256 MiB (a device such as /dev/zero counts as endless), or cannot be read.</exception>
    /// <exception cref="ScenarioValidationException">The file is not a valid scenario; paths in the errors point into it.</exception>
    public static Scenario Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return Parse(InputFile.ReadAllText(path));
    }

    /// <summary>Writes a scenario as indented JSON that <see cref="Parse"/> reads back to an equal scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <returns>The JSON text, culture-invariant.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="scenario"/> is <see langword="null"/>.</exception>
    public static string Serialize(Scenario scenario)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        return JsonSerializer.Serialize(scenario, Options);
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            WriteIndented = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            RespectNullableAnnotations = true,
            AllowDuplicateProperties = false,
        };
        options.Converters.Add(new WordEnumConverter<NumericPrecision>(Words.Precisions));
        options.Converters.Add(new WordEnumConverter<RentalPlan>(Words.RentalPlans));
        options.Converters.Add(new WordEnumConverter<ServiceTier>(Words.ServiceTiers));
        options.Converters.Add(new WordEnumConverter<GrowthKind>(LowerNames<GrowthKind>()));
        options.Converters.Add(new WordEnumConverter<CostView>(LowerNames<CostView>()));
        options.Converters.Add(new WordEnumConverter<FineTuningMethod>(LowerNames<FineTuningMethod>()));
        options.Converters.Add(new WordEnumConverter<DistributionKind>(LowerNames<DistributionKind>()));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static Dictionary<string, T> LowerNames<T>()
        where T : struct, Enum =>
        Enum.GetValues<T>().ToDictionary(v => v.ToString().ToLowerInvariant(), v => v, StringComparer.Ordinal);

    [GeneratedRegex("The JSON property '(?<name>.+?)' could not be mapped to any \\.NET member contained in type '(?<type>.+?)'", RegexOptions.CultureInvariant)]
    private static partial Regex UnknownProperty();

    [GeneratedRegex("missing required properties including: (?<names>.+?)\\.\\s*(Path|$)", RegexOptions.CultureInvariant)]
    private static partial Regex MissingRequired();

    [GeneratedRegex("Duplicate property '(?<name>.+?)' encountered", RegexOptions.CultureInvariant)]
    private static partial Regex DuplicateProperty();

    [GeneratedRegex("could not be converted to (?<type>[^.]+(\\.[^.\\s]+)*)\\.", RegexOptions.CultureInvariant)]
    private static partial Regex WrongType();

    private static ScenarioError Describe(JsonException ex)
    {
        var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
        var where = ex.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $" (line {line + 1}, position {(ex.BytePositionInLine ?? 0) + 1})")
            : string.Empty;
        var message = ex.Message;

        var unknown = UnknownProperty().Match(message);
        if (unknown.Success)
        {
            var name = unknown.Groups["name"].Value;
            var type = typeof(Scenario).Assembly.GetType(unknown.Groups["type"].Value);
            var known = type?.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite)
                .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name))
                .ToList() ?? [];
            var hint = NameSuggester.DidYouMean(name, known);
            if (hint.Length == 0 && known.Count > 0)
            {
                hint = "; known properties: " + string.Join(", ", known);
            }

            // System.Text.Json's path usually ends in the unknown name already: ".name", or "['a b']" for a name that
            // needs brackets
            var named = path.EndsWith("." + name, StringComparison.OrdinalIgnoreCase) || path.EndsWith($"['{name}']", StringComparison.OrdinalIgnoreCase);
            var parent = named ? path : $"{path}.{name}";
            return new ScenarioError(parent, null, $"unknown property '{name}'{hint}{where}");
        }

        var duplicate = DuplicateProperty().Match(message);
        if (duplicate.Success)
        {
            return new ScenarioError(path, null, $"the property '{duplicate.Groups["name"].Value}' is given twice (names are compared without case); give it once{where}");
        }

        var missing = MissingRequired().Match(message);
        if (missing.Success)
        {
            return new ScenarioError(path, null, $"missing required properties: {missing.Groups["names"].Value.Replace("'", string.Empty, StringComparison.Ordinal)}{where}");
        }

        var wrongType = WrongType().Match(message);
        if (wrongType.Success)
        {
            var expected = wrongType.Groups["type"].Value switch
            {
                var t when t.Contains("Double", StringComparison.Ordinal) => "expected a number (with a decimal point, not in quotes)",
                var t when t.Contains("Int32", StringComparison.Ordinal) => "expected a whole number",
                var t when t.Contains("DateOnly", StringComparison.Ordinal) => "expected a date as \"yyyy-MM-dd\"",
                var t when t.Contains("String", StringComparison.Ordinal) => "expected text in quotes",
                var t when t.Contains("IReadOnlyList", StringComparison.Ordinal) => "expected a list in [brackets]",
                var t => $"expected a value of type {t}",
            };
            return new ScenarioError(path, null, expected + where);
        }

        // Messages of our own converters, and syntax errors, are already readable.
        var text = message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0].Trim();
        return new ScenarioError(path, null, text + where);
    }
}
