using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Tests.Timeline;

/// <summary>
/// Runs every example of Specs/merging/*.md (also shown in docs/ingestion.md, "Merging"): two statements, each
/// <c>file | date[..end] | date words | sentence | title</c>, from articles published on the header's date, and the
/// expected outcome: <c>merged DATE</c>, <c>separate</c> or <c>possible duplicate</c>. Scripts are folded with OpenCC.
/// </summary>
public sealed class MergingSpecTests
{
    private static IScriptConverter Converter => RealOpenCc.Converter;

    public static IEnumerable<object[]> Examples => SpecFile.Rows("merging");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_merges_as_specified(string file, int index)
    {
        var example = SpecFile.Load(Path.Combine(SpecFile.Folder("merging"), file)).Examples[index];
        var statements = example.Input.Split('\n').Select(line => Statement(line, example)).ToList();
        var articles = statements.GroupBy(s => s.FileName).Select(g => Article(g.Key, example.Anchor, [.. g])).ToList();

        var timeline = TimelineBuilder.Build(articles, SiteConfig.Default, Converter);

        var actual = Outcome(timeline);
        var expected = string.Join('\n', example.Expected);
        Assert.True(expected == actual, $"{example.Location}\ninput:\n{example.Input}\nexpected: {expected}\nactual:   {actual}\n" +
            $"facts: {string.Join(" / ", statements.Select(s => string.Join(", ", StatementFacts.Of(s, Converter).Describe())))}");
    }

    [Fact]
    public void The_spec_covers_every_outcome()
    {
        var outcomes = SpecFile.Rows("merging")
            .Select(row => SpecFile.Load(Path.Combine(SpecFile.Folder("merging"), (string)row[0])).Examples[(int)row[1]].Expected[0].Split(' ')[0])
            .ToHashSet();
        Assert.True(outcomes.SetEquals(["merged", "separate", "possible"]), $"expected examples of every outcome, got {string.Join(", ", outcomes)}");
    }

    private static string Outcome(SiteTimeline timeline) => timeline.Events.Count switch
    {
        1 => $"merged {timeline.Events[0].Date}" + (timeline.Events[0].End is { } end ? $"..{end}" : string.Empty),
        2 when timeline.PossibleDuplicates.Count == 1 => "possible duplicate",
        2 when timeline.PossibleDuplicates.Count == 0 => "separate",
        _ => $"{timeline.Events.Count} events, {timeline.PossibleDuplicates.Count} possible duplicates",
    };

    private static DatedStatement Statement(string line, SpecExample example)
    {
        var parts = line.Split('|', StringSplitOptions.TrimEntries);
        if (parts.Length != 5)
        {
            throw new FormatException($"{example.Location}: a statement is 'file | date[..end] | date words | sentence | title', got '{line}'");
        }

        var (file, dates, words, sentence, title) = (parts[0], parts[1].Split(".."), parts[2], parts[3], parts[4]);
        var start = sentence.IndexOf(words, StringComparison.Ordinal);
        if (start < 0)
        {
            throw new FormatException($"{example.Location}: '{words}' is not in '{sentence}'");
        }

        PartialDate? endDate = dates.Length > 1 ? PartialDate.Parse(dates[1]) : null;
        var expression = new TemporalExpression(words, start, PartialDate.Parse(dates[0]), endDate);
        return new DatedStatement(ArticleIds.FromFileName(file), file, new Sentence(0, 0, 0, sentence), expression, title, "policy", false);
    }

    private static ArticleExtraction Article(string file, string published, IReadOnlyList<DatedStatement> statements)
    {
        var blocks = statements.Select((s, i) => new TextBlock(s.Sentence.Text, BlockKind.Paragraph, i + 1)).ToList();
        var article = new Article(statements[0].ArticleId, file, file, null, null, PartialDate.Parse(published), MetadataOrigin.Config, "config", "zh-Hant", Script.Hant,
            "utf-8", ArticleFormat.Text, blocks.Sum(b => b.Text.Length), [], blocks, [], CleaningStats.Empty);
        return new ArticleExtraction(article, [.. statements.Select(s => s.Sentence)], statements, [], [], statements.Count);
    }
}
