using System.Globalization;
using System.Text.RegularExpressions;
using HetaoSite.Core.Cleaning;
using HetaoSite.Core.Loading;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction;

/// <summary>
/// Reads the date and outlet out of a byline or dateline. A deliberately small parser for the fixed forms outlets
/// print above an article (the temporal parser handles dates in running text).
/// </summary>
/// <example>
/// <c>深圳新聞網2025年12月12日訊(深圳特區報記者 許依妍 劉芳)</c> → 2025-12-12, outlet 深圳新聞網;
/// <c>2024年08月09日09:31 | 來源:新華網</c> → 2024-08-09, outlet 新華網; <c>發布時間:2024年01月30日</c> → 2024-01-30;
/// <c>2021-10-14 22:02:18 來源:香港商報網</c> → 2021-10-14, outlet 香港商報網; <c>新華社深圳8月8日電</c> → dateline 8-8, outlet 新華社;
/// <c>大公報記者胡永愛報道</c> → reporter outlet 大公報.
/// </example>
public static partial class BylineParser
{
    public static BylineFacts Parse(string byline)
    {
        var text = MetadataDateParser.AsciiDigits(byline);
        PartialDate? date = null;
        int? month = null, day = null;
        var dateIndex = -1;
        if (FullDate().Match(text) is { Success: true } full && TryDate(full, out var parsed))
        {
            date = parsed;
            dateIndex = full.Index;
        }
        else if (YearMonth().Match(text) is { Success: true } yearMonth && TryDate(yearMonth, out parsed))
        {
            date = parsed;
            dateIndex = yearMonth.Index;
        }
        else if (Dateline().Match(text) is { Success: true } dateline)
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
            var prefix = text[..dateIndex].Trim();
            outlet = KnownOutlets.PrefixOf(prefix) ?? (KnownOutlets.LooksLikeOutlet(prefix) ? prefix : null);
        }

        string? reporterOutlet = null;
        if (Reporter().Match(text) is { Success: true } reporter)
        {
            var name = reporter.Groups["outlet"].Value;
            reporterOutlet = KnownOutlets.PrefixOf(name) ?? (KnownOutlets.LooksLikeOutlet(name) ? name : null);
        }

        return new BylineFacts(date, month, day, outlet, reporterOutlet);
    }

    private static bool TryDate(Match match, out PartialDate date)
    {
        date = default;
        var year = Number(match.Groups["y"].Value);
        int? month = match.Groups["m"].Success ? Number(match.Groups["m"].Value) : null;
        int? day = match.Groups["d"].Success ? Number(match.Groups["d"].Value) : null;
        if (!PartialDate.IsValid(year, month, day))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    private static int Number(string digits) => int.Parse(digits, NumberStyles.None, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<y>\d{4}) ?年 ?(?<m>\d{1,2}) ?月 ?(?<d>\d{1,2}) ?[日號号]|(?<y>\d{4})[-/.](?<m>\d{1,2})[-/.](?<d>\d{1,2})", RegexOptions.CultureInvariant)]
    private static partial Regex FullDate();

    [GeneratedRegex(@"(?<y>\d{4}) ?年 ?(?<m>\d{1,2}) ?月", RegexOptions.CultureInvariant)]
    private static partial Regex YearMonth();

    [GeneratedRegex(@"(?<!\d)(?<m>\d{1,2})月(?<d>\d{1,2})日[電电訊讯]", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    [GeneratedRegex(@"(?:[來来]源|稿源)[：:] ?(?<outlet>[^ |｜丨]{1,30})", RegexOptions.CultureInvariant)]
    private static partial Regex Source();

    [GeneratedRegex(@"(?:記者|记者|通訊員|通讯员)", RegexOptions.CultureInvariant)]
    private static partial Regex ReporterMarker();

    // The outlet right before 記者, after an optional role such as 文 or 图: 文羊城晚报记者 → 羊城晚报.
    [GeneratedRegex(@"(?:^|[ （(])(?:文|圖|图|攝影|摄影)?(?<outlet>[^ （(]{2,12}?)(?:特約記者|特约记者|記者|记者)", RegexOptions.CultureInvariant)]
    private static partial Regex Reporter();
}
