using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>
/// Remembers per-article results (loading, cleaning, metadata and date extraction, with their diagnostics) by a key
/// made of the article's content hash, the engine version and the configuration that affects the result. Only
/// results without errors are stored.
/// </summary>
public interface IArticleCache
{
    bool TryGet(string key, out StageResult<ArticleExtraction?>? result);

    void Put(string key, StageResult<ArticleExtraction?> result);

    /// <summary>
    /// Called once after the <paramref name="articleCount"/> articles of a build were processed: keeps what was put (a
    /// cache may hold it back until then), and may drop what was neither got nor put. Returns the number of entries dropped.
    /// </summary>
    int Save(int articleCount);
}
