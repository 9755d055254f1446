using HetaoSite.Core.Model;
using static HetaoSite.Core.Extraction.Temporal.CharInfo;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// Reads one Chinese date phrase (year → month → day, each absolute, relative to the anchor or anaphoric)
/// at a position. Lookahead is bounded, so scanning a whole text stays linear.
/// </summary>
/// <example>
/// "去年11月29日，…" at 0 → year Anchor(-1), month 11, day 29, span 0..8.
/// "2020年1至5月" at 0 → year 2020 with the bare <c>1</c> pending (the range reader gives it the unit 月).
/// </example>
internal static class ChinesePhraseReader
{
    /// <summary>Reads a phrase at <paramref name="i"/>; null when nothing date-like starts there.</summary>
    /// <param name="rangeEnd">True for the second half of a range, where a bare number or a bare 十二日 is allowed.</param>
    public static ChinesePhrase? Read(string text, int i, bool rangeEnd = false)
    {
        var phrase = new ChinesePhrase(i);
        if (TryStandalone(text, i, phrase))
        {
            return phrase;
        }

        var pos = i;
        var hasYear = TryYear(text, pos, phrase, out var afterYear);
        if (phrase.Rejection is not null || (hasYear && phrase.End > afterYear))
        {
            // A rejection, or a year phrase already complete (年底, 上半年, 一年前).
            return phrase;
        }

        if (hasYear)
        {
            pos = afterYear;
            phrase.End = pos;
            if (phrase.Spec.Month.IsSet || phrase.Spec.SpanFirstMonth > 0)
            {
                return phrase;
            }

            pos = SkipSpaces(text, pos);
        }

        var hasMonth = TryMonth(text, pos, phrase, hasYear, out var afterMonth, out var monthDone);
        if (phrase.Rejection is not null)
        {
            return phrase;
        }

        if (hasMonth)
        {
            pos = afterMonth;
            phrase.End = pos;
            if (monthDone)
            {
                return phrase;
            }

            pos = SkipSpaces(text, pos);
        }

        var hasDay = TryDay(text, pos, phrase, hasYear || hasMonth, rangeEnd, out var afterDay);
        if (phrase.Rejection is not null)
        {
            return phrase;
        }

        if (hasDay)
        {
            phrase.End = AbsorbWeekday(text, afterDay);
            return phrase;
        }

        // A bare number left over: a range start (2020年1至5月, 1995 - 1997年) or, at a range end, 從2016到2018.
        if (Numeral.TryRead(text, pos, out var bare) && bare.IsValid
            && (rangeEnd ? pos == i : IsConnectorAt(text, SkipSpaces(text, bare.End))))
        {
            phrase.Pending = bare;
            return phrase;
        }

        return hasYear || hasMonth ? phrase : NumberOutcome(text, i, phrase);
    }

    /// <summary>The year a number before 年 stands for, or -1 when it is a count (三年, 30年).</summary>
    public static int YearValue(Numeral n, bool followedByMonth)
    {
        if (!n.IsValid)
        {
            return -1;
        }

        return n.Kind switch
        {
            NumeralKind.Arabic or NumeralKind.HanziDigits when n.Digits == 4 && n.Value is >= 1000 and <= 2199 => (int)n.Value,
            NumeralKind.Arabic or NumeralKind.HanziDigits when n.Digits == 2 && (n.LeadingZero || followedByMonth) => TwoDigitYear((int)n.Value),
            NumeralKind.HanziValue when n.Value is >= 1000 and <= 2199 => (int)n.Value,
            _ => -1,
        };
    }

    public static int TwoDigitYear(int yy) => yy < 50 ? 2000 + yy : 1900 + yy;

    public static bool IsConnectorAt(string text, int i) =>
        IsRangeDash(At(text, i)) || At(text, i) is '至' or '到';

