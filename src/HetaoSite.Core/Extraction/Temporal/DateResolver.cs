using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>A resolved phrase: the date (start of a span), the inclusive end of a span, and whether context was needed.</summary>
internal readonly record struct Resolution(PartialDate Date, PartialDate? End, bool Relative);

/// <summary>
/// Turns a <see cref="DateSpec"/> into a date using the anchor (publication date), the most recent date before it
/// (for 同月, 次年…) and the most recent date in the same sentence (for year-less 12月11日 and bare 8日).
/// </summary>
internal static class DateResolver
{
    /// <summary>Resolves <paramref name="spec"/>; returns the reason when it cannot (missing context, impossible date).</summary>
    public static RejectionReason? Resolve(DateSpec spec, ResolutionContext context, out Resolution resolution)
    {
        resolution = default;
        var anchor = context.Anchor;
        var antecedent = context.Antecedent;
        var relative = spec.Year.Source is FieldSource.Anchor or FieldSource.Anaphor;
        long year;
        long? month = null;
        long? day = null;

        if (spec.Weekday > 0)
        {
            if (anchor?.Day is null)
            {
                return RejectionReason.UnresolvedReference;
            }

            var anchorDay = anchor.Value.FirstDay;
            var anchorWeekday = ((int)anchorDay.DayOfWeek + 6) % 7 + 1;
            var shift = spec.WeekOffset is { } weeks
                ? (weeks * 7) + spec.Weekday - anchorWeekday
                : -((anchorWeekday - spec.Weekday + 7) % 7);
            if (AddDays(anchorDay, shift) is not { } target)
            {
                return RejectionReason.InvalidDate;
            }

            resolution = new Resolution(PartialDate.FromDate(target), null, true);
            return null;
        }

        if (spec.Year.IsSet)
        {
            switch (spec.Year.Source)
            {
                case FieldSource.Absolute:
                    year = spec.Year.Value;
                    break;
                case FieldSource.Anchor when anchor is { } a:
                    year = a.Year + spec.Year.Value;
                    break;
                case FieldSource.Anaphor when antecedent is { } p:
                    year = p.Year + spec.Year.Value;
                    break;
                default:
                    return RejectionReason.UnresolvedReference;
            }

            if (spec.Month.IsSet)
            {
                month = Field(spec.Month, anchor?.Month, antecedent?.Month);
                if (month is null)
                {
                    return RejectionReason.UnresolvedReference;
                }

                if (spec.Day.IsSet)
                {
                    day = Field(spec.Day, anchor?.Day, antecedent?.Day);
                    if (day is null)
                    {
                        return RejectionReason.UnresolvedReference;
                    }
                }
            }
        }
        else if (spec.Month.IsSet)
        {
            relative = true;
            switch (spec.Month.Source)
            {
                case FieldSource.Absolute:
                    var yearSource = context.SentenceDate ?? anchor;
                    if (yearSource is null)
                    {
                        return RejectionReason.UnresolvedReference;
                    }

                    year = yearSource.Value.Year;
                    month = spec.Month.Value;
                    if (context.SentenceDate is null && !context.Planned && anchor is { } reference
                        && BelongsToPreviousYear(reference, year, month.Value, spec.Day.Source == FieldSource.Absolute ? spec.Day.Value : null))
                    {
                        year--;
                    }

                    break;
                case FieldSource.Anchor when anchor?.Month is not null:
                    (year, month) = AddMonths(anchor.Value, spec.Month.Value);
                    break;
                case FieldSource.Anaphor when antecedent?.Month is not null:
                    (year, month) = AddMonths(antecedent.Value, spec.Month.Value);
                    break;
                case FieldSource.Anaphor when antecedent is null && spec.AnchorFallback && anchor?.Month is not null:
                    (year, month) = AddMonths(anchor.Value, spec.Month.Value);
                    break;
                default:
                    return RejectionReason.UnresolvedReference;
            }

            if (spec.Day.IsSet)
            {
                day = Field(spec.Day, anchor?.Day, antecedent?.Day);
                if (day is null)
                {
                    return RejectionReason.UnresolvedReference;
                }
            }
        }
        else if (spec.Day.IsSet)
        {
            relative = true;
            PartialDate? basis = spec.Day.Source switch
            {
                FieldSource.Absolute => context.SentenceDate?.Month is not null ? context.SentenceDate : anchor,
                FieldSource.Anchor => anchor,
                _ => antecedent is null && spec.AnchorFallback ? anchor : antecedent,
            };
            if (basis is not { } b || b.Month is null || (spec.Day.Source != FieldSource.Absolute && b.Day is null))
            {
                return RejectionReason.UnresolvedReference;
            }

            if (spec.Day.Source == FieldSource.Absolute)
            {
                (year, month, day) = (b.Year, b.Month, spec.Day.Value);
            }
            else
            {
                if (AddDays(b.FirstDay, spec.Day.Value) is not { } shifted)
                {
                    return RejectionReason.InvalidDate;
                }

                (year, month, day) = (shifted.Year, shifted.Month, shifted.Day);
            }
        }
        else
        {
            return RejectionReason.UnresolvedReference;
        }

        if (!IsValid(year, month, day))
        {
            return RejectionReason.InvalidDate;
        }

        var date = new PartialDate((int)year, (int?)month, (int?)day);
        PartialDate? end = null;
        if (spec.SpanFirstMonth > 0 && month is null)
        {
            end = new PartialDate((int)year, spec.SpanLastMonth);
            date = new PartialDate((int)year, spec.SpanFirstMonth);
        }

        resolution = new Resolution(date, end, relative);
        return null;
    }

