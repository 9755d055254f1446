using System.Buffers;
using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 4. Counts mojibake left by a broken encoding round trip and notes it (Info HS0132 with the line); the text is
/// never "repaired" by guessing. Fragments: an ASCII <c>!</c>/<c>?</c> glued between Han characters (<c>一河之隔!兑劃》</c>,
/// <c>問題!甭鋺</c>, <c>規?;虡</c>), a tone-marked pinyin annotation after a non-Han character (<c>?(qū)</c>, <c>F(xiàn)</c>),
/// runs of <c>??</c> or U+FFFD, and private-use characters.
/// </summary>
public static partial class DetectGarbled
{
    public static CleaningPass Apply(CleaningPass pass)
    {
        var total = 0;
        var diagnostics = pass.Diagnostics.ToList();
        foreach (var block in pass.Blocks)
        {
            var count = Count(block.Text);
            if (count > 0)
            {
                total += count;
                diagnostics.Add(Diagnostic.Info("HS0132",
                    $"{count} garbled fragment(s) kept as written, first near '{Context(block.Text, Garbled().Match(block.Text))}'", pass.FileName, block.Line,
                    $"add a correction under \"articles: {pass.FileName}: corrections\" in site-config.yml if you know the right text"));
            }
        }

        return pass with { Diagnostics = diagnostics, Stats = pass.Stats with { GarbledFragments = pass.Stats.GarbledFragments + total } };
    }

    /// <summary>The garbled fragments of one text, in order.</summary>
    public static IReadOnlyList<Match> Find(string text) => MayBeGarbled(text) ? Garbled().Matches(text).ToList() : [];

    public static int Count(string text) => MayBeGarbled(text) ? Garbled().Count(text) : 0;

    // Every fragment holds one of these characters (see Garbled): most blocks have none, and are not searched further.
    private static readonly SearchValues<char> FragmentCharacters = SearchValues.Create("!?(\uFFFD");

    private static bool MayBeGarbled(string text) =>
        text.AsSpan().ContainsAny(FragmentCharacters) || text.AsSpan().ContainsAnyInRange('\uE000', '\uF8FF');

    private static string Context(string text, Match match)
    {
        var start = Math.Max(0, match.Index - 4);
        var end = Math.Min(text.Length, match.Index + match.Length + 4);
        return text[start..end];
    }

    [GeneratedRegex(
        @"(?<=[" + ChineseText.HanClass + @"”」』》）)])[!?][!?;]*(?=[" + ChineseText.HanClass + @"])"
        + @"|(?<=[^\s(" + ChineseText.HanClass + @"])\((?=[^)]*[" + ChineseText.ToneVowels + @"])" + StripPinyinAnnotations.Syllable + @"\)"
        + @"|\?{2,}|\uFFFD+|\p{Co}+",
        RegexOptions.CultureInvariant, matchTimeoutMilliseconds: PatternLimits.MatchTimeoutMilliseconds)]
    private static partial Regex Garbled();
}
