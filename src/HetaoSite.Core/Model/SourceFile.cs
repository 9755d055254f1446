using System.Security.Cryptography;

namespace HetaoSite.Core.Model;

/// <summary>
/// An article file from <c>seeds/</c>: its name (relative, '/'-separated), its bytes and their SHA-256. A file the
/// source index vouches for (<see cref="Loading.SourceIndex"/>: same size and times as when a build last read it) is
/// not read until its bytes are needed, which on a rebuild is only when its cached result is missing.
/// </summary>
public sealed class SourceFile
{
    private readonly Lazy<byte[]> _bytes;
    private readonly Lazy<string> _contentHash;

    public SourceFile(string fileName, byte[] bytes, SourceStamp? stamp = null)
    {
        FileName = fileName;
        Stamp = stamp;
        _bytes = new Lazy<byte[]>(bytes);
        _contentHash = new Lazy<string>(() => HashOf(bytes));
    }

    private SourceFile(string fileName, string contentHash, SourceStamp stamp, Func<byte[]> read)
    {
        FileName = fileName;
        Stamp = stamp;
        _bytes = new Lazy<byte[]>(read, LazyThreadSafetyMode.ExecutionAndPublication);
        _contentHash = new Lazy<string>(contentHash);
        IsRead = false;
    }

    public string FileName { get; }

    /// <summary>The file's bytes. For a file not read yet this reads it, and throws <see cref="IOException"/> when that fails.</summary>
    public byte[] Bytes => _bytes.Value;

    /// <summary>The SHA-256 of <see cref="Bytes"/>, upper-case hex.</summary>
    public string ContentHash => _contentHash.Value;

    /// <summary>The file's size and times when it was found, or null for a file that did not come from disk.</summary>
    public SourceStamp? Stamp { get; }

    /// <summary>Whether the bytes were read when the file was found (false: <see cref="Bytes"/> reads them on first use).</summary>
    public bool IsRead { get; } = true;

    /// <summary>
    /// A file known by its <paramref name="contentHash"/> without reading it; <paramref name="read"/> must return
    /// bytes with that hash or throw <see cref="IOException"/>.
    /// </summary>
    public static SourceFile Unread(string fileName, string contentHash, SourceStamp stamp, Func<byte[]> read) =>
        new(fileName, contentHash, stamp, read);

    public static string HashOf(ReadOnlySpan<byte> bytes) => Convert.ToHexString(SHA256.HashData(bytes));

    public override string ToString() => FileName;
}

/// <summary>What a file's metadata says about its content: its size, last write time and creation time (UTC ticks).</summary>
public readonly record struct SourceStamp(long Length, long LastWriteTicks, long CreationTicks);
