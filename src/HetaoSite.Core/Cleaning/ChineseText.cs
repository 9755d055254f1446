using System.Buffers;

namespace HetaoSite.Core.Cleaning;

/// <summary>Character classes shared by the cleaning rules and the metadata resolver.</summary>
public static class ChineseText
{
    /// <summary>Regex character class of Han ideographs (CJK unified, extension A, compatibility).</summary>
    public const string HanClass = @"\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF";

    /// <summary>Pinyin vowels with tone marks (and ü).</summary>
    public const string ToneVowels = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü";

    /// <summary>Sentence punctuation, full- and half-width: a line with none of it is a label or a heading.</summary>
    public const string SentencePunctuation = "。！？；，、：,;:!?「」“”『』\"";

    public static bool IsHan(char c) => c is >= '\u3400' and <= '\u4DBF' or >= '\u4E00' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';

    private static readonly SearchValues<char> Punctuation = SearchValues.Create(SentencePunctuation);

    public static bool HasSentencePunctuation(string text) => text.AsSpan().IndexOfAny(Punctuation) >= 0;
}
