using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// An illustrated article (the fixture's 002_park.txt shows seeds/images/park.png, 480×270) at 1280 and 375 px: the
/// image is visible with its alt text; its box has the file's aspect ratio before the file arrives (the request is held
/// back), and neither the figure nor the event card changes height when it does; axe finds nothing serious.
/// </summary>
[Trait("Category", "Browser")]
public sealed class ImageBrowserTests(SiteFixture site, ITestOutputHelper output) : IClassFixture<SiteFixture>
{
    // The article is written in Simplified script: its own rendering shows the alt text and caption as written.
    private const string ArticlePath = "zh-hans/articles/002-park/";
    private const double FileRatio = 480.0 / 270.0;

    /// <summary>A page whose requests for the image wait until <paramref name="release"/> completes; errors are collected.</summary>
    private async Task<(IPage Page, List<string> Errors)> OpenHeld(string path, int width, TaskCompletionSource release)
    {
        output.WriteLine(site.Notes);
        var context = await site.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            ViewportSize = new ViewportSize { Width = width, Height = 800 },
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
        await page.RouteAsync("**/images/park.*.png", async route =>
        {
            await release.Task;
            await route.ContinueAsync();
        });

        // The load event waits for images, which are held back: DOMContentLoaded is enough to measure the layout.
        var response = await page.GotoAsync(site.Url(path), new PageGotoOptions { WaitUntil = WaitUntilState.DOMContentLoaded });
        Assert.True(response is { Ok: true }, $"{path}: HTTP {response?.Status}");
        return (page, errors);
    }

    private static Task<double> Height(ILocator element) => element.EvaluateAsync<double>("e => e.getBoundingClientRect().height");

    private static Task<bool> Loaded(ILocator img) => img.EvaluateAsync<bool>("i => i.complete && i.naturalWidth > 0");

    private static Task WaitLoaded(ILocator img) => img.EvaluateAsync("i => i.complete && i.naturalWidth > 0 ? null : i.decode()");

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task The_article_figure_keeps_its_aspect_ratio_before_the_image_loads_and_has_alt_text(int width)
    {
        var release = new TaskCompletionSource();
        var (page, errors) = await OpenHeld(ArticlePath, width, release);
        var figure = page.Locator("figure.article-image");
        var img = figure.Locator("img");
        Assert.False(await Loaded(img), "expected the image to be held back while the layout is measured");
        var box = await img.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("the figure's image has no box before it loads");
        Assert.True(Math.Abs((box.Width / box.Height) - FileRatio) < 0.02,
            $"at {width} px the image box is {box.Width}×{box.Height} before loading; expected the file's ratio {FileRatio:0.000}");
        Assert.True(box.Width <= width, $"at {width} px the image is {box.Width} px wide: wider than the viewport");
        var before = await Height(figure);

        release.SetResult();
        await WaitLoaded(img);
        Assert.Equal(before, await Height(figure));
        Assert.True(await img.IsVisibleAsync(), "expected the image to be visible");
        Assert.Equal("深圳园区建筑群与绿地", await img.GetAttributeAsync("alt"));
        Assert.Contains("河套深圳园区", await figure.Locator("figcaption").InnerTextAsync(), StringComparison.Ordinal);

        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id} ({v.Impact}): {v.Help}").ToList();
        Assert.True(serious.Count == 0, $"axe at {width} px found:\n{string.Join("\n", serious)}");
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"article-image-{width}.png") });
        await page.Context.CloseAsync();
        Assert.True(errors.Count == 0, $"console errors:\n{string.Join("\n", errors)}");
    }

    [Theory]
    [InlineData(1280)]
    [InlineData(375)]
    public async Task An_event_card_thumbnail_is_lazy_in_a_fixed_box_and_the_card_keeps_its_height_when_it_loads(int width)
    {
        var release = new TaskCompletionSource();
        var (page, errors) = await OpenHeld("", width, release);
        var card = page.Locator("li.event.has-image").First;
        var thumb = card.Locator(".event-thumb");
        var img = thumb.Locator("img");
        Assert.Equal(("lazy", "480", "270"), (await img.GetAttributeAsync("loading"), await img.GetAttributeAsync("width"), await img.GetAttributeAsync("height")));
        Assert.False(string.IsNullOrEmpty(await img.GetAttributeAsync("alt")), "expected the thumbnail to have alt text");

        await card.ScrollIntoViewIfNeededAsync();
        Assert.False(await Loaded(img), "expected the thumbnail to be held back while the card is measured");
        var before = await Height(card);
        var box = await thumb.BoundingBoxAsync() ?? throw new Xunit.Sdk.XunitException("the thumbnail has no box before it loads");
        Assert.True(Math.Abs((box.Width / box.Height) - (4.0 / 3.0)) < 0.02, $"at {width} px the thumbnail box is {box.Width}×{box.Height}; expected 4:3");

        release.SetResult();
        await WaitLoaded(img);
        Assert.Equal(before, await Height(card));
        Assert.True(await img.IsVisibleAsync(), "expected the thumbnail to be visible");
        var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
        Assert.True(overflow <= 0, $"at {width} px the page scrolls sideways by {overflow} px");
        Directory.CreateDirectory(SiteFixture.ScreenshotFolder);
        await card.ScreenshotAsync(new LocatorScreenshotOptions { Path = Path.Combine(SiteFixture.ScreenshotFolder, $"card-image-{width}.png") });
        await page.Context.CloseAsync();
        Assert.True(errors.Count == 0, $"console errors:\n{string.Join("\n", errors)}");
    }
}
