using System.Text;
using System.Text.RegularExpressions;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// The key facts that two reports of one development must share, read from a statement's title and the clauses that
/// tell its development (<see cref="Region"/>), in Simplified script when a converter is given, so that a Traditional and a Simplified report compare alike.
/// Each fact is a kind and a value:
/// <list type="bullet">
/// <item>the edition or batch of a numbered series: 第6屆 → (第届, 6), 第二批 → (第批, 2), 首屆 → (第届, 1), 2024年度 → (年度, 2024);</item>
/// <item>a counted quantity: 6項 → (项, 6), 15億元 → (亿, 15), 30家 → (家, 30);</item>
/// <item>a quoted name: 「明峰」平台, 《規劃》, “…” → (name, 明峰);</item>
/// <item>an organisation, by the two characters before its kind word: 深圳大學 → (organisation, 深圳大学); a company by the
/// characters before the words that only say what kind of company it is: 華為技術有限公司 → (organisation, 华为企业);</item>
/// <item>the kind of development the title states, by its verb: 《規劃》發布 → (development, issued), 新聞發布會舉行 →
/// (development, held), 簽署協議 → (development, signed); see <see cref="Developments"/>.</item>
/// </list>
/// Two statements agree when, for every kind both of them name, they share a value: the 6th and the 7th edition of a
/// forum, six and eight topics, two different companies, or a plan published and a press conference held are different
/// developments however alike their titles and dates. A
/// statement that names nothing of a kind agrees with any other on it, as one report is often less detailed than another.
/// </summary>
public sealed partial class StatementFacts
{
    private const string NameKind = "name";
    private const string OrganisationKind = "organisation";
    private const string DevelopmentKind = "development";

    // The kinds of development a headline's verb states, each with its words in both scripts and in English. A title may
    // state several (舉行開園典禮: held and opened); two reports of one development share at least one. 發布會 is a
    // press conference (held), not a publication, so it is read before 發布.
    private static readonly (string Kind, string[] Words)[] DevelopmentWords =
    [
        ("held", ["发布会", "發布會", "举行", "舉行", "举办", "舉辦", "召开", "召開", "开幕", "開幕", "闭幕", "閉幕", " held ", " holds ", " hosted ", " hosts "]),
        ("issued", ["发布", "發布", "印发", "印發", "出台", "公布", "頒布", "颁布", "发表", "發表", "印制", " published ", " publishes ", " released ", " releases ", " issued ", " issues ", " unveiled ", " unveils "]),
        ("signed", ["签署", "簽署", "签约", "簽約", "签订", "簽訂", " signed ", " signs ", " sign "]),
        ("opened", ["开园", "開園", "启用", "啟用", "开业", "開業", "揭牌", "开学", "開學", "投用", "投入使用", "落成", "开放", "開放", " opened ", " opens ", " open "]),
        ("founded", ["成立", "创立", "創立", "挂牌", "掛牌", "设立", "設立", "组建", "組建", " founded ", " established ", " set up "]),
        ("launched", ["启动", "啟動", "推出", "上线", "上線", " launched ", " launches ", " started ", " begins ", " began "]),
        ("approved", ["批复", "批覆", "批准", "获批", "獲批", "审议通过", "審議通過", " approved ", " approves "]),
        ("settled", ["落地", "入驻", "入駐", "进驻", "進駐", "落户", "落戶", "迁入", "遷入", " moved ", " moves ", " settled "]),
        ("built", ["动工", "動工", "开工", "開工", "奠基", "平顶", "平頂", "封顶", "封頂", "竣工", " topped out ", " completed "]),
        ("listed", ["上市", " listed "]),
    ];

    // Traditional forms of the unit and kind words the patterns below read, for texts compared without a converter.
    private static readonly Dictionary<char, char> SimplifiedUnit = new()
    {
        ['屆'] = '届', ['輪'] = '轮', ['項'] = '项', ['個'] = '个', ['條'] = '条', ['億'] = '亿', ['萬'] = '万', ['間'] = '间',
        ['棟'] = '栋', ['層'] = '层', ['％'] = '%', ['頃'] = '顷',
    };

    // Kind words of organisations; a company or group is named by the characters before the words that only say what
    // kind of company it is (华为技术有限公司 and 华为集团 are both 华为's), other kinds by the two characters before them.
    private static readonly (string Word, string Kind)[] OrganisationWords =
    [
        ("公司", "企业"), ("集团", "企业"), ("集團", "企业"), ("研究院", "研究院"), ("研究所", "研究所"), ("实验室", "实验室"),
        ("實驗室", "实验室"), ("大学", "大学"), ("大學", "大学"), ("学院", "学院"), ("學院", "学院"), ("医院", "医院"), ("醫院", "医院"),
        ("联盟", "联盟"), ("聯盟", "联盟"), ("协会", "协会"), ("協會", "协会"),
    ];

