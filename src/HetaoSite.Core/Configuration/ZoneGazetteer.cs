using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Extraction;
using MemoryPack;

namespace HetaoSite.Core.Configuration;

/// <summary>
/// What counts as "about the zone" (<c>zone:</c> in site-config.yml): the zone's names, its parks, and places and
/// institutions located in it. Entries may be written in either script; they are compared with the text after both
/// are folded to Simplified (<see cref="ScriptFold"/>). Latin entries are compared as written (case matters, so
/// "the Loop" is not "in the loop").
/// </summary>
[MemoryPackable]
public sealed partial record ZoneGazetteer(IReadOnlyList<string> Names, IReadOnlyList<string> Parks, IReadOnlyList<string> Places)
{
    private readonly string[] _folded = [.. Names.Concat(Parks).Concat(Places).Select(ScriptFold.Fold).Distinct(StringComparer.Ordinal)
        .OrderByDescending(e => e.Length)];

    /// <summary>The first entry (longest first, folded) that <paramref name="text"/> names, or null.</summary>
    public string? FindIn(string text)
    {
        var folded = ScriptFold.Fold(text);
        foreach (var entry in _folded)
        {
            if (Occurs(folded, entry))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>
    /// True when <paramref name="entry"/> occurs in <paramref name="text"/> and, where it begins or ends with a digit,
    /// not as part of a longer number: "87公頃" names the Loop, "187公頃" and "0.87公頃" do not.
    /// </summary>
    private static bool Occurs(string text, string entry)
    {
        var digitEdges = char.IsAsciiDigit(entry[0]) || char.IsAsciiDigit(entry[^1]);
        for (var i = text.IndexOf(entry, StringComparison.Ordinal); i >= 0; i = text.IndexOf(entry, i + 1, StringComparison.Ordinal))
        {
            if (!digitEdges || !(PartOfNumber(text, i - 1, entry[0]) || PartOfNumber(text, i + entry.Length, entry[^1])))
            {
                return true;
            }
        }

        return false;
    }

    // The character at index continues a number that the entry's digit at that edge belongs to.
    private static bool PartOfNumber(string text, int index, char edge) =>
        char.IsAsciiDigit(edge) && index >= 0 && index < text.Length && (char.IsAsciiDigit(text[index]) || text[index] is '.' or ',');

    /// <summary>
    /// Words that refer back to the zone in an article about it: "園區", "兩地園區", "分園", "園方" (the park's
    /// management), "the loop", "the park", "the Hong Kong and Shenzhen parks". They count only when the article's title
    /// or first paragraph names the zone (<see cref="IsAboutZone"/>).
    /// </summary>
    private static readonly string[] BackReferences =
        ["园区", "分园", "园方", "合作区", "the park", "the loop", "the zone", "shenzhen park", "hong kong park"];

    /// <summary>
    /// True when the sentence or its paragraph names the zone, or when the article is about the zone (its title or first
    /// paragraph names it) and the sentence or paragraph refers back to it ("自園區三座大樓在今年3月平頂以來").
    /// </summary>
    public bool IsAboutZone(string sentence, string paragraph, string articleTitle, string firstParagraph)
    {
        if (FindIn(sentence) is not null || FindIn(paragraph) is not null)
        {
            return true;
        }

        if (FindIn(articleTitle) is null && FindIn(firstParagraph) is null)
        {
            return false;
        }

        var folded = ScriptFold.Fold(paragraph).ToLowerInvariant();
        return BackReferences.Any(r => folded.Contains(r, StringComparison.Ordinal));
    }

    /// <summary>Shorter names are too common to stand for one body ("科技園", "合作區").</summary>
    private const int MinShortName = 4;

    /// <summary>How far after a zone name a longer name may run (落馬洲河套 + 港深創新及科技園聯合專責小組).</summary>
    private const int MaxLongName = 30;

    /// <summary>
    /// The short name in <paramref name="paragraph"/> that an earlier paragraph of the same article introduced with the
    /// zone's name, or null. Either the tail of a longer name that starts with a zone name and ends in a word for a body
    /// or facility (落馬洲河套港深創新及科技園聯合專責小組 → 專責小組; 河套深港科技創新合作區國際人才中心 → 國際人才中心), or an
    /// alias given in brackets after a zone name (…河套合作區深圳園區（下稱深圳園區）, …（簡稱「科創園」）).
    /// </summary>
    public string? ShortNameIn(string paragraph, IEnumerable<string> earlierParagraphs)
    {
        var folded = ScriptFold.Fold(paragraph);
        foreach (var earlier in earlierParagraphs.Select(ScriptFold.Fold))
        {
            foreach (Match alias in Alias().Matches(earlier))
            {
                var name = alias.Groups["alias"].Value;
                if (FindIn(earlier[..alias.Index]) is not null && folded.Contains(name, StringComparison.Ordinal))
                {
                    return name;
                }
            }

            foreach (var entry in _folded)
            {
                for (var i = earlier.IndexOf(entry, StringComparison.Ordinal); i >= 0; i = earlier.IndexOf(entry, i + 1, StringComparison.Ordinal))
                {
                    var start = i + entry.Length;
                    var end = start;
                    while (end < earlier.Length && end - start < MaxLongName && ChineseText.IsHan(earlier[end]) && !NameBreaks.Contains(earlier[end]))
                    {
                        end++;
                    }

                    if (LongestTail(earlier[start..end], folded) is { } tail)
                    {
                        return tail;
                    }
                }
            }
        }

        return null;
    }

    // Particles, verbs' aspect marks and prepositions end a name: "合作區深圳園區集聚了…平台" names no 平台 of the zone.
    private const string NameBreaks = "了的是由與与和并並將将已把被為为對对於于在着著地得從从向共有";

    // The longest tail of a name in the run (a stretch ending in a body word) that the paragraph names.
    private static string? LongestTail(string run, string paragraph)
    {
        foreach (Match body in BodyWord().Matches(run))
        {
            var nameEnd = body.Index + body.Length;
            for (var from = 0; from <= nameEnd - MinShortName; from++)
            {
                var tail = run[from..nameEnd];
                if (paragraph.Contains(tail, StringComparison.Ordinal))
                {
                    return tail;
                }
            }
        }

        return null;
    }

    // Words that end the name of a body or facility: 專責小組, 委員會, 公司, 中心, 研究院, 實驗室, 平台, 管理局…
    [GeneratedRegex(@"小[組组]|委[員员][會会]|公司|中心|研究[院所]|[實实][驗验]室|平台|[辦办]公室|事[務务]署|管理局|基金|[聯联]盟|[協协][會会]|集[團团]|[學学]院",
        RegexOptions.CultureInvariant)]
    private static partial Regex BodyWord();

    // "（下稱深圳園區）", "（以下简称“合作区”）", "(hereafter "the Park")".
    [GeneratedRegex(@"[（(](?:以下)?(?:下[稱称]|[簡简][稱称]|(?i:hereafter|hereinafter))[：:\s]*(?:the\s+)?[「“""]?(?<alias>[^」”""）)，,]{2,20}?)[」”""]?[）)]",
        RegexOptions.CultureInvariant)]
    private static partial Regex Alias();

    public bool Equals(ZoneGazetteer? other) =>
        other is not null && Names.SequenceEqual(other.Names) && Parks.SequenceEqual(other.Parks) && Places.SequenceEqual(other.Places);

    public override int GetHashCode() => HashCode.Combine(Names.Count, Parks.Count, Places.Count);
}
