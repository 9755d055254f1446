using HetaoSite.Core.Model;
using static HetaoSite.Core.Extraction.Temporal.CharInfo;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// Reads digit groups joined by <c>- . / :</c> as one cluster and decides what it is: a Y-M-D or D/M/Y date,
/// a range of two such dates, a time of day, or something to skip (phone number, IP address, decimal). Day first is
/// read before month first; month first (M/D/Y, with slashes) only when the second group cannot be a month.
/// </summary>
/// <example>"2023.8.29" → 2023-08-29; "3-7-2017" → 2017-07-03; "11/21/2024" → 2024-11-21; "09:31" → rejected TimeOfDay;
/// "192.168.1.1" → skipped.</example>
internal static class NumericDateReader
{
    private const int MaxGroups = 8;

    /// <summary>Reads the cluster at <paramref name="i"/>; null when it is a lone number or two groups joined by a dash (left to the range reader).</summary>
    public static Hit? Read(string text, int i)
    {
        var groups = new List<Numeral>(3);
        var separators = new List<char>(2);
        var pos = i;
        while (Numeral.TryRead(text, pos, out var n) && n.IsArabic)
        {
            groups.Add(n);
            pos = n.End;
            var sep = Normalize(At(text, pos));
            if (sep == '\0' || !IsDigit(At(text, pos + 1)) || groups.Count > MaxGroups)
            {
                break;
            }

            separators.Add(sep);
            pos++;
        }

        if (groups.Count < 2)
        {
            return null;
        }

        var end = groups[^1].End;
        if (separators.Contains(':'))
        {
            return IsTime(groups, separators) ? Hit.Reject(i, end, RejectionReason.TimeOfDay) : Hit.Skip(i, end);
        }

        if (groups.Count == 2)
        {
            return separators[0] == '-' ? null : Hit.Skip(i, end);
        }

        if (groups.Count == 3 && separators[0] == separators[1])
        {
            var spec = ReadDate(groups, 0, separators[0]);
            return spec is null ? Hit.Skip(i, end) : new Hit(i, end, spec);
        }

        // 2018/1/10-2018/7/10, 10/1/2018-10/7/2018
        if (groups.Count == 6 && separators[2] == '-' && separators[0] == separators[1]
            && separators[3] == separators[0] && separators[4] == separators[0] && separators[0] != '-')
        {
            var first = ReadDate(groups, 0, separators[0]);
            var second = ReadDate(groups, 3, separators[0]);
            if (first is not null && second is not null)
            {
                return new Hit(i, end, first, second, FirstEnd: groups[2].End);
            }
        }

        return Hit.Skip(i, end);
    }

    /// <summary>The fallback for two dash-joined groups nothing else took: 2016-2018 (years) or 2023-08 (a month).</summary>
    public static Hit? ReadPair(string text, int i)
    {
        if (!Numeral.TryRead(text, i, out var a) || !a.IsArabic || Normalize(At(text, a.End)) != '-'
            || !Numeral.TryRead(text, a.End + 1, out var b) || !b.IsArabic || IsDigit(At(text, b.End)))
        {
            return null;
        }

        if (a.Digits == 4 && a.Value is >= 1000 and <= 2199 && b.Digits == 2 && b.Value is >= 1 and <= 12 && !IsAsciiLetter(At(text, b.End)))
        {
            return new Hit(i, b.End, new DateSpec { Year = DateField.Absolute(a.Value), Month = DateField.Absolute(b.Value) });
        }

        return Hit.Skip(i, b.End);
    }

    private static DateSpec? ReadDate(List<Numeral> groups, int at, char separator)
    {
        var (a, b, c) = (groups[at], groups[at + 1], groups[at + 2]);
        if (a.Digits == 4 && a.Value is >= 1000 and <= 2999 && b.Digits <= 2 && c.Digits <= 2)
        {
            return new DateSpec { Year = DateField.Absolute(a.Value), Month = DateField.Absolute(b.Value), Day = DateField.Absolute(c.Value) };
        }

        // Day first with a four-digit year last is the only other unambiguous order (13.5.2015, 3-7-2017).
        if (c.Digits == 4 && c.Value is >= 1000 and <= 2999 && a.Digits <= 2 && b.Digits <= 2 && separator is '/' or '.' or '-'
            && PartialDate.IsValid((int)c.Value, (int)b.Value, (int)a.Value))
        {
            return new DateSpec { Year = DateField.Absolute(c.Value), Month = DateField.Absolute(b.Value), Day = DateField.Absolute(a.Value) };
        }

        // Month first (American pages: 11/21/2024) only where day first cannot be read: the second group is no month.
        if (c.Digits == 4 && c.Value is >= 1000 and <= 2999 && a.Digits <= 2 && b.Digits <= 2 && separator == '/' && b.Value > 12
            && PartialDate.IsValid((int)c.Value, (int)a.Value, (int)b.Value))
        {
            return new DateSpec { Year = DateField.Absolute(c.Value), Month = DateField.Absolute(a.Value), Day = DateField.Absolute(b.Value) };
        }

        return null;
    }

    private static bool IsTime(List<Numeral> groups, List<char> separators) =>
        groups.Count is 2 or 3 && separators.TrueForAll(s => s == ':')
        && groups[0].Digits <= 2 && groups[0].Value <= 24
        && groups.Skip(1).All(g => g.Digits == 2 && g.Value <= 59);

    private static char Normalize(char c) => c switch
    {
        '-' or '－' => '-',
        '.' or '．' => '.',
        '/' or '／' => '/',
        ':' or '：' => ':',
        _ => '\0',
    };
}
