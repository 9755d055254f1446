using static HetaoSite.Core.Extraction.Temporal.CharInfo;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// English dates: <c>January 3, 2017</c>, <c>3 January 2017</c>, <c>Jan 2017</c>, <c>in 2019</c>, <c>in June</c>,
/// <c>on Tuesday</c>, <c>from 2016 to 2018</c>, <c>yesterday</c>, <c>last year</c>. Month names must be capitalised
/// (so "may" and "march" stay verbs); a bare year or month needs a preposition before it.
/// </summary>
internal static class EnglishDateReader
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    private static readonly string[] Weekdays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

    private static readonly string[] Prepositions = ["in", "since", "by", "from", "during", "until", "before", "after", "between", "of"];

    /// <summary>Reads at the start of an ASCII word.</summary>
    public static Hit? Read(string text, int i)
    {
        var wordEnd = WordEnd(text, i);
        var word = text[i..wordEnd];
        var lower = word.ToLowerInvariant();

        int? dayOffset = lower switch
        {
            "today" => 0,
            "yesterday" => -1,
            "tomorrow" => 1,
            _ => null,
        };
        if (dayOffset is { } offsetDays)
        {
            return new Hit(i, wordEnd, new DateSpec { Day = DateField.FromAnchor(offsetDays) });
        }

        if (lower is "that" or "the")
        {
            return ReadAnaphor(text, i, lower, SkipOneSpace(text, wordEnd));
        }

        if (DaysAway(text, i, lower, SkipOneSpace(text, wordEnd)) is { } away)
        {
            return away;
        }

        if (lower is "last" or "this" or "next")
        {
            var p = SkipOneSpace(text, wordEnd);
            var offset = lower switch { "last" => -1, "next" => 1, _ => 0 };
            if (MatchesWord(text, p, "year"))
            {
                return new Hit(i, p + 4, new DateSpec { Year = DateField.FromAnchor(offset) });
            }

            if (MatchesWord(text, p, "month"))
            {
                return new Hit(i, p + 5, new DateSpec { Month = DateField.FromAnchor(offset) });
            }

            return null;
        }

        if (lower == "on")
        {
            var p = SkipOneSpace(text, wordEnd);
            var weekday = Array.FindIndex(Weekdays, w => MatchesWord(text, p, w));
            return weekday < 0 ? null : new Hit(i, p + Weekdays[weekday].Length, new DateSpec { Weekday = weekday + 1 });
        }

        if (Array.IndexOf(Prepositions, lower) >= 0)
        {
            return ReadAfterPreposition(text, i, lower, SkipOneSpace(text, wordEnd));
        }

        return ReadMonthFirst(text, i, monthAlone: false);
    }

    /// <summary>
    /// that day, the same day, the following day / the next day, the previous day, that month, the same month, that year, the same year:
    /// resolved against the most recent date before them, like 同日, 次日, 同月, 同年.
    /// </summary>
    private static Hit? ReadAnaphor(string text, int i, string first, int p)
    {
        var offset = 0;
        if (first == "the")
        {
            var qualifier = MatchesWord(text, p, "same") ? "same" : MatchesWord(text, p, "following") ? "following"
                : MatchesWord(text, p, "next") ? "next" : MatchesWord(text, p, "previous") ? "previous" : null;
            if (qualifier is null)
            {
                return null;
            }

            offset = qualifier switch { "same" => 0, "previous" => -1, _ => 1 };
            p = SkipOneSpace(text, p + qualifier.Length);
        }

        var unit = MatchesWord(text, p, "day") ? "day" : MatchesWord(text, p, "month") ? "month" : MatchesWord(text, p, "year") ? "year" : null;
        if (unit is null || (offset != 0 && unit != "day"))
        {
            return null;
        }

        var spec = unit switch
        {
            "day" => new DateSpec { Day = DateField.FromAnaphor(offset) },
            "month" => new DateSpec { Month = DateField.FromAnaphor(0) },
            _ => new DateSpec { Year = DateField.FromAnaphor(0) },
        };
        return new Hit(i, p + unit.Length, spec);
    }

    /// <summary>
    /// "a day earlier", "two days later": a count of days before or after the most recent date told before them, like
    /// 前一日 and 兩日後. Only "earlier" and "later" close it ("two days before the opening" names its own reference).
    /// </summary>
    private static Hit? DaysAway(string text, int i, string first, int p)
    {
        int? count = first switch { "a" or "one" => 1, "two" => 2, "three" => 3, _ => null };
        if (count is null)
        {
            return null;
        }

        var unit = count == 1 && MatchesWord(text, p, "day") ? "day" : count > 1 && MatchesWord(text, p, "days") ? "days" : null;
        if (unit is null)
        {
            return null;
        }

        p = SkipOneSpace(text, p + unit.Length);
        var direction = MatchesWord(text, p, "earlier") ? -1 : MatchesWord(text, p, "later") ? 1 : 0;
        return direction == 0 ? null
            : new Hit(i, p + (direction < 0 ? "earlier" : "later").Length, new DateSpec { Day = DateField.FromAnaphor(direction * count.Value) });
    }

    /// <summary>3 January 2017, 3 Jan: called at a digit.</summary>
    public static Hit? ReadDayFirst(string text, int i)
    {
        if (!Numeral.TryRead(text, i, out var day) || !day.IsArabic || day.Digits > 2 || day.Value is < 1 or > 31)
        {
            return null;
        }

        var p = SkipOrdinalSuffix(text, day.End);
        if (!IsSpace(At(text, p)))
        {
            return null;
        }

        p++;
        var month = MonthAt(text, p, out var monthEnd);
        if (month == 0)
        {
            return null;
        }

        var spec = new DateSpec { Month = DateField.Absolute(month), Day = DateField.Absolute(day.Value) };
        var end = monthEnd;
        if (IsSpace(At(text, monthEnd)) && YearAt(text, monthEnd + 1) is { } year)
        {
            spec.Year = DateField.Absolute(year.Value);
            end = year.End;
        }

        return new Hit(i, end, spec);
    }

    private static Hit? ReadAfterPreposition(string text, int i, string preposition, int p)
    {
        if (YearAt(text, p) is { } year)
        {
            var spec = new DateSpec { Year = DateField.Absolute(year.Value) };
            if (preposition is "from" or "between" && RangeEnd(text, year.End, preposition) is { } second && second.Value > year.Value)
            {
                return new Hit(i, second.End, spec, new DateSpec { Year = DateField.Absolute(second.Value) }, FirstEnd: year.End);
            }

            return new Hit(i, year.End, spec);
        }

        if (IsDigit(At(text, p)))
        {
            return ReadDayFirst(text, p);
        }

        return ReadMonthFirst(text, p, monthAlone: true) is { } hit && hit.Spec is not null
            ? hit.Spec.Year.IsSet || hit.Spec.Day.IsSet ? hit : hit with { Start = i }
            : null;
    }

    private static (int Value, int End)? RangeEnd(string text, int p, string preposition)
    {
        p = SkipOneSpace(text, p);
        var connector = preposition == "between" ? (MatchesWord(text, p, "and") ? 3 : 0)
            : MatchesWord(text, p, "to") ? 2 : MatchesWord(text, p, "until") ? 5 : MatchesWord(text, p, "through") ? 7 : 0;
        return connector == 0 ? null : YearAt(text, SkipOneSpace(text, p + connector));
    }

    /// <summary>January 3, 2017 / Jan. 3 / June 2019 / June (only when <paramref name="monthAlone"/>).</summary>
    private static Hit? ReadMonthFirst(string text, int i, bool monthAlone)
    {
        var month = MonthAt(text, i, out var monthEnd);
        if (month == 0)
        {
            return null;
        }

        var spec = new DateSpec { Month = DateField.Absolute(month) };
        var p = monthEnd;
        if (IsSpace(At(text, p)) && Numeral.TryRead(text, p + 1, out var n) && n.IsArabic)
        {
            if (n.Digits <= 2 && n.Value is >= 1 and <= 31 && !IsDigit(At(text, n.End)) && At(text, n.End) != ':')
            {
                spec.Day = DateField.Absolute(n.Value);
                var end = SkipOrdinalSuffix(text, n.End);
                var q = At(text, end) == ',' ? end + 1 : end;
                if (IsSpace(At(text, q)) && YearAt(text, q + 1) is { } year)
                {
                    spec.Year = DateField.Absolute(year.Value);
                    end = year.End;
                }

                return new Hit(i, end, spec);
            }

            if (YearAt(text, p + 1) is { } bareYear)
            {
                spec.Year = DateField.Absolute(bareYear.Value);
                return new Hit(i, bareYear.End, spec);
            }
        }

        if (At(text, p) == ',' && IsSpace(At(text, p + 1)) && YearAt(text, p + 2) is { } commaYear)
        {
            spec.Year = DateField.Absolute(commaYear.Value);
            return new Hit(i, commaYear.End, spec);
        }

        // "May" alone is too often the verb; a month alone needs "in June".
        return monthAlone ? new Hit(i, monthEnd, spec) : null;
    }

    /// <summary>The month (1..12) named at <paramref name="i"/>: a capitalised full name, or a three-letter (or Sept) abbreviation with an optional dot.</summary>
    private static int MonthAt(string text, int i, out int end)
    {
        end = i;
        var wordEnd = WordEnd(text, i);
        if (wordEnd - i < 3 || text[i] is < 'A' or > 'Z')
        {
            return 0;
        }

        var word = text[i..wordEnd];
        for (var m = 0; m < MonthNames.Length; m++)
        {
            var name = MonthNames[m];
            var isAbbreviation = word.Length < name.Length && (word.Length == 3 || word == "Sept") && name.StartsWith(word, StringComparison.Ordinal);
            if (word == name || isAbbreviation)
            {
                end = isAbbreviation && At(text, wordEnd) == '.' ? wordEnd + 1 : wordEnd;
                return m + 1;
            }
        }

        return 0;
    }

    private static (int Value, int End)? YearAt(string text, int p)
    {
        if (!Numeral.TryRead(text, p, out var n) || !n.IsArabic || n.Digits != 4 || n.Value is < 1000 or > 2199
            || IsAsciiLetter(At(text, n.End)) || IsIdeograph(At(text, n.End)) || At(text, n.End) is '%' or ':' || (At(text, n.End) == '.' && IsDigit(At(text, n.End + 1))))
        {
            return null;
        }

        return ((int)n.Value, n.End);
    }

    private static int WordEnd(string text, int i)
    {
        var end = i;
        while (end < text.Length && text[end] is (>= 'a' and <= 'z') or (>= 'A' and <= 'Z'))
        {
            end++;
        }

        return end;
    }

    private static bool MatchesWord(string text, int i, string word) =>
        Matches(text, i, word) && !IsAsciiLetter(At(text, i + word.Length));

    private static int SkipOneSpace(string text, int i) => IsSpace(At(text, i)) ? i + 1 : i;

    private static int SkipOrdinalSuffix(string text, int i) =>
        Matches(text, i, "st") || Matches(text, i, "nd") || Matches(text, i, "rd") || Matches(text, i, "th")
            ? (IsAsciiLetter(At(text, i + 2)) ? i : i + 2)
            : i;
}
