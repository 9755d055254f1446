using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>Decides an article's title, outlet and published date. (Interim: config and front matter only.)</summary>
public static class MetadataResolver
{
    public static StageResult<Article?> Resolve(CleanArticle clean, ArticleOverride? articleOverride, BuildLimits limits)
    {
        var raw = clean.Raw;
        var published = articleOverride?.Published ?? raw.Metadata.Date;
        if (published is null)
        {
            return new StageResult<Article?>(null, [Diagnostic.Error("HS0001", "no publication date found", raw.FileName)]);
        }

        var title = articleOverride?.Title ?? raw.Metadata.Title ?? clean.Blocks.FirstOrDefault()?.Text ?? raw.FileName;
        var article = new Article(ArticleIds.FromFileName(raw.FileName), raw.FileName, title, raw.Metadata.Outlet, raw.Metadata.Url,
            published.Value, articleOverride?.Published is not null ? MetadataOrigin.Config : raw.Metadata.Origin,
            clean.Language, clean.Script, raw.Encoding, raw.Format, clean.Blocks.Sum(b => b.Text.Length), raw.Metadata.Tags,
            clean.Blocks, clean.Bylines, clean.Stats);
        return StageResult<Article?>.Ok(article);
    }
}
