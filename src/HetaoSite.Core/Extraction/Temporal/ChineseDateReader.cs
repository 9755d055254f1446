using static HetaoSite.Core.Extraction.Temporal.CharInfo;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// Reads a Chinese date or date range at a position: a phrase, optionally followed by 至 / 到 / - / — and a
/// second phrase, or <c>A和B之間</c>. A bare number before the connector takes the unit of the second half.
/// </summary>
/// <example>
/// "2017年3月至5月" → 2017-03..2017-05; "1至5月" → months 1..5 of the anchor year;
/// "從2016到2018" → 2016..2018; "9月1日至8日" → 09-01..09-08.
/// </example>
internal static class ChineseDateReader
{
    public static Hit? Read(string text, int i)
    {
        var from = At(text, i) is '从' or '從' or '自';
        var first = ChinesePhraseReader.Read(text, from ? i + 1 : i);
        if (first is null)
        {
            return null;
        }

        if (first.Rejection is { } reason)
        {
            return Hit.Reject(first.Start, first.End, reason);
        }

        var range = TryRange(text, first, from);
        if (range is not null)
        {
            return range with { Start = from ? i : first.Start };
        }

        return first.Spec.HasContent ? new Hit(first.Start, first.End, first.Spec) : null;
    }

    private static Hit? TryRange(string text, ChinesePhrase first, bool from)
    {
        var q = SkipSpaces(text, first.FullEnd);
        var between = In(At(text, q), "和与與及");
        int r;
        if (between)
        {
            r = q + 1;
        }
        else if (ChinesePhraseReader.IsConnectorAt(text, q))
        {
            r = At(text, q) is '—' && At(text, q + 1) is '—' ? q + 2 : q + 1;
        }
        else
        {
            return null;
        }

        r = SkipSpaces(text, r);
        var second = ChinesePhraseReader.Read(text, r, rangeEnd: true);
        if (second is null || second.Rejection is not null)
        {
            return null;
        }

        var end = second.FullEnd;
        if (between)
        {
            var e = At(text, end) == '之' ? end + 1 : end;
            if (At(text, e) is not ('间' or '間'))
            {
                return null;
            }

            end = e + 1;
        }

        var startSpec = first.Spec.Clone();
        var endSpec = second.Spec.Clone();
        if (!Complete(first, second, startSpec, endSpec, from))
        {
            return null;
        }

        if (!startSpec.HasContent || !endSpec.HasContent)
        {
            return null;
        }

        var firstEnd = first.Pending is null ? first.End : -1;
        return new Hit(first.Start, end, startSpec, endSpec, FirstEnd: firstEnd);
    }

    /// <summary>Gives bare numbers their units: the start's from the end (1至5月), the end's from the start (2016年至2018).</summary>
    private static bool Complete(ChinesePhrase first, ChinesePhrase second, DateSpec startSpec, DateSpec endSpec, bool from)
    {
        if (second.Pending is { } endBare && !second.Spec.HasContent)
        {
            // 從2016到2018, 2016年至2018: a bare end only ever reads as a year.
            var year = endBare.IsArabic && endBare.Digits == 4 ? ChinesePhraseReader.YearValue(endBare, false) : -1;
            if (year < 1900 || year > 2100)
            {
                return false;
            }

            endSpec.Year = DateField.Absolute(year);
            if (first.Pending is { } startBare && !first.Spec.HasContent)
            {
                var startYear = startBare.IsArabic && startBare.Digits == 4 ? ChinesePhraseReader.YearValue(startBare, false) : -1;
                if (startYear < 1900 || startYear >= year || (!from && year - startYear > 50))
                {
                    return false;
                }

                startSpec.Year = DateField.Absolute(startYear);
                return true;
            }

            return first.Pending is null && first.Spec.Year.IsSet && !first.Spec.Month.IsSet && first.Spec.SpanFirstMonth == 0;
        }

        if (second.Pending is not null)
        {
            return false;
        }

        if (first.Pending is not { } bare)
        {
            return true;
        }

        var value = bare.Value;
        switch (endSpec.CoarsestUnit)
        {
            case 'y' when !startSpec.HasContent && endSpec.Year.Source == FieldSource.Absolute:
                var year = ChinesePhraseReader.YearValue(bare, false);
                if (year < 0)
                {
                    return false;
                }

                startSpec.Year = DateField.Absolute(year);
                return true;
            case 'm' when !startSpec.Month.IsSet && !startSpec.Day.IsSet && startSpec.SpanFirstMonth == 0
                && endSpec.Month.Source == FieldSource.Absolute && value is >= 1 and <= 12 && bare.Digits <= 2:
                startSpec.Month = DateField.Absolute(value);
                return true;
            case 'd' when !startSpec.Day.IsSet && endSpec.Day.Source == FieldSource.Absolute && value is >= 1 and <= 31 && bare.Digits <= 2:
                startSpec.Day = DateField.Absolute(value);
                return true;
            default:
                return false;
        }
    }
}
