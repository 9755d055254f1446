using System.Buffers;
using System.Text.RegularExpressions;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// The word lists behind event titles, in both scripts, shared by the headline builder (<see cref="EventTitles"/>) and
/// the fault check (<see cref="TitleFaults"/>) so that what one removes the other rejects. Lists, not a segmenter: a
/// verb missing here only makes a title's structure harder to see, never changes its words.
/// </summary>
public static partial class HeadlineWords
{
    /// <summary>Verbs of developments and of news (two characters or more, so that they are not parts of names).</summary>
    public static readonly string[] Verbs =
    [
        "發布", "发布", "發佈", "推出", "成立", "揭牌", "掛牌", "挂牌", "開園", "开园", "開業", "开业", "開幕", "开幕", "閉幕", "闭幕",
        "落幕", "開學", "开学", "平頂", "平顶", "封頂", "封顶", "截止", "舉行", "举行", "舉辦", "举办", "召開", "召开", "簽署", "签署", "簽約", "签约", "簽訂", "签订",
        "落地", "落戶", "落户", "入駐", "入驻", "進駐", "进驻", "上線", "上线", "上市", "啟動", "启动", "啟用", "启用", "投用",
        "建成", "竣工", "動工", "动工", "開工", "开工", "奠基", "獲批", "获批", "批准", "批覆", "批复", "印發", "印发", "出台",
        "公布", "公佈", "頒布", "颁布", "頒發", "颁发", "通過", "通过", "設立", "设立", "創立", "创立", "創辦", "创办", "遷入",
        "迁入", "開設", "开设", "宣布", "宣佈", "投入", "投資", "投资", "引進", "引进", "迎來", "迎来", "亮相", "獲得", "获得",
        "榮獲", "荣获", "獲頒", "获颁", "獲評", "获评", "獲獎", "获奖", "授牌", "開通", "开通", "運營", "运营", "運行", "运行",
        "實施", "实施", "探索", "決定", "决定", "建設", "建设", "打造", "達到", "达到", "來到", "来到", "介紹", "介绍", "表示",
        "指出", "開展", "开展", "共建", "成為", "成为", "完成", "突破", "實現", "实现", "入選", "入选", "走進", "走进", "到訪",
        "到访", "考察", "調研", "调研", "出席", "發表", "发表", "提出", "推動", "推动", "推進", "推进", "加入", "組建", "组建",
        "成長", "成长", "培育", "吸引", "匯聚", "汇聚", "集聚", "聚集", "上榜", "入圍", "入围", "揭曉", "揭晓", "發出", "发出",
        "授予", "頒獎", "颁奖", "交付", "建立", "成交", "登記", "登记", "備案", "备案", "攜手", "携手", "達成", "达成", "落成",
        "揭幕", "開放", "开放", "牽頭", "牵头", "主持", "會見", "会见", "會晤", "会晤", "設置", "设置", "簽發", "签发", "發放", "发放", "升級", "升级", "擴容", "扩容", "遷址", "迁址",
    ];

    /// <summary>One-character verbs: too ambiguous to show a title's structure, enough to show that it has a verb.</summary>
    public static readonly string[] SingleVerbs = ["獲", "获", "簽", "签", "達", "达", "設", "设", "迎", "遷", "迁", "建", "辦", "办", "升", "增", "開", "开", "建", "用"];

    // A verb followed by one of these is part of a noun: 發布會, 開幕式, 簽約儀式, 頒獎典禮, 成立大會, 簽署活動.
    private const string NounMakers = "會会式禮礼儀仪典區区處处廳厅館馆室";
    private static readonly string[] NounMakerWords = ["大會", "大会", "活動", "活动", "現場", "现场"];

    /// <summary>Words that open a predicate, not a subject: adverbs and prepositions before a verb.</summary>
    public static readonly string[] PredicateOpeners =
    [
        "正式", "首次", "首度", "成功", "順利", "顺利", "率先", "共同", "分別", "分别", "先後", "先后", "相繼", "相继", "陸續", "陆续",
        "再次", "已經", "已经", "正在", "持續", "持续", "不斷", "不断", "在", "於", "于", "將", "将", "向", "與", "与", "把", "被",
        "從", "从",
    ];

