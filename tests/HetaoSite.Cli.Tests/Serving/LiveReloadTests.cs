using System.Net;
using HetaoSite.Cli.Serving;
using HetaoSite.Cli.Tests.TestSupport;

namespace HetaoSite.Cli.Tests.Serving;

/// <summary>The preview server over the real pipeline: watching, rebuilding, reloading, surviving a broken edit.</summary>
public sealed class LiveReloadTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    // The seeds' dates come from the text once the full pipeline is in; the new article's from here either way.
    private const string Config = """
        site:
          title: 河套深港科技創新合作區大事記
          base_url: https://owner.github.io/hetao-site/
          base_path: /hetao-site/
        articles:
          2025-06-01-河套新文章.md:
            published: 2025-06-01
            outlet: 測試報
          002_4b2e64fbf26f5ca3.txt:
            published: 2023-01
          004_e331704125a7b1c3.txt:
            published: 2022-09-13
        """;

    private const string NewArticle = """
        ---
        title: "河套新文章"
        date: "2025-06-01"
        ---

        2025年6月1日，河套深港科技創新合作區舉行新聞發布會。
        """;

    [Fact]
    public async Task An_added_article_is_rebuilt_and_announced_and_a_broken_config_keeps_the_last_good_site()
    {
        using var site = TempSite.CopyOfRepository(Config);
        var seedsBefore = TempSite.Hashes(site.Seeds);
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
        var arguments = site.BuildArguments("--keep-going");
        await using var server = await PreviewServer.StartAsync(
            new PreviewServerOptions(SitePaths.From(arguments), arguments) { Port = 0, Debounce = TimeSpan.FromMilliseconds(200) },
            CancellationToken.None);
        var origin = new Uri(server.Url).GetLeftPart(UriPartial.Authority);
        using var events = await SseClient.ConnectAsync(client, origin + LiveReloadHub.EventsPath);
        await events.WaitForAsync("hello", Wait);
        var articlesBefore = await client.GetStringAsync(server.Url + "data/articles.json");

        await File.WriteAllTextAsync(Path.Combine(site.Seeds, "2025-06-01-河套新文章.md"), NewArticle);
        var version = await events.WaitForAsync("reload", Wait);
        var articlesAfter = await client.GetStringAsync(server.Url + "data/articles.json");

        Assert.DoesNotContain("2025-06-01-河套新文章.md", articlesBefore, StringComparison.Ordinal);
        Assert.Contains("2025-06-01-河套新文章.md", articlesAfter, StringComparison.Ordinal);
        Assert.Equal("2", version); // the first build was 1; one save, one rebuild

        await File.WriteAllTextAsync(site.Config, "site: [this is not closed\n");
        var error = await events.WaitForAsync("build-error", Wait);
        using var stillServed = await client.GetAsync(server.Url + "data/articles.json");

        Assert.Contains("site-config.yml", error, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, stillServed.StatusCode);
        Assert.Equal(articlesAfter, await stillServed.Content.ReadAsStringAsync());
        Assert.NotNull(server.Failure);

        await File.WriteAllTextAsync(site.Config, Config);
        var fixedVersion = await events.WaitForAsync("reload", Wait);
        Assert.True(int.Parse(fixedVersion, System.Globalization.CultureInfo.InvariantCulture) > 2, $"expected a version after 2 once the config is fixed, got {fixedVersion}");
        Assert.Null(server.Failure);

        using var page = await client.GetAsync(server.Url);
        Assert.Contains(LiveReloadInjector.ScriptTag, await page.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var written = Directory.EnumerateFiles(site.Root, "*", SearchOption.AllDirectories)
            .Where(path => File.ReadAllText(path).Contains("__hetao", StringComparison.Ordinal))
            .ToList();
        Assert.True(written.Count == 0, $"expected no file on disk with the reload script, found: {string.Join(", ", written)}");
        Assert.False(Directory.Exists(site.Output), "expected serve to write no _site folder");
        Assert.Equal(seedsBefore, TempSite.Hashes(site.Seeds).Where(p => p.Key != "2025-06-01-河套新文章.md").ToDictionary(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Serve_command_prints_the_url_and_stops_on_cancel()
    {
        using var site = TempSite.CopyOfRepository(Config);
        using var stdout = new LineRecorder();
        using var stop = new CancellationTokenSource();
        var arguments = site.BuildArguments("--keep-going", "--quiet");
        var options = new PreviewServerOptions(SitePaths.From(arguments), arguments) { Port = 0 };
        var run = HetaoSite.Cli.Commands.ServeCommand.RunAsync(options, stdout, stop.Token);

        var deadline = DateTime.UtcNow + Wait;
        while (!stdout.Text.Contains("serving http://127.0.0.1:", StringComparison.Ordinal) && DateTime.UtcNow < deadline && !run.IsCompleted)
        {
            await Task.Delay(50);
        }

        await stop.CancelAsync();
        var code = await run.WaitAsync(Wait);

        Assert.Equal(0, code);
        Assert.Matches(@"serving http://127\.0\.0\.1:\d+/hetao-site/", stdout.Text);
    }

    /// <summary>A writer the server thread writes to while the test reads it.</summary>
    private sealed class LineRecorder : TextWriter
    {
        private readonly System.Text.StringBuilder _text = new();
        private readonly Lock _lock = new();

        public override System.Text.Encoding Encoding => System.Text.Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_lock)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_lock)
            {
                _text.Append(value);
            }
        }
    }
}
