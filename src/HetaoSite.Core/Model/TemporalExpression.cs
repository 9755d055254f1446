using MemoryPack;

namespace HetaoSite.Core.Model;

/// <summary>
/// A date expression found in text and resolved against an anchor (the article's publication date).
/// </summary>
/// <param name="Text">The expression exactly as written (<c>去年9月</c>, <c>2017年3月至5月</c>).</param>
/// <param name="Start">Offset of <see cref="Text"/> in the parsed text.</param>
/// <param name="Date">The resolved date (the start, for a range).</param>
/// <param name="End">The inclusive end of a range, at its own precision.</param>
/// <param name="Relative">True when resolution needed the anchor or an earlier date (去年, 同月, 8日).</param>
/// <param name="Approximate">True for vague expressions resolved to a span (近日, 日前, 年初).</param>
[MemoryPackable]
public sealed partial record TemporalExpression(
    string Text,
    int Start,
    PartialDate Date,
    PartialDate? End = null,
    bool Relative = false,
    bool Approximate = false)
{
    [MemoryPackIgnore]
    public int Length => Text.Length;

    [MemoryPackIgnore]
    public DatePrecision Precision => Date.Precision;
}
