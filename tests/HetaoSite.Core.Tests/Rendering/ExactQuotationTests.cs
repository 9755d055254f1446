using System.Text;
using System.Text.Json.Nodes;
using AngleSharp.Dom;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>
/// Quotations are exact: with the real OpenCC, an article's sentences are shown byte for byte as written on the pages of
/// its own script, and converted once (Traditional → Simplified with t2s, Simplified → Traditional with s2hk) and marked
/// as converted, with a link to the original, on the pages of the other. The test articles are written for this test:
/// the Traditional one uses words OpenCC's s2hk would alter (集群, 臨床, 落戶, 兌現, 說) and a phrase it would get wrong
/// (中國企業家俱樂部 → 中國企業傢俱樂部).
/// </summary>
public sealed class ExactQuotationTests
{
    private const string Config = MinimalConfig.Yaml;

    private const string TraditionalArticle = """
        ---
        title: 河套園區生物醫藥集群再添新成員
        date: 2024-06-12
        outlet: 測試日報
        ---

        2024年6月5日，河套深港科技創新合作區深圳園區舉行簽約儀式，十個科研項目集中落戶園區。

        2024年5月18日，一家香港生物科技公司宣布落戶河套深港科技創新合作區深圳園區，在園區開展臨床前研究。

        園區負責人說，2023年12月園區兌現了對首批入駐企業的租金承諾，生物醫藥產業集群已經形成。

        2024年3月，中國企業家俱樂部組織會員企業到河套深港科技創新合作區參觀考察。
        """;

    private const string SimplifiedArticle = """
        ---
        title: 河套合作区新增一批科研项目
        date: 2024-06-10
        outlet: 测试晚报
        ---

        2024年6月5日，河套深港科技创新合作区深圳园区举行签约仪式，十个科研项目集中落户园区。

        园区负责人说，2024年4月园区开放首个共享实验室，为港澳科研团队提供临床研究服务，产业集群效应逐步显现。
        """;

    private static readonly Lazy<Site> Built = new(() =>
    {
        Assert.True(OpenCcConverter.TryCreate(out var converter, out var problem), $"OpenCC is needed to render both scripts ({problem}); run ./test.sh, which installs it.");
        var articles = new[] { new SourceFile("hant.md", Encoding.UTF8.GetBytes(TraditionalArticle)), new SourceFile("hans.md", Encoding.UTF8.GetBytes(SimplifiedArticle)) };
        var build = SiteBuilder.Build(new SiteSource(Config, "site-config.yml", articles, RepoTemplates.All, []), new BuildContext(new DateOnly(2024, 6, 30), converter));
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        return new Site(build, converter!);
    });

    public static TheoryData<string> Words() => ["集群", "臨床", "落戶", "兌現", "說", "中國企業家俱樂部"];

    [Fact]
    public void Each_article_is_detected_in_its_script()
    {
        var articles = Built.Value.Build.Articles.ToDictionary(a => a.Article.FileName, a => a.Article.Script);
        Assert.Equal(Script.Hant, articles["hant.md"]);
        Assert.Equal(Script.Hans, articles["hans.md"]);
    }

