using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>One file of the article cache: the key it was stored under (checked on read) and the per-article result.</summary>
internal sealed record CacheEntry(int Format, string Key, StageResult<ArticleExtraction?> Result)
{
    /// <summary>Bumped when the layout of an entry changes without the model changing.</summary>
    public const int CurrentFormat = 1;
}

/// <summary>
/// Source-generated (no reflection at start-up) JSON for cache entries. Enums are written by name so that reordering
/// an enum makes old entries unreadable (a miss) instead of silently wrong; computed properties are not written.
/// </summary>
[JsonSourceGenerationOptions(
    UseStringEnumConverter = true,
    IgnoreReadOnlyProperties = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    Converters = [typeof(PartialDateJsonConverter)])]
[JsonSerializable(typeof(CacheEntry))]
internal sealed partial class CacheJsonContext : JsonSerializerContext
{
    /// <summary>Chinese as UTF-8 rather than \uXXXX escapes: entries are a third of the size.</summary>
    // Lazy: the generated Default is initialised after fields declared here.
    private static readonly Lazy<CacheJsonContext> _compact = new(CreateCompact);

    public static CacheJsonContext Compact => _compact.Value;

    private static CacheJsonContext CreateCompact()
    {
        var options = new JsonSerializerOptions(Default.Options)
        {
            Encoder = JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        };
        options.TypeInfoResolverChain.Clear();
        return new CacheJsonContext(options);
    }
}

/// <summary>Writes a <see cref="PartialDate"/> as its text form ("2024", "2024-06", "2024-06-01").</summary>
internal sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        PartialDate.TryParse(reader.GetString(), out var date) ? date : throw new JsonException("not a partial date");

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