    private static bool TryStandalone(string text, int i, ChinesePhrase phrase)
    {
        var spec = phrase.Spec;
        foreach (var word in ChineseKeywords.Recently)
        {
            if (!Matches(text, i, word))
            {
                continue;
            }

            var next = At(text, i + 2);
            var previous = At(text, i - 1);
            if ((word == "近日" && In(next, "本元圓圆幣币產产")) || (word == "日前" && (IsNumeral(previous) || In(previous, ChineseKeywords.NotBeforeRecently))))
            {
                return false;
            }

            spec.Month = DateField.FromAnchor(0);
            spec.Approximate = true;
            phrase.End = i + 2;
            return true;
        }

        if (At(text, i) == '年' || Matches(text, i, "上半年") || Matches(text, i, "下半年") || At(text, i) == '第' || Matches(text, i, "首季"))
        {
            var previous = At(text, i - 1);
            if (IsNumeral(previous) || In(previous, ChineseKeywords.NotBeforeYearPart))
            {
                return false;
            }

            var afterYear = At(text, i) == '年' ? i + 1 : i;
            var end = YearPart(text, afterYear, spec);
            if (end < 0 || (At(text, i) == '年' && !spec.Month.IsSet) || (At(text, i) == '第' && spec.SpanFirstMonth == 0))
            {
                spec.Month = default;
                spec.SpanFirstMonth = spec.SpanLastMonth = 0;
                spec.Approximate = false;
                return false;
            }

            spec.Year = DateField.FromAnchor(0);
            phrase.End = end;
            return true;
        }

        return TryWeekday(text, i, phrase, requirePrefix: false);
    }

    private static bool TryWeekday(string text, int i, ChinesePhrase phrase, bool requirePrefix)
    {
        var pos = i;
        int? offset = null;
        foreach (var (word, value) in ChineseKeywords.WeekPrefixes)
        {
            if (Matches(text, pos, word))
            {
                offset = value;
                pos += word.Length;
                break;
            }
        }

        if (requirePrefix && offset is null)
        {
            return false;
        }

        string? weekWord = null;
        foreach (var word in ChineseKeywords.WeekWords)
        {
            if (Matches(text, pos, word))
            {
                weekWord = word;
                break;
            }
        }

        if (weekWord is null)
        {
            return false;
        }

        var dayChar = At(text, pos + weekWord.Length);
        var weekday = dayChar switch
        {
            '一' => 1, '二' => 2, '三' => 3, '四' => 4, '五' => 5, '六' => 6, '日' or '天' => 7, _ => 0,
        };
        if (weekday == 0)
        {
            return false;
        }

        var end = pos + weekWord.Length + 1;
        if (offset is null && weekWord is "週" or "周")
        {
            // 周 is also a surname: a bare 周一 counts only when punctuation or a verb follows.
            var next = At(text, end);
            if (IsIdeograph(next) && !In(next, ChineseKeywords.DateAfterBareZhou))
            {
                return false;
            }
        }

        if (offset is null && weekWord is "週" or "周" && (In(At(text, end), "年") || IsNumeral(At(text, end))))
        {
            return false;
        }

        phrase.Spec.Weekday = weekday;
        phrase.Spec.WeekOffset = offset;
        phrase.End = end;
        return true;
    }

    /// <summary>Reads a year (2019年, 二〇二三年, 去年, 同年…) and what may follow it inside the year (初, 底, 上半年, 三季度).</summary>
    private static bool TryYear(string text, int i, ChinesePhrase phrase, out int after)
    {
        after = -1;
        var spec = phrase.Spec;
        foreach (var (word, offset, anaphor) in ChineseKeywords.Years)
        {
            if (!Matches(text, i, word))
            {
                continue;
            }

            var next = At(text, i + word.Length);
            var previous = At(text, i - 1);
            if (In(next, ChineseKeywords.NotAfterYear)
                || (word is "前年" or "後年" or "后年" or "來年" or "来年" or "上年" or "本年" or "當年" or "当年"
                    && (IsNumeral(previous) || In(previous, ChineseKeywords.NotBeforeRelativeYear))))
            {
                return false;
            }

            spec.Year = anaphor ? DateField.FromAnaphor(offset) : DateField.FromAnchor(offset);
            var pos = i + word.Length;
            if (At(text, pos) == '年' && (At(text, pos + 1) is '初' or '底' or '末' or '中'))
            {
                pos++;
            }

            FinishYear(text, pos, phrase, out after);
            return true;
        }

        if (!Numeral.TryRead(text, i, out var n) || !n.IsValid)
        {
            return false;
        }

        var q = SkipSpaces(text, n.End);
        if (At(text, q) != '年')
        {
            return false;
        }

        var afterNian = At(text, q + 1);
        if (In(afterNian, "级級轻輕龄齡代"))
        {
            return false;
        }

        var year = YearValue(n, FollowedByMonth(text, q + 1));
        if (year > 0)
        {
            spec.Year = DateField.Absolute(year);
            var pos = q + 1;
            if (At(text, pos) == '度')
            {
                pos++;
            }
            else if (At(text, pos) == '年' && At(text, pos + 1) is '初' or '底' or '末' or '中')
            {
                pos++;
            }

            FinishYear(text, pos, phrase, out after);
            return true;
        }

        // A count of years: 一年前 is a date, 三年來 / 30年 are durations.
        if (afterNian == '前' && n.Value is >= 1 and <= 200)
        {
            spec.Year = DateField.FromAnchor(-(int)n.Value);
            spec.Approximate = true;
            after = q + 1;
            phrase.End = q + 2;
            return true;
        }

        phrase.Rejection = RejectionReason.Duration;
        phrase.End = DurationEnd(text, q + 1);
        return false;
    }

