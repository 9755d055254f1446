using System.Globalization;
using HetaoSite.Core.Model;

namespace HetaoSite.Core.Rendering;

/// <summary>
/// Which list page shows which events, so that list pages stay readable and cheap at any size. A site with at most
/// <c>site.paginate</c> events lists every event on the home page (each event's link is <c>/#id</c>). A larger site is
/// <em>paged</em>: each year's events are cut into pages of at most that many (<c>/years/2024/</c>,
/// <c>/years/2024/page/2/</c>…), the home page shows the first of them, and an event's link is its year page
/// (<c>/years/2024/page/2/#id</c>). Pages are cut at month boundaries where a month fits, so adding an article changes
/// the pages of the months it tells about rather than shifting every later page.
/// </summary>
/// <example>With <c>paginate: 3</c> and events in 2024-01 (2), 2024-02 (2), 2024-03 (5): pages [Jan], [Feb], [Mar ×3], [Mar ×2].</example>
public sealed class TimelinePages
{
    private readonly Dictionary<string, string> _yearPageOfEvent = new(StringComparer.Ordinal);

    private TimelinePages(int pageSize, bool paged, IReadOnlyDictionary<int, IReadOnlyList<IReadOnlyList<TimelineEvent>>> years,
        IReadOnlyList<string> sequence)
    {
        PageSize = pageSize;
        Paged = paged;
        Years = years;
        Sequence = sequence;
        foreach (var (year, pages) in years)
        {
            for (var i = 0; i < pages.Count; i++)
            {
                foreach (var e in pages[i])
                {
                    _yearPageOfEvent.TryAdd(e.Id, YearPath(year, i + 1));
                }
            }
        }
    }

    /// <summary>Events per page; 0 = never paged.</summary>
    public int PageSize { get; }

    /// <summary>True when the site has more events than fit one page: the home page then shows only the first year page.</summary>
    public bool Paged { get; }

    /// <summary>Each year's pages, events in display order.</summary>
    public IReadOnlyDictionary<int, IReadOnlyList<IReadOnlyList<TimelineEvent>>> Years { get; }

    /// <summary>The path of every year page in reading order (years in display order, then page number).</summary>
    public IReadOnlyList<string> Sequence { get; }

    /// <param name="events">All events in timeline order (oldest first).</param>
    /// <param name="pageSize">Events per page (<c>site.paginate</c>); 0 = never paged.</param>
    /// <param name="newestFirst">Display order (<c>site.order</c>).</param>
    public static TimelinePages Build(IReadOnlyList<TimelineEvent> events, int pageSize, bool newestFirst)
    {
        var display = InDisplayOrder(events, newestFirst);
        var years = new Dictionary<int, IReadOnlyList<IReadOnlyList<TimelineEvent>>>();
        var sequence = new List<string>();
        foreach (var year in display.GroupBy(e => e.Date.Year))
        {
            var pages = Split([.. year], pageSize);
            years[year.Key] = pages;
            sequence.AddRange(Enumerable.Range(1, pages.Count).Select(n => YearPath(year.Key, n)));
        }

        return new TimelinePages(pageSize, pageSize > 0 && events.Count > pageSize, years, sequence);
    }

    public static IReadOnlyList<TimelineEvent> InDisplayOrder(IReadOnlyList<TimelineEvent> events, bool newestFirst) =>
        newestFirst ? [.. events.Reverse()] : events;

    /// <summary>
    /// Cuts a list (in display order) into pages of at most <paramref name="pageSize"/> events. A list that fits is one
    /// page; otherwise a page never spans two years, holds whole months while they fit, and a month larger than a page
    /// is cut into full pages.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<TimelineEvent>> Split(IReadOnlyList<TimelineEvent> events, int pageSize)
    {
        if (pageSize <= 0 || events.Count <= pageSize)
        {
            return [events];
        }

        var pages = new List<IReadOnlyList<TimelineEvent>>();
        var current = new List<TimelineEvent>();
        foreach (var month in events.GroupBy(e => (e.Date.Year, e.Date.Month)).Select(g => g.ToList()))
        {
            var otherYear = current.Count > 0 && current[0].Date.Year != month[0].Date.Year;
            if (current.Count > 0 && (otherYear || current.Count + month.Count > pageSize))
            {
                pages.Add(current);
                current = [];
            }

            var offset = 0;
            for (; month.Count - offset > pageSize; offset += pageSize)
            {
                pages.Add(month.GetRange(offset, pageSize));
            }

            current.AddRange(month.Skip(offset));
        }

        if (current.Count > 0)
        {
            pages.Add(current);
        }

        return pages;
    }

    /// <summary>Where the timeline shows an event: <c>/#id</c> on a site that is not paged, else its year page.</summary>
    public string EventPath(TimelineEvent e) => Paged ? YearEventPath(e) : "/#" + e.Id;

    /// <summary>The event on its year page, which lists all its sources: <c>/years/2024/#id</c> or <c>/years/2024/page/2/#id</c>.</summary>
    public string YearEventPath(TimelineEvent e) =>
        (_yearPageOfEvent.TryGetValue(e.Id, out var path) ? path : YearPath(e.Date.Year, 1)) + "#" + e.Id;

    /// <summary><c>/years/2024/</c> for page 1, <c>/years/2024/page/2/</c> after.</summary>
    public static string YearPath(int year, int number) => Numbered($"/years/{year.ToString(CultureInfo.InvariantCulture)}/", number);

    /// <summary>A list page's path: the list's own path for page 1, <c>{path}page/{n}/</c> after.</summary>
    public static string Numbered(string path, int number) =>
        number <= 1 ? path : $"{path}page/{number.ToString(CultureInfo.InvariantCulture)}/";
}
