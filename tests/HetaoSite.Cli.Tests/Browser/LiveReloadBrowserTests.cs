using HetaoSite.Cli.Serving;
using HetaoSite.Cli.Tests.TestSupport;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary><c>hetao serve</c> in a real browser: the open page reloads by itself and shows an article added meanwhile.</summary>
[Trait("Category", "Browser")]
public sealed class LiveReloadBrowserTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(20);

    private const string NewArticle = """
        ---
        title: "河套合作區舉辦創新成果展"
        date: "2025-03-20"
        outlet: "測試報"
        ---

        2025年3月18日，河套合作區舉辦首屆創新成果展，展出百餘項科研成果。
        """;

    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await SiteFixture.LaunchChromiumAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
    }

    [Fact]
    public async Task Open_page_reloads_and_shows_the_event_of_an_article_added_to_seeds()
    {
        Assert.True(ScriptConverters.Default is not null, "OpenCC (libopencc1.1) is missing: run ./test.sh, which installs it.");
        using var site = TempSite.WithTemplates(File.ReadAllText(Path.Combine(SiteFixture.FixtureSite, "site-config.yml")));
        var seeds = Path.Combine(SiteFixture.FixtureSite, "seeds");
        foreach (var file in Directory.EnumerateFiles(seeds, "*", SearchOption.AllDirectories))
        {
            site.AddArticle(Path.GetRelativePath(seeds, file), File.ReadAllBytes(file));
        }

        var arguments = site.BuildArguments("--base-path", SiteFixture.BasePath);
        await using var server = await PreviewServer.StartAsync(
            new PreviewServerOptions(SitePaths.From(arguments), arguments) { Port = 0, Debounce = TimeSpan.FromMilliseconds(200) },
            CancellationToken.None);
        Assert.StartsWith("http://127.0.0.1:", server.Url, StringComparison.Ordinal);
        Assert.EndsWith(SiteFixture.BasePath, server.Url, StringComparison.Ordinal);

        var context = await _browser!.NewContextAsync();
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, e) => scriptErrors.Add(e);
        // The live-reload script listens over Server-Sent Events; once their response has begun, the server knows the page.
        var listening = page.WaitForResponseAsync(r => r.Url.EndsWith(LiveReloadHub.EventsPath, StringComparison.Ordinal),
            new() { Timeout = (float)Wait.TotalMilliseconds });
        var response = await page.GotoAsync(server.Url);
        Assert.True(response is { Ok: true }, $"expected the home page from serve, got HTTP {response?.Status}");
        var before = await page.Locator(".event").CountAsync();
        Assert.True(before > 0, "expected the fixture's events on the served home page");
        await Expect(page.Locator(".event-title", new() { HasText = "創新成果展" })).ToHaveCountAsync(0);
        await listening;
        await page.EvaluateAsync("() => { window.__beforeReload = true; }");

        site.AddArticle("2025-03-20-創新成果展.md", NewArticle);

        var added = page.Locator(".event-title", new() { HasText = "創新成果展" });
        await Expect(added).ToHaveCountAsync(1, new() { Timeout = (float)Wait.TotalMilliseconds });
        Assert.True(await page.EvaluateAsync<bool>("() => window.__beforeReload === undefined"), "expected the page to have reloaded itself");
        Assert.Equal(before + 1, await page.Locator(".event").CountAsync());
        await Expect(added.Locator("xpath=ancestor::li[contains(@class,'event')]//time")).ToHaveAttributeAsync("datetime", "2025-03-18");
        Assert.True(scriptErrors.Count == 0, "script errors:\n" + string.Join("\n", scriptErrors));
        await context.CloseAsync();
    }
}
