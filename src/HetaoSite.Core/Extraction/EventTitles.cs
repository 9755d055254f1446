using System.Text.RegularExpressions;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Makes a headline for a dated statement from the article's own words, in its own script: who did what, in at most
/// <see cref="TitleFaults.MaxLength"/> characters, never cut with "…". A small pipeline over the sentence's clauses:
/// <list type="number">
/// <item>the clause that carries the date; when it holds nothing but the date and time words ("12月11日上午"), the next;</item>
/// <item>without the date, the time words, particles and connectives around it (也, 又, 已, 此外…);</item>
/// <item>a venue ("在…峰會上，X獲獎") gives way to the news after it; a date inside a noun phrase
///   ("今年9月正式開學的深圳河套學院") is turned round ("深圳河套學院正式開學");</item>
/// <item>a predicate without a subject borrows one: the topic of an earlier clause, or of the previous sentence;
///   a pointing subject (這家…) takes its antecedent from the previous sentence's setting;</item>
/// <item>too long, it is shortened step by step, each step leaving a complete headline (<see cref="Shorten"/>).</item>
/// </list>
/// The rules a title must keep are <see cref="TitleFaults"/>; docs/ingestion.md ("Titles") has examples that are tests.
/// An English sentence has its own path (<see cref="EnglishTitles"/>).
/// </summary>
/// <example>"去年9月，河套深圳園區發布首單“科匯通”試點業務，讓…" → "河套深圳園區發布首單“科匯通”試點業務".</example>
/// <example>"牽頭建設…的晶泰科技，是…獨角獸企業，今年6月在港交所上市。" → "晶泰科技在港交所上市".</example>
public static partial class EventTitles
{
    /// <summary>The longest title the builder aims for (<see cref="TitleFaults.MaxLength"/>).</summary>
    public const int MaxLength = TitleFaults.MaxLength;

    // Words directly before the date belong to it: "於2021年12月", "自2018年", "早在2017年".
    private static readonly string[] DatePrepositions =
    [
        "截至", "截止", "自從", "自从", "自", "從", "从", "早在", "在", "於", "于", "到", "至", "直到", "已於", "已于", "並於", "并于", "是在",
    ];

    // Words directly after a date's clause belong to it: "挂牌以來", "成立後".
    private static readonly string[] DateSuffixes = ["以來", "以来", "起", "期間", "期间", "之後", "之后"];

    // A clause that opens with these only frames what follows (plan, emphasis, consequence): it is not a subject.
    private static readonly string[] Fillers =
    [
        "展現了", "展现了", "標誌著", "标志着", "值得關注的是", "值得关注的是", "據悉", "据悉", "預計", "预计", "計劃", "计划", "力爭",
        "力争", "爭取", "争取", "有望", "擬", "拟",
    ];

    // Titles of office before a person's name: "…量子科學中心主任薛其坤院士" → "薛其坤院士".
    private static readonly string[] Offices =
    [
        "校長", "校长", "院長", "院长", "主任", "書記", "书记", "市長", "市长", "常委", "主席", "董事長", "董事长", "總經理", "总经理",
        "署長", "署长", "局長", "局长", "負責人", "负责人", "創始人", "创始人", "首席執行官", "首席执行官", "CEO", "所長", "所长",
        "教授", "理事長", "理事长", "會長", "会长", "部長", "部长", "司長", "司长", "總裁", "总裁", "行政長官", "行政长官",
    ];

    private static readonly string[] VenueEnds = ["開幕式上", "开幕式上", "現場", "现场", "期間", "期间", "上"];

