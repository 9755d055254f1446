using System.Buffers;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// A growable byte buffer over <see cref="DataBuffers"/> for writing a data file before it is copied into an array of
/// its exact size. The data files of a large site are tens of megabytes: a buffer that doubles on the large-object heap
/// leaves about twice the file's size as garbage, and on a heap holding the whole site that garbage costs full
/// collections.
/// </summary>
internal sealed class PooledBufferWriter : IBufferWriter<byte>, IDisposable
{
    private byte[] _buffer;

    public PooledBufferWriter(int capacity) => _buffer = DataBuffers.Rent(Math.Max(capacity, 256));

    public int WrittenCount { get; private set; }

    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, WrittenCount);

    public ReadOnlyMemory<byte> WrittenMemory => _buffer.AsMemory(0, WrittenCount);

    public void Advance(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, _buffer.Length - WrittenCount);
        WrittenCount += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        // Reserve first: it may replace the buffer.
        var start = Reserve(sizeHint);
        return _buffer.AsMemory(start);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        var start = Reserve(sizeHint);
        return _buffer.AsSpan(start);
    }

    public void Write(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(GetSpan(bytes.Length));
        WrittenCount += bytes.Length;
    }

    /// <summary>Forgets what was written, keeping the buffer.</summary>
    public void Clear() => WrittenCount = 0;

    /// <summary>What was written, in a new array of its exact length.</summary>
    public byte[] ToArray()
    {
        var result = GC.AllocateUninitializedArray<byte>(WrittenCount);
        WrittenSpan.CopyTo(result);
        return result;
    }

    public void Dispose()
    {
        if (_buffer.Length > 0)
        {
            DataBuffers.Return(_buffer);
            _buffer = [];
            WrittenCount = 0;
        }
    }

    /// <summary>Makes room for at least <paramref name="sizeHint"/> more bytes (at least one); returns where they start.</summary>
    private int Reserve(int sizeHint)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(sizeHint);
        var needed = WrittenCount + Math.Max(sizeHint, 1);
        if (needed > _buffer.Length)
        {
            var larger = DataBuffers.Rent((int)Math.Min(Array.MaxLength, Math.Max((long)needed, 2L * _buffer.Length)));
            WrittenSpan.CopyTo(larger);
            DataBuffers.Return(_buffer);
            _buffer = larger;
        }

        return WrittenCount;
    }
}