    /// <summary>Particles and connectives that cannot open a title (也, 又, 並…), nor a headline's predicate after its subject.</summary>
    public static readonly string[] Particles =
    [
        "也", "又", "亦", "還", "还", "則", "则", "已", "並", "并", "以及", "而且", "並且", "并且", "此外", "其中", "另外", "同時",
        "同时", "對此", "对此", "因此", "然而", "不過", "不过", "據悉", "据悉", "據了解", "据了解", "值得一提的是", "值得關注的是",
        "值得关注的是", "隨後", "随后", "此前", "後來", "后来", "最終", "最终", "目前", "如今", "現在", "现在", "當前", "当前",
        // "隨着香港園區去年12月開園，…": what happened in the dated clause is the opening; 隨着 only ties it to what follows
        "隨着", "隨著", "随着", "随著",
    ];

    /// <summary>Time words that cannot open a title (上午, 今年, 近日…); dates are recognised by <see cref="LeadingDateLength"/>.</summary>
    public static readonly string[] TimeWords =
    [
        "上午", "下午", "中午", "晚上", "晚間", "晚间", "凌晨", "早上", "傍晚", "當天", "当天", "當日", "当日", "同日", "同月", "同年",
        "次日", "翌日", "今年", "去年", "明年", "前年", "今天", "今日", "昨天", "昨日", "前天", "前日", "明天", "近日", "日前", "近期", "近年來",
        "近年来", "近年", "本月", "上月", "下月", "年初", "年底", "年末", "年中", "月初", "月底", "月中", "早在", "截至", "截止",
        "當時", "当时", "當年", "当年", "屆時", "届时", "此後", "此后", "之後", "之后",
    ];

    /// <summary>Nouns naming a gathering: a clause "在…峰會上" is a venue, not the news.</summary>
    public static readonly string[] EventNouns =
    [
        "會", "会", "論壇", "论坛", "儀式", "仪式", "典禮", "典礼", "活動", "活动", "峰會", "峰会", "博覽", "博览", "展覽", "展览",
        "大賽", "大赛", "比賽", "比赛", "年會", "年会", "開幕式", "开幕式",
    ];

    /// <summary>Verbs that say a gathering took place.</summary>
    public static readonly string[] HeldVerbs = ["舉行", "举行", "舉辦", "举办", "召開", "召开", "開幕", "开幕", "閉幕", "闭幕", "落幕"];

    /// <summary>Verbs of speech: a clause "X表示" after a venue reports what was said, not what happened.</summary>
    public static readonly string[] SpeechVerbs =
    [
        "表示", "介紹", "介绍", "指出", "說", "说", "稱", "称", "透露", "強調", "强调", "認為", "认为", "坦言", "直言", "提到",
    ];

    /// <summary>Openers of framing clauses (purpose, cause, hearsay, setting): such a clause names no subject.</summary>
    public static readonly string[] FramingOpeners =
    [
        "為了", "为了", "為", "为", "隨著", "随着", "隨着", "随著", "值得關注的是", "值得关注的是", "值得一提的是", "據悉", "据悉", "據了解", "据了解",
        "此外", "其中", "目前", "同時", "同时", "另外", "對此", "对此", "在", "於", "于", "如今", "得益於", "得益于", "作為", "作为",
        "根據", "根据", "按照", "圍繞", "围绕", "面對", "面对", "通過", "通过", "自", "從", "从", "截至", "除了", "不管", "記者", "记者",
    ];

    /// <summary>Pronouns and demonstratives: a subject that only points back needs its antecedent.</summary>
    public static readonly string[] Demonstratives = ["這家", "这家", "這個", "这个", "這一", "这一", "這", "这", "該", "该", "此", "其", "他", "她", "它", "我們", "我们"];

