using System.Collections.Concurrent;
using HetaoSite.Core.Model;
using MemoryPack;

namespace HetaoSite.Core.Writing;

/// <summary>
/// The article memo on disk: one file per key under <c>&lt;root&gt;/articles/ab/abcd….bin</c> (sharded by the first two
/// hex characters so no folder holds tens of thousands of files).
/// </summary>
/// <remarks>
/// <para>An entry is the checksum of its body, then the body: the key and the result, serialized by <see cref="StoredValues"/>
/// (records by all their public members, serializers generated at compile time). No list of fields is kept by hand: a
/// field added to a record is stored with it, and since the engine version is part of every key, entries made by
/// another build of the engine are never read.</para>
/// <para>A cache can only make a build faster, never different or failing: an entry that cannot be read, whose checksum
/// does not match, that does not deserialize, or that was stored under another key is a miss, and is overwritten; a
/// failed write is ignored. Safe to share between threads and between processes (a build and <c>serve</c>): entries
/// are written to a unique temporary file and renamed into place, so a reader sees the old entry, the new one, or none.</para>
/// <para>It lives in <c>Writing/</c> because only <c>Loading/</c> and <c>Writing/</c> may touch the disk.</para>
/// </remarks>
public sealed class DiskArticleCache : IArticleCache
{
    private const string Extension = ".bin";
    private const string EntriesFolder = "articles";

    // Far above any real entry; a larger file is damage, not something to allocate for.
    private const long MaxEntryBytes = 256L * 1024 * 1024;

    private readonly ConcurrentDictionary<string, byte> _touched = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;
    private int _writes;

    /// <param name="root">The cache folder, e.g. <c>.hetao-cache/</c> beside <c>site-config.yml</c>; created on first write.</param>
    public DiskArticleCache(string root)
    {
        Root = Path.GetFullPath(root);
        EntriesRoot = Path.Combine(Root, EntriesFolder);
    }

    public string Root { get; }

    private string EntriesRoot { get; }

    public int Hits => _hits;

    public int Misses => _misses;

    public int Writes => _writes;

    public bool TryGet(string key, out StageResult<ArticleExtraction?>? result)
    {
        result = null;
        if (!IsValidKey(key))
        {
            return false;
        }

        _touched.TryAdd(key, 0);
        result = TryRead(PathOf(key), key);
        Interlocked.Increment(ref result is null ? ref _misses : ref _hits);
        return result is not null;
    }

    public void Put(string key, StageResult<ArticleExtraction?> result)
    {
        if (!IsValidKey(key))
        {
            return;
        }

        _touched.TryAdd(key, 0);
        var body = StoredValues.Serialize(new MemoEntry(key, result));
        if (StoredValues.TryWrite(PathOf(key), body))
        {
            Interlocked.Increment(ref _writes);
        }
    }

    /// <summary>
    /// Deletes the entries this instance neither read nor wrote, once the cache holds more than twice
    /// <paramref name="articleCount"/> of them (keeping some lets switching back and forth between two versions of an
    /// article or of the config stay fast); temporary files of writers that have ended; and anything else in the cache
    /// folder, which only ever holds <c>articles/</c> and the page store's <c>pages/</c>.
    /// </summary>
    /// <returns>The number of files and folders deleted.</returns>
    public int Prune(int articleCount)
    {
        if (!Directory.Exists(Root))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var entry in Directory.EnumerateFileSystemEntries(Root).Where(e => Path.GetFileName(e) is not (EntriesFolder or DiskPageStore.Folder)))
        {
            deleted += StoredValues.TryDelete(entry) ? 1 : 0;
        }

        if (!Directory.Exists(EntriesRoot))
        {
            return deleted;
        }

        var files = Directory.EnumerateFiles(EntriesRoot, "*", SearchOption.AllDirectories).ToList();
        var entries = files.Count(f => f.EndsWith(Extension, StringComparison.Ordinal));
        foreach (var file in files)
        {
            var stale = file.EndsWith(Extension, StringComparison.Ordinal)
                ? entries > 2 * articleCount && !_touched.ContainsKey(Path.GetFileNameWithoutExtension(file))
                : !file.EndsWith(StoredValues.TemporarySuffix, StringComparison.Ordinal) || IsOrphan(file);
            deleted += stale && StoredValues.TryDelete(file) ? 1 : 0;
        }

        return deleted;
    }

    private static StageResult<ArticleExtraction?>? TryRead(string path, string key)
    {
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists || info.Length > MaxEntryBytes || StoredValues.Body(File.ReadAllBytes(path)) is not { } body)
            {
                return null;
            }

            return StoredValues.TryDeserialize<MemoEntry>(body.Span) is { Key: var stored, Result: { Value: not null } result } && stored == key ? result : null;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>A temporary file of <see cref="StoredValues.TryWrite"/> whose writer process has ended.</summary>
    private static bool IsOrphan(string file)
    {
        var name = Path.GetFileNameWithoutExtension(file);
        var owner = name[(name.LastIndexOf('.') + 1)..].Split('-')[0];
        if (!int.TryParse(owner, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var pid))
        {
            return true;
        }

        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return false;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }

    private string PathOf(string key) => Path.Combine(EntriesRoot, key[..2], key + Extension);

    /// <summary>Keys are lower-case hex (see <see cref="ArticleProcessor"/>); anything else never becomes a path.</summary>
    private static bool IsValidKey(string key) =>
        key.Length is >= 8 and <= 128 && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}

/// <summary>What one file of the memo holds.</summary>
[MemoryPackable]
internal sealed partial record MemoEntry(string Key, StageResult<ArticleExtraction?> Result);
