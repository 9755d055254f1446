using HetaoSite.Core.Model;
using HetaoSite.Core.Rendering;

namespace HetaoSite.Core.Tests.Rendering;

public sealed class TimelinePagesTests
{
    private static TimelineEvent Event(string id, PartialDate date) =>
        new(id, date, null, "標題" + id, "policy", false, false, []);

    /// <summary>Events "y-m-n" for each (year, month, count); month 0 = known only to the year.</summary>
    private static List<TimelineEvent> Events(params (int Year, int Month, int Count)[] months) =>
    [
        .. months.SelectMany(m => Enumerable.Range(1, m.Count).Select(n =>
            Event($"e{m.Year}-{m.Month}-{n}", m.Month == 0 ? new PartialDate(m.Year) : new PartialDate(m.Year, m.Month)))),
    ];

    private static string Shape(IReadOnlyList<IReadOnlyList<TimelineEvent>> pages) =>
        string.Join(" | ", pages.Select(p => string.Join(",", p.GroupBy(e => e.Date.ToString()).Select(g => $"{g.Key}×{g.Count()}"))));

    [Theory]
    [InlineData(0, "2024-01×2,2024-02×2,2024-03×5")]
    [InlineData(9, "2024-01×2,2024-02×2,2024-03×5")]
    [InlineData(4, "2024-01×2,2024-02×2 | 2024-03×4 | 2024-03×1")]
    [InlineData(3, "2024-01×2 | 2024-02×2 | 2024-03×3 | 2024-03×2")]
    [InlineData(5, "2024-01×2,2024-02×2 | 2024-03×5")]
    public void Pages_hold_whole_months_while_they_fit_and_cut_a_larger_month(int pageSize, string expected)
    {
        var pages = TimelinePages.Split(Events((2024, 1, 2), (2024, 2, 2), (2024, 3, 5)), pageSize);

        Assert.Equal(expected, Shape(pages));
    }

    [Fact]
    public void A_list_that_needs_pages_never_puts_two_years_on_one_page()
    {
        var pages = TimelinePages.Split(Events((2023, 0, 1), (2023, 12, 1), (2024, 1, 1), (2024, 2, 3)), pageSize: 4);

        Assert.Equal("2023×1,2023-12×1 | 2024-01×1,2024-02×3", Shape(pages));
    }

    [Fact]
    public void A_small_site_is_not_paged_and_links_events_to_the_home_page()
    {
        var events = Events((2023, 5, 2), (2024, 1, 1));
        var pages = TimelinePages.Build(events, pageSize: 3, newestFirst: false);

        Assert.False(pages.Paged);
        Assert.Equal("/#e2023-5-1", pages.EventPath(events[0]));
        Assert.Equal("/years/2023/#e2023-5-1", pages.YearEventPath(events[0]));
        Assert.Equal(["/years/2023/", "/years/2024/"], pages.Sequence);
    }

    [Fact]
    public void A_paged_site_links_each_event_to_the_year_page_that_lists_it()
    {
        var events = Events((2023, 5, 2), (2024, 1, 2), (2024, 2, 2));
        var pages = TimelinePages.Build(events, pageSize: 2, newestFirst: false);

        Assert.True(pages.Paged);
        Assert.Equal(["/years/2023/", "/years/2024/", "/years/2024/page/2/"], pages.Sequence);
        Assert.Equal("/years/2024/page/2/#e2024-2-1", pages.EventPath(events[4]));
        Assert.Equal("/years/2024/#e2024-1-2", pages.EventPath(events[3]));
    }

    [Fact]
    public void Newest_first_pages_start_with_the_latest_year()
    {
        var events = Events((2023, 5, 2), (2024, 1, 2), (2024, 2, 2));
        var pages = TimelinePages.Build(events, pageSize: 2, newestFirst: true);

        Assert.Equal(["/years/2024/", "/years/2024/page/2/", "/years/2023/"], pages.Sequence);
        Assert.Equal("/years/2024/#e2024-2-2", pages.EventPath(events[5]));
        Assert.Equal("/years/2024/page/2/#e2024-1-1", pages.EventPath(events[2]));
    }
}