    private static void FinishYear(string text, int pos, ChinesePhrase phrase, out int after)
    {
        after = pos;
        var end = YearPart(text, pos, phrase.Spec);
        phrase.End = end >= 0 ? end : pos;
    }

    /// <summary>
    /// Reads what follows 年 inside that year: 初 / 底 / 末 / 中 (approximate months), 上半年 / 下半年,
    /// (第)一季度, 前N個月, (的)第N個月. Returns the end, or -1 when none follows.
    /// </summary>
    private static int YearPart(string text, int pos, DateSpec spec)
    {
        var c = At(text, pos);
        var next = At(text, pos + 1);
        switch (c)
        {
            case '初' when !In(next, "心衷"):
                return Approximate(1, pos + 1);
            case '底' or '末':
                return Approximate(12, pos + 1);
            case '中' when !IsIdeograph(next) || In(next, ChineseKeywords.DateAfterMiddle):
                return Approximate(6, pos + 1);
        }

        if (Matches(text, pos, "上半年") || Matches(text, pos, "下半年"))
        {
            var first = c == '上' ? 1 : 7;
            return Span(first, first + 5, pos + 3);
        }

        if (Matches(text, pos, "首季"))
        {
            return Span(1, 3, pos + (Matches(text, pos + 2, "度") ? 3 : 2));
        }

        var p = pos;
        if (At(text, p) == '的')
        {
            p++;
        }

        var ordinal = At(text, p) == '第';
        if (ordinal)
        {
            p++;
        }

        var before = At(text, p) == '前' && !ordinal;
        if (before)
        {
            p++;
        }

        if (!Numeral.TryRead(text, p, out var n) || !n.IsValid || n.Value < 1)
        {
            return -1;
        }

        var q = n.End;
        var quarter = Matches(text, q, "季度") ? 2 : At(text, q) == '季' && !In(At(text, q + 1), "節节") ? 1 : 0;
        if (quarter > 0 && n.Value <= 4 && At(text, p - 1) != '的')
        {
            var last = (int)n.Value * 3;
            return Span(before ? 1 : last - 2, last, q + quarter);
        }

        var months = Matches(text, q, "個月") || Matches(text, q, "个月");
        if (months && n.Value <= 12 && (before || ordinal))
        {
            if (before)
            {
                return Span(1, (int)n.Value, q + 2);
            }

            spec.Month = DateField.Absolute(n.Value);
            return q + 2;
        }

        return -1;

        int Approximate(int month, int end)
        {
            spec.Month = DateField.Absolute(month);
            spec.Approximate = true;
            return end;
        }

        int Span(int first, int last, int end)
        {
            spec.SpanFirstMonth = first;
            spec.SpanLastMonth = last;
            return end;
        }
    }

    private static bool FollowedByMonth(string text, int pos)
    {
        pos = SkipSpaces(text, pos);
        return Numeral.TryRead(text, pos, out var m) && m.IsValid && m.Value is >= 1 and <= 12
            && At(text, SkipSpaces(text, m.End)) == '月';
    }

    private static bool TryMonth(string text, int i, ChinesePhrase phrase, bool hasYear, out int after, out bool done)
    {
        after = -1;
        done = false;
        var spec = phrase.Spec;
        foreach (var (word, offset, anaphor, fallback) in ChineseKeywords.Months)
        {
            if (!Matches(text, i, word))
            {
                continue;
            }

            if (word is "上月" or "下月" && (In(At(text, i - 1), "登奔飞飛送踏") || In(At(text, i + 2), "球亮光台臺餅饼宮宫")))
            {
                return false;
            }

            spec.Month = anaphor ? DateField.FromAnaphor(offset) : DateField.FromAnchor(offset);
            spec.AnchorFallback = fallback;
            after = MonthPart(text, i + word.Length, spec, out done);
            return true;
        }

        if (!Numeral.TryRead(text, i, out var n) || !n.IsValid)
        {
            return false;
        }

        var q = SkipSpaces(text, n.End);
        if (At(text, q) != '月' || In(At(text, q + 1), ChineseKeywords.NotAfterMonth)
            || n.Kind == NumeralKind.HanziDigits || (n.IsArabic && n.Digits > 2) || text[n.Start] is '两' or '兩')
        {
            return false;
        }

        if (n.Value is < 1 or > 12)
        {
            if (hasYear)
            {
                phrase.Rejection = RejectionReason.InvalidDate;
                phrase.End = q + 1;
            }

            return false;
        }

        spec.Month = DateField.Absolute(n.Value);
        phrase.HasMonthFromHanzi = !n.IsArabic;
        after = MonthPart(text, q + 1, spec, out done);
        return true;
    }

