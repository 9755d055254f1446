using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.IO.Hashing;
using MemoryPack;

namespace HetaoSite.Core.Writing;

/// <summary>
/// How HetaoSite stores values on disk (the article memo's entries, the page store's records): MemoryPack, whose
/// serializers are generated at compile time for every <c>[MemoryPackable]</c> record (all its public members, in
/// declaration order; there is no list of fields kept by hand), so nothing is built or emitted at run time. Strings are
/// stored as their UTF-16 code units, which keeps every string exact, an unpaired surrogate included. The format is
/// positional: it is read only by the build of the engine that wrote it, which the engine version in every memo key and
/// page record key ensures.
/// </summary>
internal static class StoredValues
{
    private static readonly MemoryPackSerializerOptions Options = MemoryPackSerializerOptions.Utf16;

    public static byte[] Serialize<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(in T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        Serialize(buffer, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Writes what <see cref="Serialize{T}(in T)"/> returns into <paramref name="buffer"/> instead of a new array.</summary>
    public static void Serialize<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(ArrayBufferWriter<byte> buffer, in T value) =>
        MemoryPackSerializer.Serialize(new BufferWriter(buffer), value, Options);

    /// <summary>
    /// An <see cref="ArrayBufferWriter{T}"/> seen through a struct. MemoryPack's serializers are generic over the writer;
    /// over a struct, the ahead-of-time compiler makes them for that writer alone instead of sharing code between
    /// reference types, and code shared that way fails at run time in the published native tool (it calls through
    /// generic virtual methods the compiler did not resolve).
    /// </summary>
    private readonly struct BufferWriter(ArrayBufferWriter<byte> buffer) : IBufferWriter<byte>
    {
        public void Advance(int count) => buffer.Advance(count);

        public Memory<byte> GetMemory(int sizeHint = 0) => buffer.GetMemory(sizeHint);

        public Span<byte> GetSpan(int sizeHint = 0) => buffer.GetSpan(sizeHint);
    }

    /// <summary>The value <see cref="Serialize{T}(in T)"/> wrote into <paramref name="bytes"/>, or default when they do not hold one.</summary>
    public static T? TryDeserialize<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.All)] T>(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return MemoryPackSerializer.Deserialize<T>(bytes, Options);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // Bytes this build did not write can fail anywhere (in a record's constructor too); it only means "no value".
            return default;
        }
    }

    /// <summary>The suffix of a file <see cref="TryWrite"/> is still writing (or whose writer died).</summary>
    public const string TemporarySuffix = ".tmp";

    // XxHash128: the checksum only has to notice a torn or damaged file, not resist an attacker (who could write the file).
    public const int ChecksumLength = 16;

    /// <summary>
    /// Writes the checksum of <paramref name="body"/>, then <paramref name="body"/>, to a unique temporary file beside
    /// <paramref name="path"/> (<c>{path}.{pid}-{guid}.tmp</c>) and renames it over <paramref name="path"/>, so that a
    /// reader sees the old file, the new one or none, never half of one. A read-only or full disk only costs speed:
    /// returns false and leaves nothing behind.
    /// </summary>
    public static bool TryWrite(string path, ReadOnlySpan<byte> body)
    {
        var temporary = $"{path}.{Environment.ProcessId}-{Guid.NewGuid():N}{TemporarySuffix}";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0))
            {
                WriteChecked(file, body);
            }

            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            return false;
        }
    }

    /// <summary>Writes the checksum of <paramref name="body"/>, then <paramref name="body"/>; returns the number of bytes written.</summary>
    public static int WriteChecked(Stream stream, ReadOnlySpan<byte> body)
    {
        stream.Write(XxHash128.Hash(body));
        stream.Write(body);
        return ChecksumLength + body.Length;
    }

    /// <summary>The body of what <see cref="WriteChecked"/> wrote, or null when the checksum before it does not match.</summary>
    public static ReadOnlyMemory<byte>? Body(ReadOnlyMemory<byte> bytes) =>
        bytes.Length >= ChecksumLength && XxHash128.Hash(bytes.Span[ChecksumLength..]).AsSpan().SequenceEqual(bytes.Span[..ChecksumLength])
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
