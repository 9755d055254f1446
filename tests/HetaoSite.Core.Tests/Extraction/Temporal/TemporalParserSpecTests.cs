using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;
using HetaoSite.Core.Tests.TestSupport;
using Xunit;

namespace HetaoSite.Core.Tests.Extraction.Temporal;

/// <summary>
/// Runs every example of Specs/dates/*.md. Expected lines: <c>date[..end] | precision | expression [| flags]</c>,
/// where flags (optional) is "relative", "approximate", both, or "-"; <c>rejected: Reason | text</c> lines must appear
/// among the rejected expressions. No expected date line means the parser must find no date.
/// </summary>
public sealed class TemporalParserSpecTests
{
    private const string RejectedPrefix = "rejected:";

    public static IEnumerable<object[]> Examples => SpecFile.Rows("dates");

    [Theory]
    [MemberData(nameof(Examples))]
    public void Example_parses_as_specified(string file, int index)
    {
        var example = SpecFile.Load(Path.Combine(SpecFile.Folder("dates"), file)).Examples[index];
        Assert.True(PartialDate.TryParse(example.Anchor, out var anchor), $"{example.Location}: bad anchor '{example.Anchor}'");

        var parse = TemporalParser.Parse(example.Input, anchor);

        var expectedDates = example.Expected.Where(l => !l.StartsWith(RejectedPrefix, StringComparison.Ordinal)).ToList();
        var actualDates = parse.Dates.Select((d, i) => Format(d, i < expectedDates.Count && HasFlags(expectedDates[i]))).ToList();
        var expectedText = string.Join('\n', expectedDates.Select(Normalize));
        var actualText = string.Join('\n', actualDates);
        Assert.True(
            expectedText == actualText,
            $"{example.Location}\ninput:    {example.Input}\nanchor:   {example.Anchor}\nexpected:\n{Indent(expectedText)}\nactual:\n{Indent(actualText)}\nrejected: {string.Join(", ", parse.Rejected.Select(r => $"{r.Reason} '{r.Text}'"))}");

        foreach (var line in example.Expected.Where(l => l.StartsWith(RejectedPrefix, StringComparison.Ordinal)))
        {
            var parts = line[RejectedPrefix.Length..].Split('|', 2, StringSplitOptions.TrimEntries);
            var found = parse.Rejected.Any(r => r.Reason.ToString() == parts[0] && (parts.Length < 2 || r.Text == parts[1]));
            Assert.True(
                found,
                $"{example.Location}\ninput:    {example.Input}\nexpected rejection: {parts[0]} '{(parts.Length > 1 ? parts[1] : "*")}'\nactual rejections:  {string.Join(", ", parse.Rejected.Select(r => $"{r.Reason} '{r.Text}'"))}");
        }
    }

    [Fact]
    public void Spec_files_hold_at_least_180_examples()
    {
        var count = SpecFile.Rows("dates").Count();
        Assert.True(count >= 180, $"expected at least 180 date examples, found {count}");
    }

    private static bool HasFlags(string expected) => expected.Split('|').Length >= 4;

    private static string Normalize(string expected) =>
        string.Join(" | ", expected.Split('|', StringSplitOptions.TrimEntries));

    private static string Format(TemporalExpression date, bool withFlags)
    {
        var value = date.End is { } end ? $"{date.Date}..{end}" : date.Date.ToString();
        var line = $"{value} | {date.Precision.ToString().ToLowerInvariant()} | {date.Text}";
        if (!withFlags)
        {
            return line;
        }

        var flags = string.Join(' ', new[] { date.Relative ? "relative" : null, date.Approximate ? "approximate" : null }.OfType<string>());
        return $"{line} | {(flags.Length == 0 ? "-" : flags)}";
    }

    private static string Indent(string text) => text.Length == 0 ? "  (none)" : "  " + text.Replace("\n", "\n  ", StringComparison.Ordinal);
}
