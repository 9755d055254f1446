using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>Everything the renderer shows: the config, the processed articles and the timeline.</summary>
public sealed record SiteContent(SiteConfig Config, IReadOnlyList<ArticleExtraction> Articles, SiteTimeline Timeline, BuildContext Context)
{
    /// <summary>What the build found before rendering (reading, config, articles, timeline), for <c>data/report.json</c>.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; init; } = [];

    /// <summary>The image files the articles show, each once: copied to the output under their hashed names.</summary>
    public IReadOnlyList<Loading.ImageFile> Images { get; init; } = [];
}