    /// <param name="sentence">The sentence text.</param>
    /// <param name="expressionStart">Offset of the date expression in <paramref name="sentence"/>.</param>
    /// <param name="expressionLength">Length of the date expression.</param>
    /// <param name="previous">The sentence before, in the same paragraph: a subject the sentence leaves out may be there.</param>
    /// <param name="next">The sentence after, in the same paragraph: a venue's news may be there.</param>
    public static string From(string sentence, int expressionStart, int expressionLength, string? previous = null, string? next = null)
    {
        if (TitleFaults.IsEnglish(sentence))
        {
            return EnglishTitles.From(sentence, expressionStart, expressionLength);
        }

        var clauses = Clause.Split(sentence);
        if (clauses.Count == 0)
        {
            return Shorten(Finish(sentence));
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
        var before = sentence[clause.Start..Math.Clamp(expressionStart, clause.Start, clause.End)];
        var after = expressionStart + expressionLength < clause.End ? sentence[(expressionStart + expressionLength)..clause.End] : string.Empty;
        if ((before.EndsWith('（') || before.EndsWith('(')) && (after.StartsWith('）') || after.StartsWith(')')))
        {
            // "前日（20日）公布": the date glosses the time word before its brackets; word and brackets go with it.
            before = before[..^1];
            after = after[1..];
            before = before[..^HeadlineWords.EndsWithAny(before, HeadlineWords.TimeWords)];
        }

        var pre = Before(before);
        if (HeadlineWords.EndsWithAny(after.Trim(), ["以來", "以来"]) > 0 && HeadlineWords.StartsWithAny(pre, ["自從", "自从", "自"]) is > 0 and var since
            && since < pre.Length)
        {
            // "自園區三座大樓在今年3月平頂以來": 自…以來 frames the date; the development is "園區三座大樓平頂".
            pre = pre[since..];
        }

        var post = WithoutDateSuffix(StripLeading(WithoutDateFollower(after)));
        if (SourceOf(pre) is { } doer && Clause.LastIndexOfTopLevel(post, "的") is > 0 and var of && HeadlineWords.HasVerb(post[..of]))
        {
            // "分園源於X在2021年9月簽署的框架協議": what the subject stems from is the dated development, "X簽署框架協議".
            (pre, post) = (doer, post[..of] + post[(of + 1)..]);
        }
        else if (pre.Length > 0 && HeadlineWords.StartsWithAny(pre, HeadlineWords.Demonstratives) == 0 && HeadlineWords.VerbAt(post, 0) > 0 && Clause.LastIndexOfTopLevel(post, "的") is > 0 and var made
            && !HeadlineWords.HasVerb(post[(made + 1)..]))
        {
            // "特區政府前日公布的河套香港園區發展綱要，…": the date stands in the clause that names the thing made; the
            // development is "特區政府公布…綱要". A pointing subject ("這家2018年成立的平台") is the thing itself.
            post = post[..made] + post[(made + 1)..];
        }

        // "12月11日上午，…", "預計到2025年，…": the clause holds only the date; what happened is in the next one.
        var at = index;
        var text = StripLeading(before.Trim() + after);
        if (pre.Length == 0 && post.Length == 0)
        {
            text = string.Empty;
            while (at + 1 < clauses.Count && (text.Length == 0 || IsCircumstance(text)))
            {
                at++;
                text = StripLeading(clauses[at].Text);
            }
        }

        // "現場簽約落地成核心新聞點：…聯盟正式入駐…": a clause that announces what follows its colon is not the news.
        if (at + 1 < clauses.Count && clauses[at].End < sentence.Length && sentence[clauses[at].End] is '：' or ':'
            && TitleFaults.LacksSubject(at == index ? pre + post : text) && News(clauses, at + 1) is { } announced)
        {
            at++;
            text = announced;
            pre = post = string.Empty;
        }

        string headline;
        if (Venue(text) is { } venue)
        {
            headline = News(clauses, at + 1) ?? venue + HeldVerb(sentence);
        }
        else if (at == index && Attributive(pre, post) is { } turned)
        {
            headline = turned;
        }
        else
        {
            headline = at == index && pre.Length + post.Length > 0 ? pre + post : text;
            if (headline.Length == 0)
            {
                headline = StripLeading(clause.Text);
            }

            if (TitleFaults.LacksSubject(headline) && !StartsWithDemonstrative(headline)
                && (SubjectBefore(clauses, at) ?? (previous is null ? null : SubjectBefore(Clause.Split(previous), 1))) is { } subject)
            {
                headline = subject + headline;
            }

            if (at == clauses.Count - 1 && IsGathering(headline) && !MentionsZone(sentence) && next is not null && MentionsZone(next)
                && !HasDate(next) && Statement(next) is { } news)
            {
                // "1月5日，…峰會暨…頒獎儀式舉行。河套…企業…芯片榮獲…獎。": the gathering is the venue, the next sentence the news.
                headline = news;
            }
        }

        headline = WithoutParticlesAfterSubject(headline);
        headline = WithAntecedent(headline, previous);
        headline = HeldLast(headline);
        headline = Deadline(headline);
        return Shorten(Finish(headline));
    }

    // "分園源於X" → "X": the words after a verb saying where the subject comes from, when any follow.
    private static string? SourceOf(string pre)
    {
        foreach (var verb in new[] { "源於", "源于", "來自", "来自", "基於", "基于", "始於", "始于" })
        {
            var at = pre.IndexOf(verb, StringComparison.Ordinal);
            if (at > 0 && pre.Length - at - verb.Length >= 2)
            {
                return pre[(at + verb.Length)..];
            }
        }

        return null;
    }

    // "意向書截止時間為正午" → "意向書截止": a deadline's headline says what closes.
    private static string Deadline(string headline) =>
        DeadlineWords().Match(headline) is { Success: true } match ? match.Groups["what"].Value + match.Groups["verb"].Value : headline;

    [GeneratedRegex(@"^(?<what>[^，,]{2,}?)(?<verb>截止|截至)(?:時間|时间|日期)(?:為|为|是)", RegexOptions.CultureInvariant)]
    private static partial Regex DeadlineWords();

    // "在…等單位支持下": a clause that only says under whose support or guidance something happened.
    private static bool IsCircumstance(string clause) =>
        clause.StartsWith('在') && HeadlineWords.EndsWithAny(clause, ["支持下", "指導下", "指导下", "推動下", "推动下", "帶領下", "带领下"]) > 0;

    // "舉行了…揭牌儀式" → "…揭牌儀式舉行": a gathering that is only held is the subject of its own headline.
    private static string HeldLast(string headline)
    {
        var verb = HeadlineWords.StartsWithAny(headline, HeadlineWords.HeldVerbs);
        if (verb == 0)
        {
            return headline;
        }

        var rest = headline[verb..].TrimStart('了');
        return rest.Length >= 4 && HeadlineWords.EndsWithAny(rest, Gatherings) > 0 ? rest + headline[..verb] : headline;
    }

    private static readonly string[] Gatherings =
    [
        "儀式", "仪式", "典禮", "典礼", "會議", "会议", "論壇", "论坛", "活動", "活动", "發布會", "发布会", "研討會", "研讨会", "峰會", "峰会",
        "大會", "大会", "開幕式", "开幕式",
    ];

    /// <summary>
    /// The title of an event told by several statements: the first told that is a headline (no <see cref="TitleFaults"/>),
    /// else the first with the fewest faults, so that a merged event is never titled by a fragment ("上午").
    /// </summary>
    public static string Best(IReadOnlyList<string> titles)
    {
        var best = titles[0];
        var bestFaults = titles.Count == 1 ? 0 : TitleFaults.Of(best).Count;
        for (var i = 1; i < titles.Count && bestFaults > 0; i++)
        {
            var faults = TitleFaults.Of(titles[i]).Count;
            if (faults < bestFaults)
            {
                (best, bestFaults) = (titles[i], faults);
            }
        }

        return best;
    }

    /// <summary>
    /// The ladder that shortens a title longer than <see cref="MaxLength"/>, one step at a time, until it fits: each
    /// step drops something a headline can do without and leaves a complete one. A title that fits is unchanged, except
    /// that a note "（以下簡稱…）" is always dropped.
    /// </summary>
    public static string Shorten(string title)
    {
        title = WithoutAbbreviationNote(title);
        foreach (var step in Steps)
        {
            if (TitleFaults.Length(title) <= MaxLength)
            {
                break;
            }

            var shorter = Finish(step(title));
            if (shorter.Length > 0 && shorter.Length < title.Length && HeadlineWords.HasVerb(shorter) && TitleFaults.Balanced(shorter))
            {
                title = shorter;
            }
        }

        return title;
    }

    private static readonly Func<string, string>[] Steps =
    [
        WithoutParentheticals,   // "粵港澳大灣區（廣東）量子科學中心" → "粵港澳大灣區量子科學中心"
        WithoutSecondName,       // "簽署活動暨…推介會在…舉辦" → "簽署活動在…舉辦"
        WithoutVenuePhrase,      // "薛其坤院士在…論壇現場活動上介紹了…" → "薛其坤院士介紹了…"
        WithoutMeans,            // "發展署通過服務創新推出…" → "發展署推出…"
        WithoutAmount,           // "宣布預計投入超10億元在…開設…" → "宣布在…開設…"
        WithoutPlaceBeforeVerb,  // "…簽署活動在深圳市…大廳舉辦" → "…簽署活動舉辦"
        WithShortNames,          // "深圳市河套深港科技創新合作區深圳園區發展署" → "河套深圳園區發展署"
        PersonWithoutOffices,    // "南方科技大學校長、…主任薛其坤院士" → "薛其坤院士"
        SubjectHead,             // "規模51億元的社保基金…專項基金落地…" → "社保基金…專項基金落地…"
        ObjectHead,              // "推出成本低於一萬美元的L4級…方案" → "推出L4級…方案"
        FirstOfList,             // "河套合作區16家科研平台、領軍企業、獨角獸首次…" → "河套合作區16家科研平台等首次…"
        WithoutAdverb,           // "…等正式入駐…" → "…等入駐…"
        SubjectWithoutQuotation, // "“稳中求进…”园区行大型采访调研活动来到…" → "园区行大型采访调研活动来到…"
        WithShortParkNames,      // "落馬洲河套港深創新及科技園聯合專責小組" → "港深創科園聯合專責小組"
        FirstPredicate,          // "X開設實驗室並開展…" → "X開設實驗室"
        AtWordBoundary,          // the longest head that ends before 的, 、, 和, a quotation…
    ];

    // ---- the clause -------------------------------------------------------------------------------------------------

    // The words before the date, without what belongs to the date ("元戎啟行於" → "元戎啟行") or only frames it.
    private static string Before(string before)
    {
        var text = StripLeading(before.Trim());
        for (var changed = true; changed;)
        {
            // "2023年和2024年": a joiner right before the date ties it to the date before, and goes with it.
            var length = Math.Max(HeadlineWords.EndsWithAny(text, DatePrepositions), HeadlineWords.EndsWithAny(text, TitleFaults.DateJoiners));
            changed = length > 0;
            text = text[..^length].TrimEnd();
        }

        var dash = text.LastIndexOf("——", StringComparison.Ordinal);
        if (dash >= 0)
        {
            text = text[(dash + 2)..]; // "由金城醫學承建「…」——臨床檢驗…平台" → "臨床檢驗…平台": after a dash comes the thing itself
        }

        var filler = HeadlineWords.StartsWithAny(text, Fillers);
        return filler == text.Length ? string.Empty : StripLeading(text[filler..]);
    }

    /// <summary><paramref name="text"/> without the time words, dates, particles and punctuation it opens with.</summary>
    private static string StripLeading(string text)
    {
        text = text.Trim();
        for (var changed = true; changed && text.Length > 0;)
        {
            var length = Math.Max(TitleFaults.LeadingTimeLength(text), HeadlineWords.StartsWithAny(text, HeadlineWords.Particles));
            while (length < text.Length && text[length] is '，' or ',' or '、' or ' ' or '　' or '—' or '-' or '：' or ':')
            {
                length++;
            }

            changed = length > 0;
            text = text[length..];
        }

        return text;
    }

    // "2024年12月起分階段落成" → "分階段落成": 起 and 以來 right after the date belong to it.
    private static string WithoutDateFollower(string text)
    {
        var length = HeadlineWords.StartsWithAny(text, ["以來", "以来", "起"]);
        return length > 0 && length < text.Length ? text[length..] : text;
    }

    private static string WithoutDateSuffix(string text)
    {
        var length = HeadlineWords.EndsWithAny(text, DateSuffixes);
        return length > 0 && length < text.Length ? text[..^length] : text;
    }

    // "在…峰會上" (the date removed) → the gathering's name; null when the clause is not a venue.
    private static string? Venue(string text)
    {
        if (!text.StartsWith('在') || HeadlineWords.EndsWithAny(text, VenueEnds) is var end && end == 0)
        {
            return null;
        }

        var name = text[1..^end];
        if (!HeadlineWords.EventNouns.Any(n => name.Contains(n, StringComparison.Ordinal)))
        {
            return null;
        }

        // "舉辦的第二十四屆…交易會" → "第二十四屆…交易會"
        var of = Clause.LastIndexOfTopLevel(name, "的");
        if (of >= 0 && HeadlineWords.HeldVerbs.Any(v => name.AsSpan(0, of).Contains(v, StringComparison.Ordinal)))
        {
            name = name[(of + 1)..];
        }

        name = WithoutAbbreviationNote(name).Trim();
        return name.Length >= 2 ? name : null;
    }

    // The news told after a venue: the next clause, when it says what someone did (not what someone said).
    private static string? News(IReadOnlyList<Clause> clauses, int at)
    {
        if (at >= clauses.Count)
        {
            return null;
        }

        var text = StripLeading(clauses[at].Text);
        var (verb, length) = HeadlineWords.FirstVerb(text);
        if (verb < 0 || HeadlineWords.SpeechVerbs.Contains(text.Substring(verb, length)) || TitleFaults.LacksSubject(text))
        {
            return null;
        }

        return text;
    }

    // "2017年將總部遷入福田的鯤雲科技": the date sits in a noun phrase; its head did what the phrase says.
    private static string? Attributive(string pre, string post)
    {
        if (pre.Length > 0 && TitleFaults.LacksSubject(pre) && !StartsWithDemonstrative(pre) && post.StartsWith('的') && HeadlineWords.HasVerb(pre))
        {
            // "落地河套深圳園區不到一年的香港科學園深圳分園已吸引…": the phrase before the date is what its head did then.
            var rest = post[1..];
            var verb = HeadlineWords.FirstVerb(rest).Index;
            var subject = (verb > 0 ? rest[..PredicateStart(rest, verb)] : rest).Trim();
            return Topic(subject) == subject ? subject + pre : null;
        }

        if (pre.Length > 0 && !StartsWithDemonstrative(pre))
        {
            return null;
        }

        var of = Clause.LastIndexOfTopLevel(post, "的");
        if (of <= 0)
        {
            return null;
        }

        var predicate = WithoutDateSuffix(post[..of]);
        var head = post[(of + 1)..].Trim();
        if (head.Length < 2 || !TitleFaults.LacksSubject(predicate) || !HeadlineWords.HasVerb(predicate) || HeadlineWords.FirstVerb(head).Index >= 0)
        {
            return null;
        }

        return pre + head + predicate;
    }

    // "舉行" or "举行", in the sentence's own script, for a venue that the text only names.
    private static string HeldVerb(string sentence)
    {
        foreach (var verb in HeadlineWords.HeldVerbs[..6])
        {
            if (sentence.Contains(verb, StringComparison.Ordinal))
            {
                return verb;
            }
        }

        var simplified = sentence.Count(c => "们这会发说进开关国区为时经过对学体内与来个后着园厅长书记".Contains(c));
        var traditional = sentence.Count(c => "們這會發說進開關國區為時經過對學體內與來個後著園廳長書記".Contains(c));
        return simplified > traditional ? "举行" : "舉行";
    }

    // "…峰會暨…頒獎儀式舉行": a gathering took place, and nothing else is said.
    private static bool IsGathering(string text)
    {
        var held = HeadlineWords.EndsWithAny(text, HeadlineWords.HeldVerbs);
        return held > 0 && !HeadlineWords.HasVerb(text[..^held]) && HeadlineWords.EventNouns.Any(n => text.Contains(n, StringComparison.Ordinal));
    }

    private static bool MentionsZone(string text) => HeadlineWords.ZoneWords.Any(z => text.Contains(z, StringComparison.Ordinal));

    private static bool HasDate(string text) => DateInText().IsMatch(text);

    [GeneratedRegex(@"[0-9０-９一二三四五六七八九十][月日號号]|[0-9]{4}年|[今去明前]年")]
    private static partial Regex DateInText();

    // The main statement of a sentence without a date of its own: the first clause with a verb and a subject.
    private static string? Statement(string sentence)
    {
        var clauses = Clause.Split(sentence);
        for (var i = 0; i < clauses.Count; i++)
        {
            var text = StripLeading(clauses[i].Text);
            if (IsFraming(text) || IsNounPhrase(text) || !HeadlineWords.HasVerb(text))
            {
                continue;
            }

            if (!TitleFaults.LacksSubject(text))
            {
                return text;
            }

            return SubjectBefore(clauses, i) is { } subject ? subject + text : null;
        }

        return null;
    }

    // ---- the subject ------------------------------------------------------------------------------------------------

    // The topic of the first clause before clause `at` that has one.
    private static string? SubjectBefore(IReadOnlyList<Clause> clauses, int at)
    {
        for (var i = 0; i < Math.Min(at, clauses.Count); i++)
        {
            if (Topic(clauses[i].Text) is { } topic)
            {
                return topic;
            }
        }

        return null;
    }

    /// <summary>
    /// The subject a clause is about, or null: "元戎啟行是一家…公司" → "元戎啟行"; "牽頭建設…的晶泰科技" → "晶泰科技";
    /// "河套深圳園區探索實施了…" → "河套深圳園區". Conservative: a short name, without a verb, a time word or a pronoun.
    /// </summary>
    public static string? Topic(string clause)
    {
        var text = StripLeading(clause);
        if (text.Length == 0 || IsFraming(text))
        {
            return null;
        }

        string candidate;
        var isAt = Clause.IndexOfTopLevel(text, "是");
        if (isAt >= 2 && HeadlineWords.FirstVerb(text[..isAt]).Index < 0)
        {
            candidate = text[..isAt];
        }
        else if (IsNounPhrase(text))
        {
            candidate = text[(Clause.LastIndexOfTopLevel(text, "的") + 1)..];
        }
        else
        {
            var verb = HeadlineWords.FirstVerb(text).Index;
            candidate = verb < 0 ? text : text[..PredicateStart(text, verb)];
        }

        candidate = candidate.Trim();
        return candidate.Length >= 2 && TitleFaults.Length(candidate) <= 24 && !TitleFaults.LacksSubject(candidate)
            && HeadlineWords.FirstVerb(candidate).Index < 0 && TitleFaults.LeadingTimeLength(candidate) == 0
            && !candidate.Contains('的') && !candidate.Contains('，') && !candidate.Contains("記者") && !candidate.Contains("记者")
            && TitleFaults.Balanced(candidate)
            ? candidate
            : null;
    }

    // A clause that only sets the scene: "為了…", "在乘用車領域", "得益於…".
    private static bool IsFraming(string text) => HeadlineWords.StartsWithAny(text, HeadlineWords.FramingOpeners) > 0;

    // "牽頭建設…平臺的晶泰科技", "…推出的全球首款芯片": a noun phrase whose head ends it, not a statement.
    private static bool IsNounPhrase(string text)
    {
        var of = Clause.LastIndexOfTopLevel(text, "的");
        if (of <= 0 || of == text.Length - 1 || HeadlineWords.FirstVerb(text, of + 1).Index >= 0)
        {
            return false;
        }

        if (TitleFaults.LacksSubject(text))
        {
            return true;
        }

        for (var length = 1; length <= 4 && length <= of; length++)
        {
            if (HeadlineWords.VerbAt(text, of - length) == length)
            {
                return true; // "推出的": a verb right before 的 makes a relative clause
            }
        }

        return false;
    }

    // Where the predicate starts: before the adverbs, prepositions and particles that lead to the verb.
    private static int PredicateStart(string text, int verb)
    {
        var depths = Clause.Depths(text);
        for (var i = 2; i < verb; i++)
        {
            if (depths[i] == 0
                && (HeadlineWords.StartsWithAny(text, HeadlineWords.PredicateOpeners, i) > 0 || HeadlineWords.StartsWithAny(text, ["也", "又", "亦", "還", "还", "已", "則", "则"], i) > 0
                    || HeadlineWords.StartsWithAny(text, HeadlineWords.TimeWords, i) > 0))
            {
                return i;
            }
        }

        return verb;
    }

    // The main verb: the first one that is not inside a relative clause ("鯤雲科技推出的芯片獲獎" → 獲獎).
    private static (int Index, int Length) MainVerb(string text)
    {
        var verbs = new List<(int Index, int Length)>();
        for (var v = HeadlineWords.FirstVerb(text); v.Index >= 0; v = HeadlineWords.FirstVerb(text, v.Index + v.Length))
        {
            verbs.Add(v);
        }

        for (var k = 0; k + 1 < verbs.Count; k++)
        {
            var of = Clause.IndexOfTopLevel(text, "的", verbs[k].Index);
            if (of < 0 || of > verbs[k + 1].Index)
            {
                return verbs[k];
            }
        }

        return verbs.Count > 0 ? verbs[^1] : (-1, 0);
    }

    private static bool StartsWithDemonstrative(string text) => HeadlineWords.StartsWithAny(text, HeadlineWords.Demonstratives) > 0;

    // "這家孵化加速平台成立" after "在粵港澳青年創新創業工場，記者看到…" → "粵港澳青年創新創業工場成立".
    private static string WithAntecedent(string text, string? previous)
    {
        if (!StartsWithDemonstrative(text) || previous is null)
        {
            return text;
        }

        var first = Clause.Split(previous) is { Count: > 0 } clauses ? StripLeading(clauses[0].Text) : string.Empty;
        var antecedent = first.StartsWith('在') ? Topic(first[1..]) : Topic(first);
        var (verb, _) = MainVerb(text);
        if (antecedent is null || verb <= 0)
        {
            return text;
        }

        return antecedent + text[PredicateStart(text, verb)..];
    }

    // "河套科創中心也正式開園" → "河套科創中心正式開園": a headline has no 也, 又 or 已 between subject and verb.
    private static string WithoutParticlesAfterSubject(string text)
    {
        var (verb, _) = MainVerb(text);
        var depths = Clause.Depths(text);
        for (var i = 2; i < verb; i++)
        {
            var length = HeadlineWords.StartsWithAny(text, ["已經", "已经", "也", "又", "亦", "還", "还", "已", "則", "则"], i);
            if (length > 0 && depths[i] == 0
                && (HeadlineWords.VerbAt(text, i + length) > 0 || HeadlineWords.StartsWithAny(text, HeadlineWords.PredicateOpeners, i + length) > 0))
            {
                return text[..i] + text[(i + length)..];
            }
        }

        return text;
    }

    // ---- shortening ---------------------------------------------------------------------------------------------

    private static string WithoutAbbreviationNote(string text) => AbbreviationNote().Replace(text, string.Empty);

    [GeneratedRegex(@"[（(](?:以下簡稱|以下简称|下稱|下称|簡稱|简称)[^）)]*[）)]")]
    private static partial Regex AbbreviationNote();

    private static string WithoutParentheticals(string text)
    {
        var depths = Clause.Depths(text);
        var kept = new System.Text.StringBuilder();
        var inBook = 0;
        for (var i = 0; i < text.Length; i++)
        {
            inBook += text[i] == '《' ? 1 : text[i] == '》' ? -1 : 0;
            if (inBook == 0 && text[i] is '（' or '(')
            {
                var close = text.IndexOfAny(['）', ')'], i);
                if (close > i && depths[i] == 1)
                {
                    i = close;
                    continue;
                }
            }

            kept.Append(text[i]);
        }

        return kept.ToString();
    }

    // (subject, predicate) split at the main verb's predicate start.
    private static (string Subject, string Predicate) Split(string text)
    {
        var (verb, _) = MainVerb(text);
        if (verb <= 0)
        {
            return (string.Empty, text);
        }

        var start = PredicateStart(text, verb);
        return (text[..start], text[start..]);
    }

    private static string WithoutSecondName(string text)
    {
        var (subject, predicate) = Split(text);
        var and = Clause.IndexOfTopLevel(subject, "暨");
        return and > 0 ? subject[..and] + predicate : text;
    }

    private static string WithoutVenuePhrase(string text)
    {
        var depths = Clause.Depths(text);
        for (var at = Clause.IndexOfTopLevel(text, "在"); at > 0; at = Clause.IndexOfTopLevel(text, "在", at + 1))
        {
            for (var end = text.IndexOf('上', at); end > at && end + 1 < text.Length; end = text.IndexOf('上', end + 1))
            {
                var inner = text[(at + 1)..end];
                if (depths[end] == 0 && HeadlineWords.EventNouns.Any(n => inner.EndsWith(n, StringComparison.Ordinal) || inner.EndsWith(n + "現場", StringComparison.Ordinal) || inner.EndsWith(n + "现场", StringComparison.Ordinal)))
                {
                    return text[..at] + text[(end + 1)..];
                }
            }
        }

        return text;
    }

    private static string WithoutMeans(string text)
    {
        var at = Math.Max(Clause.IndexOfTopLevel(text, "通過"), Clause.IndexOfTopLevel(text, "通过"));
        if (at <= 0)
        {
            return text;
        }

        var (verb, _) = HeadlineWords.FirstVerb(text, at + 2);
        return verb > at + 2 ? text[..at] + text[verb..] : text;
    }

    private static string WithoutAmount(string text) => Amount().Replace(text, string.Empty, 1);

    [GeneratedRegex(@"(?:預計|预计|計劃|计划|擬|拟)?(?:總投資|总投资|投入|投資|投资)(?:超過|超过|超|約|约|近|逾|達|达)?[0-9０-９.]+(?:多)?(?:萬|万|億|亿)?(?:元|美元|港元)(?=.)")]
    private static partial Regex Amount();

    private static string WithoutPlaceBeforeVerb(string text)
    {
        var (verb, _) = MainVerb(text);
        var at = Clause.LastIndexOfTopLevel(text, "在", verb);
        if (verb <= 0 || at <= 0 || MentionsZone(text[at..verb]))
        {
            return text;
        }

        return text[..at] + text[verb..];
    }

    private static string WithShortNames(string text) => Replaced(text, HeadlineWords.ShortNames);

    private static string WithShortParkNames(string text) => Replaced(text, HeadlineWords.ParkShortNames);

    private static string Replaced(string text, IEnumerable<(string Long, string Short)> names)
    {
        foreach (var (longName, shortName) in names)
        {
            text = text.Replace(longName, shortName, StringComparison.Ordinal);
        }

        return text;
    }

    // Each person before the verb without the offices before the name: "局長楊偉雄與深圳市副市長艾學峰主持…" → "楊偉雄與艾學峰主持…".
    private static string PersonWithoutOffices(string text)
    {
        var (verb, _) = MainVerb(text);
        if (verb <= 0)
        {
            return text;
        }

        var people = text[..verb];
        var parts = PeopleSeparators().Split(people);
        var separators = PeopleSeparators().Matches(people);
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            var part = parts[i];
            if (i < separators.Count && separators[i].Value == "、" && HeadlineWords.EndsWithAny(part, Offices) > 0)
            {
                continue; // "南方科技大學校長、…主任薛其坤院士": offices of the same person
            }

            var cut = -1;
            foreach (var office in Offices)
            {
                var at = Clause.LastIndexOfTopLevel(part, office);
                if (at >= 0 && at + office.Length + 2 <= part.Length)
                {
                    cut = Math.Max(cut, at + office.Length);
                }
            }

            result.Append(cut > 0 ? part[cut..] : part);
            if (i < separators.Count)
            {
                result.Append(separators[i].Value);
            }
        }

        return result + text[verb..];
    }

