using System.Globalization;
using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Extraction.Temporal;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Reads the date and outlet out of the lines pages print above or below an article: bylines, datelines, mastheads
/// and date lines. The date itself is read by the <see cref="TemporalParser"/> (no anchor), so every form the date
/// grammar knows works here too: Arabic, full-width and Chinese numerals, numeric and English dates.
/// </summary>
/// <example>
/// <c>深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)</c> → 2025-12-12, outlet 深圳新聞網;
/// <c>2024年08月09日09:31 | 來源:新華網</c> → 2024-08-09, outlet 新華網; <c>發布時間:2024年01月30日</c> → 2024-01-30;
/// <c>2021-10-14 22:02:18 來源:香港商報網</c> → 2021-10-14, outlet 香港商報網; <c>新華社深圳8月8日電</c> → dateline 8-8, outlet 新華社;
/// <c>大公報記者胡永愛報道</c> → reporter outlet 大公報; <c>香港文匯報 2024年6月12日 星期三 A12版</c> → masthead 2024-06-12;
/// <c>二〇二四年六月十二日（星期三）</c> → bare date 2024-06-12; <c>Published: 12 Jun 2024</c> → 2024-06-12.
/// </example>
public static partial class BylineParser
{
    /// <summary>Longer lines are text, not page furniture.</summary>
    private const int MaxLineLength = 100;

    public static BylineFacts Parse(string byline)
    {
        var text = MetadataDateParser.AsciiDigits(byline);
        var (date, dateIndex, updated) = FirstDate(byline);
        int? month = null, day = null;
        if (date is null && Dateline().Match(text) is { Success: true } dateline)
        {
            month = Number(dateline.Groups["m"].Value);
            day = Number(dateline.Groups["d"].Value);
            if (month is < 1 or > 12 || day is < 1 or > 31)
            {
                month = day = null;
            }

            dateIndex = dateline.Index;
        }

        string? outlet = null;
        if (Source().Match(text) is { Success: true } source)
        {
            outlet = source.Groups["outlet"].Value.Trim();
        }
        else if (dateIndex > 0 && !ReporterMarker().IsMatch(text[..dateIndex]))
        {
            var prefix = text[..dateIndex].Trim(' ', '|', '｜', '《', '》', '（', '(', '【', '】', '[');
            outlet = KnownOutlets.PrefixOf(prefix) ?? (KnownOutlets.LooksLikeOutlet(prefix) ? prefix : null);
        }

        string? reporterOutlet = null;
        if (Reporter().Match(text) is { Success: true } reporter)
        {
            var name = reporter.Groups["outlet"].Value;
            reporterOutlet = KnownOutlets.PrefixOf(name) ?? (KnownOutlets.LooksLikeOutlet(name) ? name : null);
        }

        var form = date is null ? (month is null ? BylineForm.Byline : BylineForm.Dateline)
            : Label().IsMatch(text) ? BylineForm.Byline
            : outlet is not null || PageLabel().IsMatch(text) ? BylineForm.Masthead
            : BylineForm.BareDate;
        return new BylineFacts(date, month, day, outlet, reporterOutlet, form, updated);
    }

    /// <summary>
    /// True when the whole line is page furniture that carries a date: a full date plus only times, weekdays, labels
    /// (<c>發布時間:</c>, <c>來源:…</c>, <c>Published:</c>), outlet names and page labels (<c>A12版</c>); or a time stamp
    /// alone (<c>香港時間17時03分</c>). A date inside a sentence is never one.
    /// </summary>
    public static bool IsWholeLine(string text)
    {
        if (text.Length > MaxLineLength)
        {
            return false;
        }

        if (TimeStamp().IsMatch(text))
        {
            return true;
        }

        var parse = TemporalParser.Parse(text, default);
        if (!parse.Dates.Any(d => IsAbsolute(d) && d.Precision == DatePrecision.Day))
        {
            return false;
        }

        var rest = text.ToCharArray();
        foreach (var (start, length) in parse.Dates.Where(IsAbsolute).Select(d => (d.Start, d.Length))
            .Concat(parse.Rejected.Where(r => r.Reason == RejectionReason.TimeOfDay).Select(r => (r.Start, r.Text.Length))))
        {
            rest.AsSpan(start, length).Fill(' ');
        }

        // A short section name may stand beside a page label (A12版 要聞) or a time stamp (時事脈搏 | 2019-03-01 18:32).
        var timed = parse.Rejected.Any(r => r.Reason == RejectionReason.TimeOfDay);
        var remainder = Parts().Replace(new string(rest), " ");
        var paged = PageLabel().IsMatch(remainder);
        remainder = PageLabel().Replace(remainder, " ");
        // Token by token, stopping at the first that is not an outlet or a section name (most lines fail on the first).
        foreach (var range in Separators().EnumerateSplits(remainder))
        {
            var token = remainder[range];
            if (token.Length > 0 && !KnownOutlets.LooksLikeOutlet(token) && !((paged || timed) && token.Length <= 4 && token.All(ChineseText.IsHan)))
            {
                return false;
            }
        }

        return true;
    }

