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
/// page come first (<see cref="Head"/>: title, outlet, what its statements quote), so a build can take their
/// conversions for every article without splitting every article's text into segments; the rest is needed only when
/// the article's page is rendered. Missing a text here costs only speed (it
/// is converted when shown); listing one too many costs a conversion. Each text is the exact string later converted,
/// never a block that is sliced afterwards: OpenCC matches phrases, so a slice of a converted block can differ.
/// </remarks>
public static class DisplayedTexts
{
    /// <summary>The distinct non-empty texts of <paramref name="extraction"/>, in a fixed order (first occurrence): <see cref="Head"/>, then the page's segments, sentences and dropped dates.</summary>
    public static IReadOnlyList<string> Of(ArticleExtraction extraction)
    {
        var (texts, seen) = HeadAndSeen(extraction);

        void Add(string? text)
        {
            if (!string.IsNullOrEmpty(text) && seen.Add(text))
            {
                texts.Add(text);
            }
        }

        var blocks = extraction.Article.Blocks;
        var byBlock = extraction.Sentences.ToLookup(s => Math.Clamp(s.Block, 0, Math.Max(0, blocks.Count - 1)));
        var pieces = new List<ArticleText.Piece>();
        for (var i = 0; i < blocks.Count; i++)
        {
            var text = blocks[i].Text;
            ArticleText.Pieces(text, [.. ArticleText.InTextOrder(byBlock[i])], pieces);
            foreach (var piece in pieces)
            {
                Add(piece.Text(text));
            }
        }

        foreach (var sentence in extraction.Sentences)
        {
            Add(sentence.Text);
        }

        // The article page's report quotes each dropped date and its sentence.
        foreach (var dropped in extraction.Dropped)
        {
            Add(dropped.Sentence);
            Add(dropped.Expression);
        }

        return texts;
    }

    /// <summary>
    /// The first texts of <see cref="Of"/>: the article's title and outlet and its statements' titles, sentences and date
    /// expressions — everything the timeline, feeds, data files and search index show of it.
    /// </summary>
    public static IReadOnlyList<string> Head(ArticleExtraction extraction) => HeadAndSeen(extraction).Texts;

    private static (List<string> Texts, HashSet<string> Seen) HeadAndSeen(ArticleExtraction extraction)
    {
        var texts = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in Heads(extraction))
        {
            if (!string.IsNullOrEmpty(text) && seen.Add(text))
            {
                texts.Add(text);
            }
        }

        return (texts, seen);
    }

    private static IEnumerable<string?> Heads(ArticleExtraction extraction)
    {
        yield return extraction.Article.Title;
        yield return extraction.Article.Outlet;
        foreach (var statement in extraction.Statements)
        {
            yield return statement.Title;
            yield return statement.Sentence.Text;
            yield return statement.Expression.Text;
        }
    }
}
