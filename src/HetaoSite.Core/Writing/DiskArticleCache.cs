using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Writing;

/// <summary>
/// An <see cref="IArticleCache"/> on disk: one file per key under <c>&lt;root&gt;/articles/ab/abcd….bin</c>
/// (sharded by the first two hex characters so no folder holds tens of thousands of files), in the binary form of
/// <see cref="CacheEntryCodec"/>.
/// </summary>
/// <remarks>
/// <para>Safe to share between threads and between processes (a build and <c>serve</c>): entries are written to a
/// unique temporary file and renamed into place, so a reader sees either the old entry, the new one, or none.</para>
/// <para>A cache can only make a build faster, never different or failing: an entry that cannot be read or parsed,
/// or that was stored under another key or by another format, is a miss and is overwritten; a failed write is ignored.
/// Entries of the JSON format (<c>.json</c>) are never read and are deleted by <see cref="Prune"/>.</para>
/// <para>It lives in <c>Writing/</c> because only <c>Loading/</c> and <c>Writing/</c> may touch the disk.</para>
/// </remarks>
public sealed class DiskArticleCache : IArticleCache
{
    private const string Extension = ".bin";
    private const string LegacyExtension = ".json";

    // Far above any real entry (a few KB to a few MB); a larger file is damage, not something to allocate for.
    private const long MaxEntryBytes = 256L * 1024 * 1024;

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
        if (TryRead(PathOf(key), key, out var entry) && entry.Value is not null)
        {
            result = entry;
            Interlocked.Increment(ref _hits);
            return true;
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
        var bytes = CacheEntryCodec.Encode(key, result);
        if (CacheFiles.TryWriteAtomically(PathOf(key), bytes))
        {
            Interlocked.Increment(ref _writes);
        }
    }

    /// <summary>
    /// Deletes entries that this instance neither read nor wrote, but only once the cache holds more than twice
    /// <paramref name="articleCount"/> entries: old entries are cheap, and keeping some lets switching back and forth
    /// between two versions of an article (or of the config) stay fast. Leftover temporary files and entries of the
    /// former JSON format are deleted too. The listing is skipped while the kept entry count shows nothing to delete
    /// (see <see cref="CacheFiles.Prune"/>).
    /// </summary>
    /// <returns>The number of files deleted.</returns>
    public int Prune(int articleCount) => CacheFiles.Prune(EntriesRoot, 2 * articleCount, _writes,
        isEntry: file => file.EndsWith(Extension, StringComparison.Ordinal),
        isStale: file => !_touched.ContainsKey(Path.GetFileNameWithoutExtension(file)),
        isLeftover: file => file.EndsWith(LegacyExtension, StringComparison.Ordinal) || CacheFiles.IsOrphan(file));

    /// <summary>Reads the whole file into a pooled buffer (entries are read once, by thousands) and decodes it.</summary>
    private static bool TryRead(string path, string key, [NotNullWhen(true)] out StageResult<ArticleExtraction?>? result)
    {
        result = null;
        byte[]? buffer = null;
        try
        {
            using var handle = File.OpenHandle(path);
            var length = RandomAccess.GetLength(handle);
            if (length > MaxEntryBytes)
            {
                return false;
            }

            buffer = ArrayPool<byte>.Shared.Rent((int)length);
            var read = 0;
            while (read < length)
            {
                var count = RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read);
                if (count == 0)
                {
                    break; // The file shrank while being read: half an entry, which the codec's checksum refuses.
                }

                read += count;
            }

            return CacheEntryCodec.TryDecode(buffer.AsSpan(0, read), key, out result);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Missing or unreadable: recompute; Put overwrites it.
        }
        finally
        {
            if (buffer is not null)
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        return false;
    }

    private string PathOf(string key) => Path.Combine(EntriesRoot, key[..2], key + Extension);

    /// <summary>Keys are lower-case hex (see <see cref="ArticleProcessor.CacheKey(SourceFile, Configuration.SiteConfig, string)"/>); anything else never becomes a path.</summary>
    private static bool IsValidKey(string key) =>
        key.Length is >= 8 and <= 128 && key.All(c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f'));
}
