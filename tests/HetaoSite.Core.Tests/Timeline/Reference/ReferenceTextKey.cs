using System.Text;
using HetaoSite.Core.Conversion;

namespace HetaoSite.Core.Tests.Timeline.Reference;

/// <summary>
/// Script- and punctuation-blind keys for comparing statements: the text in Simplified script (when a converter is
/// available), letters and digits only, as a set of character bigrams.
/// </summary>
internal static class ReferenceTextKey
{
    /// <summary>"河套科創中心，正式開園！" → "河套科创中心正式开园" (with a converter).</summary>
    public static string Normalise(string text, IScriptConverter? converter)
    {
        var simplified = converter?.ToSimplified(text) ?? text;
        var builder = new StringBuilder(simplified.Length);
        foreach (var rune in simplified.EnumerateRunes())
        {
            if (Rune.IsLetterOrDigit(rune))
            {
                builder.Append(Rune.ToLowerInvariant(rune).ToString());
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
}
