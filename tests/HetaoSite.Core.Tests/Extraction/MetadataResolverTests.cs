global using Bylines = System.Collections.Generic.List<HetaoSite.Core.Model.Byline>;
using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Cleaning.Rules;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Extraction;

public sealed partial class MetadataResolverTests
{
    public static TheoryData<string, string, MetadataOrigin, string, string, string, Script> Seeds => new()
    {
        { "000_846ccf76e46a1c1b.txt", "2025-12-12", MetadataOrigin.Byline, "2025年度河套創新論壇在河套科創中心舉行", "深圳新聞網", "utf-8", Script.Hant },
        { "001_48f27e469779bebf.txt", "2024-08-09", MetadataOrigin.Byline, "“小支點”釋放創新“大能量”——河套深港科技創新合作區深圳園區一年發展掃描", "新華網", "utf-8", Script.Hant },
        { "002_4b2e64fbf26f5ca3.txt", "2023-01", MetadataOrigin.Config, "河套深港合作硕果累累 高端科创资源加速聚集", "羊城晚報", "utf-8", Script.Hans },
        { "003_564ef79a45113a5f.txt", "2022-09-06", MetadataOrigin.FrontMatter, "小空间遇见大未来 深港河套成湾区科创新引擎", "证券时报网", "utf-8", Script.Hans },
        { "004_e331704125a7b1c3.txt", "2022-09-13", MetadataOrigin.Config, "150高端研究落地深圳園區 六大科創集群形成", "大公報", "utf-8", Script.Hant },
    };

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Each_seed_loads_cleans_and_resolves(string file, string published, MetadataOrigin origin, string title, string outlet, string encoding, Script script)
    {
        var (_, clean, article, _) = SeedFixtures.Process(file);
        Assert.Equal((published, origin), (article.Published.ToString(), article.DateSource));
        Assert.Equal(title, article.Title);
        Assert.Equal(outlet, article.Outlet);
        Assert.Equal((encoding, script), (article.Encoding, article.Script));
        Assert.Equal(ArticleIds.FromFileName(file), article.Id);
        Assert.Same(clean.Blocks, article.Blocks);
        foreach (var block in article.Blocks)
        {
            Assert.False(PinyinAfterHan().IsMatch(block.Text), $"pinyin annotation left in line {block.Line}: {block.Text}");
            Assert.False(StripBoilerplate.IsBoilerplate(block.Text) || StripBoilerplate.IsReporterLine(block.Text), $"boilerplate left in line {block.Line}: {block.Text}");
        }
    }

