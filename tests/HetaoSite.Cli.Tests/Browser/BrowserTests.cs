using System.Text.RegularExpressions;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>The built site in a real browser: accessibility, filters, search, script switch, anchors, layout.</summary>
[Trait("Category", "Browser")]
public sealed class BrowserTests(SiteFixture site, ITestOutputHelper output) : IClassFixture<SiteFixture>
{
    private readonly Dictionary<IPage, List<string>> _errors = [];

    private async Task<IPage> Open(string path, int width = 1280, int height = 900)
    {
        output.WriteLine(site.Notes);
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = height },
            ReducedMotion = ReducedMotion.Reduce,
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Console += (_, m) =>
        {
            if (m.Type == "error")
            {
                errors.Add(m.Text);
            }
        };
        _errors[page] = errors;
        var response = await page.GotoAsync(site.Url(path));
        Assert.True(response is not null && (response.Ok || path.EndsWith("404.html", StringComparison.Ordinal)),
            $"{path}: HTTP {response?.Status}");
        return page;
    }

    /// <summary>Closes the page's context; fails if the page logged a script error or a CSP violation.</summary>
    private async Task Close(IPage page)
    {
        var errors = _errors[page];
        await page.Context.CloseAsync();
        Assert.True(errors.Count == 0, $"{page.Url}: console errors:\n{string.Join("\n", errors)}");
    }

    private string First(string folder) =>
        site.Files.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => "/" + f[..^"index.html".Length]).FirstOrDefault()
        ?? throw new InvalidOperationException($"the fixture site has no page under {folder}");

    public static TheoryData<string> Prefixes() => new() { "", "zh-hans/" };

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Pages_have_no_serious_or_critical_axe_violations(string prefix)
    {
        var pages = new[] { "/", First("years/"), First("categories/"), First("articles/"), "/404.html" };
        var problems = new List<string>();
        foreach (var path in pages)
        {
            var page = await Open(prefix + path.TrimStart('/'));
            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{prefix}{path}: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
            output.WriteLine($"{prefix}{path}: {result.Violations.Length} violation(s) in all, {result.Passes.Length} passes");
            await Close(page);
        }

        Assert.True(problems.Count == 0, "axe found:\n" + string.Join("\n", problems));
    }

    [Fact]
    public async Task Filtering_by_category_updates_the_list_and_the_url()
    {
        var page = await Open("/");
        var all = await page.Locator(".event").CountAsync();
        var category = await page.Locator("#filter-category option").Nth(1).GetAttributeAsync("value");
        Assert.False(string.IsNullOrEmpty(category), "expected at least one category in the filter");
        await page.SelectOptionAsync("#filter-category", category!);

        await Expect(page).ToHaveURLAsync(new Regex($@"\?category={Regex.Escape(category!)}$"));
        var visible = page.Locator(".event:visible");
        var shown = await visible.CountAsync();
        Assert.InRange(shown, 1, all);
        foreach (var e in await visible.AllAsync())
        {
            Assert.Equal(category, await e.GetAttributeAsync("data-category"));
        }

        await Expect(page.Locator("#filter-status")).Not.ToBeEmptyAsync();
        // The state survives a reload from the URL.
        await page.ReloadAsync();
        Assert.Equal(category, await page.InputValueAsync("#filter-category"));
        Assert.Equal(shown, await page.Locator(".event:visible").CountAsync());
        await Close(page);
    }

    public static TheoryData<string, string, string> SearchCases() => new()
    {
        // page prefix, query, what the result text must not contain (the query in the other script)
        { "", "園區", "园区" },
        { "zh-hans/", "园区", "園區" },
        { "", "园区", "园区" },      // a Simplified query on a Traditional page finds the same, shown in Traditional
        { "zh-hans/", "園區", "園區" },
    };

    [Theory]
    [MemberData(nameof(SearchCases))]
    public async Task Search_finds_results_for_a_chinese_query_in_the_page_script(string prefix, string query, string otherScript)
    {
        var page = await Open(prefix);
        Assert.Equal(0, await page.Locator("#search-results li").CountAsync());
        var indexRequested = page.WaitForRequestAsync(new Regex("search-index\\.json$"));
        await page.FocusAsync("#search-input");
        await indexRequested;
        await page.FillAsync("#search-input", query);
        await Expect(page.Locator("#search-results li").First).ToBeVisibleAsync();
        var links = page.Locator("#search-results a");
        Assert.True(await links.CountAsync() >= 3, $"expected several results for {query} on /{prefix}, got {await links.CountAsync()}");
        foreach (var link in await links.AllAsync())
        {
            var href = (await link.GetAttributeAsync("href"))!;
            Assert.StartsWith(SiteFixture.BasePath + prefix, href, StringComparison.Ordinal);
            var text = await link.TextContentAsync();
            Assert.False(text!.Contains(otherScript, StringComparison.Ordinal), $"/{prefix}: result '{text}' is not in the page's script");
        }

        await page.FillAsync("#search-input", "不存在的詞語組合");
        await Expect(page.Locator("#search-results li")).ToHaveCountAsync(0);
        await Close(page);
    }

    [Fact]
    public async Task Script_switch_goes_to_the_same_page_in_the_other_script()
    {
        var year = First("years/");
        var page = await Open(year);
        Assert.Equal("zh-Hant", await page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync(".script-switch");
        await Expect(page).ToHaveURLAsync(site.Url("zh-hans" + year));
        Assert.Equal("zh-Hans", await page.GetAttributeAsync("html", "lang"));
        await page.ClickAsync(".script-switch");
        await Expect(page).ToHaveURLAsync(site.Url(year));
        await Close(page);
    }

    [Fact]
    public async Task Year_bar_jumps_to_the_year()
    {
        var page = await Open("/", 1280, 700);
        var link = page.Locator(".year-bar a").Last;
        var anchor = (await link.GetAttributeAsync("href"))!;
        await link.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(anchor) + "$"));
        var top = await page.EvaluateAsync<double>($"document.getElementById('{anchor[1..]}').getBoundingClientRect().top");
        // The last year may stand too near the end of the page to reach the top: then the page is scrolled to its end.
        var atEnd = await page.EvaluateAsync<bool>("Math.ceil(window.scrollY + window.innerHeight) >= document.documentElement.scrollHeight - 1");
        Assert.True(top is >= -2 and <= 150 || (atEnd && top is >= -2 and < 700),
            $"expected the year's section at the top of the window (or the page scrolled to its end with it in view), got top {top}, at end: {atEnd}");
        await Close(page);
    }

    [Fact]
    public async Task Source_link_lands_on_the_highlighted_sentence()
    {
        var page = await Open("/", 1280, 700);
        var source = page.Locator(".sources li > a:first-child").Last;
        var href = (await source.GetAttributeAsync("href"))!;
        await source.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
        var anchor = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
        var target = page.Locator(":target");
        await Expect(target).ToHaveAttributeAsync("id", anchor);
        await Expect(target).ToBeInViewportAsync();
        var background = await target.EvaluateAsync<string>("e => getComputedStyle(e).backgroundColor");
        var outline = await target.EvaluateAsync<string>("e => getComputedStyle(e).outlineStyle");
        Assert.NotEqual("rgba(0, 0, 0, 0)", background);
        Assert.NotEqual("none", outline);
        // And back: the sentence links to its event on the timeline.
        await page.Locator($"[id='{anchor}'] + a.back-link").First.ClickAsync();
        await Expect(page.Locator(".event:target")).ToHaveCountAsync(1);
        await Close(page);
    }

    [Theory]
    [InlineData("", "zh-Hant", "zh-Hans")]
    [InlineData("zh-hans/", "zh-Hans", "zh-Hant")]
    public async Task A_converted_quotation_is_marked_and_its_original_is_one_click_away(string prefix, string shown, string original)
    {
        var page = await Open(prefix);
        var mark = page.Locator(".sources a.converted").First;
        await Expect(mark).ToBeVisibleAsync();
        await Expect(mark).ToHaveAccessibleNameAsync(new Regex(shown == "zh-Hant" ? "^轉換：.*機器轉換.*原句" : "^转换：.*机器转换.*原句"));
        var axe = await page.RunAxe();
        var problems = axe.Violations.Where(v => v.Nodes.Any(n => n.Html.Contains("converted", StringComparison.Ordinal)))
            .Select(v => $"{v.Id} ({v.Impact}): {v.Help}").ToList();
        Assert.True(problems.Count == 0, $"axe found on the converted marks of /{prefix}:\n{string.Join("\n", problems)}");

        // One click: the same sentence on its article's page in the script it is written in, highlighted and not converted.
        var href = (await mark.GetAttributeAsync("href"))!;
        Assert.Equal(original, await mark.GetAttributeAsync("hreflang"));
        await mark.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(Regex.Escape(href) + "$"));
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", original);
        var target = page.Locator(":target");
        await Expect(target).ToHaveAttributeAsync("id", href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..]);
        await Expect(target).ToBeInViewportAsync();
        await Expect(page.Locator(".converted-note")).ToHaveCountAsync(0);
        await Close(page);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task A_converted_article_page_says_so_and_links_to_the_original(string prefix)
    {
        var converted = site.Files.Where(f => f.StartsWith(prefix + "articles/", StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).First(f => File.ReadAllText(site.FilePath(f)).Contains("class=\"converted-note\"", StringComparison.Ordinal));
        var page = await Open(converted[..^"index.html".Length]);
        var note = page.Locator(".converted-note");
        await Expect(note).ToBeVisibleAsync();
        await note.Locator("a").ClickAsync();
        await Expect(page.Locator(".converted-note")).ToHaveCountAsync(0);
        await Expect(page.Locator(".article-body")).ToBeVisibleAsync();
        await Close(page);
    }

    [Fact]
    public async Task No_horizontal_scroll_at_375_px_and_screenshots_of_home()
    {
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        foreach (var path in new[] { "/", First("articles/"), "/about/", First("years/"), "zh-hans/" })
        {
            var page = await Open(path, 375, 800);
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 375 px");
            await Close(page);
        }

        foreach (var width in new[] { 375, 1280 })
        {
            var page = await Open("/", width, 900);
            var file = Path.Combine(SiteFixture.ScreenshotFolder, $"home-{width}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"home-{width}-top.png") });
            output.WriteLine($"screenshot: {file}");
            await Close(page);
        }

        var article = await Open(First("articles/"), 375, 900);
        await article.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, "article-375.png"), FullPage = true });
        await Close(article);
        Assert.True(File.Exists(Path.Combine(SiteFixture.ScreenshotFolder, "home-1280.png")));
    }
}
