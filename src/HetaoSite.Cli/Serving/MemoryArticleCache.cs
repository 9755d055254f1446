using System.Collections.Concurrent;
using HetaoSite.Core;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Serving;

/// <summary>
/// Keeps per-article results in memory for the life of a preview server, so a rebuild redoes only the articles
/// whose content (or the config that affects them) changed. Nothing is written to disk.
/// </summary>
public sealed class MemoryArticleCache : IArticleCache
{
    // Each edit adds an entry under a new content key; a long session would otherwise grow without end.
    private const int MaxEntries = 4096;

    private readonly ConcurrentDictionary<string, StageResult<ArticleExtraction?>> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string key, out StageResult<ArticleExtraction?>? result)
    {
        var found = _entries.TryGetValue(key, out var value);
        result = value;
        return found;
    }

    public void Put(string key, StageResult<ArticleExtraction?> result)
    {
        if (_entries.Count >= MaxEntries)
        {
            _entries.Clear();
        }

        _entries[key] = result;
    }

    /// <summary>Nothing: the entries live as long as the server, bounded by a maximum count.</summary>
    public int Save(int articleCount) => 0;
}
