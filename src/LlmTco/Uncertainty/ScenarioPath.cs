using System.Collections;
using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using LlmTco.Pricing.Csv;
using LlmTco.Scenarios;
using LlmTco.Workloads;

namespace LlmTco.Uncertainty;

/// <summary>
/// The path of a numeric property of a scenario (<c>workload.profiles[0].growth.monthlyRate</c>), resolved once
/// against the scenario's record types: each step's property and the records' copy constructors are found by
/// reflection when the path is resolved, so that setting a value is a chain of <c>with</c> copies without any lookup
/// by name.
/// </summary>
internal sealed class ScenarioPath
{
    private const string CloneMethodName = "<Clone>$";

    private readonly Step[] steps;

    private ScenarioPath(string text, Step[] steps, IReadOnlyList<string> targets, bool wholeNumber)
    {
        Text = text;
        this.steps = steps;
        Targets = targets;
        IsWholeNumber = wholeNumber;
    }

    /// <summary>Gets the path as written.</summary>
    public string Text { get; }

    /// <summary>Gets every property the path sets, written canonically (camelCase, concrete indices), e.g. <c>workload.profiles[1].growth.monthlyRate</c>.</summary>
    public IReadOnlyList<string> Targets { get; }

    /// <summary>Gets a value indicating whether the property is a whole number: drawn values are rounded to the nearest (halves to even).</summary>
    public bool IsWholeNumber { get; }

    /// <summary>Resolves a path against a scenario.</summary>
    /// <param name="scenario">The scenario.</param>
    /// <param name="path">The path.</param>
    /// <param name="resolved">The resolved path, or <see langword="null"/>.</param>
    /// <param name="error">Why the path does not name a numeric property, or <see langword="null"/>.</param>
    /// <returns>Whether the path was resolved.</returns>
    public static bool TryResolve(Scenario scenario, string? path, out ScenarioPath? resolved, out string? error)
    {
        resolved = null;
        if (!TryParse(path, out var segments, out error))
        {
            return false;
        }

        var steps = new Step[segments.Count];
        var type = typeof(Scenario);
        var values = new List<object?> { scenario };
        var written = new StringBuilder();
        string? emptyStar = null;
        for (var i = 0; i < segments.Count; i++)
        {
            var (name, index) = segments[i];
            var where = written.Length == 0 ? "the scenario" : $"'{written}'";
            var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite && p.GetIndexParameters().Length == 0).ToList();
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                var known = properties.Select(p => Camel(p.Name)).ToList();
                var hint = NameSuggester.DidYouMean(name, known);
                error = $"'{name}' is not a property of {where}{(hint.Length > 0 ? hint : "; its properties are: " + string.Join(", ", known))}";
                return false;
            }

            if (written.Length > 0)
            {
                written.Append('.');
            }

            written.Append(Camel(property.Name));
            if (i == 0 && property.Name == nameof(Scenario.Uncertainty))
            {
                error = "the uncertainty section itself cannot be uncertain";
                return false;
            }

            if (i == 0 && property.Name == nameof(Scenario.HorizonMonths))
            {
                error = "the horizon cannot be uncertain: every trial is compared month by month over the same horizon";
                return false;
            }

            var last = i == segments.Count - 1;
            var elementType = ListElement(property.PropertyType);
            if (elementType is null && index is not null)
            {
                error = $"'{written}' is not a list, so it takes no [index]";
                return false;
            }

            if (elementType is not null && index is null)
            {
                error = $"'{written}' is a list: give an index, e.g. {written}[0], or {written}[*] for every entry";
                return false;
            }

            var next = new List<object?>();
            foreach (var value in values)
            {
                var child = property.GetValue(value);
                if (elementType is null)
                {
                    next.Add(child);
                    continue;
                }

                var items = child is null ? [] : ((IEnumerable)child).Cast<object?>().ToList();
                if (index is >= 0 && index >= items.Count)
                {
                    error = string.Create(CultureInfo.InvariantCulture, $"'{written}[{index}]' is out of range: the scenario's {written} has {items.Count} entr{(items.Count == 1 ? "y" : "ies")}");
                    return false;
                }

                next.AddRange(index is >= 0 ? [items[index.Value]] : items);
            }

