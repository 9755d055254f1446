using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Model;
using HetaoSite.Core.Timeline;

namespace HetaoSite.Core.Tests.Timeline.Reference;

/// <summary>
/// The timeline builder before the second session's speed-up, kept as the baseline of the differential tests (the
/// editorial rules are the real ones, which did not change): same events merged with all their sources, the most
/// precise well-supported date chosen, editorial overrides applied, events ordered by (date, coarser precision first,
/// earliest source, position in that source).
/// </summary>
internal static class ReferenceTimelineBuilder
{
    public static SiteTimeline Build(IReadOnlyList<ArticleExtraction> articles, SiteConfig config, IScriptConverter? converter)
    {
        var published = articles.ToDictionary(a => a.Article.Id, a => a.Article.Published, StringComparer.Ordinal);
        var statements = articles.SelectMany(a => a.Statements)
            .OrderBy(s => published[s.ArticleId])
            .ThenBy(s => s.FileName, StringComparer.Ordinal)
            .ThenBy(s => s.Sentence.Block).ThenBy(s => s.Sentence.Index).ThenBy(s => s.Expression.Start)
            .ToList();

        var diagnostics = new List<Diagnostic>();
        var events = new List<TimelineEvent>();
        foreach (var group in ReferenceEventMerger.Merge(statements, converter))
        {
            var merged = ToEvent(group.Statements);
            if (group.HasConflict)
            {
                var dates = string.Join(", ", group.Statements.Select(s => $"{s.Expression.Date} ({s.FileName})").Distinct());
                diagnostics.Add(Diagnostic.Warning("HS0501", $"event '{merged.Title}' has conflicting dates: {dates}; {merged.Date} was chosen",
                    group.Statements[0].FileName, hint: $"correct it under events.corrections with id {merged.Id} if the choice is wrong"));
            }

            events.Add(merged);
        }

        var edited = EditorialRules.Apply(events, config.Editorial, articles, config.Categories);
        diagnostics.AddRange(edited.Diagnostics);
        var figures = articles.SelectMany(a => a.Figures)
            .OrderBy(f => f.Date).ThenBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Anchor, StringComparer.Ordinal)
            .ToList();
        return new SiteTimeline(Order(edited.Value, published), figures, diagnostics);
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
            primary.Title,
            primary.Category,
            statements.All(s => s.Planned),
            chosen.Expression.Approximate,
            sources);
    }

    // The most precise date that agrees with the most sources; among equals, the exact over the approximate, then the first told.
    // Support is counted per distinct date (a group of a big corpus has thousands of statements but few distinct dates).
    private static DatedStatement ChooseDate(IReadOnlyList<DatedStatement> statements)
    {
        var counts = statements.CountBy(s => s.Expression.Date).ToList();
        var support = counts.ToDictionary(c => c.Key, c => counts.Where(o => ReferenceEventMerger.Compatible(o.Key, c.Key)).Sum(o => o.Value));
        return statements
            .Select((s, i) => (Statement: s, Index: i, Support: support[s.Expression.Date]))
            .OrderByDescending(x => x.Support)
            .ThenByDescending(x => x.Statement.Expression.Date.Precision)
            .ThenBy(x => x.Statement.Expression.Approximate)
            .ThenBy(x => x.Index)
            .First().Statement;
    }
}
