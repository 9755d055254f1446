using HetaoSite.Core.Configuration;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Loading.LoaderTestHelpers;

namespace HetaoSite.Core.Tests.Loading;

/// <summary>Where an article's lead image is declared: front matter, site-config.yml, a saved page's og:image or first figure.</summary>
public sealed class ArticleImageLoadingTests
{
    private const string Body = "2024年6月，國際產業中試集聚區在河套深圳園區成立。\n";

    [Fact]
    public void Front_matter_declares_the_image_its_alt_caption_credit_and_line()
    {
        var raw = LoadOk("a.md", "---\ntitle: 標題\ndate: 2024-08-09\nimage: images/park.jpg\nimage_alt: 園區大樓外景\nimage_caption: 深圳園區\nimage_credit: 本報記者\n---\n" + Body);
        var image = raw.Metadata.Image;
        Assert.Equal(new ArticleImage("images/park.jpg", "園區大樓外景", "深圳園區", "本報記者", null, null, "front matter", 4), image);
        Assert.False(raw.Metadata.Extra.Keys.Any(k => k.StartsWith("image", StringComparison.Ordinal)), "image keys are not extra metadata");
    }

    [Fact]
    public void A_remote_image_may_declare_its_size()
    {
        var raw = LoadOk("a.txt", "---\nimage: https://img.example.com/p.jpg\nimage_width: 1200\nimage_height: 800\n---\n" + Body);
        Assert.Equal((1200, 800), (raw.Metadata.Image!.Width, raw.Metadata.Image.Height));
    }

    [Theory]
    [InlineData("../secret.png")]
    [InlineData("/etc/passwd.png")]
    [InlineData("javascript:alert(1)")]
    public void An_unsafe_image_path_in_front_matter_is_HS0150_naming_the_file_and_line(string path)
    {
        var error = SingleError(Load("a.md", $"---\ntitle: 標題\n\nimage: '{path}'\n---\n" + Body));
        Assert.Equal(("HS0150", "a.md", 4), (error.Code, error.File, error.Line));
    }

    [Fact]
    public void A_bad_image_size_is_an_error_at_its_line()
    {
        var error = SingleError(Load("a.md", "---\nimage: https://img.example.com/p.jpg\nimage_width: wide\n---\n" + Body));
        Assert.Equal(("HS0150", 3), (error.Code, error.Line));
    }

    [Fact]
    public void An_http_image_is_a_warning_and_the_article_has_no_image()
    {
        var result = Load("a.md", "---\nimage: http://img.example.com/p.jpg\n---\n" + Body);
        Assert.False(result.HasErrors, string.Join("; ", result.Diagnostics));
        Assert.Null(result.Value!.Metadata.Image);
        Assert.Contains(result.Diagnostics, d => d is { Code: "HS0154", File: "a.md", Line: 2 });
    }

    [Fact]
    public void An_img_in_the_middle_of_a_text_body_is_not_a_lead_image()
    {
        var raw = LoadOk("a.txt", "---\ntitle: 標題\n---\n<p>第一段。</p>\n<figure><img src=\"https://img.example.com/p.jpg\" alt=\"圖\"><figcaption>說明</figcaption></figure>\n<p>" + Body + "</p>");
        Assert.Null(raw.Metadata.Image);
    }

    private static string Page(string head, string article) => $"""
        <!DOCTYPE html>
        <html lang="zh-Hant"><head><title>河套新聞</title>
        <meta property="article:published_time" content="2024-08-09">
        {head}
        </head><body>
        <header><figure><img src="https://img.example.com/logo.png" alt="網站標誌"></figure></header>
        <article><h1>河套新聞</h1>
        {article}
        <p>{Body}</p></article></body></html>
        """;

    [Fact]
    public void A_saved_page_gives_its_og_image_with_alt_and_size()
    {
        var raw = LoadOk("p.html", Page("""
            <meta property="og:image" content="https://img.example.com/lead.jpg">
            <meta property="og:image:alt" content="合作區全景">
            <meta property="og:image:width" content="1200"><meta property="og:image:height" content="630">
            """, "<p>第一段。</p>"));
        Assert.Equal(new ArticleImage("https://img.example.com/lead.jpg", "合作區全景", null, null, 1200, 630, "og:image", 4), raw.Metadata.Image);
    }

    [Fact]
    public void An_og_image_that_is_the_first_figure_takes_the_figures_caption_and_credit()
    {
        var raw = LoadOk("p.html", Page("""<meta property="og:image" content="https://img.example.com/lead.jpg">""",
            """<figure><img src="https://img.example.com/lead.jpg"><figcaption>深圳園區一景。<cite>新華社</cite></figcaption></figure>"""));
        var image = raw.Metadata.Image!;
        Assert.Equal(("深圳園區一景。", "新華社", "深圳園區一景。"), (image.Caption, image.Credit, image.Alt));
    }

    [Theory]
    [InlineData("/img/lead.jpg")]
    [InlineData("http://img.example.com/lead.jpg")]
    [InlineData("javascript:alert(1)")]
    public void An_og_image_that_is_not_an_absolute_https_url_is_not_used(string url)
    {
        var raw = LoadOk("p.html", Page($"""<meta property="og:image" content="{url}">""", "<p>第一段。</p>"));
        Assert.Null(raw.Metadata.Image);
    }

    [Fact]
    public void Without_og_image_the_first_figure_inside_the_article_is_the_lead_image()
    {
        var raw = LoadOk("p.html", Page(string.Empty, """
            <p>第一段。</p>
            <figure><img src="relative.jpg" alt="不用"></figure>
            <figure><img src="https://img.example.com/a.jpg" alt="簽約儀式" width="800" height="533"><figcaption>簽約現場 <small>攝影：陳大文</small></figcaption></figure>
            <figure><img src="https://img.example.com/b.jpg" alt="第二張"></figure>
            """));
        Assert.Equal(new ArticleImage("https://img.example.com/a.jpg", "簽約儀式", "簽約現場", "攝影：陳大文", 800, 533, "figure", 10), raw.Metadata.Image);
    }

    [Fact]
    public void A_page_without_og_image_or_figure_has_no_image_even_with_an_img_in_its_text()
    {
        var raw = LoadOk("p.html", Page(string.Empty, """<p>第一段。<img src="https://img.example.com/inline.jpg" alt="插圖"></p>"""));
        Assert.Null(raw.Metadata.Image);
    }

    [Fact]
    public void Site_config_declares_images_for_articles_without_front_matter_with_the_same_keys()
    {
        var config = SiteConfigParser.Parse("articles:\n  a.txt:\n    image: images/a.png\n    image_alt: 說明\n    image_credit: 本報\n");
        Assert.False(config.HasErrors, string.Join("; ", config.Diagnostics));
        Assert.Empty(config.Diagnostics);
        Assert.Equal(new ImageKeys("images/a.png", "說明", null, "本報", null, null, 3), config.Value.OverrideFor("a.txt")!.Image);
    }

    [Fact]
    public void An_unsafe_image_path_in_site_config_is_an_error_naming_its_line()
    {
        var config = SiteConfigParser.Parse("articles:\n  a.txt:\n    title: 標題\n    image: ../../x.png\n");
        var error = Assert.Single(config.Diagnostics, d => d.Severity == Severity.Error);
        Assert.Equal(("HS0150", "site-config.yml", 4), (error.Code, error.File, error.Line));
    }
}
