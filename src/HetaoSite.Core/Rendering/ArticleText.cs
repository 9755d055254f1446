using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Cuts an article block into plain text and sentences so that each sentence can carry its anchor id
/// (<see cref="Sentence.Anchor"/>). <see cref="Sentence.Block"/> is the 0-based index into <see cref="Article.Blocks"/>.
/// A sentence whose text is not found where it should be still gets an (empty) anchor, so source links never dangle.
/// </summary>
public static class ArticleText
{
    /// <summary>A piece of a block: plain text (<see cref="Sentence"/> null) or one sentence.</summary>
    public sealed record Segment(string Text, Sentence? Sentence);

    public static IReadOnlyList<Segment> Split(string text, IEnumerable<Sentence> sentences)
    {
        var result = new List<Segment>();
        var cursor = 0;
        foreach (var sentence in sentences.OrderBy(s => s.Offset).ThenBy(s => s.Index))
        {
            var start = Locate(text, sentence, cursor);
            if (start < 0)
            {
                result.Add(new Segment(string.Empty, sentence));
                continue;
            }

            if (start > cursor)
            {
                result.Add(new Segment(text[cursor..start], null));
            }

            result.Add(new Segment(sentence.Text, sentence));
            cursor = start + sentence.Text.Length;
        }

        if (cursor < text.Length)
        {
            result.Add(new Segment(text[cursor..], null));
        }

        return result;
    }

    private static int Locate(string text, Sentence sentence, int cursor)
    {
        if (sentence.Text.Length == 0)
        {
            return -1;
        }

        if (sentence.Offset >= cursor && sentence.Offset + sentence.Text.Length <= text.Length
            && string.CompareOrdinal(text, sentence.Offset, sentence.Text, 0, sentence.Text.Length) == 0)
        {
            return sentence.Offset;
        }

        return cursor <= text.Length ? text.IndexOf(sentence.Text, cursor, StringComparison.Ordinal) : -1;
    }
}
