using HetaoSite.Core.Configuration;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;
using HetaoSite.Core.Tests.TestSupport;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction;

/// <summary>
/// Runs every example of Specs/events/*.md: fenced <c>```statements</c> blocks whose first line is
/// <c>anchor: YYYY-MM-DD</c> (the publication date) and whose other lines are <c>paragraph → outcome</c>, the outcome
/// being <c>event</c>, <c>event planned</c>, <c>event &lt;category&gt;</c> or <c>dropped &lt;reason&gt;</c>. Each
/// paragraph is extracted as a one-paragraph article (or, split at <c> ¶ </c>, as an article of several) with the zone gazetteer of the repository's site-config.yml.
/// </summary>
public sealed class EventSpecTests
{
    private const string Arrow = "→";

    /// <summary>Parts an example into paragraphs of one article ("第一段 ¶ 第二段 → event").</summary>
    private const string ParagraphBreak = " ¶ ";

    private static readonly Lazy<SiteConfig> Config = new(() => SiteConfig.Default with
    {
        Zone = SiteConfigParser.Parse(File.ReadAllText(Path.Combine(RepositoryRoot.Path, "site-config.yml"))).Value.Zone,
    });

    public sealed record Example(string File, int Line, string Anchor, string Paragraph, string Outcome)
    {
        public override string ToString() => $"{File}:{Line}";
    }

    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var example in All())
        {
            data.Add(example.File, example.Line);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_extracts_as_specified(string file, int line)
    {
        var example = All().Single(e => e.File == file && e.Line == line);
        var extraction = Extract(example);
        var words = example.Outcome.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var actual = Describe(extraction);
        switch (words)
        {
            case ["event", .. var rest]:
                var statement = extraction.Statements.FirstOrDefault();
                Assert.True(statement is not null, $"{example}: expected an event from «{example.Paragraph}», got {actual}");
                if (rest is ["planned"])
                {
                    Assert.True(statement.Planned, $"{example}: expected a planned event, got {actual}");
                }
                else if (rest is [var category])
                {
                    Assert.True(statement.Category == category, $"{example}: expected category {category}, got {actual}");
                }

                break;
            case ["dropped", var reason]:
                Assert.True(extraction.Statements.Count == 0 && extraction.Dropped.Any(d => BuildReport.Name(d.Reason) == reason),
                    $"{example}: expected the date dropped as {reason} in «{example.Paragraph}», got {actual}");
                break;
            default:
                Assert.Fail($"{example}: unknown outcome '{example.Outcome}' (event [planned|category] or dropped reason)");
                break;
        }
    }

    [Fact]
    public void Spec_files_cover_every_reason_the_event_rules_give()
    {
        var reasons = All().Select(e => e.Outcome).Where(o => o.StartsWith("dropped ", StringComparison.Ordinal)).Select(o => o[8..]).ToHashSet();
        foreach (var reason in new[] { DropReason.Byline, DropReason.Caption, DropReason.ReporterActivity, DropReason.Figure, DropReason.Opinion,
            DropReason.NoDevelopment, DropReason.NotAboutZone })
        {
            Assert.True(reasons.Contains(BuildReport.Name(reason)), $"expected an example dropped as {BuildReport.Name(reason)} in Specs/events");
        }
    }

    [Fact]
    public void Every_example_in_the_docs_is_a_spec_example()
    {
        var specs = All().Select(e => $"{e.Paragraph} {Arrow} {e.Outcome}").ToHashSet(StringComparer.Ordinal);
        var documented = File.ReadAllLines(Path.Combine(RepositoryRoot.Path, "docs", "ingestion.md"))
            .Where(l => l.StartsWith("    ", StringComparison.Ordinal) && l.Contains(Arrow, StringComparison.Ordinal))
            .Select(l => l.Trim()).ToList();
        Assert.True(documented.Count >= 15, $"expected the examples of docs/ingestion.md, found {documented.Count}");
        var missing = documented.Where(l => !specs.Contains(l)).ToList();
        Assert.True(missing.Count == 0, "expected every example of docs/ingestion.md in Specs/events; missing:\n" + string.Join("\n", missing));
    }

    private static ArticleExtraction Extract(Example example)
    {
        var blocks = example.Paragraph.Split(ParagraphBreak, StringSplitOptions.TrimEntries)
            .Select((text, i) => new TextBlock(text, BlockKind.Paragraph, i + 1)).ToList();
        var article = new Article("spec", "spec.txt", "spec", null, null, PartialDate.Parse(example.Anchor), MetadataOrigin.Config, "config", "zh-Hant",
            Script.Hant, "utf-8", ArticleFormat.Text, example.Paragraph.Length, [], blocks, [], CleaningStats.Empty);
        return EventExtractor.Extract(article, Config.Value).Value;
    }

    private static string Describe(ArticleExtraction extraction) =>
        string.Join("; ", extraction.Statements.Select(s => $"event {s.Expression.Text} {s.Category}{(s.Planned ? " planned" : "")}")
            .Concat(extraction.Dropped.Select(d => $"dropped {d.Expression} as {BuildReport.Name(d.Reason)} ({d.Detail})")))
        is { Length: > 0 } text ? text : "nothing (no date found)";

    private static List<Example> All()
    {
        var examples = new List<Example>();
        foreach (var path in Directory.EnumerateFiles(SpecFile.Folder("events"), "*.md").Order(StringComparer.Ordinal))
        {
            var file = Path.GetFileName(path);
            var lines = File.ReadAllLines(path);
            string? anchor = null;
            var inside = false;
            for (var i = 0; i < lines.Length; i++)
            {
                var text = lines[i].Trim();
                if (text == "```statements")
                {
                    (inside, anchor) = (true, null);
                }
                else if (inside && text == "```")
                {
                    inside = false;
                }
                else if (inside && text.StartsWith("anchor:", StringComparison.Ordinal))
                {
                    anchor = text["anchor:".Length..].Trim();
                }
                else if (inside && text.Length > 0)
                {
                    var arrow = text.LastIndexOf(Arrow, StringComparison.Ordinal);
                    if (arrow < 0 || anchor is null)
                    {
                        throw new FormatException($"{file}:{i + 1}: expected 'anchor: YYYY-MM-DD' first, then 'paragraph → outcome' lines");
                    }

                    examples.Add(new Example(file, i + 1, anchor, text[..arrow].Trim(), text[(arrow + 1)..].Trim()));
                }
            }
        }

        return examples;
    }
}
