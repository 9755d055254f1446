using System.Runtime.InteropServices;
using MessagePack;
using MessagePack.Formatters;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Stores strings exactly, even one with an unpaired surrogate (a text cut inside a pair): MessagePack writes strings
/// as UTF-8, which would turn such a one into U+FFFD, and a cached build must equal an uncached one. Such a string is
/// stored as its UTF-16 code units (little-endian) in a binary item instead.
/// </summary>
internal sealed class ExactStringFormatter : IMessagePackFormatter<string?>
{
    public static readonly ExactStringFormatter Instance = new();

    public void Serialize(ref MessagePackWriter writer, string? value, MessagePackSerializerOptions options)
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

    public string? Deserialize(ref MessagePackReader reader, MessagePackSerializerOptions options)
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