    private static readonly HashSet<string> GenericStems = new(StringComparer.Ordinal)
    {
        "有限", "股份", "技术", "技術", "科技", "控股", "发展", "發展", "投资", "投資", "国际", "國際", "集团", "集團", "实业", "實業",
        "创新", "創新", "产业", "產業",
    };

    private readonly Dictionary<string, HashSet<string>> _values;

    private StatementFacts(Dictionary<string, HashSet<string>> values) => _values = values;

    /// <summary>No facts: agrees with everything.</summary>
    public static StatementFacts None { get; } = new([]);

    /// <summary>The facts as "kind=value" strings in ordinal order, for tests and messages.</summary>
    public IReadOnlyList<string> Describe() =>
        [.. _values.SelectMany(kv => kv.Value.Select(v => $"{kv.Key}={v}")).Order(StringComparer.Ordinal)];

    public static StatementFacts Of(DatedStatement statement, IScriptConverter? converter)
    {
        var title = converter?.ToSimplified(statement.Title) ?? statement.Title;
        return Read(title + "\n" + Region(statement, converter), title);
    }

    /// <summary>The facts of a text as it is (no script folding); the kind of development from <paramref name="headline"/>.</summary>
    public static StatementFacts Read(string text, string? headline = null)
    {
        var values = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);

        void Add(string kind, string value)
        {
            if (!values.TryGetValue(kind, out var set))
            {
                values[kind] = set = new HashSet<string>(StringComparer.Ordinal);
            }

            set.Add(value);
        }

        foreach (Match match in Ordinal().Matches(text))
        {
            var number = match.Groups["n"].Success ? NumberValue(match.Groups["n"].Value) : "1";
            if (number is not null)
            {
                Add("第" + Unit(match.Groups["u"].Value), number);
            }
        }

        foreach (Match match in Annual().Matches(text))
        {
            if (NumberValue(match.Groups["n"].Value) is { } year)
            {
                Add("年度", year);
            }
        }

        foreach (Match match in Quantity().Matches(text))
        {
            var written = match.Groups["n"].Value;
            // 一 before a counter is mostly the article "a" (一家企業); it states no figure.
            if (written is not "一" && NumberValue(written) is { } number)
            {
                Add(Unit(match.Groups["u"].Value), number);
            }
        }

        foreach (Match match in Quoted().Matches(text))
        {
            var name = TextKey.Normalise(match.Groups["n"].Value, null);
            if (name.Length > 0)
            {
                Add(NameKind, name);
            }
        }

        foreach (var organisation in Organisations(text))
        {
            Add(OrganisationKind, organisation);
        }

        foreach (var development in Developments(headline ?? string.Empty))
        {
            Add(DevelopmentKind, development);
        }

