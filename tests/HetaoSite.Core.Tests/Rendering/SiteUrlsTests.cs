using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class SiteUrlsTests
{
    private static SiteUrls Urls(string basePath, Script script, Script defaultScript = Script.Hant) =>
        new(basePath, "https://example.org/hetao", new Rendition(script, defaultScript, new TestSupport.FakeScriptConverter()));

    [Theory]
    [InlineData("/", "/years/2024/", "/years/2024/")]
    [InlineData("/hetao-site/", "/years/2024/", "/hetao-site/years/2024/")]
    [InlineData("hetao-site", "/", "/hetao-site/")]
    [InlineData("/hetao-site/", "/#2024-06-forum", "/hetao-site/#2024-06-forum")]
    public void Url_applies_the_base_path(string basePath, string path, string expected) =>
        Assert.Equal(expected, Urls(basePath, Script.Hant).Url(path));

    [Fact]
    public void Url_in_the_other_script_adds_its_prefix()
    {
        var hans = Urls("/hetao-site/", Script.Hans);
        Assert.Equal("/hetao-site/zh-hans/years/2024/", hans.Url("/years/2024/"));
        Assert.Equal("/hetao-site/years/2024/", hans.Url("/years/2024/", "zh-Hant"));
        Assert.Equal("/hetao-site/css/site.css", hans.Url("/css/site.css", SiteUrls.Asset));
    }

    [Fact]
    public void Simplified_default_puts_traditional_under_zh_hant()
    {
        var hant = Urls("/", Script.Hant, Script.Hans);
        Assert.Equal("/zh-hant/about/", hant.Url("/about/"));
        Assert.Equal("/about/", hant.Url("/about/", "zh-Hans"));
    }

    [Fact]
    public void Absolute_url_uses_the_base_url_and_script_prefix_but_not_the_base_path()
    {
        var hans = Urls("/ignored/", Script.Hans);
        Assert.Equal("https://example.org/hetao/zh-hans/articles/a/", hans.AbsoluteUrl("/articles/a/"));
        Assert.Equal("https://example.org/hetao/sitemap.xml", hans.AbsoluteUrl("/sitemap.xml", SiteUrls.Asset));
    }

    [Fact]
    public void Unknown_script_name_is_an_error() =>
        Assert.Throws<ArgumentException>(() => Urls("/", Script.Hant).Url("/", "en"));
}
