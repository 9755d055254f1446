using System.Globalization;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using HetaoSite.Core.Checking;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>The sample site (15 events) with <c>site.paginate: 3</c> and <c>site.feed_limit: 4</c>, in both scripts.</summary>
public sealed class PagedSiteTests
{
    private const int PageSize = 3;

    private static readonly Lazy<RenderedSite> Paged = new(() => new RenderedSite(SampleSite.Content(new FakeScriptConverter(), "/hetao-site/",
        settings: SiteSettings.Default with { BaseUrl = "https://example.org/hetao/", BuildDate = SampleSite.BuildDate, Paginate = PageSize, FeedLimit = 4 })));

    private static IEnumerable<string> ListPages(string prefix) =>
        Paged.Value.HtmlPaths.Where(p => p == prefix + "index.html" || p.StartsWith(prefix + "years/", StringComparison.Ordinal)
            || p.StartsWith(prefix + "categories/", StringComparison.Ordinal));

    private static List<string> EventIdsOn(string path) =>
        [.. HtmlCheck.Document(Paged.Value.Text(path)).QuerySelectorAll("li.event").Select(e => e.Id!)];

    [Fact]
    public void A_paged_site_renders_without_diagnostics_and_passes_check_under_its_base_path()
    {
        Assert.True(Paged.Value.Diagnostics.Count == 0, string.Join("\n", Paged.Value.Diagnostics));
        var files = Paged.Value.Files.Select(f => new OutputFile(f.Key, f.Value)).ToList();

        var check = SiteChecker.Check(files, new SiteCheckOptions("/hetao-site/", "https://example.org/hetao/"));

        Assert.True(check.Diagnostics.Count == 0, "expected check to find nothing, got:\n" + string.Join("\n", check.Diagnostics));
    }

    [Theory]
    [InlineData("")]
    [InlineData("zh-hans/")]
    public void Every_list_page_holds_at_most_a_page_of_events(string prefix)
    {
        var pages = ListPages(prefix).ToList();

        Assert.Contains(prefix + "years/2024/page/2/index.html", pages);
        foreach (var path in pages)
        {
            var count = EventIdsOn(path).Count;
            Assert.True(count is > 0 and <= PageSize, $"{path}: expected 1–{PageSize} events, got {count}");
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("zh-hans/")]
    public void Every_event_is_on_exactly_one_year_page_and_its_links_lead_there(string prefix)
    {
        var events = JsonNode.Parse(Paged.Value.Text("data/events.json"))!["events"]!.AsArray().Select(e => (string)e!["id"]!).ToList();
        var yearPages = Paged.Value.HtmlPaths.Where(p => p.StartsWith(prefix + "years/", StringComparison.Ordinal))
            .SelectMany(p => EventIdsOn(p).Select(id => (Id: id, Path: p))).ToList();
        var article = HtmlCheck.Document(Paged.Value.Text(prefix + "articles/2024-plan/index.html"));

        foreach (var id in events)
        {
            var on = yearPages.Where(y => y.Id == id).Select(y => y.Path).ToList();
            Assert.True(on.Count == 1, $"event {id}: expected on one year page, found on [{string.Join(", ", on)}]");
        }

        foreach (var link in article.QuerySelectorAll(".article-events-list a"))
        {
            var href = link.GetAttribute("href")!;
            var (page, id) = (href[..href.IndexOf('#', StringComparison.Ordinal)], href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]);
            var file = page["/hetao-site/".Length..] + "index.html";
            Assert.True(EventIdsOn(file).Contains(id), $"{href}: expected event {id} on {file}, it lists [{string.Join(", ", EventIdsOn(file))}]");
        }
    }

    [Fact]
    public void The_home_page_shows_the_first_year_page_and_leads_to_the_next()
    {
        var home = HtmlCheck.Document(Paged.Value.Text("index.html"));

        Assert.Equal(EventIdsOn("years/2017/index.html"), EventIdsOn("index.html"));
        Assert.Equal("/hetao-site/years/2018/", home.QuerySelector(".pager a[rel=next]")?.GetAttribute("href"));
        Assert.Null(home.QuerySelector("#filters"));
    }

