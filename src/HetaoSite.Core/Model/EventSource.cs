namespace HetaoSite.Core.Model;

/// <summary>Provenance of an event: the article file, the exact sentence and the date expression in it.</summary>
public sealed record EventSource(string File, string ArticleId, string Sentence, string Expression, string Anchor);
