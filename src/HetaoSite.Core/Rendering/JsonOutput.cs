using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HetaoSite.Core.Rendering;

/// <summary>How the site writes JSON: UTF-8, Chinese as itself, '&lt;' '&gt;' '&amp;' escaped so data can never close a script element.</summary>
public static class JsonOutput
{
    /// <summary>The encoder of every JSON file, for code that writes with a <see cref="Utf8JsonWriter"/> directly.</summary>
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = Encoder,
    };

    private static readonly JsonSerializerOptions Compact = new()
    {
        Encoder = Encoder,
    };

    public static byte[] ToBytes(JsonNode node, bool indented = true) =>
        JsonSerializer.SerializeToUtf8Bytes(node, indented ? Indented : Compact);

    /// <summary>
    /// A writer formatting exactly as <see cref="ToBytes"/> formats a node: the data files of a large site are tens of
    /// megabytes, and writing them straight from the records costs a fraction of building a <see cref="JsonNode"/> tree.
    /// </summary>
    internal static Utf8JsonWriter Writer(IBufferWriter<byte> buffer, bool indented)
    {
        var options = indented ? Indented : Compact;
        return new Utf8JsonWriter(buffer, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
        });
    }

    /// <summary>A property name encoded once, for names written thousands of times.</summary>
    internal static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);
}