    [GeneratedRegex("[、與与和]")]
    private static partial Regex PeopleSeparators();

    private static string SubjectHead(string text)
    {
        var (subject, predicate) = Split(text);
        var of = Clause.LastIndexOfTopLevel(subject, "的");
        return of >= 0 && subject.Length - of > 2 ? subject[(of + 1)..] + predicate : text;
    }

    private static string SubjectWithoutQuotation(string text)
    {
        var (subject, predicate) = Split(text);
        if (subject.Length == 0 || Clause.Openers.IndexOf(subject[0]) is var open && open < 0 || subject[0] == '《')
        {
            return text;
        }

        var close = subject.IndexOf(Clause.Closers[open]);
        return close > 0 && subject.Length - close > 3 ? subject[(close + 1)..] + predicate : text;
    }

    private static string ObjectHead(string text)
    {
        var (verb, length) = MainVerb(text);
        if (verb < 0)
        {
            return text;
        }

        var of = Clause.IndexOfTopLevel(text, "的", verb + length);
        return of > verb + length && text.Length - of > 3 ? text[..(verb + length)] + text[(of + 1)..] : text;
    }

    private static string FirstOfList(string text)
    {
        var (subject, predicate) = Split(text);
        var comma = Clause.IndexOfTopLevel(subject, "、");
        return comma >= 2 ? subject[..comma] + "等" + predicate : text;
    }

