using System.Buffers.Text;
using System.IO.Compression;
using System.Text;

namespace LlmTco.Web;

/// <summary>
/// The page's URL fragment, which holds what is on the screen so that a link reproduces it: <c>#s=name</c> for a
/// bundled scenario as shipped, else <c>#z=</c> and the whole scenario's JSON, deflated and in base64url (a few hundred
/// to a few thousand characters; nothing is sent to a server, as the fragment never leaves the browser).
/// </summary>
internal static class ScenarioLink
{
    /// <summary>The fragment (without '#') of a bundled scenario as shipped.</summary>
    public static string Bundled(string name) => "s=" + Uri.EscapeDataString(name);

    /// <summary>The fragment (without '#') holding a whole scenario's JSON.</summary>
    public static string Whole(string json)
    {
        using var buffer = new MemoryStream();
        using (var deflate = new DeflateStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            deflate.Write(Encoding.UTF8.GetBytes(json));
        }

        return "z=" + Base64Url.EncodeToString(buffer.ToArray());
    }

    /// <summary>Reads a fragment: a bundled scenario's name, or a scenario's JSON; an error says what is wrong with it.</summary>
    public static (string? Name, string? Json, string? Error) Read(string fragment)
    {
        fragment = fragment.TrimStart('#');
        if (fragment.StartsWith("s=", StringComparison.Ordinal))
        {
            return (Uri.UnescapeDataString(fragment[2..]), null, null);
        }

        if (!fragment.StartsWith("z=", StringComparison.Ordinal))
        {
            return (null, null, fragment.Length == 0 ? null : "the link's fragment is neither #s=<scenario> nor #z=<scenario data>");
        }

        try
        {
            using var deflate = new DeflateStream(new MemoryStream(Base64Url.DecodeFromChars(fragment.AsSpan(2))), CompressionMode.Decompress);
            using var reader = new StreamReader(deflate, Encoding.UTF8);
            return (null, reader.ReadToEnd(), null);
        }
        catch (Exception ex) when (ex is FormatException or InvalidDataException)
        {
            return (null, null, $"the link's scenario data cannot be read ({ex.Message}); was the link cut short?");
        }
    }
}
