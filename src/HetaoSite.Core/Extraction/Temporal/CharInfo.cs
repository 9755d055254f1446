namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>Character classes the date scanner needs; full-width digits count as digits so offsets stay exact.</summary>
internal static class CharInfo
{
    public static int DigitValue(char c) => c is >= '0' and <= '9' ? c - '0' : c is >= '０' and <= '９' ? c - '０' : -1;

    public static bool IsDigit(char c) => DigitValue(c) >= 0;

    /// <summary>0..9 for 〇零一二两三…九 (两/兩 = 2), else -1.</summary>
    public static int HanziDigit(char c) => c switch
    {
        '〇' or '○' or '零' => 0,
        '一' => 1,
        '二' or '两' or '兩' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };

    public static int HanziUnit(char c) => c switch
    {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' or '萬' => 10000,
        _ => 0,
    };

    public static bool IsHanziNumeral(char c) => HanziDigit(c) >= 0 || HanziUnit(c) > 0;

    public static bool IsNumeral(char c) => IsDigit(c) || IsHanziNumeral(c);

    public static bool IsIdeograph(char c) =>
        c is (>= '\u4E00' and <= '\u9FFF') or (>= '\u3400' and <= '\u4DBF') or (>= '\uF900' and <= '\uFAFF');

    public static bool IsAsciiLetter(char c) => c is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z') or (>= 'ａ' and <= 'ｚ') or (>= 'Ａ' and <= 'Ｚ');

    public static bool IsSpace(char c) => c is ' ' or '\u3000' or '\u00A0' or '\t';

    /// <summary>Characters that end a sentence (an ASCII full stop only when followed by a space, so 2023.8.29 stays whole).</summary>
    public static bool IsSentenceEnd(string text, int i) => text[i] switch
    {
        '。' or '！' or '？' or '!' or '?' or '；' or ';' or '\n' or '\r' => true,
        '.' => i + 1 < text.Length && IsSpace(text[i + 1]),
        _ => false,
    };

    /// <summary>Range connectors between two dates: 至 到 - — – ~ (full-width forms too).</summary>
    public static bool IsRangeDash(char c) => c is '-' or '－' or '—' or '–' or '~' or '～' or '〜' or '‒' or '―';

    public static char At(string text, int i) => i >= 0 && i < text.Length ? text[i] : '\0';

    /// <summary>Skips at most three spaces (年 and 月 are sometimes spaced out: 2008 年 12 月).</summary>
    public static int SkipSpaces(string text, int i)
    {
        var limit = Math.Min(text.Length, i + 3);
        while (i < limit && IsSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    public static bool Matches(string text, int i, string word) =>
        i >= 0 && i + word.Length <= text.Length && text[i] == word[0] && string.CompareOrdinal(text, i, word, 0, word.Length) == 0;

    /// <summary>True when <paramref name="c"/> is one of the characters of <paramref name="set"/>.</summary>
    public static bool In(char c, string set) => c != '\0' && set.Contains(c, StringComparison.Ordinal);
}
