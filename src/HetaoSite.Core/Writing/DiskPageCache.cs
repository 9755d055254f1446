using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace HetaoSite.Core.Writing;

/// <summary>
/// An <see cref="IPageCache"/> on disk: each rendered page stored under its fingerprint,
/// <c>&lt;root&gt;/pages/ab/abcd…</c> (content-addressed, so an entry never changes once written), which the writer
/// links into the output instead of copying it (see <see cref="SiteWriter"/>).
/// </summary>
/// <remarks>
/// <para>Entries are written to a unique temporary file and renamed into place, so a reader sees a whole entry or none;
/// an unreadable entry is a miss; a failed write only costs speed.</para>
/// <para>Because an output file may be the same file as its entry, someone editing that output file in place would
/// edit the entry too. So the cache records each entry's size and last write time (whole seconds: what survives an
/// archive and restore such as <c>actions/cache</c>) in an index beside the entries (<c>pages.index</c>), and an entry
/// that no longer matches its record, or has none, is a miss: the page is rendered again and stored anew. Lives in
/// <c>Writing/</c>, where disk access belongs.</para>
/// </remarks>
public sealed class DiskPageCache : IPageCache
{
    private static readonly byte[] IndexHeader = "hetao-page-index 1\n"u8.ToArray();
    private const int FingerprintBytes = 32;
    private const int RecordBytes = FingerprintBytes + 2 * sizeof(long);

    private readonly ConcurrentDictionary<string, byte> _touched = new(StringComparer.Ordinal);
    private readonly Lazy<ConcurrentDictionary<string, Stamp>> _index;
    private int _hits;
    private int _misses;
    private int _writes;
    private int _indexChanges;

    /// <param name="root">The cache folder, e.g. <c>.hetao-cache/</c> beside <c>site-config.yml</c>.</param>
    public DiskPageCache(string root)
    {
        Root = Path.Combine(Path.GetFullPath(root), "pages");
        IndexPath = Root + ".index";
        _index = new(() => LoadIndex(IndexPath));
    }

    public string Root { get; }

    /// <summary>The file recording each entry's size and time (see the remarks).</summary>
    public string IndexPath { get; }

    public int Hits => _hits;

    public int Misses => _misses;

    /// <summary>An entry as written: its size and its last write time in whole seconds since 1970 (UTC).</summary>
    private readonly record struct Stamp(long Length, long Seconds);

    public bool TryFind(string fingerprint, [NotNullWhen(true)] out StoredPage? page)
    {
        page = null;
        if (!IsValid(fingerprint))
        {
            return false;
        }

        _touched.TryAdd(fingerprint, 0);
        var path = PathOf(fingerprint);
        if (!_index.Value.TryGetValue(fingerprint, out var recorded) || StampOf(path) != recorded)
        {
            Interlocked.Increment(ref _misses);
            return false;
        }

        Interlocked.Increment(ref _hits);
        page = new StoredPage(() => Read(path), path);
        return true;
    }

    private static byte[]? Read(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    public StoredPage? Put(string fingerprint, byte[] content)
    {
        if (!IsValid(fingerprint))
        {
            return null;
        }

        _touched.TryAdd(fingerprint, 0);
        var path = PathOf(fingerprint);
        if (!CacheFiles.TryWriteAtomically(path, content) || StampOf(path) is not { } stamp)
        {
            return null;
        }

        _index.Value[fingerprint] = stamp;
        Interlocked.Increment(ref _indexChanges);
        Interlocked.Increment(ref _writes);
        return new StoredPage(() => Read(path), path);
    }

    /// <summary>
    /// Deletes pages this build neither read nor wrote once the cache holds more than twice as many as it used, and
    /// temporary files of processes that have ended (a crash between write and rename). The listing is skipped while
    /// the kept entry count shows nothing to delete (see <see cref="CacheFiles.Prune"/>).
    /// </summary>
    /// <returns>The number of files deleted.</returns>
    public int Prune() => CacheFiles.Prune(Root, 2 * _touched.Count, _writes,
        isEntry: file => !CacheFiles.IsTemporary(file),
        isStale: file => !_touched.ContainsKey(Path.GetFileName(file)),
        isLeftover: CacheFiles.IsOrphan,
        deleted: file => Forget(Path.GetFileName(file)));

    /// <summary>Drops the record of a deleted entry, so the index does not grow with pages long gone.</summary>
    private void Forget(string fingerprint)
    {
        if (_index.Value.TryRemove(fingerprint, out _))
        {
            Interlocked.Increment(ref _indexChanges);
        }
    }

    /// <summary>
    /// Writes the index when this build stored or deleted entries (call it once the pages are rendered and pruned). A
    /// failure only costs the next build its reuse of the pages stored since the last save.
    /// </summary>
    public bool TrySaveIndex()
    {
        if (_indexChanges == 0)
        {
            return true;
        }

        var records = _index.Value.OrderBy(r => r.Key, StringComparer.Ordinal).ToList();
        var bytes = new byte[IndexHeader.Length + records.Count * RecordBytes];
        IndexHeader.CopyTo(bytes, 0);
        var span = bytes.AsSpan(IndexHeader.Length);
        foreach (var (fingerprint, stamp) in records)
        {
            Convert.FromHexString(fingerprint, span[..FingerprintBytes], out _, out _);
            BinaryPrimitives.WriteInt64LittleEndian(span[FingerprintBytes..], stamp.Length);
            BinaryPrimitives.WriteInt64LittleEndian(span[(FingerprintBytes + sizeof(long))..], stamp.Seconds);
            span = span[RecordBytes..];
        }

        return CacheFiles.TryWriteAtomically(IndexPath, bytes);
    }

    /// <summary>The records at <paramref name="path"/>; a missing, unreadable or damaged index is an empty one (every entry a miss).</summary>
    private static ConcurrentDictionary<string, Stamp> LoadIndex(string path)
    {
        var index = new ConcurrentDictionary<string, Stamp>(StringComparer.Ordinal);
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return index;
        }

        if (!bytes.AsSpan().StartsWith(IndexHeader) || (bytes.Length - IndexHeader.Length) % RecordBytes != 0)
        {
            return index;
        }

        for (var span = bytes.AsSpan(IndexHeader.Length); !span.IsEmpty; span = span[RecordBytes..])
        {
            index[Convert.ToHexStringLower(span[..FingerprintBytes])] = new Stamp(
                BinaryPrimitives.ReadInt64LittleEndian(span[FingerprintBytes..]),
                BinaryPrimitives.ReadInt64LittleEndian(span[(FingerprintBytes + sizeof(long))..]));
        }

        return index;
    }

    /// <summary>The size and time of the file at <paramref name="path"/>, or null when it is not a regular file.</summary>
    private static Stamp? StampOf(string path) =>
        CacheFiles.RegularFile(path) is { } info ? new Stamp(info.Length, new DateTimeOffset(info.LastWriteTimeUtc).ToUnixTimeSeconds()) : null;

    private string PathOf(string fingerprint) => Path.Combine(Root, fingerprint[..2], fingerprint);

    /// <summary>Fingerprints are lower-case hex SHA-256; anything else never becomes a path.</summary>
    private static bool IsValid(string fingerprint) =>
        fingerprint.Length == 64 && fingerprint.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
