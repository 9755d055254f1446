using System.Runtime.InteropServices;
using System.Security.Cryptography;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using Nerdbank.MessagePack;
using PolyType;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The MessagePack serializer of everything HetaoSite stores or fingerprints: the article memo's entries, the page
/// store's records and the configuration's fingerprint. Records are maps keyed by their property names, every property
/// written (a default value too); there is no list of fields kept by hand. Their shapes are generated at compile time
/// from the types named on <see cref="Shapes"/> and everything those reach, so no code is emitted at run time
/// (ReadyToRun precompiles it all). Strings are stored exactly (<see cref="ExactStringConverter"/>).
/// </summary>
internal static class StoredValues
{
    public static readonly MessagePackSerializer Serializer = new()
    {
        Converters = ConverterCollection.Create([new ExactStringConverter()]),
        SerializeDefaultValues = SerializeDefaultValuesPolicy.Always,
    };

    /// <summary>The suffix of a file <see cref="TryWrite"/> is still writing (or whose writer died).</summary>
    public const string TemporarySuffix = ".tmp";

    private const int ChecksumLength = 32;

    /// <summary>
    /// Writes the SHA-256 of <paramref name="body"/>, then <paramref name="body"/>, to a unique temporary file beside
    /// <paramref name="path"/> (<c>{path}.{pid}-{guid}.tmp</c>) and renames it over <paramref name="path"/>, so that a
    /// reader sees the old file, the new one or none, never half of one. A read-only or full disk only costs speed:
    /// returns false and leaves nothing behind.
    /// </summary>
    public static bool TryWrite(string path, byte[] body)
    {
        var temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllBytes(temporary, [.. SHA256.HashData(body), .. body]);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    /// <summary>The body of what <see cref="TryWrite"/> wrote, or null when the checksum before it does not match.</summary>
    public static ReadOnlyMemory<byte>? Body(ReadOnlyMemory<byte> bytes) =>
        bytes.Length >= ChecksumLength && SHA256.HashData(bytes.Span[ChecksumLength..]).AsSpan().SequenceEqual(bytes.Span[..ChecksumLength])
            ? bytes[ChecksumLength..]
            : null;

    /// <summary>Deletes a file or folder; false when it cannot be (it is gone already, or in use).</summary>
    public static bool TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }

            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}

/// <summary>The types stored or fingerprinted; their shapes (and those of every type they reach) are generated at compile time.</summary>
[GenerateShapeFor<(string, StageResult<ArticleExtraction>)>]
[GenerateShapeFor<(string, List<PageRecord>)>]
[GenerateShapeFor<SiteConfig>]
[GenerateShapeFor<ArticleOverride>]
internal sealed partial class Shapes;

/// <summary>
/// Stores strings exactly, even one with an unpaired surrogate (a text cut inside a pair): MessagePack writes strings
/// as UTF-8, which would turn such a one into U+FFFD, and a cached build must equal an uncached one. Such a string is
/// stored as its UTF-16 code units (little-endian) in a binary item instead.
/// </summary>
internal sealed class ExactStringConverter : MessagePackConverter<string?>
{
    public override void Write(ref MessagePackWriter writer, in string? value, SerializationContext context)
    {
        if (value is null || IsWellFormed(value))
        {
            writer.Write(value);
        }
        else
        {
            writer.Write(MemoryMarshal.AsBytes(value.AsSpan()));
        }
    }

    public override string? Read(ref MessagePackReader reader, SerializationContext context)
    {
        if (reader.NextMessagePackType != MessagePackType.Binary)
        {
            return reader.ReadString();
        }

        var bytes = System.Buffers.BuffersExtensions.ToArray(reader.ReadBytes()!.Value);
        return bytes.Length % 2 == 0 ? new string(MemoryMarshal.Cast<byte, char>(bytes)) : throw new MessagePackSerializationException("odd UTF-16 length");
    }

    private static bool IsWellFormed(string value)
    {
        // Almost every string holds no surrogate at all: one vectorised search settles it.
        var first = value.AsSpan().IndexOfAnyInRange('\uD800', '\uDFFF');
        if (first < 0)
        {
            return true;
        }

        for (var i = first; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(value[i]))
            {
                return false;
            }
        }

        return true;
    }
}
