using System.Globalization;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Writes dates as precisely as they are known, the Chinese way. 年, 月, 日 and 至 are the same in both scripts.
/// </summary>
/// <example>2024 → 2024年; 2024-06 → 2024年6月; 2024-08-08 → 2024年8月8日; 2020-01..2020-05 → 2020年1月至5月.</example>
public static class DateDisplay
{
    // Month and day are formatted as the numbers they hold: a nullable number in an interpolated string is boxed.
    public static string Format(PartialDate date) => date.Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month.GetValueOrDefault()}月{date.Day.GetValueOrDefault()}日"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month.GetValueOrDefault()}月"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{date.Year}年"),
    };

    /// <summary>A date or a range; the end leaves out what it shares with the start.</summary>
    public static string Format(PartialDate start, PartialDate? end)
    {
        if (end is not { } last || last == start)
        {
            return Format(start);
        }

        string tail;
        if (last.Year != start.Year || last.Month is null || start.Month is null)
        {
            tail = Format(last);
        }
        else if (last.Month == start.Month && last.Day is { } day && start.Day is not null)
        {
            tail = string.Create(CultureInfo.InvariantCulture, $"{day}日");
        }
        else
        {
            tail = last.Day is { } d
                ? string.Create(CultureInfo.InvariantCulture, $"{last.Month.GetValueOrDefault()}月{d}日")
                : string.Create(CultureInfo.InvariantCulture, $"{last.Month.GetValueOrDefault()}月");
        }

        return Format(start) + "至" + tail;
    }

    /// <summary>"YYYY-MM-DD" of the first day, for &lt;time datetime&gt; on ranges and feeds.</summary>
    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

}
