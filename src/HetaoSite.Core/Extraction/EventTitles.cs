using System.Buffers;
using System.Text;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Makes a concise event title from the sentence that states it: the clause holding the date, without the date and
/// its framing words, borrowing the next clause when the date clause says nothing else, or the sentence's first clause
/// (usually the subject) when the date sits inside a later clause.
/// </summary>
/// <example>"去年9月，河套深圳園區發布首單“科匯通”試點業務，讓…" → "河套深圳園區發布首單“科匯通”試點業務".</example>
/// <example>"…晶泰科技，是…獨角獸企業，今年6月在港交所上市。" → "牽頭建設…的晶泰科技在港交所上市".</example>
public static class EventTitles
{
    public const int MaxLength = 60;
    private const int MinUsefulLength = 6;

    private static readonly string[] LeadingWords =
    [
        "截至目前", "截至", "截止", "自從", "自", "從", "从", "早在", "在", "於", "于", "到", "至", "直到", "已於", "已于", "並於", "并于",
        "同時", "同时", "此外", "其中", "另外", "目前", "以來", "以来", "起", "後", "后", "的", "已", "也", "又", "將", "将",
    ];

    private static readonly SearchValues<char> LeadingFirstCharacters = SearchValues.Create([.. LeadingWords.Select(w => w[0])]);
    private static readonly SearchValues<char> LeadingLastCharacters = SearchValues.Create([.. LeadingWords.Select(w => w[^1])]);

    private static readonly string[] TrailingWords = ["以來", "以来", "起", "期間", "期间"];

    /// <param name="sentence">The sentence text.</param>
    /// <param name="expressionStart">Offset of the date expression in <paramref name="sentence"/>.</param>
    /// <param name="expressionLength">Length of the date expression.</param>
    public static string From(string sentence, int expressionStart, int expressionLength)
    {
        var clauses = Clause.Split(sentence);
        if (clauses.Count == 0)
        {
            return Shorten(sentence);
        }

        var index = 0;
        for (var i = clauses.Count - 1; i > 0; i--)
        {
            if (clauses[i].Start <= expressionStart)
            {
                index = i;
                break;
            }
        }

        var clause = clauses[index];
        var before = AfterLastDash(TrimLeadingWordsAtEnd(sentence[clause.Start..Math.Min(expressionStart, clause.End)].Trim()));
        var after = expressionStart + expressionLength < clause.End ? sentence[(expressionStart + expressionLength)..clause.End].Trim() : string.Empty;
        var afterCore = TrimLeading(after);

        string rest;
        if (before.Length > 0 && (before + afterCore).Length < MinUsefulLength && index + 1 < clauses.Count)
        {
            // Only a framing word stands with the date: "預計到2025年，園區將引進…" — the next clause says what.
            rest = before + TrimLeading(clauses[index + 1].Text.Trim());
        }
        else if (before.Length > 0)
        {
            // The subject stands before the date in the same clause: "元戎啟行於2021年12月推出…".
            rest = before + afterCore;
        }
        else if (afterCore.Length == 0 && index + 1 < clauses.Count)
        {
            // The clause is only the date: "去年9月，園區發布…" — what happened is the next clause.
            rest = TrimLeading(clauses[index + 1].Text.Trim());
        }
        else if (index > 0 && afterCore.Length < 16 && SubjectClause(clauses, index) is { } subject)
        {
            // A date opening a later, short clause usually continues the sentence's subject: "晶泰科技，…，今年6月在港交所上市".
            rest = subject + after;
        }
        else
        {
            rest = afterCore;
        }

        rest = WithoutFraming(rest);
        return Shorten(rest.Length > 0 ? rest : sentence);
    }

    // Clauses that frame a sentence rather than name its subject: purpose, hearsay, emphasis.
    private static readonly string[] FramingOpeners =
    [
        "為了", "为了", "為", "为", "隨著", "随着", "值得關注的是", "值得关注的是", "值得一提的是", "據悉", "据悉", "據了解", "据了解",
        "此外", "其中", "目前", "同時", "同时", "另外", "對此", "对此", "在", "如今",
    ];

    private static readonly string[] FillerOpeners = ["展現了", "展现了", "標誌著", "标志着", "值得關注的是", "值得关注的是", "據悉", "据悉", "由"];

