using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Writes one binary cache entry (layout in <see cref="CacheEntryCodec"/>): variable-length integers, and strings as
/// references into a table that holds each distinct string once, so the many repeated texts of an article (a sentence
/// in its statements, the file name in every figure) are stored, and later decoded, once.
/// </summary>
internal sealed class CacheBinaryWriter
{
    private readonly Dictionary<string, int> _stringIndex = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private byte[] _body = new byte[4096];
    private int _length;

    public void WriteUInt(uint value)
    {
        Ensure(5);
        while (value >= 0x80)
        {
            _body[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _body[_length++] = (byte)value;
    }

    /// <summary>Zig-zag, so that a small negative number stays small.</summary>
    public void WriteInt(int value) => WriteUInt((uint)((value << 1) ^ (value >> 31)));

    public void WriteBool(bool value) => WriteUInt(value ? 1u : 0u);

    public void WriteCount<T>(IReadOnlyCollection<T> items) => WriteUInt((uint)items.Count);

    /// <summary>0 for null, otherwise 1 + the string's index in the table.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteUInt(0);
            return;
        }

        if (!_stringIndex.TryGetValue(value, out var index))
        {
            index = _strings.Count;
            _strings.Add(value);
            _stringIndex.Add(value, index);
        }

        WriteUInt((uint)index + 1);
    }

    public void WriteNullableInt(int? value)
    {
        WriteBool(value is not null);
        if (value is { } number)
        {
            WriteInt(number);
        }
    }

    public void WriteEnum<TEnum>(TEnum value)
        where TEnum : struct, Enum => WriteUInt((uint)Unsafe.BitCast<TEnum, int>(value));

    /// <summary>Year, then month and day with 0 for "none".</summary>
    public void WriteDate(PartialDate date)
    {
        WriteUInt((uint)date.Year);
        WriteUInt((uint)(date.Month ?? 0));
        WriteUInt((uint)(date.Day ?? 0));
    }

    public void WriteNullableDate(PartialDate? date)
    {
        WriteBool(date is not null);
        if (date is { } value)
        {
            WriteDate(value);
        }
    }

    /// <summary>
    /// The finished entry: <paramref name="header"/> (magic, format, key), the SHA-256 of what follows, the string
    /// table (count, then each string as its length in chars and its UTF-16LE code units) and the body written so far.
    /// </summary>
    /// <remarks>
    /// UTF-16 rather than UTF-8: Chinese takes two bytes instead of three, reading is a copy instead of a transcoding,
    /// and any string round-trips exactly, even a lone surrogate (which UTF-8 would replace).
    /// </remarks>
    public byte[] ToArray(ReadOnlySpan<byte> header)
    {
        var table = Table();
        var payloadStart = header.Length + SHA256.HashSizeInBytes;
        var entry = new byte[payloadStart + table._length + _length];
        header.CopyTo(entry);
        table._body.AsSpan(0, table._length).CopyTo(entry.AsSpan(payloadStart));
        _body.AsSpan(0, _length).CopyTo(entry.AsSpan(payloadStart + table._length));
        SHA256.HashData(entry.AsSpan(payloadStart), entry.AsSpan(header.Length, SHA256.HashSizeInBytes));
        return entry;
    }

    /// <summary>
    /// Writes <paramref name="section"/>, with its own string table, as its byte count and then its bytes: a reader can
    /// keep them to decode later, or skip them (see <see cref="CacheBinaryReader.ReadSection"/>).
    /// </summary>
    public void WriteSection(CacheBinaryWriter section)
    {
        var table = section.Table();
        WriteUInt((uint)(table._length + section._length));
        Ensure(table._length + section._length);
        table._body.AsSpan(0, table._length).CopyTo(_body.AsSpan(_length));
        _length += table._length;
        section._body.AsSpan(0, section._length).CopyTo(_body.AsSpan(_length));
        _length += section._length;
    }

    private CacheBinaryWriter Table()
    {
        var table = new CacheBinaryWriter();
        table.WriteUInt((uint)_strings.Count);
        foreach (var text in _strings)
        {
            table.WriteUInt((uint)text.Length);
            table.Ensure(text.Length * sizeof(char));
            var destination = table._body.AsSpan(table._length, text.Length * sizeof(char));
            if (BitConverter.IsLittleEndian)
            {
                MemoryMarshal.AsBytes(text.AsSpan()).CopyTo(destination);
            }
            else
            {
                for (var i = 0; i < text.Length; i++)
                {
                    BinaryPrimitives.WriteUInt16LittleEndian(destination[(i * sizeof(char))..], text[i]);
                }
            }

            table._length += destination.Length;
        }

        return table;
    }

    private void Ensure(int more)
    {
        if (_length + more > _body.Length)
        {
            Array.Resize(ref _body, Math.Max(_body.Length * 2, _length + more));
        }
    }
}
