using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class SiteRendererTests
{
    private static readonly Lazy<RenderedSite> Both = new(() => RenderedSite.Sample(converter: true));
    private static readonly Lazy<RenderedSite> DefaultOnly = new(() => RenderedSite.Sample(converter: false));

    [Fact]
    public void Sample_renders_without_diagnostics()
    {
        Assert.True(Both.Value.Diagnostics.Count == 0, string.Join("\n", Both.Value.Diagnostics));
        Assert.True(DefaultOnly.Value.Diagnostics.Count == 0, string.Join("\n", DefaultOnly.Value.Diagnostics));
    }

    [Fact]
    public void Every_page_kind_is_rendered_in_both_scripts()
    {
        var expected = new[]
        {
            "index.html", "years/2017/index.html", "years/2025/index.html", "categories/policy/index.html",
            "articles/2024-plan/index.html", "about/index.html", "404.html", "feeds/events.xml", "feeds/articles.xml",
        };
        foreach (var path in expected)
        {
            Assert.True(Both.Value.Files.ContainsKey(path), $"missing {path}");
            Assert.True(Both.Value.Files.ContainsKey("zh-hans/" + path), $"missing zh-hans/{path}");
        }

        foreach (var path in new[] { "sitemap.xml", "robots.txt", ".nojekyll", "favicon.svg", "css/site.css", "js/site.js", "js/search.js",
                     "data/events.json", "data/timelinejs.json", "data/search-index.json" })
        {
            Assert.True(Both.Value.Files.ContainsKey(path), $"missing {path}");
        }
    }

    [Fact]
    public void Without_a_converter_only_the_default_script_is_rendered()
    {
        Assert.DoesNotContain(DefaultOnly.Value.Files.Keys, p => p.StartsWith("zh-hans/", StringComparison.Ordinal));
        var home = HtmlCheck.Document(DefaultOnly.Value.Text("index.html"));
        Assert.Null(home.QuerySelector(".script-switch"));
        Assert.Empty(home.QuerySelectorAll("link[hreflang]"));
    }

    [Fact]
    public void Every_page_parses_without_errors_and_has_one_h1_and_ordered_headings()
    {
        foreach (var path in Both.Value.HtmlPaths)
        {
            var (document, errors) = HtmlCheck.Parse(Both.Value.Text(path));
            Assert.True(errors.Count == 0, $"{path} has HTML parse errors:\n{string.Join("\n", errors)}");
            Assert.True(document.QuerySelectorAll("h1").Length == 1, $"{path}: expected one h1, got {document.QuerySelectorAll("h1").Length}");
            var levels = document.QuerySelectorAll("h1, h2, h3, h4, h5, h6").Select(h => h.LocalName[1] - '0').ToList();
            for (var i = 1; i < levels.Count; i++)
            {
                Assert.True(levels[i] <= levels[i - 1] + 1, $"{path}: heading h{levels[i]} follows h{levels[i - 1]} (skips a level)");
            }

            foreach (var landmark in new[] { "header", "nav", "main", "footer", "a.skip-link[href='#main']" })
            {
                Assert.True(document.QuerySelector(landmark) is not null, $"{path}: no {landmark}");
            }
        }
    }

    [Fact]
    public void Html_lang_matches_the_script_of_each_rendering()
    {
        foreach (var path in Both.Value.HtmlPaths)
        {
            var lang = HtmlCheck.Document(Both.Value.Text(path)).DocumentElement.GetAttribute("lang");
            Assert.Equal(path.StartsWith("zh-hans/", StringComparison.Ordinal) ? "zh-Hans" : "zh-Hant", lang);
        }
    }

    [Fact]
    public void Every_event_in_events_json_is_on_the_home_page_with_its_id_as_anchor()
    {
        var events = JsonNode.Parse(Both.Value.Text("data/events.json"))!["events"]!.AsArray();
        Assert.Equal(15, events.Count);
        foreach (var prefix in new[] { "", "zh-hans/" })
        {
            var home = HtmlCheck.Document(Both.Value.Text(prefix + "index.html"));
            foreach (var e in events)
            {
                var id = (string)e!["id"]!;
                var element = home.GetElementById(id);
                Assert.True(element is not null, $"{prefix}index.html has no element with id {id}");
                Assert.Contains("event", element.ClassList);
            }
        }
    }

    [Fact]
    public void Every_source_link_lands_on_an_element_with_that_anchor_in_both_scripts()
    {
        var checkedLinks = 0;
        foreach (var prefix in new[] { "", "zh-hans/" })
        {
            var home = HtmlCheck.Document(Both.Value.Text(prefix + "index.html"));
            foreach (var link in home.QuerySelectorAll(".sources li .source-line > a"))
            {
                var href = link.GetAttribute("href")!;
                var hash = href.IndexOf('#', StringComparison.Ordinal);
                Assert.True(hash > 0, $"source link {href} has no anchor");
                var page = href[1..hash] + "index.html";
                Assert.StartsWith(prefix + "articles/", page);
                var article = HtmlCheck.Document(Both.Value.Text(page));
                var target = article.GetElementById(href[(hash + 1)..]);
                Assert.True(target is not null, $"{page} has no element with id {href[(hash + 1)..]} (link from {prefix}index.html)");
                Assert.Contains("cite", target.ClassList);
                checkedLinks++;
            }
        }

        Assert.Equal(2 * 16, checkedLinks);
    }

    [Fact]
    public void Cited_sentences_link_back_to_their_events_on_the_timeline()
    {
        var article = HtmlCheck.Document(Both.Value.Text("zh-hans/articles/2024-plan/index.html"));
        var mark = article.GetElementById("s1-1")!;
        var back = mark.NextElementSibling!;
        Assert.Equal("/zh-hans/#2024-08-08-agreement", back.GetAttribute("href"));
        Assert.Contains("back-link", back.ClassList);
    }

    [Fact]
    public void Other_script_pages_show_converted_text_and_category_names()
    {
        var home = HtmlCheck.Document(Both.Value.Text("zh-hans/index.html"));
        var title = home.GetElementById("2023-08-29-plan")!.QuerySelector(".event-title")!.TextContent;
        Assert.Equal("国务院印发深圳园区发展规划", title);
        Assert.Equal("政策与规划", home.GetElementById("2023-08-29-plan")!.QuerySelector(".chip")!.TextContent);
        Assert.Contains("时间轴", home.QuerySelector(".site-nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_switch_and_hreflang_point_at_the_same_page_in_the_other_script()
    {
        var hant = HtmlCheck.Document(Both.Value.Text("years/2024/index.html"));
        Assert.Equal("/zh-hans/years/2024/", hant.QuerySelector(".script-switch")!.GetAttribute("href"));
        Assert.Equal("https://example.org/hetao/zh-hans/years/2024/", hant.QuerySelector("link[hreflang='zh-Hans']")!.GetAttribute("href"));
        Assert.Equal("https://example.org/hetao/years/2024/", hant.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
        var hans = HtmlCheck.Document(Both.Value.Text("zh-hans/years/2024/index.html"));
        Assert.Equal("/years/2024/", hans.QuerySelector(".script-switch")!.GetAttribute("href"));
        Assert.Equal("https://example.org/hetao/zh-hans/years/2024/", hans.QuerySelector("link[rel='canonical']")!.GetAttribute("href"));
    }

    [Fact]
    public void Base_path_is_applied_to_every_href_and_src()
    {
        var site = RenderedSite.Sample(converter: true, basePath: "/hetao-site/");
        Assert.Empty(site.Diagnostics);
        foreach (var path in site.HtmlPaths)
        {
            foreach (var link in HtmlCheck.Links(HtmlCheck.Document(site.Text(path))))
            {
                var ok = link.StartsWith("/hetao-site/", StringComparison.Ordinal) || link.StartsWith('#')
                    || link.StartsWith("https://", StringComparison.Ordinal);
                Assert.True(ok, $"{path}: link {link} escapes /hetao-site/");
                Assert.DoesNotContain("..", link, StringComparison.Ordinal);
            }
        }

        Assert.Contains("/hetao-site/data/search-index.json", site.Text("index.html"), StringComparison.Ordinal);
    }

    [Fact]
    public void Template_syntax_in_article_text_renders_literally()
    {
        var articles = SampleSite.Articles().ToList();
        articles[0] = SampleSite.Article("tricky", "tricky.txt", "標題 {{ 7*7 }}", "媒體", null, new PartialDate(2020, 1, 1), Script.Hant,
            [new TextBlock("正文 {{ 7*7 }} 與 {% raw %} 和 {{ include '../x' }}。", BlockKind.Paragraph, 1)]);
        var site = new RenderedSite(SampleSite.Content(articles: articles, events: []));
        Assert.Empty(site.Diagnostics);
        var page = HtmlCheck.Document(site.Text("articles/tricky/index.html"));
        Assert.Equal("標題 {{ 7*7 }}", page.QuerySelector("h1")!.TextContent);
        Assert.Contains("正文 {{ 7*7 }} 與 {% raw %} 和 {{ include '../x' }}。", page.QuerySelector(".article-body")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("49", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Script_tags_in_titles_and_text_are_escaped_everywhere()
    {
        const string evil = "</script><script>alert(1)</script><b style=\"x\">";
        var articles = SampleSite.Articles().ToList();
        articles[0] = SampleSite.Article("evil", "evil.txt", "標題" + evil, evil, "https://example.org/?a=1&b=\"2\"", new PartialDate(2020, 1, 1), Script.Hant,
            [new TextBlock("2020年1月1日，" + evil + "。", BlockKind.Paragraph, 1)]);
        var sentence = articles[0].Sentences[0];
        var events = new[]
        {
            new TimelineEvent("evil-event", new PartialDate(2020, 1, 1), null, "事件" + evil, "policy", false, false,
                [new EventSource("evil.txt", "evil", sentence.Text, "2020年1月1日", sentence.Anchor)]),
        };
        var site = new RenderedSite(SampleSite.Content(articles: articles, events: events));
        Assert.Empty(site.Diagnostics);
        foreach (var path in site.HtmlPaths)
        {
            var (document, errors) = HtmlCheck.Parse(site.Text(path));
            Assert.Empty(errors);
            Assert.All(document.Scripts, s => Assert.True(s.Source is not null || s.Type == "application/ld+json",
                $"{path}: inline script {s.OuterHtml}"));
            Assert.Empty(document.QuerySelectorAll("b, [style]"));
        }

        var home = HtmlCheck.Document(site.Text("index.html"));
        Assert.Equal("事件" + evil, home.GetElementById("evil-event")!.QuerySelector(".event-title")!.TextContent);
        var article = HtmlCheck.Document(site.Text("articles/evil/index.html"));
        var jsonLd = article.QuerySelector("script[type='application/ld+json']")!.TextContent;
        Assert.Equal("標題" + evil, (string)JsonNode.Parse(jsonLd)!["headline"]!);
        foreach (var xml in new[] { "feeds/events.xml", "feeds/articles.xml" })
        {
            Assert.Contains(evil, XDocument.Parse(site.Text(xml)).Root!.Value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Only_http_and_https_originals_are_linked()
    {
        var park = HtmlCheck.Document(Both.Value.Text("articles/2021-shenzhen-park/index.html"));
        Assert.Null(park.QuerySelector(".original-link"));
        Assert.Contains("javascript:alert(1)", park.QuerySelector(".url-text")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(HtmlCheck.Links(park), l => l.StartsWith("javascript:", StringComparison.OrdinalIgnoreCase));
        var plan = HtmlCheck.Document(Both.Value.Text("articles/2024-plan/index.html"));
        Assert.StartsWith("https://www.takungpao.com/", plan.QuerySelector(".original-link")!.GetAttribute("href"), StringComparison.Ordinal);
    }

    [Fact]
    public void Pages_follow_the_content_security_policy()
    {
        foreach (var path in Both.Value.HtmlPaths)
        {
            var document = HtmlCheck.Document(Both.Value.Text(path));
            var csp = document.QuerySelector("meta[http-equiv='Content-Security-Policy']")?.GetAttribute("content");
            Assert.Equal("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'self'", csp);
            Assert.Empty(document.QuerySelectorAll("[style], style"));
            Assert.DoesNotContain(document.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            Assert.All(document.Scripts, s => Assert.True(s.Source is not null || s.Type == "application/ld+json", $"{path}: inline script"));
        }
    }

    [Fact]
    public void Dates_badges_and_ranges_are_shown_on_the_home_page()
    {
        var home = HtmlCheck.Document(Both.Value.Text("index.html"));
        Assert.Equal("2020年1月至5月", home.GetElementById("2020-01-buildings")!.QuerySelector("time")!.TextContent);
        Assert.Equal("2024年8月8日", home.GetElementById("2024-08-08-agreement")!.QuerySelector("time")!.TextContent);
        Assert.Equal("2018年", home.GetElementById("2018-task-force")!.QuerySelector("time")!.TextContent);
        Assert.Equal("預計", home.GetElementById("2025-channel")!.QuerySelector(".badge-planned")!.TextContent);
        Assert.NotNull(home.GetElementById("2019-land")!.QuerySelector(".badge-approx"));
        Assert.Null(home.GetElementById("2018-task-force")!.QuerySelector(".badge"));
        var hans = HtmlCheck.Document(Both.Value.Text("zh-hans/index.html"));
        Assert.Equal("预计", hans.GetElementById("2025-channel")!.QuerySelector(".badge-planned")!.TextContent);
        Assert.Equal("只知年份", home.QuerySelector("#y2018-m00 .month-heading")!.TextContent);
    }

    [Fact]
    public void Timeline_is_oldest_first_by_default_and_newest_first_when_configured()
    {
        static IReadOnlyList<string> Ids(RenderedSite site) =>
            [.. HtmlCheck.Document(site.Text("index.html")).QuerySelectorAll(".event").Select(e => e.Id!)];

        var oldest = Ids(DefaultOnly.Value);
        Assert.Equal("2017-01-03-mou", oldest[0]);
        var newest = Ids(new RenderedSite(SampleSite.Content(settings: SiteSettings.Default with { NewestFirst = true, BuildDate = SampleSite.BuildDate })));
        Assert.Equal(oldest.Reverse(), newest);
    }

    [Fact]
    public void List_pages_show_three_sources_per_event_and_link_the_rest_to_the_year_page_which_lists_all()
    {
        var articles = SampleSite.Articles().ToList();
        var sources = new List<EventSource>();
        for (var i = 0; i < 5; i++)
        {
            var a = SampleSite.Article($"many{i}", $"many{i}.txt", $"報道{i}", "媒體", null, new PartialDate(2020, 1, 1), Script.Hant,
                [new TextBlock($"2020年1月1日，第{i}次報道園區啟動。", BlockKind.Paragraph, 1)]);
            articles.Add(a);
            sources.Add(new EventSource(a.Article.FileName, a.Article.Id, a.Sentences[0].Text, "2020年1月1日", a.Sentences[0].Anchor));
        }

        var events = new[] { new TimelineEvent("many", new PartialDate(2020, 1, 1), null, "園區啟動", "industry", false, false, sources) };
        var site = new RenderedSite(SampleSite.Content(articles: articles, events: events));
        Assert.Empty(site.Diagnostics);
        foreach (var path in new[] { "index.html", "categories/industry/index.html" })
        {
            var item = HtmlCheck.Document(site.Text(path)).GetElementById("many")!;
            Assert.Equal(3, item.QuerySelectorAll(".sources > li:not(.sources-more)").Length);
            var more = item.QuerySelector(".sources-more a")!;
            Assert.Equal("另有 2 篇報道", more.TextContent);
            Assert.EndsWith("years/2020/#many", more.GetAttribute("href"), StringComparison.Ordinal);
        }

        var year = HtmlCheck.Document(site.Text("years/2020/index.html")).GetElementById("many")!;
        Assert.Equal(5, year.QuerySelectorAll(".sources > li").Length);
        Assert.Null(year.QuerySelector(".sources-more"));
    }

    [Fact]
    public void Year_and_category_pages_hold_only_their_events()
    {
        var year = HtmlCheck.Document(Both.Value.Text("years/2024/index.html"));
        Assert.Equal(["2024-phase-one", "2024-01-hk-firms", "2024-06-forum", "2024-08-08-agreement"], year.QuerySelectorAll(".event").Select(e => e.Id));
        var category = HtmlCheck.Document(Both.Value.Text("categories/forums/index.html"));
        Assert.All(category.QuerySelectorAll(".event"), e => Assert.Equal("forums", e.GetAttribute("data-category")));
        Assert.Equal(2, category.QuerySelectorAll(".event").Length);
    }

    [Fact]
    public void Chart_has_a_bar_per_year_linking_to_the_year_page_with_a_title()
    {
        var home = HtmlCheck.Document(Both.Value.Text("index.html"));
        var bars = home.QuerySelectorAll("svg .chart-bar");
        Assert.Equal(9, bars.Length);
        var y2024 = bars.Single(b => b.GetAttribute("href") == "/years/2024/");
        Assert.Equal("2024年：4 件事", y2024.QuerySelector("title")!.TextContent);
        Assert.Equal(4, y2024.QuerySelectorAll("rect").Length);
    }

    [Fact]
    public void Sitemap_lists_both_scripts_with_alternates_and_absolute_urls()
    {
        XNamespace sm = "http://www.sitemaps.org/schemas/sitemap/0.9";
        XNamespace xhtml = "http://www.w3.org/1999/xhtml";
        var sitemap = XDocument.Parse(Both.Value.Text("sitemap.xml"));
        Assert.Equal(sm + "urlset", sitemap.Root!.Name);
        XDocument[] docs = [sitemap];
        var locs = sitemap.Descendants(sm + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.org/hetao/", locs);
        Assert.Contains("https://example.org/hetao/zh-hans/articles/2024-plan/", locs);
        Assert.Contains("https://example.org/hetao/zh-hans/about/", locs);
        Assert.DoesNotContain(locs, l => l.EndsWith("404.html", StringComparison.Ordinal));
        Assert.Equal(locs.Count, locs.Distinct(StringComparer.Ordinal).Count());
        var htmlPages = Both.Value.Files.Keys.Where(p => p.EndsWith("index.html", StringComparison.Ordinal)).ToList();
        Assert.Equal(htmlPages.Count, locs.Count);
        Assert.DoesNotContain(Both.Value.Files.Keys, p => p.StartsWith("sitemaps/", StringComparison.Ordinal));

        Assert.All(docs.SelectMany(d => d.Descendants(sm + "url")), u => Assert.Equal(2, u.Elements(xhtml + "link").Count()));
        Assert.All(docs.SelectMany(d => d.Descendants(sm + "lastmod")), l => Assert.Equal("2025-06-30", l.Value));
        Assert.Contains("Sitemap: https://example.org/hetao/sitemap.xml", Both.Value.Text("robots.txt"), StringComparison.Ordinal);
    }

    [Fact]
    public void Feeds_are_atom_with_absolute_urls_newest_first_and_dated_by_their_entries()
    {
        XNamespace atom = "http://www.w3.org/2005/Atom";
        var events = XDocument.Parse(Both.Value.Text("feeds/events.xml"));
        var entries = events.Root!.Elements(atom + "entry").ToList();
        Assert.Equal(15, entries.Count);
        var published = entries.Select(e => e.Element(atom + "published")!.Value).ToList();
        Assert.True(published.SequenceEqual(published.OrderDescending(StringComparer.Ordinal)),
            $"expected entries newest first, got {string.Join(", ", published)}");
        Assert.All(entries, e => Assert.True(string.CompareOrdinal(e.Element(atom + "updated")!.Value, e.Element(atom + "published")!.Value) >= 0,
            $"expected updated not before published in {e}"));
        var newest = entries.Max(e => e.Element(atom + "updated")!.Value);
        Assert.Equal(newest, events.Root.Element(atom + "updated")!.Value);
        Assert.DoesNotContain("2025-06-30", Both.Value.Text("feeds/events.xml"), StringComparison.Ordinal);
        Assert.All(entries, e => Assert.StartsWith("https://example.org/hetao/#", e.Element(atom + "id")!.Value, StringComparison.Ordinal));
        var articles = XDocument.Parse(Both.Value.Text("zh-hans/feeds/articles.xml"));
        Assert.Equal(3, articles.Root!.Elements(atom + "entry").Count());
        Assert.All(articles.Root.Elements(atom + "entry"), e =>
            Assert.StartsWith("https://example.org/hetao/zh-hans/articles/", e.Element(atom + "id")!.Value, StringComparison.Ordinal));
    }

    [Fact]
    public void Build_date_falls_back_to_the_newest_article_never_the_clock()
    {
        var site = new RenderedSite(SampleSite.Content(settings: SiteSettings.Default with { BaseUrl = "https://example.org/" }));
        Assert.Contains("<lastmod>2024-08-30</lastmod>", site.Text("sitemap.xml"), StringComparison.Ordinal);
        var content = SampleSite.Content() with { Context = new BuildContext(new DateOnly(2030, 1, 2), null) };
        Assert.Contains("<lastmod>2030-01-02</lastmod>", new RenderedSite(content).Text("sitemap.xml"), StringComparison.Ordinal);
    }

    [Fact]
    public void Timelinejs_file_has_a_title_slide_and_one_slide_per_event()
    {
        var json = JsonNode.Parse(Both.Value.Text("data/timelinejs.json"))!;
        Assert.NotNull(json["title"]!["text"]!["headline"]);
        var slides = json["events"]!.AsArray();
        Assert.Equal(15, slides.Count);
        var range = slides.Single(s => (string)s!["unique_id"]! == "2020-01-buildings")!;
        Assert.Equal(2020, (int)range["start_date"]!["year"]!);
        Assert.Equal(1, (int)range["start_date"]!["month"]!);
        Assert.Null(range["start_date"]!["day"]);
        Assert.Equal(5, (int)range["end_date"]!["month"]!);
        Assert.Equal("2020年1月至5月", (string)range["display_date"]!);
        Assert.Equal("園區與基建", (string)range["group"]!);
        Assert.NotNull(range["text"]!["headline"]);
    }

    [Fact]
    public void Json_ld_is_an_item_list_on_home_and_a_news_article_on_article_pages()
    {
        var home = HtmlCheck.Document(Both.Value.Text("index.html"));
        var list = JsonNode.Parse(home.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("ItemList", (string)list["@type"]!);
        Assert.Equal(15, list["itemListElement"]!.AsArray().Count);
        var article = HtmlCheck.Document(Both.Value.Text("articles/2024-plan/index.html"));
        var news = JsonNode.Parse(article.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("NewsArticle", (string)news["@type"]!);
        Assert.Equal("2024-08-30", (string)news["datePublished"]!);
        Assert.Equal("大公報", (string)news["publisher"]!["name"]!);
    }

    [Fact]
    public void Output_is_sorted_and_identical_across_builds()
    {
        var first = SiteRenderer.Render(SampleSite.Content(new FakeScriptConverter()), RepoTemplates.All).Value;
        var second = SiteRenderer.Render(SampleSite.Content(new FakeScriptConverter()), RepoTemplates.All).Value;
        Assert.Equal(first.Select(f => f.Path).Order(StringComparer.Ordinal), first.Select(f => f.Path));
        Assert.Equal(first.Select(f => f.Path), second.Select(f => f.Path));
        Assert.All(first.Zip(second), pair => Assert.True(pair.First.Content.AsSpan().SequenceEqual(pair.Second.Content), $"{pair.First.Path} differs"));
    }

    [Fact]
    public void Home_page_with_its_css_and_js_weighs_less_than_100_kb()
    {
        var bytes = new[] { "index.html", "css/site.css", "js/site.js" }.Sum(p => Both.Value.Files[p].Length);
        Assert.True(bytes < 100 * 1024, $"home page weighs {bytes} bytes");
    }

    [Fact]
    public void Static_files_are_copied_verbatim()
    {
        var css = File.ReadAllBytes(Path.Combine(RepositoryRoot.Path, "templates", "static", "css", "site.css"));
        Assert.Equal(css, Both.Value.Files["css/site.css"]);
        Assert.Empty(Both.Value.Files[".nojekyll"]);
    }

    [Fact]
    public void Many_articles_render_with_every_page_and_a_paged_timeline()
    {
        var articles = new List<ArticleExtraction>();
        var events = new List<TimelineEvent>();
        for (var i = 0; i < 2000; i++)
        {
            var text = $"2020年{(i % 12) + 1}月{(i % 28) + 1}日，第{i}項目啟動。園區繼續發展。";
            var a = SampleSite.Article($"a{i:D5}", $"a{i:D5}.txt", $"報道{i}", "媒體", null, new PartialDate(2020 + (i % 6), 1, 1), Script.Hant,
                [new TextBlock(text, BlockKind.Paragraph, 1)]);
            articles.Add(a);
            var s = a.Sentences[0];
            events.Add(new TimelineEvent($"e{i:D5}", new PartialDate(2020 + (i % 6), (i % 12) + 1, (i % 28) + 1), null, $"第{i}項目啟動",
                "industry", false, false, [new EventSource(a.Article.FileName, a.Article.Id, s.Text, "x", s.Anchor)]));
        }

        var ordered = events.OrderBy(e => e.Date).ToList();
        var result = SiteRenderer.Render(SampleSite.Content(articles: articles, events: ordered), RepoTemplates.All);
        Assert.Empty(result.Diagnostics);
        Assert.Equal(2000, result.Value.Count(f => f.Path.StartsWith("articles/", StringComparison.Ordinal)));
        // More events than site.paginate: the home page shows the first year page, the year pages hold every event once.
        int Events(OutputFile f) => HtmlCheck.Document(Encoding.UTF8.GetString(f.Content)).QuerySelectorAll(".event").Length;
        Assert.InRange(Events(result.Value.Single(f => f.Path == "index.html")), 1, SiteSettings.DefaultPaginate);
        Assert.Equal(2000, result.Value.Where(f => f.Path.StartsWith("years/", StringComparison.Ordinal)).Sum(Events));
    }
}
