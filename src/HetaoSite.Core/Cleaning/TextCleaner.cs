using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning;

/// <summary>Applies the cleaning rules in order. (Interim: passes text through.)</summary>
public static class TextCleaner
{
    public static StageResult<CleanArticle> Clean(RawArticle raw, CleaningOptions options, ArticleOverride? articleOverride) =>
        StageResult<CleanArticle>.Ok(new CleanArticle(raw, raw.Blocks, [], Script.Hant, "zh-Hant", CleaningStats.Empty, []));
}
