using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Tests.Timeline.Reference;

/// <summary>
/// The timeline builder written plainly, the baseline of the differential tests (the editorial rules and the pairing of
/// possible duplicates are the real ones): same developments merged with all their sources and the innermost date,
/// editorial overrides applied, events ordered by (date, coarser precision first, earliest source, position in that source).
/// </summary>
internal static class ReferenceTimelineBuilder
{
    public static SiteTimeline Build(IReadOnlyList<ArticleExtraction> articles, SiteConfig config, IScriptConverter? converter)
    {
        var published = articles.ToDictionary(a => a.Article.Id, a => a.Article.Published ?? new PartialDate(9999), StringComparer.Ordinal);
        var statements = articles.SelectMany(a => a.Statements)
            .OrderBy(s => published[s.ArticleId])
            .ThenBy(s => s.FileName, StringComparer.Ordinal)
            .ThenBy(s => s.Sentence.Block).ThenBy(s => s.Sentence.Index).ThenBy(s => s.Expression.Start)
            .ToList();

        var (groups, lookAlikes) = ReferenceEventMerger.Merge(statements, converter);
        var events = groups.Select(g => ToEvent(g.Statements)).ToList();
        var edited = EditorialRules.Apply(events, config.Editorial, articles, config.Categories);
        var figures = articles.SelectMany(a => a.Figures)
            .OrderBy(f => f.Date).ThenBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Anchor, StringComparer.Ordinal)
            .ToList();
        var ordered = Order(edited.Value, published);
        return new SiteTimeline(ordered, figures, edited.Diagnostics) { PossibleDuplicates = TimelineBuilder.PossibleDuplicates(lookAlikes, events, ordered) };
    }

    /// <summary>Timeline order: date (coarser precision first on the same first day), then earliest source, then position.</summary>
    public static IReadOnlyList<TimelineEvent> Order(IEnumerable<TimelineEvent> events, IReadOnlyDictionary<string, PartialDate> published) =>
        events
            .Select((e, position) => (Event: e, Position: position))
            .OrderBy(x => x.Event.Date)
            .ThenBy(x => x.Event.Sources.Count == 0 ? default : published.GetValueOrDefault(x.Event.Sources[0].ArticleId))
            .ThenBy(x => x.Event.Sources.Count == 0 ? string.Empty : x.Event.Sources[0].File, StringComparer.Ordinal)
            .ThenBy(x => x.Position)
            .ThenBy(x => x.Event.Id, StringComparer.Ordinal)
            .Select(x => x.Event)
            .ToList();

    private static TimelineEvent ToEvent(IReadOnlyList<DatedStatement> statements)
    {
        var primary = statements[0];
        var chosen = ChooseDate(statements);
        var sources = statements
            .Select(s => new EventSource(s.FileName, s.ArticleId, s.Sentence.Text, s.Expression.Text, s.Sentence.Anchor))
            .DistinctBy(s => (s.ArticleId, s.Anchor))
            .ToList();
        return new TimelineEvent(
            ReferenceEventIds.For(primary),
            chosen.Expression.Date,
            chosen.Expression.End,
            statements.Select(s => s.Title).MinBy(t => TitleFaults.Of(t).Count)!,
            primary.Category,
            statements.All(s => s.Planned),
            chosen.Expression.Approximate,
            sources);
    }

    // The innermost date of the group's chain; among equal spans, the exact over the approximate, then the first told.
    private static DatedStatement ChooseDate(IReadOnlyList<DatedStatement> statements) =>
        statements
            .Select((s, i) => (Statement: s, Index: i, DateSpan.Of(s.Expression).Days))
            .OrderBy(x => x.Days)
            .ThenBy(x => x.Statement.Expression.Approximate)
            .ThenBy(x => x.Index)
            .First().Statement;
}
