using System.Text;
using HetaoSite.Core.Evaluation;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.Rendering;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Evaluation;

/// <summary>What the evaluation reads from a build: an article page's visible text in the article's own script.</summary>
public sealed class DevSetOutputTests
{
    private const string Config = MinimalConfig.Yaml;

    // Written for this test.
    private const string EnglishArticle = """
        ---
        title: Loop park signs first partners
        date: 2024-04-19
        ---

        The Hong Kong-Shenzhen Innovation and Technology Park in the Lok Ma Chau Loop signed its first partners on 18 April 2024, (about 60 of them).
        """;

    [Fact]
    public void An_english_article_is_read_from_the_default_rendering_where_it_is_shown_as_written()
    {
        var build = SiteBuilder.Build(new SiteSource(Config, "site-config.yml", [new SourceFile("en.md", Encoding.UTF8.GetBytes(EnglishArticle))], RepoTemplates.All, []),
            new BuildContext(new DateOnly(2024, 6, 30), null));
        Assert.False(build.HasErrors, string.Join("\n", build.Diagnostics));

        var article = Assert.Single(DevSetOutput.From(build).Articles);

        Assert.Equal(Script.Latin, build.Articles[0].Article.Script);
        Assert.NotNull(article.PageText);
        const string sentence = "The Hong Kong-Shenzhen Innovation and Technology Park in the Lok Ma Chau Loop signed its first partners on 18 April 2024, (about 60 of them).";
        Assert.True(article.PageText.Contains(sentence, StringComparison.Ordinal), $"expected the page to show 「{sentence}」, got: {article.PageText}");
    }
}
