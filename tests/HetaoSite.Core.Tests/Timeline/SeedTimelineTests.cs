using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Timeline;
using Xunit.Abstractions;

namespace HetaoSite.Core.Tests.Timeline;

/// <summary>
/// The five real seed articles, built with the repository's site-config.yml (their dates, corrections, gazetteer and
/// editorial overrides), against a hand-written gold timeline (seed-gold.tsv): every dated development on the timeline
/// exactly once with the right date (and, where the gold gives them, title and milestone mark), nothing else, and every
/// editorial override in the config still matching its event.
/// </summary>
public class SeedTimelineTests(ITestOutputHelper output)
{
    private static readonly Lazy<SiteTimeline> Built = new(Build);

    public sealed record GoldEvent(string File, string Date, string Phrase, int Line, string? Title = null, bool? Milestone = null);

    public static IReadOnlyList<GoldEvent> Gold { get; } = ReadGold();

    public static TheoryData<int> GoldLines()
    {
        var data = new TheoryData<int>();
        foreach (var gold in Gold)
        {
            data.Add(gold.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GoldLines))]
    public void Each_gold_event_is_on_the_timeline_once_with_its_date(int line)
    {
        var gold = Gold.Single(g => g.Line == line);
        var matches = Matches(gold);
        Assert.True(matches.Count == 1,
            $"seed-gold.tsv:{line}: expected exactly one event from {gold.File} citing '{gold.Phrase}', got {matches.Count}: " +
            string.Join(" | ", matches.Select(Describe)));
        Assert.True(gold.Date == DateText(matches[0]), $"seed-gold.tsv:{line}: expected date {gold.Date}, got {Describe(matches[0])}");
        Assert.True(gold.Title is null || gold.Title == matches[0].Title, $"seed-gold.tsv:{line}: expected title 「{gold.Title}」, got {Describe(matches[0])}");
        Assert.True(gold.Milestone is null || gold.Milestone == matches[0].Milestone,
            $"seed-gold.tsv:{line}: expected milestone {gold.Milestone}, got {matches[0].Milestone} for {Describe(matches[0])}");
    }

    [Fact]
    public void Every_editorial_override_in_the_repository_config_matches_an_event()
    {
        var stale = Built.Value.Diagnostics.Where(d => d.Code == "HS0502").ToList();
        Assert.True(stale.Count == 0,
            "expected every events.corrections/exclude/merge id in site-config.yml to name a seed event, got:\n" + string.Join("\n", stale));
    }

    [Fact]
    public void Every_seed_event_is_in_the_gold_list()
    {
        var extra = Built.Value.Events.Where(e => !Gold.Any(g => Matches(g).Contains(e))).ToList();
        var recall = Gold.Count(g => Matches(g) is [var only] && DateText(only) == g.Date);
        var events = Built.Value.Events.Count;
        output.WriteLine($"gold {Gold.Count}, events {events}, recall {recall}/{Gold.Count}, precision {events - extra.Count}/{events}");
        Assert.True(extra.Count == 0, $"expected no events beyond the gold list, got {extra.Count}:\n" + string.Join("\n", extra.Select(Describe)));
    }

    [Fact]
    public void No_event_comes_from_a_photo_caption()
    {
        var captions = new HashSet<string>(StringComparer.Ordinal);
        foreach (var article in Articles.Value)
        {
            foreach (var sentence in article.Sentences.Where(s => article.Article.Blocks[s.Block].Kind == BlockKind.Caption))
            {
                captions.Add($"{article.Article.FileName}#{sentence.Anchor}");
            }
        }

        var fromCaptions = Built.Value.Events.Where(e => e.Sources.Any(s => captions.Contains($"{s.File}#{s.Anchor}"))).ToList();
        Assert.True(fromCaptions.Count == 0, "expected no event from a caption, got: " + string.Join(" | ", fromCaptions.Select(Describe)));
        Assert.DoesNotContain(Built.Value.Events, e => e.Sources.Any(s => s.Expression.Contains("2023年8月23日", StringComparison.Ordinal)));
    }

    private static readonly Lazy<IReadOnlyList<ArticleExtraction>> Articles = new(() =>
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds")).Order(StringComparer.Ordinal)
            .Select(p => new SourceFile(Path.GetFileName(p), File.ReadAllBytes(p))).ToList();
        var config = SeedConfig();
        var result = ArticleProcessor.ProcessAll(files, config, new BuildContext(null, null));
        Assert.False(result.HasErrors, string.Join("\n", result.Diagnostics));
        return result.Value;
    });

    private static SiteTimeline Build() =>
        TimelineBuilder.Build(Articles.Value, SeedConfig(), null);

    private static SiteConfig SeedConfig() =>
        SiteConfigParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site-config.yml"))).Value;

    private static List<TimelineEvent> Matches(GoldEvent gold) =>
        Built.Value.Events.Where(e => e.Sources.Any(s => s.File == gold.File && s.Sentence.Contains(gold.Phrase, StringComparison.Ordinal))).ToList();

    private static string DateText(TimelineEvent e) => e.End is { } end ? $"{e.Date}..{end}" : e.Date.ToString();

    private static string Describe(TimelineEvent e) => $"{DateText(e)} {e.Title} [{string.Join(", ", e.Sources.Select(s => $"{s.File}: {s.Expression}"))}]";

    private static List<GoldEvent> ReadGold()
    {
        var path = Path.Combine(RepositoryRoot.Path, "tests", "HetaoSite.Core.Tests", "Timeline", "seed-gold.tsv");
        return File.ReadAllLines(path)
            .Select((text, i) => (Text: text, Line: i + 1))
            .Where(x => x.Text.Length > 0 && !x.Text.StartsWith('#'))
            .Select(x => x.Text.Split('\t') switch
            {
                [var file, var date, var phrase] => new GoldEvent(file, date, phrase, x.Line),
                [var file, var date, var phrase, var title, var milestone] =>
                    new GoldEvent(file, date, phrase, x.Line, title.Length > 0 ? title : null, Milestone(milestone, x.Line)),
                _ => throw new FormatException($"seed-gold.tsv:{x.Line}: expected file<TAB>date<TAB>phrase[<TAB>title<TAB>milestone]"),
            })
            .ToList();
    }

    private static bool? Milestone(string text, int line) => text switch
    {
        "" => null,
        "milestone" => true,
        "not milestone" => false,
        _ => throw new FormatException($"seed-gold.tsv:{line}: the milestone column is empty, 'milestone' or 'not milestone', got '{text}'"),
    };
}
