using System.Net;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;
using Scriban;
using Scriban.Runtime;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class ArticleHtmlTests
{
    [Theory]
    [InlineData("河套合作區")]
    [InlineData("a < b && \"c\" > 'd'")]
    [InlineData("café © 2024 ×")]
    [InlineData("𠀀 astral 𩸽 and a lone \ud800 surrogate")]
    [InlineData("")]
    public void Text_is_escaped_exactly_as_html_escape_does(string text)
    {
        var output = new StringBuilderOutput();
        var context = new TemplateContext();
        context.PushOutput(output);
        ArticleHtml.WriteEscaped(context, "[" + text + "]", 1, text.Length);
        Assert.Equal(WebUtility.HtmlEncode(text), output.ToString());
    }

    [Fact]
    public void Consecutive_list_items_form_one_list_between_paragraphs_and_headings()
    {
        var articles = SampleSite.Articles().ToList();
        articles[0] = SampleSite.Article("listed", "listed.txt", "標題", "媒體", null, new PartialDate(2020, 1, 1), Script.Hant,
        [
            new TextBlock("小標題", BlockKind.Heading, 1),
            new TextBlock("第一項。", BlockKind.ListItem, 2),
            new TextBlock("第二項。", BlockKind.ListItem, 3),
            new TextBlock("正文 <b>。", BlockKind.Paragraph, 4),
            new TextBlock("第三項。", BlockKind.ListItem, 5),
            new TextBlock("圖為園區。", BlockKind.Caption, 6),
        ]);
        var site = new RenderedSite(SampleSite.Content(articles: articles, events: []));
        Assert.Empty(site.Diagnostics);
        var body = HtmlCheck.Document(site.Text("articles/listed/index.html")).QuerySelector(".article-body")!;
        Assert.Equal(["H2", "H3", "UL", "P", "UL", "P"], body.Children.Select(c => c.TagName).ToArray());
        Assert.Equal(["第一項。", "第二項。"], body.Children[2].QuerySelectorAll("li").Select(li => li.TextContent.Trim()).ToArray());
        Assert.Equal("正文 <b>。", body.Children[3].TextContent.Trim());
        Assert.Equal("caption", body.Children[5].ClassName);
    }
}
