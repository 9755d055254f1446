using System.Text;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Tests;

/// <summary>
/// limits.max_seconds_per_article is a cancellation token that the scanners check: once it fires, every stage stops at
/// its next check and the article ends as error HS0142 naming it. These tests use a token that has already fired, so
/// they check that each stage looks at it, not how long anything takes.
/// </summary>
public class ArticleTimeLimitTests
{
    private const string Article = "---\ntitle: 時限\ndate: 2024-08-09\n---\n\n2024年6月，國際產業中試集聚區在河套深圳園區成立。同月，科創中心開園。\n";

    private static readonly CancellationToken Fired = new(canceled: true);

    private static readonly IReadOnlyList<TextBlock> Blocks =
        [new TextBlock("2024年6月，國際產業中試集聚區在河套深圳園區成立。同月，科創中心開園。", BlockKind.Paragraph, 5)];

    [Fact]
    public void An_article_past_its_time_limit_is_an_error_naming_it()
    {
        var result = ArticleProcessor.Process(new SourceFile("slow.md", Encoding.UTF8.GetBytes(Article)), SiteConfig.Default, Fired);

        Assert.True(result.Value is null, "expected no extraction from an abandoned article");
        var error = Assert.Single(result.Diagnostics);
        Assert.Equal((Severity.Error, ArticleProcessor.AbandonedCode, "slow.md"), (error.Severity, error.Code, error.File));
        Assert.Contains($"took longer than {SiteConfig.Default.Limits.MaxSecondsPerArticle} s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_same_article_without_a_fired_limit_is_processed()
    {
        var result = ArticleProcessor.Process(new SourceFile("slow.md", Encoding.UTF8.GetBytes(Article)), SiteConfig.Default, CancellationToken.None);

        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        Assert.True(result.Value is not null, "expected the article to be processed");
    }

    [Fact]
    public void Loading_checks_the_limit() =>
        Assert.Throws<OperationCanceledException>(() => ArticleLoader.Load(new SourceFile("a.md", Encoding.UTF8.GetBytes(Article)), SiteConfig.Default.Limits, Fired));

    [Fact]
    public void Cleaning_checks_the_limit() =>
        Assert.Throws<OperationCanceledException>(() =>
            TextCleaner.Clean(new RawArticle("a.txt", ArticleFormat.Text, "utf-8", SourceMetadata.None, Blocks), CleaningOptions.Default, null, Fired));

    [Fact]
    public void Sentence_splitting_checks_the_limit() =>
        Assert.Throws<OperationCanceledException>(() => SentenceSplitter.Split(Blocks, Fired));

    [Fact]
    public void The_date_scanner_checks_the_limit() =>
        Assert.Throws<OperationCanceledException>(() => TemporalParser.Parse(Blocks[0].Text, new PartialDate(2024, 8, 9), Fired));
}
