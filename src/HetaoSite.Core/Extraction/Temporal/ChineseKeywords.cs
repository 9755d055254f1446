namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// The fixed words of the Chinese date grammar, Traditional and Simplified side by side.
/// Longer words come first so 上上個月 wins over 上月 and 大前天 over 前天.
/// </summary>
internal static class ChineseKeywords
{
    /// <summary>Relative and anaphoric years: offset, and whether it refers to the previous date instead of the anchor.</summary>
    public static readonly (string Word, int Offset, bool Anaphor)[] Years =
    [
        ("大前年", -3, false), ("大後年", 3, false), ("大后年", 3, false),
        ("第二年", 1, true),
        ("今年", 0, false), ("本年", 0, false), ("去年", -1, false), ("上年", -1, false), ("前年", -2, false),
        ("明年", 1, false), ("來年", 1, false), ("来年", 1, false), ("後年", 2, false), ("后年", 2, false),
        ("同年", 0, true), ("該年", 0, true), ("该年", 0, true), ("當年", 0, true), ("当年", 0, true), ("是年", 0, true),
        ("次年", 1, true), ("翌年", 1, true),
    ];

    /// <summary>Relative and anaphoric months; 當月 falls back to the anchor month when nothing precedes it.</summary>
    public static readonly (string Word, int Offset, bool Anaphor, bool Fallback)[] Months =
    [
        ("上上個月", -2, false, false), ("上上个月", -2, false, false),
        ("上個月", -1, false, false), ("上个月", -1, false, false), ("上月", -1, false, false),
        ("這個月", 0, false, false), ("这个月", 0, false, false), ("本月", 0, false, false),
        ("下個月", 1, false, false), ("下个月", 1, false, false), ("下月", 1, false, false),
        ("同月", 0, true, false), ("該月", 0, true, false), ("该月", 0, true, false),
        ("當月", 0, true, true), ("当月", 0, true, true), ("次月", 1, true, false), ("翌月", 1, true, false),
    ];

    /// <summary>Relative and anaphoric days; 當天/當日 fall back to the anchor day when nothing precedes them.</summary>
    public static readonly (string Word, int Offset, bool Anaphor, bool Fallback)[] Days =
    [
        ("大前天", -3, false, false), ("大後天", 3, false, false), ("大后天", 3, false, false),
        ("今天", 0, false, false), ("今日", 0, false, false), ("今晨", 0, false, false), ("今晚", 0, false, false),
        ("昨天", -1, false, false), ("昨日", -1, false, false), ("昨晚", -1, false, false), ("昨夜", -1, false, false),
        ("前天", -2, false, false), ("明天", 1, false, false), ("明日", 1, false, false), ("明晚", 1, false, false),
        ("後天", 2, false, false), ("后天", 2, false, false),
        ("同一天", 0, true, false), ("同日", 0, true, false),
        ("當天", 0, true, true), ("当天", 0, true, true), ("當日", 0, true, true), ("当日", 0, true, true),
        ("第二天", 1, true, false), ("次日", 1, true, false), ("翌日", 1, true, false),
    ];

    /// <summary>Words for "recently": resolved to the anchor month, approximate.</summary>
    public static readonly string[] Recently = ["近日", "日前", "近期"];

    /// <summary>Week prefixes with their offset from the anchor's week.</summary>
    public static readonly (string Word, int Offset)[] WeekPrefixes =
    [
        ("上上個", -2), ("上上个", -2), ("上上", -2), ("下下個", 2), ("下下个", 2), ("下下", 2),
        ("上個", -1), ("上个", -1), ("下個", 1), ("下个", 1), ("這個", 0), ("这个", 0),
        ("上", -1), ("下", 1), ("本", 0), ("這", 0), ("这", 0),
    ];

    public static readonly string[] WeekWords = ["星期", "禮拜", "礼拜", "週", "周"];

    /// <summary>After a year word, characters that make it a different word (年輕, 年紀, 年級, 年薪, 年均…).</summary>
    public const string NotAfterYear = "輕轻齡龄紀纪級级薪息金貨货華华夜畫画糕均";

    /// <summary>Before 前年/後年/來年…, characters that make 年 part of another word (90後年輕人, 未來年均, 今後年…).</summary>
    public const string NotBeforeRelativeYear = "今之以最未往近此多几幾數数每成相";

    /// <summary>Before a standalone 年初/年底/上半年…, characters that make it part of another word (每年底, 全年, 百年初心).</summary>
    public const string NotBeforeYearPart = "每新百千万萬多数數几幾近当當同该該本今去明往历歷全半整余餘来來学學财財会會周週年上下第";

    /// <summary>Before 日前 (recently), characters that make 日 part of another word (節日前, 生日前, 截止日前).</summary>
    public const string NotBeforeRecently = "節节生假期末當当每今明昨前次翌同某周週工平往紅红落旭首元終终紀纪忌壽寿吉誕诞主星休抗朔晦白烈夏冬春秋幾几數数多個个這这那該该是截止到至之";

    /// <summary>After 月, characters that make it another word (月亮, 月球, 月餅, 月票, 月薪).</summary>
    public const string NotAfterMonth = "亮球光餅饼票薪子台臺宮宫嫂";

    /// <summary>After a bare day (no month), characters that make it a count of days (3日內, 1日遊, 5日均線).</summary>
    public const string CountAfterDay = "内內游遊均間间元";

    /// <summary>After a bare 8號, the characters that keep it a date; anything else ideographic (8號線, 3號樓) is not.</summary>
    public const string DateAfterBareHao = "上下晚早凌傍起至到舉举在开開正召发發";

    /// <summary>After a bare weekday 週一 (not 星期一), what keeps it a weekday rather than a name (周一鸣).</summary>
    public const string DateAfterBareZhou = "宣表發发公舉举召收起晚早上下在將将至到開开再又也正與与，,。、";

    /// <summary>After 年中/月中, what keeps it "mid-year" rather than 年+中國 (2022年中國經濟).</summary>
    public const string DateAfterMiddle = "時时期前後后以起的旬";

    /// <summary>
    /// Words that make a sentence a plan, so a year-less date in it may lie well ahead of the publication date
    /// (the year-end rule in docs/dates.md does not apply). Plain 將 is left out: it is also the object marker (將…納入).
    /// </summary>
    public static readonly string[] PlanMarkers =
    [
        "將於", "将于", "將在", "将在", "將會", "将会", "即將", "即将", "計劃", "计划", "預計", "预计", "擬於", "拟于", "擬在", "拟在",
        "預定", "预定", "屆時", "届时", "將舉行", "将举行", "將啟用", "将启用", "將開", "将开", "將正式", "将正式",
        " will ", " plans to ", " scheduled ", " expected to ",
    ];

    /// <summary>
    /// Before a bare day 8日: ordinal and count words (第8日, 每3日, 近5日), and the closing bracket of a document
    /// number's year (深府〔2021〕5號, 粵府函[2022]33號), whose serial number is not a day.
    /// </summary>
    public const string NotBeforeBareDay = "第每近前數数几幾逐.．〕］]】";
}
