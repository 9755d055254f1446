using HetaoSite.Core.Model;

namespace HetaoSite.Core.Extraction.Temporal;

/// <summary>
/// What a reader found at one position: a date phrase (<see cref="Spec"/>), a range (<see cref="EndSpec"/> too),
/// a rejected near-miss (<see cref="Rejection"/>), or neither — a span to skip (an IP address, a version string).
/// </summary>
/// <param name="FirstEnd">For a range, where its first half ends (the scanner falls back to it if the range does not resolve).</param>
internal sealed record Hit(int Start, int End, DateSpec? Spec, DateSpec? EndSpec = null, RejectionReason? Rejection = null, int FirstEnd = -1)
{
    public static Hit Skip(int start, int end) => new(start, end, null);

    public static Hit Reject(int start, int end, RejectionReason reason) => new(start, end, null, null, reason);
}
