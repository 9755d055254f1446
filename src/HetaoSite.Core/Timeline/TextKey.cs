using System.Text;
using HetaoSite.Core.Conversion;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// Script- and punctuation-blind keys for comparing statements: the text in Simplified script (when a converter is
/// available), letters and digits only, as a set of character bigrams.
/// </summary>
/// <remarks>
/// The merger compares hundreds of thousands of titles, so it uses the packed form (<see cref="BigramCodes"/>): each
/// bigram is its two UTF-16 code units in one <see cref="long"/>, a sorted array instead of a set of strings. The packing
/// is one-to-one, so every count and every similarity is exactly that of the string sets.
/// </remarks>
public static class TextKey
{
    // A one-character text is its own "bigram"; this bit keeps its code apart from every two-character code.
    private const long SingleCharacter = 1L << 32;

    /// <summary>"河套科創中心，正式開園！" → "河套科创中心正式开园" (with a converter).</summary>
    public static string Normalise(string text, IScriptConverter? converter)
    {
        var simplified = converter?.ToSimplified(text) ?? text;
        var builder = new StringBuilder(simplified.Length);
        Span<char> buffer = stackalloc char[2];
        foreach (var rune in simplified.EnumerateRunes())
        {
            if (!Rune.IsLetterOrDigit(rune))
            {
                continue;
            }

            // CJK ideographs have no case and ASCII is trivial; only the rest needs the (slow) Unicode case tables.
            if (rune.Value is >= 0x4E00 and <= 0x9FFF or >= 0x3400 and <= 0x4DBF)
            {
                builder.Append((char)rune.Value);
            }
            else if (rune.IsAscii)
            {
                builder.Append(char.ToLowerInvariant((char)rune.Value));
            }
            else
            {
                var written = Rune.ToLowerInvariant(rune).EncodeToUtf16(buffer);
                builder.Append(buffer[..written]);
            }
        }

        return builder.ToString();
    }

    public static HashSet<string> Bigrams(string normalised)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < normalised.Length; i++)
        {
            set.Add(normalised.Substring(i, 2));
        }

        if (set.Count == 0 && normalised.Length > 0)
        {
            set.Add(normalised);
        }

        return set;
    }

    /// <summary>
    /// The same set as <see cref="Bigrams"/>, packed: distinct codes in ascending order, one per bigram.
    /// </summary>
    /// <example>"河套河套" → the codes of "河套" and "套河" (two, not three).</example>
    public static long[] BigramCodes(string normalised)
    {
        if (normalised.Length == 1)
        {
            return [SingleCharacter | normalised[0]];
        }

        if (normalised.Length == 0)
        {
            return [];
        }

        var codes = new long[normalised.Length - 1];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = ((long)normalised[i] << 16) | normalised[i + 1];
        }

        Array.Sort(codes);
        var distinct = 1;
        for (var i = 1; i < codes.Length; i++)
        {
            if (codes[i] != codes[distinct - 1])
            {
                codes[distinct++] = codes[i];
            }
        }

        return distinct == codes.Length ? codes : codes[..distinct];
    }

    /// <summary>Sørensen–Dice similarity of two bigram sets, 0..1.</summary>
    public static double Dice(HashSet<string> a, HashSet<string> b)
    {
        if (a.Count == 0 || b.Count == 0)
        {
            return 0;
        }

        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        var shared = small.Count(large.Contains);
        return 2.0 * shared / (a.Count + b.Count);
    }

    /// <summary>Sørensen–Dice similarity of two packed bigram sets from <see cref="BigramCodes"/>, 0..1.</summary>
    public static double Dice(ReadOnlySpan<long> a, ReadOnlySpan<long> b)
    {
        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        var shared = 0;
        int i = 0, j = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] < b[j])
            {
                i++;
            }
            else if (a[i] > b[j])
            {
                j++;
            }
            else
            {
                shared++;
                i++;
                j++;
            }
        }

        return 2.0 * shared / (a.Length + b.Length);
    }
}
