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
        _errors[page] = BrowserPage.Watch(page);
        var response = await page.GotoAsync(site.Url(path));
        Assert.True(response is not null && (response.Ok || path.EndsWith("404.html", StringComparison.Ordinal)),
            $"{path}: HTTP {response?.Status}");
        return page;
    }

    /// <summary>Closes the page's context; fails if the page logged a script error or a CSP violation.</summary>
    private Task Close(IPage page) => BrowserPage.CloseAsync(page, _errors[page]);

    private string First(string folder) =>
        site.Files.Where(f => f.StartsWith(folder, StringComparison.Ordinal) && f.EndsWith("/index.html", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).Select(f => "/" + f[..^"index.html".Length]).FirstOrDefault()
        ?? throw new InvalidOperationException($"the fixture site has no page under {folder}");

    public static TheoryData<string> Prefixes() => new() { "", "zh-hans/" };

    public static TheoryData<string, int> PrefixesAndWidths() => new() { { "", 1280 }, { "zh-hans/", 1280 }, { "", 375 }, { "zh-hans/", 375 } };

    [Theory]
    [MemberData(nameof(PrefixesAndWidths))]
    public async Task Pages_have_no_serious_or_critical_axe_violations(string prefix, int width)
    {
        var pages = new[] { "/", First("years/"), First("categories/"), First("articles/"), "/404.html" };
        var problems = new List<string>();
        foreach (var path in pages)
        {
            var page = await Open(prefix + path.TrimStart('/'), width);
            var result = await page.RunAxe();
            problems.AddRange(result.Violations
                .Where(v => v.Impact is "serious" or "critical")
                .Select(v => $"{prefix}{path} at {width} px: {v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Select(n => n.Target?.ToString()))}"));
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
        var source = page.Locator(".sources li .source-line > a").Last;
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

    /// <summary>
    /// Boxes and computed styles of the parts of one event card, read in the browser: date top, headline top, category
    /// top, source line top, then the font sizes and weights of date, headline and source line.
    /// </summary>
    private const string ReadCard = """
        card => {
          const box = sel => card.querySelector(sel).getBoundingClientRect();
          const style = sel => getComputedStyle(card.querySelector(sel));
          return [box('.event-date time').top, box('.event-title').top, box('.event-category').top, box('.sources .source-line').top,
            parseFloat(style('.event-date').fontSize), parseFloat(style('.event-title').fontSize), parseFloat(style('.sources .source-line').fontSize),
            parseInt(style('.event-date').fontWeight, 10), parseInt(style('.sources .source-line').fontWeight, 10)];
        }
        """;

    [Theory]
    [InlineData("", 1280)]
    [InlineData("", 375)]
    [InlineData("zh-hans/", 375)]
    public async Task A_card_shows_the_event_date_first_and_largest_then_the_headline_the_category_and_a_quieter_source_line(string prefix, int width)
    {
        var page = await Open(prefix, width);
        var cards = await page.Locator(".event").AllAsync();
        Assert.True(cards.Count >= SiteFixture.MinimumEvents, $"expected at least {SiteFixture.MinimumEvents} cards, got {cards.Count}");
        foreach (var card in cards)
        {
            var id = await card.GetAttributeAsync("id");
            var v = await card.EvaluateAsync<double[]>(ReadCard);
            var (dateTop, titleTop, categoryTop, sourceTop, dateSize, titleSize, sourceSize, dateWeight, sourceWeight) =
                (v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8]);
            Assert.True(dateTop < titleTop, $"{id}: the date (top {dateTop}) should be above the headline (top {titleTop})");
            Assert.True(titleTop < categoryTop && categoryTop < sourceTop,
                $"{id}: expected headline ({titleTop}) above category ({categoryTop}) above source line ({sourceTop})");
            Assert.True(dateSize > sourceSize, $"{id}: the date ({dateSize} px) should be larger than the source line ({sourceSize} px)");
            Assert.True(dateWeight > sourceWeight, $"{id}: the date (weight {dateWeight}) should be bolder than the source line ({sourceWeight})");
            Assert.True(dateSize >= titleSize, $"{id}: the date ({dateSize} px) should be at least as large as the headline ({titleSize} px)");
        }

        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = Path.Combine(SiteFixture.ScreenshotFolder, $"cards-{(prefix.Length == 0 ? "hant" : "hans")}-{width}.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = await cards[0].EvaluateAsync<float>("e => e.getBoundingClientRect().top + scrollY") - 40, Width = width, Height = 900 },
        });
        await Close(page);
    }

    [Fact]
    public async Task The_milestones_strip_links_to_the_milestone_cards_which_are_larger()
    {
        var page = await Open("/");
        var links = await page.Locator(".milestones a").AllAsync();
        var milestoneCards = await page.Locator(".event.is-milestone").CountAsync();
        Assert.True(links.Count >= 2, $"expected the fixture to have at least two milestones in the strip, got {links.Count}");
        Assert.Equal(milestoneCards, links.Count);
        var stripTop = await page.Locator(".milestones").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        var chartTop = await page.Locator(".overview").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
        Assert.True(stripTop < chartTop, $"the milestones strip (top {stripTop}) should come before the overview (top {chartTop})");
        foreach (var link in links)
        {
            var href = (await link.GetAttributeAsync("href"))!;
            var id = href[(href.IndexOf('#', StringComparison.Ordinal) + 1)..];
            Assert.Equal(1, await page.Locator($"[id='{id}'].event.is-milestone").CountAsync());
        }

        var milestoneTitle = await page.Locator(".event.is-milestone .event-title").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        var plainTitle = await page.Locator(".event:not(.is-milestone) .event-title").First.EvaluateAsync<double>("e => parseFloat(getComputedStyle(e).fontSize)");
        Assert.True(milestoneTitle > plainTitle, $"a milestone's headline ({milestoneTitle} px) should be larger than another's ({plainTitle} px)");

        await links[^1].ClickAsync();
        await Expect(page.Locator(".event:target")).ToHaveCountAsync(1);
        await Expect(page.Locator(".event:target")).ToHaveClassAsync(new Regex("is-milestone"));
        await Close(page);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task The_feed_a_reader_subscribes_to_runs_newest_first_dated_by_its_events(string prefix)
    {
        var home = await Open(prefix);
        var href = await home.Locator("link[rel=alternate][type='application/atom+xml']").First.GetAttributeAsync("href");
        Assert.False(string.IsNullOrEmpty(href), "expected the home page to announce its Atom feed");
        var response = await home.APIRequest.GetAsync(new Uri(new Uri(home.Url), href).ToString());
        Assert.True(response.Ok, $"{href}: HTTP {response.Status}");
        var feed = System.Xml.Linq.XDocument.Parse(await response.TextAsync());
        System.Xml.Linq.XNamespace atom = "http://www.w3.org/2005/Atom";
        var updated = feed.Root!.Elements(atom + "entry").Select(e => DateTimeOffset.Parse(e.Element(atom + "updated")!.Value)).ToList();
        Assert.True(updated.Count >= 3, $"expected at least three feed entries, got {updated.Count}");
        var order = updated.Zip(updated.Skip(1)).Where(p => p.First < p.Second).Select(p => $"{p.First:yyyy-MM-dd} before {p.Second:yyyy-MM-dd}").ToList();
        Assert.True(order.Count == 0, "expected the feed newest first; found older entries before newer ones: " + string.Join(", ", order));
        Assert.True(updated.Distinct().Count() > 1, $"expected each entry dated by its event, got one date for all: {updated[0]:yyyy-MM-dd}");
        await Close(home);
    }

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task Year_pages_end_with_links_to_the_neighbouring_years_and_chart_bars_link_to_their_year(string prefix)
    {
        var home = await Open(prefix);
        var years = new List<string>();
        foreach (var bar in await home.Locator("a.chart-bar").AllAsync())
        {
            var year = (await bar.Locator(".chart-year").TextContentAsync())!.Trim();
            Assert.Equal($"{SiteFixture.BasePath}{prefix}years/{year}/", await bar.GetAttributeAsync("href"));
            years.Add(year);
        }

        Assert.True(years.Count >= 3, $"expected at least three years with events, got {years.Count}");
        await Close(home);

        for (var i = 0; i < years.Count; i++)
        {
            var page = await Open($"{prefix}years/{years[i]}/");
            var prev = page.Locator(".year-nav .year-prev a");
            var next = page.Locator(".year-nav .year-next a");
            Assert.Equal(i > 0 ? 1 : 0, await prev.CountAsync());
            Assert.Equal(i + 1 < years.Count ? 1 : 0, await next.CountAsync());
            if (i > 0)
            {
                Assert.Equal($"{SiteFixture.BasePath}{prefix}years/{years[i - 1]}/", await prev.GetAttributeAsync("href"));
            }

            // The links are at the end: below the last event card.
            var navTop = await page.Locator(".year-nav").EvaluateAsync<double>("e => e.getBoundingClientRect().top");
            var lastCard = await page.Locator(".event").Last.EvaluateAsync<double>("e => e.getBoundingClientRect().bottom");
            Assert.True(navTop >= lastCard, $"years/{years[i]}: the year links (top {navTop}) should follow the last event (bottom {lastCard})");
            await Expect(page.Locator(".year-summary")).ToBeVisibleAsync();
            Assert.True(await page.Locator(".year-summary .chip").CountAsync() >= 1, $"years/{years[i]}: the summary should list categories");
            if (i + 1 < years.Count)
            {
                await next.ClickAsync();
                await Expect(page).ToHaveURLAsync(site.Url($"{prefix}years/{years[i + 1]}/"));
                await Expect(page.Locator("h1")).ToContainTextAsync(years[i + 1]);
            }

            await Close(page);
        }
    }

    /// <summary>
    /// Finds every line break inside the given headings, character by character (Range.getClientRects), and returns
    /// those that fall inside a word: not after a space or punctuation, not before a space or opening punctuation, and
    /// not at a &lt;wbr&gt;.
    /// </summary>
    private const string BrokenHeadings = """
        selector => {
          const punct = /[\s\p{P}\p{S}]/u, opening = /[《「『“‘（(〈【]/u, bad = [];
          for (const el of document.querySelectorAll(selector)) {
            if (!el.getClientRects().length) continue;
            const chars = [];
            let wbr = false;
            const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_ELEMENT);
            while (walk.nextNode()) {
              const n = walk.currentNode;
              if (n.nodeType === 1) { if (n.tagName === 'WBR') wbr = true; continue; }
              for (let i = 0; i < n.data.length; i++) {
                const r = document.createRange(); r.setStart(n, i); r.setEnd(n, i + 1);
                const rects = r.getClientRects();
                if (!rects.length || rects[0].width === 0) continue;
                chars.push({ ch: n.data[i], top: rects[0].top, height: rects[0].height, wbr });
                wbr = false;
              }
            }
            for (let k = 1; k < chars.length; k++) {
              const [a, b] = [chars[k - 1], chars[k]];
              if (b.top <= a.top + a.height / 2) continue;
              if (b.wbr || punct.test(a.ch) || /\s/.test(b.ch) || opening.test(b.ch)) continue;
              const text = chars.map(c => c.ch).join('');
              bad.push(`${el.tagName.toLowerCase()}.${el.className}: "${text.slice(0, k)}|${text.slice(k)}"`);
            }
          }
          return bad;
        }
        """;

    [Theory]
    [MemberData(nameof(Prefixes))]
    public async Task No_heading_breaks_inside_a_word_at_375_px(string prefix)
    {
        var broken = new List<string>();
        var checkedPages = new[] { "/", First("years/"), First("articles/"), First("categories/") };
        foreach (var path in checkedPages)
        {
            var page = await Open(prefix + path.TrimStart('/'), 375, 800);
            var lines = await page.EvaluateAsync<string[]>(BrokenHeadings, "h1, h2, h3, .event-title, .site-name, .milestone-title");
            broken.AddRange(lines.Select(l => $"{prefix}{path}: {l}"));
            await Close(page);
        }

        Assert.True(broken.Count == 0, "headings broken inside a word at 375 px:\n" + string.Join("\n", broken));
    }

    [Fact]
    public async Task Screenshots_of_a_year_page_at_1280_and_375_px()
    {
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        foreach (var width in new[] { 375, 1280 })
        {
            var page = await Open(First("years/"), width, 900);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"year-{width}.png"), FullPage = true });
            await Close(page);
        }

        Assert.True(File.Exists(Path.Combine(SiteFixture.ScreenshotFolder, "year-375.png")));
    }
}