            if (index == -1 && next.Count == 0)
            {
                // Reported after the checks below, which say more when they apply.
                emptyStar ??= $"'{written}[*]' matches no entry: the scenario's {written} is empty";
            }

            if (index is not null)
            {
                written.Append(index >= 0 ? string.Create(CultureInfo.InvariantCulture, $"[{index}]") : "[*]");
            }

            var valueType = elementType ?? property.PropertyType;
            var numeric = IsNumeric(valueType);
            if (last && !numeric)
            {
                error = $"'{written}' is {Describe(valueType)}, not a number";
                return false;
            }

            if (!last && numeric)
            {
                error = $"'{written}' is a number: it has no property '{segments[i + 1].Name}'";
                return false;
            }

            if (!last)
            {
                if (next.Any(v => v is null))
                {
                    error = $"'{written}' is not set in this scenario: give it in the scenario before making one of its values uncertain";
                    return false;
                }

                if (valueType.GetMethod(CloneMethodName) is null)
                {
                    error = $"'{written}' is {Describe(valueType)}, not an object with numeric properties";
                    return false;
                }
            }

            steps[i] = new Step(property, elementType, index, type.GetMethod(CloneMethodName)!);
            if (last && property.DeclaringType == typeof(GrowthRule) && GrowthMismatch(property.Name, values.Cast<GrowthRule>()) is { } mismatch)
            {
                error = $"'{written}' has no effect: {mismatch}";
                return false;
            }