    /// <summary>
    /// Resolves the second half of a range: missing leading fields come from the start
    /// (2017年3月至5月 → 2017-05), rolling over when the end would precede the start (8月至2月 → next year's February).
    /// </summary>
    public static RejectionReason? ResolveEnd(DateSpec spec, PartialDate start, ResolutionContext context, out Resolution resolution)
    {
        var filled = spec.Clone();
        if (!filled.Year.IsSet && filled.Weekday == 0)
        {
            if (filled.Month.Source == FieldSource.Absolute)
            {
                var year = start.Year;
                if (start.Month is { } startMonth && filled.Month.Value < startMonth)
                {
                    year++;
                }

                filled.Year = DateField.Absolute(year);
            }
            else if (!filled.Month.IsSet && filled.Day.Source == FieldSource.Absolute)
            {
                if (start.Month is null)
                {
                    resolution = default;
                    return RejectionReason.UnresolvedReference;
                }

                var (year, month) = (start.Year, start.Month.Value);
                if (start.Day is { } startDay && filled.Day.Value < startDay)
                {
                    (year, month) = month == 12 ? (year + 1, 1) : (year, month + 1);
                }

                filled.Year = DateField.Absolute(year);
                filled.Month = DateField.Absolute(month);
            }
        }

        var result = Resolve(filled, context with { Antecedent = start, SentenceDate = start }, out resolution);
        if (result is null && resolution.End is { } spanEnd)
        {
            resolution = resolution with { Date = spanEnd, End = null };
        }

        return result;
    }

    /// <summary>Days after the anchor beyond which a year-less date stated as news is not in the anchor's year.</summary>
    private const int FutureToleranceDays = 31;

    /// <summary>How far before the anchor the previous year's date may lie to be taken instead (one quarter).</summary>
    private const int RecentPastDays = 92;

    /// <summary>
    /// The year-end rule: a year-less 12月22日 in an article of 2026-01-01 is 2025-12-22. News reports what happened,
    /// so a month (and day) that would fall more than a month after the anchor, while the same date a year earlier
    /// lies within the last quarter before it, belongs to the previous year. Farther-off dates keep the anchor's year
    /// (reference-year convention), and planned wording keeps the future (the caller passes Planned).
    /// </summary>
    private static bool BelongsToPreviousYear(PartialDate anchor, long year, long month, long? day)
    {
        if (year <= 1 || !IsValid(year - 1, month, day) || !IsValid(year, month, day))
        {
            return false;
        }

        var reference = anchor.LastDay.DayNumber;
        var thisYear = new PartialDate((int)year, (int)month, (int?)day).FirstDay.DayNumber;
        var lastYear = new PartialDate((int)year - 1, (int)month, (int?)day).LastDay.DayNumber;
        return thisYear - reference > FutureToleranceDays && anchor.FirstDay.DayNumber - lastYear <= RecentPastDays;
    }

    private static long? Field(DateField field, int? anchorValue, int? antecedentValue) => field.Source switch
    {
        FieldSource.Absolute => field.Value,
        FieldSource.Anchor => anchorValue + field.Value,
        FieldSource.Anaphor => antecedentValue + field.Value,
        _ => null,
    };

    /// <summary>Adds days without leaving 0001-01-01..9999-12-31 (null when it would).</summary>
    private static DateOnly? AddDays(DateOnly date, long days)
    {
        var number = date.DayNumber + days;
        return number < DateOnly.MinValue.DayNumber || number > DateOnly.MaxValue.DayNumber
            ? null
            : DateOnly.FromDayNumber((int)number);
    }

    private static (long Year, long Month) AddMonths(PartialDate basis, int offset)
    {
        var index = (basis.Year * 12L) + (basis.Month!.Value - 1) + offset;
        var year = index >= 0 ? index / 12 : (index - 11) / 12;
        return (year, index - (year * 12) + 1);
    }

    private static bool IsValid(long year, long? month, long? day) =>
        year is >= 1 and <= 9999 && month is null or (>= 1 and <= 12) && day is null or (>= 1 and <= 31)
        && PartialDate.IsValid((int)year, (int?)month, (int?)day);
}
