using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.TestSupport;

/// <summary>
/// A hand-built site for rendering tests, independent of the extraction pipeline: three articles (two Traditional,
/// one Simplified) with headings, captions and list items, and fifteen events across 2017–2025 with year, month and
/// day precision, a range, planned and approximate events, and one event with two sources.
/// </summary>
public static class SampleSite
{
    public static readonly DateOnly BuildDate = new(2025, 6, 30);

    public static SiteContent Content(IScriptConverter? converter = null, string? basePathOverride = null,
        IReadOnlyList<ArticleExtraction>? articles = null, IReadOnlyList<TimelineEvent>? events = null, SiteSettings? settings = null)
    {
        var config = SiteConfig.Default with
        {
            Site = settings ?? SiteSettings.Default with { BaseUrl = "https://example.org/hetao/", BuildDate = BuildDate },
        };
        articles ??= Articles();
        var timeline = new SiteTimeline(events ?? Events(), [], []);
        return new SiteContent(config, articles, timeline, new BuildContext(null, converter, BasePathOverride: basePathOverride));
    }

    public static IReadOnlyList<ArticleExtraction> Articles() =>
    [
        Article("2017-hetao-mou", "001_mou.txt", "港深簽署河套地區共同發展合作備忘錄", "香港政府新聞網",
            "https://www.info.gov.hk/gia/general/201701/03/P2017010300712.htm", new PartialDate(2017, 1, 4), Script.Hant,
        [
            new("港深合作邁出一步", BlockKind.Heading, 1),
            new("2017年1月3日，港深兩地政府簽署《關於港深推進落馬洲河套地區共同發展的合作備忘錄》。雙方同意在河套地區共同發展港深創新及科技園。", BlockKind.Paragraph, 3),
            new("圖為簽署儀式現場。（新聞處攝）", BlockKind.Caption, 5),
            new("2018年，雙方成立聯合專責小組。園區第一期預計於2024年起分階段落成。", BlockKind.Paragraph, 7),
            new("2019年3月，專責小組召開首次會議。", BlockKind.ListItem, 9),
            new("2019年下半年，完成土地平整。", BlockKind.ListItem, 10),
        ]),
        Article("2021-shenzhen-park", "002_park.md", "河套深港科技创新合作区深圳园区开园一周年", "深圳特区报",
            "javascript:alert(1)", new PartialDate(2021, 9, 8), Script.Hans,
        [
            new("2020年1月至5月，深圳园区完成首批科研楼宇建设。2020年8月18日，河套深港科技创新合作区深圳园区正式开园。", BlockKind.Paragraph, 4),
            new("2021年9月，合作区发布人才政策。", BlockKind.Paragraph, 6),
            new("预计到2025年，园区将引进超过100家企业。", BlockKind.Paragraph, 8),
            new("深圳园区全景。", BlockKind.Caption, 10),
        ]),
        Article("2024-plan", "003_plan.html", "河套合作區發展規劃發佈一周年", "大公報",
            "https://www.takungpao.com/news/232109/2024/0830/1000001.html", new PartialDate(2024, 8, 30), Script.Hant,
        [
            new("2023年8月29日，國務院印發《河套深港科技創新合作區深圳園區發展規劃》。", BlockKind.Paragraph, 12),
            new("2024年6月，合作區舉辦首屆國際論壇。2024年8月8日，香港科學園與深圳園區簽署合作協議。", BlockKind.Paragraph, 14),
            new("量子研究", BlockKind.Heading, 16),
            new("2022年，粵港澳大灣區量子科學中心在園區成立。2025年，合作區將建成跨境專用通道。", BlockKind.Paragraph, 18),
            new("2024年年初，首批港資企業落戶。", BlockKind.Paragraph, 20),
        ]),
    ];

