namespace HetaoSite.Core.Model;

/// <summary>A date expression that was found and not kept, with the reason; for <c>report.json</c>.</summary>
public sealed record DroppedDate(string Expression, DropReason Reason, int Block, string? Detail = null);
