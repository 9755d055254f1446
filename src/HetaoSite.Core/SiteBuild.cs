using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core;

/// <summary>The result of a build: the files to write, everything the build found and, once written, what writing did.</summary>
public sealed record SiteBuild(
    SiteConfig Config,
    IReadOnlyList<ArticleExtraction> Articles,
    SiteTimeline Timeline,
    IReadOnlyList<OutputFile> Files,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> SkippedFiles)
{
    /// <summary>The file names of the articles read, including those the build skipped or failed on.</summary>
    public IReadOnlyList<string> ArticleFiles { get; init; } = [];

    /// <summary>What writing the files did; null when the build was not written (in memory, or failed).</summary>
    public WriteSummary? Written { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
