namespace HetaoSite.Core.Model;

/// <summary>One event on the timeline, with every source that states it.</summary>
/// <param name="Id">Stable id derived from content (date + normalised title), not from position.</param>
/// <param name="End">Inclusive end of a range event.</param>
/// <param name="Manual">True for events added in <c>site-config.yml</c>.</param>
/// <param name="TitleScript">The script <see cref="Title"/> is written in: its article's, for a title made from an
/// article's words; null for a title a maintainer wrote in <c>site-config.yml</c>, judged by its characters when shown.</param>
/// <param name="Milestone">A turning point of the zone's development (see <c>MilestoneRule</c>; overridden by
/// <c>milestone:</c> under <c>events.corrections</c>), shown larger and listed at the top of the home page.</param>
public sealed record TimelineEvent(
    string Id,
    PartialDate Date,
    PartialDate? End,
    string Title,
    string Category,
    bool Planned,
    bool Approximate,
    IReadOnlyList<EventSource> Sources,
    bool Manual = false,
    Script? TitleScript = null,
    bool Milestone = false)
{
    public DatePrecision Precision => Date.Precision;
}
