using System.Net;
using System.Text;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Extraction;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Headings in Chinese are styled <c>word-break: keep-all</c> (no break between two ideographs), so a line may break
/// only at punctuation, spaces and the <c>&lt;wbr&gt;</c> this class inserts at phrase boundaries: before and after a
/// name of the zone's gazetteer (site-config.yml <c>zone:</c>), before 《 and after 》, and before and after a run of
/// Latin letters. 「河套深港科技創新合作區大事記」 → 「河套深港科技創新合作區&lt;wbr&gt;大事記」. Deterministic: the same text
/// gives the same markup. The result is HTML: the text escaped, with the <c>&lt;wbr&gt;</c> elements.
/// </summary>
public sealed class HeadingBreaks
{
    private const string Wbr = "<wbr>";

    // Longest first, so that 河套深港科技創新合作區 wins over 河套 at the same place.
    private readonly string[] _names;

    /// <param name="names">Names in either script (compared after folding to Simplified); Latin names are ignored,
    /// Latin runs get their own breaks.</param>
    public HeadingBreaks(IEnumerable<string> names) =>
        _names = [.. names.Where(n => n.Any(ChineseText.IsHan)).Select(ScriptFold.Fold).Distinct(StringComparer.Ordinal).OrderByDescending(n => n.Length)];

    /// <summary>The places (0 &lt; i &lt; length) before which a break is inserted, in ascending order.</summary>
    public SortedSet<int> BreakPoints(string text)
    {
        var points = new SortedSet<int>();
        var folded = ScriptFold.Fold(text);
        var covered = new bool[text.Length];
        foreach (var name in _names)
        {
            for (var at = folded.IndexOf(name, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (covered.AsSpan(at, name.Length).Contains(true))
                {
                    continue;
                }

                covered.AsSpan(at, name.Length).Fill(true);
                points.Add(at);
                points.Add(at + name.Length);
            }
        }

        for (var i = 1; i < text.Length; i++)
        {
            var (before, after) = (text[i - 1], text[i]);
            if (after == '《' || before == '》' || IsLatin(before) != IsLatin(after) && (ChineseText.IsHan(before) || ChineseText.IsHan(after)))
            {
                points.Add(i);
            }
        }

        // Where the text itself allows a break (at a space or punctuation), or at its ends, a <wbr> adds nothing.
        points.RemoveWhere(i => i <= 0 || i >= text.Length || !IsWord(text[i - 1]) && text[i - 1] != '》' || !IsWord(text[i]) && text[i] != '《');
        return points;
    }

    /// <summary>The text HTML-escaped, with a <c>&lt;wbr&gt;</c> at each of its <see cref="BreakPoints"/>.</summary>
    public string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length + 16);
        var last = 0;
        foreach (var point in BreakPoints(text))
        {
            builder.Append(WebUtility.HtmlEncode(text[last..point])).Append(Wbr);
            last = point;
        }

        return builder.Append(WebUtility.HtmlEncode(text[last..])).ToString();
    }

    private static bool IsLatin(char c) => char.IsAsciiLetter(c);

    private static bool IsWord(char c) => ChineseText.IsHan(c) || char.IsAsciiLetterOrDigit(c);
}