    /// <summary>After 月: 份, then 初 / 底 / 末 / 上旬 / 中旬 / 下旬 / 中 (approximate, and the phrase ends).</summary>
    private static int MonthPart(string text, int pos, DateSpec spec, out bool done)
    {
        done = false;
        if (At(text, pos) == '份')
        {
            pos++;
        }

        var c = At(text, pos);
        var length = c is '初' or '底' or '末' ? 1
            : Matches(text, pos, "上旬") || Matches(text, pos, "中旬") || Matches(text, pos, "下旬") ? 2
            : c == '中' && (!IsIdeograph(At(text, pos + 1)) || In(At(text, pos + 1), ChineseKeywords.DateAfterMiddle)) ? 1
            : 0;
        if (length > 0)
        {
            spec.Approximate = true;
            done = true;
        }

        return pos + length;
    }

    private static bool TryDay(string text, int i, ChinesePhrase phrase, bool hasMonth, bool rangeEnd, out int after)
    {
        after = -1;
        var spec = phrase.Spec;
        if (!hasMonth)
        {
            foreach (var (word, offset, anaphor, fallback) in ChineseKeywords.Days)
            {
                if (!Matches(text, i, word) || !DayWordFits(text, i, word))
                {
                    continue;
                }

                spec.Day = anaphor ? DateField.FromAnaphor(offset) : DateField.FromAnchor(offset);
                spec.AnchorFallback = fallback;
                after = i + word.Length;
                if (word is "今日" or "今天")
                {
                    after = ExplicitDayInParentheses(text, after, spec);
                }

                return true;
            }
        }

        if (!Numeral.TryRead(text, i, out var n) || !n.IsValid || n.Kind == NumeralKind.HanziDigits || (n.IsArabic && n.Digits > 2))
        {
            return false;
        }

        var q = SkipSpaces(text, n.End);
        var unit = At(text, q);
        if (unit is not ('日' or '號' or '号'))
        {
            // 八月十五: a Chinese day after a Chinese month needs no 日.
            if (phrase.HasMonthFromHanzi && !n.IsArabic && n.Value is >= 1 and <= 31 && n.Start == i
                && !IsNumeral(unit) && !In(unit, "个個万萬亿億元人家项項名位次倍年月天周週%．.時时点點"))
            {
                spec.Day = DateField.Absolute(n.Value);
                after = n.End;
                return true;
            }

            return false;
        }

        if (hasMonth)
        {
            if (n.Value is < 1 or > 31)
            {
                phrase.Rejection = RejectionReason.InvalidDate;
                phrase.End = q + 1;
                return false;
            }

            spec.Day = DateField.Absolute(n.Value);
            after = q + 1;
            return true;
        }

        // A bare day (8日, 12號) is read against the month in context; keep it to plain digits.
        var next = At(text, q + 1);
        if ((!n.IsArabic && !rangeEnd) || n.Value is < 1 or > 31 || In(At(text, i - 1), ChineseKeywords.NotBeforeBareDay)
            || AfterParenthesisedYear(text, i))
        {
            return false;
        }

        if (unit == '日' && In(next, ChineseKeywords.CountAfterDay))
        {
            phrase.Rejection = RejectionReason.Duration;
            phrase.End = q + 2;
            return false;
        }

        if (unit != '日' && IsIdeograph(next) && !In(next, ChineseKeywords.DateAfterBareHao))
        {
            return false;
        }

        spec.Day = DateField.Absolute(n.Value);
        after = q + 1;
        return true;
    }