    public static IReadOnlyList<TimelineEvent> Events()
    {
        var articles = Articles().ToDictionary(a => a.Article.Id);
        EventSource Src(string article, int block, int index, string expression)
        {
            var a = articles[article];
            var sentence = a.Sentences.Single(s => s.Block == block && s.Index == index);
            return new EventSource(a.Article.FileName, article, sentence.Text, expression, sentence.Anchor);
        }

        TimelineEvent E(string id, PartialDate date, string title, string category, EventSource source,
            PartialDate? end = null, bool planned = false, bool approximate = false, EventSource? second = null) =>
            new(id, date, end, title, category, planned, approximate, second is null ? [source] : [source, second]);

        return
        [
            E("2017-01-03-mou", new PartialDate(2017, 1, 3), "港深簽署河套地區共同發展合作備忘錄", "cooperation", Src("2017-hetao-mou", 1, 0, "2017年1月3日")),
            E("2018-task-force", new PartialDate(2018), "雙方成立聯合專責小組", "cooperation", Src("2017-hetao-mou", 3, 0, "2018年")),
            E("2019-land", new PartialDate(2019), "完成土地平整", "infrastructure", Src("2017-hetao-mou", 5, 0, "2019年下半年"), approximate: true),
            E("2019-03-first-meeting", new PartialDate(2019, 3), "專責小組召開首次會議", "forums", Src("2017-hetao-mou", 4, 0, "2019年3月")),
            E("2020-01-buildings", new PartialDate(2020, 1), "深圳园区完成首批科研楼宇建设", "infrastructure", Src("2021-shenzhen-park", 0, 0, "2020年1月至5月"),
                end: new PartialDate(2020, 5)),
            E("2020-08-18-opening", new PartialDate(2020, 8, 18), "深圳园区正式开园", "infrastructure", Src("2021-shenzhen-park", 0, 1, "2020年8月18日")),
            E("2021-09-talent", new PartialDate(2021, 9), "合作区发布人才政策", "talent", Src("2021-shenzhen-park", 1, 0, "2021年9月")),
            E("2022-quantum", new PartialDate(2022), "粵港澳大灣區量子科學中心成立", "research", Src("2024-plan", 3, 0, "2022年")),
            E("2023-08-29-plan", new PartialDate(2023, 8, 29), "國務院印發深圳園區發展規劃", "policy", Src("2024-plan", 0, 0, "2023年8月29日")),
            E("2024-phase-one", new PartialDate(2024), "園區第一期分階段落成", "infrastructure", Src("2017-hetao-mou", 3, 1, "2024年"), planned: true),
            E("2024-01-hk-firms", new PartialDate(2024, 1), "首批港資企業落戶", "industry", Src("2024-plan", 4, 0, "2024年年初"), approximate: true),
            E("2024-06-forum", new PartialDate(2024, 6), "合作區舉辦首屆國際論壇", "forums", Src("2024-plan", 1, 0, "2024年6月")),
            E("2024-08-08-agreement", new PartialDate(2024, 8, 8), "香港科學園與深圳園區簽署合作協議", "cooperation", Src("2024-plan", 1, 1, "2024年8月8日"),
                second: Src("2017-hetao-mou", 1, 1, "河套地區")),
            E("2025-firms", new PartialDate(2025), "園區引進超過100家企業", "industry", Src("2021-shenzhen-park", 2, 0, "2025年"), planned: true),
            E("2025-channel", new PartialDate(2025), "建成跨境專用通道", "infrastructure", Src("2024-plan", 3, 1, "2025年"), planned: true),
        ];
    }

    /// <summary>An article with its sentences split at 。 (paragraphs and list items only), as the extractor would.</summary>
    public static ArticleExtraction Article(string id, string file, string title, string? outlet, string? url, PartialDate published,
        Script script, IReadOnlyList<TextBlock> blocks)
    {
        var article = new HetaoSite.Core.Model.Article(id, file, title, outlet, url, published, MetadataOrigin.FrontMatter, "front matter",
            script == Script.Hans ? "zh-Hans" : "zh-Hant", script, "utf-8", ArticleFormat.Text, blocks.Sum(b => b.Text.Length),
            [], blocks, [], CleaningStats.Empty);
        return new ArticleExtraction(article, Sentences(blocks), [], [], [], 0);
    }

    public static IReadOnlyList<Sentence> Sentences(IReadOnlyList<TextBlock> blocks)
    {
        var result = new List<Sentence>();
        for (var b = 0; b < blocks.Count; b++)
        {
            if (blocks[b].Kind is not (BlockKind.Paragraph or BlockKind.ListItem))
            {
                continue;
            }

            var text = blocks[b].Text;
            var start = 0;
            var index = 0;
            while (start < text.Length)
            {
                var end = text.IndexOf('。', start);
                end = end < 0 ? text.Length : end + 1;
                result.Add(new Sentence(b, index++, start, text[start..end]));
                start = end;
            }
        }

        return result;
    }
}
