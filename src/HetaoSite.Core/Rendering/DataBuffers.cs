using System.Collections.Concurrent;
using System.Numerics;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The buffers the files under <c>data/</c> are written in before each is copied into an array of its exact size (see
/// <see cref="PooledBufferWriter"/>). They are handed from one file to the next while a rendering makes its data files
/// (the first write to a page of new memory costs a page fault), then let go (<see cref="Release"/>), so that a build does not keep tens of
/// megabytes of them while it renders its pages, as the shared <c>ArrayPool</c> would.
/// </summary>
internal static class DataBuffers
{
    private const int Smallest = 4096;

    private static ConcurrentStack<byte[]>[] _free = Empty();

    /// <summary>A buffer of at least <paramref name="minimum"/> bytes (a power of two), not cleared.</summary>
    public static byte[] Rent(int minimum)
    {
        if (minimum > 1 << 30)
        {
            return GC.AllocateUninitializedArray<byte>(minimum);
        }

        var size = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(minimum, Smallest));
        return Volatile.Read(ref _free)[BitOperations.Log2((uint)size)].TryPop(out var buffer)
            ? buffer
            : GC.AllocateUninitializedArray<byte>(size);
    }

    /// <summary>Gives back a buffer from <see cref="Rent"/> for the next file.</summary>
    public static void Return(byte[] buffer)
    {
        if (buffer.Length >= Smallest && BitOperations.IsPow2(buffer.Length))
        {
            Volatile.Read(ref _free)[BitOperations.Log2((uint)buffer.Length)].Push(buffer);
        }
    }

    /// <summary>Lets go of every buffer given back: the renderer calls this when its data files are made.</summary>
    public static void Release() => Volatile.Write(ref _free, Empty());

    private static ConcurrentStack<byte[]>[] Empty() => [.. Enumerable.Range(0, 32).Select(_ => new ConcurrentStack<byte[]>())];
}
