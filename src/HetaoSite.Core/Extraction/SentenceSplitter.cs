using System.Buffers;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Splits article blocks into sentences at 。！？； (and their half-width forms) and at an English full stop followed by a
/// new sentence (see <see cref="EndsEnglishSentence"/>), keeping closing quotes and brackets with
/// the sentence they close, and never splitting inside a matched quotation (「…」, “…”, 『…』, 《…》). Each sentence keeps its
/// exact displayed text and its offset in the block, which is what provenance links point at.
/// </summary>
/// <example>"2024年6月，集聚區成立。同月，科創中心開園。" → ["2024年6月，集聚區成立。" @0, "同月，科創中心開園。" @13].</example>
public static class SentenceSplitter
{
    private const string Terminators = "。！？；!?;.";
    private static readonly SearchValues<char> Breaks = SearchValues.Create(Terminators + "\n");
    private static readonly SearchValues<char> QuoteOpeners = SearchValues.Create("「『“《‘");
    private const string Closers = "」』”’）)】》〉\"'";
    private static readonly Dictionary<char, char> QuotePairs = new()
    {
        ['「'] = '」', ['『'] = '』', ['“'] = '”', ['《'] = '》', ['‘'] = '’',
    };

    /// <param name="cancellation">Checked at every sentence; the article's time limit (see <see cref="ArticleProcessor"/>).</param>
    public static IReadOnlyList<Sentence> Split(IReadOnlyList<TextBlock> blocks, CancellationToken cancellation = default)
    {
        var sentences = new List<Sentence>();
        for (var b = 0; b < blocks.Count; b++)
        {
            Split(blocks[b].Text, b, sentences, cancellation);
        }

        return sentences;
    }

    /// <summary>The sentences of one block's text.</summary>
    public static IReadOnlyList<Sentence> Split(string text, int block, CancellationToken cancellation = default)
    {
        var sentences = new List<Sentence>();
        Split(text, block, sentences, cancellation);
        return sentences;
    }

    /// <summary>Adds the sentences of one block's text to <paramref name="sentences"/>, numbered from 0 in the block.</summary>
    private static void Split(string text, int block, List<Sentence> sentences, CancellationToken cancellation)
    {
        cancellation.ThrowIfCancellationRequested();
        var first = sentences.Count;
        var protectedSpans = ArrayPool<bool>.Shared.Rent(text.Length);
        MatchedQuotes(text, protectedSpans.AsSpan(0, text.Length));
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            // Jump to the next newline or terminator (a vectorised search); nothing else can end a sentence.
            var next = text.AsSpan(i).IndexOfAny(Breaks);
            if (next < 0)
            {
                break;
            }

            i += next;
            var isBreak = text[i] == '\n' || (!protectedSpans[i] && (text[i] != '.' || EndsEnglishSentence(text, i)));
            if (!isBreak)
            {
                continue;
            }

            var end = i + 1;
            while (end < text.Length && Closers.Contains(text[end]))
            {
                end++;
            }

            cancellation.ThrowIfCancellationRequested();
            Add(text, start, end, block, sentences, first);
            start = end;
            i = end - 1;
        }

        ArrayPool<bool>.Shared.Return(protectedSpans);
        Add(text, start, text.Length, block, sentences, first);
    }

    // Words that end with a full stop without ending the sentence: titles, months, company forms, "No. 5".
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "Mr", "Mrs", "Ms", "Dr", "Prof", "Sr", "Jr", "St", "No", "Nos", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep",
        "Sept", "Oct", "Nov", "Dec", "Co", "Corp", "Inc", "Ltd", "Gov", "Govt", "Dept", "Sen", "Rep", "Gen", "Lt", "Col", "Capt",
        "vs", "etc", "al", "Fig", "approx", "est", "Mt", "Ave", "Rd",
    };

    /// <summary>
    /// A full stop ends an English sentence when a space and a capital (or an opening quote) follow it and it does not
    /// close an abbreviation or an initial ("Mr.", "Nov.", "U.S.", "J. Lee"); 3.89 and 河套.com never qualify.
    /// </summary>
    private static bool EndsEnglishSentence(string text, int dot)
    {
        var after = dot + 1;
        if (after >= text.Length || text[after] != ' ')
        {
            return false;
        }

        while (after < text.Length && text[after] == ' ')
        {
            after++;
        }

        if (after >= text.Length || !(char.IsAsciiLetterUpper(text[after]) || text[after] is '"' or '“' or '‘'))
        {
            return false;
        }

        var previous = text[dot - 1 < 0 ? 0 : dot - 1];
        if (dot == 0 || !char.IsAsciiLetter(previous))
        {
            return dot > 0 && (char.IsAsciiDigit(previous) || previous is ')' or '"' or '”' or '’' or '%');
        }

        var wordStart = dot;
        while (wordStart > 0 && char.IsAsciiLetter(text[wordStart - 1]))
        {
            wordStart--;
        }

        var word = text[wordStart..dot];
        return word.Length > 1 && !Abbreviations.Contains(word) && (wordStart == 0 || text[wordStart - 1] != '.');
    }

    /// <summary>The sentence of <paramref name="sentences"/> (all of one block) that contains the character at <paramref name="offset"/>.</summary>
    public static Sentence? At(IReadOnlyList<Sentence> sentences, int block, int offset)
    {
        Sentence? found = null;
        foreach (var sentence in sentences)
        {
            if (sentence.Block == block && sentence.Offset <= offset)
            {
                found = sentence;
            }
        }

        return found;
    }

    private static void Add(string text, int start, int end, int block, List<Sentence> sentences, int first)
    {
        while (start < end && char.IsWhiteSpace(text[start]))
        {
            start++;
        }

        while (end > start && char.IsWhiteSpace(text[end - 1]))
        {
            end--;
        }

        if (end > start)
        {
            sentences.Add(new Sentence(block, sentences.Count - first, start, text[start..end]));
        }
    }

    // Marks characters inside a quotation whose closing mark exists, so a 。 inside 「…。」 does not end the sentence.
    // Unclosed quotes protect nothing: a stray 「 must not glue a whole paragraph into one sentence.
    private static void MatchedQuotes(string text, Span<bool> inside)
    {
        inside.Clear();
        for (var i = 0; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny(QuoteOpeners);
            if (next < 0)
            {
                break;
            }

            i += next;
            var close = QuotePairs[text[i]];

            var end = text.IndexOf(close, i + 1);
            if (end < 0 || end - i > 400)
            {
                continue;
            }

            for (var k = i + 1; k < end; k++)
            {
                inside[k] = true;
            }

            i = end;
        }
    }
}
