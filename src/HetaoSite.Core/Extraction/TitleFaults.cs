namespace HetaoSite.Core.Extraction;

/// <summary>What can be wrong with an event title, by the rules of <see cref="TitleFaults"/>.</summary>
public enum TitleFault
{
    /// <summary>Nothing, or only punctuation.</summary>
    Empty,

    /// <summary>Longer than <see cref="TitleFaults.MaxLength"/> (see <see cref="TitleFaults.Length"/> for how it is counted).</summary>
    TooLong,

    /// <summary>Ends with "…" or "...": a sentence cut short.</summary>
    Ellipsis,

    /// <summary>Ends with a word that needs more after it (的, 和, 在, 、…): a fragment.</summary>
    Unfinished,

    /// <summary>Opens with a particle or connective (也, 又, 並, 此外, 其中…).</summary>
    LeadingParticle,

    /// <summary>Opens with a time word or a date (上午, 今年, 近日, 2024年6月, 12月11日…).</summary>
    LeadingTimeWord,

    /// <summary>Is only a time word or a date ("上午").</summary>
    LoneTimeWord,

    /// <summary>Opens with a verb, an adverb or a preposition, or only points back (這家…): nobody does what it says.</summary>
    NoSubject,

    /// <summary>Says nobody did anything: no verb at all (a venue's name, a noun phrase).</summary>
    NoVerb,

    /// <summary>Brackets or quotation marks that do not pair up: a title cut inside a name or a quotation.</summary>
    UnbalancedBrackets,

    /// <summary>Ends inside a known name of the zone or its parts ("…主持落馬洲河套港深創新"): a name cut mid-way.</summary>
    CutName,
}

/// <summary>
/// The rules an event title must keep, in one place: a headline that says who did what, in at most
/// <see cref="MaxLength"/> characters (an English one: <see cref="MaxEnglishWords"/> words), without a cut, a leading
/// particle or time word, and with balanced brackets. Pure and cheap, so the build, the tests and the development-set
/// evaluation all use the same check.
/// </summary>
/// <example>TitleFaults.Of("上午") → [LeadingTimeWord, LoneTimeWord, NoVerb]; TitleFaults.Of("河套科創中心正式開園") → [].</example>
public static class TitleFaults
{
    /// <summary>The longest a title may be, counted by <see cref="Length"/>.</summary>
    public const int MaxLength = 28;

    private const int MinLength = 4;

    // A title ending with one of these stops before the word it introduces.
    private static readonly string[] Dangling =
    [
        "的", "之", "和", "與", "与", "及", "或", "在", "於", "于", "將", "将", "把", "被", "對", "对", "向", "從", "从", "為", "为",
        "並", "并", "、", "，", ",", "：", ":", "；", "—", "-", "暨", "等於", "以及",
    ];

    /// <summary>The faults of <paramref name="title"/>, in the order of <see cref="TitleFault"/>; empty for a good headline.</summary>
    public static IReadOnlyList<TitleFault> Of(string title)
    {
        var faults = new List<TitleFault>();
        var text = title.Trim();
        if (text.Trim(Clause.Openers.ToCharArray()).Trim(Clause.Closers.ToCharArray()).Trim('。', '，', '、', ' ', '…', '.').Length == 0)
        {
            faults.Add(TitleFault.Empty);
            return faults;
        }

        if (IsEnglish(text))
        {
            return EnglishFaults(text, faults);
        }

        if (Length(text) > MaxLength)
        {
            faults.Add(TitleFault.TooLong);
        }

        if (text.EndsWith('…') || text.EndsWith("...", StringComparison.Ordinal) || text.EndsWith('⋯'))
        {
            faults.Add(TitleFault.Ellipsis);
        }
        else if (HeadlineWords.EndsWithAny(text, Dangling) > 0 || Length(text) < MinLength)
        {
            faults.Add(TitleFault.Unfinished);
        }

        if (HeadlineWords.StartsWithAny(text, HeadlineWords.Particles) > 0)
        {
            faults.Add(TitleFault.LeadingParticle);
        }

        var time = LeadingTimeLength(text);
        if (time > 0)
        {
            faults.Add(TitleFault.LeadingTimeWord);
            if (text[time..].Trim('，', ',', ' ', '。', '、').Length == 0)
            {
                faults.Add(TitleFault.LoneTimeWord);
            }
        }

        if (time == 0 && LacksSubject(text))
        {
            faults.Add(TitleFault.NoSubject);
        }

        if (!HeadlineWords.HasVerb(text))
        {
            faults.Add(TitleFault.NoVerb);
        }

        if (!Balanced(text) || text.Contains("（）", StringComparison.Ordinal) || text.Contains("()", StringComparison.Ordinal))
        {
            faults.Add(TitleFault.UnbalancedBrackets);
        }

        if (HeadlineWords.EndsInsideName(text))
        {
            faults.Add(TitleFault.CutName);
        }

        return faults;
    }

