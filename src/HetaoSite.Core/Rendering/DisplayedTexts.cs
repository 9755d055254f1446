using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// The texts of one article that the build later converts to the other script (<see cref="Conversion.Scripts"/>): what <see cref="SiteModel"/>,
/// <see cref="SearchIndex"/>, <see cref="TimelineJs"/> and the feeds pass to <see cref="Rendition.Text"/> (title,
/// outlet, each piece of <see cref="ArticleText.Pieces"/> per block, sentences, event titles, the quoted date
/// expressions, and the dropped dates and their sentences that the page's report quotes) and what the merge normalises (<see cref="Timeline.TextKey.Normalise"/> of statement titles).
/// </summary>
/// <remarks>
/// The per-article stage converts these once, in one direction, in parallel, and the article cache keeps the results
/// (<see cref="ScriptTexts"/>), so a rebuild converts only texts that changed. The texts shown beyond the article's own
/// page and those of its page's object come first (<see cref="Head"/>: title, outlet, what its statements quote, the
/// dropped dates its report quotes), so a build can take their conversions for every article without splitting every
/// article's text into segments, and can build the page's object (to tell whether the page changed) without them; the
/// rest, the article's text, is needed only when the article's page is rendered. Missing a text here costs only speed (it
/// is converted when shown); listing one too many costs a conversion. Each text is the exact string later converted,
/// never a block that is sliced afterwards: OpenCC matches phrases, so a slice of a converted block can differ.
/// </remarks>
public static class DisplayedTexts
{
    /// <summary>The distinct non-empty texts of <paramref name="extraction"/>, in a fixed order (first occurrence): <see cref="Head"/>, then the page's segments and sentences.</summary>
    public static IReadOnlyList<string> Of(ArticleExtraction extraction)
    {
        var blocks = extraction.Article.Blocks;
        var sentences = extraction.Sentences;
        var (texts, seen) = HeadAndSeen(extraction, blocks.Count + (2 * sentences.Count));

        void Add(string? text)
        {
            if (!string.IsNullOrEmpty(text) && seen.Add(text))
            {
                texts.Add(text);
            }
        }

        // Each block's sentences in text order, as the page shows them (a sentence whose block is out of range counts
        // in the nearest block).
        var ordered = InBlockOrder(sentences, blocks.Count);
        var pieces = new List<ArticleText.Piece>();
        var next = 0;
        for (var i = 0; i < blocks.Count; i++)
        {
            var first = next;
            while (next < ordered.Length && BlockOf(ordered[next], blocks.Count) == i)
            {
                next++;
            }

            var text = blocks[i].Text;
            ArticleText.Pieces(text, ordered.AsSpan(first, next - first), pieces);
            foreach (var piece in pieces)
            {
                Add(piece.Text(text));
            }
        }

        foreach (var sentence in sentences)
        {
            Add(sentence.Text);
        }

        return texts;
    }

    private static int BlockOf(Sentence sentence, int blocks) => Math.Clamp(sentence.Block, 0, Math.Max(0, blocks - 1));

    /// <summary>
    /// The sentences by block, then in <see cref="ArticleText.InTextOrder"/> (offset, then index), ties in their given
    /// order. They nearly always come in that order already, and are then only copied.
    /// </summary>
    internal static Sentence[] InBlockOrder(IReadOnlyList<Sentence> sentences, int blocks)
    {
        int Compare(Sentence a, Sentence b)
        {
            var order = BlockOf(a, blocks).CompareTo(BlockOf(b, blocks));
            order = order != 0 ? order : a.Offset.CompareTo(b.Offset);
            return order != 0 ? order : a.Index.CompareTo(b.Index);
        }

        var ordered = new Sentence[sentences.Count];
        var inOrder = true;
        for (var i = 0; i < ordered.Length; i++)
        {
            ordered[i] = sentences[i];
            inOrder = inOrder && (i == 0 || Compare(ordered[i - 1], ordered[i]) <= 0);
        }

        if (!inOrder)
        {
            var positions = Enumerable.Range(0, ordered.Length).ToArray();
            Array.Sort(positions, (a, b) => Compare(sentences[a], sentences[b]) is var order && order != 0 ? order : a.CompareTo(b));
            for (var i = 0; i < positions.Length; i++)
            {
                ordered[i] = sentences[positions[i]];
            }
        }

        return ordered;
    }

    /// <summary>
    /// The first texts of <see cref="Of"/>: the article's title and outlet and its statements' titles, sentences and date
    /// expressions — everything the timeline, feeds, data files and search index show of it — and the dropped dates and
    /// their sentences, which its page's report quotes.
    /// </summary>
    public static IReadOnlyList<string> Head(ArticleExtraction extraction) => HeadAndSeen(extraction, 0).Texts;

    /// <param name="more">How many more texts the caller may add (room is made for them).</param>
    private static (List<string> Texts, HashSet<string> Seen) HeadAndSeen(ArticleExtraction extraction, int more)
    {
        var capacity = 2 + (3 * extraction.Statements.Count) + (2 * extraction.Dropped.Count) + more;
        var texts = new List<string>(capacity);
        var seen = new HashSet<string>(capacity, StringComparer.Ordinal);

        void Add(string? text)
        {
            if (!string.IsNullOrEmpty(text) && seen.Add(text))
            {
                texts.Add(text);
            }
        }

        Add(extraction.Article.Title);
        Add(extraction.Article.Outlet);
        foreach (var statement in extraction.Statements)
        {
            Add(statement.Title);
            Add(statement.Sentence.Text);
            Add(statement.Expression.Text);
        }

        // The article page's report quotes each dropped date and its sentence.
        foreach (var dropped in extraction.Dropped)
        {
            Add(dropped.Sentence);
            Add(dropped.Expression);
        }

        return (texts, seen);
    }
}