    [Theory]
    [MemberData(nameof(Words))]
    public void The_traditional_article_page_shows_words_opencc_would_alter_as_written(string word)
    {
        var text = Built.Value.ArticlePage("", "hant.md").QuerySelector(".article-body")!.TextContent;
        Assert.True(text.Contains(word, StringComparison.Ordinal), $"expected '{word}' as written on the Traditional article page, got: {text}");
        Assert.DoesNotContain("傢俱", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hant.md", "", "zh-hans/")]
    [InlineData("hans.md", "zh-hans/", "")]
    public void Every_sentence_is_exact_on_its_own_script_page_and_converted_on_the_other(string file, string own, string other)
    {
        var site = Built.Value;
        var article = site.Build.Articles.Single(a => a.Article.FileName == file);
        var into = article.Article.Script == Script.Hant ? Script.Hans : Script.Hant;
        var ownPage = site.Page($"{own}articles/{article.Article.Id}/index.html");
        var otherPage = site.Page($"{other}articles/{article.Article.Id}/index.html");
        var sentences = article.Sentences.Where(s => s.Text.Length > 0).ToList();
        Assert.True(sentences.Count >= 2, $"expected the sentences of {file}, got {sentences.Count}");
        foreach (var sentence in sentences)
        {
            Assert.Equal(sentence.Text, ownPage.GetElementById(sentence.Anchor)?.TextContent);
            Assert.Equal(Scripts.Convert(site.Converter, sentence.Text, into), otherPage.GetElementById(sentence.Anchor)?.TextContent);
        }

        Assert.Null(ownPage.QuerySelector(".converted-note"));
        var note = otherPage.QuerySelector(".converted-note a");
        Assert.True(note is not null, $"expected the {other}articles/{article.Article.Id}/ page to say it is converted and link to the original");
        Assert.Equal($"/{own}articles/{article.Article.Id}/", note.GetAttribute("href"));
    }

    /// <summary>
    /// A paragraph reads and copies as the article wrote it: nothing (not even a line break, which browsers show as a
    /// space between Chinese sentences) is put between its sentences; only the links back to events are added.
    /// </summary>
    [Theory]
    [InlineData("hant.md", "")]
    [InlineData("hans.md", "zh-hans/")]
    public void Each_paragraph_on_its_own_script_page_is_the_article_text_with_nothing_between_its_sentences(string file, string own)
    {
        var site = Built.Value;
        var article = site.Build.Articles.Single(a => a.Article.FileName == file).Article;
        var page = site.ArticlePage(own, file);
        foreach (var link in page.QuerySelectorAll(".article-body a.back-link").ToList())
        {
            link.Remove();
        }

        var shown = page.QuerySelectorAll(".article-body > p:not(.caption)").Select(p => p.TextContent).ToList();
        var written = article.Blocks.Where(b => b.Kind == BlockKind.Paragraph).Select(b => b.Text).ToList();
        Assert.True(written.Count >= 2, $"expected the paragraphs of {file}, got {written.Count}");
        Assert.Equal(written, shown);
    }

    [Theory]
    [InlineData("", Script.Hant)]
    [InlineData("zh-hans/", Script.Hans)]
    public void Quotations_on_event_cards_are_exact_in_their_script_and_converted_and_marked_in_the_other(string prefix, Script shown)
    {
        var site = Built.Value;
        var scripts = site.Build.Articles.ToDictionary(a => a.Article.Id, a => a.Article.Script);
        var home = site.Page(prefix + "index.html");
        var checkedSources = 0;
        foreach (var e in site.Build.Timeline.Events)
        {
            var items = home.GetElementById(e.Id)!.QuerySelectorAll(".sources > li").ToList();
            Assert.Equal(e.Sources.Count, items.Count);
            foreach (var (source, item) in e.Sources.Zip(items))
            {
                var written = scripts[source.ArticleId];
                var quote = item.QuerySelector(".quote q")!.TextContent;
                var mark = item.QuerySelector("a.converted");
                if (written == shown)
                {
                    Assert.Equal(source.Sentence, quote);
                    Assert.True(mark is null, $"expected no converted mark on '{quote}' in its own script");
                }
                else
                {
                    Assert.Equal(Scripts.Convert(site.Converter, source.Sentence, shown), quote);
                    Assert.True(mark is not null, $"expected a converted mark on '{quote}' ({prefix}index.html)");
                    var ownPrefix = written == Script.Hant ? string.Empty : "zh-hans/";
                    Assert.Equal($"/{ownPrefix}articles/{source.ArticleId}/#{source.Anchor}", mark.GetAttribute("href"));
                    Assert.Equal(source.Sentence, site.Page($"{ownPrefix}articles/{source.ArticleId}/index.html").GetElementById(source.Anchor)?.TextContent);
                }

                checkedSources++;
            }
        }

        Assert.True(checkedSources >= 4, $"expected at least four quotations on {prefix}index.html, got {checkedSources}");
    }

    [Fact]
    public void An_event_told_in_both_scripts_shows_each_source_in_its_own_script()
    {
        var site = Built.Value;
        var scripts = site.Build.Articles.ToDictionary(a => a.Article.Id, a => a.Article.Script);
        var both = site.Build.Timeline.Events.Where(e => e.Sources.Select(s => scripts[s.ArticleId]).Distinct().Count() == 2).ToList();
        Assert.True(both.Count > 0, $"expected the signing told by both articles merged into one event; events: {string.Join(" | ", site.Build.Timeline.Events.Select(e => e.Title))}");
        foreach (var (prefix, shown) in new[] { ("", Script.Hant), ("zh-hans/", Script.Hans) })
        {
            var card = site.Page(prefix + "index.html").GetElementById(both[0].Id)!;
            var marked = card.QuerySelectorAll(".sources > li").Select(li => li.QuerySelector("a.converted") is not null).ToList();
            Assert.Equal(both[0].Sources.Select(s => scripts[s.ArticleId] != shown), marked);
        }
    }

    [Fact]
    public void The_simplified_article_on_traditional_pages_uses_hong_kong_forms()
    {
        var page = Built.Value.ArticlePage("", "hans.md").QuerySelector(".article-body")!.TextContent;
        // s2hk: 集群 → 集羣, 临床 → 臨牀, 落户 → 落户 (Hong Kong keeps 户), 说 → 説.
        Assert.Contains("集羣", page, StringComparison.Ordinal);
        Assert.Contains("臨牀", page, StringComparison.Ordinal);
        Assert.Contains("落户", page, StringComparison.Ordinal);
        Assert.Contains("説", page, StringComparison.Ordinal);
    }

    [Fact]
    public void Events_json_keeps_every_sentence_verbatim()
    {
        var site = Built.Value;
        var sentences = site.Build.Articles.SelectMany(a => a.Sentences).Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        var events = JsonNode.Parse(site.Text("data/events.json"))!["events"]!.AsArray();
        var quoted = events.SelectMany(e => e!["sources"]!.AsArray()).Select(s => (string)s!["sentence"]!).ToList();
        Assert.NotEmpty(quoted);
        Assert.All(quoted, q => Assert.Contains(q, sentences));
    }

    [Theory]
    [InlineData("集群")]
    [InlineData("集羣")]
    [InlineData("临床")]
    public void The_search_index_finds_a_sentence_by_a_query_in_either_script(string query)
    {
        // The fragments of both scripts (data/search/zh-*.json) hold each cited sentence as that script shows it.
        var fragments = Built.Value.Build.Files.Where(f => f.Path.StartsWith("data/search/zh-", StringComparison.Ordinal))
            .SelectMany(f => JsonNode.Parse(f.Content)!.AsArray()).Select(d => (string?)d!["t"] ?? (string)d!["h"]!).ToList();
        Assert.Contains(fragments, t => t.Contains(query, StringComparison.Ordinal));
    }

    private sealed record Site(SiteBuild Build, OpenCcConverter Converter)
    {
        private readonly Dictionary<string, IDocument> _pages = [];

        public IDocument ArticlePage(string prefix, string file) =>
            Page($"{prefix}articles/{Build.Articles.Single(a => a.Article.FileName == file).Article.Id}/index.html");

        public string Text(string path) => Encoding.UTF8.GetString(Build.Files.Single(f => f.Path == path).Content);

        public IDocument Page(string path)
        {
            lock (_pages)
            {
                if (!_pages.TryGetValue(path, out var page))
                {
                    _pages[path] = page = HtmlCheck.Document(Text(path));
                }

                return page;
            }
        }
    }
}
