using System.Net;
using System.Text;
using HetaoSite.Cli.Serving;
using HetaoSite.Cli.Tests.TestSupport;
using HetaoSite.Core;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Tests.Serving;

/// <summary>How the preview server serves a site: over real HTTP on 127.0.0.1, from a build given in memory.</summary>
public sealed class PreviewServerTests : IAsyncLifetime, IDisposable
{
    private readonly TempSite _site = TempSite.Empty();
    private readonly HttpClient _client = new(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(10) };
    private PreviewServer? _server;

    private PreviewServer Server => _server ?? throw new InvalidOperationException("server not started");

    private string Origin => new Uri(Server.Url).GetLeftPart(UriPartial.Authority);

    public async Task InitializeAsync()
    {
        File.WriteAllText(_site.Config, "site:\n  title: t\n");
        var files = new[]
        {
            Html("index.html", "<h1>河套</h1>"),
            Html("about/index.html", "<h1>about</h1>"),
            Html("articles/河套論壇/index.html", "<h1>文章</h1>"),
            Html("404.html", "<h1>找不到</h1>"),
            new OutputFile("feed.xml", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"/>")),
            new OutputFile("data/events.json", Encoding.UTF8.GetBytes("{\"events\":[]}")),
            new OutputFile("assets/logo.svg", Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"/>")),
            new OutputFile("site.webmanifest", Encoding.UTF8.GetBytes("{}")),
        };
        var config = SiteConfig.Default with { Site = SiteSettings.Default with { BasePath = "/hetao-site/" } };
        var build = new SiteBuild(config, [], new SiteTimeline([], [], []), [.. files.Select(f => f.Path)], [], []) { Files = files };
        var arguments = _site.BuildArguments();
        _server = await PreviewServer.StartAsync(
            new PreviewServerOptions(SitePaths.From(arguments), arguments) { Port = 0, Build = () => build },
            CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _site.Dispose();
    }

    private static OutputFile Html(string path, string body) =>
        new(path, Encoding.UTF8.GetBytes($"<!doctype html><html><head><title>x</title></head><body>{body}</body></html>"));

    [Fact]
    public void The_url_is_on_loopback_under_the_base_path()
    {
        Assert.Matches(@"^http://127\.0\.0\.1:\d+/hetao-site/$", Server.Url);
    }

    [Fact]
    public async Task A_page_is_served_with_the_reload_script_before_the_end_of_body()
    {
        using var response = await _client.GetAsync(Server.Url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<h1>河套</h1>" + LiveReloadInjector.ScriptTag + "</body>", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_reload_script_is_served_as_javascript()
    {
        using var response = await _client.GetAsync(Origin + LiveReloadInjector.ScriptPath);
        var script = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/javascript", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("new EventSource(\"/__hetao/livereload\")", script, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("feed.xml", "application/xml")]
    [InlineData("data/events.json", "application/json")]
    [InlineData("assets/logo.svg", "image/svg+xml")]
    [InlineData("site.webmanifest", "application/manifest+json")]
    public async Task Files_are_served_with_their_content_type_and_without_the_script(string path, string contentType)
    {
        using var response = await _client.GetAsync(Server.Url + path);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(contentType, response.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("livereload", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_folder_without_its_slash_redirects_to_it_escaping_chinese()
    {
        using var about = await _client.GetAsync(Server.Url + "about");
        using var article = await _client.GetAsync(Server.Url + "articles/%E6%B2%B3%E5%A5%97%E8%AB%96%E5%A3%87?x=1");

        Assert.Equal(HttpStatusCode.Found, about.StatusCode);
        Assert.Equal("/hetao-site/about/", about.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Found, article.StatusCode);
        Assert.Equal("/hetao-site/articles/%E6%B2%B3%E5%A5%97%E8%AB%96%E5%A3%87/?x=1", article.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_chinese_path_is_served()
    {
        using var response = await _client.GetAsync(Server.Url + "articles/%E6%B2%B3%E5%A5%97%E8%AB%96%E5%A3%87/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("<h1>文章</h1>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_page_gets_the_sites_404_page_with_status_404()
    {
        using var response = await _client.GetAsync(Server.Url + "no/such/page/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("<h1>找不到</h1>", html, StringComparison.Ordinal);
        Assert.Contains(LiveReloadInjector.ScriptTag, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_root_redirects_to_the_base_path()
    {
        using var response = await _client.GetAsync(Origin + "/");

        Assert.Equal(HttpStatusCode.Found, response.StatusCode);
        Assert.Equal("/hetao-site/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_path_outside_the_base_path_is_404_with_a_link_to_the_base_path()
    {
        using var response = await _client.GetAsync(Origin + "/about/");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("href=\"/hetao-site/\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Only_get_and_head_are_allowed()
    {
        using var post = await _client.PostAsync(Server.Url, new StringContent("x"));
        using var head = await _client.SendAsync(new HttpRequestMessage(HttpMethod.Head, Server.Url));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(HttpStatusCode.OK, head.StatusCode);
    }

    [Fact]
    public async Task The_event_stream_greets_with_the_site_version()
    {
        using var events = await SseClient.ConnectAsync(_client, Origin + LiveReloadHub.EventsPath);

        var version = await events.WaitForAsync("hello", TimeSpan.FromSeconds(5));

        Assert.Equal("text/event-stream", events.ContentType);
        Assert.Equal(Server.Site.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), version);
    }

    [Fact]
    public void Nothing_was_written_to_disk()
    {
        var files = Directory.EnumerateFiles(_site.Root, "*", SearchOption.AllDirectories).Select(p => Path.GetRelativePath(_site.Root, p)).ToList();

        Assert.Equal(["site-config.yml"], files);
    }
}
