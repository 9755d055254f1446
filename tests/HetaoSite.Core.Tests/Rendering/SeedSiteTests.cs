using HetaoSite.Core.Conversion;
using System.Text;
using System.Text.Json;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

/// <summary>
/// The site over real content: the whole pipeline over the five frozen seed articles, both scripts, with the
/// repository's templates. Page-weight budget (the search index is fetched only on first use of the search box, so it
/// is not counted) and a data-quality report written in words.
/// </summary>
public sealed class SeedSiteTests
{
    private const int Budget = 100 * 1024;

    private const string Config = """
        site:
          title: 河套深港科技創新合作區大事記
          description: 河套深港科技創新合作區 2017–2025 年的發展，每一件事都附上報道原句。
          base_url: https://hetao-site.github.io/hetao-site/
          base_path: /hetao-site/
          default_script: zh-Hant
        window:
          from: 2017
          to: 2025

        """;

    private static readonly Lazy<SiteBuild> Build = new(() =>
    {
        Assert.True(OpenCcConverter.TryCreate(out var converter, out var problem), $"OpenCC is needed to render both scripts ({problem}); run ./test.sh, which installs it.");
        var articles = SeedFixtures.Names.Select(SeedFixtures.File).ToList();
        var source = new SiteSource(Config + SeedFixtures.ConfigYaml, "site-config.yml", articles, RepoTemplates.All, []);
        return SiteBuilder.Build(source, new BuildContext(new DateOnly(2025, 6, 30), converter));
    });

    [Theory]
    [InlineData("index.html")]
    [InlineData("zh-hans/index.html")]
    public void Home_page_of_the_seed_site_with_all_its_css_and_js_weighs_less_than_100_kb(string home)
    {
        var build = Build.Value;
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));
        Assert.True(build.Timeline.Events.Count >= 20, $"expected the seeds to give at least 20 events, got {build.Timeline.Events.Count}");
        var files = build.Files.ToDictionary(f => f.Path, f => f.Content.Length, StringComparer.Ordinal);
        // Everything the home page loads or may load, except the search index: its HTML, the stylesheet, site.js and
        // search.js (fetched on the first search).
        var parts = new[] { home, "css/site.css", "js/site.js", "js/search.js", "favicon.svg" };
        var missing = parts.Where(p => !files.ContainsKey(p)).ToList();
        Assert.True(missing.Count == 0, $"expected {string.Join(", ", missing)} in the output");
        var bytes = parts.Sum(p => files[p]);
        Assert.True(bytes < Budget,
            $"expected the home page {home} and its assets under {Budget} bytes, got {bytes}: {string.Join(", ", parts.Select(p => $"{p} {files[p]}"))}");
    }

    [Theory]
    [InlineData("about/index.html", ".report tr.dropped th")]
    [InlineData("zh-hans/about/index.html", ".report tr.dropped th")]
    [InlineData("articles/*/index.html", ".article-report .dropped li")]
    [InlineData("zh-hans/articles/*/index.html", ".article-report .dropped li")]
    public void Data_quality_reports_name_every_drop_reason_in_chinese(string pages, string selector)
    {
        var build = Build.Value;
        var pattern = "^" + System.Text.RegularExpressions.Regex.Escape(pages).Replace("\\*", "[^/]+", StringComparison.Ordinal) + "$";
        var cells = build.Files.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Path, pattern))
            .SelectMany(f => HtmlCheck.Document(Encoding.UTF8.GetString(f.Content)).QuerySelectorAll(selector).Select(e => e.TextContent)).ToList();
        Assert.True(cells.Count >= 5, $"expected the seeds' dropped dates listed by reason on {pages}, got {cells.Count}");
        var raw = cells.Where(c => c.Any(char.IsAsciiLetter)).ToList();
        Assert.True(raw.Count == 0, $"expected reasons in words on {pages}, found codes: {string.Join(" | ", raw)}");
    }

    [Fact]
    public void The_about_page_totals_what_the_article_pages_report()
    {
        var build = Build.Value;
        int Sum(string path, string selector) => HtmlCheck.Document(Encoding.UTF8.GetString(build.Files.Single(f => f.Path == path).Content))
            .QuerySelectorAll(selector).Sum(e => int.Parse(e.TextContent.Split('：')[^1], System.Globalization.CultureInfo.InvariantCulture));
        var articles = build.Files.Where(f => System.Text.RegularExpressions.Regex.IsMatch(f.Path, "^articles/[^/]+/index.html$")).Select(f => f.Path).ToList();

        var droppedOnArticles = articles.Sum(p => Sum(p, ".article-report .dropped li"));
        var droppedOnAbout = Sum("about/index.html", ".report tr.dropped td");

        Assert.True(articles.Count == 5 && droppedOnArticles == droppedOnAbout && droppedOnAbout > 0,
            $"expected the About page's dropped dates ({droppedOnAbout}) to total those of the {articles.Count} article pages ({droppedOnArticles})");
    }

    [Theory]
    [InlineData("zh-Hant")]
    [InlineData("zh-Hans")]
    public void Every_drop_reason_has_a_ui_string(string script)
    {
        var strings = JsonDocument.Parse(RepoTemplates.All.Single(f => f.Path == $"i18n/{script}.json").Content).RootElement;
        var missing = Enum.GetValues<DropReason>().Select(r => "drop_" + BuildReport.Name(r))
            .Where(key => !strings.TryGetProperty(key, out _)).ToList();
        Assert.True(missing.Count == 0, $"expected i18n/{script}.json to name every drop reason; missing: {string.Join(", ", missing)}");
    }
}