        return values.Count == 0 ? None : new StatementFacts(values);
    }

    /// <summary>True when, for every kind of fact both name, they share a value.</summary>
    public bool AgreesWith(StatementFacts other)
    {
        var (small, large) = _values.Count <= other._values.Count ? (_values, other._values) : (other._values, _values);
        foreach (var (kind, values) in small)
        {
            if (large.TryGetValue(kind, out var others) && !values.Overlaps(others))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// The clauses that tell the statement's development: its date's clause, the clauses after it up to (not including)
    /// the next clause that holds a date, and the clauses before it when it is the sentence's first date, so that in
    /// "2023年舉辦第6屆，2024年舉辦第7屆" the 2024 statement reads only "2024年舉辦第7屆".
    /// </summary>
    /// <remarks>
    /// With a converter, the clauses are taken from the whole sentence converted (the build has it converted already, for
    /// display), which has the same clauses: conversion leaves punctuation alone.
    /// </remarks>
    public static string Region(DatedStatement statement, IScriptConverter? converter)
    {
        var sentence = statement.Sentence.Text;
        var clauses = Clause.Split(sentence);
        if (clauses.Count == 0)
        {
            return converter?.ToSimplified(sentence) ?? sentence;
        }

        var offset = Math.Clamp(statement.Expression.Start - statement.Sentence.Offset, 0, sentence.Length);
        var at = 0;
        for (var i = 0; i < clauses.Count && clauses[i].Start <= offset; i++)
        {
            at = i;
        }

        // The clauses before the date's belong to it only when no earlier clause holds a date: in "第七屆論壇，於2024年11月
        // 舉行" they name what was held; in "2023年舉辦第6屆，2024年舉辦第7屆" they are the earlier date's.
        var first = at;
        if (!clauses.Take(at).Any(c => HoldsDate(c.Text)))
        {
            first = 0;
        }

        var last = at;
        while (last + 1 < clauses.Count && !HoldsDate(clauses[last + 1].Text))
        {
            last++;
        }

        var shown = clauses;
        if (converter is not null && Clause.Split(converter.ToSimplified(sentence)) is var converted && converted.Count == clauses.Count)
        {
            (shown, converter) = (converted, null);
        }

        var region = new StringBuilder();
        for (var i = first; i <= last; i++)
        {
            region.Append(shown[i].Text).Append('，');
        }

        return converter?.ToSimplified(region.ToString()) ?? region.ToString();
    }

    // A number followed by 年, 月 or 日 (2024年, 三月, 12日), or a relative date word: enough to tell where another
    // statement's clauses begin.
    private static bool HoldsDate(string clause) => DateWords().IsMatch(clause);

    private static string Unit(string unit) =>
        unit.Length == 1 && SimplifiedUnit.TryGetValue(unit[0], out var simplified) ? simplified.ToString()
        : unit.Length > 1 ? string.Concat(unit.Select(c => SimplifiedUnit.GetValueOrDefault(c, c))) : unit;

    /// <summary>"6", "６", "六", "十二", "1.5" → their value as digits; null when the numeral cannot be read.</summary>
    private static string? NumberValue(string written)
    {
        if (written.Contains('.') || written.Contains('．'))
        {
            return string.Concat(written.Select(c => c == '．' ? '.' : CharInfo.DigitValue(c) is var d and >= 0 ? (char)('0' + d) : c));
        }

        return Numeral.TryRead(written, 0, out var numeral) && numeral.IsValid && numeral.End == written.Length
            ? numeral.Value.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : null;
    }

    /// <summary>
    /// The kinds of development a headline states by its verbs (<see cref="DevelopmentWords"/>): "《規劃》發布" → issued;
    /// "新聞發布會舉行" → held (發布會 is the conference's name, not a publication); "舉行開園典禮" → held, opened.
    /// </summary>
    public static IReadOnlyList<string> Developments(string headline)
    {
        var text = " " + AsciiCase.ToLower(headline) + " ";
        var kinds = new List<string>();
        foreach (var (kind, words) in DevelopmentWords)
        {
            var found = false;
            foreach (var word in words)
            {
                if (text.Contains(word, StringComparison.Ordinal))
                {
                    found = true;
                    // A word read is blanked out (English words keep their spaces), so a later kind does not read it
                    // again: 發布會 is not also 發布.
                    text = text.Replace(word, word[0] == ' ' ? "  " : new string('\u3000', word.Length), StringComparison.Ordinal);
                }
            }

            if (found)
            {
                kinds.Add(kind);
            }
        }

        return kinds;
    }

    private static IEnumerable<string> Organisations(string text)
    {
        foreach (var (word, kind) in OrganisationWords)
        {
            for (var at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            {
                var end = at;
                while (kind == "企业" && end >= 2 && GenericStems.Contains(text.Substring(end - 2, 2)))
                {
                    end -= 2;
                }

                if (end >= 2 && CharInfo.IsIdeograph(text[end - 1]) && CharInfo.IsIdeograph(text[end - 2]))
                {
                    yield return string.Concat(text.AsSpan(end - 2, 2), kind);
                }
            }
        }
    }

    private const string Numerals = "〇○零一二两兩三四五六七八九十百千";

    [GeneratedRegex($@"(?:第\s*(?<n>[0-9０-９]+|[{Numerals}]+)|首)\s*(?<u>[届屆次批期轮輪季])", RegexOptions.CultureInvariant)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"(?<n>[0-9０-９]{4}|[〇○零一二三四五六七八九]{4})\s*年度", RegexOptions.CultureInvariant)]
    private static partial Regex Annual();

    [GeneratedRegex($@"(?<![第0-9０-９.．{Numerals}万萬亿億])(?<n>[0-9０-９]+(?:[.．][0-9０-９]+)?|[{Numerals}万萬亿億]+)\s*(?<u>平方米|公顷|公頃|[项項家个個所座条條名位人宗份件台款间間栋棟层層%％元倍届屆次批期亿億万萬])",
        RegexOptions.CultureInvariant)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"[「『《“""](?<n>[^「」『』《》“”""\n]{1,40})[」』》”""]", RegexOptions.CultureInvariant)]
    private static partial Regex Quoted();

    [GeneratedRegex($@"[0-9０-９{Numerals}]\s*[年月日号號]|今年|去年|前年|明年|同年|同月|当天|當天|当日|當日|近日|日前|本月|上月", RegexOptions.CultureInvariant)]
    private static partial Regex DateWords();
}
