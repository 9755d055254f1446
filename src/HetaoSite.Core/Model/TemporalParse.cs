namespace HetaoSite.Core.Model;

/// <summary>The result of parsing one text: the dates in order of appearance, and the near-misses rejected.</summary>
public sealed record TemporalParse(IReadOnlyList<TemporalExpression> Dates, IReadOnlyList<RejectedExpression> Rejected)
{
    public static TemporalParse Empty { get; } = new([], []);
}
