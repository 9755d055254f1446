using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Decides whether a dated statement states a development of the zone (something done, opened, signed, launched,
/// issued, founded, moved, approved, held…) or is only a mention of a date: page metadata, a photo caption, the
/// reporters' own visit, a figure, an opinion or a forecast. Every word list is written once, in Simplified script,
/// and matched against text folded to Simplified (<see cref="ScriptFold"/>), so both scripts are recognised.
/// </summary>
/// <remarks>
/// A statement is read in two parts. Its <em>head</em> is the clause holding the date, or — when that clause is only
/// the date ("2024年6月，…") — the clause after it. Its <em>span</em> is the head and the next clause
/// ("2023年，在兩地推動下，首座大樓落成"). Metadata, captions and the reporters' activity are recognised in the whole
/// sentence or head; development and figure words in the span.
/// </remarks>
public static partial class EventWording
{
    /// <summary>Verbs of a development: the statement says something was done.</summary>
    private static readonly string[] Developments =
    [
        // founded, set up, named
        "成立", "设立", "新设", "挂牌", "揭牌", "揭幕", "创立", "创办", "组建", "建立", "授牌", "诞生",
        // opened, started, put into use
        "开园", "开业", "开幕", "平顶", "正式展开", "征集", "开学", "开通", "开工", "动工", "奠基", "封顶", "竣工", "建成", "落成", "完工", "启用",
        "投入使用", "投用", "投入运营", "运营", "上线", "启动", "开放", "投产", "通车", "开设", "改造完成", "交付",
        // issued, approved, decided
        "发布", "公布", "印发", "出台", "颁布", "实施", "施行", "批准", "批复", "获批", "审议通过", "通过", "决定", "提出", "部署",
        // signed, agreed
        "签署", "签约", "签订", "签发", "达成",
        // held
        "举行", "举办", "召开", "亮相", "考察", "视察", "到访", "来访",
        // launched, listed, won
        "推出", "上市", "首发", "获得", "荣获", "获评", "入选", "颁奖", "中标", "收购", "并购", "完成",
        // deadlines set for a step (意向書截止時間為11月6日)
        "截止时间", "截止日期", "截收",
        // settled in, moved
        "落户", "落地", "入驻", "进驻", "迁入", "搬迁", "引进", "引入", "迎来",
        // firsts and trials
        "首次", "试点", "宣布",
        // English pages (whole words, any case)
        "opened", "opens", "launched", "launches", "signed", "established", "set up", "unveiled", "inaugurated", "approved", "issued", "released", "held", "hosted", "began", "started", "completed", "announced", "founded", "moved into", "relocated", "settled in", "listed", "won", "awarded", "commenced", "put into use", "put into service", "came into effect", "took effect", "came into force", "introduced", "kicked off", "broke ground", "topped out", "tops out",
        "published", "signed up", "begun", "begins",
        // a meeting chaired, convened or to be held is a meeting held (or planned: "will hold its first meeting in February")
        "chaired", "chairs", "co-chaired", "convened", "convenes", "will hold", "will be held", "to be held",
    ];

    /// <summary>Gatherings whose naming with a date says they were held ("9月12日，在…新聞發布會上").</summary>
    private static readonly string[] Occasions =
    [
        "论坛", "峰会", "大会", "发布会", "会议", "仪式", "典礼", "交易会", "博览会", "展览会", "研讨会", "推介会", "座谈会", "签约会",
        "路演", "大赛", "创客日", "开放日", "简介会", "说明会",
        // English pages (whole words, any case)
        "forum", "summit", "conference", "ceremony", "expo", "symposium", "seminar",
    ];

    /// <summary>Labels of page metadata and bylines, wherever they stand in the text.</summary>
    private static readonly string[] PageMetadata =
    [
        "发布时间", "发稿时间", "信息提供日期", "更新时间", "来源：", "来源:", "责任编辑", "编辑：", "编辑:", "作者：", "作者:", "稿件来源",
        "日期：", "日期:",
    ];

    /// <summary>English page metadata, recognised at the start of a line only ("The plan was published in 2023" is prose).</summary>
    private static readonly string[] EnglishPageMetadata =
    [
        "published", "updated", "posted", "last modified", "last updated"
    ];

    /// <summary>The known news outlets (<see cref="Cleaning.KnownOutlets"/>), folded, longest first.</summary>
    private static readonly string[] FoldedOutlets = [.. Cleaning.KnownOutlets.All.Select(ScriptFold.Fold).Distinct(StringComparer.Ordinal)];

    /// <summary>Openings of a photo caption: 圖為…, 圖：…, 圖片來源…, 資料圖片….</summary>
    private static readonly string[] CaptionOpenings =
    [
        "图为", "图：", "图:", "图片来源", "资料图片", "资料图：", "（图）", "(图)"
    ];

    /// <summary>Words inside or at the end of a caption: the photo's date and credit (2023年8月1日攝, 新華社記者 X 攝, 受訪者供圖).</summary>
    private static readonly string[] CaptionMarks =
    [
        "日摄", "月摄", "拍摄的", "摄）", "摄)", "供图", "资料图片", "图片来源"
    ];

    /// <summary>The reporters' own activity: a date that tells when the reporter went, saw or learnt, not what happened.</summary>
    private static readonly string[] ReporterActivity =
    [
        "记者跟随", "记者随", "记者近日", "记者日前", "记者了解到", "记者获悉", "记者看到", "记者走访", "记者探访", "记者来到", "记者在现场",
        "记者发现", "记者注意到", "记者一行", "采访团", "记者团", "采访调研", "调研行", "媒体行", "走进河套", "探访河套",
        // English pages (whole words, any case)
        "this reporter", "our reporter", "reporters visited", "press tour", "media tour",
    ];

    /// <summary>A figure or budget as the statement's point (the figure belongs in figures.json).</summary>
    private static readonly string[] Figures =
    [
        "计划投资", "总投资", "投资额", "完成投资", "产值", "营收", "同比", "增长", "增速", "占比", "达到", "水质", "空气质量", "监测",
        "人次", "万元", "亿元",
        // English pages (whole words, any case)
        "investment of", "totalled", "totaled", "year-on-year", "per cent", "percent", "water quality",
    ];

    /// <summary>Figures whatever the verb: a cumulative count (截至2024年6月…累計推出標準138項).</summary>
    private static readonly string[] CumulativeFigures =
    [
        "累计", "共计"
    ];

    /// <summary>"截至2024年6月": a count up to the date that follows (unlike 截止時間為11月6日, a deadline).</summary>
    private static readonly string[] UpTo =
    [
        "截至", "截止", "截止到", "截至到"
    ];

    /// <summary><see cref="UpTo"/>, the longest first: "截止到" before "截止".</summary>
    private static readonly string[] UpToLongestFirst = [.. UpTo.OrderByDescending(u => u.Length)];

    /// <summary>Plans of a count: "計劃引進…30家以上" is a target, a figure, not a step, unless the count is then said to be
    /// done (已).</summary>
    private static readonly string[] Targets =
    [
        "计划", "拟引", "拟新", "拟落", "目标", "力争", "争取",
    ];

    /// <summary>Inspection and research visits by officials or advisers (調研): not developments of the zone.</summary>
    private static readonly string[] Visits =
    [
        "调研",
    ];

    /// <summary>
    /// Steps an organisation fixes a date for (an opening, a ceremony, entry into force, a deadline): said of the
    /// future by an official they are a plan, unlike an expected completion or a forecast of tenants.
    /// </summary>
    private static readonly string[] ScheduledSteps =
    [
        "开园", "开幕", "开业", "启用", "施行", "实施", "生效", "举行", "举办", "召开", "开通", "揭牌", "截止", "截收",
        // English pages (whole words, any case)
        "open", "take effect", "be held",
    ];

    /// <summary>Completions: dated after the article they are expected, not done ("工程時間表是…2023年完成").</summary>
    private static readonly string[] Completions =
    [
        "完成", "完工", "竣工", "建成", "落成",
        // English pages (whole words, any case)
        "completed", "be completed", "finished",
    ];

    /// <summary>Development words other than completions: one of them beside a future completion makes it a step.</summary>
    private static readonly string[] OtherThanCompletions = [.. Developments.Except(Completions)];

    /// <summary>Opinions: what someone thinks, not what happened.</summary>
    private static readonly string[] Opinions =
    [
        "认为", "相信", "看来", "预判", "坦言", "感叹", "希望", "期待", "期望", "建议",
        // English pages (whole words, any case)
        "believes", "in his view", "in her view", "hopes",
    ];

    /// <summary>Forecasts: what may happen, whoever says it (預計2026年建成 is a forecast; 將於2026年3月1日起施行 a plan).</summary>
    private static readonly string[] Forecasts =
    [
        "有望", "可望", "或将", "料将", "预期", "预测", "预计",
        // English pages (whole words, any case)
        "expected to", "is likely to", "are likely to", "projected to", "forecast",
    ];

    /// <summary>Verbs of reported speech: "他表示，園區將於今年底前落成" is the speaker's forecast, not a plan the article states.</summary>
    private static readonly string[] Speech =
    [
        "表示", "说", "称", "指出", "透露", "介绍",
        // English pages (whole words, any case)
        "said", "says", "told",
    ];

    /// <summary>Future wording that, after a verb of <see cref="Speech"/>, makes the statement a forecast.</summary>
    private static readonly string[] Future =
    [
        "将于", "将在", "将会", "即将", "计划", "拟",
        // English pages (whole words, any case)
        "will", "would",
    ];

    /// <summary>The reporters' own visit when the date's clause names the reporter and one of these verbs (本刊記者12月初走訪…).</summary>
    private static readonly string[] ReporterVisits =
    [
        "走访", "探访", "跟随", "来到", "看到", "了解到", "获悉", "发现", "注意到", "采访",
    ];

    /// <summary>"蘋果公司宣布預計投入…": the announcement is what happened; the forecast is its content.</summary>
    private static readonly string[] Announcements =
    [
        "宣布", "公布", "签署", "发布了"
    ];

    /// <summary>Openings that point at the gathering told just before: "現場簽約…", "會上發布了…" (Simplified; compared folded).</summary>
    private static readonly string[] OccasionReferences =
    [
        "现场", "会上", "会议上", "论坛上", "峰会上", "大会上", "发布会上", "仪式上", "活动上", "活动现场", "论坛期间", "会议期间", "峰会期间",
    ];

    /// <summary>Upper bounds on a span of time: "落地…不到一年的…" (see <c>EventExtractor</c>), in both scripts.</summary>
    public static IReadOnlyList<string> UpperBounds { get; } =
    [
        "不到", "不足", "未满", "未滿"
    ];

    /// <summary>
    /// Why the statement whose date stands at <paramref name="offset"/> (length <paramref name="length"/>) in
    /// <paramref name="sentence"/> is not an event, or null when it states a development. <paramref name="future"/>
    /// tells that the date lies after the article's publication.
    /// </summary>
    public static (DropReason Reason, string Detail)? WhyNotAnEvent(string sentence, int offset, int length, bool future = false)
    {
        var folded = ScriptFold.Fold(sentence);
        var (head, span) = Parts(folded, offset, length);
        var start = Math.Clamp(offset, 0, folded.Length);
        var date = folded.Substring(start, Math.Clamp(length, 0, folded.Length - start));
        var after = folded[(start + date.Length)..];

        if (PageMetadataIn(folded, offset) is { } metadata)
        {
            return (DropReason.Byline, $"page metadata ({metadata})");
        }

        if (IsCaption(folded))
        {
            return (DropReason.Caption, "photo caption");
        }

        if (IsInsideQuotedSpeech(sentence, offset))
        {
            return (DropReason.Opinion, "quoted speech");
        }

        if (Any(head, ReporterActivity) is { } reporter
            || (head.Contains("记者", StringComparison.Ordinal) && Any(head, ReporterVisits) is { } visit && (reporter = "记者…" + visit) is not null))
        {
            return (DropReason.ReporterActivity, reporter);
        }

        if (Any(head, Visits) is { } inspection)
        {
            return (DropReason.NoDevelopment, $"an inspection or research visit ({inspection})");
        }

        if (IsPeriodInBrackets(folded, offset, length))
        {
            return (DropReason.NoDevelopment, "the period of what precedes it, in brackets");
        }

        // "今年是「十四五」規劃的收官之年": the year described, not something done in it.
        if (after.TrimStart().StartsWith('是'))
        {
            return (DropReason.NoDevelopment, "context (the date described: …是…)");
        }

        if (StatementDate(head, date) is { } verb)
        {
            return (DropReason.NoDevelopment, $"the day it was said ({verb}), not of a development");
        }

        var development = Any(span, Developments) ?? Any(head, Occasions);
        if ((Any(head, CumulativeFigures) ?? UpToTheDate(folded, offset)) is { } cumulative)
        {
            return (DropReason.Figure, cumulative);
        }

        // "計劃引進的5家機構已全部落地" reports the target met: a development, not a target.
        if (Any(span, Targets) is { } plan && Count().Match(span) is { Success: true } count
            && !span.AsSpan(count.Index + count.Length).Contains('已'))
        {
            return (DropReason.Figure, $"a target ({plan}…{count.Value})");
        }

        // "專家認為，2025年…": the speaker may stand before the date.
        var said = folded[..Math.Clamp(offset, 0, folded.Length)] + head;
        if (Any(said, Opinions) is { } opinion)
        {
            return (DropReason.Opinion, opinion);
        }

        if (Any(said, Forecasts) is { } forecast && Any(said, Announcements) is null)
        {
            return (DropReason.Opinion, $"forecast ({forecast})");
        }

        if (Any(said, Speech) is { } speech && Any(head, Future) is { } will && Any(span, ScheduledSteps) is null)
        {
            return (DropReason.Opinion, $"forecast ({speech}…{will})");
        }

        // "工程時間表是2018年中動工，2023年完成": a completion after the article is expected, not done; a step it is
        // scheduled with ("建成並投入使用") keeps it a plan.
        if (future && Any(head, Completions) is { } completion && Any(span, ScheduledSteps) is null && Any(span, OtherThanCompletions) is null)
        {
            return (DropReason.Opinion, $"expected completion ({completion})");
        }

        if (development is null && Any(span, Figures) is { } figure)
        {
            return (DropReason.Figure, figure);
        }

        return development is null ? (DropReason.NoDevelopment, "no development stated") : null;
    }

    /// <summary>Verbs that, closing the date's clause, introduce what was said: "局長9月1日表示，…", "區長在發布會上介紹，…".</summary>
    private static readonly string[] Saying =
    [
        "表示", "指出", "透露", "介绍", "称", "说",
        // a speech given: "…在大会上发表讲话，要求“规划建设好…”" — the call is what was said
        "讲话", "致辞",
    ];

    // "局長孫東9月1日表示，園區將…": the date is when it was said. The clause holding the date ends in a verb of saying,
    // and nothing between the date and the verb is a development — a gathering where it was said ("在發布會上") is not.
    private static string? StatementDate(string head, string date)
    {
        var clause = head.TrimEnd();
        var verb = Saying.FirstOrDefault(v => clause.EndsWith(v, StringComparison.Ordinal));
        var at = date.Length == 0 ? -1 : clause.IndexOf(date, StringComparison.Ordinal);
        if (verb is null || at < 0 || at + date.Length > clause.Length - verb.Length)
        {
            return null;
        }

        var between = Venue().Replace(clause[(at + date.Length)..^verb.Length], string.Empty);
        return Any(between, Developments) is null && Any(between, Occasions) is null ? verb : null;
    }

    // "截至2024年6月…": the date closes a count.
    private static string? UpToTheDate(string folded, int offset)
    {
        var before = folded.AsSpan(0, Math.Clamp(offset, 0, folded.Length)).TrimEnd();
        foreach (var upTo in UpToLongestFirst)
        {
            if (before.EndsWith(upTo, StringComparison.Ordinal))
            {
                return upTo;
            }
        }

        return null;
    }

    // "the 14th Five-Year Plan (2021-2025)", "十四五規劃（2021－2025年）": a span in brackets dates the name before it.
    private static bool IsPeriodInBrackets(string folded, int offset, int length)
    {
        var end = offset + length;
        if (offset < 1 || end >= folded.Length || folded[offset - 1] is not ('(' or '（') || folded[end] is not (')' or '）'))
        {
            return false;
        }

        return folded.AsSpan(offset, length).IndexOfAny(RangeMarks) > 0;
    }

    private static readonly System.Buffers.SearchValues<char> RangeMarks = System.Buffers.SearchValues.Create("-－–—~～至到");

    /// <summary>"在系列主題新聞發布會上": where something was said.</summary>
    [GeneratedRegex("在[^，,。]{1,40}?上")]
    private static partial Regex Venue();

    /// <summary>A count of organisations or items: 30家以上, 10個, 5項.</summary>
    [GeneratedRegex("[0-9０-９]+(?:多|余)?(?:家|个|项|名|间|座|所|支)(?:以上|左右)?")]
    private static partial Regex Count();

    /// <summary>True when the statement states a development (a verb of <see cref="Developments"/> or a gathering held).</summary>
    public static bool StatesDevelopment(string text)
    {
        var folded = ScriptFold.Fold(text);
        return Any(folded, Developments) is not null || Any(folded, Occasions) is not null;
    }

    /// <summary>The words (as written in <paramref name="sentence"/>) with which it opens by pointing at a gathering, or null.</summary>
    public static string? OccasionReference(string sentence)
    {
        var folded = ScriptFold.Fold(sentence.TrimStart());
        var skipped = sentence.Length - sentence.TrimStart().Length;
        var marker = OccasionReferences.Where(r => folded.StartsWith(r, StringComparison.Ordinal)).MaxBy(r => r.Length);
        return marker is null ? null : sentence.Substring(skipped, marker.Length);
    }

    /// <summary>True when the text names a gathering (論壇, 發布會, 儀式…).</summary>
    public static bool NamesOccasion(string text) => Any(ScriptFold.Fold(text), Occasions) is not null;

    /// <summary>True when the text reads as a photo caption (圖為…, …(2023年8月1日攝), 這是…拍攝的…, 受訪者供圖).</summary>
    public static bool IsCaption(string folded)
    {
        var trimmed = folded.AsSpan().TrimEnd("。 .");
        return HeadlineWords.StartsWithAny(folded, CaptionOpenings) > 0
            || Any(folded, CaptionMarks) is not null
            || (folded.StartsWith("这是", StringComparison.Ordinal) && folded.Contains("拍摄", StringComparison.Ordinal))
            || (trimmed.EndsWith('摄') && folded.Contains("记者", StringComparison.Ordinal));
    }

    // A metadata label anywhere, an English one opening the line, or a news outlet's name right before the date
    // ("大公報 2024年3月5日").
    private static string? PageMetadataIn(string folded, int offset)
    {
        if (Any(folded, PageMetadata) is { } label)
        {
            return label;
        }

        var lower = AsciiCase.ToLower(folded.TrimStart());
        if (FirstStartingWith(lower, EnglishPageMetadata) is { } english)
        {
            return english;
        }

        var outlet = FirstStartingWith(folded, FoldedOutlets);
        return outlet is not null && folded.AsSpan(outlet.Length, Math.Max(0, offset - outlet.Length)).Trim().IsEmpty ? outlet : null;
    }

    private static string? FirstStartingWith(string text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.StartsWith(word, StringComparison.Ordinal))
            {
                return word;
            }
        }

        return null;
    }

    /// <summary>The head and the span of the statement whose date is at <paramref name="offset"/> (see the remarks).</summary>
    public static (string Head, string Span) Parts(string sentence, int offset, int length)
    {
        var clauses = Clause.Split(sentence);
        var at = -1;
        for (var i = 0; i < clauses.Count; i++)
        {
            if (clauses[i].Start <= offset)
            {
                at = i;
            }
        }

        if (at < 0)
        {
            return (sentence, sentence);
        }

        var clause = clauses[at];
        var rest = clause.Text.Remove(Math.Clamp(offset - clause.Start, 0, clause.Text.Length),
            Math.Clamp(length, 0, clause.Text.Length - Math.Clamp(offset - clause.Start, 0, clause.Text.Length)));
        // "2024年6月，…" or "（記者 毛麗）1月25日，…": a clause that is only the date (and a bracketed byline) heads nothing.
        var depths = Clause.Depths(rest);
        var words = 0;
        for (var i = 0; i < rest.Length; i++)
        {
            words += depths[i] == 0 && (Cleaning.ChineseText.IsHan(rest[i]) || char.IsAsciiLetter(rest[i])) ? 1 : 0;
        }

        var headIndex = words < 3 && at + 1 < clauses.Count ? at + 1 : at;
        var head = headIndex == at ? clause.Text : clause.Text + "，" + clauses[headIndex].Text;
        var span = headIndex + 1 < clauses.Count ? head + "，" + clauses[headIndex + 1].Text : head;
        return (head, span);
    }

    // A date inside quotation marks that hold speech (a quote with sentence punctuation, or a long one) — not a name
    // in quotes such as “科匯通” or 「量子谷」. Marks are paired innermost first; an unclosed mark (often a garbled one)
    // quotes nothing, as in the sentence splitter.
    private static bool IsInsideQuotedSpeech(string sentence, int offset)
    {
        foreach (var (open, close) in (ReadOnlySpan<(char, char)>)[('“', '”'), ('「', '」')])
        {
            var opened = new Stack<int>();
            for (var i = 0; i < sentence.Length; i++)
            {
                if (sentence[i] == open)
                {
                    opened.Push(i);
                }
                else if (sentence[i] == close && opened.TryPop(out var start) && start < offset && offset < i)
                {
                    var quote = sentence.AsSpan(start + 1, i - start - 1);
                    if (quote.IndexOfAny(SpeechPunctuation) >= 0 || quote.Length > 20)
                    {
                        return true;
                    }
                }
            }
        }

        return false;
    }

    private static readonly System.Buffers.SearchValues<char> SpeechPunctuation = System.Buffers.SearchValues.Create("，。！？,!?");

    // The first word of the list the text holds. Chinese words match anywhere; English ones as whole words in any case
    // ("won" is not "wonder").
    private static string? Any(string text, string[] words)
    {
        string? lower = null;
        foreach (var word in words)
        {
            if (!char.IsAsciiLetter(word[0]))
            {
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    return word;
                }

                continue;
            }

            lower ??= AsciiCase.ToLower(text);
            for (var at = lower.IndexOf(word, StringComparison.Ordinal); at >= 0; at = lower.IndexOf(word, at + 1, StringComparison.Ordinal))
            {
                var end = at + word.Length;
                if ((at == 0 || !char.IsAsciiLetter(lower[at - 1])) && (end == lower.Length || !char.IsAsciiLetter(lower[end])))
                {
                    return word;
                }
            }
        }

        return null;
    }
}
