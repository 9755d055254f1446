using System.Globalization;
using System.Text;
using HetaoSite.Core.Conversion;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Folds Traditional characters to Simplified ones, one character for one, so that the index stores one form of each
/// bigram and a query typed in either script finds a text shown in either. The map is made at build time from OpenCC:
/// every character of the indexed texts is converted on its own, and those that come out as one other character are
/// kept (「發」→「发」, 「區」→「区」). Simplified is the side many Traditional characters meet on, so folding that way never
/// splits what either script writes alike. search.js applies the same map (shipped in the manifest) to queries and texts.
/// Lower-casing comes first, as in <see cref="SearchIndex.Bigrams"/>.
/// </summary>
public sealed class SearchFold
{
    private readonly char[]? _map;

    private SearchFold(IReadOnlyList<(char From, char To)> pairs)
    {
        Pairs = pairs;
        if (pairs.Count > 0)
        {
            _map = new char[char.MaxValue + 1];
            for (var c = 0; c <= char.MaxValue; c++)
            {
                _map[c] = (char)c;
            }

            foreach (var (from, to) in pairs)
            {
                _map[from] = to;
            }
        }
    }

    /// <summary>No folding: a site rendered in one script only.</summary>
    public static SearchFold None { get; } = new([]);

    /// <summary>Each folded character and what it folds to, in code point order.</summary>
    public IReadOnlyList<(char From, char To)> Pairs { get; }

    /// <summary>
    /// The map for <paramref name="texts"/>: each of their letters (outside ASCII, not a surrogate) that the converter
    /// turns into one different letter. Without a converter, nothing is folded.
    /// </summary>
    public static SearchFold Build(IEnumerable<string> texts, IScriptConverter? converter)
    {
        if (converter is null)
        {
            return None;
        }

        var seen = new bool[char.MaxValue + 1];
        foreach (var text in texts)
        {
            foreach (var c in text)
            {
                seen[c] = true;
            }
        }

        var letters = new List<string>();
        for (var c = 0x80; c <= char.MaxValue; c++)
        {
            if (seen[c] && !char.IsSurrogate((char)c) && char.IsLetter((char)c))
            {
                letters.Add(((char)c).ToString());
            }
        }

        var converted = converter.ToSimplifiedAll(letters);
        var pairs = new List<(char, char)>();
        for (var i = 0; i < letters.Count; i++)
        {
            var to = converted[i];
            if (to.Length == 1 && to[0] != letters[i][0] && char.IsLetter(to[0]) && !char.IsSurrogate(to[0]))
            {
                pairs.Add((letters[i][0], to[0]));
            }
        }

        // A character that folds to one that folds again goes straight to the last (folding twice changes nothing).
        var map = pairs.ToDictionary(p => p.Item1, p => p.Item2);
        var resolved = new List<(char, char)>(pairs.Count);
        foreach (var (from, first) in pairs)
        {
            var to = first;
            for (var step = 0; step < 4 && map.TryGetValue(to, out var next) && next != from; step++)
            {
                to = next;
            }

            resolved.Add((from, to));
        }

        return new SearchFold(resolved);
    }

    /// <summary>Folds <paramref name="text"/> (already lower-cased) in place.</summary>
    public void Apply(Span<char> text)
    {
        if (_map is null)
        {
            return;
        }

        for (var i = 0; i < text.Length; i++)
        {
            text[i] = _map[text[i]];
        }
    }

    /// <summary><paramref name="text"/> lower-cased and folded.</summary>
    public string Fold(string text)
    {
        var chars = text.ToLower(CultureInfo.InvariantCulture).ToCharArray();
        Apply(chars);
        return new string(chars);
    }

    /// <summary>The map as two strings of equal length, character <c>i</c> of the first folding to character <c>i</c> of the second.</summary>
    public (string From, string To) AsStrings()
    {
        var from = new StringBuilder(Pairs.Count);
        var to = new StringBuilder(Pairs.Count);
        foreach (var (f, t) in Pairs)
        {
            from.Append(f);
            to.Append(t);
        }

        return (from.ToString(), to.ToString());
    }
}