    /// <summary>True for a title in English: Latin letters and no Chinese character.</summary>
    public static bool IsEnglish(string title) => title.Any(char.IsAsciiLetter) && !title.Any(Cleaning.ChineseText.IsHan);

    /// <summary>The number of words of an English title (runs between spaces).</summary>
    public static int Words(string title) => title.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    // The same rules for an English headline, by words: at most MaxEnglishWords; not ending on a word that needs more
    // after it ("… outline on"), not opening with a conjunction ("and the park held…") or a time phrase ("On Tuesday…",
    // "Today…"), and starting with a capital, as a headline's subject does. Whether it has a verb is not judged in English.
    private static List<TitleFault> EnglishFaults(string text, List<TitleFault> faults)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxEnglishWords)
        {
            faults.Add(TitleFault.TooLong);
        }

        var last = words[^1].TrimEnd('.', ',', ';', ':').ToLowerInvariant();
        if (text.EndsWith('…') || text.EndsWith("...", StringComparison.Ordinal))
        {
            faults.Add(TitleFault.Ellipsis);
        }
        else if (words.Length < 2 || EnglishDangling.Contains(last) || text.EndsWith(',') || text.EndsWith(':') || text.EndsWith(';'))
        {
            faults.Add(TitleFault.Unfinished);
        }

        var first = words[0].ToLowerInvariant();
        if (EnglishParticles.Contains(first))
        {
            faults.Add(TitleFault.LeadingParticle);
        }

        var time = EnglishTimeWords(words);
        if (time > 0)
        {
            faults.Add(TitleFault.LeadingTimeWord);
            if (time == words.Length)
            {
                faults.Add(TitleFault.LoneTimeWord);
            }
        }
        else if (!EnglishParticles.Contains(first) && !char.IsUpper(words[0][0]) && !char.IsDigit(words[0][0]))
        {
            faults.Add(TitleFault.NoSubject);
        }

        if (!Balanced(text) || text.Contains("()", StringComparison.Ordinal))
        {
            faults.Add(TitleFault.UnbalancedBrackets);
        }

        if (HeadlineWords.EndsInsideName(text))
        {
            faults.Add(TitleFault.CutName);
        }

        return faults;
    }

    /// <summary>How many words at the start of an English title are a time phrase: "On Tuesday", "Today", "In March 2024".</summary>
    private static int EnglishTimeWords(string[] words)
    {
        var at = 0;
        while (at < words.Length)
        {
            var word = words[at].TrimEnd(',', '.').ToLowerInvariant();
            if (EnglishTimes.Contains(word) || (at > 0 && word.All(char.IsAsciiDigit))
                || (word is "on" or "in" or "since" or "by" or "last" or "this" or "next" or "earlier" or "later"
                    && at + 1 < words.Length && (EnglishTimes.Contains(words[at + 1].TrimEnd(',', '.').ToLowerInvariant()) || words[at + 1].TrimEnd(',', '.').All(char.IsAsciiDigit))))
            {
                at++;
            }
            else
            {
                break;
            }
        }

        return at;
    }

    /// <summary>The longest an English title may be, in words.</summary>
    public const int MaxEnglishWords = 14;

    private static readonly HashSet<string> EnglishDangling = new(StringComparer.Ordinal)
    {
        "and", "or", "but", "of", "on", "in", "at", "to", "the", "a", "an", "for", "by", "with", "from", "as", "its", "their", "that",
        "which", "who", "into", "onto", "than", "about", "after", "before", "under", "over",
    };

    private static readonly HashSet<string> EnglishParticles = new(StringComparer.Ordinal) { "and", "but", "or", "also", "then", "while", "which", "who", "meanwhile" };

    private static readonly HashSet<string> EnglishTimes = new(StringComparer.Ordinal)
    {
        "today", "yesterday", "tomorrow", "tonight", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "year", "month", "week", "morning",
        "afternoon", "evening",
    };

    /// <summary>A short English phrase for a fault of <paramref name="title"/>, for reports: "longer than 28 characters (36)".</summary>
    public static string Describe(TitleFault fault, string title) => fault switch
    {
        TitleFault.TooLong when IsEnglish(title) => $"longer than {MaxEnglishWords} words ({Words(title)})",
        TitleFault.TooLong => $"longer than {MaxLength} characters ({Length(title)})",
        _ => Describe(fault),
    };

    /// <summary>A short English phrase for a fault, for reports.</summary>
    public static string Describe(TitleFault fault) => fault switch
    {
        TitleFault.Empty => "empty",
        TitleFault.TooLong => $"longer than {MaxLength} characters (an English title: {MaxEnglishWords} words)",
        TitleFault.Ellipsis => "ends with an ellipsis",
        TitleFault.Unfinished => "ends unfinished",
        TitleFault.LeadingParticle => "starts with a particle",
        TitleFault.LeadingTimeWord => "starts with a time word or date",
        TitleFault.LoneTimeWord => "only a time word",
        TitleFault.NoSubject => "no subject",
        TitleFault.NoVerb => "no verb",
        TitleFault.UnbalancedBrackets => "unbalanced brackets or quotes",
        TitleFault.CutName => "ends inside a name",
        _ => fault.ToString(),
    };

    /// <summary>
    /// A title's length as a reader sees it: each Chinese character or full-width mark counts 1, each half-width
    /// character (Latin letters, digits, spaces) ½, rounded up; the name inside 《》 does not count, so a document's
    /// full name may make a title longer.
    /// </summary>
    /// <example>Length("元戎啟行推出L4級方案") = 9; Length("《若干意見》出台") = 4.</example>
    public static int Length(string title)
    {
        var halves = 0;
        var inBook = 0;
        foreach (var c in title)
        {
            if (c == '《')
            {
                inBook++;
                halves += 2;
            }
            else if (c == '》')
            {
                inBook = Math.Max(0, inBook - 1);
                halves += 2;
            }
            else if (inBook == 0)
            {
                halves += c < 0x2E80 ? 1 : 2;
            }
        }

        return (halves + 1) / 2;
    }

    // Words that join two dates into one time phrase: "2023年和2024年", "6月至8月"; "和2024年" is the second half of one.
    internal static readonly string[] DateJoiners = ["和", "與", "与", "及", "以及", "或", "至", "到", "、"];

    /// <summary>
    /// Length of a time word or date (with any more time words after it, and dates joined to it by 和, 至, 、…) at the
    /// start of <paramref name="text"/>, or 0.
    /// </summary>
    public static int LeadingTimeLength(string text)
    {
        var at = 0;
        while (at < text.Length)
        {
            var rest = text[at..];
            var length = TimeWordLength(rest);
            if (length == 0 && HeadlineWords.StartsWithAny(rest, DateJoiners) is > 0 and var joiner && TimeWordLength(rest[joiner..]) is > 0 and var joined)
            {
                length = joiner + joined;
            }

            if (length == 0)
            {
                break;
            }

            at += length;
        }

        return at;
    }

    private static int TimeWordLength(string text) =>
        Math.Max(HeadlineWords.LeadingDateLength(text), HeadlineWords.StartsWithAny(text, HeadlineWords.TimeWords));

    /// <summary>True when <paramref name="text"/> opens with a verb, an adverb or preposition, or a pronoun: it names no doer.</summary>
    /// <remarks>A verb that names a gathering ("簽約儀式在…舉行") is a subject; <see cref="HeadlineWords.VerbAt"/> knows that.</remarks>
    public static bool LacksSubject(string text) =>
        HeadlineWords.VerbAt(text, 0) > 0
        || HeadlineWords.StartsWithAny(text, HeadlineWords.PredicateOpeners) > 0
        || HeadlineWords.StartsWithAny(text, HeadlineWords.Demonstratives) > 0;

    /// <summary>True when every bracket and quotation mark of <paramref name="text"/> is closed, in order.</summary>
    public static bool Balanced(string text)
    {
        var open = new Stack<char>();
        foreach (var c in text)
        {
            var o = Clause.Openers.IndexOf(c);
            if (o >= 0)
            {
                open.Push(Clause.Closers[o]);
            }
            else if (Clause.Closers.Contains(c) && (open.Count == 0 || open.Pop() != c))
            {
                return false;
            }
        }

        return open.Count == 0;
    }
}
