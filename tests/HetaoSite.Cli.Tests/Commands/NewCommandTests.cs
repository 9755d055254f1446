using System.Text;
using HetaoSite.Cli.Commands;
using HetaoSite.Cli.Tests.TestSupport;
using YamlDotNet.RepresentationModel;

namespace HetaoSite.Cli.Tests.Commands;

public class NewCommandTests
{
    // Written for these tests: a short article in the form a maintainer pastes.
    private const string Body = "2025年3月1日，河套深港科技創新合作區深圳園區舉行新一批科研平台簽約儀式。\n";

    private static YamlMappingNode FrontMatter(string path)
    {
        var text = File.ReadAllText(path);
        Assert.True(text.StartsWith("---\n", StringComparison.Ordinal), $"expected front matter at the start of {path}, got:\n{text}");
        var end = text.IndexOf("\n---\n", 4, StringComparison.Ordinal);
        Assert.True(end > 0, $"expected a closing --- in {path}, got:\n{text}");
        var yaml = new YamlStream();
        yaml.Load(new StringReader(text[4..end]));
        return (YamlMappingNode)yaml.Documents[0].RootNode;
    }

    private static string Scalar(YamlMappingNode map, string key) => ((YamlScalarNode)map.Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void New_writes_a_dated_markdown_article_whose_front_matter_reads_back_exactly()
    {
        using var site = TempSite.CopyOfRepository();
        const string title = "河套「深港」論壇: \"開幕\" #1 \\ 第二場";

        var run = CliRun.WithInput(Body, ["new", title, "--date", "2025-03-01", "--url", "https://news.example/a?b=1&c=#x", "--text", "-", .. site.Args()]);

        Assert.True(run.ExitCode == 0, $"expected exit 0, got {run}");
        var path = Path.Combine(site.Seeds, "2025-03-01-河套-深港-論壇-開幕-1-第二場.md");
        Assert.True(File.Exists(path), $"expected {path}; seeds has: {string.Join(", ", Directory.GetFiles(site.Seeds).Select(Path.GetFileName))}");
        var front = FrontMatter(path);
        Assert.Equal(title, Scalar(front, "title"));
        Assert.Equal("2025-03-01", Scalar(front, "date"));
        Assert.Equal("https://news.example/a?b=1&c=#x", Scalar(front, "url"));
        Assert.False(File.ReadAllBytes(path).AsSpan().StartsWith(Encoding.UTF8.Preamble), "expected UTF-8 without BOM");
    }

    [Fact]
    public void New_without_url_writes_no_url_key()
    {
        using var site = TempSite.CopyOfRepository();

        var run = CliRun.WithInput(Body, ["new", "前海與河套", "--date", "2024-12-31", "--text", "-", .. site.Args()]);

        Assert.True(run.ExitCode == 0, $"expected exit 0, got {run}");
        var front = FrontMatter(Path.Combine(site.Seeds, "2024-12-31-前海與河套.md"));
        Assert.False(front.Children.ContainsKey(new YamlScalarNode("url")), "expected no url key when --url is not given");
    }

    [Fact]
    public void New_refuses_to_overwrite_an_existing_article()
    {
        using var site = TempSite.CopyOfRepository();
        var first = CliRun.WithInput(Body, ["new", "河套開園", "--date", "2025-01-02", "--text", "-", .. site.Args()]);
        var path = Path.Combine(site.Seeds, "2025-01-02-河套開園.md");
        File.AppendAllText(path, "已寫好的正文。\n");
        var written = File.ReadAllText(path);

        var second = CliRun.WithInput(Body, ["new", "河套開園", "--date", "2025-01-02", "--text", "-", .. site.Args()]);

        Assert.True(first.ExitCode == 0, $"expected the first run to succeed, got {first}");
        Assert.True(second.ExitCode == 1, $"expected exit 1 for an existing file, got {second}");
        Assert.Contains("not overwritten", second.Stderr, StringComparison.Ordinal);
        Assert.Equal(written, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("2025-13-01")]
    [InlineData("2025/01/01")]
    [InlineData("yesterday")]
    public void A_bad_date_is_a_usage_error(string date)
    {
        using var site = TempSite.CopyOfRepository();

        var run = CliRun.WithInput(Body, ["new", "標題", "--date", date, "--text", "-", .. site.Args()]);

        Assert.True(run.ExitCode == 2, $"expected exit 2 for --date {date}, got {run}");
        Assert.Contains(date, run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_title_is_a_usage_error()
    {
        var run = CliRun.Of("new", "--date", "2025-01-01");

        Assert.True(run.ExitCode == 2, $"expected exit 2, got {run}");
    }

    [Fact]
    public void Without_date_the_article_is_dated_today_by_the_clock()
    {
        using var site = TempSite.CopyOfRepository();
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var code = NewCommand.Run(["河套新聞", "--text", "-", .. site.Args()], new StringReader(Body), stdout, stderr, new FixedClock(new DateTimeOffset(2026, 2, 3, 23, 30, 0, TimeSpan.Zero)));

        Assert.True(code == 0, $"expected exit 0, got {code}: {stderr}");
        Assert.True(File.Exists(Path.Combine(site.Seeds, "2026-02-03-河套新聞.md")), $"expected a file dated 2026-02-03; seeds has: {string.Join(", ", Directory.GetFiles(site.Seeds).Select(Path.GetFileName))}");
    }

    [Fact]
    public void New_leaves_the_existing_seeds_byte_for_byte_unchanged()
    {
        using var site = TempSite.CopyOfRepository();
        var before = TempSite.Hashes(site.Seeds);

        var run = CliRun.WithInput(Body, ["new", "河套", "--date", "2025-05-05", "--text", "-", .. site.Args()]);

        var after = TempSite.Hashes(site.Seeds);
        Assert.True(run.ExitCode == 0, $"expected exit 0, got {run}");
        Assert.Equal(before, after.Where(pair => pair.Key != "2025-05-05-河套.md").ToDictionary(StringComparer.Ordinal));
    }

    [Fact]
    public void New_without_text_writes_nothing_and_says_how_to_give_it()
    {
        using var site = TempSite.CopyOfRepository();
        var before = TempSite.Hashes(site.Seeds);

        var run = CliRun.Of(["new", "河套新聞", "--date", "2025-05-05", .. site.Args()]);

        Assert.True(run.ExitCode == 2, $"expected exit 2 (usage) for an article without text, got {run}");
        Assert.Contains("--text", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("--from", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TempSite.Hashes(site.Seeds));
    }

    [Fact]
    public void New_with_empty_text_on_standard_input_writes_nothing()
    {
        using var site = TempSite.CopyOfRepository();
        var before = TempSite.Hashes(site.Seeds);

        var run = CliRun.WithInput(" \n\n", ["new", "河套新聞", "--date", "2025-05-05", "--text", "-", .. site.Args()]);

        Assert.True(run.ExitCode == 2, $"expected exit 2 for empty text, got {run}");
        Assert.Equal(before, TempSite.Hashes(site.Seeds));
    }

    [Fact]
    public void An_article_written_by_new_builds_and_keeps_its_text()
    {
        using var site = TempSite.CopyOfRepository();
        var text = Path.Combine(site.Root, "pasted.txt");
        File.WriteAllText(text, "\uFEFF" + Body.Replace("\n", "\r\n"));

        var created = CliRun.Of(["new", "深圳園區新一批科研平台簽約", "--date", "2025-03-02", "--text", text, .. site.Args()]);
        var built = CliRun.Of(["build", .. site.BuildArgs("--no-cache")]);

        Assert.True(created.ExitCode == 0, $"expected exit 0 from new, got {created}");
        Assert.True(built.ExitCode == 0, $"expected the next build to succeed, got {built}");
        var written = File.ReadAllText(Path.Combine(site.Seeds, "2025-03-02-深圳園區新一批科研平台簽約.md"));
        Assert.True(written.EndsWith("---\n\n" + Body, StringComparison.Ordinal), $"expected the text after the front matter, got:\n{written}");
        var articles = File.ReadAllText(Path.Combine(site.Output, "data", "articles.json"));
        Assert.Contains("深圳園區新一批科研平台簽約", articles, StringComparison.Ordinal);
    }

    [Fact]
    public void New_from_a_saved_page_copies_it_byte_for_byte_under_its_date_and_title()
    {
        using var site = TempSite.CopyOfRepository();
        var page = Path.Combine(site.Root, "saved.html");
        var bytes = Encoding.UTF8.GetBytes(SavedPage);
        File.WriteAllBytes(page, bytes);

        var run = CliRun.Of(["new", "--from", page, .. site.Args()]);
        var built = CliRun.Of(["build", .. site.BuildArgs("--no-cache")]);

        Assert.True(run.ExitCode == 0, $"expected exit 0, got {run}");
        var path = Path.Combine(site.Seeds, "2024-06-12-香港科學園深圳分園迎來首批企業.html");
        Assert.True(File.Exists(path), $"expected {path}; seeds has: {string.Join(", ", Directory.GetFiles(site.Seeds).Select(Path.GetFileName))}");
        Assert.Equal(bytes, File.ReadAllBytes(path));
        Assert.Contains("香港科學園深圳分園迎來首批企業", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("2024-06-12", run.Stdout, StringComparison.Ordinal);
        Assert.True(built.ExitCode == 0, $"expected the next build to succeed, got {built}");
    }

    [Fact]
    public void New_from_a_page_without_text_copies_nothing()
    {
        using var site = TempSite.CopyOfRepository();
        var page = Path.Combine(site.Root, "empty.html");
        File.WriteAllText(page, "<!doctype html><html><head><title>空白</title></head><body></body></html>");
        var before = TempSite.Hashes(site.Seeds);

        var run = CliRun.Of(["new", "--from", page, .. site.Args()]);

        Assert.True(run.ExitCode == 1, $"expected exit 1 for a page the build would refuse, got {run}");
        Assert.Contains("not imported", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(before, TempSite.Hashes(site.Seeds));
    }

    [Fact]
    public void New_from_with_a_title_is_a_usage_error()
    {
        var run = CliRun.Of("new", "標題", "--from", "page.html");

        Assert.True(run.ExitCode == 2, $"expected exit 2, got {run}");
    }

    // Written for these tests, in the form of a saved news page: metadata in <head>, the story in <article>.
    private const string SavedPage = """
        <!doctype html>
        <html lang="zh-Hant"><head><meta charset="utf-8">
        <title>香港科學園深圳分園迎來首批企業 - 示例新聞網</title>
        <meta property="og:title" content="香港科學園深圳分園迎來首批企業">
        <meta property="article:published_time" content="2024-06-12T09:30:00+08:00">
        <meta property="og:site_name" content="示例新聞網">
        </head><body><nav><a href="/">首頁</a></nav>
        <article><h1>香港科學園深圳分園迎來首批企業</h1>
        <p>香港科學園深圳分園於2024年6月11日迎來首批16家入駐企業，分園位於河套深港科技創新合作區深圳園區。</p>
        </article><footer>版權所有</footer></body></html>
        """;

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("他說：\"河套\" #1", "\"他說：\\\"河套\\\" #1\"")]
    [InlineData("a\nb\\c", "\"a\\nb\\\\c\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    public void Yaml_quote_escapes_what_yaml_would_misread(string value, string expected)
    {
        Assert.Equal(expected, NewCommand.YamlQuote(value));
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;

        public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;
    }
}