    [Fact]
    public void Feeds_hold_the_latest_entries_up_to_the_limit()
    {
        var entries = XDocument.Parse(Paged.Value.Text("feeds/events.xml")).Root!.Elements().Where(e => e.Name.LocalName == "entry").ToList();
        var all = JsonNode.Parse(Paged.Value.Text("data/events.json"))!["events"]!.AsArray().Select(e => (string)e!["id"]!).ToList();

        Assert.Equal(4, entries.Count);
        Assert.EndsWith("#" + all[^1], entries[0].Elements().First(e => e.Name.LocalName == "id").Value, StringComparison.Ordinal);
        Assert.Contains("/years/", entries[0].Elements().First(e => e.Name.LocalName == "id").Value, StringComparison.Ordinal);
        var articles = XDocument.Parse(Paged.Value.Text("feeds/articles.xml")).Root!.Elements().Count(e => e.Name.LocalName == "entry");
        Assert.Equal(3, articles);
    }

    [Theory]
    [InlineData("", "2024年的報道來源")]
    [InlineData("zh-hans/", "2024年的报道来源")]
    public void The_about_page_lists_the_sources_a_year_per_page(string prefix, string title2024)
    {
        var about = HtmlCheck.Document(Paged.Value.Text(prefix + "about/index.html"));
        var yearLinks = about.QuerySelectorAll(".source-years a").Select(a => a.GetAttribute("href")!).ToList();

        Assert.Empty(about.QuerySelectorAll(".source-list li"));
        Assert.Equal(new[] { "2017", "2021", "2024" }.Select(y => $"/hetao-site/{prefix}sources/{y}/"), yearLinks);
        var listed = new List<string>();
        foreach (var link in yearLinks)
        {
            var page = HtmlCheck.Document(Paged.Value.Text(link["/hetao-site/".Length..] + "index.html"));
            var year = link.TrimEnd('/')[^4..];
            var articles = page.QuerySelectorAll(".source-list li").ToList();
            Assert.True(articles.Count > 0, $"{link}: expected the articles of {year}, found none");
            Assert.All(articles, li => Assert.StartsWith(year, li.QuerySelector("time")!.GetAttribute("datetime"), StringComparison.Ordinal));
            Assert.Equal(link, page.QuerySelector(".year-bar a[aria-current=page]")?.GetAttribute("href"));
            listed.AddRange(articles.Select(li => li.QuerySelector("a")!.GetAttribute("href")!));
        }

        Assert.Equal(SampleSite.Articles().Select(a => $"/hetao-site/{prefix}articles/{a.Article.Id}/").Order(StringComparer.Ordinal), listed.Order(StringComparer.Ordinal));
        Assert.Equal(title2024, HtmlCheck.Document(Paged.Value.Text(prefix + "sources/2024/index.html")).QuerySelector("h1")!.TextContent);
    }

    [Theory]
    [InlineData("")]
    [InlineData("zh-hans/")]
    public void Every_list_page_and_sources_page_shows_its_counts(string prefix)
    {
        var site = Paged.Value;
        var years = SampleSite.Articles().GroupBy(a => a.Article.Published!.Value.Year).ToDictionary(g => g.Key.ToString(CultureInfo.InvariantCulture), g => g.Count());
        foreach (var path in site.HtmlPaths.Where(p => p.StartsWith(prefix + "sources/", StringComparison.Ordinal)))
        {
            var bar = HtmlCheck.Document(site.Text(path)).QuerySelectorAll(".year-bar a")
                .ToDictionary(a => a.TextContent[..4], a => a.QuerySelector(".n")?.TextContent);
            Assert.Equal(years.ToDictionary(y => y.Key, y => (string?)$"({y.Value})"), bar);
        }

        var later = site.HtmlPaths.Where(p => p.StartsWith(prefix + "years/", StringComparison.Ordinal) && p.Contains("/page/", StringComparison.Ordinal)).ToList();
        Assert.True(later.Count > 0, "expected a year with more than one page in the paged sample");
        string? Intro(string path) => HtmlCheck.Document(site.Text(path)).QuerySelector(".intro")?.TextContent;
        Assert.All(later, p => Assert.Equal(Intro(p[..(p.IndexOf("page/", StringComparison.Ordinal))] + "index.html"), Intro(p)));
    }

    [Fact]
    public void A_site_that_is_not_paged_lists_its_sources_on_the_about_page()
    {
        var site = RenderedSite.Sample(converter: false);
        var about = HtmlCheck.Document(site.Text("about/index.html"));

        Assert.Equal(SampleSite.Articles().Count, about.QuerySelectorAll(".source-list li").Length);
        Assert.Empty(about.QuerySelectorAll(".source-years"));
        Assert.DoesNotContain(site.HtmlPaths, p => p.StartsWith("sources/", StringComparison.Ordinal));
    }
}
