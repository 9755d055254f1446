namespace HetaoSite.Core.Evaluation;

/// <summary>
/// The headline rules of issue 17 (item 4) that can be checked on a title alone: at most 28 characters outside a
/// document's name in 《》 (an English title: at most 14 words), no trailing ellipsis, no leading particle or time
/// word, not a lone time word.
/// </summary>
public static class TitleRules
{
    public const int MaxLength = 28;

    public const int MaxEnglishWords = 14;

    private static readonly string[] LeadingWords =
    [
        "也", "又", "亦", "還", "还", "並且", "并且", "此外", "另外", "同時", "同时",
        "上午", "下午", "中午", "晚上", "當天", "当天", "當日", "当日", "同日", "今天", "今日", "昨天", "昨日", "明天",
        "今年", "去年", "明年", "前年", "近日", "日前", "近期", "目前", "此前", "隨後", "随后", "其後", "其后", "屆時", "届时",
    ];

    private static readonly string[] TimeWords =
    [
        "上午", "下午", "中午", "晚上", "當天", "当天", "當日", "当日", "同日", "今天", "今日", "昨天", "昨日",
        "今年", "去年", "明年", "近日", "日前", "近期", "目前", "此前", "年初", "年底", "月初", "月底",
    ];

    /// <summary>What is wrong with <paramref name="title"/>, one phrase per fault; empty when it passes.</summary>
    public static IReadOnlyList<string> Faults(string title)
    {
        var faults = new List<string>();
        var trimmed = title.Trim();
        if (trimmed.Length == 0)
        {
            return ["empty"];
        }

        var english = !trimmed.Any(c => c is >= '\u3400' and <= '\u9FFF');
        var words = trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        var length = LengthOutsideDocumentNames(trimmed);
        if (english && words > MaxEnglishWords)
        {
            faults.Add($"too long ({words} words)");
        }
        else if (!english && length > MaxLength)
        {
            faults.Add($"too long ({length} characters outside 《》)");
        }

        if (trimmed.EndsWith('…') || trimmed.EndsWith("...", StringComparison.Ordinal))
        {
            faults.Add("ends with an ellipsis");
        }

        if (TimeWords.Contains(trimmed.TrimEnd('，', ',', '。')))
        {
            faults.Add("a lone time word");
        }
        else if (LeadingWords.FirstOrDefault(w => trimmed.StartsWith(w, StringComparison.Ordinal)) is { } word)
        {
            faults.Add($"starts with '{word}'");
        }

        return faults;
    }

    private static int LengthOutsideDocumentNames(string title)
    {
        var length = 0;
        var depth = 0;
        foreach (var c in title)
        {
            if (c == '《')
            {
                depth++;
            }
            else if (c == '》' && depth > 0)
            {
                depth--;
            }
            else if (depth == 0 && !char.IsLowSurrogate(c))
            {
                length++;
            }
        }

        return length;
    }
}
