using System.Text.RegularExpressions;
using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Cli.Tests.Browser;

/// <summary>
/// Used by <see cref="SiteFixture"/> only while the pipeline does not produce events yet (the extractor and timeline
/// builder are being written in parallel): splits the fixture articles into sentences at 。 and makes one event of each
/// sentence that starts with an explicit date. Once the real pipeline yields events, this is never called.
/// </summary>
internal static partial class InterimTimeline
{
    public static (IReadOnlyList<ArticleExtraction> Articles, SiteTimeline Timeline) Build(IReadOnlyList<ArticleExtraction> articles, SiteConfig config)
    {
        var result = new List<ArticleExtraction>();
        var events = new List<TimelineEvent>();
        foreach (var extraction in articles)
        {
            var sentences = new List<Sentence>();
            var blocks = extraction.Article.Blocks;
            for (var b = 0; b < blocks.Count; b++)
            {
                var text = blocks[b].Text;
                var start = 0;
                var index = 0;
                while (start < text.Length)
                {
                    var end = text.IndexOf('。', start);
                    end = end < 0 ? text.Length : end + 1;
                    var sentence = new Sentence(b, index++, start, text[start..end]);
                    sentences.Add(sentence);
                    start = end;
                    if (Event(sentence, extraction.Article, config) is { } e)
                    {
                        events.Add(e);
                    }
                }
            }

            result.Add(extraction with { Sentences = sentences });
        }

        return (result, new SiteTimeline([.. events.OrderBy(e => e.Date).ThenBy(e => e.Id, StringComparer.Ordinal)], [], []));
    }

    private static TimelineEvent? Event(Sentence sentence, Article article, SiteConfig config)
    {
        var match = DatePattern().Match(sentence.Text);
        if (!match.Success)
        {
            return null;
        }

        int? Number(Group g) => g.Success ? int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
        var date = new PartialDate(Number(match.Groups[1])!.Value, Number(match.Groups[2]), Number(match.Groups[3]));
        var title = sentence.Text[(match.Index + match.Length)..].TrimStart('，', '年').TrimEnd('。');
        title = title.Split('，')[0];
        var category = config.Categories.FirstOrDefault(c => c.Keywords.Any(k => sentence.Text.Contains(k, StringComparison.Ordinal)))?.Id
            ?? config.Categories[^1].Id;
        var planned = date.FirstDay > article.Published.LastDay || sentence.Text.Contains('將') || sentence.Text.Contains('将');
        return new TimelineEvent($"{date}-{article.Id}-{sentence.Anchor}", date, null, title, category, planned, false,
            [new EventSource(article.FileName, article.Id, sentence.Text, match.Value, sentence.Anchor)]);
    }

    [GeneratedRegex(@"(20\d\d)年(?:(\d{1,2})月)?(?:(\d{1,2})日)?")]
    private static partial Regex DatePattern();
}
