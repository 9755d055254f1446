namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// A date phrase as written, before resolution: which fields are given and how
/// (<c>去年11月29日</c> = year Anchor(-1), month Absolute(11), day Absolute(29)).
/// </summary>
internal sealed class DateSpec
{
    public DateField Year { get; set; }

    public DateField Month { get; set; }

    public DateField Day { get; set; }

    /// <summary>Day of week 1 (Monday) .. 7 (Sunday) for 上周一 / on Tuesday; 0 when not a weekday phrase.</summary>
    public int Weekday { get; set; }

    /// <summary>Weeks from the anchor's week (上周 = -1); null for a bare weekday (the one on or before the anchor).</summary>
    public int? WeekOffset { get; set; }

    /// <summary>First month of a span inside the year (上半年 = 1..6, 三季度 = 7..9); 0 when none.</summary>
    public int SpanFirstMonth { get; set; }

    public int SpanLastMonth { get; set; }

    /// <summary>Vague phrases resolved to a whole period (近日, 年初, 一年前).</summary>
    public bool Approximate { get; set; }

    /// <summary>當月/當天 with no earlier date mean the anchor's month/day.</summary>
    public bool AnchorFallback { get; set; }

    public bool HasContent => Year.IsSet || Month.IsSet || Day.IsSet || Weekday > 0;

    /// <summary>The coarsest written field, used to give a bare range start (<c>1</c> in 1至5月) its unit.</summary>
    public char CoarsestUnit => Year.IsSet ? 'y' : Month.IsSet ? 'm' : Day.IsSet ? 'd' : '\0';

    public DateSpec Clone() => (DateSpec)MemberwiseClone();
}
