using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Cuts an article block into plain text and sentences so that each sentence can carry its anchor id
/// (<see cref="Sentence.Anchor"/>). <see cref="Sentence.Block"/> is the 0-based index into <see cref="Article.Blocks"/>.
/// A sentence whose text is not found where it should be still gets an (empty) anchor, so source links never dangle.
/// </summary>
public static class ArticleText
{
    /// <summary>
    /// A piece of a block, as a range of its text: plain text (<see cref="Sentence"/> null), a sentence found there, or
    /// a sentence not found (<see cref="Length"/> 0).
    /// </summary>
    public readonly record struct Piece(int Start, int Length, Sentence? Sentence)
    {
        /// <summary>The piece's text: the sentence's own text, or the slice of <paramref name="block"/>'s text.</summary>
        public string Text(string block) => Length == 0 ? string.Empty : Sentence?.Text ?? block.Substring(Start, Length);
    }

    /// <summary>The sentences in the order <see cref="Pieces"/> takes them: by offset, then index.</summary>
    public static IEnumerable<Sentence> InTextOrder(IEnumerable<Sentence> sentences) => sentences.OrderBy(s => s.Offset).ThenBy(s => s.Index);

    /// <summary>Fills <paramref name="pieces"/> (cleared first) with the pieces of <paramref name="text"/>; <paramref name="ordered"/> in <see cref="InTextOrder"/>.</summary>
    public static void Pieces(string text, ReadOnlySpan<Sentence> ordered, List<Piece> pieces)
    {
        pieces.Clear();
        var cursor = 0;
        foreach (var sentence in ordered)
        {
            var start = Locate(text, sentence, cursor);
            if (start < 0)
            {
                pieces.Add(new Piece(cursor, 0, sentence));
                continue;
            }

            if (start > cursor)
            {
                pieces.Add(new Piece(cursor, start - cursor, null));
            }

            pieces.Add(new Piece(start, sentence.Text.Length, sentence));
            cursor = start + sentence.Text.Length;
        }

        if (cursor < text.Length)
        {
            pieces.Add(new Piece(cursor, text.Length - cursor, null));
        }
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
