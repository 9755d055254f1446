using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

public class BuildCommandTests
{
    private const string Article = "---\ntitle: 測試文章\ndate: 2024-08-09\n---\n\n2024年6月，國際產業中試集聚區在河套深圳園區成立。\n";

    [Fact]
    public void Build_writes_the_data_files_and_prints_a_summary()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article);
        var result = CliRun.Of(["build", .. site.BuildArgs()]);
        Assert.True(result.ExitCode == 0, $"expected exit 0, got {result.ExitCode}: {result.Stderr}");
        Assert.True(File.Exists(Path.Combine(site.Output, "data", "events.json")), "expected data/events.json");
        Assert.True(File.Exists(Path.Combine(site.Output, "data", "articles.json")), "expected data/articles.json");
        Assert.Matches(@"(?m)^dates: \d+ found, \d+ kept, \d+ dropped", result.Stdout);
        Assert.Matches(@"(?m)^1 articles, \d+ events, \d+ pages in \d+\.\d s$", result.Stdout);
    }

    [Fact]
    public void A_page_edited_in_place_in_the_output_is_restored_and_an_unchanged_page_is_left_alone()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article);
        var first = CliRun.Of(["build", .. site.BuildArgs("--verbose")]);
        Assert.True(first.ExitCode == 0, first.ToString());
        Assert.Matches(@"(?m)^output: [\d,]+ written, 0 unchanged", first.Stdout);
        Assert.Matches(@"(?m)^jit: \d+ methods compiled at run time in \d+\.\d\d s$", first.Stdout);
        Assert.Matches(@"(?m)^gc: \d+ collections \(\d+ full\), paused \d+\.\d\d s; no region without collections$", first.Stdout);
        var page = Path.Combine(site.Output, "index.html");
        var about = Path.Combine(site.Output, "about", "index.html");
        var original = File.ReadAllBytes(page);
        var longAgo = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(about, longAgo);
        using (var stream = new FileStream(page, FileMode.Append, FileAccess.Write))
        {
            stream.Write("<!-- edited by hand -->"u8);
        }

        var second = CliRun.Of(["build", .. site.BuildArgs("--verbose")]);
        Assert.True(second.ExitCode == 0, second.ToString());
        Assert.Matches(@"(?m)^output: 1 written, [\d,]+ unchanged, 0 removed", second.Stdout);
        Assert.True(original.AsSpan().SequenceEqual(File.ReadAllBytes(page)), "expected the rebuild to restore the page edited in place");
        Assert.Equal(longAgo, File.GetLastWriteTimeUtc(about));

        // As in the Pages workflow: the cache is kept, the output folder starts empty.
        Directory.Delete(site.Output, recursive: true);
        Assert.Equal(0, CliRun.Of(["build", .. site.BuildArgs()]).ExitCode);
        Assert.True(original.AsSpan().SequenceEqual(File.ReadAllBytes(page)), "expected a build into an empty folder to write the page as rendered, not as edited");
    }

    [Fact]
    public void Unknown_options_are_usage_errors_with_exit_code_2()
    {
        var result = CliRun.Of("build", "--colour");
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown option --colour", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_commands_and_no_command_are_usage_errors()
    {
        Assert.Equal(2, CliRun.Of("publish").ExitCode);
        Assert.Equal(2, CliRun.Of().ExitCode);
    }

    [Fact]
    public void A_missing_config_is_a_content_error_that_names_it_and_writes_nothing()
    {
        using var site = TempSite.WithTemplates();
        File.Delete(site.Config);
        var result = CliRun.Of(["build", .. site.BuildArgs()]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("site-config.yml", result.Stderr, StringComparison.Ordinal);
        Assert.False(Directory.Exists(site.Output), "expected no output folder after a failed build");
    }

    [Fact]
    public void A_failed_build_leaves_the_previous_site_untouched()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article);
        Assert.Equal(0, CliRun.Of(["build", .. site.BuildArgs()]).ExitCode);
        var before = Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Order().ToArray();

        site.AddArticle("bad.md", "---\ntitle: x\ndate: 2024-13-45\n---\n正文\n");
        var result = CliRun.Of(["build", .. site.BuildArgs()]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("bad.md", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, Directory.GetFiles(site.Output, "*", SearchOption.AllDirectories).Order().ToArray());
    }

    [Fact]
    public void Keep_going_skips_the_bad_article_with_a_warning_and_builds_the_rest()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article);
        site.AddArticle("bad.md", "---\ntitle: x\ndate: 2024-13-45\n---\n正文\n");
        var result = CliRun.Of(["build", .. site.BuildArgs("--keep-going")]);
        Assert.True(result.ExitCode == 0, $"expected exit 0 with --keep-going, got {result.ExitCode}: {result.Stderr}");
        Assert.Contains("bad.md", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("HS0009", result.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"(?m)^1 articles, ", result.Stdout);
    }

    [Fact]
    public void Base_url_option_makes_feeds_and_sitemap_absolute_under_it()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("a.md", Article);
        var result = CliRun.Of(["build", .. site.BuildArgs("--base-path", "/repo/", "--base-url", "https://owner.github.io/repo")]);
        Assert.True(result.ExitCode == 0, $"expected exit 0, got {result.ExitCode}: {result.Stderr}");
        var sitemap = File.ReadAllText(Path.Combine(site.Output, "sitemap.xml"));
        Assert.Contains("<loc>https://owner.github.io/repo/", sitemap, StringComparison.Ordinal);
        Assert.DoesNotContain("example.github.io", sitemap, StringComparison.Ordinal);
        var check = CliRun.Of("check", "--out", site.Output, "--config", site.Config, "--base-path", "/repo/", "--base-url", "https://owner.github.io/repo/");
        Assert.True(check.ExitCode == 0, $"expected check to pass, got {check.ExitCode}: {check.Stderr}");
    }

    [Fact]
    public void A_base_url_that_is_not_http_is_a_usage_error() =>
        Assert.Equal(2, CliRun.Of("build", "--base-url", "javascript:alert(1)").ExitCode);
}
