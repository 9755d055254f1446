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
    public IReadOnlyList<int> BreakPoints(string text)
    {
        var marks = new bool[text.Length];
        Mark(text, marks);
        var points = new List<int>();
        for (var i = 0; i < marks.Length; i++)
        {
            if (marks[i])
            {
                points.Add(i);
            }
        }

        return points;
    }

    /// <summary>The text HTML-escaped, with a <c>&lt;wbr&gt;</c> at each of its <see cref="BreakPoints"/>.</summary>
    public string Html(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        // Titles are short: their marks fit on the stack, and the text is escaped piece by piece only when escaping changes it.
        Span<bool> marks = text.Length <= 512 ? stackalloc bool[text.Length] : new bool[text.Length];
        Mark(text, marks);
        var count = marks.Count(true);
        var escaped = WebUtility.HtmlEncode(text);
        if (count == 0)
        {
            return escaped;
        }

        var builder = new StringBuilder(text.Length + (count * Wbr.Length) + 16);
        var last = 0;
        for (var point = 1; point < text.Length; point++)
        {
            if (marks[point])
            {
                Append(builder, text, last, point, escaped);
                builder.Append(Wbr);
                last = point;
            }
        }

        Append(builder, text, last, text.Length, escaped);
        return builder.ToString();
    }

    /// <summary>The text from <paramref name="start"/> to <paramref name="end"/>, HTML-escaped.</summary>
    /// <param name="escaped">The whole text escaped: the very same string when escaping leaves it as it is.</param>
    private static void Append(StringBuilder builder, string text, int start, int end, string escaped)
    {
        if (ReferenceEquals(escaped, text))
        {
            builder.Append(text, start, end - start);
        }
        else
        {
            builder.Append(WebUtility.HtmlEncode(text[start..end]));
        }
    }

    /// <summary>Sets <c>marks[i]</c> for each place i before which a break is inserted (see <see cref="BreakPoints"/>).</summary>
    private void Mark(string text, Span<bool> marks)
    {
        marks.Clear();
        var folded = ScriptFold.Fold(text);
        Span<bool> covered = text.Length <= 512 ? stackalloc bool[text.Length] : new bool[text.Length];
        covered.Clear();
        foreach (var name in _names)
        {
            for (var at = folded.IndexOf(name, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (covered.Slice(at, name.Length).Contains(true))
                {
                    continue;
                }

                covered.Slice(at, name.Length).Fill(true);
                marks[at] = true;
                if (at + name.Length < text.Length)
                {
                    marks[at + name.Length] = true;
                }
            }
        }

        for (var i = 1; i < text.Length; i++)
        {
            var (before, after) = (text[i - 1], text[i]);
            if (after == '《' || before == '》' || IsLatin(before) != IsLatin(after) && (ChineseText.IsHan(before) || ChineseText.IsHan(after)))
            {
                marks[i] = true;
            }
        }

        // Where the text itself allows a break (at a space or punctuation), or at its start, a <wbr> adds nothing.
        marks[0] = false;
        for (var i = 1; i < text.Length; i++)
        {
            marks[i] &= (IsWord(text[i - 1]) || text[i - 1] == '》') && (IsWord(text[i]) || text[i] == '《');
        }
    }

    private static bool IsLatin(char c) => char.IsAsciiLetter(c);

    private static bool IsWord(char c) => ChineseText.IsHan(c) || char.IsAsciiLetterOrDigit(c);
}
