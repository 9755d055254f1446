using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction;

/// <summary>A drop a maintainer may overrule carries the id that <c>events.keep</c> takes; listing it keeps the statement.</summary>
public sealed class EventExtractorKeepTests
{
    private const string Paragraph = "今年3月，廣東省科技廳公布一批人工智能開放創新平台名單。";

    private static readonly SiteConfig Zone = SiteConfig.Default with { Zone = new ZoneGazetteer(["河套"], [], []) };

    [Fact]
    public void A_statement_not_about_the_zone_is_listed_with_its_sentence_and_id_and_kept_by_that_id()
    {
        var dropped = Assert.Single(Extract(Zone).Dropped);
        Assert.Equal(DropReason.NotAboutZone, dropped.Reason);
        Assert.Equal(Paragraph, dropped.Sentence);
        Assert.StartsWith("e2024-", dropped.Id, StringComparison.Ordinal);

        var keep = Zone with { Editorial = Zone.Editorial with { Keep = [dropped.Id!] } };
        var kept = Assert.Single(Extract(keep).Statements);
        Assert.Equal("今年3月", kept.Expression.Text);
    }

    [Fact]
    public void Without_a_zone_section_the_same_statement_is_an_event() =>
        Assert.Single(Extract(SiteConfig.Default).Statements);

    private static ArticleExtraction Extract(SiteConfig config)
    {
        var block = new TextBlock(Paragraph, BlockKind.Paragraph, 1);
        var article = new Article("a", "a.txt", "a", null, null, new PartialDate(2024, 8, 9), MetadataOrigin.Config, "config", "zh-Hant", Script.Hant,
            "utf-8", ArticleFormat.Text, Paragraph.Length, [], [block], [], CleaningStats.Empty);
        return EventExtractor.Extract(article, config).Value;
    }
}
