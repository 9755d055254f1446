using System.Text;
using HetaoSite.Core.Checking;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests.Checking;

public class SiteCheckerTests
{
    private static readonly SiteCheckOptions ProjectSite = new("/hetao-site/", "https://hetao-site.github.io/hetao-site/");

    private static OutputFile File(string path, string text) => new(path, Encoding.UTF8.GetBytes(text));

    private static string Page(string body) => $"<!doctype html>\n<html><head><title>t</title></head>\n<body>\n{body}\n</body></html>";

    private static IReadOnlyList<Diagnostic> Check(SiteCheckOptions options, params OutputFile[] files) =>
        SiteChecker.Check(files, options).Diagnostics;

    private static string Describe(IReadOnlyList<Diagnostic> diagnostics) =>
        diagnostics.Count == 0 ? "(none)" : string.Join("\n", diagnostics);

    [Fact]
    public void A_consistent_site_has_no_diagnostics()
    {
        var diagnostics = Check(ProjectSite,
            File("index.html", Page("""<a href="/hetao-site/years/2024/#e2024-a">x</a> <a href="years/2024/">y</a> <img src="assets/logo.svg" alt=""> <a href="https://example.com/x">ext</a> <a href="#top">top</a> <main id="main"></main>""")),
            File("years/2024/index.html", Page("""<h2 id="e2024-a">a</h2><a href="../../">home</a><a href="../../index.html#main">m</a>""")),
            File("assets/logo.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"),
            File("sitemap.xml", """<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://hetao-site.github.io/hetao-site/years/2024/</loc></url></urlset>"""),
            File("data/events.json", """{"events":[]}"""));

        Assert.True(diagnostics.Count == 0, $"expected no diagnostics, got:\n{Describe(diagnostics)}");
    }

