using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>A byline or dateline taken out of the article text (never a source of events), with its source line.</summary>
/// <example><c>深圳新聞網2025年12月12日訊</c>, <c>2024年08月09日09:31 | 來源:新華網</c>, <c>新華社深圳8月8日電</c>.</example>
[MemoryPackable]
public sealed partial record Byline(string Text, int Line);
