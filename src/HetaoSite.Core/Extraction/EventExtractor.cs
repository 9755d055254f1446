using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>Finds the dated statements of one article. (Interim: none.)</summary>
public static class EventExtractor
{
    public static StageResult<ArticleExtraction> Extract(Article article, SiteConfig config) =>
        StageResult<ArticleExtraction>.Ok(new ArticleExtraction(article, [], [], [], [], 0));
}