    private static string WithoutAdverb(string text)
    {
        var (verb, _) = MainVerb(text);
        foreach (var adverb in new[] { "正式", "首次", "首度", "成功", "順利", "顺利", "率先", "共同", "分別", "分别", "陸續", "陆续", "相繼", "相继" })
        {
            var at = Clause.LastIndexOfTopLevel(text, adverb, verb);
            if (at > 0 && at + adverb.Length == verb)
            {
                return text[..at] + text[verb..];
            }
        }

        return text;
    }

    private static string FirstPredicate(string text)
    {
        var (verb, length) = MainVerb(text);
        if (verb < 0)
        {
            return text;
        }

        foreach (var and in new[] { "並", "并", "以及", "及", "，", "、" })
        {
            var at = Clause.IndexOfTopLevel(text, and, verb + length);
            if (at > verb + length && !HeadlineWords.InsideName(text, at))
            {
                return text[..at];
            }
        }

        return text;
    }

    // The longest head of the title that fits and ends at a word boundary: before 的, 、, 和, 及, a quotation or a
    // bracket, never inside brackets, quotations, a known name (HeadlineWords.Names) or a run of Latin letters and
    // digits (與 joins the parts of many names: 國際產業與標準組織聚集區).
    private static string AtWordBoundary(string text)
    {
        var (verb, length) = MainVerb(text);
        var depths = Clause.Depths(text);
        for (var end = text.Length - 1; end > Math.Max(verb + length - 1, 1); end--)
        {
            var boundary = (depths[end] == 0 && text[end] is '的' or '、' or '，' or '和' or '及')
                || (depths[end] == 1 && Clause.Openers.Contains(text[end]) && text[end] != '《');
            if (boundary && TitleFaults.Length(text[..end]) <= MaxLength && !HeadlineWords.InsideName(text, end))
            {
                return text[..end];
            }
        }

        return text;
    }

    // Trims punctuation and words that cannot end a headline ("…的", "…、"), and any ellipsis.
    private static string Finish(string text)
    {
        text = text.Trim().Replace("…", string.Empty, StringComparison.Ordinal).Replace("...", string.Empty, StringComparison.Ordinal);
        text = text.TrimEnd(FinishTrimEnd);
        text = text.TrimStart(FinishTrimStart);
        return text;
    }

    private static readonly char[] FinishTrimEnd = ['。', '；', ';', '，', ',', '！', '!', '、', '：', ':', ' ', '—', '-'];
    private static readonly char[] FinishTrimStart = ['，', ',', '、', '—', '-', ' ', '：', ':'];
}