    [Fact]
    public void A_link_to_a_missing_page_is_a_broken_link_with_file_and_line()
    {
        var diagnostics = Check(ProjectSite, File("index.html", Page("""<a href="years/2031/">x</a>""")));

        var broken = Assert.Single(diagnostics);
        Assert.Equal((SiteChecker.BrokenLink, Severity.Error, "index.html", 4), (broken.Code, broken.Severity, broken.File, broken.Line ?? 0));
        Assert.Contains("years/2031", broken.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_asset_is_a_broken_link()
    {
        var diagnostics = Check(ProjectSite, File("index.html", Page("""<link rel="stylesheet" href="/hetao-site/assets/site.css"><script src="assets/app.js"></script>""")));

        Assert.Equal([SiteChecker.BrokenLink, SiteChecker.BrokenLink], diagnostics.Select(d => d.Code));
    }

    [Fact]
    public void A_fragment_that_is_no_id_in_the_target_page_is_a_missing_anchor()
    {
        var diagnostics = Check(ProjectSite,
            File("index.html", Page("""<a href="events/#e2019-深港">x</a> <a href="#nowhere">y</a>""")),
            File("events/index.html", Page("""<h2 id="e2019-other">other</h2>""")));

        Assert.True(diagnostics.Count == 2, $"expected two missing anchors, got:\n{Describe(diagnostics)}");
        Assert.All(diagnostics, d => Assert.Equal(SiteChecker.MissingAnchor, d.Code));
        Assert.Contains(diagnostics, d => d.Message.Contains("e2019-深港", StringComparison.Ordinal));
    }

    [Fact]
    public void A_percent_encoded_chinese_fragment_finds_its_id()
    {
        var diagnostics = Check(ProjectSite,
            File("index.html", Page("""<a href="events/#%E6%B2%B3%E5%A5%97">x</a>""")),
            File("events/index.html", Page("""<h2 id="河套">河套</h2>""")));

        Assert.True(diagnostics.Count == 0, $"expected no diagnostics, got:\n{Describe(diagnostics)}");
    }

    [Fact]
    public void An_absolute_link_outside_the_base_path_is_a_violation()
    {
        var diagnostics = Check(ProjectSite,
            File("index.html", Page("""<a href="/years/2024/">x</a>""")),
            File("years/2024/index.html", Page("y")));

        var violation = Assert.Single(diagnostics);
        Assert.Equal((SiteChecker.BasePathViolation, "index.html"), (violation.Code, violation.File));
    }

    [Fact]
    public void The_same_absolute_link_is_fine_on_a_user_site()
    {
        var diagnostics = Check(new SiteCheckOptions("/", "https://hetao.example/"),
            File("index.html", Page("""<a href="/years/2024/">x</a>""")),
            File("years/2024/index.html", Page("y")));

        Assert.True(diagnostics.Count == 0, $"expected no diagnostics, got:\n{Describe(diagnostics)}");
    }

    [Fact]
    public void A_relative_link_climbing_above_the_base_path_is_a_violation()
    {
        var diagnostics = Check(ProjectSite, File("index.html", Page("""<a href="../other-repo/">x</a>""")));

        Assert.Equal(SiteChecker.BasePathViolation, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void An_absolute_url_under_base_url_is_checked_like_an_internal_link()
    {
        var diagnostics = Check(ProjectSite, File("index.html", Page("""<link rel="canonical" href="https://hetao-site.github.io/hetao-site/gone/">""")));

        Assert.Equal(SiteChecker.BrokenLink, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Malformed_xml_is_invalid_xml_with_its_line()
    {
        var diagnostics = Check(ProjectSite, File("feed.xml", "<?xml version=\"1.0\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>x</feed>"));

        var invalid = Assert.Single(diagnostics);
        Assert.Equal((SiteChecker.InvalidXml, 3), (invalid.Code, invalid.Line ?? 0));
    }

    [Fact]
    public void A_document_type_declaration_is_refused()
    {
        var diagnostics = Check(ProjectSite, File("feed.xml", "<?xml version=\"1.0\"?>\n<!DOCTYPE feed [<!ENTITY x \"boom\">]>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">&x;</feed>"));

        Assert.Equal(SiteChecker.InvalidXml, Assert.Single(diagnostics).Code);
    }

    [Fact]
    public void Sitemap_and_feed_urls_must_be_absolute_under_base_url()
    {
        var diagnostics = Check(ProjectSite,
            File("index.html", Page("home")),
            File("sitemap.xml", """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>/hetao-site/</loc></url><url><loc>https://elsewhere.example/</loc></url></urlset>"""),
            File("feed.xml", """
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <link rel="self" href="https://hetao-site.github.io/hetao-site/feed.xml"/>
                  <entry><link href="https://hetao-site.github.io/hetao-site/"/><link rel="related" href="https://news.example/a"/></entry>
                  <entry><link href="https://hetao-site.github.io/hetao-site/missing/"/></entry>
                </feed>
                """));

        Assert.Equal(
            [(SiteChecker.BrokenLink, "feed.xml", 4), (SiteChecker.UrlOutsideSite, "sitemap.xml", 1), (SiteChecker.UrlOutsideSite, "sitemap.xml", 1)],
            diagnostics.Select(d => (d.Code, d.File!, d.Line ?? 0)).Order());
    }

    [Fact]
    public void A_sitemap_index_must_name_sitemaps_the_site_has_by_absolute_url()
    {
        var diagnostics = Check(ProjectSite,
            File("index.html", Page("home")),
            File("sitemaps/pages.xml", """<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>https://hetao-site.github.io/hetao-site/</loc></url></urlset>"""),
            File("sitemap.xml", """
                <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
                  <sitemap><loc>https://hetao-site.github.io/hetao-site/sitemaps/pages.xml</loc></sitemap>
                  <sitemap><loc>https://hetao-site.github.io/hetao-site/sitemaps/articles-2031.xml</loc></sitemap>
                  <sitemap><loc>/hetao-site/sitemaps/pages.xml</loc></sitemap>
                </sitemapindex>
                """));

        Assert.Equal(
            [(SiteChecker.BrokenLink, "sitemap.xml", 3), (SiteChecker.UrlOutsideSite, "sitemap.xml", 4)],
            diagnostics.Select(d => (d.Code, d.File!, d.Line ?? 0)).Order());
    }

    [Fact]
    public void An_article_page_without_events_is_a_warning_not_an_error()
    {
        var result = SiteChecker.Check(
            [
                File("articles/003-564ef79a45113a5f/index.html", Page("""<article><h1>t</h1><p>no dated statements</p></article>""")),
                File("articles/004-e331704125a7b1c3/index.html", Page("""<li class="event" data-event-id="e2022-1">x</li>""")),
                File("articles/index.html", Page("list of articles")),
            ],
            ProjectSite);

        var warning = Assert.Single(result.Diagnostics);
        Assert.Equal((SiteChecker.PageWithoutEvents, Severity.Warning, "articles/003-564ef79a45113a5f/index.html"), (warning.Code, warning.Severity, warning.File!));
        Assert.False(result.HasErrors);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        var diagnostics = Check(ProjectSite, File("data/events.json", "{\n  \"events\": [\n  }"));

        var invalid = Assert.Single(diagnostics);
        Assert.Equal((SiteChecker.InvalidJson, "data/events.json", 3), (invalid.Code, invalid.File!, invalid.Line ?? 0));
    }

    [Fact]
    public void The_summary_counts_pages_and_internal_links()
    {
        var result = SiteChecker.Check(
            [File("index.html", Page("""<a href="a/">a</a><a href="https://example.com/">e</a>""")), File("a/index.html", Page("a"))],
            ProjectSite);

        Assert.Equal(new CheckSummary(2, 2, 1), result.Value);
    }
}
