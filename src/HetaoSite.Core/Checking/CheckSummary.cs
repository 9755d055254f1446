namespace HetaoSite.Core.Checking;

/// <summary>How much <see cref="SiteChecker"/> looked at: files, HTML pages and internal links followed.</summary>
public sealed record CheckSummary(int Files, int Pages, int InternalLinks);
