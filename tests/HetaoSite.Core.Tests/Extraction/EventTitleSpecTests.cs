using HetaoSite.Core.Extraction;
using HetaoSite.Core.Tests.TestSupport;

namespace HetaoSite.Core.Tests.Extraction;

/// <summary>
/// Runs every example of Specs/titles/*.md: the paragraph is split into sentences as an article's block would be; for
/// each <c>expression | title</c> line the expression (its first occurrence) is titled with its sentence's neighbours,
/// and the title must be the one written, and a headline by <see cref="TitleFaults"/>.
/// </summary>
public sealed class EventTitleSpecTests
{
    public static IEnumerable<object[]> Examples => SpecFile.Rows("titles");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_is_titled_as_specified(string file, int index)
    {
        var example = SpecFile.Load(Path.Combine(SpecFile.Folder("titles"), file)).Examples[index];
        var sentences = SentenceSplitter.Split(example.Input, 0);
        Assert.True(example.Expected.Count > 0, $"{example.Location}: no 'expression | title' line");
        foreach (var line in example.Expected)
        {
            var parts = line.Split('|', 2, StringSplitOptions.TrimEntries);
            Assert.True(parts.Length == 2, $"{example.Location}: expected 'expression | title', got '{line}'");
            var (expression, expected) = (parts[0], parts[1]);
            var at = example.Input.IndexOf(expression, StringComparison.Ordinal);
            Assert.True(at >= 0, $"{example.Location}: '{expression}' is not in the input");

            var s = sentences.Last(x => x.Offset <= at);
            var previous = sentences.FirstOrDefault(x => x.Index == s.Index - 1)?.Text;
            var next = sentences.FirstOrDefault(x => x.Index == s.Index + 1)?.Text;
            var title = EventTitles.From(s.Text, at - s.Offset, expression.Length, previous, next);

            Assert.True(expected == title, $"{example.Location}\nsentence: {s.Text}\nexpression: {expression}\nexpected: {expected}\nactual:   {title}");
            var faults = TitleFaults.Of(expected);
            Assert.True(faults.Count == 0, $"{example.Location}: the expected title '{expected}' is not a headline: {string.Join(", ", faults.Select(TitleFaults.Describe))}");
        }
    }

    [Fact]
    public void Spec_files_hold_at_least_35_examples()
    {
        var count = SpecFile.Rows("titles").Count();
        Assert.True(count >= 35, $"expected at least 35 title examples, found {count}");
    }
}
