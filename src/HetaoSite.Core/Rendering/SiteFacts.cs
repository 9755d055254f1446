using HetaoSite.Core.Configuration;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// What every rendering needs to look up, computed once per build and the same for both scripts: articles by id,
/// events by cited sentence, categories in config order, years with events, the base path and the build date.
/// Lookups are dictionaries so that rendering stays linear in the number of articles and events.
/// </summary>
internal sealed class SiteFacts
{
    public SiteFacts(SiteContent content)
    {
        Content = content;
        _reportLines = new(() => BuildReport.Lines(content));
        Events = content.Timeline.Events;
        BasePath = SiteConfigParser.NormaliseBasePath(content.Context.BasePathOverride ?? content.Config.Site.BasePath);
        // The tables are sized up front: growing them step by step was a good part of making them.
        ArticlesById = new(content.Articles.Count, StringComparer.Ordinal);
        EventsById = new(Events.Count, StringComparer.Ordinal);
        CitedIn = new(content.Articles.Count, StringComparer.Ordinal);
        var firstById = new Dictionary<string, int>(Events.Count, StringComparer.Ordinal);
        EventCountByArticle = new(content.Articles.Count, StringComparer.Ordinal);
        EventsByArticle = new(content.Articles.Count, StringComparer.Ordinal);
        foreach (var article in content.Articles)
        {
            ArticlesById.TryAdd(article.Article.Id, article);
        }

        for (var index = 0; index < Events.Count; index++)
        {
            var e = Events[index];
            EventsById.TryAdd(e.Id, e);
            ref var first = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(firstById, e.Id, out var seen);
            if (!seen)
            {
                first = index;
            }

            EventCountByCategory[e.Category] = EventCountByCategory.GetValueOrDefault(e.Category) + 1;
            EventCountByYear[e.Date.Year] = EventCountByYear.GetValueOrDefault(e.Date.Year) + 1;
            ref var ofYear = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(EventsByYear, e.Date.Year, out _);
            (ofYear ??= []).Add(e);
            foreach (var source in e.Sources)
            {
                ref var anchors = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(CitedIn, source.ArticleId, out _);
                anchors ??= new(StringComparer.Ordinal);
                ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(anchors, source.Anchor, out _);
                list ??= [];
                // An event citing one sentence twice links back once.
                var citing = new CitingEvent(e, first);
                if (!list.Contains(citing))
                {
                    list.Add(citing);
                }
            }

            for (var i = 0; i < e.Sources.Count; i++)
            {
                // Each article once, where it is first cited.
                var articleId = e.Sources[i].ArticleId;
                if (CitedEarlier(e.Sources, i))
                {
                    continue;
                }

                EventCountByArticle[articleId] = EventCountByArticle.GetValueOrDefault(articleId) + 1;
                if (!EventsByArticle.TryGetValue(articleId, out var cited))
                {
                    EventsByArticle[articleId] = cited = [];
                }

                cited.Add(e);
            }
        }

        Categories = CategoriesOf(content);
        for (var i = 0; i < Categories.Count; i++)
        {
            CategoryIndex[Categories[i].Id] = i;
        }

        Years = [.. Events.Select(e => e.Date.Year).Distinct().Order()];
        ArticlesByYear = [.. content.Articles.GroupBy(a => a.Article.Published?.Year).OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<ArticleExtraction>)[.. g]))];
        Pages = TimelinePages.Build(Events, content.Config.Site.Paginate, content.Config.Site.NewestFirst);
        _categoryPages = new(() =>
        {
            var byCategory = new Dictionary<string, List<TimelineEvent>>(StringComparer.Ordinal);
            foreach (var e in Events)
            {
                ref var list = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(byCategory, e.Category, out _);
                (list ??= []).Add(e);
            }

            return byCategory.ToDictionary(kv => kv.Key,
                kv => TimelinePages.Split(TimelinePages.InDisplayOrder(kv.Value, content.Config.Site.NewestFirst), Pages.PageSize), StringComparer.Ordinal);
        });
        _eventTexts = new(() =>
        {
            var texts = new EventTexts[Events.Count];
            Parallel.For(0, texts.Length, i => texts[i] = TextsOf(Events[i]));
            return texts;
        });
        BuildDate = content.Context.BuildDate
            ?? content.Config.Site.BuildDate
            ?? content.Articles.Select(a => a.Article.Published?.FirstDay).Max()
            ?? new DateOnly(content.Config.Window.FromYear, 1, 1);
    }

    public SiteContent Content { get; }

    public IReadOnlyList<TimelineEvent> Events { get; }

    /// <summary>The normalised base path: --base-path wins over site.base_path.</summary>
    public string BasePath { get; }

    /// <summary>Context.BuildDate, else site.build_date, else the newest article's published date. Never the clock.</summary>
    public DateOnly BuildDate { get; }

    public Dictionary<string, ArticleExtraction> ArticlesById { get; }

    /// <summary>Each event id's event (the first, should two share one); what pages show for the id.</summary>
    public Dictionary<string, TimelineEvent> EventsById { get; }

    /// <summary>
    /// The events citing each sentence: by article id, then by the sentence's anchor, in timeline order. An article
    /// page looks its own table up once, then each of its sentences by anchor.
    /// </summary>
    public Dictionary<string, Dictionary<string, List<CitingEvent>>> CitedIn { get; }

    /// <summary>An event citing a sentence, with the place in <see cref="Events"/> of the event pages show for its id
    /// (the first with that id; its texts are <see cref="EventTextsByIndex"/> there).</summary>
    internal readonly record struct CitingEvent(TimelineEvent Event, int Shown);

    public Dictionary<string, int> EventCountByArticle { get; }

    /// <summary>How many events each category has (categories without events are absent).</summary>
    public Dictionary<string, int> EventCountByCategory { get; } = new(StringComparer.Ordinal);

    public Dictionary<int, int> EventCountByYear { get; } = [];

    /// <summary>Each year's events, in timeline order.</summary>
    public Dictionary<int, List<TimelineEvent>> EventsByYear { get; } = [];

    /// <summary>The events each article is a source of, in timeline order.</summary>
    public Dictionary<string, List<TimelineEvent>> EventsByArticle { get; }

    /// <summary>Config categories in config order, then any category id an event uses that config does not name.</summary>
    public IReadOnlyList<CategoryRule> Categories { get; }

    public Dictionary<string, int> CategoryIndex { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<int> Years { get; }

    /// <summary>The articles by year of publication, oldest year first, each year's in the site's order of articles; the
    /// undated ones (year null) last.</summary>
    public IReadOnlyList<(int? Year, IReadOnlyList<ArticleExtraction> Articles)> ArticlesByYear { get; }

    /// <summary>The data-quality report's lines (the About page shows their totals, each article page its own); computed once.</summary>
    public IReadOnlyList<BuildReport.ArticleLine> ReportLines => _reportLines.Value;

    private readonly Lazy<IReadOnlyList<BuildReport.ArticleLine>> _reportLines;

    private Dictionary<string, BuildReport.ArticleLine>? _reportLineById;

    /// <summary>An article's line of the report (null for an id no article has).</summary>
    public BuildReport.ArticleLine? ReportLineOf(string articleId)
    {
        var byId = LazyInitializer.EnsureInitialized(ref _reportLineById, () =>
        {
            var lines = new Dictionary<string, BuildReport.ArticleLine>(StringComparer.Ordinal);
            foreach (var line in ReportLines)
            {
                lines.TryAdd(line.ArticleId, line);
            }

            return lines;
        });
        return byId.GetValueOrDefault(articleId);
    }

    /// <summary>
    /// Each category's events (of those that have any) in display order, cut into the pages of its list
    /// (<see cref="TimelinePages.Split"/>): the same for both renderings, made once on first use.
    /// </summary>
    public IReadOnlyDictionary<string, IReadOnlyList<IReadOnlyList<TimelineEvent>>> CategoryPages => _categoryPages.Value;

    private readonly Lazy<Dictionary<string, IReadOnlyList<IReadOnlyList<TimelineEvent>>>> _categoryPages;

    /// <summary>
    /// What each event of <see cref="Events"/> (by its place there) shows alike in both scripts, made once for both
    /// renderings on first use instead of once in each: its dates, links without the script's prefix, escaped id and
    /// category, and the links to the sentences it cites.
    /// </summary>
    public IReadOnlyList<EventTexts> EventTextsByIndex => _eventTexts.Value;

    private readonly Lazy<EventTexts[]> _eventTexts;

    /// <summary>An event's texts that do not depend on the script (see <see cref="EventTextsByIndex"/>).</summary>
    /// <param name="Year">The year, boxed once: each rendering's event object holds it as an object.</param>
    /// <param name="Month">The month, boxed once; null when only the year is known.</param>
    /// <param name="SourcePaths">Each source's <c>/articles/{id}/#{anchor}</c>, in the order of the event's sources.</param>
    internal sealed record EventTexts(string Date, string? End, string DateText, string Precision, object Year, object? Month,
        string Path, string YearPath, string CategoryPath, string CategoryClass, string IdHtml, string CategoryHtml, string[] SourcePaths);

    private EventTexts TextsOf(TimelineEvent e)
    {
        var sourcePaths = new string[e.Sources.Count];
        for (var i = 0; i < sourcePaths.Length; i++)
        {
            sourcePaths[i] = $"/articles/{e.Sources[i].ArticleId}/#{e.Sources[i].Anchor}";
        }

        return new EventTexts(e.Date.ToString(), e.End?.ToString(), DateDisplay.Format(e.Date, e.End), DataFiles.Precision(e.Date.Precision),
            e.Date.Year, e.Date.Month, Pages.EventPath(e), Pages.YearEventPath(e), $"/categories/{e.Category}/", CategoryClass(e.Category),
            System.Net.WebUtility.HtmlEncode(e.Id), System.Net.WebUtility.HtmlEncode(e.Category), sourcePaths);
    }

    /// <summary>Which list page shows which events (<c>site.paginate</c>).</summary>
    public TimelinePages Pages { get; }

    /// <summary>Config categories in config order, then any category id an event uses that config does not name (in ordinal order).</summary>
    public static IReadOnlyList<CategoryRule> CategoriesOf(SiteContent content)
    {
        var categories = content.Config.Categories.ToList();
        foreach (var id in content.Timeline.Events.Select(e => e.Category).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            if (categories.All(c => c.Id != id))
            {
                categories.Add(new CategoryRule(id, id, id, []));
            }
        }

        return categories;
    }

    /// <summary>True when a source before <paramref name="index"/> cites the same article as the one at it.</summary>
    private static bool CitedEarlier(IReadOnlyList<EventSource> sources, int index)
    {
        for (var i = 0; i < index; i++)
        {
            if (string.Equals(sources[i].ArticleId, sources[index].ArticleId, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>CSS class of a category's colour: "cat-0" … "cat-7" (cycling).</summary>
    public string CategoryClass(string id) => "cat-" + (CategoryIndex.GetValueOrDefault(id) % 8).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public string CategoryName(string id, Script script)
    {
        var rule = Categories[CategoryIndex.GetValueOrDefault(id)];
        return script == Script.Hans ? rule.NameHans : rule.Name;
    }
}
