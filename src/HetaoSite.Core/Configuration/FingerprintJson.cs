using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Configuration;

/// <summary>
/// The configuration as the memo key hashes it (<see cref="ArticleProcessor.ConfigFingerprint"/>): every public property
/// of every record, written by serializers generated at compile time, so no list of settings is kept by hand.
/// </summary>
/// <remarks>
/// Not MemoryPack, which stores the memo's entries: it copies a value type's memory as it is, so an <c>int?</c>,
/// <c>DateOnly?</c> or <c>PartialDate?</c> brings along the padding bytes between its HasValue flag and its value. Those
/// hold whatever the code that made the value left there, which in optimized code differs from one run to the next: the
/// key of an article whose override sets its date changed at every build, and its entry was stored and never read again.
/// Here each value is written as what it is.
/// </remarks>
[JsonSourceGenerationOptions(Converters = [typeof(ExactStrings), typeof(DatesAsText)])]
[JsonSerializable(typeof(SiteConfig))]
[JsonSerializable(typeof(ArticleOverride))]
internal sealed partial class FingerprintJson : JsonSerializerContext
{
    /// <summary>A string as its UTF-16 code units: JSON text would write an unpaired surrogate as U+FFFD, making two settings one.</summary>
    private sealed class ExactStrings : JsonConverter<string>
    {
        public override string Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("a fingerprint is never read");

        public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WriteBase64StringValue(MemoryMarshal.AsBytes(value.AsSpan()));

        public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
            writer.WritePropertyName(Convert.ToBase64String(MemoryMarshal.AsBytes(value.AsSpan())));
    }

    /// <summary>A date as its text ("2024-06"): its computed first and last days are not settings (and a default date has none).</summary>
    private sealed class DatesAsText : JsonConverter<PartialDate>
    {
        public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            throw new NotSupportedException("a fingerprint is never read");

        public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToString());
    }
}
