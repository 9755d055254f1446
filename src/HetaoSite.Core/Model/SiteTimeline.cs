namespace HetaoSite.Core.Model;

/// <summary>The merged, ordered timeline: events in display order (oldest first), key figures, and what the build noticed.</summary>
public sealed record SiteTimeline(
    IReadOnlyList<TimelineEvent> Events,
    IReadOnlyList<KeyFigure> Figures,
    IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>Events with look-alike titles kept apart because their dates cannot both be right, for an editor to check.</summary>
    public IReadOnlyList<PossibleDuplicate> PossibleDuplicates { get; init; } = [];
}
