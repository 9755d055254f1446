using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace HetaoSite.Core.Rendering;

/// <summary>How the site writes JSON: UTF-8, Chinese as itself, '&lt;' '&gt;' '&amp;' escaped so data can never close a script element.</summary>
public static class JsonOutput
{
    /// <summary>The encoder of every JSON file, for code that writes with a <see cref="Utf8JsonWriter"/> directly.</summary>
    internal static readonly JavaScriptEncoder Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    private static readonly JsonWriterOptions Indented = new() { Encoder = Encoder, Indented = true, IndentSize = 1 };

    private static readonly JsonWriterOptions Compact = new() { Encoder = Encoder };

    /// <summary>
    /// The writer of every JSON file, indented by one space or compact. The data files of a large site are tens of
    /// megabytes, and writing them straight from the records costs a fraction of building a node tree.
    /// </summary>
    internal static Utf8JsonWriter Writer(IBufferWriter<byte> buffer, bool indented) => new(buffer, indented ? Indented : Compact);

    /// <summary>A property name encoded once, for names written thousands of times.</summary>
    internal static JsonEncodedText Name(string name) => JsonEncodedText.Encode(name, Encoder);
}
