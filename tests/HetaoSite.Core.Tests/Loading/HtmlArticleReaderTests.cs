using System.Text;
using HetaoSite.Core.Model;
using static HetaoSite.Core.Tests.Loading.LoaderTestHelpers;

namespace HetaoSite.Core.Tests.Loading;

public sealed class HtmlArticleReaderTests
{
    private const string Page = """
        <!DOCTYPE html>
        <html lang="zh-Hant">
        <head>
          <title>河套新聞 - 網站</title>
          <meta property="og:title" content="河套深港科技創新合作區一年發展掃描">
          <meta property="og:site_name" content="新華網">
          <meta property="og:url" content="https://news.example/2024/08/09/hetao.html">
          <meta property="article:published_time" content="2024-08-09T09:31:00+08:00">
          <meta property="article:tag" content="河套">
          <style>p { color: red }</style>
          <script>var tracking = "不要這段";</script>
        </head>
        <body>
          <nav><p>首頁 | 港澳 | 科技</p></nav>
          <header><h1>網站標頭</h1></header>
          <article>
            <h2>持續擴大深港合作</h2>
            <p>第一段：河套深圳園區發布首單“科匯通”試點業務。</p>
            <figure><img src="a.jpg"><figcaption>河套深港科技創新合作區一景。新華社記者 梁旭 攝</figcaption></figure>
            <ul><li>第一項</li><li>第二項</li></ul>
            <p>第一行<br>第二行</p>
            <script>document.write("廣告")</script>
            <form><p>訂閱電子報</p></form>
          </article>
          <aside><p>熱門文章</p></aside>
          <footer><p>版權所有</p></footer>
        </body>
        </html>
        """;

    [Fact]
    public void Meta_tags_give_title_date_outlet_url_and_language()
    {
        var raw = LoadOk("page.html", Page);
        Assert.Equal(ArticleFormat.Html, raw.Format);
        Assert.Equal(MetadataOrigin.HtmlMeta, raw.Metadata.Origin);
        Assert.Equal("河套深港科技創新合作區一年發展掃描", raw.Metadata.Title);
        Assert.Equal("2024-08-09", raw.Metadata.Date.ToString());
        Assert.Equal(8, raw.Metadata.DateLine);
        Assert.Equal("新華網", raw.Metadata.Outlet);
        Assert.Equal("https://news.example/2024/08/09/hetao.html", raw.Metadata.Url);
        Assert.Equal("zh-Hant", raw.Metadata.Language);
        Assert.Equal(["河套"], raw.Metadata.Tags);
    }

    [Fact]
    public void Article_text_becomes_typed_blocks_without_navigation_scripts_or_forms()
    {
        var raw = LoadOk("page.html", Page);
        Assert.Equal(
        [
            ("持續擴大深港合作", BlockKind.Heading, 17),
            ("第一段：河套深圳園區發布首單“科匯通”試點業務。", BlockKind.Paragraph, 18),
            ("河套深港科技創新合作區一景。新華社記者 梁旭 攝", BlockKind.Caption, 19),
            ("第一項", BlockKind.ListItem, 20),
            ("第二項", BlockKind.ListItem, 20),
            ("第一行", BlockKind.Paragraph, 21),
            ("第二行", BlockKind.Paragraph, 21),
        ], raw.Blocks.Select(b => (b.Text, b.Kind, b.Line)));
    }

    [Fact]
    public void Without_og_title_the_title_element_then_the_first_h1_is_used()
    {
        var withTitle = LoadOk("a.html", "<html><head><title>標題甲</title></head><body><h1>標題乙</h1><p>正文。</p></body></html>");
        Assert.Equal("標題甲", withTitle.Metadata.Title);
        var withH1 = LoadOk("b.html", "<html><body><main><h1>標題乙</h1><p>正文。</p></main></body></html>");
        Assert.Equal("標題乙", withH1.Metadata.Title);
    }

