using System.Globalization;
using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// A calendar date known to year, month or day precision. The precision is which parts are set.
/// </summary>
/// <example>"2024年6月" → PartialDate(2024, 6, null), written "2024-06", precision Month.</example>
[MemoryPackable]
public readonly partial record struct PartialDate : IComparable<PartialDate>
{
    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1 or > 9999)
        {
            throw new ArgumentOutOfRangeException(nameof(year), year, "year must be 1..9999");
        }

        if (month is { } m && m is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(month), month, "month must be 1..12");
        }

        if (day is not null && month is null)
        {
            throw new ArgumentException("a day needs a month", nameof(day));
        }

        if (day is { } d && (d < 1 || d > DateTime.DaysInMonth(year, month!.Value)))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, $"{year}-{month} has no day {d}");
        }

        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    public int? Month { get; }

    public int? Day { get; }

    [MemoryPackIgnore]
    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first calendar day this date can mean (2024-06 → 2024-06-01).</summary>
    [MemoryPackIgnore]
    public DateOnly FirstDay => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last calendar day this date can mean (2024-06 → 2024-06-30).</summary>
    [MemoryPackIgnore]
    public DateOnly LastDay => Day is not null
        ? new DateOnly(Year, Month!.Value, Day.Value)
        : Month is { } m ? new DateOnly(Year, m, DateTime.DaysInMonth(Year, m)) : new DateOnly(Year, 12, 31);

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>True when the values form a real date at the precision given (2023-02-29 is not one).</summary>
    public static bool IsValid(int year, int? month = null, int? day = null) =>
        year is >= 1 and <= 9999
        && (month is null || month is >= 1 and <= 12)
        && (day is null || (month is not null && day >= 1 && day <= DateTime.DaysInMonth(year, month.Value)));

    /// <summary>Parses "YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4)
        {
            return false;
        }

        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])
                || (i > 0 && parts[i].Length != 2))
            {
                return false;
            }
        }

        int? month = numbers.Length > 1 ? numbers[1] : null;
        int? day = numbers.Length > 2 ? numbers[2] : null;
        if (!IsValid(numbers[0], month, day))
        {
            return false;
        }

        date = new PartialDate(numbers[0], month, day);
        return true;
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not YYYY, YYYY-MM or YYYY-MM-DD");

    /// <summary>Orders by first day, then coarser precision first (2024 before 2024-01 before 2024-01-01).</summary>
    public int CompareTo(PartialDate other)
    {
        var byDay = FirstDay.CompareTo(other.FirstDay);
        return byDay != 0 ? byDay : Precision.CompareTo(other.Precision);
    }

    public static bool operator <(PartialDate left, PartialDate right) => left.CompareTo(right) < 0;

    public static bool operator >(PartialDate left, PartialDate right) => left.CompareTo(right) > 0;

    public static bool operator <=(PartialDate left, PartialDate right) => left.CompareTo(right) <= 0;

    public static bool operator >=(PartialDate left, PartialDate right) => left.CompareTo(right) >= 0;

    /// <summary>"YYYY", "YYYY-MM" or "YYYY-MM-DD".</summary>
    /// <remarks>Month and day are formatted as the numbers they hold: a nullable number in an interpolated string is boxed.</remarks>
    public override string ToString() => Precision switch
    {
        DatePrecision.Day => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month.GetValueOrDefault():D2}-{Day.GetValueOrDefault():D2}"),
        DatePrecision.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month.GetValueOrDefault():D2}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };
}
