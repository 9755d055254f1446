using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HetaoSite.Core.Loading;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// Search on a generated site of a thousand articles, in Chromium: what the home page and one query cost in bytes, what
/// a result shows, and queries in one script finding articles written in the other.
/// </summary>
[Trait("Category", "Browser")]
public sealed class SearchBrowserTests(GeneratedSiteFixture site, ITestOutputHelper output) : IClassFixture<GeneratedSiteFixture>
{
    /// <summary>The home page plus one query, in bytes on the wire (issue 19).</summary>
    private const int BudgetBytes = 300_000;

    /// <summary>No file a reader's browser fetches may be larger, uncompressed.</summary>
    private const int LargestFileBytes = 500_000;

    [Fact]
    public async Task The_home_page_and_one_query_transfer_under_the_budget_and_show_dated_marked_results()
    {
        // Responses arrive on Playwright's event thread while the test reads them: collect them in a concurrent queue
        // and read snapshots.
        var arrived = new ConcurrentQueue<IResponse>();
        var (page, errors) = await Open(string.Empty, p => p.Response += (_, r) => arrived.Enqueue(r));
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var dataBeforeSearch = arrived.ToArray().Select(r => r.Url).Where(u => u.Contains("/data/", StringComparison.Ordinal)).ToList();
        Assert.True(dataBeforeSearch.Count == 0, $"expected the home page to fetch no data file before a search, got:\n{string.Join("\n", dataBeforeSearch)}");

        await page.FocusAsync("#search-input");
        await page.Keyboard.TypeAsync("合作區");
        await Expect(page.Locator("#search-status")).ToContainTextAsync("項結果");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        var responses = arrived.ToArray();

        long total = 0;
        var largest = (Url: string.Empty, Bytes: 0);
        var lines = new List<string>();
        foreach (var response in responses)
        {
            var sizes = await response.Request.SizesAsync();
            var body = (await response.BodyAsync()).Length;
            total += sizes.ResponseBodySize;
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"{sizes.ResponseBodySize,8} on the wire {body,8} as file  {response.Url}"));
            if (body > largest.Bytes)
            {
                largest = (response.Url, body);
            }
        }

        output.WriteLine(string.Join("\n", lines) + $"\n{total} bytes on the wire in {responses.Length} responses");
        Assert.True(total < BudgetBytes, $"expected the home page plus one query to transfer under {BudgetBytes} bytes, got {total}:\n{string.Join("\n", lines)}");
        Assert.True(largest.Bytes <= LargestFileBytes, $"expected no fetched file over {LargestFileBytes} bytes, got {largest.Url} with {largest.Bytes}");
        Assert.Contains(responses, r => r.Url.Contains("/data/search/p-", StringComparison.Ordinal));
        Assert.Contains(responses, r => r.Url.Contains("/data/search/zh-hant-", StringComparison.Ordinal));
        Assert.DoesNotContain(responses, r => r.Url.Contains("/data/search/zh-hans-", StringComparison.Ordinal));

        var results = page.Locator("#search-results li");
        Assert.Equal(10, await results.CountAsync());
        foreach (var result in await results.AllAsync())
        {
            Assert.False(string.IsNullOrWhiteSpace(await result.Locator("a").TextContentAsync()), "expected every result to show a headline");
            Assert.Matches(@"^\d{4}(-\d{2}){0,2}$", await result.Locator("time").GetAttributeAsync("datetime"));
            Assert.Matches("^(約 )?\\d{4}年", await result.Locator("time").TextContentAsync());
            Assert.Equal("合作區", await result.Locator("mark").First.TextContentAsync());
        }

        // Keyboard: the results follow the search box in tab order; more results come with a button.
        await page.FocusAsync("#search-input");
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal(await results.First.Locator("a").GetAttributeAsync("href"), await page.EvaluateAsync<string>("document.activeElement.getAttribute('href')"));
        await page.ClickAsync("#search-more");
        await Expect(results).ToHaveCountAsync(20);
        await BrowserPage.CloseAsync(page, errors);
    }

    [Fact]
    public async Task A_sentence_result_shows_its_article_headline_and_the_sentence_with_the_match_marked()
    {
        // A run of letters from the last cited sentence of the index (sentences are its last docs), as the Traditional
        // rendering shows it.
        using var manifest = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "data", "search-index.json")));
        var hant = manifest.RootElement.GetProperty("scripts").EnumerateArray().Select(s => s.GetString()).ToList().IndexOf("zh-Hant");
        var last = manifest.RootElement.GetProperty("fragments")[hant].EnumerateArray().Last().GetString();
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "data", "search", $"zh-hant-{last}.json")));
        var sentence = json.RootElement.EnumerateArray().Last(d => d.GetProperty("k").GetString() == "s");
        var text = sentence.GetProperty("t").GetString()!;
        var query = Regex.Matches(text, @"\p{IsCJKUnifiedIdeographs}+").MaxBy(m => m.Length)!.Value;
        query = query[..Math.Min(8, query.Length)];

        var (page, errors) = await Open(string.Empty);
        await page.FillAsync("#search-input", query);
        var result = page.Locator("#search-results li", new PageLocatorOptions
        {
            Has = page.Locator($"a[href='{SiteFixture.BasePath}{sentence.GetProperty("p").GetString()}']"),
        });
        await Expect(result.Locator(".snippet mark").First).ToHaveTextAsync(query);
        Assert.Equal(sentence.GetProperty("h").GetString(), await result.Locator("a").TextContentAsync());
        Assert.Equal(sentence.GetProperty("dt").GetString(), await result.Locator("time").TextContentAsync());
        await BrowserPage.CloseAsync(page, errors);
    }

    /// <summary>
    /// Manifests a cache may keep from before a rebuild, made from the real one: one naming shards that are gone, and one of
    /// the format before chunks were listed by their counts of docs.
    /// </summary>
    public static TheoryData<string> StaleManifests() => ["gone shards", "older format"];

    [Theory]
    [MemberData(nameof(StaleManifests))]
    public async Task A_manifest_kept_by_a_cache_from_before_a_rebuild_is_fetched_again(string stale)
    {
        var manifests = 0;
        var (page, errors) = await Open(string.Empty, p => p.RouteAsync("**/data/search-index.json", async route =>
        {
            if (Interlocked.Increment(ref manifests) > 1)
            {
                await route.ContinueAsync();
                return;
            }

            var response = await route.FetchAsync();
            var manifest = JsonNode.Parse(await response.TextAsync())!.AsObject();
            if (stale == "gone shards")
            {
                manifest["postings"] = new JsonArray([.. manifest["postings"]!.AsArray().Select(_ => (JsonNode?)"00000000")]);
            }
            else
            {
                manifest["version"] = 2;
                manifest.Remove("chunks");
                manifest["chunk"] = 64;
            }

            await route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "application/json", Body = manifest.ToJsonString() });
        }));
        await page.FillAsync("#search-input", "合作區");
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        Assert.Equal(2, manifests);
        // The browser logs a gone shard's 404; nothing else may go wrong.
        errors.RemoveAll(e => e.Contains("404", StringComparison.Ordinal));
        await BrowserPage.CloseAsync(page, errors);
    }

    public static TheoryData<string, string, string> CrossScriptCases() => new()
    {
        // page prefix, script the article is written in, script the query is typed in
        { "", "zh-Hant", "zh-Hans" },
        { "", "zh-Hans", "zh-Hant" },
        { "zh-hans/", "zh-Hant", "zh-Hans" },
        { "zh-hans/", "zh-Hans", "zh-Hant" },
    };

    [Theory]
    [MemberData(nameof(CrossScriptCases))]
    public async Task A_query_in_one_script_finds_an_article_written_in_the_other(string prefix, string written, string typed)
    {
        var converter = ScriptConverters.Default!;
        var article = ArticleWrittenIn(written);
        var query = typed == "zh-Hans" ? converter.ToSimplified(article.Title) : converter.ToTraditional(article.Title);
        Assert.NotEqual(article.Title, query);
        var pageScript = prefix.Length == 0 ? "zh-Hant" : "zh-Hans";
        var shown = written == pageScript ? article.Title : pageScript == "zh-Hans" ? converter.ToSimplified(article.Title) : converter.ToTraditional(article.Title);

        var (page, errors) = await Open(prefix);
        await page.FillAsync("#search-input", query);
        var link = page.Locator($"#search-results a[href='{SiteFixture.BasePath}{prefix}articles/{article.Id}/']");
        await Expect(link).ToHaveTextAsync(shown);
        await BrowserPage.CloseAsync(page, errors);
    }

    private (string Id, string Title) ArticleWrittenIn(string script)
    {
        using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(site.Output, "data", "articles.json")));
        var converter = ScriptConverters.Default!;
        return json.RootElement.GetProperty("articles").EnumerateArray()
            .Where(a => a.GetProperty("script").GetString() == script)
            .Select(a => (Id: a.GetProperty("id").GetString()!, Title: a.GetProperty("title").GetString()!))
            .First(a => converter.ToSimplified(a.Title) != converter.ToTraditional(a.Title));
    }

    private async Task<(IPage Page, List<string> Errors)> Open(string path, Action<IPage>? before = null)
    {
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var errors = BrowserPage.Watch(page);
        before?.Invoke(page);
        var response = await page.GotoAsync(site.Url(path));
        Assert.True(response is { Ok: true }, $"{path}: HTTP {response?.Status}");
        return (page, errors);
    }
}
