using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core;

/// <summary>The result of a build, in memory: the files to write and everything the build found.</summary>
public sealed record SiteBuild(
    SiteConfig Config,
    IReadOnlyList<ArticleExtraction> Articles,
    SiteTimeline Timeline,
    IReadOnlyList<OutputFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> SkippedFiles)
{
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