    [Theory]
    [InlineData("<meta name=\"pubdate\" content=\"2023-01-05\">", "2023-01-05")]
    [InlineData("<meta name=\"PublishDate\" content=\"2023/1/5\">", "2023-01-05")]
    [InlineData("<meta name=\"DC.date.issued\" content=\"2023-01\">", "2023-01")]
    [InlineData("<meta property=\"og:article:published_time\" content=\"Thu, 05 Jan 2023 08:00:00 GMT\">", "2023-01-05")]
    public void Date_meta_variants_are_read(string meta, string expected)
    {
        var raw = LoadOk("a.html", $"<html><head>{meta}</head><body><p>正文。</p></body></html>");
        Assert.Equal(expected, raw.Metadata.Date.ToString());
    }

    [Fact]
    public void A_time_element_in_the_article_gives_the_date_when_no_meta_does()
    {
        var raw = LoadOk("a.html", "<html><body><article><time datetime=\"2022-09-13\">昨天</time><p>正文。</p></article></body></html>");
        Assert.Equal("2022-09-13", raw.Metadata.Date.ToString());
    }

    [Fact]
    public void An_impossible_meta_date_is_HS0102_with_its_line()
    {
        var error = SingleError(Load("a.html", "<html><head>\n<meta name=\"date\" content=\"2024-13-45\">\n</head><body><p>正文。</p></body></html>"));
        Assert.Equal("HS0102", error.Code);
        Assert.Equal(2, error.Line);
    }

    [Fact]
    public void Without_article_or_main_the_element_with_most_paragraph_text_is_the_body()
    {
        const string html = "<html><body><div class=\"side\"><p>短</p></div>"
            + "<div class=\"content\"><p>河套深港科技創新合作區第一段很長的正文內容。</p><p>第二段也是正文。</p></div></body></html>";
        var raw = LoadOk("a.html", html);
        Assert.Equal(["河套深港科技創新合作區第一段很長的正文內容。", "第二段也是正文。"], raw.Blocks.Select(b => b.Text));
    }

    [Fact]
    public void Ten_thousand_nested_divs_are_an_error_not_a_stack_overflow()
    {
        var html = new StringBuilder("<html><body>");
        html.Insert(html.Length, "<div>", 10_000).Append('深').Insert(html.Length, "</div>", 10_000).Append("</body></html>");
        var error = SingleError(Load("deep.html", html.ToString()));
        Assert.Equal("HS0106", error.Code);
        Assert.Equal("deep.html", error.File);
    }

    [Fact]
    public void Many_unclosed_paragraphs_and_tags_inside_scripts_do_not_count_as_nesting()
    {
        var html = "<html><head><script>" + string.Concat(Enumerable.Repeat("if (a<b) x = '<div>';", 500)) + "</script></head><body><article>"
            + string.Concat(Enumerable.Range(0, 500).Select(i => $"<p>第{i}段")) + "</article></body></html>";
        var raw = LoadOk("old.html", html);
        Assert.Equal(500, raw.Blocks.Count);
        Assert.True(HetaoSite.Core.Loading.HtmlBlockReader.EstimateDepth(html) < 10, "unclosed <p> and script text must not deepen the estimate");
    }

    [Fact]
    public void Html_body_inside_a_txt_file_is_reduced_by_the_same_reader()
    {
        const string text = "---\ntitle: 標題\n---\n\n<div>\n<p>证券时报记者 吴家明</p><p>第一段。</p><p><strong>“走得过来”</strong></p>\n<p>第二段。</p>\n</div>\n";
        var raw = LoadOk("a.txt", text);
        Assert.Equal(
        [
            ("证券时报记者 吴家明", BlockKind.Paragraph, 6),
            ("第一段。", BlockKind.Paragraph, 6),
            ("“走得过来”", BlockKind.Heading, 6),
            ("第二段。", BlockKind.Paragraph, 7),
        ], raw.Blocks.Select(b => (b.Text, b.Kind, b.Line)));
    }

    [Fact]
    public void Deep_html_inside_a_txt_file_is_also_refused()
    {
        var text = "正文\n" + string.Concat(Enumerable.Repeat("<div>", 5_000)) + "<p>x</p>";
        Assert.Equal("HS0106", SingleError(Load("deep.txt", text)).Code);
    }
}
