using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Writing;

/// <summary>A per-article result with every field set to a non-default value, so a field lost in a round trip shows.</summary>
internal static class SampleExtraction
{
    public static StageResult<ArticleExtraction?> Create(string fileName = "003_深圳.md")
    {
        const string lead = "河套深港科技創新合作區成立五周年。";
        var sentence = new Sentence(2, 1, lead.Length, "2019年3月5日，河套深港科技創新合作區舉行開園儀式。");
        var range = new TemporalExpression("2020年1至5月", 3, new PartialDate(2020, 1), new PartialDate(2020, 5), Relative: true, Approximate: true);
        var article = new Article(
            "shenzhen-003", fileName, "河套「量子谷」", "大公報", "https://example.org/a?b=1&c=<2>",
            new PartialDate(2022, 9, 13), MetadataOrigin.Dateline, "dateline, line 3 (year from URL)", "zh-Hans", Script.Hans, "gb18030", ArticleFormat.Html, 2048,
            ["科創", "深港"],
            [
                new TextBlock("圖為河套。新華社記者 梁旭 攝", BlockKind.Caption, 7),
                new TextBlock("小標題", BlockKind.Heading, 9),
                new TextBlock(lead + sentence.Text, BlockKind.ListItem, 11),
            ],
            [new Byline("深圳新聞網2025年12月12日訊", 3)],
            new CleaningStats(1, 2, 3, 4, 5, 6));
        var extraction = new ArticleExtraction(
            article,
            [
                new Sentence(1, 0, 0, "小標題"), // the whole block
                new Sentence(2, 0, 0, lead), // a slice of its block
                sentence,
                new Sentence(3, 0, 0, "去年9月，同月8日。"), // no such block
                new Sentence(0, 0, 2, "不在塊中"), // not the text at its offset
            ],
            [
                new DatedStatement("shenzhen-003", fileName, sentence, range, "舉行開園儀式", "infrastructure", Planned: true),
                new DatedStatement("shenzhen-003", fileName, new Sentence(9, 9, 9, "只在陳述中"), range with { End = null }, "另一件事", "policy", Planned: false),
            ],
            [new KeyFigure(new PartialDate(2024), "截至2024年", "累計推出標準138項", fileName, "shenzhen-003", "s2-1")],
            [new DroppedDate("五周年", DropReason.Anniversary, 4, "成立五周年"), new DroppedDate("09:31", DropReason.TimeOfDay, 1)],
            17,
            new ScriptTexts("0123abcd", ["河套「量子谷」简体", null, "小标题", string.Empty]));
        return new StageResult<ArticleExtraction?>(extraction,
        [
            Diagnostic.Warning("HS0101", "pinyin annotation removed", fileName, 12, "nothing to do"),
            Diagnostic.Info("HS0200", "note"),
        ]);
    }
}
