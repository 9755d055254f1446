using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Writing;

namespace HetaoSite.Core;

/// <summary>
/// The result of a build: the paths of its files, everything the build found and either the files themselves (a build
/// in memory) or, once written, what writing did.
/// </summary>
public sealed record SiteBuild(
    SiteConfig Config,
    IReadOnlyList<ArticleExtraction> Articles,
    SiteTimeline Timeline,
    IReadOnlyList<string> Paths,
    IReadOnlyList<Diagnostic> Diagnostics,
    IReadOnlyList<string> SkippedFiles)
{
    /// <summary>
    /// The files with their bytes, sorted by path, when the build was made in memory; empty when it was written to an
    /// output folder as it rendered (its bytes are on disk, not here).
    /// </summary>
    public IReadOnlyList<OutputFile> Files { get; init; } = [];

    /// <summary>How many HTML pages the build made.</summary>
    public int Pages => Paths.Count(p => p.EndsWith(".html", StringComparison.Ordinal));

    /// <summary>The file names of the articles read, including those the build skipped or failed on.</summary>
    public IReadOnlyList<string> ArticleFiles { get; init; } = [];

    /// <summary>What writing the files did; null when the build was not written (in memory, or failed).</summary>
    public WriteSummary? Written { get; init; }

    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
