using System.Collections.Concurrent;

namespace HetaoSite.Core.Writing;

/// <summary>
/// An <see cref="IPageCache"/> on disk: each rendered page stored under its fingerprint,
/// <c>&lt;root&gt;/pages/ab/abcd…</c> (content-addressed, so an entry never changes once written).
/// </summary>
/// <remarks>
/// Entries are written to a unique temporary file and renamed into place, so a reader sees a whole entry or none; an
/// unreadable entry is a miss; a failed write only costs speed. Lives in <c>Writing/</c>, where disk access belongs.
/// </remarks>
public sealed class DiskPageCache : IPageCache
{
    private readonly ConcurrentDictionary<string, byte> _touched = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;
    private int _writes;

    /// <param name="root">The cache folder, e.g. <c>.hetao-cache/</c> beside <c>site-config.yml</c>.</param>
    public DiskPageCache(string root)
    {
        Root = Path.Combine(Path.GetFullPath(root), "pages");
    }

    public string Root { get; }

    public int Hits => _hits;

    public int Misses => _misses;

    public bool TryFind(string fingerprint, out Func<byte[]?>? read)
    {
        read = null;
        if (!IsValid(fingerprint))
        {
            return false;
        }

        _touched.TryAdd(fingerprint, 0);
        var path = PathOf(fingerprint);
        if (!File.Exists(path))
        {
            Interlocked.Increment(ref _misses);
            return false;
        }

        Interlocked.Increment(ref _hits);
        read = () => Read(path);
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

    public Func<byte[]?>? Put(string fingerprint, byte[] content)
    {
        if (!IsValid(fingerprint))
        {
            return null;
        }

        _touched.TryAdd(fingerprint, 0);
        var path = PathOf(fingerprint);
        if (!CacheFiles.TryWriteAtomically(path, content))
        {
            return null;
        }

        Interlocked.Increment(ref _writes);
        return () => Read(path);
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
        isLeftover: CacheFiles.IsOrphan);

    private string PathOf(string fingerprint) => Path.Combine(Root, fingerprint[..2], fingerprint);

    /// <summary>Fingerprints are lower-case hex SHA-256; anything else never becomes a path.</summary>
    private static bool IsValid(string fingerprint) =>
        fingerprint.Length == 64 && fingerprint.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
