using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>Merges the statements of all articles into one ordered timeline. (Interim: empty.)</summary>
public static class TimelineBuilder
{
    public static SiteTimeline Build(IReadOnlyList<ArticleExtraction> articles, SiteConfig config, IScriptConverter? converter) =>
        new([], [], []);
}
