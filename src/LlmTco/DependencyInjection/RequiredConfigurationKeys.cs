using System.Collections;
using System.Reflection;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Configuration;

namespace LlmTco;

/// <summary>
/// The keys that configuration must give where scenario JSON must give them: a property marked
/// <see cref="JsonRequiredAttribute"/> (the <c>Kind</c> of a growth rule or a distribution) is left at its default by the
/// configuration binder when its key is missing, so each section bound to such a type is checked for the key itself.
/// </summary>
internal static class RequiredConfigurationKeys
{
    /// <summary>Gets a problem, by configuration path, for every required key missing under <paramref name="section"/>, bound to <paramref name="type"/>.</summary>
    public static IEnumerable<string> Missing(IConfiguration section, Type type, string path)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var child = section.GetSection(property.Name);
            var at = $"{path}:{property.Name}";
            if (!child.Exists())
            {
                if (property.GetCustomAttribute<JsonRequiredAttribute>() is not null)
                {
                    var values = property.PropertyType.IsEnum ? $" ({string.Join(", ", Enum.GetNames(property.PropertyType))})" : string.Empty;
                    yield return $"{at}: missing; a {Words(type.Name)} needs its {property.Name}{values}, as in scenario JSON";
                }

                continue;
            }

            var items = ItemType(property.PropertyType);
            if (items is not null)
            {
                foreach (var item in child.GetChildren())
                {
                    foreach (var problem in Missing(item, items, $"{at}:{item.Key}"))
                    {
                        yield return problem;
                    }
                }
            }
            else if (Bound(property.PropertyType))
            {
                foreach (var problem in Missing(child, property.PropertyType, at))
                {
                    yield return problem;
                }
            }
        }
    }

    /// <summary>True for the package's own classes and records, whose properties are bound from sections.</summary>
    private static bool Bound(Type type) => type.IsClass && type.Assembly == typeof(RequiredConfigurationKeys).Assembly;

    /// <summary>The item type of a list of the package's own types; null for anything else.</summary>
    private static Type? ItemType(Type type)
    {
        if (type == typeof(string) || !typeof(IEnumerable).IsAssignableFrom(type))
        {
            return null;
        }

        var item = type.IsArray ? type.GetElementType() : type.IsGenericType ? type.GetGenericArguments()[^1] : null;
        return item is not null && Bound(item) ? item : null;
    }

    /// <summary>"GrowthRule" as "growth rule".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : char.ToLowerInvariant(c).ToString()));
}
