namespace HetaoSite.Core.Model;

/// <summary>One event on the timeline, with every source that states it.</summary>
/// <param name="Id">Stable id derived from content (date + normalised title), not from position.</param>
/// <param name="End">Inclusive end of a range event.</param>
/// <param name="Manual">True for events added in <c>site-config.yml</c>.</param>
public sealed record TimelineEvent(
    string Id,
    PartialDate Date,
    PartialDate? End,
    string Title,
    string Category,
    bool Planned,
    bool Approximate,
    IReadOnlyList<EventSource> Sources,
    bool Manual = false)
{
    public DatePrecision Precision => Date.Precision;
}