    /// <summary>The zone's long names and the short forms the articles themselves use, applied only to a title too long.</summary>
    public static readonly (string Long, string Short)[] ShortNames =
    [
        // The Shenzhen Park's development company, by the short name the papers use.
        ("深圳市深港科技創新合作區發展有限公司", "深港科創公司"), ("深圳市深港科技创新合作区发展有限公司", "深港科创公司"),
        ("深圳深港科技創新合作區發展有限公司", "深港科創公司"), ("深圳深港科技创新合作区发展有限公司", "深港科创公司"),
        ("深圳市河套深港科技創新合作區深圳園區", "河套深圳園區"), ("深圳市河套深港科技创新合作区深圳园区", "河套深圳园区"),
        ("河套深港科技創新合作區深圳園區", "河套深圳園區"), ("河套深港科技创新合作区深圳园区", "河套深圳园区"),
        ("河套深港科技創新合作區香港園區", "河套香港園區"), ("河套深港科技创新合作区香港园区", "河套香港园区"),
        ("河套深港科技創新合作區", "河套合作區"), ("河套深港科技创新合作区", "河套合作区"),
    ];

    /// <summary>
    /// The Hong Kong Park's own name, by the short form of the zone: gazetteer (site-config.yml, zone.parks); applied
    /// late, when dropping offices and adverbs left a title still too long, and before any cut by words.
    /// </summary>
    public static readonly (string Long, string Short)[] ParkShortNames =
    [
        ("落馬洲河套港深創新及科技園", "港深創科園"), ("落马洲河套港深创新及科技园", "港深创科园"),
        ("港深創新及科技園", "港深創科園"), ("港深创新及科技园", "港深创科园"),
    ];

    /// <summary>
    /// Names of the zone and its parts that hold a joiner or a verb-like word (及, 與, 創新…), so that a cut by
    /// words could fall inside them: the long names of <see cref="ShortNames"/> and these. A title never ends inside one.
    /// </summary>
    public static readonly string[] Names =
    [
        .. ShortNames.Select(n => n.Long),
        .. ParkShortNames.Select(n => n.Long),
        "國際產業與標準組織聚集區", "国际产业与标准组织聚集区",
        "粵港澳青年創新創業工場", "粤港澳青年创新创业工场",
        "世界無線局域網應用發展聯盟", "世界无线局域网应用发展联盟",
    ];

