using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// Everything the per-article part of the pipeline produces for one article. This is the unit that is cached by
/// content hash and computed in parallel.
/// </summary>
/// <param name="ScriptTexts">The article's displayed texts converted into the other script, when a converter was present (see <see cref="Model.ScriptTexts"/>).</param>
[MemoryPackable]
public sealed partial record ArticleExtraction(
    Article Article,
    IReadOnlyList<Sentence> Sentences,
    IReadOnlyList<DatedStatement> Statements,
    IReadOnlyList<KeyFigure> Figures,
    IReadOnlyList<DroppedDate> Dropped,
    int DatesFound,
    ScriptTexts? ScriptTexts = null);
