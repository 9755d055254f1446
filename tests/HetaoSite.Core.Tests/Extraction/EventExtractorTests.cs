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
            new("同年，驛站增設自助服務。12日，驛站舉行開放儀式。", BlockKind.Paragraph, 1),
            new("2023年5月，河套合作區的人才驛站動工。去年，驛站的設計方案公開徵集意見。", BlockKind.Paragraph, 2),
        ];
        var article = Article("驛站", blocks, published: null);

        var extraction = EventExtractor.Extract(article, SiteConfigParser.Parse(string.Empty).Value).Value;

        Assert.Equal(["2023年5月"], extraction.Statements.Select(s => s.Expression.Text));
        var dropped = extraction.Dropped.Select(d => (d.Expression, d.Reason)).ToList();
        Assert.Contains(("去年", DropReason.NoPublicationDate), dropped);
        Assert.Contains(("12日", DropReason.NoPublicationDate), dropped);
        // 同年 opens the article, with nothing to refer to: that is not for want of a publication date.
        Assert.Contains(("同年", DropReason.UnresolvedReference), dropped);
    }

    [Fact]
    public void Same_day_refers_to_the_nearest_development_told_before_it_in_the_article()
    {
        TextBlock[] blocks =
        [
            new("2023年8月，河套深圳園區的規劃獲批。", BlockKind.Paragraph, 1),
            new("港深兩地政府5日在深圳舉行會議，簽署了河套深圳園區的建設協議。", BlockKind.Paragraph, 2),
            new("同一場合，兩家研究院同日簽約進駐河套深圳園區。", BlockKind.Paragraph, 3),
            new("另外兩份文件涉及人才和金融合作。", BlockKind.Paragraph, 4),
            new("當天還舉行了河套深圳園區聯合辦公室的揭牌儀式。", BlockKind.Paragraph, 5),
        ];
        var article = Article("同日", blocks, PartialDate.Parse("2023-09-06"));

        var extraction = EventExtractor.Extract(article, SiteConfigParser.Parse(string.Empty).Value).Value;

        var dates = extraction.Statements.Select(s => $"{s.Expression.Text} {s.Expression.Date}").ToList();
        Assert.Contains("同日 2023-09-05", dates);
        // 當天 opens a later paragraph: the day of the development told before, not the publication day.
        Assert.Contains("當天 2023-09-05", dates);
    }

    [Fact]
    public void Dates_in_the_headline_are_left_to_the_body()
    {
        TextBlock[] blocks =
        [
            new("河套香港園區下半年開園", BlockKind.Paragraph, 1),
            new("局長9月1日表示，河套深港科技創新合作區香港園區將在今年下半年開園。", BlockKind.Paragraph, 2),
        ];
        var article = Article("河套香港園區下半年開園", blocks, PartialDate.Parse("2025-09-01"));

        var extraction = EventExtractor.Extract(article, SiteConfigParser.Parse(string.Empty).Value).Value;

        var statement = Assert.Single(extraction.Statements);
        Assert.Equal((2, "今年下半年", true), (statement.Sentence.Block + 1, statement.Expression.Text, statement.Planned));
        Assert.Contains(extraction.Dropped, d => d.Expression == "下半年" && d.Detail == "heading");
        Assert.Contains(extraction.Dropped, d => d.Expression == "9月1日" && d.Reason == DropReason.NoDevelopment);
    }

    private static Article Article(string title, TextBlock[] blocks, PartialDate? published) =>
        new("a", "a.txt", title, null, null, published, published is null ? MetadataOrigin.None : MetadataOrigin.Config, null, "zh-Hant",
            Script.Hant, "utf-8", ArticleFormat.Text, 0, [], blocks, [], CleaningStats.Empty);
}
