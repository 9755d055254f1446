namespace HetaoSite.Core.Model;

/// <summary>
/// Two events with look-alike titles and agreeing facts whose dates cannot both be right (neither refines the other), so
/// they were not merged: either two developments alike in words, or one told with a wrong date by one of its sources.
/// An editor settles it with <c>events.merge</c> or <c>events.corrections</c> in <c>site-config.yml</c>.
/// </summary>
public sealed record PossibleDuplicate(TimelineEvent First, TimelineEvent Second);
