using HetaoSite.Core.Configuration;
using HetaoSite.Core.Conversion;
using HetaoSite.Core.Extraction;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Timeline;

/// <summary>
/// Merges the dated statements of all articles into one timeline: statements of the same development merged with all
/// their sources and the most precise of their dates (<see cref="EventMerger"/>), editorial overrides from
/// <c>site-config.yml</c> applied, events ordered by (date, coarser precision first, earliest source, position in that
/// source), and look-alike events whose dates cannot both be right listed as possible duplicates.
/// </summary>
public static class TimelineBuilder
{
    public static SiteTimeline Build(IReadOnlyList<ArticleExtraction> articles, SiteConfig config, IScriptConverter? converter)
    {
        var published = articles.ToDictionary(a => a.Article.Id, a => a.Article.Published ?? UndatedOrder, StringComparer.Ordinal);
        var scripts = articles.ToDictionary(a => a.Article.Id, a => a.Article.Script, StringComparer.Ordinal);
        var statements = InStatementOrder(articles, published);

        var merged = EventMerger.Merge(statements, converter, scripts);
        var groups = merged.Groups;
        var events = new TimelineEvent[groups.Count];
        Parallel.For(0, groups.Count, i => events[i] = ToEvent(groups[i].Statements, scripts));
        EventIds.MakeUnique(events);

        var edited = EditorialRules.Apply(events, config.Editorial, articles, config.Categories);
        var figures = articles.SelectMany(a => a.Figures)
            .OrderBy(f => f.Date).ThenBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Anchor, StringComparer.Ordinal)
            .ToList();
        var ordered = Order(edited.Value, published);
        return new SiteTimeline(ordered, figures, edited.Diagnostics) { PossibleDuplicates = PossibleDuplicates(merged.LookAlikes, events, ordered) };
    }

    /// <summary>
    /// The look-alike pairs as the timeline shows them (after editorial corrections), each pair in timeline order and the
    /// pairs in timeline order of their first events; a pair an editorial merge or exclusion has settled is left out.
    /// </summary>
    public static IReadOnlyList<PossibleDuplicate> PossibleDuplicates(
        IReadOnlyList<(int First, int Second)> lookAlikes, IReadOnlyList<TimelineEvent> merged, IReadOnlyList<TimelineEvent> timeline)
    {
        if (lookAlikes.Count == 0)
        {
            return [];
        }

        var position = new Dictionary<string, int>(timeline.Count, StringComparer.Ordinal);
        for (var i = 0; i < timeline.Count; i++)
        {
            position.TryAdd(timeline[i].Id, i);
        }

        var pairs = new List<(int First, int Second)>();
        foreach (var (a, b) in lookAlikes)
        {
            if (position.TryGetValue(merged[a].Id, out var first) && position.TryGetValue(merged[b].Id, out var second))
            {
                pairs.Add(first < second ? (first, second) : (second, first));
            }
        }

        return [.. pairs.Distinct().Order().Select(p => new PossibleDuplicate(timeline[p.First], timeline[p.Second]))];
    }

    /// <summary>Where an undated article's statements sort: after every real publication date (a sort key only).</summary>
    private static readonly PartialDate UndatedOrder = new(9999);

    /// <summary>Timeline order: date (coarser precision first on the same first day), then earliest source, then position.</summary>
    public static IReadOnlyList<TimelineEvent> Order(IEnumerable<TimelineEvent> events, IReadOnlyDictionary<string, PartialDate> published)
    {
        var list = events.ToList();
        var keys = new EventKey[list.Count];
        for (var i = 0; i < list.Count; i++)
        {
            var e = list[i];
            var firstPublished = e.Sources.Count == 0 ? default : published.GetValueOrDefault(e.Sources[0].ArticleId);
            keys[i] = new EventKey(e.Date, firstPublished, e.Sources.Count == 0 ? string.Empty : e.Sources[0].File, i);
        }

        // The position is unique, so the id (the last key of the original order) never decides and is not compared.
        Array.Sort(keys, EventKey.Compare);
        return keys.Select(k => list[k.Position]).ToList();
    }

    private static long DateKey(PartialDate date) => ((long)date.FirstDay.DayNumber << 2) | (long)date.Precision;

    // Dates are compared as one number (first day, then precision — PartialDate's own order) instead of building DateOnly
    // values in each of the millions of comparisons of a large corpus. A default date (no source, unknown article) has
    // no first day; it is compared the way PartialDate itself would (which throws, as the plain sort would).
    private readonly record struct EventKey(PartialDate Date, PartialDate Published, string File, int Position)
    {
        private long DateOrder { get; } = Date.Year == 0 ? long.MinValue : DateKey(Date);

        private long PublishedOrder { get; } = Published.Year == 0 ? long.MinValue : DateKey(Published);

        public static int Compare(EventKey a, EventKey b)
        {
            var order = Dates(a.DateOrder, a.Date, b.DateOrder, b.Date);
            if (order == 0)
            {
                order = Dates(a.PublishedOrder, a.Published, b.PublishedOrder, b.Published);
            }

            if (order == 0)
            {
                order = string.CompareOrdinal(a.File, b.File);
            }

            return order != 0 ? order : a.Position.CompareTo(b.Position);
        }

        private static int Dates(long a, PartialDate aDate, long b, PartialDate bDate) =>
            a == long.MinValue || b == long.MinValue ? aDate.CompareTo(bDate) : a.CompareTo(b);
    }

    // Publication date, file name, then position in the file; ties keep the articles' order. The publication date is
    // compared as one number (first day, then precision — PartialDate's own order) instead of building DateOnly values
    // in each of the few million comparisons of a large corpus.
    private static List<DatedStatement> InStatementOrder(IReadOnlyList<ArticleExtraction> articles, Dictionary<string, PartialDate> published)
    {
        var statements = articles.SelectMany(a => a.Statements).ToArray();
        var keys = new StatementKey[statements.Length];
        for (var i = 0; i < statements.Length; i++)
        {
            var s = statements[i];
            keys[i] = new StatementKey(DateKey(published[s.ArticleId]), s.FileName, s.Sentence.Block, s.Sentence.Index, s.Expression.Start, i);
        }

        Array.Sort(keys, StatementKey.Compare);
        return keys.Select(k => statements[k.Position]).ToList();
    }

    private readonly record struct StatementKey(long Published, string File, int Block, int Index, int Start, int Position)
    {
        public static int Compare(StatementKey a, StatementKey b)
        {
            var order = a.Published.CompareTo(b.Published);
            if (order == 0)
            {
                order = string.CompareOrdinal(a.File, b.File);
            }

            if (order == 0)
            {
                order = a.Block.CompareTo(b.Block);
            }

            if (order == 0)
            {
                order = a.Index.CompareTo(b.Index);
            }

            if (order == 0)
            {
                order = a.Start.CompareTo(b.Start);
            }

            return order != 0 ? order : a.Position.CompareTo(b.Position);
        }
    }

    private static TimelineEvent ToEvent(IReadOnlyList<DatedStatement> statements, Dictionary<string, Script> scripts)
    {
        var primary = statements[0];
        var chosen = ChooseDate(statements);
        // Most events have one source; they skip the de-duplication.
        var sources = statements.Count == 1
            ? [Source(primary)]
            : statements.Select(Source).DistinctBy(s => (s.ArticleId, s.Anchor)).ToList();
        return new TimelineEvent(
            EventIds.For(primary),
            chosen.Expression.Date,
            chosen.Expression.End,
            statements.Count == 1 ? primary.Title : EventTitles.Best(statements.Select(s => s.Title).ToList()),
            primary.Category,
            statements.All(s => s.Planned),
            chosen.Expression.Approximate,
            sources,
            TitleScript: scripts.TryGetValue(primary.ArticleId, out var script) ? script : null);
    }

    private static EventSource Source(DatedStatement s) =>
        new(s.FileName, s.ArticleId, s.Sentence.Text, s.Expression.Text, s.Sentence.Anchor);

    // A group's dates form a chain (each contains or refines every other), so the innermost is the most precise; among
    // equal spans, the exact over the approximate, then the first told.
    private static DatedStatement ChooseDate(IReadOnlyList<DatedStatement> statements)
    {
        var best = statements[0];
        var bestSpan = DateSpan.Of(best.Expression);
        for (var i = 1; i < statements.Count; i++)
        {
            var candidate = statements[i];
            var span = DateSpan.Of(candidate.Expression);
            if (IsBetterDate(candidate, span, best, bestSpan))
            {
                (best, bestSpan) = (candidate, span);
            }
        }

        return best;
    }

    // Strictly better only, so among equals the first told stays chosen.
    private static bool IsBetterDate(DatedStatement candidate, DateSpan candidateSpan, DatedStatement best, DateSpan bestSpan) =>
        candidateSpan.Days != bestSpan.Days ? candidateSpan.Days < bestSpan.Days : !candidate.Expression.Approximate && best.Expression.Approximate;
}
