using System.Globalization;

namespace LlmTco.Scenarios;

/// <summary>
/// Collects the problems found in a scenario, each at its path written in one <see cref="PathStyle"/>: the list that
/// <see cref="ScenarioValidator"/> and the uncertainty section's checks add to.
/// </summary>
internal sealed class ScenarioErrors
{
    private readonly List<ScenarioError> errors = [];

    /// <summary>Creates an empty collector.</summary>
    /// <param name="style">How paths are written.</param>
    /// <param name="root">The scenario's own path; <see langword="null"/> for <c>$</c> (JSON) or the empty key (configuration).</param>
    public ScenarioErrors(PathStyle style, string? root)
    {
        Style = style;
        Root = root ?? (style == PathStyle.Json ? "$" : string.Empty);
    }

    /// <summary>Gets how paths are written.</summary>
    public PathStyle Style { get; }

    /// <summary>Gets the scenario's own path, the parent of every other.</summary>
    public string Root { get; }

    /// <summary>Gets the number of errors so far.</summary>
    public int Count => errors.Count;

    /// <summary>Gets the errors, in the order they were found.</summary>
    public IReadOnlyList<ScenarioError> All => errors;

    /// <summary>A path: <paramref name="name"/>, a property of the value at <paramref name="at"/>.</summary>
    public static PathRef Prop(string at, string name) => new(at, name, -1);

    /// <summary>A path: element <paramref name="index"/> of the list at <paramref name="at"/>.</summary>
    public static PathRef Index(PathRef at, int index) => new(at.Parent, at.Name, index);

    /// <summary>Writes a number as errors show it: the shortest text that reads back as the same double, in the invariant culture.</summary>
    public static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>Adds an error.</summary>
    /// <param name="path">Where the value is.</param>
    /// <param name="value">The value found (written as text here), or <see langword="null"/> when missing.</param>
    /// <param name="message">What is wrong and what is expected.</param>
    public void Add(PathRef path, object? value, string message) =>
        errors.Add(new ScenarioError(Path(path), value switch
        {
            null => null,
            double d => Num(d),
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            _ => value.ToString(),
        }, message));

    /// <summary>Writes a path out in the collector's style; only errors and paths used as parents need the text.</summary>
    public string Path(PathRef path)
    {
        var at = path.Parent;
        if (path.Name is { } name)
        {
            at = Style == PathStyle.Json
                ? $"{at}.{char.ToLowerInvariant(name[0])}{name[1..]}"
                : at.Length == 0 ? name : $"{at}:{name}";
        }

        if (path.Index >= 0)
        {
            at = Style == PathStyle.Json
                ? string.Create(CultureInfo.InvariantCulture, $"{at}[{path.Index}]")
                : string.Create(CultureInfo.InvariantCulture, $"{at}:{path.Index}");
        }

        return at;
    }

    /// <summary>
    /// A path not yet written out: a parent path, then optionally a property name, then optionally an index. Every value
    /// checked has one, but only an error needs its text, so the text is built only then.
    /// </summary>
    public readonly struct PathRef(string parent, string? name, int index)
    {
        public string Parent { get; } = parent;

        public string? Name { get; } = name;

        public int Index { get; } = index;

        public static implicit operator PathRef(string path) => new(path, null, -1);
    }
}
