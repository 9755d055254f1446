using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Timeline;
using Xunit.Abstractions;

namespace HetaoSite.Core.Tests.Timeline;

/// <summary>
/// The five real seed articles against a hand-written gold timeline (seed-gold.tsv): every dated development on the
/// timeline exactly once with the right date, and nothing else (issue 4's "done when").
/// </summary>
public class SeedTimelineTests(ITestOutputHelper output)
{
    // The metadata the maintainers keep in site-config.yml for the two seeds whose text has no date.
    private const string Config = """
        articles:
          001_48f27e469779bebf.txt:
            corrections:
              - { find: "社;\uE2AE鸫鬄硡^(qū)", replace: "社保基金大灣區" }
          002_4b2e64fbf26f5ca3.txt:
            published: 2023-01
          004_e331704125a7b1c3.txt:
            published: 2022-09-13
        """;

    private static readonly Lazy<SiteTimeline> Built = new(Build);

    public sealed record GoldEvent(string File, string Date, string Phrase, int Line);

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

    // The metadata above, with the zone gazetteer of the repository's site-config.yml (what "about the zone" means).
    private static SiteConfig SeedConfig() =>
        SiteConfigParser.Parse(Config).Value with
        {
            Zone = SiteConfigParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site-config.yml"))).Value.Zone,
        };

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
            .Select(x => x.Text.Split('\t') is [var file, var date, var phrase]
                ? new GoldEvent(file, date, phrase, x.Line)
                : throw new FormatException($"seed-gold.tsv:{x.Line}: expected file<TAB>date<TAB>phrase"))
            .ToList();
    }
}