    private static readonly string[] Openers = ["舉辦的", "举办的", "舉行的", "举行的", "召開的", "召开的", .. FillerOpeners];

    private static readonly string[] EventNouns = ["會", "会", "論壇", "论坛", "儀式", "仪式", "典禮", "典礼", "活動", "活动", "峰會", "峰会"];

    private static string? SubjectClause(IReadOnlyList<Clause> clauses, int before)
    {
        for (var i = 0; i < before; i++)
        {
            var text = clauses[i].Text.Trim();
            if (!FramingOpeners.Any(o => text.StartsWith(o, StringComparison.Ordinal)))
            {
                return text.Length <= 30 ? text : null;
            }
        }

        return null;
    }

    // "由金城醫學承建「…」——臨床檢驗…平台" → "臨床檢驗…平台": after a dash comes the thing itself.
    private static string AfterLastDash(string text)
    {
        var dash = text.LastIndexOf("——", StringComparison.Ordinal);
        return dash >= 0 && dash + 2 < text.Length ? text[(dash + 2)..] : text;
    }

    // "在…新聞發布會上" → "…新聞發布會"; "舉辦的第二十四屆高交會（以下簡稱高交會）上" → "第二十四屆高交會".
    private static string WithoutFraming(string text)
    {
        var open = text.IndexOfAny(['（', '(']);
        if (open >= 0 && text.IndexOf("以下簡稱", open, StringComparison.Ordinal) is var a | text.IndexOf("以下简称", open, StringComparison.Ordinal) is var b)
        {
            var close = text.IndexOfAny(['）', ')'], open);
            if (close > open && (a > open || b > open))
            {
                text = text[..open] + text[(close + 1)..];
            }
        }

        foreach (var opener in Openers)
        {
            if (text.StartsWith(opener, StringComparison.Ordinal) && text.Length > opener.Length + MinUsefulLength)
            {
                text = text[opener.Length..];
            }
        }

        if (text.EndsWith('上') && EventNouns.Any(n => text.AsSpan(0, text.Length - 1).EndsWith(n, StringComparison.Ordinal)))
        {
            text = text[..^1];
            if (text.StartsWith('在'))
            {
                text = text[1..];
            }
        }

        return text.Trim();
    }

    private static string TrimLeading(string text)
    {
        var previous = string.Empty;
        while (previous != text)
        {
            previous = text;
            if (text.Length == 0 || !LeadingFirstCharacters.Contains(text[0]))
            {
                break; // no word can match, so this pass would change nothing
            }

            foreach (var word in LeadingWords)
            {
                if (text.StartsWith(word, StringComparison.Ordinal) && text.Length > word.Length)
                {
                    text = text[word.Length..].TrimStart();
                }
            }
        }

        foreach (var word in TrailingWords)
        {
            if (text.EndsWith(word, StringComparison.Ordinal))
            {
                text = text[..^word.Length];
            }
        }

        return text.Trim().TrimStart('，', ',', '、', '—', '-', ' ');
    }

    // Words directly before the date ("在", "於", "截至") belong to the date, not to the title.
    private static string TrimLeadingWordsAtEnd(string text)
    {
        var previous = string.Empty;
        while (previous != text)
        {
            previous = text;
            if (text.Length == 0 || !LeadingLastCharacters.Contains(text[^1]))
            {
                break; // no word can match, so this pass would change nothing
            }

            foreach (var word in LeadingWords)
            {
                if (text.EndsWith(word, StringComparison.Ordinal))
                {
                    text = text[..^word.Length].TrimEnd();
                }
            }
        }

        return text;
    }

    private static string Shorten(string text)
    {
        text = text.Trim().TrimEnd('。', '；', ';', '，', ',', '！', '!');
        if (text.Length <= MaxLength)
        {
            return text;
        }

        var builder = new StringBuilder();
        foreach (var clause in Clause.Split(text))
        {
            if (builder.Length + clause.Text.Length > MaxLength)
            {
                break;
            }

            builder.Append(builder.Length > 0 ? "，" : string.Empty).Append(clause.Text);
        }

        return builder.Length >= MinUsefulLength ? builder.ToString() : text[..(MaxLength - 1)] + "…";
    }
}
