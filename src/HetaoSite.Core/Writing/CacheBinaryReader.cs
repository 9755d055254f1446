using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// Reads what <see cref="CacheBinaryWriter"/> wrote. The bytes come from disk and may be truncated, damaged or made by
/// hand, so every length and count is checked against the bytes that remain before anything is allocated, every enum
/// and date is validated, and anything wrong throws <see cref="InvalidDataException"/> (which the cache turns into a miss).
/// </summary>
internal ref struct CacheBinaryReader
{
    private readonly ReadOnlySpan<byte> _bytes;
    private int _position;
    private string[] _strings = [];

    public CacheBinaryReader(ReadOnlySpan<byte> bytes)
    {
        _bytes = bytes;
    }

    public readonly bool AtEnd => _position == _bytes.Length;

    private readonly int Remaining => _bytes.Length - _position;

    /// <summary>Reads the table that <see cref="CacheBinaryWriter.ToArray"/> put before the body; each string is made once here.</summary>
    public void ReadStringTable()
    {
        var strings = new string[ReadCount()];
        for (var i = 0; i < strings.Length; i++)
        {
            var length = ReadCount();
            if (length > Remaining / sizeof(char))
            {
                throw Corrupt("string longer than the entry");
            }

            var units = _bytes.Slice(_position, length * sizeof(char));
            strings[i] = BitConverter.IsLittleEndian ? new string(MemoryMarshal.Cast<byte, char>(units)) : FromLittleEndian(units);
            _position += units.Length;
        }

        _strings = strings;
    }

    public uint ReadUInt()
    {
        uint result = 0;
        for (var shift = 0; shift < 35; shift += 7)
        {
            if (_position >= _bytes.Length)
            {
                throw Corrupt("ends inside a number");
            }

            var b = _bytes[_position++];
            if (shift == 28 && b > 0x0F)
            {
                throw Corrupt("number too large");
            }

            result |= (uint)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return result;
            }
        }

        throw Corrupt("number too long");
    }

    public int ReadInt()
    {
        var value = ReadUInt();
        return (int)(value >> 1) ^ -(int)(value & 1);
    }

    public bool ReadBool() => ReadUInt() switch
    {
        0 => false,
        1 => true,
        _ => throw Corrupt("not a boolean"),
    };

    /// <summary>
    /// A number of items or bytes that follow: every item takes at least one byte, so a count larger than what
    /// remains is damage, and is refused before it can size an allocation.
    /// </summary>
    public int ReadCount()
    {
        var count = ReadUInt();
        return count <= (uint)Remaining ? (int)count : throw Corrupt("count larger than the entry");
    }

    /// <summary>The bytes of a section written by <see cref="CacheBinaryWriter.WriteSection"/>, copied, to decode later.</summary>
    public byte[] ReadSection()
    {
        var length = ReadCount();
        var bytes = _bytes.Slice(_position, length).ToArray();
        _position += length;
        return bytes;
    }

    public string? ReadNullableString()
    {
        var reference = ReadUInt();
        if (reference == 0)
        {
            return null;
        }

        return reference <= (uint)_strings.Length ? _strings[reference - 1] : throw Corrupt("string reference outside the table");
    }

    public string ReadString() => ReadNullableString() ?? throw Corrupt("null where a string is required");

    public int? ReadNullableInt() => ReadBool() ? ReadInt() : null;

    public TEnum ReadEnum<TEnum>()
        where TEnum : struct, Enum
    {
        var number = ReadUInt();
        var value = Unsafe.BitCast<int, TEnum>((int)number);
        return number <= int.MaxValue && Enum.IsDefined(value) ? value : throw Corrupt($"not a {typeof(TEnum).Name}");
    }

    public PartialDate ReadDate()
    {
        var year = ReadUInt();
        var month = ReadUInt();
        var day = ReadUInt();
        int? m = month == 0 ? null : (int)Math.Min(month, int.MaxValue);
        int? d = day == 0 ? null : (int)Math.Min(day, int.MaxValue);
        var y = (int)Math.Min(year, int.MaxValue);
        return PartialDate.IsValid(y, m, d) ? new PartialDate(y, m, d) : throw Corrupt("not a date");
    }

    public PartialDate? ReadNullableDate() => ReadBool() ? ReadDate() : null;

    public T[] ReadList<T>(ItemReader<T> read)
    {
        var count = ReadCount();
        var items = count == 0 ? [] : new T[count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = read(ref this);
        }

        return items;
    }

    private static string FromLittleEndian(ReadOnlySpan<byte> units)
    {
        var chars = new char[units.Length / sizeof(char)];
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = (char)BinaryPrimitives.ReadUInt16LittleEndian(units[(i * sizeof(char))..]);
        }

        return new string(chars);
    }

    private static InvalidDataException Corrupt(string what) => new($"damaged cache entry: {what}");
}

/// <summary>Reads one item of a list (a delegate because a ref struct cannot be captured by a lambda).</summary>
internal delegate T ItemReader<out T>(ref CacheBinaryReader reader);
