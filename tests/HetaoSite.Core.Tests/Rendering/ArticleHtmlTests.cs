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

    public static TheoryData<string> Inputs() =>
        ["block text", "block kind", "sentence text", "sentence offset", "back link text", "cited event's title", "cited event's date", "event no longer cited"];

    /// <summary>
    /// The page's hash takes the article text by its inputs (<see cref="ArticleHtml.AddInputs"/>), not by writing it:
    /// changing any input it writes from must change both what it writes and its hash, and equal inputs hash equal.
    /// </summary>
    [Theory]
    [MemberData(nameof(Inputs))]
    public void The_hash_of_an_article_text_changes_with_each_input_its_html_is_written_from(string input)
    {
        var articles = SampleSite.Articles();
        var events = SampleSite.Events();
        var (html, hash) = TextAndHash(articles, events, "返回事件");
        Assert.Equal((html, hash), TextAndHash(SampleSite.Articles(), SampleSite.Events(), "返回事件"));

        const string Id = "2017-hetao-mou";
        var mou = articles.Single(a => a.Article.Id == Id);
        ArticleExtraction WithBlock(int i, TextBlock block) =>
            mou with { Article = mou.Article with { Blocks = [.. mou.Article.Blocks.Select((b, j) => j == i ? block : b)] } };
        ArticleExtraction WithSentence(int i, Func<Sentence, Sentence> change) =>
            mou with { Sentences = [.. mou.Sentences.Select((s, j) => j == i ? change(s) : s)] };
        var changedArticle = input switch
        {
            "block text" => WithBlock(0, mou.Article.Blocks[0] with { Text = "港深合作再邁一步" }),
            "block kind" => WithBlock(0, mou.Article.Blocks[0] with { Kind = BlockKind.Caption }),
            "sentence text" => WithSentence(0, s => s with { Text = s.Text + "補" }),
            "sentence offset" => WithSentence(1, s => s with { Offset = 0, Text = mou.Article.Blocks[s.Block].Text[..4] }),
            _ => mou,
        };
        var changedEvents = input switch
        {
            "cited event's title" => [.. events.Select(e => e.Id == "2017-01-03-mou" ? e with { Title = "港深兩地簽署合作備忘錄" } : e)],
            "cited event's date" => [.. events.Select(e => e.Id == "2017-01-03-mou" ? e with { Date = new PartialDate(2017, 1, 4) } : e)],
            "event no longer cited" => [.. events.Where(e => e.Id != "2017-01-03-mou")],
            _ => events,
        };
        IReadOnlyList<ArticleExtraction> changedArticles = [.. articles.Select(a => a.Article.Id == Id ? changedArticle : a)];

        var (changedHtml, changedHash) = TextAndHash(changedArticles, changedEvents, input == "back link text" ? "回到事件" : "返回事件");
        Assert.True(changedHtml != html, $"expected changing the {input} to change the article's HTML; it stayed {html}");
        Assert.True(changedHash != hash, $"expected changing the {input} to change the hash of the article text; it stayed {hash}");
    }

    private static (string Html, string Hash) TextAndHash(IReadOnlyList<ArticleExtraction> articles, IReadOnlyList<TimelineEvent> events, string backToEvent)
    {
        var content = SampleSite.Content(articles: articles, events: events);
        var facts = new SiteFacts(content);
        var rendition = Rendition.For(content.Config.Site.DefaultScript, null)[0];
        var text = new ArticleHtml(articles.Single(a => a.Article.Id == "2017-hetao-mou"), facts, rendition,
            new SiteUrls(facts.BasePath, content.Config.Site.BaseUrl, rendition), backToEvent);
        var output = new StringBuilderOutput();
        var context = new TemplateContext();
        context.PushOutput(output);
        text.Write(context);
        return (output.ToString(), new ValueHasher(new ScriptObject()).Of(text));
    }
}