    private static (PartialDate? Date, int Index, bool Updated) FirstDate(string text)
    {
        var dates = TemporalParser.Parse(text, default).Dates.Where(d => IsAbsolute(d) && d.Precision != DatePrecision.Year).ToList();
        var best = dates.Any(d => d.Precision == DatePrecision.Day) ? dates.Where(d => d.Precision == DatePrecision.Day).ToList() : dates;
        if (best.Count == 0)
        {
            return (null, -1, false);
        }

        // "出版：2024-06-12 更新：2024-06-13": the publication date, not the update, unless the update is all there is.
        var chosen = best.FirstOrDefault(d => !IsUpdate(text, d.Start)) ?? best[0];
        return (chosen.Date, chosen.Start, IsUpdate(text, chosen.Start));
    }

    private static bool IsUpdate(string text, int dateStart)
    {
        var before = text[Math.Max(0, dateStart - 16)..dateStart];
        return before.Contains("更新", StringComparison.Ordinal) || before.Contains("updated", StringComparison.OrdinalIgnoreCase);
    }

    private static bool IsAbsolute(TemporalExpression date) => !date.Relative && date.End is null;

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    private const string LabelPattern =
        @"(?:[發发][布佈]|[發发]稿|更新|出版|刊[發发登]|[發发]表|信息提供|提供|上[載载]|稿件)?(?:[時时][間间]|日期)\s*[：:]"
        + @"|(?:出版|更新|[發发][布佈]|[發发]表)\s*[：:]"
        + @"|(?:(?:稿件)?[來来]源|稿源|作者|撰文|[編编][輯辑]|[責责]任[編编][輯辑]|[責责][編编]|記者|记者|通[訊讯]員|通[訊讯]员|攝影|摄影)\s*[：:]\s*[^\s|｜丨【]*"
        + @"|(?i:(?<![A-Za-z])(?:first\s+|last\s+)?(?:published|updated|posted|issued|released)(?:\s+(?:on|at))?(?:\s+HKT)?\s*:?)"
        + @"|(?<![A-Za-z])(?:Source|Author|Editor|Reporter|Photo)\s*:\s*[^|｜丨]*"
        + @"|(?<![A-Za-z])By\s+[A-Z][A-Za-z.'-]*(?:\s+[A-Z][A-Za-z.'-]*){0,3}";

    private const string TimePattern =
        @"(?:(?:香港|北京)?[時时][間间])?\s*(?:上午|下午|晚上|凌晨)?\d{1,2}\s*[時时點点:：]\s*\d{1,2}\s*分?(?:[:：]\d{2})?"
        + @"|(?i:\s*[ap]\.?m\.?(?![a-z]))|(?<![A-Za-z])(?:HKT|GMT|UTC|CST)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?";

    // Everything a byline line may hold besides its date and outlet names: labels with their values, times, weekdays,
    // font-size controls (大字號, 【字體：大 中 小】), share buttons (我要分享, 分享到), web addresses and "Ends" (the end marker of a government press release).
    [GeneratedRegex(LabelPattern + "|" + TimePattern
        + @"|(?:星期|週|周|禮拜|礼拜)[一二三四五六日天]|(?<![A-Za-z])(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day(?![a-z])|[小中大]字[號号]|[【\[]?字[體体號号]\s*[：:]\s*[大中小](?:\s*[大中小]){0,2}\s*[】\]]?"
        + @"|我要分享|分享(?:到|至)?|[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|(?<![A-Za-z])Ends(?![a-z])", RegexOptions.CultureInvariant)]
    private static partial Regex Parts();

    [GeneratedRegex(LabelPattern + @"|[訊讯](?:[ (（]|$)|[電电](?:[ (（]|$)", RegexOptions.CultureInvariant)]
    private static partial Regex Label();

    // A newspaper page: A12版, 第04版, 第 04 版, A05.
    [GeneratedRegex(@"(?:第\s*)?[A-Z]{0,2}\s*\d{1,3}\s*版(?:面)?|(?<![A-Za-z0-9])[A-Z]{1,2}\d{1,2}(?![A-Za-z0-9])", RegexOptions.CultureInvariant)]
    private static partial Regex PageLabel();

    [GeneratedRegex(@"[\s|｜丨/,，、·•\-–—()（）【】\[\]《》<>:：]+", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();

    // A press release's time stamp standing alone: 香港時間17時03分, Issued at HKT 17:03.
    [GeneratedRegex(@"^\s*(?:(?:香港|北京)[時时][間间]|(?i:issued\s+at\s+)?HKT)\s*(?:上午|下午)?\d{1,2}\s*[時时點点:：]\s*\d{2}\s*分?\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex TimeStamp();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})月(?<d>\d{1,2})日[電电訊讯]", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"(?:[來来]源|稿源)[：:] ?(?<outlet>[^\s|｜丨【]{1,30})", RegexOptions.CultureInvariant)]
    private static partial Regex Source();

    [GeneratedRegex(@"(?:記者|记者|通訊員|通讯员)", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterMarker();

    // The outlet right before 記者, after an optional role such as 文 or 图: 文羊城晚报记者 → 羊城晚报.
    [GeneratedRegex(@"(?:^|[ （(])(?:文|圖|图|攝影|摄影)?(?<outlet>[^ （(]{2,12}?)(?:特約記者|特约记者|記者|记者)", RegexOptions.CultureInvariant)]
    private static partial Regex Reporter();
}
