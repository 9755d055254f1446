namespace HetaoSite.Core.Model;

/// <summary>
/// Everything the per-article part of the pipeline produces for one article. This is the unit that is cached by
/// content hash and computed in parallel.
/// </summary>
/// <param name="ScriptTexts">The article's displayed texts in both scripts, when a converter was present (see <see cref="Model.ScriptTexts"/>).</param>
/// <param name="ContentKey">The article cache's key of this result: a hash of everything it was made from (file bytes,
/// engine version, configuration, converter). Null when built without a cache; never stored in the cache itself.</param>
public sealed record ArticleExtraction(
    Article Article,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<DatedStatement> Statements,
    IReadOnlyList<KeyFigure> Figures,
    IReadOnlyList<DroppedDate> Dropped,
    int DatesFound,
    ScriptTexts? ScriptTexts = null,
    string? ContentKey = null);
