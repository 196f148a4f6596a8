using System.Text.Json;
using System.Text.Json.Serialization;

namespace LlmTco.Scenarios;

/// <summary>
/// Reads and writes an enum as the word the CSV tables and scenario files use (e.g. <c>reserved-1y</c>,
/// <c>bf16</c>); the C# name is accepted too, in any case. An unknown word is an error that lists the allowed words.
/// </summary>
internal sealed class WordEnumConverter<T>(IReadOnlyDictionary<string, T> words) : JsonConverter<T>
    where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"expected one of: {string.Join(", ", words.Keys)}");
        }

        var text = reader.GetString() ?? string.Empty;
        if (words.TryGetValue(text, out var value) || (Enum.GetNames<T>().Contains(text, StringComparer.OrdinalIgnoreCase) && Enum.TryParse(text, ignoreCase: true, out value)))
        {
            return value;
        }

        throw new JsonException($"'{text}' is not one of: {string.Join(", ", words.Keys)}");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(words.First(w => EqualityComparer<T>.Default.Equals(w.Value, value)).Key);
    }
}
