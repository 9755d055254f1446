using System.Globalization;
using System.Text.RegularExpressions;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Loading;

/// <summary>
/// Parses the date of front matter or an HTML <c>&lt;meta&gt;</c>. The date is taken <b>as written</b>: a timestamp's
/// own offset is never converted, so <c>Tue, 06 Sep 2022 19:11:00 GMT</c> is 2022-09-06 (not 09-07 in Shenzhen) and
/// <c>2024-08-09T23:31:00+08:00</c> is 2024-08-09. The day an outlet printed is the day readers saw.
/// </summary>
/// <example>
/// <c>2024-08-09</c>, <c>2024-08-09T09:31:00+08:00</c>, <c>2024-08</c>, <c>2024</c>, <c>2024/8/9</c>,
/// <c>2024年8月9日</c>, <c>２０２４-０８-０９</c> (full-width digits), <c>Tue, 06 Sep 2022 19:11:00 GMT</c>.
/// </example>
public static partial class MetadataDateParser
{
    private static readonly string[] Months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var value = AsciiDigits(text.Trim());
        if (IsoDate().Match(value) is { Success: true } iso)
        {
            return TryMake(iso.Groups["y"].Value, iso.Groups["m"].Value, iso.Groups["d"].Value, out date);
        }

        if (ChineseDate().Match(value) is { Success: true } zh)
        {
            return TryMake(zh.Groups["y"].Value, zh.Groups["m"].Value, zh.Groups["d"].Value, out date);
        }

        if (RfcDate().Match(value) is { Success: true } rfc)
        {
            var month = Array.IndexOf(Months, rfc.Groups["mon"].Value[..3].ToLowerInvariant()) + 1;
            return month > 0 && TryMake(rfc.Groups["y"].Value, month.ToString(CultureInfo.InvariantCulture), rfc.Groups["d"].Value, out date);
        }

        return false;
    }

    /// <summary>Replaces full-width digits (０-９) with ASCII digits; everything else is kept.</summary>
    public static string AsciiDigits(string text) =>
        string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                var c = source[i];
                span[i] = c is >= '０' and <= '９' ? (char)('0' + (c - '０')) : c;
            }
        });

    private static bool TryMake(string year, string month, string day, out PartialDate date)
    {
        date = default;
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        int? m = month.Length > 0 ? int.Parse(month, CultureInfo.InvariantCulture) : null;
        int? d = day.Length > 0 ? int.Parse(day, CultureInfo.InvariantCulture) : null;
        if (!PartialDate.IsValid(y, m, d))
        {
            return false;
        }

        date = new PartialDate(y, m, d);
        return true;
    }

    // YYYY, YYYY-MM, YYYY-MM-DD (also with / or .), optionally followed by a time and offset that are ignored.
    [GeneratedRegex(@"^(?<y>\d{4})(?:[-/.](?<m>\d{1,2})(?:[-/.](?<d>\d{1,2}))?)?(?:(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex IsoDate();

    [GeneratedRegex(@"^(?<y>\d{4})\s*年\s*(?:(?<m>\d{1,2})\s*月\s*(?:(?<d>\d{1,2})\s*[日號号])?)?(?:\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex ChineseDate();

    // RFC 1123 / RFC 822: "Tue, 06 Sep 2022 19:11:00 GMT"; the weekday is optional and not checked.
    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\s+(?<y>\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?(?:\s+(?:GMT|UTC|UT|Z|[A-Z]{3}|[+-]\d{4}))?$",
        RegexOptions.CultureInvariant)]
    private static partial Regex RfcDate();
}