    public static TheoryData<string, string[]> SeedCaptions => new()
    {
        { "000_846ccf76e46a1c1b.txt", ["河套深港科技創新合作區。 深圳特區報記者 周紅聲 攝"] },
        {
            "001_48f27e469779bebf.txt",
            [
                "這是深圳河兩岸的河套深港科技創新合作區深圳園區和香港落馬洲河套地區(無人機全景照片,2023年8月23日攝)。新華社記者 梁旭 攝",
                "河套深港科技創新合作區深圳園區一景(2023年8月1日攝)。新華社記者 梁旭 攝",
                "俯瞰河套深港科技創新合作區深圳園區(無人機照片,2023年8月23日攝)。新華社記者 梁旭 攝",
            ]
        },
        { "002_4b2e64fbf26f5ca3.txt", ["深港国际科技园", "河套合作区香港创业青年为来访者介绍项目", "河套合作区粤港澳青年创新创业工场", "深港协同创新中心", "河套合作区e站通综合服务中心"] },
        { "003_564ef79a45113a5f.txt", [] },
        {
            "004_e331704125a7b1c3.txt",
            [
                "國際量子研究院技術人員在稀釋製冷機旁工作。 中新社", "首屆河套創客日，深港創業團隊參與其中。 大公報記者胡永愛攝",
                "河套深圳園區內，香港城市大學福田研究院內科研人員正在做實驗。 大公報記者胡永愛攝", "河套深港科技創新合作區首批重點項目——河套壹號的建設現場。 新華社",
                "深港青年參觀位於河套地區的粵港澳青年創新創業工場。",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(SeedCaptions))]
    public void Seed_captions_are_caption_blocks_once_each(string file, string[] captions)
    {
        var (_, clean, _, _) = SeedFixtures.Process(file);
        Assert.Equal(captions, clean.Blocks.Where(b => b.Kind == BlockKind.Caption).Select(b => b.Text));
        Assert.Equal(captions.Length, clean.Stats.Captions);
    }

    [Fact]
    public void Seed_boilerplate_lines_and_bylines_leave_the_text()
    {
        string[] gone =
        [
            "人民網", "人民網>>港澳", "小字號", "2024年08月09日09:31 | 來源:新華網", "新華社記者趙瑞希", "(責編:艾雯、崔越)", "分享讓更多人看到", "返回頂部",
            "大公報記者 胡永愛報道", "大公報記者胡永愛整理", "大公報記者胡永愛", "大公報記者方俊明", "文羊城晚报记者 林园 图羊城晚报记者 王磊 策划 李时平 李天军", "证券时报记者 吴家明",
        ];
        var texts = SeedFixtures.Names.SelectMany(n => SeedFixtures.Process(n).Clean.Blocks).Select(b => b.Text).ToHashSet(StringComparer.Ordinal);
        Assert.Equal([], gone.Where(texts.Contains).ToArray());
        Assert.DoesNotContain(texts, t => t.StartsWith("安国市|", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.StartsWith("深圳新聞網2025年12月12日訊", StringComparison.Ordinal));
        Assert.Contains("12月11日,2025年度河套創新論壇在河套科創中心舉行,以“AI for Science Hub”為主題,首次采用“1場主論壇+5場分論壇”形式,政產學研資各界代表齊聚,共推深港科創協同升級。", texts);
    }

    [Fact]
    public void Seed_001_keeps_its_garbled_fragments_counted_not_repaired()
    {
        var (_, clean, _, diagnostics) = SeedFixtures.Process("001_48f27e469779bebf.txt");
        Assert.True(clean.Stats.GarbledFragments >= 10, $"expected at least 10 garbled fragments, got {clean.Stats.GarbledFragments}");
        Assert.Contains(clean.Blocks, b => b.Text.Contains("一河之隔!兑劃》", StringComparison.Ordinal));
        Assert.Contains(diagnostics, d => d is { Code: "HS0132", Line: 23 });
    }

    [Fact]
    public void Config_beats_front_matter_beats_byline()
    {
        var meta = SourceMetadata.None with { Date = new PartialDate(2022, 9, 6), Title = "前言標題", Outlet = "证券时报网" };
        Bylines byline = [new Byline("2024年08月09日09:31 | 來源:新華網", 2)];
        Assert.Equal(("2022-09-06", MetadataOrigin.FrontMatter, "证券时报网"), Summary(Resolve(meta, byline)));
        var config = new ArticleOverride(new PartialDate(2023, 1), "設定標題", "羊城晚報", "https://x.example/", [], 3);
        var article = Resolve(meta, byline, config);
        Assert.Equal(("2023-01", MetadataOrigin.Config, "羊城晚報"), Summary(article));
        Assert.Equal(("設定標題", "https://x.example/"), (article.Title, article.Url));
        Assert.Equal(("2024-08-09", MetadataOrigin.Byline, "新華網"), Summary(Resolve(SourceMetadata.None, byline)));
    }

    [Fact]
    public void A_dateline_decides_only_with_a_year_from_elsewhere()
    {
        Bylines dateline = [new Byline("新華社深圳8月8日電", 13)];
        var warning = Assert.Single(ResolveResult(SourceMetadata.None, dateline).Diagnostics);
        Assert.Equal("HS0001", warning.Code);

        var yearOnly = SourceMetadata.None with { Date = new PartialDate(2024) };
        Assert.Equal(("2024-08-08", MetadataOrigin.Dateline, "新華社"), Summary(Resolve(yearOnly, dateline)));

        Bylines both = [new Byline("2024年08月09日09:31 | 來源:新華網", 6), new Byline("新華社深圳8月8日電", 13)];
        Assert.Equal(("2024-08-09", MetadataOrigin.Byline, "新華網"), Summary(Resolve(SourceMetadata.None, both)));
    }

    [Fact]
    public void No_date_is_warning_HS0001_and_the_article_is_built_undated()
    {
        var result = ResolveResult(SourceMetadata.None, []);
        var article = Assert.IsType<Article>(result.Value);
        Assert.Equal((null, MetadataOrigin.None, null, true), (article.Published, article.DateSource, article.PublishedFrom, article.IsUndated));
        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal(("HS0001", Severity.Warning, "x.txt"), (warning.Code, warning.Severity, warning.File));
        Assert.Equal("add \"articles: x.txt: published: YYYY-MM-DD\" to site-config.yml", warning.Hint);
    }

    [Fact]
    public void Every_source_is_named_in_published_from()
    {
        var meta = SourceMetadata.None with { Date = new PartialDate(2024, 6, 11) };
        var html = meta with { Origin = MetadataOrigin.HtmlMeta, DateFrom = "meta article:published_time" };
        Bylines masthead = [new Byline("香港文匯報 2024年6月12日 星期三 A12版", 1)];
        Assert.Equal("config", Resolve(meta, masthead, new ArticleOverride(new PartialDate(2024, 6, 10), null, null, null, [], 3)).PublishedFrom);
        Assert.Equal("front matter", Resolve(meta, masthead).PublishedFrom);
        Assert.Equal("meta article:published_time", Resolve(html, masthead).PublishedFrom);
        Assert.Equal(("2024-06-12", MetadataOrigin.Masthead, "masthead, line 1"), (Resolve(SourceMetadata.None, masthead).Published?.ToString(),
            Resolve(SourceMetadata.None, masthead).DateSource, Resolve(SourceMetadata.None, masthead).PublishedFrom));
    }

    [Fact]
    public void Header_beats_byline_beats_footer()
    {
        // The text is one paragraph at line 20: lines before it are above the text, lines after it below.
        Bylines lines = [new Byline("發布時間：2024-06-13", 3), new Byline("2024年6月12日（星期三）", 2), new Byline("2024年6月14日（星期五）", 30)];
        Assert.Equal(("2024-06-12", MetadataOrigin.Header), (Resolve(SourceMetadata.None, lines).Published?.ToString(), Resolve(SourceMetadata.None, lines).DateSource));
        Assert.Equal(("2024-06-13", MetadataOrigin.Byline), (Resolve(SourceMetadata.None, lines[..1]).Published?.ToString(), Resolve(SourceMetadata.None, lines[..1]).DateSource));
        Assert.Equal(("2024-06-14", "footer, line 30"), (Resolve(SourceMetadata.None, lines[2..]).Published?.ToString(), Resolve(SourceMetadata.None, lines[2..]).PublishedFrom));
    }

    [Fact]
    public void Sources_that_disagree_are_noted_with_the_choice()
    {
        Bylines lines = [new Byline("香港文匯報 2024年6月12日 星期三 A12版", 1), new Byline("2024年6月14日", 30)];
        var note = Assert.Single(ResolveResult(SourceMetadata.None, lines).Diagnostics);
        Assert.Equal(("HS0120", Severity.Info), (note.Code, note.Severity));
        Assert.Equal("publication date 2024-06-12 taken from masthead, line 1; footer, line 30 says 2024-06-14", note.Message);
    }

    [Fact]
    public void A_dateline_takes_its_year_from_the_url()
    {
        Bylines dateline = [new Byline("新華社深圳8月8日電", 13)];
        var config = new ArticleOverride(null, null, null, "https://www.example.cn/2024-08/08/c_1.htm", [], 3);
        var article = Resolve(SourceMetadata.None, dateline, config);
        Assert.Equal(("2024-08-08", "dateline, line 13 (year from URL)"), (article.Published?.ToString(), article.PublishedFrom));
    }

    [Theory]
    [InlineData("https://www.example.cn/2024-08/08/c_1130.htm", "2024-08")]
    [InlineData("https://news.example.cn/gd/20240808/t20240808_1.html", "2024-08")]
    [InlineData("https://example.com/2024/08/08/loop-zone/", "2024-08")]
    [InlineData("https://example.com/news/2024/loop-zone", "2024")]
    [InlineData("https://example.com/content_1148636103543848960.html", null)]
    [InlineData("not a url", null)]
    public void Url_paths_give_a_year(string url, string? expected) => Assert.Equal(expected, MetadataResolver.UrlDate(url)?.ToString());

    [Theory]
    [InlineData("河套新引擎 - 新华网", "河套新引擎")]
    [InlineData("河套新引擎_证券时报网", "河套新引擎")]
    [InlineData("河套新引擎 | 人民網", "河套新引擎")]
    [InlineData("“小支點”釋放創新“大能量”——河套深港科技創新合作區深圳園區一年發展掃描", "“小支點”釋放創新“大能量”——河套深港科技創新合作區深圳園區一年發展掃描")]
    [InlineData("深港合作 - 新進展", "深港合作 - 新進展")]
    public void Trailing_outlet_names_are_stripped_from_titles(string title, string expected) =>
        Assert.Equal(expected, MetadataResolver.StripOutlet(title));

    [Fact]
    public void Title_skips_a_series_name_and_its_subtitle()
    {
        TextBlock[] blocks =
        [
            new("幸福是什么", BlockKind.Paragraph, 5), new("——来自深圳福田奋斗者的故事系列报道", BlockKind.Paragraph, 7),
            new("河套深港合作硕果累累 高端科创资源加速聚集", BlockKind.Paragraph, 9), new(new string('河', 80), BlockKind.Paragraph, 11),
        ];
        Assert.Equal("河套深港合作硕果累累 高端科创资源加速聚集", MetadataResolver.TitleFromText(blocks));
    }

    [Fact]
    public void A_title_over_the_limit_is_shortened()
    {
        var meta = SourceMetadata.None with { Date = new PartialDate(2024), Title = new string('河', 400) };
        var article = Resolve(meta, [], limits: BuildLimits.Default with { MaxTitleCharacters = 20 });
        Assert.Equal(20, article.Title.Length);
    }

    private static (string?, MetadataOrigin, string?) Summary(Article article) => (article.Published?.ToString(), article.DateSource, article.Outlet);

    private static Article Resolve(SourceMetadata metadata, Bylines bylines, ArticleOverride? config = null, BuildLimits? limits = null)
    {
        var result = ResolveResult(metadata, bylines, config, limits);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        return result.Value!;
    }

    private static StageResult<Article?> ResolveResult(SourceMetadata metadata, Bylines bylines, ArticleOverride? config = null, BuildLimits? limits = null)
    {
        TextBlock[] blocks = [new("正文第一段。", BlockKind.Paragraph, 20)];
        var raw = new RawArticle("x.txt", ArticleFormat.Text, "utf-8", metadata, blocks);
        var clean = new CleanArticle(raw, blocks, bylines, Script.Hant, "zh-Hant", CleaningStats.Empty, []);
        return MetadataResolver.Resolve(clean, config, limits ?? BuildLimits.Default);
    }

    [GeneratedRegex(@"[\u4E00-\u9FFF]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}\)")]
    private static partial Regex PinyinAfterHan();
}
