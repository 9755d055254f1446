using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Extraction;

public sealed class EventExtractorTests
{
    [Fact]
    public void An_undated_article_keeps_its_absolute_dates_and_drops_the_relative_ones()
    {
        TextBlock[] blocks =
        [
            new("2023年5月，河套合作區的人才驛站動工。去年，驛站的設計方案公開徵集意見。", BlockKind.Paragraph, 1),
            new("同年，驛站增設自助服務。12日，驛站舉行開放儀式。", BlockKind.Paragraph, 2),
        ];
        var article = new Article("a", "a.txt", "驛站", null, null, null, MetadataOrigin.None, null, "zh-Hant", Script.Hant, "utf-8",
            ArticleFormat.Text, 0, [], blocks, [], CleaningStats.Empty);

        var extraction = EventExtractor.Extract(article, SiteConfigParser.Parse(string.Empty).Value).Value;

        Assert.Equal(["2023年5月"], extraction.Statements.Select(s => s.Expression.Text));
        var dropped = extraction.Dropped.Select(d => (d.Expression, d.Reason)).ToList();
        Assert.Contains(("去年", DropReason.NoPublicationDate), dropped);
        Assert.Contains(("12日", DropReason.NoPublicationDate), dropped);
        // 同年 opens its paragraph, with nothing to refer to: that is not for want of a publication date.
        Assert.Contains(("同年", DropReason.UnresolvedReference), dropped);
    }
}
