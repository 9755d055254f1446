namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>The first two characters of every Chinese date word, so the scanner tries the phrase reader only where it can succeed.</summary>
internal static class ChineseKeywordIndex
{
    private static readonly HashSet<int> Bigrams = BuildBigrams();

    /// <summary>
    /// True when a Chinese date word can start at <paramref name="i"/> (checked on the first two characters), so the
    /// scanner only runs the phrase reader where it can succeed.
    /// </summary>
    public static bool CanStart(string text, int i)
    {
        var c = CharInfo.At(text, i);
        var next = CharInfo.At(text, i + 1);
        if (c is '从' or '從' or '自')
        {
            return CharInfo.IsNumeral(next) || StartsWord(next, CharInfo.At(text, i + 2));
        }

        return StartsWord(c, next);
    }

    private static bool StartsWord(char c, char next) =>
        (c == '第' && CharInfo.IsNumeral(next)) || Bigrams.Contains(Bigram(c, next));

    private static int Bigram(char a, char b) => (a << 16) | b;

    /// <summary>Every character at which <see cref="CanStart"/> can be true.</summary>
    public static string FirstCharacters { get; } =
        new([.. Bigrams.Select(b => (char)(b >> 16)).Concat("从從自第").Distinct().Order()]);

    private static HashSet<int> BuildBigrams()
    {
        var words = new List<string> { "年初", "年底", "年末", "年中", "上半年", "下半年", "首季" };
        words.AddRange(ChineseKeywords.Years.Select(y => y.Word));
        words.AddRange(ChineseKeywords.Months.Select(m => m.Word));
        words.AddRange(ChineseKeywords.Days.Select(d => d.Word));
        words.AddRange(ChineseKeywords.Recently);
        foreach (var week in ChineseKeywords.WeekWords)
        {
            words.AddRange(ChineseKeywords.WeekPrefixes.Select(p => p.Word + week));
            words.AddRange("一二三四五六日天".Select(d => week + d));
        }

        return words.Select(w => Bigram(w[0], w[1])).ToHashSet();
    }
}