    /// <summary>A document number's year in parentheses right before the number: 粵府辦（2021）5號.</summary>
    private static bool AfterParenthesisedYear(string text, int i)
    {
        if (At(text, i - 1) is not (')' or '）') || At(text, i - 6) is not ('(' or '（'))
        {
            return false;
        }

        for (var k = i - 5; k < i - 1; k++)
        {
            if (!IsDigit(text[k]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool DayWordFits(string text, int i, string word)
    {
        var next = At(text, i + word.Length);
        return word switch
        {
            "後天" or "后天" => !In(next, "性的形免因獲获培養养習习環环學学努") && !IsNumeral(At(text, i - 1)) && At(text, i - 1) is not ('今' or '之' or '以' or '最' or '先'),
            "前天" => !Matches(text, i - 2, "星期") && !IsNumeral(At(text, i - 1)),
            "同日" => next != '而',
            "當日" or "当日" => !In(next, "起"),
            _ => true,
        };
    }

    /// <summary>今日（20日）: the article was dated later than the event, the parenthesis gives the day.</summary>
    private static int ExplicitDayInParentheses(string text, int pos, DateSpec spec)
    {
        if (At(text, pos) is not ('（' or '(') || !Numeral.TryRead(text, pos + 1, out var n) || !n.IsArabic
            || n.Value is < 1 or > 31 || At(text, n.End) != '日' || At(text, n.End + 1) is not ('）' or ')'))
        {
            return pos;
        }

        spec.Month = DateField.FromAnchor(0);
        spec.Day = DateField.Absolute(n.Value);
        return n.End + 2;
    }

    /// <summary>A weekday right after a date (10月12號，星期一) belongs to it.</summary>
    private static int AbsorbWeekday(string text, int pos)
    {
        var p = pos;
        if (At(text, p) is '，' or ',' or '、' or ' ')
        {
            p++;
        }

        var open = At(text, p) is '（' or '(';
        if (open)
        {
            p++;
        }

        var probe = new ChinesePhrase(p);
        if (!TryWeekday(text, p, probe, requirePrefix: false) || probe.Spec.WeekOffset is not null)
        {
            return pos;
        }

        p = probe.End;
        if (open)
        {
            if (At(text, p) is not ('）' or ')'))
            {
                return pos;
            }

            p++;
        }

        return p;
    }

    /// <summary>A number that did not start a date: a duration (三年來, 5個月, 30余年), an anniversary, N天前 / N個月前.</summary>
    private static ChinesePhrase? NumberOutcome(string text, int i, ChinesePhrase phrase)
    {
        if (!Numeral.TryRead(text, i, out var n) || !n.IsValid || n.Kind == NumeralKind.HanziDigits)
        {
            return null;
        }

        var q = SkipSpaces(text, n.End);
        var c = At(text, q);
        if (In(c, "余餘多几幾"))
        {
            var r = q + 1;
            if (In(At(text, r), "个個"))
            {
                r++;
            }

            if (In(At(text, r), "年月天周週") || Matches(text, r, "星期"))
            {
                return Rejected(RejectionReason.Duration, DurationEnd(text, r + 1));
            }

            return null;
        }

        if (Matches(text, q, "周年") || Matches(text, q, "週年"))
        {
            return Rejected(RejectionReason.Anniversary, q + 2);
        }

        var monthCount = Matches(text, q, "個月") || Matches(text, q, "个月");
        if (monthCount || c == '天')
        {
            var end = q + (monthCount ? 2 : 1);
            if (At(text, end) == '前' && n.Value is >= 1 and <= 1000)
            {
                if (monthCount)
                {
                    phrase.Spec.Month = DateField.FromAnchor(-(int)n.Value);
                    phrase.Spec.Approximate = true;
                }
                else
                {
                    phrase.Spec.Day = DateField.FromAnchor(-(int)n.Value);
                }

                phrase.End = end + 1;
                return phrase;
            }

            return Rejected(RejectionReason.Duration, DurationEnd(text, end));
        }

        if (c is '周' or '週' || Matches(text, q, "個星期") || Matches(text, q, "个星期"))
        {
            return Rejected(RejectionReason.Duration, q + (c is '周' or '週' ? 1 : 3));
        }

        if (Matches(text, q, "季度") && n.Value is >= 1 and <= 4 && !IsNumeral(At(text, i - 1))
            && !In(At(text, i - 1), ChineseKeywords.NotBeforeYearPart))
        {
            phrase.Spec.Year = DateField.FromAnchor(0);
            phrase.Spec.SpanFirstMonth = ((int)n.Value * 3) - 2;
            phrase.Spec.SpanLastMonth = (int)n.Value * 3;
            phrase.End = q + 2;
            return phrase;
        }

        return null;

        ChinesePhrase Rejected(RejectionReason reason, int end)
        {
            phrase.Rejection = reason;
            phrase.End = end;
            return phrase;
        }
    }

    /// <summary>Extends a duration over 來 / 以來 / 間 / 內 so the rejected span reads naturally (三年來).</summary>
    private static int DurationEnd(string text, int pos)
    {
        if (Matches(text, pos, "以來") || Matches(text, pos, "以来"))
        {
            return pos + 2;
        }

        return In(At(text, pos), "來来間间內内") ? pos + 1 : pos;
    }
}
