using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// One Chinese date phrase read by <see cref="ChinesePhraseReader"/>: its span, what it says, and possibly a
/// trailing bare number that only a range can explain (the <c>1</c> of <c>2020年1至5月</c>).
/// </summary>
internal sealed class ChinesePhrase(int start)
{
    public int Start { get; } = start;

    public int End { get; set; } = start;

    public DateSpec Spec { get; } = new();

    public Numeral? Pending { get; set; }

    public RejectionReason? Rejection { get; set; }

    /// <summary>Where the phrase really ends, a pending bare number included.</summary>
    public int FullEnd => Pending?.End ?? End;

    public bool HasMonthFromHanzi { get; set; }
}