    /// <summary>True when a cut before <paramref name="index"/> would fall inside one of <see cref="Names"/>.</summary>
    public static bool InsideName(string text, int index)
    {
        foreach (var name in Names)
        {
            for (var at = text.IndexOf(name, StringComparison.Ordinal); at >= 0; at = text.IndexOf(name, at + 1, StringComparison.Ordinal))
            {
                if (at < index && index < at + name.Length)
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// True when <paramref name="text"/> ends with a name of <see cref="Names"/> cut short: a head of at least four
    /// characters that does not end with a whole name ("…主持落馬洲河套港深創新", cut from 落馬洲河套港深創新及科技園).
    /// </summary>
    public static bool EndsInsideName(string text)
    {
        foreach (var name in Names)
        {
            for (var length = name.Length - 1; length >= 4; length--)
            {
                var head = name[..length];
                if (text.EndsWith(head, StringComparison.Ordinal) && !EndsWithName(head))
                {
                    return true;
                }
            }
        }

        return false;
    }

    // A head that ends with a whole name ("落馬洲河套", "深圳市河套") is a name itself, not a cut one.
    private static bool EndsWithName(string text) => EndsWithAny(text, WholeNames) > 0;

    /// <summary>Words whose presence says a text is about the zone.</summary>
    public static readonly string[] ZoneWords = ["河套", "深港科技創新合作區", "深港科技创新合作区", "Hetao", "HETAO"];

    // Every whole name (after the lists it is made of, which static initialisation needs first).
    private static readonly string[] WholeNames = [.. Names, .. ShortNames.Select(n => n.Short), .. ParkShortNames.Select(n => n.Short), .. ZoneWords];

    private static readonly Dictionary<char, string[]> VerbsByFirst = Verbs
        .GroupBy(v => v[0]).ToDictionary(g => g.Key, g => g.OrderByDescending(v => v.Length).ToArray());

    private static readonly SearchValues<char> VerbFirsts = SearchValues.Create([.. VerbsByFirst.Keys]);

    /// <summary>The verb of <see cref="Verbs"/> at <paramref name="index"/> (the longest), or 0.</summary>
    public static int VerbAt(string text, int index)
    {
        if (index >= text.Length || !VerbsByFirst.TryGetValue(text[index], out var verbs))
        {
            return 0;
        }

        foreach (var verb in verbs)
        {
            if (string.CompareOrdinal(text, index, verb, 0, verb.Length) == 0)
            {
                var end = index + verb.Length;
                var noun = end < text.Length && (NounMakers.Contains(text[end]) || StartsWithAny(text, NounMakerWords, end) > 0);
                return noun ? 0 : verb.Length;
            }
        }

        return 0;
    }

    /// <summary>The first verb outside brackets and quotes at or after <paramref name="from"/>: (index, length), or (-1, 0).</summary>
    public static (int Index, int Length) FirstVerb(string text, int from = 0)
    {
        var depth = Clause.Depths(text);
        for (var i = from; i < text.Length; i++)
        {
            var next = text.AsSpan(i).IndexOfAny(VerbFirsts);
            if (next < 0)
            {
                break;
            }

            i += next;
            if (depth[i] == 0 && VerbAt(text, i) is > 0 and var length)
            {
                return (i, length);
            }
        }

        return (-1, 0);
    }

    /// <summary>True when <paramref name="text"/> holds a verb (of <see cref="Verbs"/> or <see cref="SingleVerbs"/>) outside brackets and quotes.</summary>
    public static bool HasVerb(string text)
    {
        if (FirstVerb(text).Index >= 0)
        {
            return true;
        }

        var depth = Clause.Depths(text);
        for (var i = 0; i < text.Length; i++)
        {
            if (depth[i] == 0 && SingleVerbs.Contains(text[i].ToString()))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The longest word of <paramref name="words"/> that <paramref name="text"/> starts with, or 0.</summary>
    public static int StartsWithAny(string text, ReadOnlySpan<string> words, int at = 0)
    {
        var best = 0;
        foreach (var word in words)
        {
            if (word.Length > best && at + word.Length <= text.Length && string.CompareOrdinal(text, at, word, 0, word.Length) == 0)
            {
                best = word.Length;
            }
        }

        return best;
    }

    /// <summary>The longest word of <paramref name="words"/> that <paramref name="text"/> ends with, or 0.</summary>
    public static int EndsWithAny(string text, ReadOnlySpan<string> words)
    {
        var best = 0;
        foreach (var word in words)
        {
            if (word.Length > best && text.EndsWith(word, StringComparison.Ordinal))
            {
                best = word.Length;
            }
        }

        return best;
    }

    /// <summary>
    /// Length of a date at the start of <paramref name="text"/> ("2024年6月", "12月11日", "二〇二四年", "8日"), or 0.
    /// A year naming an edition ("2025年度…") or a year without 年 ("2022 琴珠澳…") is part of a name, not a date.
    /// </summary>
    public static int LeadingDateLength(string text) => LeadingDate().Match(text) is { Success: true } m ? m.Length : 0;

    [GeneratedRegex(@"^(?:(?:[0-9０-９]{2,4}|[〇○零一二三四五六七八九]{2,4})年(?!度)(?:[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日號号])?)?|[0-9０-９一二三四五六七八九十]{1,2}月(?:[0-9０-９一二三四五六七八九十]{1,3}[日號号])?|[0-9０-９一二三四五六七八九十]{1,3}[日號号](?![本報报]))")]
    private static partial Regex LeadingDate();
}
