using System.Collections.Concurrent;
using System.Text.Json;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// An <see cref="IArticleCache"/> on disk: one JSON file per key under <c>&lt;root&gt;/articles/ab/abcd….json</c>
/// (sharded by the first two hex characters so no folder holds tens of thousands of files).
/// </summary>
/// <remarks>
/// <para>Safe to share between threads and between processes (a build and <c>serve</c>): entries are written to a
/// unique temporary file and renamed into place, so a reader sees either the old entry, the new one, or none.</para>
/// <para>A cache can only make a build faster, never different or failing: an entry that cannot be read or parsed,
/// or that was stored under another key, is a miss and is overwritten; a failed write is ignored.</para>
/// <para>It lives in <c>Writing/</c> because only <c>Loading/</c> and <c>Writing/</c> may touch the disk.</para>
/// </remarks>
public sealed class DiskArticleCache : IArticleCache
{
    private const string Extension = ".json";
    private readonly ConcurrentDictionary<string, byte> _touched = new(StringComparer.Ordinal);
    private int _hits;
    private int _misses;
    private int _writes;

    /// <param name="root">The cache folder, e.g. <c>.hetao-cache/</c> beside <c>site-config.yml</c>; created on first write.</param>
    public DiskArticleCache(string root)
    {
        Root = Path.GetFullPath(root);
        EntriesRoot = Path.Combine(Root, "articles");
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
        try
        {
            var bytes = File.ReadAllBytes(PathOf(key));
            var entry = JsonSerializer.Deserialize(bytes, CacheJsonContext.Compact.CacheEntry);
            if (entry is { Format: CacheEntry.CurrentFormat, Result.Value: not null } && string.Equals(entry.Key, key, StringComparison.Ordinal))
            {
                result = entry.Result;
                Interlocked.Increment(ref _hits);
                return true;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or ArgumentException or NotSupportedException)
        {
            // Missing, unreadable, truncated or from another version: recompute; Put overwrites it.
        }

        Interlocked.Increment(ref _misses);
        return false;
    }

    public void Put(string key, StageResult<ArticleExtraction?> result)
    {
        if (!IsValidKey(key))
        {
            return;
        }

        _touched.TryAdd(key, 0);
        var bytes = JsonSerializer.SerializeToUtf8Bytes(new CacheEntry(CacheEntry.CurrentFormat, key, result), CacheJsonContext.Compact.CacheEntry);
        if (CacheFiles.TryWriteAtomically(PathOf(key), bytes))
        {
            Interlocked.Increment(ref _writes);
        }
    }

    /// <summary>
    /// Deletes entries that this instance neither read nor wrote, but only once the cache holds more than twice
    /// <paramref name="articleCount"/> entries: old entries are cheap, and keeping some lets switching back and forth
    /// between two versions of an article (or of the config) stay fast. Leftover temporary files are deleted too.
    /// </summary>
    /// <returns>The number of files deleted.</returns>
    public int Prune(int articleCount)
    {
        if (!Directory.Exists(EntriesRoot))
        {
            return 0;
        }

        var files = Directory.EnumerateFiles(EntriesRoot, "*", SearchOption.AllDirectories).ToList();
        var entries = files.Count(f => f.EndsWith(Extension, StringComparison.Ordinal));
        var deleted = 0;
        foreach (var file in files)
        {
            var isEntry = file.EndsWith(Extension, StringComparison.Ordinal);
            var stale = isEntry
                ? entries > 2 * articleCount && !_touched.ContainsKey(Path.GetFileNameWithoutExtension(file))
                : CacheFiles.IsOrphan(file);
            if (stale && CacheFiles.TryDelete(file))
            {
                deleted++;
            }
        }

        return deleted;
    }

    private string PathOf(string key) => Path.Combine(EntriesRoot, key[..2], key + Extension);

    /// <summary>Keys are lower-case hex (see <see cref="ArticleProcessor.CacheKey(SourceFile, Configuration.SiteConfig, string)"/>); anything else never becomes a path.</summary>
    private static bool IsValidKey(string key) =>
        key.Length is >= 8 and <= 128 && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
