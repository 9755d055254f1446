using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

public class CheckCommandTests
{
    private const string Config = """
        site:
          title: 測試
          base_url: https://owner.github.io/hetao-site/
          base_path: /hetao-site/
        """;

    private static void Write(TempSite site, string relative, string text)
    {
        var path = Path.Combine(site.Output, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }

    private static TempSite CraftedSite(string indexBody)
    {
        var site = TempSite.Empty();
        File.WriteAllText(site.Config, Config);
        Write(site, "index.html", $"<!doctype html>\n<html><head><title>t</title></head>\n<body>\n{indexBody}\n</body></html>\n");
        Write(site, "years/2024/index.html", "<!doctype html><html><body><h2 id=\"e2024-a\">a</h2></body></html>");
        Write(site, "sitemap.xml", "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"><url><loc>https://owner.github.io/hetao-site/</loc></url></urlset>");
        return site;
    }

    [Fact]
    public void Check_passes_a_consistent_site()
    {
        using var site = CraftedSite("""<a href="years/2024/#e2024-a">ok</a> <a href="/hetao-site/years/2024/">ok</a>""");

        var run = CliRun.Of("check", "--out", site.Output, "--config", site.Config);

        Assert.True(run.ExitCode == 0, $"expected exit 0, got {run}");
        Assert.Contains("checked 2 pages", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_reports_a_broken_link_a_missing_anchor_and_a_base_path_violation_with_file_and_line()
    {
        using var site = CraftedSite("""
            <a href="years/2031/">broken</a>
            <a href="years/2024/#e2024-zzz">no such anchor</a>
            <a href="/years/2024/">outside the base path</a>
            """);

        var run = CliRun.Of("check", "--out", site.Output, "--config", site.Config);

        Assert.True(run.ExitCode == 1, $"expected exit 1, got {run}");
        Assert.Contains("index.html:4: error HS0301", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("index.html:5: error HS0304", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("index.html:6: error HS0302", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Base_path_option_overrides_the_config()
    {
        using var site = CraftedSite("""<a href="/years/2024/">root link</a>""");

        var run = CliRun.Of("check", "--out", site.Output, "--config", site.Config, "--base-path", "/");

        Assert.True(run.ExitCode == 0, $"expected exit 0 with --base-path /, got {run}");
    }

    [Fact]
    public void Check_without_a_built_site_says_to_build_first()
    {
        using var site = TempSite.Empty();

        var run = CliRun.Of("check", "--out", site.Output, "--config", site.Config);

        Assert.True(run.ExitCode == 1, $"expected exit 1, got {run}");
        Assert.Contains("hetao build", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_site_that_build_writes_passes_check_and_the_seeds_stay_unchanged()
    {
        using var site = TempSite.CopyOfRepository();
        var before = TempSite.Hashes(site.Seeds);

        var build = CliRun.Of(["build", "--keep-going", "--out", site.Output, .. site.Args()]);
        var check = CliRun.Of("check", "--out", site.Output, "--config", site.Config);

        Assert.True(build.ExitCode == 0, $"expected the build to succeed, got {build}");
        Assert.True(check.ExitCode == 0, $"expected check to pass the built site, got {check}");
        Assert.Equal(before, TempSite.Hashes(site.Seeds));
    }
}
