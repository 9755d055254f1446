namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>Where one field (year, month or day) of a date phrase gets its value.</summary>
internal enum FieldSource
{
    /// <summary>Not written: inherited from context if a finer field is written, else absent.</summary>
    None,

    /// <summary>Written as a number: 2019年, 3月, 5日.</summary>
    Absolute,

    /// <summary>An offset from the anchor (publication date): 去年 = -1, 上月 = -1, 昨天 = -1.</summary>
    Anchor,

    /// <summary>An offset from the most recent date before it: 同年 = 0, 次年 = +1, 次日 = +1.</summary>
    Anaphor,
}

/// <summary>One field of a <see cref="DateSpec"/>.</summary>
internal readonly record struct DateField(FieldSource Source, int Value)
{
    public bool IsSet => Source != FieldSource.None;

    public static DateField Absolute(long value) => new(FieldSource.Absolute, (int)Math.Clamp(value, -1, 99999));

    public static DateField FromAnchor(int offset) => new(FieldSource.Anchor, offset);

    public static DateField FromAnaphor(int offset) => new(FieldSource.Anaphor, offset);
}
