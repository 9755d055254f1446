using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>A dated statistic (截至2024年6月…累計推出標準138項): shown as a key figure, not as an event.</summary>
[MemoryPackable]
public sealed partial record KeyFigure(PartialDate Date, string Expression, string Sentence, string FileName, string ArticleId, string Anchor);
