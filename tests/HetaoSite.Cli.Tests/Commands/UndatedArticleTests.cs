using System.Text.Json;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Commands;

/// <summary>
/// Issue 17: an article without a publication date is built with a warning naming it, listed as undated, shown as
/// 「日期不詳」 and kept out of the feed; <c>--strict</c> makes the warning an error and leaves the output untouched.
/// </summary>
public class UndatedArticleTests
{
    private const string Dated = "---\ntitle: 有日期\ndate: 2024-08-09\n---\n\n2024年6月，國際產業中試集聚區在河套深圳園區成立。\n";

    // No date anywhere: an absolute date in the text stays an event, 去年 cannot be resolved.
    private const string Undated = "河套人才驛站開放\n2023年5月，河套合作區的人才驛站動工。去年，驛站的設計方案公開徵集意見。\n";

    [Fact]
    public void An_undated_article_builds_with_a_warning_naming_it()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("dated.md", Dated);
        site.AddArticle("undated.txt", Undated);

        var result = CliRun.Of(["build", .. site.BuildArgs()]);

        Assert.True(result.ExitCode == 0, $"expected exit 0, got {result.ExitCode}: {result.Stderr}");
        Assert.Contains("undated.txt: warning HS0001", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("articles: undated.txt: published: YYYY-MM-DD", result.Stderr, StringComparison.Ordinal);

        using var articles = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "data", "articles.json")));
        var list = articles.RootElement.GetProperty("articles").EnumerateArray().ToList();
        Assert.Equal(["dated.md", "undated.txt"], list.Select(a => a.GetProperty("file").GetString()));
        var undated = list[1];
        Assert.Equal((JsonValueKind.Null, true, JsonValueKind.Null),
            (undated.GetProperty("published").ValueKind, undated.GetProperty("undated").GetBoolean(), undated.GetProperty("published_from").ValueKind));
        Assert.Equal("front matter", list[0].GetProperty("published_from").GetString());

        using var events = JsonDocument.Parse(File.ReadAllText(Path.Combine(site.Output, "data", "events.json")));
        var dates = events.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("date").GetString()).ToList();
        Assert.Contains("2023-05", dates);

        var page = File.ReadAllText(Path.Combine(site.Output, "articles", "undated", "index.html"));
        Assert.Contains("日期不詳", page, StringComparison.Ordinal);
        Assert.Contains("去年", page, StringComparison.Ordinal);
        var feed = File.ReadAllText(Path.Combine(site.Output, "feeds", "articles.xml"));
        Assert.DoesNotContain("/articles/undated/", feed, StringComparison.Ordinal);
        Assert.Contains("/articles/dated/", feed, StringComparison.Ordinal);
    }

    [Fact]
    public void With_strict_the_warning_is_an_error_and_the_output_is_untouched()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("dated.md", Dated);
        Assert.Equal(0, CliRun.Of(["build", .. site.BuildArgs()]).ExitCode);
        var before = TempSite.Hashes(site.Output);
        site.AddArticle("undated.txt", Undated);

        var result = CliRun.Of(["build", .. site.BuildArgs("--strict")]);

        Assert.True(result.ExitCode == 1, $"expected exit 1, got {result.ExitCode}: {result.Stderr}");
        Assert.Contains("undated.txt: error HS0001", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("--strict", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TempSite.Hashes(site.Output));
        Assert.Equal(0, CliRun.Of(["build", .. site.BuildArgs("--keep-going")]).ExitCode);
    }

    [Fact]
    public void Check_with_strict_fails_on_warnings()
    {
        using var site = TempSite.WithTemplates();
        site.AddArticle("dated.md", "---\ntitle: 沒有事件\ndate: 2024-08-09\n---\n\n河套合作區的人才驛站正式開放。\n");
        Assert.Equal(0, CliRun.Of(["build", .. site.BuildArgs()]).ExitCode);

        var plain = CliRun.Of("check", "--out", site.Output, "--config", site.Config);
        var strict = CliRun.Of("check", "--out", site.Output, "--config", site.Config, "--strict");

        Assert.True(plain.ExitCode == 0 && plain.Stderr.Contains("warning HS0305", StringComparison.Ordinal), plain.ToString());
        Assert.True(strict.ExitCode == 1 && strict.Stderr.Contains("error HS0305", StringComparison.Ordinal), strict.ToString());
    }
}
