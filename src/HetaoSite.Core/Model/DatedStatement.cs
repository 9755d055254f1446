using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// An event candidate from one sentence of one article, before events from several articles are merged.
/// </summary>
/// <param name="Planned">True when the date is after publication or the wording is a plan (預計, 將, 計劃, 到…年).</param>
/// <param name="Title">A concise clause naming what happened (not the raw sentence).</param>
[MemoryPackable]
public sealed partial record DatedStatement(
    string ArticleId,
    string FileName,
    Sentence Sentence,
    TemporalExpression Expression,
    string Title,
    string Category,
    bool Planned);
