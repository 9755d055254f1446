using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// The calendar days a stated date can mean: a partial date covers all of its year or month (2024-06 → June 1–30), a
/// range runs from the first day of its start to the last day of its end. Two statements can tell the same moment only
/// when one span contains the other — one date refines the other (2024 ⊇ 2024-06 ⊇ 2024-06-12) or a range contains the
/// date — so that is the merge's date rule (<see cref="Compatible"/>). Overlapping spans that do not nest (2024-06-10 to
/// 2024-06-20 and 2024-06-15 to 2024-06-30) and disjoint ones are incompatible.
/// </summary>
public readonly record struct DateSpan(DateOnly First, DateOnly Last)
{
    public static DateSpan Of(PartialDate date, PartialDate? end = null) => new(date.FirstDay, (end ?? date).LastDay);

    public static DateSpan Of(TemporalExpression expression) => Of(expression.Date, expression.End);

    /// <summary>Days in the span; the smaller, the more precise.</summary>
    public int Days => Last.DayNumber - First.DayNumber + 1;

    /// <summary>True when every day of <paramref name="other"/> is a day of this span (a span contains itself).</summary>
    public bool Contains(DateSpan other) => First <= other.First && other.Last <= Last;

    /// <summary>True when one span refines the other, so both can describe the same moment.</summary>
    public static bool Compatible(DateSpan a, DateSpan b) => a.Contains(b) || b.Contains(a);

    public override string ToString() => $"{First:yyyy-MM-dd}..{Last:yyyy-MM-dd}";
}
