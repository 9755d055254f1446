using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Cleaning.Rules;

/// <summary>
/// Rule 3. Removes pinyin glued into words by the scraper: a parenthesised lowercase pinyin syllable (with or without
/// tone marks, 1–6 letters, optionally followed by one space) right after a Han character. Anything else in brackets
/// stays: capitals (<c>(CAISA)</c>, <c>(HKSTP)</c>, <c>(EC)</c>), mixed text (<c>(WAA聯盟)</c>, <c>(人民幣，下同)</c>),
/// and pinyin after a non-Han character, which is mojibake for <see cref="DetectGarbled"/> to count, never to guess at.
/// </summary>
/// <example><c>創(chuàng)新</c> → <c>創新</c>; <c>會(hui) 議</c> → <c>會議</c>; <c>區(qū)</c> → <c>區</c>; <c>(CAISA)</c> unchanged.</example>
public static partial class StripPinyinAnnotations
{
    public static CleaningPass Apply(CleaningPass pass)
    {
        var removed = 0;
        var blocks = new List<TextBlock>(pass.Blocks.Count);
        foreach (var block in pass.Blocks)
        {
            var text = Strip(block.Text, out var count);
            removed += count;
            if (text.Length > 0)
            {
                blocks.Add(ReferenceEquals(text, block.Text) ? block : block with { Text = text });
            }
        }

        return pass with { Blocks = blocks, Stats = pass.Stats with { AnnotationsRemoved = pass.Stats.AnnotationsRemoved + removed } };
    }

    public static string Strip(string text, out int count)
    {
        // Every annotation is in brackets: most blocks have none, and are not searched.
        count = 0;
        return text.Contains('(') ? Annotated(text, out count) : text.Trim();
    }

    private static string Annotated(string text, out int count)
    {
        var removed = 0;
        var result = Annotation().Replace(text, match =>
        {
            removed += match.Groups["syllable"].Captures.Count;
            return string.Empty;
        });
        count = removed;
        return result.Trim();
    }

    /// <summary>True when <paramref name="text"/> is a plausible pinyin syllable (initial + vowels + n/ng/r).</summary>
    public static bool IsSyllable(string text) => SyllableOnly().IsMatch(text);

    internal const string SyllableCore =
        @"(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?[aeiouv" + ChineseText.ToneVowels + @"]{1,3}(?:ng|n|r)?";

    /// <summary>A syllable of 1–6 letters that is followed by a closing bracket.</summary>
    internal const string Syllable = @"(?=[a-z" + ChineseText.ToneVowels + @"]{1,6}\))" + SyllableCore;

    // One or more annotations in a row after a Han character, each optionally followed by a space: one match removes
    // the whole run, so stripping twice gives the same text as stripping once.
    [GeneratedRegex(@"(?<=[" + ChineseText.HanClass + @"])(?:\((?<syllable>" + Syllable + @")\) ?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Annotation();

    [GeneratedRegex(@"^(?=[a-z" + ChineseText.ToneVowels + @"]{1,6}$)" + SyllableCore + @"$", RegexOptions.CultureInvariant)]
    private static partial Regex SyllableOnly();
}