            values = next;
            type = valueType;
        }

        if (emptyStar is not null)
        {
            error = emptyStar;
            return false;
        }

        var leaf = steps[^1];
        var leafType = Nullable.GetUnderlyingType(leaf.ElementType ?? leaf.Property.PropertyType) ?? leaf.ElementType ?? leaf.Property.PropertyType;
        resolved = new ScenarioPath(path!, steps, ExpandTargets(scenario, steps), leafType == typeof(int));
        return true;
    }

    /// <summary>Returns a copy of <paramref name="scenario"/> with every target of the path set to <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A whole-number property gets a value outside the range of whole numbers.</exception>
    public Scenario Apply(Scenario scenario, double value) => (Scenario)Set(scenario, 0, value);

    /// <summary>Gets the value the scenario gives the path's first target, or <see langword="null"/> when it is not set.</summary>
    public double? Read(Scenario scenario)
    {
        object? current = scenario;
        foreach (var step in steps)
        {
            current = step.Property.GetValue(current);
            if (step.ElementType is not null)
            {
                current = ((IEnumerable)current!).Cast<object?>().ElementAt(Math.Max(step.Index!.Value, 0));
            }
        }

        return current switch
        {
            double d => d,
            int n => n,
            _ => null,
        };
    }

    /// <summary>Converts a drawn value to the property's type: whole numbers are rounded to the nearest, halves to even.</summary>
    public object Convert(double value)
    {
        if (!IsWholeNumber)
        {
            return value;
        }

        var rounded = Math.Round(value, MidpointRounding.ToEven);
        return rounded is >= int.MinValue and <= int.MaxValue
            ? (int)rounded
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"'{Text}' is a whole number; {Distribution.Num(value)} is out of range.");
    }

    private static string Camel(string name) => JsonNamingPolicy.CamelCase.ConvertName(name);

    private static bool TryParse(string? path, out List<(string Name, int? Index)> segments, out string? error)
    {
        segments = [];
        error = null;
        var text = path?.Trim() ?? string.Empty;
        if (text.StartsWith("$.", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        if (text.Length == 0)
        {
            error = "a path is required, e.g. workload.profiles[0].growth.monthlyRate";
            return false;
        }

        foreach (var part in text.Split('.'))
        {
            var open = part.IndexOf('[', StringComparison.Ordinal);
            var name = open < 0 ? part : part[..open];
            int? index = null;
            if (open >= 0)
            {
                var inner = part.EndsWith(']') ? part[(open + 1)..^1] : null;
                if (inner == "*")
                {
                    index = -1;
                }
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var i))
                {
                    index = i;
                }
                else
                {
                    error = $"'{part}' is not a name with an index: write name[0], or name[*] for every entry";
                    return false;
                }
            }

            if (name.Length == 0 || !name.All(char.IsAsciiLetterOrDigit))
            {
                error = $"'{part}' is not a property name: a path is names separated by dots, e.g. workload.profiles[0].growth.monthlyRate";
                return false;
            }

            segments.Add((name, index));
        }

        return true;
    }

    private static Type? ListElement(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        var list = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IReadOnlyList<>));
        return list?.GetGenericArguments()[0];
    }

    private static bool IsNumeric(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t == typeof(double) || t == typeof(int);
    }

    private static string Describe(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t switch
        {
            _ when t == typeof(string) => "text",
            _ when t == typeof(bool) => "a yes/no value",
            _ when t == typeof(DateOnly) => "a date",
            _ when t.IsEnum => $"a choice ({string.Join(", ", Enum.GetNames(t).Select(n => n.ToLowerInvariant()))})",
            _ when ListElement(t) is not null => "a list",
            _ => "an object",
        };
    }

    private static string? GrowthMismatch(string property, IEnumerable<GrowthRule> rules)
    {
        foreach (var rule in rules)
        {
            if (property == nameof(GrowthRule.MonthlyRate) && rule.Kind != GrowthKind.Compound)
            {
                return $"the growth kind is {rule.Kind.ToString().ToLowerInvariant()}, and monthlyRate applies only to compound growth";
            }

            if (property == nameof(GrowthRule.RequestsAddedPerMonth) && rule.Kind != GrowthKind.Linear)
            {
                return $"the growth kind is {rule.Kind.ToString().ToLowerInvariant()}, and requestsAddedPerMonth applies only to linear growth";
            }

            if (property == nameof(GrowthRule.RequestsPerMonth) && rule.Kind != GrowthKind.Series)
            {
                return $"the growth kind is {rule.Kind.ToString().ToLowerInvariant()}, and requestsPerMonth applies only to a series";
            }
        }

        return null;
    }

    private static List<string> ExpandTargets(Scenario scenario, Step[] steps)
    {
        var targets = new List<(string Text, object? Value)> { (string.Empty, scenario) };
        for (var i = 0; i < steps.Length; i++)
        {
            var step = steps[i];
            var next = new List<(string, object?)>();
            foreach (var (text, value) in targets)
            {
                var name = (text.Length == 0 ? string.Empty : text + ".") + Camel(step.Property.Name);
                var child = step.Property.GetValue(value);
                if (step.ElementType is null)
                {
                    next.Add((name, child));
                    continue;
                }

                var items = ((IEnumerable)child!).Cast<object?>().ToList();
                var indices = step.Index >= 0 ? [step.Index.Value] : Enumerable.Range(0, items.Count);
                next.AddRange(indices.Select(k => (string.Create(CultureInfo.InvariantCulture, $"{name}[{k}]"), items[k])));
            }

            targets = next;
        }

        return targets.Select(t => t.Text).ToList();
    }

    private object Set(object target, int depth, double value)
    {
        var step = steps[depth];
        var last = depth == steps.Length - 1;
        var child = step.Property.GetValue(target);
        object? replacement;
        if (step.ElementType is null)
        {
            replacement = last ? Convert(value) : Set(child!, depth + 1, value);
        }
        else
        {
            var items = ((IEnumerable)child!).Cast<object?>().ToList();
            var array = Array.CreateInstance(step.ElementType, items.Count);
            for (var k = 0; k < items.Count; k++)
            {
                var item = items[k];
                if (step.Index < 0 || step.Index == k)
                {
                    item = last ? Convert(value) : Set(item!, depth + 1, value);
                }

                array.SetValue(item, k);
            }

            replacement = array;
        }

        var copy = step.CopyMethod.Invoke(target, null)!;
        step.Property.SetValue(copy, replacement);
        return copy;
    }

    /// <summary>One step of a path: the property, the list's element type when it is a list, and the index (−1 for every entry).</summary>
    private sealed record Step(PropertyInfo Property, Type? ElementType, int? Index, MethodInfo CopyMethod);
}
